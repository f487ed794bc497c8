"""The event lexicon: the shipped files load, cover CAMEO, and bad entries name file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tidings.codebook import cameo_codebook
from tidings.events.lexicon import (
    FACTUALITY_FILE,
    INTENTS_FILE,
    LEXICON_FILES,
    NOUNS_FILE,
    PARTIES_FILE,
    REFUSALS_FILE,
    VERBS_FILE,
    load_lexicon,
    packaged_base_verbs,
    word_forms,
)
from tidings.tables import TableError, packaged


def test_shipped_lexicon_covers_every_cameo_root_with_known_codes() -> None:
    lexicon = load_lexicon()
    codes = {p.code for found in lexicon.verbs.values() for p in found}
    codes |= {p.code for found in lexicon.nouns.values() for p in found}
    assert codes <= set(cameo_codebook())
    assert {code[:2] for code in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) > 100


def test_phrasal_verbs_take_precedence_over_their_base() -> None:
    lexicon = load_lexicon()
    assert {p.code for p in lexicon.verb_patterns("step", "down")} == {"0831"}
    assert all(p.particle is None for p in lexicon.verb_patterns("call", None))
    # A particle the lexicon does not list makes another verb, with none of its base's codes.
    assert lexicon.verb_patterns("back", "away") == ()
    assert lexicon.verb_patterns("back", None)


def test_word_forms_repair_a_wrong_lemma() -> None:
    assert "hope" in word_forms("hop", "hopes")
    assert "travel" in word_forms("travel", "travelled") or "travell" in word_forms(
        "travel", "travelled"
    )
    assert word_forms("meet", "met")[0] == "meet"


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    for name in LEXICON_FILES:
        shutil.copy(packaged(f"events/{name}"), tmp_path / name)
    return tmp_path


def _append_verb(folder: Path, entry: str) -> int:
    """Append an entry to verbs.yaml; return the line it starts on."""
    path = folder / VERBS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, entry]) + "\n", encoding="utf-8")
    return len(lines) + 1


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('- id: bad_code\n  verbs: [frobnicate]\n  code: "999"', "unknown CAMEO code '999'"),
        ("- id: unquoted\n  verbs: [frobnicate]\n  code: 111", "unknown CAMEO code 111"),
        ('- id: accuse\n  verbs: [frobnicate]\n  code: "112"', "duplicate id 'accuse'"),
        ('- id: typo\n  verb: [frobnicate]\n  code: "112"', "unknown keys ['verb']"),
        ('- id: yaml_on\n  verbs: [call]\n  prep: on\n  code: "020"', "quote on/off"),
        ('- id: clash\n  verbs: [accuse]\n  code: "111"', "'accuse' overlaps the entry on line"),
        (
            '- id: kind\n  verbs: [frobnicate]\n  selects: [thingy]\n  code: "111"',
            "selects: unknown kinds ['thingy']",
        ),
        (
            '- id: roots\n  verbs: [frobnicate]\n  clause_roots: ["190"]\n  code: "112"',
            "clause_roots must be two-digit CAMEO roots",
        ),
    ],
)
def test_a_bad_verb_entry_names_file_and_line(lexicon_copy: Path, entry: str, problem: str) -> None:
    line = _append_verb(lexicon_copy, entry)
    with pytest.raises(TableError, match=re.escape(problem)) as caught:
        load_lexicon(lexicon_copy)
    assert caught.value.path.endswith(VERBS_FILE)
    assert caught.value.line == line


def test_a_noun_coded_twice_is_refused(lexicon_copy: Path) -> None:
    path = lexicon_copy / NOUNS_FILE
    path.write_text(
        path.read_text(encoding="utf-8") + '  - id: again\n    nouns: [attack]\n    code: "190"\n',
        encoding="utf-8",
    )
    with pytest.raises(TableError, match="'attack' is already coded"):
        load_lexicon(lexicon_copy)


def test_a_noun_entry_says_between_whom_with_known_words(lexicon_copy: Path) -> None:
    path = lexicon_copy / NOUNS_FILE
    path.write_text(
        path.read_text(encoding="utf-8")
        + '  - id: brokering\n    nouns: [brokering]\n    between: both\n    code: "045"\n',
        encoding="utf-8",
    )
    with pytest.raises(TableError, match="'between' must be 'source and target' or 'targets'"):
        load_lexicon(lexicon_copy)


def test_a_missing_cue_list_is_refused(lexicon_copy: Path) -> None:
    path = lexicon_copy / FACTUALITY_FILE
    text = path.read_text(encoding="utf-8").replace("speech_verbs:", "speech_verb:")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match="unknown keys \\['speech_verb'\\], missing"):
        load_lexicon(lexicon_copy)


def test_a_refusal_code_must_exist(lexicon_copy: Path) -> None:
    path = lexicon_copy / REFUSALS_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace('"04": "125"', '"04": "12X"'), encoding="utf-8"
    )
    with pytest.raises(TableError, match="12X") as caught:
        load_lexicon(lexicon_copy)
    assert caught.value.line > 1


def test_an_intent_key_must_be_a_cameo_code(lexicon_copy: Path) -> None:
    path = lexicon_copy / INTENTS_FILE
    path.write_text(path.read_text(encoding="utf-8") + '  "99": "036"\n', encoding="utf-8")
    with pytest.raises(TableError, match="'99' is not a CAMEO code here") as caught:
        load_lexicon(lexicon_copy)
    assert caught.value.line == len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("file", "key", "bad", "problem"),
    [
        (INTENTS_FILE, "committing_roots", '["040"', "two-digit CAMEO roots: ['040']"),
        (PARTIES_FILE, "contention_roots", '["080"', "two-digit CAMEO roots: ['080']"),
        (PARTIES_FILE, "mutual_codes", '["meet"', "CAMEO codes: ['meet']"),
        (NOUNS_FILE, "named_by_means", '["kill"', "CAMEO codes: ['kill']"),
    ],
)
def test_a_list_of_codes_must_be_cameo_codes(
    lexicon_copy: Path, file: str, key: str, bad: str, problem: str
) -> None:
    path = lexicon_copy / file
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf'^{key}: \["[0-9]+"', f"{key}: {bad}", text, flags=re.M), "utf-8")
    with pytest.raises(TableError, match=re.escape(f"{key} must be {problem}")) as caught:
        load_lexicon(lexicon_copy)
    lines = enumerate(text.splitlines(), start=1)
    assert caught.value.line == next(n for n, line in lines if line.startswith(key))


def test_parties_must_be_sector_codes(lexicon_copy: Path) -> None:
    path = lexicon_copy / PARTIES_FILE
    path.write_text(
        path.read_text(encoding="utf-8").replace("home_bound: [JUD,", "home_bound: [judges,"),
        encoding="utf-8",
    )
    with pytest.raises(TableError, match="'judges' is not a sector code"):
        load_lexicon(lexicon_copy)


def test_compiled_verbs_lie_beneath_tidings_own(tmp_path: Path) -> None:
    base = tmp_path / "base.tsv"
    base.write_text(
        "verb\tprep\tobjects\tcode\tsource\n"
        "condemn\t\tnation\t051\tmade-up:1\n"
        "upbraid\t\t\t111\tmade-up:2\n"
        "upbraid\tfor\tgreed|sloth\t112\tmade-up:3\n"
        "abolish\t\t\t080\tmade-up:4\n"
        "abolish\t\tban|tariff\t085\tmade-up:5\n"
        "abolish\tby\t\t172\tmade-up:6\n"
        "launch\t\tcampaign\t020\tmade-up:7\n",
        encoding="utf-8",
    )
    own = load_lexicon()
    lexicon = load_lexicon(base_verbs=base)
    # "condemn" is coded in any use, "launch" is a support verb: their own patterns stand alone.
    for verb in ("condemn", "launch"):
        assert lexicon.verb_patterns(verb, None) == own.verb_patterns(verb, None)
    # "abolish" is coded only with some objects: the compiled constructions fill the rest, not
    # its bare use nor an object its own entries take.
    added = set(lexicon.verb_patterns("abolish", None)) - set(own.verb_patterns("abolish", None))
    assert {(p.code, p.preps, p.objects, p.rule) for p in added} == {
        ("085", (), frozenset({"tariff"}), "base.tsv:6"),
        ("172", ("by",), frozenset(), "base.tsv:7"),
    }
    # Verbs only the compiled layer codes come in with ``base_only_verbs``.
    assert lexicon.verb_patterns("upbraid", None) == ()
    every = load_lexicon(base_verbs=base, base_only_verbs=True)
    upbraid = {(p.code, p.preps, p.objects) for p in every.verb_patterns("upbraid", None)}
    assert upbraid == {("111", (), frozenset()), ("112", ("for",), frozenset({"greed", "sloth"}))}
    assert every.verb_patterns("upbraid", None)[0].rule == "base.tsv:3"
    assert base in lexicon.sources
    assert every.base_only_verbs and not lexicon.base_only_verbs


def test_a_bad_compiled_verb_names_file_and_line(tmp_path: Path) -> None:
    base = tmp_path / "base.tsv"
    base.write_text("verb\tprep\tobjects\tcode\tsource\nupbraid\t\t\t999\tx\n", encoding="utf-8")
    with pytest.raises(TableError, match=re.escape("base.tsv:2: unknown CAMEO code '999'")):
        load_lexicon(base_verbs=base)


def test_the_shipped_compiled_verbs_load() -> None:
    own = load_lexicon()
    layered = load_lexicon(base_verbs=packaged_base_verbs())
    assert layered.verbs.keys() == own.verbs.keys()
    patterns = sum(len(found) for found in layered.verbs.values())
    assert patterns > 2 * sum(len(found) for found in own.verbs.values())
    every = load_lexicon(base_verbs=packaged_base_verbs(), base_only_verbs=True)
    assert len(every.verbs) > 2 * len(own.verbs)
