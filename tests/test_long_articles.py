"""Articles longer than spaCy's max_length are parsed in pieces, not failed."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tidings.pipeline import analyze_one, annotate
from tidings.records import Article

PARAGRAPH = (
    "Egypt condemned Israel on Monday. Qatar hosted talks with Hamas in Doha.\n\n"
    "Iran threatened Israel with retaliation after the strike."
)


def test_a_text_over_the_length_limit_is_analyzed_whole(nlp: Language) -> None:
    article = Article(text="\n\n".join([PARAGRAPH] * 6), published=date(2024, 8, 20))
    whole = analyze_one(nlp, article)
    limit = nlp.max_length
    nlp.max_length = len(PARAGRAPH) + 10
    try:
        in_pieces = analyze_one(nlp, article)
    finally:
        nlp.max_length = limit
    assert len(article.text) > 5 * (len(PARAGRAPH) + 10)
    assert in_pieces.article == article
    assert in_pieces.sentences == whole.sentences
    assert [e.cameo_code for e in in_pieces.events] == [e.cameo_code for e in whole.events]
    assert in_pieces.events, "the paragraphs hold events"
    for event in in_pieces.events:
        assert article.text[event.trigger_start : event.trigger_end] == event.trigger


def test_a_long_article_reports_each_piece_parsed(nlp: Language) -> None:
    article = Article(text="\n\n".join([PARAGRAPH] * 4))
    told: list[tuple[int, int]] = []
    limit = nlp.max_length
    nlp.max_length = len(PARAGRAPH) + 10
    try:
        annotate(nlp, article, on_piece=lambda done, total: told.append((done, total)))
    finally:
        nlp.max_length = limit
    pieces = len(told)
    assert pieces > 1
    assert told == [(done, pieces) for done in range(1, pieces + 1)]
