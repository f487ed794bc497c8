"""What tidings' components hang on a spaCy Doc, and the one place that registers it.

Components communicate only through these extensions:

- ``doc._.published``: the article's publication date (set before the pipeline runs).
- ``doc._.story_start``: where the story begins after a wire dateline, whose place names no
  actor (set before the pipeline runs; 0 without one).
- ``doc._.actor_mentions``: spans naming actors; each has ``span._.actor`` (an Actor) and
  ``span._.resolved_by`` (the rule, knowledge-base entry or coreference that resolved it). A plural
  reference to several actors ("the two countries") has ``span._.members`` (a tuple of Actors)
  instead; events with it as source or target become one event per member.
- ``doc._.party_nouns``: the token indices of nouns that name a party related to an actor, not
  the actor ("Iran's proxies", "US allies"); ``doc._.sentence_countries``: by the index of a
  sentence's first token, the one country where the sentence happens, if the actors tell one.
- ``doc._.dateline``: the place a wire dateline names, where the story was filed ("KABUL"), with
  ``span._.actor`` its country; not an actor mention.
- ``doc._.times`` / ``doc._.places``: temporal expressions (``span._.time``: TimeValue) and
  toponyms (``span._.place``: Place).
- ``doc._.quotes``: QuoteAnnotation objects.
- ``doc._.events``: EventAnnotation objects. Where the events stage completes an actor the
  actor stage left open (an unnamed perpetrator, a country read from the partner of the act),
  it says so in ``span._.event_actor`` (an EventActor) and leaves ``span._.actor`` alone.

Each extension is assigned by one component, declared in its factory (``tidings.pipeline``).

``tidings.nlp.convert`` turns these into the records of ``tidings.records``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from tidings.records import Actor, DatePrecision, Factuality, QuoteKind

# How an actor's name modifies a noun: "U.S. request", "Peruvian demand", "UN appeal".
ACTOR_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True)
class TimeValue:
    """A temporal expression resolved against the publication date."""

    date: date | None
    precision: DatePrecision | None
    is_duration: bool = False


@dataclass(frozen=True)
class QuoteAnnotation:
    """A quote as found in a Doc; ``speaker`` is an actor-mention span where one was found."""

    kind: QuoteKind
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    reported_by: Span | None
    rule: str


@dataclass(frozen=True)
class EventAnnotation:
    """An event as found in a Doc; ``source``/``target`` are actor-mention spans."""

    trigger: Span
    source: Span | None
    target: Span | None
    cameo_code: str
    factuality: Factuality
    rule: str
    reported_by: Span | None = None
    when: Span | None = None
    where: Span | None = None
    reciprocal: bool = False
    # The registered rules that found the source ("subject.v1") and the target
    # ("protest-purpose.v1"), where one did.
    source_rule: str = ""
    target_rule: str = ""


@dataclass(frozen=True)
class EventActor:
    """An actor as the events stage completes it, with how (``resolved_by`` as for mentions)."""

    actor: Actor
    resolved_by: str


_DOC_EXTENSIONS = (
    "published", "story_start", "actor_mentions", "party_nouns", "sentence_countries", "dateline",
    "times", "places", "quotes", "events",
)  # fmt: skip
_SPAN_EXTENSIONS = ("actor", "members", "resolved_by", "time", "place", "event_actor")


def register_extensions() -> None:
    """Register tidings' Doc and Span extensions; safe to call more than once."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def mention_at(doc: Doc, start: int, end: int) -> Span | None:
    """The actor mention covering tokens ``start:end``, preferring the smallest one."""
    covering = [
        span for span in doc._.actor_mentions or () if span.start <= start and end <= span.end
    ]
    return min(covering, key=len, default=None)


def actor_of(span: Span) -> Actor | None:
    """The actor a span names, as the events stage completed it where it did."""
    completed: EventActor | None = span._.event_actor
    return completed.actor if completed is not None else span._.actor


def resolved_by_of(span: Span) -> str | None:
    """How a span's actor was resolved, as the events stage completed it where it did."""
    completed: EventActor | None = span._.event_actor
    return completed.resolved_by if completed is not None else span._.resolved_by


def actor_modifiers(head: Token) -> list[Token]:
    """The words that may name an actor modifying a noun, through a compound too: "US" in
    "US Predator attacks", and each of joined ones: "the Armenian and Azerbaijani sides"."""
    found = [c for c in head.children if c.dep_ in ACTOR_MODIFIER_DEPS]
    found += [g for c in found if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    found += [g for c in found for g in c.children if g.dep_ == "conj"]
    return found


def names_another_party(noun: Token) -> bool:
    """Whether a noun names a party related to the state that owns or modifies it, not that
    state: "Israel's militia ally", "US allies" (``doc._.party_nouns``, set by the actors)."""
    return noun.i in (noun.doc._.party_nouns or ())


def owners_it_stands_for(noun: Token, owners: Sequence[Span]) -> tuple[Span, ...]:
    """The actors owning or modifying a noun that it stands for: all, but no state for a noun
    naming another party ("Iran's proxies" are not Iran; "NATO allies" are NATO)."""
    if not names_another_party(noun):
        return tuple(owners)
    return tuple(span for span in owners if span._.actor is None or not span._.actor.country)
