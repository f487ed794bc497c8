"""The Phoenix/PETRARCH-2 converter: its parsers on made-up snippets, and the committed
compiled tables being what it makes of ../shared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.shared_data import shared_path
from tidings.codebook import cameo_codebook
from tidings.dictionaries.phoenix import (
    ACTORS_FILE,
    AGENTS_FILE,
    VERBS_FILE,
    CompiledAgent,
    CompiledRole,
    agent_sectors,
    compile_agents,
    compile_all,
    compile_pattern,
    compile_verbs,
    display_name,
    parse_day,
    parse_role,
    pattern_tokens,
    read_actors,
    split_code,
)
from tidings.tables import packaged

CODES = frozenset(cameo_codebook())
SYNSETS = {"&ARMS": ("rifle", "heavy guns")}

MADE_UP_VERBS = """\
####### SYNONYM SETS #######
&ARMS
+RIFLE
+HEAVY_GUNS

####### VERB PATTERNS #######
---  SCOLD   [111]  ---
SCOLD
BERATE {BERATES BERATED}
- * (FOR &ARMS)                                    [112]   # SCOLD
- * OFF ENVOY                                      [0241]  # SCOLD
- PRESS * ENVOY                                    [114]   # SCOLD
- * WHEN SOMETHING HAPPENS                         [---]   # SCOLD

---  PONDER   [030]  ---
PONDER
+DWELL_ON
MUSE [014]
- * LOUDLY                                         [010]   # MUSE

