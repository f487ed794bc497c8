"""The built-in example: the reference article that ``make run`` processes."""

from __future__ import annotations

from datetime import date

from tidings.records import Article
from tidings.tables import packaged

REFERENCE_ARTICLE = "examples/blinken_hamas_ceasefire.txt"


def reference_article() -> Article:
    """The Blinken/Hamas ceasefire article, published 2024-08-20."""
    return Article(
        text=packaged(REFERENCE_ARTICLE).read_text(encoding="utf-8").strip(),
        title="Blinken calls on Hamas to accept ceasefire agreement",
        published=date(2024, 8, 20),
        source="tidings example",
    )
