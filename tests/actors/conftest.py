"""Fixtures for the actor tests: a pipeline with only the actor component, built once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import tidings.pipeline  # noqa: F401  (registers the tidings_actors factory)
from tidings.nlp import register_extensions
from tidings.pipeline import DEFAULT_MODEL

Annotator = Callable[..., Doc]


@pytest.fixture(scope="session")
def actor_nlp() -> Language:
    """spaCy with tidings' actor component and nothing after it: fast and independent."""
    register_extensions()
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("tidings_actors")
    return nlp


@pytest.fixture(scope="session")
def annotate_actors(actor_nlp: Language) -> Annotator:
    """Run a text (published on a given day) through the actor pipeline."""

    def run(text: str, published: date | None = None) -> Doc:
        doc = actor_nlp.make_doc(text)
        doc._.published = published
        return actor_nlp(doc)

    return run
