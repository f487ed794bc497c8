"""What tidings' components hang on a spaCy Doc, and the one place that registers it.

Components communicate only through these extensions:

- ``doc._.published``: the article's publication date (set before the pipeline runs).
- ``doc._.actor_mentions``: spans naming actors; each has ``span._.actor`` (an Actor) and
  ``span._.resolved_by`` (the rule, knowledge-base entry or coreference that resolved it). A plural
  reference to several actors ("the two countries") has ``span._.members`` (a tuple of Actors)
  instead; events with it as source or target become one event per member.
- ``doc._.times`` / ``doc._.places``: temporal expressions (``span._.time``: TimeValue) and
  toponyms (``span._.place``: Place).
- ``doc._.quotes``: QuoteAnnotation objects.
- ``doc._.events``: EventAnnotation objects.

``tidings.nlp.convert`` turns these into the records of ``tidings.records``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from tidings.records import DatePrecision, Factuality, QuoteKind


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


_DOC_EXTENSIONS = ("published", "actor_mentions", "times", "places", "quotes", "events")
_SPAN_EXTENSIONS = ("actor", "members", "resolved_by", "time", "place")


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
