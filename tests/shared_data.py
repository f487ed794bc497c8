"""Locate the development data in ../shared, skipping tests where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(relative: str) -> Path:
    """A file in ../shared/, or skip the test where the development data is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"development data ../shared/{relative} is not here (user's machine)")
    return path
