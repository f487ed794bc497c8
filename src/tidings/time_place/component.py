"""The ``tidings_time_place`` spaCy component: resolve dates and places."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.annotations import register_extensions


class TimePlaceResolver:
    """Resolves temporal expressions and toponyms (first version: none yet)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        doc._.places = []
        return doc


@Language.factory("tidings_time_place")
def make_time_place_resolver(nlp: Language, name: str) -> TimePlaceResolver:
    """Build the time and place component."""
    return TimePlaceResolver(nlp, name)
