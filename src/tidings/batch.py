"""Process a stream of inputs into a store, batch by batch, without losing committed work.

Analysis is pluggable: in this process, or in a pool of worker processes that each build their
own pipeline. Either way one process (the caller) writes to the database, and only a bounded
number of batches is in flight, so a corpus of any size streams through in constant memory.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from itertools import islice
from multiprocessing.synchronize import Barrier as BarrierType
from pathlib import Path
from typing import Any, Protocol

from spacy.language import Language

from tidings.errors import ClusterError
from tidings.pipeline import PieceCallback, analyze, build_pipeline
from tidings.records import Analysis, Article, IngestFailure
from tidings.store import Store

Result = Analysis | IngestFailure
Item = Article | IngestFailure


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did."""

    stored: int
    already_stored: int
    failed: int
    # Where the articles stored without a publication date came from (their relative dates
    # are left unresolved), the first few of them, and how many there were.
    undated: int = 0
    undated_examples: tuple[str, ...] = ()


class Analyzer(Protocol):
    """Turns batches of articles into results, in order."""

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Analyze each batch; a failing article becomes an IngestFailure, not an exception."""
        ...


def analyze_batch(
    nlp: Language, articles: list[Article], on_piece: PieceCallback | None = None
) -> list[Result]:
    """Analyze a batch; if the batch fails, retry one by one so one bad article fails alone."""
    try:
        return list(analyze(nlp, articles, on_piece=on_piece))
    except Exception:
        results: list[Result] = []
        for article in articles:
            try:
                results.extend(analyze(nlp, [article], on_piece=on_piece))
            except Exception as error:
                where = article.location or article.url or f"article {article.id}"
                reason = f"processing failed: {type(error).__name__}: {error}"
                results.append(IngestFailure(where, reason))
        return results


class InProcessAnalyzer:
    """Analyzes batches with a pipeline in this process."""

    def __init__(self, nlp: Language, *, on_piece: PieceCallback | None = None) -> None:
        self.nlp = nlp
        self.on_piece = on_piece

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Analyze each batch in turn."""
        for batch in batches:
            yield analyze_batch(self.nlp, batch, self.on_piece)


# Each worker process builds its pipeline once, in the pool's initializer.
_worker_nlp: Language | None = None
_all_workers_ready: BarrierType | None = None


WORKER_DIED = (
    "a worker process died (killed, or out of memory): rerun the same command to resume"
    " where it stopped; fewer --processes need less memory"
)
# How often a worker checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent() -> None:
    """End this worker when its parent dies, however it died (even by SIGKILL)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_worker(actors_file: Path | None, all_ready: BarrierType) -> None:
    global _worker_nlp, _all_workers_ready
    _exit_with_parent()
    _worker_nlp = build_pipeline(actors_file=actors_file)
    _all_workers_ready = all_ready


def _wait_for_every_worker() -> None:
    # A worker blocks here until all have arrived, so each of these tasks holds a distinct worker.
    assert _all_workers_ready is not None, "the pool initializer sets the barrier"
    _all_workers_ready.wait()


def _analyze_in_worker(articles: list[Article]) -> list[Result]:
    assert _worker_nlp is not None, "the pool initializer builds the pipeline"
    return analyze_batch(_worker_nlp, articles)


class ProcessPoolAnalyzer:
    """Analyzes batches in worker processes, keeping a bounded number in flight."""

    def __init__(self, processes: int, *, actors_file: Path | None = None) -> None:
        self.processes = processes
        self.actors_file = actors_file
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start the workers and wait until each has built its pipeline."""
        if self._pool is None:
            all_ready = multiprocessing.get_context().Barrier(self.processes)
            self._pool = ProcessPoolExecutor(
                self.processes,
                initializer=_start_worker,
                initargs=(self.actors_file, all_ready),
            )
            waits = [self._pool.submit(_wait_for_every_worker) for _ in range(self.processes)]
            try:
                for wait in waits:
                    wait.result()
            except BrokenProcessPool:
                self.close()
                raise ClusterError(WORKER_DIED) from None

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Analyze batches in parallel and yield their results in input order."""
        started_here = self._pool is None
        self.start()
        assert self._pool is not None
        try:
            in_flight: deque[Future[list[Result]]] = deque()
            for batch in batches:
                in_flight.append(self._pool.submit(_analyze_in_worker, batch))
                if len(in_flight) >= 2 * self.processes:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        except BrokenProcessPool:
            raise ClusterError(WORKER_DIED) from None
        finally:
            if started_here:
                self.close()


@cache
def _pipeline_for(actors_file: Path | None) -> Language:
    return build_pipeline(actors_file=actors_file)


def _analyze_on_dask_worker(articles: list[Article], actors_file: Path | None) -> list[Result]:
    # Each Dask worker process builds the pipeline once and keeps it.
    return analyze_batch(_pipeline_for(actors_file), articles)


def check_scheduler(address: str, *, timeout: float = 10.0) -> None:
    """Raise a ClusterError unless ``address`` is a Dask scheduler address that answers."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port
    from distributed.comm.registry import get_backend

    try:
        scheme, location = parse_address(address)
        get_backend(scheme)
        if scheme in ("tcp", "tls"):
            host, port = parse_host_port(location, default_port=8786)
            socket.create_connection((host, port), timeout=timeout).close()
    except ValueError as error:
        raise ClusterError(
            f"--dask {address!r} is not a scheduler address ({error}):"
            " give one like tcp://HOST:8786, or 'local'"
        ) from None
    except OSError as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({error.strerror or error}):"
            " start it (dask scheduler) or fix --dask"
        ) from None


