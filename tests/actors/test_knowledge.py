"""The actor tables: dated roles, sector codes, country names, plurals."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

from tidings.actors.knowledge import (
    UNPEOPLED,
    KnownActor,
    Role,
    default_tables,
    load_base_actors,
    load_base_roles,
    load_known_actors,
    load_tables,
    plural,
    with_base_actors,
)
from tidings.tables import TableError


def test_role_by_date() -> None:
    person = KnownActor(
        id="x",
        name="X",
        kind="person",
        roles=(
            Role("USA", ("LEG",), "Senator", date(2011, 1, 3), date(2025, 1, 20)),
            Role("USA", ("GOV",), "Secretary of State", date(2025, 1, 21), None),
        ),
    )
    assert person.actor_on(date(2015, 1, 1)).sectors == ("LEG",)
    assert person.actor_on(date(2025, 3, 1)).sectors == ("GOV",)
    # Before any role: the country of the nearest one, no sector.
    assert person.actor_on(date(2000, 1, 1)).sectors == ()
    assert person.actor_on(None).sectors == ("GOV",)


def test_plural() -> None:
    assert [plural(w) for w in ("protester", "police officer", "militia", "gunman", "ally")] == [
        "protesters",
        "police officers",
        "militias",
        "gunmen",
        "allies",
    ]


def test_default_tables_cover_every_country_and_sector_vocabulary() -> None:
    tables = default_tables()
    named = set(tables.countries.values())
    peopled = {c.alpha_3 for c in pycountry.countries} - UNPEOPLED
    assert peopled <= named
    assert "Antarctica" not in tables.countries
    sectors = {s for codes in tables.roles.values() for s in codes}
    assert {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "MED", "BUS", "CVL"} <= sectors
    assert {"EDU", "HLH", "REL", "NGO", "ELI", "SPY", "CRM"} <= sectors
    assert tables.roles["defense minister"] == ("GOV", "MIL")
    assert tables.countries["Israeli"] == "ISR"
    assert tables.countries["Israelis"] == "ISR"


def test_bad_date_in_kb_file(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(
        "- id: x\n  name: X\n  kind: person\n  roles:\n    - {country: USA, from: soon}\n",
        encoding="utf-8",
    )
    with pytest.raises(TableError, match="not a date"):
        load_known_actors(path)


def test_bad_sector_code_in_kb_file(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("- {id: x, name: X, kind: group, sectors: [rebels]}\n", encoding="utf-8")
    with pytest.raises(TableError, match="not a sector code"):
        load_known_actors(path)


BASE_HEADER = "name\taliases\tcountry\tsectors\tfrom\tto\tsource\n"


def test_compiled_actors_lie_beneath_the_knowledge_base(tmp_path: Path) -> None:
    base = tmp_path / "base.tsv"
    base.write_text(
        BASE_HEADER
        + "Zora Quillfeather\tZ. Quillfeather|President Quillfeather\tFRA\tGOV\t1999-01-01"
        "\t2005-12-31\tmade-up:1\n"
        + "Zora Quillfeather\t\tFRA\tLEG\t2006-01-01\t\tmade-up:1\n"
        + "Quillfeather Front\t\tFRA\tREB\t\t\tmade-up:9\n"
        + "Sam Blinken\t\tUSA\tGOV\t2001-01-01\t\tmade-up:12\n"
        + "Someone\tHamas\tPSE\tGOV\t\t\tmade-up:20\n"
        + "Antony Blinken\tAntony J. Blinken|Secretary Blinken\tUSA\tGOV\t\t\tmade-up:30\n",
        encoding="utf-8",
    )
    tables = default_tables()
    merged = with_base_actors(tables, load_base_actors(base))
    person = merged.known["phoenix:made-up:1"]
    assert person.kind == "person"
    # A title is tidings' to read: "President Quillfeather" is left out.
    assert person.aliases == ("Z. Quillfeather",)
    assert person.actor_on(date(2003, 5, 1)).sectors == ("GOV",)
    assert person.actor_on(date(2010, 5, 1)).sectors == ("LEG",)
    front = merged.known["phoenix:made-up:9"]
    assert (front.kind, front.country, front.sectors) == ("group", "FRA", ("REB",))
    # The knowledge base keeps its names and its people's surnames.
    assert "phoenix:made-up:12" not in merged.known
    assert "phoenix:made-up:20" not in merged.known
    assert merged.known["hamas"] == tables.known["hamas"]
    # One person, one code: the compiled spellings of a known name join its entry.
    assert "phoenix:made-up:30" not in merged.known
    blinken = merged.known["antony-blinken"]
    assert blinken.aliases == (*tables.known["antony-blinken"].aliases, "Antony J. Blinken")


def test_a_bad_compiled_actor_names_file_and_line(tmp_path: Path) -> None:
    base = tmp_path / "base.tsv"
    base.write_text(BASE_HEADER + "Zora Quillfeather\t\tQQQ\tGOV\t\t\tmade-up:1\n", "utf-8")
    with pytest.raises(TableError, match=re.escape("base.tsv:2: unknown country code 'QQQ'")):
        load_base_actors(base)


def test_the_shipped_compiled_actors_load_on_request() -> None:
    tables = load_tables(phoenix_actors=True)
    assert len(tables.known) > 5 * len(default_tables().known)
    assert all(entry.id in tables.known for entry in default_tables().known.values())


def test_compiled_role_nouns_lie_beneath_tidings_own_on_request(tmp_path: Path) -> None:
    base = tmp_path / "roles.tsv"
    base.write_text("noun\tsectors\tsource\nquillwright\tCRM\tmade-up:1\n", "utf-8")
    assert load_base_roles(base) == {"quillwright": ("CRM",), "quillwrights": ("CRM",)}
    own = default_tables().roles
    tables = load_tables(phoenix_agents=True)
    assert tables.roles["arms dealer"] == ("CRM",)
    assert "arms dealer" not in own
    # tidings' own role nouns keep their sectors.
    assert {noun: tables.roles[noun] for noun in own} == own
    base.write_text("noun\tsectors\tsource\nquillwright\tcrm\tmade-up:1\n", "utf-8")
    with pytest.raises(TableError, match=re.escape("roles.tsv:2")):
        load_base_roles(base)
