"""Batch ingest: isolation of bad articles, committed work kept, parallel equals serial."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tidings.batch import (
    DaskAnalyzer,
    InProcessAnalyzer,
    ProcessPoolAnalyzer,
    Result,
    analyze_batch,
    ingest,
)
from tidings.errors import ClusterError
from tidings.pipeline import build_pipeline
from tidings.records import Article, IngestFailure
from tidings.store import Store

NEWS = [
    Article(text="Egypt condemned Israel on Monday.", published=date(2024, 8, 20)),
    Article(text="Qatar hosted talks with Hamas in Doha.", published=date(2024, 8, 20)),
    Article(text="Iran threatened Israel with retaliation.", published=date(2024, 8, 20)),
]


@Language.component("explodes_on_boom")
def _explodes_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise ValueError("a component failed on this article")
    return doc


@pytest.fixture(scope="module")
def fragile_nlp() -> Language:
    nlp = build_pipeline()
    nlp.add_pipe("explodes_on_boom", first=True)
    return nlp


def test_one_failing_article_fails_alone(fragile_nlp: Language) -> None:
    articles = [NEWS[0], Article(text="BOOM goes the parser."), NEWS[1]]
    results = analyze_batch(fragile_nlp, articles)
    assert len(results) == 3
    failure = results[1]
    assert isinstance(failure, IngestFailure)
    assert "ValueError: a component failed on this article" in failure.reason
    assert [r.article for r in results if not isinstance(r, IngestFailure)] == [NEWS[0], NEWS[1]]


class _CrashAfterFirstBatch:
    """An analyzer that dies, like a killed process, after its first batch."""

    def __init__(self, nlp: Language) -> None:
        self.inner = InProcessAnalyzer(nlp)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        for number, results in enumerate(self.inner.map(batches)):
            if number == 1:
                raise KeyboardInterrupt
            yield results


def test_an_interrupted_ingest_keeps_committed_batches_and_resumes(
    nlp: Language, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    with Store(url) as store, pytest.raises(KeyboardInterrupt):
        ingest(NEWS, store, _CrashAfterFirstBatch(nlp), batch_size=2)
    with Store(url) as store:
        assert {a.id for a in store.articles()} == {NEWS[0].id, NEWS[1].id}
        report = ingest(NEWS, store, InProcessAnalyzer(nlp), batch_size=2)
        assert (report.stored, report.already_stored, report.failed) == (1, 2, 0)
        assert len(store.articles()) == 3


def test_worker_processes_give_the_same_records_as_one_process(nlp: Language) -> None:
    batches = [NEWS[:2], NEWS[2:]]
    serial = list(InProcessAnalyzer(nlp).map(batches))
    parallel = list(ProcessPoolAnalyzer(2).map(batches))
    assert parallel == serial


def test_dask_local_cluster_gives_the_same_records_as_one_process(nlp: Language) -> None:
    batches = [NEWS[:1], NEWS[1:]]
    serial = list(InProcessAnalyzer(nlp).map(batches))
    on_dask = list(DaskAnalyzer("local", processes=2).map(batches))
    assert on_dask == serial


def test_a_processing_failure_names_the_file_and_line(fragile_nlp: Language) -> None:
    located = Article(text="BOOM in the parser.", location="feed.jsonl:17")
    (failure,) = analyze_batch(fragile_nlp, [located])
    assert failure == IngestFailure(
        "feed.jsonl:17", "processing failed: ValueError: a component failed on this article"
    )


def test_a_killed_worker_is_one_cluster_error() -> None:
    analyzer = ProcessPoolAnalyzer(2)
    analyzer.start()
    assert analyzer._pool is not None
    for worker in list(analyzer._pool._processes.values()):
        worker.kill()
    with pytest.raises(ClusterError, match="a worker process died"):
        list(analyzer.map([NEWS[:1], NEWS[1:]]))
    analyzer.close()
