"""``tidings bench-api``: a synthetic but plausible event database, the API served by uvicorn,
and wrk's requests per second and latency percentiles for a few endpoints."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from tidings.codebook import cameo_codebook
from tidings.records import Factuality
from tidings.store import Store
from tidings.store.models import ArticleRow, Base, EventRow, MentionRow, QuoteRow, SentenceRow
from tidings.store.store import add_event_actors

# Countries roughly as often as they appear in international news, most frequent first.
COUNTRIES = {
    "USA": "United States", "RUS": "Russia", "UKR": "Ukraine", "ISR": "Israel",
    "PSE": "Palestine", "CHN": "China", "IRN": "Iran", "GBR": "United Kingdom",
    "FRA": "France", "DEU": "Germany", "TUR": "Turkey", "IND": "India", "SYR": "Syria",
    "LBN": "Lebanon", "EGY": "Egypt", "QAT": "Qatar", "SAU": "Saudi Arabia", "PRK": "North Korea",
    "KOR": "South Korea", "JPN": "Japan", "PAK": "Pakistan", "AFG": "Afghanistan",
    "IRQ": "Iraq", "YEM": "Yemen", "SDN": "Sudan", "ETH": "Ethiopia", "NGA": "Nigeria",
    "VEN": "Venezuela", "BRA": "Brazil", "MEX": "Mexico", "POL": "Poland", "BLR": "Belarus",
    "SRB": "Serbia", "ARM": "Armenia", "AZE": "Azerbaijan", "MMR": "Myanmar",
}  # fmt: skip
SECTORS = {"GOV": "government", "MIL": "military", "REB": "armed group", "OPP": "opposition",
           "MED": "media", "": "officials"}  # fmt: skip
SECTOR_WEIGHTS = [45, 20, 8, 10, 5, 12]
FACTUALITY_WEIGHTS = {
    Factuality.ASSERTED: 78, Factuality.REPORTED: 10, Factuality.NEGATED: 4,
    Factuality.FUTURE: 5, Factuality.HYPOTHETICAL: 3,
}  # fmt: skip
EVENTS_PER_ARTICLE = 10
FIRST_DAY = date(2023, 1, 1)
DAYS = 730
BATCH = 20_000


def _actors(rng: random.Random, count: int) -> Iterator[tuple[str, str]]:
    """(country, sector) pairs, countries Zipf-distributed."""
    countries = list(COUNTRIES)
    weights = [1 / (rank + 1) for rank in range(len(countries))]
    yield from zip(
        rng.choices(countries, weights, k=count),
        rng.choices(list(SECTORS), SECTOR_WEIGHTS, k=count),
        strict=True,
    )


def synthetic_database(path: Path, events: int, *, seed: int = 23) -> None:
    """Write ``events`` plausible events (ten an article) with their actors, sentences and a
    quote per article into a new SQLite database at ``path``."""
    rng = random.Random(seed)
    codes = [c for c in cameo_codebook().values() if len(c.code) == 3]
    url = f"sqlite:///{path}"
    with Store(url) as store, store.engine.begin() as connection:
        mention_id = 0
        for first in range(0, events // EVENTS_PER_ARTICLE, BATCH // EVENTS_PER_ARTICLE):
            rows: dict[Any, list[dict[str, Any]]] = {
                table: [] for table in (ArticleRow, SentenceRow, MentionRow, EventRow, QuoteRow)
            }
            last = min(events // EVENTS_PER_ARTICLE, first + BATCH // EVENTS_PER_ARTICLE)
            for number in range(first, last):
                article_id = f"{number:016x}"
                published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
                sentences, offset = [], 0
                pairs = list(_actors(rng, 2 * EVENTS_PER_ARTICLE))
                for index in range(EVENTS_PER_ARTICLE):
                    (sc, ss), (tc, ts) = pairs[2 * index], pairs[2 * index + 1]
                    code = rng.choice(codes)
                    source = f"{COUNTRIES[sc]} {SECTORS[ss]}"
                    target = f"{COUNTRIES[tc]} {SECTORS[ts]}"
                    verb = code.name.split(",")[0].lower()
                    sentence = f"The {source} moved to {verb} with the {target}."
                    start = offset
                    sentences.append(sentence)
                    offset += len(sentence) + 1
                    rows[SentenceRow].append(
                        {"article_id": article_id, "index": index, "start": start,
                         "end": start + len(sentence)}
                    )  # fmt: skip
                    ids = []
                    for country, sector, name, at in (
                        (sc, ss, source, start + 4),
                        (tc, ts, target, start + len(sentence) - len(target) - 1),
                    ):
                        mention_id += 1
                        ids.append(mention_id)
                        rows[MentionRow].append(
                            {"id": mention_id, "article_id": article_id, "listed": True,
                             "sentence_index": index, "start": at, "end": at + len(name),
                             "text": name, "name": name, "country": country,
                             "sectors": sector, "known_id": None, "resolved_by": "synthetic"}
                        )  # fmt: skip
                    trigger_at = start + 4 + len(source) + 1
                    factuality = rng.choices(
                        list(FACTUALITY_WEIGHTS), list(FACTUALITY_WEIGHTS.values())
                    )[0]
                    rows[EventRow].append(
                        {"article_id": article_id, "sentence_index": index,
                         "sentence_start": start, "sentence_end": start + len(sentence),
                         "trigger_start": trigger_at, "trigger_end": trigger_at + 5,
                         "trigger": "moved", "source_id": ids[0] if rng.random() > 0.05 else None,
                         "target_id": ids[1], "reported_by_id": None, "cameo_code": code.code,
                         "goldstein": code.goldstein, "quad_class": code.quad_class,
                         "plover_event": code.plover_event, "plover_mode": code.plover_mode,
                         "plover_context": code.plover_context, "factuality": factuality.value,
                         "rule": "synthetic",
                         "date": published - timedelta(days=rng.choice((0, 0, 0, 1, 2))),
                         "date_basis": "publication", "date_precision": "day",
                         "date_text": None, "location_name": None, "location_country": None,
                         "location_start": None, "location_end": None, "geonames_id": None,
                         "latitude": None, "longitude": None, "quote_index": None,
                         "reciprocal": False}
                    )  # fmt: skip
                text = " ".join(sentences)
                rows[ArticleRow].append(
                    {"id": article_id, "url": None, "title": f"Synthetic report {number}",
                     "source": "synthetic", "published": published, "text": text,
                     "stored_at": datetime.now(UTC).replace(tzinfo=None)}
                )  # fmt: skip
                rows[QuoteRow].append(
                    {"article_id": article_id, "kind": "indirect", "spans": "[[0, 20]]",
                     "text": text[:20], "cue": "said", "cue_start": None, "cue_end": None,
                     "speaker_id": mention_id - 1, "reported_by_id": None, "rule": "synthetic"}
                )  # fmt: skip
            for table, values in rows.items():
                connection.execute(insert(table), values)
        connection.execute(add_event_actors())


@dataclass(frozen=True)
class LoadResult:
    """What wrk measured for one URL."""

    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    # The server's CPU time per request: what a request costs whatever else runs.
    cpu_ms_per_request: float = 0.0


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(path: str, output: str) -> LoadResult:
    """The throughput, median and 99th percentile latency and errors in wrk's report."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if rate is None or p50 is None or p99 is None:
        raise RuntimeError(f"wrk gave no figures for {path}:\n{output}")
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*?timeout (\d+)", output)
    errors = (int(failed.group(1)) if failed else 0) + (
        int(socket_errors.group(1)) if socket_errors else 0
    )
    return LoadResult(
        path, float(rate.group(1)), _milliseconds(p50.group(1)), _milliseconds(p99.group(1)), errors
    )


