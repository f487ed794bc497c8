"""Read articles from files and folders, choosing the reader by the file's name."""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tidings.ingest.feeds import read_feed
from tidings.ingest.fields import article_from_record, normalize_text
from tidings.ingest.html import article_from_html
from tidings.ingest.warc import read_warc
from tidings.records import Article, IngestFailure

Item = Article | IngestFailure

# CSV fields can hold whole articles.
csv.field_size_limit(sys.maxsize)


def read_articles(
    paths: Iterable[str | Path], *, default_date: date | None = None
) -> Iterator[Item]:
    """Articles from files and folders (recursively), streamed; bad inputs become failures."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _read_file(child, default_date)
        elif path.exists():
            yield from _read_file(path, default_date)
        else:
            yield IngestFailure(str(path), "no such file")


def _read_file(path: Path, default_date: date | None) -> Iterator[Item]:
    reader = _reader_for(path.name.lower())
    try:
        yield from reader(path, default_date)
    except OSError as error:
        yield IngestFailure(str(path), f"cannot read: {error.strerror or error}")


def _reader_for(name: str) -> Callable[[Path, date | None], Iterator[Item]]:
    for suffix, reader in READERS:
        if name.endswith(suffix):
            return reader
    return _read_text


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _read_text(path: Path, default_date: date | None) -> Iterator[Item]:
    text = _decode(path.read_bytes())
    if text is None:
        yield IngestFailure(str(path), "not UTF-8 text")
    elif not normalize_text(text):
        yield IngestFailure(str(path), "empty text")
    else:
        yield Article(text=normalize_text(text), published=default_date)


def _read_html(path: Path, default_date: date | None) -> Iterator[Item]:
    html = _decode(path.read_bytes())
    if html is None:
        yield IngestFailure(str(path), "not UTF-8 text")
    else:
        yield article_from_html(html, str(path), default_date=default_date)


def _read_jsonl(path: Path, default_date: date | None) -> Iterator[Item]:
    with _open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            location = f"{path}:{number}"
            line = _decode(raw)
            if line is None:
                yield IngestFailure(location, "not UTF-8 text")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield IngestFailure(location, f"not JSON: {error.msg}")
                continue
            if not isinstance(record, dict):
                yield IngestFailure(location, "not a JSON object")
                continue
            yield article_from_record(record, location, default_date)


def _read_csv(path: Path, default_date: date | None) -> Iterator[Item]:
    with path.open(encoding="utf-8-sig", errors="strict", newline="") as handle:
        rows = csv.DictReader(handle)
        try:
            for row in rows:
                yield article_from_record(row, f"{path}:{rows.line_num}", default_date)
        except (UnicodeDecodeError, csv.Error) as error:
            yield IngestFailure(f"{path}:{rows.line_num}", f"bad CSV: {error}")


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_warc_file(path: Path, default_date: date | None) -> Iterator[Item]:
    with path.open("rb") as handle:
        yield from read_warc(handle, str(path), default_date=default_date)


def _read_feed_file(path: Path, default_date: date | None) -> Iterator[Item]:
    yield from read_feed(path.read_bytes(), str(path), default_date=default_date)


READERS: tuple[tuple[str, Callable[[Path, date | None], Iterator[Item]]], ...] = (
    (".jsonl", _read_jsonl),
    (".jsonl.gz", _read_jsonl),
    (".csv", _read_csv),
    (".html", _read_html),
    (".htm", _read_html),
    (".warc", _read_warc_file),
    (".warc.gz", _read_warc_file),
    (".rss", _read_feed_file),
    (".atom", _read_feed_file),
    (".xml", _read_feed_file),
)
