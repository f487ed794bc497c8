"""Where a sentence happens, read from its actor mentions (``doc._.sentence_countries``)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

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
