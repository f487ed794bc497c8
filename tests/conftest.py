"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest
from hypothesis import settings
from spacy.language import Language

from tidings.pipeline import build_pipeline

# Property tests check what comes out, not how fast: speed is the benchmarks' to measure, and a
# per-example deadline fails at random on a busy machine.
settings.register_profile("tidings", deadline=None)
settings.load_profile("tidings")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full tidings pipeline, built once per test session."""
    return build_pipeline()