######## TRANSFORMATIONS ##########
~ a (a b Q) SAY = a b Q
"""

MADE_UP_ACTORS = """\
# made-up actors
ZORAN_QUILL_  # made up
+PRESIDENT_QUILL_
+Z._QUILL
\t[FRAGOV 990101-051231]
\t[FRAELI]
NORTHLAND_
\t[NOR]
MCBRIDE_AL-FAROUK_ [IGOUNO] # made up
ACME_WIDGETS_ [MNCUSA]
"""


def test_pattern_tokens_keep_groups_and_take_the_first_code() -> None:
    tokens, code = pattern_tokens("* OFF {MOCK RAID} (AGAINST +)   [190:190]  # note")
    assert tokens == ["*", "OFF", "{MOCK RAID}", "(AGAINST +)"]
    assert code == "190"
    assert pattern_tokens("* FOO [---]")[1] is None
    assert pattern_tokens("* FOO [:173]")[1] is None


def test_compile_pattern_reads_what_the_parse_can_check() -> None:
    assert compile_pattern(["*", "OFF", "{MOCK RAID}"], SYNSETS) == (
        "off",
        "",
        frozenset({"mock raid"}),
    )
    parsed = compile_pattern(["*", "(FOR &ARMS)"], SYNSETS)
    assert parsed == ("", "for", frozenset({"rifle", "heavy guns", "heavy gun"}))
    assert compile_pattern(["*", "(TO", "+)"], SYNSETS) != "words before the verb"
    assert compile_pattern(["PRESS", "*", "ENVOY"], SYNSETS) == "words before the verb"
    assert compile_pattern(["*", "ENVOY", "(TO CAPITAL)"], SYNSETS) == "more than one constituent"
    assert compile_pattern(["*", "&NOTHING"], SYNSETS) == "undefined synset"
    assert compile_pattern(["*", "$"], SYNSETS) == "source or skip marker after the verb"


@given(
    st.lists(
        st.one_of(
            st.from_regex(r"[A-Z]{1,8}", fullmatch=True),
            st.from_regex(r"\{[A-Z]{1,6} [A-Z]{1,6}\}", fullmatch=True),
            st.from_regex(r"\([A-Z]{1,6}( [A-Z]{1,6})?\)", fullmatch=True),
        ),
        max_size=6,
    )
)
def test_pattern_tokens_split_a_pattern_into_its_parts(parts: list[str]) -> None:
    tokens, code = pattern_tokens(" ".join(["*", *parts]) + "  [042]")
    assert tokens == ["*", *parts]
    assert code == "042"


def test_compile_verbs_expands_blocks_over_their_verbs(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(MADE_UP_VERBS, encoding="utf-8")
    compiled, skipped = compile_verbs(path, CODES)
    found = {(v.verb, v.prep, tuple(sorted(v.objects)), v.code) for v in compiled}
    assert ("scold", "", (), "111") in found
    assert ("berate", "for", ("heavy gun", "heavy guns", "rifle"), "112") in found
    assert ("berate off", "", ("envoy",), "0241") in found
    assert ("muse", "", (), "014") in found
    # A cue category on a bare verb (with its preposition or not), a plain statement, words
    # before the verb: left out.
    assert not any(v.verb in ("ponder", "dwell") for v in compiled)
    assert not any(v.code in ("010", "114") for v in compiled)
    assert skipped["words before the verb"] == 2
    assert skipped["bare verb with a cue-category code"] == 2


MADE_UP_AGENTS = """\
# made-up agents
!PERSON! = MAN, WOMAN
QUILL!PERSON! [~CRM]
WIDGET_GUARD {WIDGET_GUARDS_OF_HONOUR} [~MILGOV] # made up
QUILL_PRIEST [~CTH]
EMBASSY_OF [~GOV]
QUILLMAN [~AGR]
"""


def test_agent_entries_compile_to_role_nouns_and_sectors(tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text(MADE_UP_AGENTS, encoding="utf-8")
    agents, skipped = compile_agents(path)
    assert agents == [
        CompiledAgent("quillman", ("CRM",), 3),
        CompiledAgent("quillwoman", ("CRM",), 3),
        CompiledAgent("widget guard", ("MIL", "GOV"), 4),
        CompiledAgent("widget guards of honour", ("MIL", "GOV"), 4),
    ]
    # A faith is no sector; a phrase ending in "of" is part of a longer one; first entry wins.
    assert skipped == {
        "no sector tidings keeps": 1,
        "part of a longer phrase": 1,
        "duplicate noun": 1,
    }
    assert agent_sectors("GOVMEDUSA") == ("GOV", "MED")


def test_actor_entries_keep_names_aliases_and_dated_roles(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(MADE_UP_ACTORS, encoding="utf-8")
    quill, northland, mcbride, acme = read_actors(path)
    assert quill.name == "Zoran Quill"
    assert quill.aliases == ("President Quill", "Z. Quill")
    # The undated role after dated ones is the default once they end: left to tidings.
    assert quill.roles == (CompiledRole("FRA", ("GOV",), date(1999, 1, 1), date(2005, 12, 31)),)
    assert northland.roles == (CompiledRole("NOR", ()),)
    assert mcbride.name == "McBride al-Farouk"
    assert mcbride.roles == (CompiledRole(None, ("IGO",)),)
    assert acme.roles == ()


def test_codes_dates_and_names() -> None:
    assert split_code("AFGGOVAGR") == ("AFG", ("GOV", "AGR"))
    assert split_code("IGOUNOREF") == (None, ("IGO", "REF"))
    assert split_code("KSVGOV") == ("XKX", ("GOV",))
    assert split_code("NGOHLH") == (None, ("NGO", "HLH"))
    assert split_code("MNCUSA") is None
    assert split_code("QQQGOV") is None
    assert parse_day("620101") == date(1962, 1, 1)
    assert parse_day("100201") == date(2010, 2, 1)
    assert parse_day("20041207") == date(2004, 12, 7)
    assert parse_role("USAGOV > 130201") == CompiledRole("USA", ("GOV",), start=date(2013, 2, 1))
    assert parse_role("USAGOV <130201") == CompiledRole("USA", ("GOV",), end=date(2013, 2, 1))
    assert parse_role("USAGOV 13020") is None
    assert display_name("JEAN_DE_LA_FONTAINE_") == "Jean de La Fontaine"
    assert display_name("O'NEILL") == "O'Neill"
    assert display_name("BASHAR_AL-ASSAD_") == "Bashar al-Assad"
    assert display_name("U.N._PKK") == "U.N. PKK"


def test_committed_tables_are_what_the_converter_makes_of_shared(tmp_path: Path) -> None:
    source = shared_path("data/events/dictionaries/phoenix")
    compile_all(source, tmp_path, CODES)
    for name in (VERBS_FILE, ACTORS_FILE, AGENTS_FILE):
        committed = packaged(f"compiled/{name}").read_text(encoding="utf-8")
        assert committed == (tmp_path / name).read_text(encoding="utf-8"), (
            f"{name} is out of date: rerun python -m tidings.dictionaries.phoenix"
        )
