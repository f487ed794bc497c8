"""Read articles from paths: files and folders, choosing the reader by the file's name."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO, Protocol

from tidings.ingest.corpora import read_csv, read_json, read_jsonl
from tidings.ingest.feeds import read_feed
from tidings.ingest.fields import normalize_text
from tidings.ingest.html import article_from_html
from tidings.ingest.warc import read_warc
from tidings.records import Article, IngestFailure

Item = Article | IngestFailure


class StreamReader(Protocol):
    """A reader of one kind of file: a binary stream in, articles and failures out."""

    def __call__(
        self, stream: BinaryIO, location: str, *, default_date: date | None = None
    ) -> Iterator[Item]: ...


def read_articles(
    paths: Iterable[str | Path], *, default_date: date | None = None
) -> Iterator[Item]:
    """Articles from files and folders, streamed; each bad input becomes one IngestFailure.

    ``default_date`` is the publication date of inputs whose metadata give none.

    >>> [item.reason for item in read_articles(["missing.txt"])]
    ['no such file']
    """
    for given in paths:
        path = Path(given)
        if not str(given):
            # Path("") is the current folder, which nobody means by an empty argument.
            yield IngestFailure("", "no such file")
        elif path.is_dir():
            yield from _read_folder(path, default_date)
        elif path.exists():
            yield from _read_file(path, default_date)
        else:
            yield IngestFailure(str(path), "no such file")


def _read_folder(folder: Path, default_date: date | None) -> Iterator[Item]:
    files = sorted(_files_in(folder))
    if not files:
        yield IngestFailure(str(folder), "no files in folder")
    for path in files:
        yield from _read_file(path, default_date)


def _files_in(folder: Path) -> Iterator[Path]:
    """The files under a folder, following linked folders once each (a link loop ends there)."""
    seen: set[str] = set()
    for root, folders, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            folders.clear()
            continue
        seen.add(real)
        # Hidden files and folders (.DS_Store, .git/) are not part of a collection of articles.
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(root, name)
            if not name.startswith(".") and path.is_file():
                yield path


def _read_file(path: Path, default_date: date | None) -> Iterator[Item]:
    name = path.name.lower()
    reader = next((reader for suffix, reader in STREAM_READERS if name.endswith(suffix)), None)
    try:
        if reader is None:
            yield _read_plain_text(path, default_date)
        else:
            with _open(path) as stream:
                yield from reader(stream, str(path), default_date=default_date)
    except (OSError, EOFError, zlib.error) as error:
        # gzip raises EOFError and zlib.error on damaged archives, not only OSError.
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        yield IngestFailure(str(path), f"cannot read: {reason}")


def _open(path: Path) -> BinaryIO:
    # Not ".warc.gz": warcio decompresses a WARC archive record by record itself.
    if path.name.lower().endswith(GZIPPED):
        # GzipFile reads like a binary file, though typeshed does not call it a BinaryIO.
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_plain_text(path: Path, default_date: date | None) -> Item:
    try:
        text = normalize_text(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        return IngestFailure(str(path), "not UTF-8 text")
    if not text:
        return IngestFailure(str(path), "empty text")
    return Article(text=text, published=default_date, location=str(path))


def _read_html(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Item]:
    # Bytes, not text: trafilatura honours the charset the page declares.
    yield article_from_html(stream.read(), location, default_date=default_date)


# File name endings and their readers; any other file is read as plain UTF-8 text.
STREAM_READERS: tuple[tuple[str, StreamReader], ...] = (
    (".jsonl", read_jsonl),
    (".jsonl.gz", read_jsonl),
    (".json", read_json),
    (".json.gz", read_json),
    (".csv", read_csv),
    (".csv.gz", read_csv),
    (".html", _read_html),
    (".htm", _read_html),
    (".warc", read_warc),
    (".warc.gz", read_warc),
    (".rss", read_feed),
    (".atom", read_feed),
    (".xml", read_feed),
)
GZIPPED = (".jsonl.gz", ".json.gz", ".csv.gz")
