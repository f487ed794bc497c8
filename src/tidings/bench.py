"""Throughput of the full tidings pipeline against bare spaCy, measured in the same process."""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import cycle, islice
from pathlib import Path

import spacy

from tidings.batch import Analyzer, InProcessAnalyzer, ProcessPoolAnalyzer, ingest
from tidings.examples import reference_article
from tidings.ingest import read_articles
from tidings.nlp import DEFAULT_MODEL, build_pipeline
from tidings.quotes import QuoteExtractor
from tidings.records import Article
from tidings.store import Store


@dataclass(frozen=True)
class Run:
    """One timed pass over the corpus."""

    name: str
    seconds: float
    articles: int
    tokens: int

    @property
    def tokens_per_second(self) -> float:
        """Tokens per second of wall time."""
        return self.tokens / self.seconds

    @property
    def articles_per_second(self) -> float:
        """Articles per second of wall time."""
        return self.articles / self.seconds


def corpus(size: int, news_files: Iterable[Path] = ()) -> list[Article]:
    """``size`` distinct articles: the reference article and the given news, cycled as needed."""
    news = (item for item in read_articles(news_files) if isinstance(item, Article))
    texts = list({article.id: article for article in [reference_article(), *news]}.values())
    # A cycled copy gets a marker line so it is a new article for the store, not a duplicate.
    return [
        article
        if number < len(texts)
        else replace(article, text=f"{article.text}\n({number})", id="")
        for number, article in enumerate(islice(cycle(texts), size))
    ]


# Baseline and full pipeline alternate over chunks of this many articles, so that a machine
# growing slower or faster during the run (other tenants, CPU clocks) weighs on both alike.
CHUNK = 25


def _interleaved(articles: list[Article], batch_size: int) -> tuple[Run, Run, Run]:
    """Time bare spaCy (with tidings' quote component timed apart on the same Docs) and the
    full pipeline with storage, alternating chunk by chunk over the same articles.

    Timing the quote component on each Doc as it comes keeps ``quote_overhead`` free of the
    noise two separate passes would differ by, which is larger than the component's own time.
    """
    base = spacy.load(DEFAULT_MODEL)
    quotes = QuoteExtractor(base, "tidings_quotes")
    analyzer = InProcessAnalyzer(build_pipeline())
    spacy_seconds = quote_seconds = full_seconds = 0.0
    tokens = 0
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/bench.db") as store:
        for doc in base.pipe(article.text for article in articles[:5]):  # warm-up
            quotes(doc)
        list(analyzer.map([articles[:5]]))
        for first in range(0, len(articles), CHUNK):
            chunk = articles[first : first + CHUNK]
            started = time.perf_counter()
            for doc in base.pipe((a.text for a in chunk), batch_size=batch_size):
                tokens += len(doc)
                before = time.perf_counter()
                quotes(doc)
                quote_seconds += time.perf_counter() - before
            spacy_seconds += time.perf_counter() - started
            started = time.perf_counter()
            report = ingest(chunk, store, analyzer, batch_size=batch_size)
            full_seconds += time.perf_counter() - started
            assert report.stored == len(chunk), report
    spacy_seconds -= quote_seconds
    return (
        Run("spaCy alone", spacy_seconds, len(articles), tokens),
        Run("spaCy + quotes", spacy_seconds + quote_seconds, len(articles), tokens),
        Run("tidings, 1 process", full_seconds, len(articles), tokens),
    )


def _full(
    articles: list[Article], analyzer: Analyzer, name: str, batch_size: int, tokens: int
) -> Run:
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/bench.db") as store:
        started = time.perf_counter()
        report = ingest(articles, store, analyzer, batch_size=batch_size)
        seconds = time.perf_counter() - started
    assert report.stored == len(articles), report
    return Run(name, seconds, len(articles), tokens)


def run_benchmark(
    articles: list[Article], *, processes: int = 1, batch_size: int = 64
) -> Iterator[Run]:
    """Time bare spaCy, spaCy with the quote component and the full pipeline with storage,
    interleaved in one process, then (if asked) the full pipeline with processes."""
    baseline, with_quotes, full = _interleaved(articles, batch_size)
    yield baseline
    yield with_quotes
    yield full
    if processes > 1:
        # Like the single process above, the workers build their pipelines before the clock.
        pool = ProcessPoolAnalyzer(processes)
        pool.start()
        try:
            name = f"tidings, {processes} processes"
            # Batches small enough that each worker gets many: with a handful of large ones, a
            # worker left idle at the end would be measured, not the pipeline.
            pool_batch = max(1, min(batch_size, len(articles) // (8 * processes)))
            yield _full(articles, pool, name, pool_batch, baseline.tokens)
        finally:
            pool.close()


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident memory so far, in MiB, of this process and of its largest worker."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, worker / 1024
