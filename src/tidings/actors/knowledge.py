"""The actor tables: country names, role nouns, descriptions and the knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from tidings.records import Actor
from tidings.tables import TableError, packaged, read_tsv, read_yaml

KINDS = ("person", "group", "organisation", "media")


@dataclass(frozen=True)
class Role:
    """A dated position of a person."""

    country: str | None
    sectors: tuple[str, ...]
    title: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        """Whether the role was held on that day."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def distance(self, day: date) -> int:
        """Days between the day and this role's time in office (0 while it is held)."""
        if self.holds_on(day):
            return 0
        if self.start is not None and day < self.start:
            return (self.start - day).days
        assert self.end is not None
        return (day - self.end).days


@dataclass(frozen=True)
class KnownActor:
    """An entry of the knowledge base."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sectors: tuple[str, ...] = ()
    gender: str | None = None
    roles: tuple[Role, ...] = ()

    def actor_on(self, day: date | None) -> Actor:
        """The actor as it was on that day (a person's role depends on the date)."""
        if not self.roles:
            return Actor(self.name, self.country, self.sectors, self.id)
        if day is None:
            role = self.roles[-1]
            return Actor(self.name, role.country, role.sectors, self.id)
        role = min(self.roles, key=lambda r: r.distance(day))
        sectors = role.sectors if role.holds_on(day) else ()
        return Actor(self.name, role.country, sectors, self.id)

    def titles(self) -> set[str]:
        """Lower-case titles of the person's roles ("secretary of state")."""
        return {role.title.lower() for role in self.roles}


@dataclass(frozen=True)
class Description:
    """What a definite description ("the terrorist group") can refer back to."""

    kind: str
    plural: bool = False


@dataclass(frozen=True)
class ActorTables:
    """Everything the actor component looks things up in."""

    countries: dict[str, str]
    country_labels: dict[str, str]
    roles: dict[str, str]
    descriptions: dict[str, Description]
    known: dict[str, KnownActor] = field(default_factory=dict)

    def with_known(self, entries: list[KnownActor]) -> ActorTables:
        """These tables with entries added, replacing those with the same id."""
        known = {**self.known, **{entry.id: entry for entry in entries}}
        return ActorTables(
            self.countries, self.country_labels, self.roles, self.descriptions, known
        )


def plural(noun: str) -> str:
    """The regular English plural of a noun or of a phrase's last word."""
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _country_names(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Names that refer to a country, and a readable label per country code."""
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value] = country.alpha_3
    for line, row in read_tsv(path):
        code = row["country"]
        if pycountry.countries.get(alpha_3=code) is None and code != "XKX":
            raise TableError(path, line, f"unknown country code {code!r}")
        names[row["name"]] = code
        # The table lists each country's usual name before its short forms and adjectives.
        if any(c.islower() for c in row["name"]):
            labels.setdefault(code, row["name"])
        # Demonyms name people too: "Israelis", "Palestinians".
        if row["name"].endswith(("an", "i")):
            names.setdefault(row["name"] + "s", code)
    for country in pycountry.countries:
        label = getattr(country, "common_name", None) or country.name
        labels.setdefault(country.alpha_3, label)
    return names, labels


def _roles(path: Path) -> dict[str, str]:
    table = read_yaml(path)
    roles: dict[str, str] = {}
    for sector, nouns in table.items():
        if not isinstance(nouns, list):
            raise TableError(path, 0, f"sector {sector} must list nouns")
        for noun in nouns:
            roles[str(noun).lower()] = sector
            roles.setdefault(plural(str(noun).lower()), sector)
    return roles


def _descriptions(path: Path) -> dict[str, Description]:
    table = read_yaml(path)
    return {noun: Description(**spec) for noun, spec in table.items()}


def _day(value: Any, path: Path, entry: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise TableError(path, 0, f"{entry}: {value!r} is not a date") from None


def load_known_actors(path: Path) -> list[KnownActor]:
    """Read a knowledge-base YAML file (tidings' own or a user's)."""
    entries = read_yaml(path) or []
    if not isinstance(entries, list):
        raise TableError(path, 1, "the file must be a list of actors")
    known = []
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number} ({entry.get('id', '?') if isinstance(entry, dict) else entry})"
        if not isinstance(entry, dict) or not {"id", "name", "kind"} <= entry.keys():
            raise TableError(path, 0, f"{where}: needs id, name and kind")
        if entry["kind"] not in KINDS:
            raise TableError(path, 0, f"{where}: kind must be one of {', '.join(KINDS)}")
        roles = tuple(
            Role(
                country=role.get("country"),
                sectors=tuple(role.get("sectors", ())),
                title=role.get("title", ""),
                start=_day(role.get("from"), path, where),
                end=_day(role.get("to"), path, where),
            )
            for role in entry.get("roles", ())
        )
        known.append(
            KnownActor(
                id=entry["id"],
                name=entry["name"],
                kind=entry["kind"],
                aliases=tuple(entry.get("aliases", ())),
                country=entry.get("country"),
                sectors=tuple(entry.get("sectors", ())),
                gender=entry.get("gender"),
                roles=roles,
            )
        )
    return known


@cache
def default_tables() -> ActorTables:
    """tidings' own tables."""
    countries, labels = _country_names(packaged("actors/countries.tsv"))
    tables = ActorTables(
        countries=countries,
        country_labels=labels,
        roles=_roles(packaged("actors/roles.yaml")),
        descriptions=_descriptions(packaged("actors/descriptions.yaml")),
    )
    return tables.with_known(load_known_actors(packaged("actors/kb.yaml")))


def load_tables(extra_actors: Path | None = None) -> ActorTables:
    """tidings' tables, extended by a user's knowledge-base file."""
    tables = default_tables()
    return tables.with_known(load_known_actors(extra_actors)) if extra_actors else tables
