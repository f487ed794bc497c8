"""The store on a real PostgreSQL server (started by .ci/run; skipped where there is none)."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import create_engine
from typer.testing import CliRunner

import tidings.cli
from tidings.cli import app
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


def test_nul_and_control_characters_store_as_on_sqlite(
    tmp_path: Path, empty_url: str, monkeypatch: pytest.MonkeyPatch, nlp: Language
) -> None:
    monkeypatch.setattr(tidings.cli, "build_pipeline", lambda **options: nlp)
    corpus = tmp_path / "feed.jsonl"
    texts = [f"Egypt condemned Israel over strike number {n}." for n in range(40)]
    texts[20] = "Egypt condemned\u0000 Israel\u0007 on Monday."
    corpus.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts))
    sqlite_url = f"sqlite:///{tmp_path / 'same.db'}"
    for url in (empty_url, sqlite_url):
        result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", url])
        assert result.exit_code == 0, result.output
        assert "stored 40 new, 0 already stored, 0 failed" in result.stdout
    with Store(empty_url) as postgres, Store(sqlite_url) as sqlite:
        assert postgres.articles() and postgres.articles() == sqlite.articles()
        stored = {article.text for article in postgres.articles()}
    # One space for each control character: offsets into the given text stay true.
    assert "Egypt condemned  Israel  on Monday." in stored
