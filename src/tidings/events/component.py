"""The ``tidings_events`` spaCy component: code events between actors."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.annotations import register_extensions


class EventCoder:
    """Codes events in CAMEO (first version: none yet)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("tidings_events")
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    """Build the event coding component."""
    return EventCoder(nlp, name)
