"""Wire datelines and bylines ("GAZA (Reuters) - ", "AP - ", "MOSCOW -- ") name no actor of
the story. The agency is blanked, every other character keeping its offset; the place stays, as
the place the story was filed from, and the story begins after it."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from tidings.tables import TableError, geonames, packaged, read_yaml

DATELINES_FILE = "nlp/datelines.yaml"
# A place in capitals, perhaps with its country or a date: "BAGHDAD", "NEW DELHI, India".
_PLACE = r"(?P<place>[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]*|[ ,]+\d{1,2}(?:,\s*\d{4})?)*)"
_DASH = r"\s*(?:--|[-\u2013\u2014:])\s*"
# A known place in capitals, perhaps with its country and a date, before a colon or straight
# before the story: "KABUL : ...", "BAGHDAD In his speech ...", "CAIRO, Egypt Oct. 14, 2004 ".
_CAPITALS = re.compile(r"\s*(?P<capitals>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*)")
_COUNTRY_AND_DATE = re.compile(
    r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*)?"
    r"(?:,?\s+[A-Z][a-z]{2,3}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*:\s*|\s*(?:--|[-\u2013\u2014])\s+|\s+(?=[A-Z][a-z]))"
)
# Cities of this size and capitals: a smaller town's name is too often a word.
_DATELINE_CITY_POPULATION = 100_000
# Without an agency, only a spaced dash before a capital ends a dateline: "US-China" does not.
_SPACED_DASH = r"\s+(?:--|[-\u2013\u2014])\s+(?=[A-Z0-9\"\u201c])"


@cache
def dateline_pattern() -> re.Pattern[str]:
    """What opens a wire story: a place and agency ("GAZA (Reuters) -"), an agency alone
    ("AP -") or a place alone before a spaced dash ("MOSCOW -- ")."""
    path = packaged(DATELINES_FILE)
    table = read_yaml(path)
    agencies = table.get("agencies") if isinstance(table, dict) else None
    if not isinstance(agencies, list) or not all(isinstance(a, str) and a for a in agencies):
        raise TableError(path, 1, "'agencies' must be a list of agency names")
    agency = "|".join(re.escape(name) for name in sorted(agencies, key=len, reverse=True))
    # A place in capitals and a colon ("BRUSSELS:") is left alone: transcripts name speakers so.
    signed = rf"(?:{_PLACE}\s*)?\((?:{agency})\){_DASH}|(?:{agency}){_DASH}"
    unsigned = _PLACE.replace("?P<place>", "?P<bare_place>") + _SPACED_DASH
    return re.compile(rf"\s*(?:{signed}|{unsigned})")


def read_dateline(text: str) -> tuple[str, int]:
    """The text with the agencies of its opening datelines blanked, and where its story begins
    (0 when it opens with none)."""
    end = 0
    kept: list[tuple[int, int]] = []
    # A story may carry two: "Canadian Press - MOSCOW (AP) - ...".
    while True:
        if (found := dateline_pattern().match(text, end)) and found.end() > end:
            place = "place" if found.group("place") else "bare_place"
            if found.group(place):
                kept.append(found.span(place))
            end = found.end()
        elif named := _named_place(text, end):
            kept.append(named[0])
            end = named[1]
        else:
            break
    blanked = list(" " * end)
    for start, stop in kept:
        blanked[start:stop] = text[start:stop]
    return "".join(blanked) + text[end:], end


def _named_place(text: str, start: int) -> tuple[tuple[int, int], int] | None:
    """The span of a known place in capitals opening the text at ``start`` and where the story
    after it begins, for datelines of no agency and no spaced dash ("KABUL : ...")."""
    capitals = _CAPITALS.match(text, start)
    if capitals is None:
        return None
    at = capitals.start("capitals")
    words = capitals.group("capitals").split(" ")
    # "NEW YORK UN Secretary ...": the longest run of words that names a place.
    for count in range(len(words), 0, -1):
        name = " ".join(words[:count])
        if name.title() in _place_names():
            stop = at + len(name)
            after = _COUNTRY_AND_DATE.match(text, stop)
            if after is not None and after.end() < len(text):
                return (at, stop), after.end()
    return None


@cache
def _place_names() -> frozenset[str]:
    """Country names, capitals, US states and larger cities, title-cased."""
    gazetteer = geonames()
    countries = gazetteer.get_countries().values()
    names = {str(c["name"]) for c in countries} | {str(c["capital"]) for c in countries}
    names |= {str(state["name"]) for state in gazetteer.get_us_states().values()}
    names |= {
        str(city["name"])
        for city in gazetteer.get_cities().values()
        if int(city["population"]) >= _DATELINE_CITY_POPULATION
    }
    return frozenset(name.title() for name in names if name)


def first_story_word(doc: Doc, story_start: int) -> int:
    """The index of the story's first word, the first at or after ``story_start`` (the Doc's
    length when there is none)."""
    return next((t.i for t in doc if t.idx >= story_start and not t.is_space), len(doc))
