"""Read articles from paths: files and folders, choosing the reader by the file's name."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from tidings.ingest.corpora import read_csv, read_json, read_jsonl
from tidings.ingest.feeds import read_feed
from tidings.ingest.fields import NOT_UTF8, normalize_text
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
    paths: Iterable[str | Path], *, default_date: date | None = None, encoding: str = "utf-8"
) -> Iterator[Item]:
    """Articles from files and folders, streamed; each bad input becomes one IngestFailure.

    ``default_date`` is the publication date of inputs whose metadata give none; ``encoding``
    that of plain text, JSON, JSONL and CSV files (HTML, feeds and WARC declare their own).
    A name ending in ``.gz`` is read decompressed, as the name without it.

    >>> [item.reason for item in read_articles(["missing.txt"])]
    ['no such file']
    """
    for given in paths:
        path = Path(given)
        if not str(given):
            # Path("") is the current folder, which nobody means by an empty argument.
            yield IngestFailure("", "no such file")
        elif path.is_dir():
            yield from _read_folder(path, default_date, encoding)
        elif path.exists():
            yield from _read_file(path, default_date, encoding)
        else:
            yield IngestFailure(str(path), "no such file")


def read_stream(
    stream: BinaryIO,
    location: str,
    kind: str = "text",
    *,
    default_date: date | None = None,
    encoding: str = "utf-8",
) -> Iterator[Item]:
    """Articles from an open binary stream (standard input) holding one ``kind`` of input:
    text (one article), jsonl, json, csv or html."""
    reader = dict(STREAM_READERS).get(f".{kind}", _read_text)
    yield from reader(_recoded(stream, encoding, reader), location, default_date=default_date)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many articles and failures ``read_articles(paths)`` will give, where that is known
    without reading them (one per text or HTML file, one per JSONL line), else None."""
    total = 0
    for given in paths:
        path = Path(given)
        files = sorted(_files_in(path)) if path.is_dir() else [path]
        if not files or not path.exists():
            total += 1  # a failure
            continue
        for file in files:
            reader, gzipped = _reader_for(file)
            if reader in (_read_text, _read_html):
                total += 1
            elif reader is read_jsonl and not gzipped:
                with file.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            else:
                return None
    return total


def _read_folder(folder: Path, default_date: date | None, encoding: str) -> Iterator[Item]:
    files = sorted(_files_in(folder))
    if not files:
        yield IngestFailure(str(folder), "no files in folder")
    for path in files:
        yield from _read_file(path, default_date, encoding)


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


def _reader_for(path: Path) -> tuple[StreamReader, bool]:
    """The reader of a file, by its name, and whether it is to be decompressed first."""
    name = path.name.lower()
    # Not ".warc.gz": warcio decompresses a WARC archive record by record itself.
    gzipped = name.endswith(".gz") and not name.endswith(".warc.gz")
    name = name.removesuffix(".gz") if gzipped else name
    reader = next((reader for suffix, reader in STREAM_READERS if name.endswith(suffix)), None)
    return reader or _read_text, gzipped


def _read_file(path: Path, default_date: date | None, encoding: str) -> Iterator[Item]:
    reader, gzipped = _reader_for(path)
    try:
        with _open(path, gzipped) as stream:
            recoded = _recoded(stream, encoding, reader)
            yield from reader(recoded, str(path), default_date=default_date)
    except (OSError, EOFError, zlib.error) as error:
        # gzip raises EOFError and zlib.error on damaged archives, not only OSError.
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        yield IngestFailure(str(path), f"cannot read: {reason}")


def _open(path: Path, gzipped: bool) -> BinaryIO:
    if gzipped:
        # GzipFile reads like a binary file, though typeshed does not call it a BinaryIO.
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_text(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Item]:
    try:
        text = normalize_text(stream.read().decode("utf-8"))
    except UnicodeDecodeError:
        yield IngestFailure(location, NOT_UTF8)
        return
    if not text:
        yield IngestFailure(location, "empty text")
    else:
        yield Article(text=text, published=default_date, location=location)


class _Recoder(io.RawIOBase):
    """Reads a stream of text in some encoding as UTF-8 bytes; undecodable bytes pass as
    they are, so that the reader reports the line or file that holds them."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="surrogateescape")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._stream.read(1 << 16)
            text = self._decoder.decode(chunk, final=not chunk)
            self._pending = text.encode("utf-8", errors="surrogateescape")
            if not chunk:
                break
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _recoded(stream: BinaryIO, encoding: str, reader: StreamReader) -> BinaryIO:
    if codecs.lookup(encoding).name == "utf-8" or reader not in DECODED_BY_US:
        return stream
    return io.BufferedReader(_Recoder(stream, encoding))


def _read_html(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Item]:
    # Bytes, not text: trafilatura honours the charset the page declares.
    yield article_from_html(stream.read(), location, default_date=default_date)


# File name endings and their readers; any other file is read as plain text.
STREAM_READERS: tuple[tuple[str, StreamReader], ...] = (
    (".jsonl", read_jsonl),
    (".json", read_json),
    (".csv", read_csv),
    (".html", _read_html),
    (".htm", _read_html),
    (".warc", read_warc),
    (".warc.gz", read_warc),
    (".rss", read_feed),
    (".atom", read_feed),
    (".xml", read_feed),
)
# The readers of text in the encoding given (--encoding); the others' formats declare their own.
DECODED_BY_US: tuple[StreamReader, ...] = (_read_text, read_jsonl, read_json, read_csv)
