"""Throughput of the full tidings pipeline against bare spaCy, measured in the same process."""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, replace
from itertools import cycle, islice
from pathlib import Path

import spacy

from tidings.batch import Analyzer, InProcessAnalyzer, ProcessPoolAnalyzer, ingest
from tidings.examples import reference_article
from tidings.ingest import read_articles
from tidings.pipeline import DEFAULT_MODEL, build_pipeline
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
    # Seconds of each turn of CHUNK articles, in order.
    turns: tuple[float, ...] = ()

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


# Baseline and pipelines alternate over chunks of this many articles, so that a machine growing
# slower or faster during the run (other tenants, CPU clocks) weighs on all of them alike.
CHUNK = 50


def run_benchmark(
    articles: list[Article], *, processes: int = 1, batch_size: int = 64
) -> list[Run]:
    """Time bare spaCy, spaCy with the quote component, the full pipeline with storage and (if
    asked) the full pipeline with worker processes, alternating chunk by chunk in one run.

    Timing the quote component on each Doc as it comes keeps ``quote_overhead`` free of the
    noise two separate passes would differ by, which is larger than the component's own time.
    """
    base = spacy.load(DEFAULT_MODEL)
    quotes = QuoteExtractor(base, "tidings_quotes")
    analyzers: dict[str, tuple[Analyzer, int]] = {
        "tidings, 1 process": (InProcessAnalyzer(build_pipeline()), batch_size)
    }
    with ExitStack() as cleanup:
        if processes > 1:
            # Like the single process, the workers build their pipelines before the clock; small
            # batches keep a worker from idling at the end of a chunk while another works.
            pool = ProcessPoolAnalyzer(processes)
            pool.start()
            cleanup.callback(pool.close)
            analyzers[f"tidings, {processes} processes"] = (pool, CHUNK // (8 * processes) or 1)
        folder = cleanup.enter_context(tempfile.TemporaryDirectory())
        stores = {
            name: cleanup.enter_context(Store(f"sqlite:///{folder}/{number}.db"))
            for number, name in enumerate(analyzers)
        }
        for doc in base.pipe(article.text for article in articles[:5]):  # warm-up
            quotes(doc)
        for analyzer, _ in analyzers.values():
            list(analyzer.map([articles[:5]] * processes))  # every worker, too
        spacy_turns: list[float] = []
        quote_turns: list[float] = []
        turns: dict[str, list[float]] = {name: [] for name in analyzers}
        tokens = 0
        for first in range(0, len(articles), CHUNK):
            chunk = articles[first : first + CHUNK]
            started, chunk_quote_seconds = time.perf_counter(), 0.0
            for doc in base.pipe((a.text for a in chunk), batch_size=batch_size):
                tokens += len(doc)
                before = time.perf_counter()
                quotes(doc)
                chunk_quote_seconds += time.perf_counter() - before
            spacy_turns.append(time.perf_counter() - started - chunk_quote_seconds)
            quote_turns.append(chunk_quote_seconds)
            for name, (analyzer, batch) in analyzers.items():
                started = time.perf_counter()
                report = ingest(chunk, stores[name], analyzer, batch_size=batch)
                turns[name].append(time.perf_counter() - started)
                assert report.stored == len(chunk), report
    with_quotes = [s + q for s, q in zip(spacy_turns, quote_turns, strict=True)]
    return [
        _run("spaCy alone", spacy_turns, len(articles), tokens),
        _run("spaCy + quotes", with_quotes, len(articles), tokens),
        *(_run(name, taken, len(articles), tokens) for name, taken in turns.items()),
    ]


def _run(name: str, turns: list[float], articles: int, tokens: int) -> Run:
    return Run(name, sum(turns), articles, tokens, tuple(turns))


def median_turn_ratio(run: Run, baseline: Run) -> float:
    """A run's speed against a baseline's as the median over turns (baseline's time / run's):
    a burst of other work on the machine in one turn moves it less than the ratio of totals."""
    pairs = zip(run.turns, baseline.turns, strict=True)
    return statistics.median(base / own for own, base in pairs)


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident memory so far, in MiB, of this process and of its largest worker."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, worker / 1024
