"""What the words around a noun say about actors, for the actor and event components alike:
the words that name an actor modifying it, and the country its sentence is in."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

# How an actor's name modifies a noun: "U.S. request", "Australian ultimatum", "UN appeal".
ACTOR_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Rules that resolve a mention to a place or a state as written.
PLACE_RULES = frozenset({"country-name", "capital", "city", "country-modifier"})


def actor_modifiers(head: Token) -> list[Token]:
    """The words that may name an actor modifying a noun, through a compound too: "US" in
    "US Predator attacks"."""
    found = [c for c in head.children if c.dep_ in ACTOR_MODIFIER_DEPS]
    found += [g for c in found if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    return found


def place_country(mentions: Iterable[Span]) -> str | None:
    """The one country that the places and states among some mentions lie in, if one."""
    countries = {
        span._.actor.country
        for span in mentions
        if span._.actor and span._.actor.country and span._.resolved_by in PLACE_RULES
    }
    return countries.pop() if len(countries) == 1 else None
