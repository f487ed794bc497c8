"""The store on a real PostgreSQL server (started by .ci/run; skipped where there is none)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from spacy.language import Language
from sqlalchemy import create_engine

from tidings.examples import reference_article
from tidings.pipeline import analyze, analyze_one
from tidings.records import Analysis, Article
from tidings.store import Store
from tidings.store.models import Base

URL = os.environ.get("TIDINGS_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(
    not URL, reason="no PostgreSQL server: .ci/run starts one and sets TIDINGS_TEST_POSTGRES_URL"
)


@pytest.fixture
def empty_url() -> str:
    engine = create_engine(URL)
    Base.metadata.drop_all(engine)
    engine.dispose()
    return URL


def test_round_trip_on_postgresql(nlp: Language, empty_url: str) -> None:
    analysis = analyze_one(nlp, reference_article())
    with Store(empty_url) as store:
        assert store.save([analysis]).stored == 1
        assert store.analysis(analysis.article.id) == analysis
        assert store.events(include_all=True) == list(analysis.events)
        assert store.quotes() == list(analysis.quotes)


def test_concurrent_writers_never_duplicate_an_article(nlp: Language, empty_url: str) -> None:
    articles = [
        Article(text=f"Egypt hosted talks with Qatar, report {n}.", published=date(2024, 8, 20))
        for n in range(12)
    ]
    analyses = list(analyze(nlp, articles))

    def write(batch: list[Analysis]) -> int:
        with Store(empty_url) as store:
            return store.save(batch).stored

    # Four writers, each saving every article, in different orders.
    orders = [analyses, analyses[::-1], analyses[6:] + analyses[:6], analyses[::2] + analyses[1::2]]
    with ThreadPoolExecutor(4) as pool:
        stored = sum(pool.map(write, orders))
    with Store(empty_url) as store:
        assert stored == len(articles)
        assert len(store.articles()) == len(articles)
        assert len(store.events(include_all=True)) == sum(len(a.events) for a in analyses)
