"""The ``tidings_quotes`` spaCy component: direct and indirect quotes with their speakers."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.annotations import register_extensions


class QuoteExtractor:
    """Finds quotes (first version: none yet)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("tidings_quotes")
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    """Build the quote component."""
    return QuoteExtractor(nlp, name)
