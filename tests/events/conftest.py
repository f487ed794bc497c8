"""Fixtures for the event tests: run a sentence through the full pipeline, get its events."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.nlp.annotations import EventAnnotation, actor_of
from tidings.pipeline import annotate
from tidings.records import Article

Annotator = Callable[[str], Doc]


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Annotator:
    """Annotate a text with the full tidings pipeline."""

    def run(text: str) -> Doc:
        return annotate(nlp, Article(text=text))

    return run


def dyads(doc: Doc) -> list[tuple[str | None, str, str | None]]:
    """(source country, CAMEO code, target country) of each event annotation."""
    return [(country_of(e.source), e.cameo_code, country_of(e.target)) for e in doc._.events]


def country_of(span: Span | None) -> str | None:
    """The country of the actor an event's source or target span names."""
    actor = actor_of(span) if span is not None else None
    return actor.country if actor is not None else None


def only_event(doc: Doc) -> EventAnnotation:
    """The single event of a Doc (fails the test when there is not exactly one)."""
    events: list[EventAnnotation] = doc._.events
    assert len(events) == 1, [(e.trigger.text, e.cameo_code, e.rule) for e in events]
    return events[0]
