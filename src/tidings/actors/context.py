"""What the words around a noun say about actors, for the actor and event components alike:
the words that name an actor modifying it, and the country where its sentence happens."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from tidings.actors.knowledge import default_tables

# How an actor's name modifies a noun: "U.S. request", "Peruvian demand", "UN appeal".
ACTOR_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Rules that resolve a mention to a place or a state as written.
PLACE_RULES = frozenset({"country-name", "capital", "city"})
# Nouns of places that a country word modifying them locates: "in the Syrian capital", "in the
# southern Lebanese town of Qana" (not borders, which two countries share).
# fmt: off
PLACE_NOUNS = frozenset({
    "capital", "city", "town", "village", "province", "region", "district", "state", "county",
    "area", "port", "camp", "territory", "soil", "enclave", "suburb", "countryside",
})
# fmt: on
# Prepositions that say where something happens: "in Gaza", "near the town of Samarra".
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within"}
)


def actor_modifiers(head: Token) -> list[Token]:
    """The words that may name an actor modifying a noun, through a compound too: "US" in
    "US Predator attacks", and each of joined ones: "the Armenian and Azerbaijani sides"."""
    found = [c for c in head.children if c.dep_ in ACTOR_MODIFIER_DEPS]
    found += [g for c in found if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    found += [g for c in found for g in c.children if g.dep_ == "conj"]
    return found


def names_another_party(noun: Token) -> bool:
    """Whether a noun names a party related to the state that owns or modifies it, not that
    state: "Israel's militia ally", "US allies" (``relations`` in modifiers.yaml). An alliance's
    allies are its own members ("NATO allies")."""
    return noun.lemma_.lower() in default_tables().modifiers.relations


def owners_it_stands_for(noun: Token, owners: Sequence[Span]) -> tuple[Span, ...]:
    """The actors owning or modifying a noun that it stands for: all, but no state for a noun
    naming another party ("Iran's proxies" are not Iran; "NATO allies" are NATO)."""
    if not names_another_party(noun):
        return tuple(owners)
    return tuple(span for span in owners if span._.actor is None or not span._.actor.country)


def sentence_country(sentence: Span, mentions: Sequence[Span]) -> str | None:
    """The one country where a sentence happens, read from a Doc's mentions (in text order)."""
    first = bisect_left(mentions, sentence.start, key=lambda span: span.start)
    last = bisect_left(mentions, sentence.end, key=lambda span: span.start)
    return _place_country(mentions[first:last])


def _place_country(mentions: Iterable[Span]) -> str | None:
    """The one country of the places where something happens among some mentions, if one:
    "in Gaza", "near the town of Samarra"; not a state that acts or is acted on ("criticized
    Russia")."""
    # Places the sentence goes from or to ("crossed from Somalia") do not place it, but make
    # where it happens ambiguous.
    located: set[str] = set()
    placed: set[str] = set()
    for span in mentions:
        place = span.root if span._.resolved_by in PLACE_RULES else _place_modified(span)
        preposition = _preposition(place) if place is not None else None
        if preposition is not None and span._.actor.country:
            located.add(span._.actor.country)
            if preposition in LOCATIVE_PREPOSITIONS:
                placed.add(span._.actor.country)
    return placed.pop() if len(placed) == 1 and located == placed else None


def _place_modified(span: Span) -> Token | None:
    """The place noun a country mention modifies: "capital" in "the Syrian capital"."""
    return place_it_modifies(span.root) if span._.resolved_by == "country-modifier" else None


def place_it_modifies(word: Token) -> Token | None:
    """The place noun a word modifies: "city" in "the northern Lebanese city"."""
    head = word.head
    modifies = word.dep_ in ("amod", "compound") and head.lemma_.lower() in PLACE_NOUNS
    return head if modifies else None


def _preposition(token: Token) -> str | None:
    """The preposition a place hangs from: "in" for "in Gaza" and "in Syria's Idlib province";
    "outside the city of Basra" and "outside of Basra" give "outside"."""
    if token.dep_ == "poss":
        token = token.head  # "in Syria's Idlib province": the province's preposition
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head
    if token.dep_ != "pobj":
        return None
    preposition = token.head
    if preposition.lower_ == "of" and preposition.head.lower_ in LOCATIVE_PREPOSITIONS:
        return preposition.head.lower_  # "outside of Basra", "inside of Syria"
    return preposition.lower_
