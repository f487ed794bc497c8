"""The country a sentence is in, read from the places and states its actor mentions name."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

# Rules that resolve a mention to a place or a state as written.
PLACE_RULES = frozenset({"country-name", "capital", "city", "country-modifier"})


def place_country(mentions: Iterable[Span]) -> str | None:
    """The one country that the places and states among some mentions lie in, if one."""
    countries = {
        span._.actor.country
        for span in mentions
        if span._.actor and span._.actor.country and span._.resolved_by in PLACE_RULES
    }
    return countries.pop() if len(countries) == 1 else None
