"""The actor tables: dated roles, sector codes, country names, plurals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pycountry
import pytest

from tidings.actors.knowledge import (
    UNPEOPLED,
    KnownActor,
    Role,
    default_tables,
    load_known_actors,
    plural,
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
