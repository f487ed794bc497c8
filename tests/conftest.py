"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tidings.pipeline import build_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full tidings pipeline, built once per test session."""
    return build_pipeline()