class DaskAnalyzer:
    """Analyzes batches on a Dask cluster; ``scheduler`` is an address or "local"."""

    def __init__(
        self, scheduler: str, *, processes: int = 2, actors_file: Path | None = None
    ) -> None:
        self.scheduler = scheduler
        self.processes = processes
        self.actors_file = actors_file
        if scheduler != "local":
            check_scheduler(scheduler)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        """Analyze batches on the cluster and yield their results in input order."""
        from distributed import Client, KilledWorker, LocalCluster

        if self.scheduler == "local":
            cluster = LocalCluster(
                n_workers=self.processes,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            try:
                cluster, client = None, Client(self.scheduler, timeout=30)
            except (OSError, ValueError) as error:
                raise ClusterError(
                    f"cannot use the Dask scheduler at {self.scheduler} ({error}): fix --dask"
                ) from None
        try:
            window = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
            in_flight: deque[Any] = deque()
            for batch in batches:
                in_flight.append(
                    client.submit(_analyze_on_dask_worker, batch, self.actors_file, pure=False)
                )
                if len(in_flight) >= window:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        except KilledWorker:
            raise ClusterError(WORKER_DIED.replace("--processes", "workers")) from None
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


# How many of the inputs without a publication date a report names.
UNDATED_SHOWN = 3


def _chunks(items: Iterable[Article | IngestFailure], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    items: Iterable[Article | IngestFailure],
    store: Store,
    analyzer: Analyzer,
    *,
    batch_size: int = 64,
    on_input: Callable[[], None] = lambda: None,
    on_failure: Callable[[IngestFailure], None] = lambda failure: None,
) -> IngestReport:
    """Analyze the articles not stored yet and save them, one transaction per batch.

    ``on_input`` is called once per input when it is done with: stored, found stored already,
    or failed.
    """
    stored = already = failed = 0
    undated: list[str] = []

    def fail(failure: IngestFailure) -> None:
        nonlocal failed
        store.record_failure(failure)
        on_failure(failure)
        on_input()
        failed += 1

    def fresh_batches() -> Iterator[list[Article]]:
        nonlocal already
        for chunk in _chunks(items, batch_size):
            fresh: dict[str, Article] = {}
            for item in chunk:
                if isinstance(item, IngestFailure):
                    fail(item)
                elif item.id in fresh or store.has_article(item.id):
                    on_input()
                    already += 1
                else:
                    fresh[item.id] = item
            if fresh:
                yield list(fresh.values())

    for results in analyzer.map(fresh_batches()):
        analyses = []
        for result in results:
            if isinstance(result, IngestFailure):
                fail(result)
            else:
                analyses.append(result)
        report = store.save(analyses)
        stored += report.stored
        already += report.skipped
        for analysis in analyses:
            on_input()
            if analysis.article.published is None:
                undated.append(analysis.article.location or f"article {analysis.article.id}")
    return IngestReport(stored, already, failed, len(undated), tuple(undated[:UNDATED_SHOWN]))