def group_cpu_seconds(group: int) -> float:
    """The CPU time used so far by every process of a process group (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended
        # After the name: state, ppid, pgrp, ... utime (14th field) and stime (15th).
        if int(fields[2]) == group:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped before it answered")
        try:
            with urllib.request.urlopen(f"{base}/api/articles?limit=1", timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s")


def cold_milliseconds(url: str) -> float:
    """How long one request takes."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def run_load(
    database: str,
    paths: list[str],
    *,
    workers: int,
    connections: int,
    seconds: int,
) -> tuple[dict[str, float], list[LoadResult]]:
    """Serve ``database`` on loopback and load each path with wrk for ``seconds``; the first
    request's time per path, and wrk's figures."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install wrk)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {**os.environ, "TIDINGS_DB": database}
    command = [sys.executable, "-m", "uvicorn", "--factory", "tidings.api:app_from_environment",
               "--port", str(port), "--workers", str(workers), "--log-level", "warning",
               "--no-access-log"]  # fmt: skip
    # Its own process group, so that its workers stop with it.
    server = subprocess.Popen(command, env=environment, start_new_session=True)
    try:
        _wait_until_up(base, server)
        cold = {path: cold_milliseconds(base + path) for path in paths}
        # Every worker keeps its own counts: warm them all before measuring.
        with ThreadPoolExecutor(4 * workers) as pool:
            list(pool.map(cold_milliseconds, [base + p for p in paths for _ in range(4 * workers)]))
        results = []
        for path in paths:
            threads = str(min(2, connections))
            cpu_before = group_cpu_seconds(server.pid)
            report = subprocess.run(
                [wrk, "-t", threads, "-c", str(connections), "-d", f"{seconds}s", "--latency",
                 base + path],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            result = parse_wrk(path, report.stdout)
            requests = result.requests_per_second * seconds
            cpu = (group_cpu_seconds(server.pid) - cpu_before) * 1000 / max(requests, 1)
            results.append(replace(result, cpu_ms_per_request=round(cpu, 2)))
        return cold, results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def figures(cold: dict[str, float], results: list[LoadResult]) -> list[dict[str, object]]:
    """wrk's figures and the first request's time, per path."""
    return [
        {**asdict(result), "first_request_ms": round(cold[result.path], 1)} for result in results
    ]


def event_count(url: str) -> int:
    """How many events a database holds."""
    with Store(url) as store, store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(EventRow)).scalar_one())


def copy_to(source: str, target: str) -> None:
    """Copy every table of a tidings database into an empty one, in batches."""
    with Store(source) as origin, Store(target) as copy:
        there = event_count(target)
        if there == event_count(source):
            return  # copied before
        if there:
            raise RuntimeError(f"{target} already holds {there} other events; give an empty one")
        with origin.engine.connect() as reading, copy.engine.begin() as writing:
            for table in Base.metadata.sorted_tables:
                rows = reading.execution_options(yield_per=BATCH).execute(select(table))
                for batch in rows.partitions():
                    writing.execute(insert(table), [row._asdict() for row in batch])
            if copy.engine.dialect.name == "postgresql":
                for name in ("actor_mentions", "events", "quotes", "failures"):
                    writing.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"coalesce((SELECT max(id) FROM {name}), 1))"
                        )
                    )
