"""kill -9 in the middle of an ingest loses nothing and duplicates nothing."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from tidings.store import Store
from tidings.store.models import ArticleRow, SentenceRow

ARTICLES = 1000


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(ArticleRow)).scalar() or 0
            )
    except Exception:
        return 0
    finally:
        engine.dispose()


def test_kill_during_ingest_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    with corpus.open("w") as handle:
        for n in range(ARTICLES):
            text = f"Egypt condemned Israel over strike number {n}. Qatar called for calm."
            handle.write(json.dumps({"text": text, "date": "2024-08-20"}) + "\n")
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    command = [sys.executable, "-m", "tidings", "ingest", str(corpus), "--db", url,
               "--processes", "1", "--batch-size", "20"]  # fmt: skip
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _stored(url) < 100 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    interrupted_at = _stored(url)
    assert 0 < interrupted_at < ARTICLES, "the kill must land in the middle of the ingest"

    resumed = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)
    assert f"{ARTICLES - interrupted_at} new, {interrupted_at} already stored" in resumed.stdout
    with Store(url) as store:
        articles = store.articles()
        assert len(articles) == ARTICLES == len({a.id for a in articles})
    engine = create_engine(url)
    with engine.connect() as connection:
        with_sentences = connection.execute(
            select(func.count(func.distinct(SentenceRow.article_id)))
        ).scalar()
    engine.dispose()
    assert with_sentences == ARTICLES, "every stored article has its findings"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"text": f"Egypt condemned Israel, report {n}."}) + "\n" for n in range(40)
        )
    )
    database = f"sqlite:///{tmp_path / 'w.db'}"
    command = [sys.executable, "-m", "tidings", "ingest", str(corpus), "--db", database,
               "--processes", "2", "--batch-size", "4"]  # fmt: skip
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        workers = _children(parent.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the pool must have started its workers"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "every worker ends with its parent"
