"""Articles from corpus files, one article per JSONL line or CSV row, streamed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from tidings.ingest.fields import NOT_UTF8, TEXT_KEYS, article_from_record, is_valid_unicode
from tidings.records import Article, IngestFailure

# A CSV field may hold a whole article, longer than the csv module's default limit of 128 kB.
# The limit is process-wide in the csv module; 2**31 - 1 is the largest every platform accepts.
_LARGEST_CSV_FIELD = 2**31 - 1


def read_jsonl(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """One article per JSON object line; a bad line becomes a failure at ``location:LINE``."""
    for number, raw_line in enumerate(stream, start=1):
        where = f"{location}:{number}"
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield IngestFailure(where, NOT_UTF8)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield IngestFailure(where, f"not JSON: {error.msg}")
            continue
        except RecursionError:
            yield IngestFailure(where, "not JSON: nested too deeply")
            continue
        if not isinstance(record, dict):
            yield IngestFailure(where, "not a JSON object")
            continue
        yield article_from_record(record, where, default_date=default_date)


def read_json(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """Articles from a JSON document, as scrapers write them: an array of article objects,
    one article object, or an object holding one array of article objects (``{"articles": [...]}``).
    Items are located as ``location#N`` (1-based)."""
    try:
        document = json.loads(stream.read().decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield IngestFailure(location, NOT_UTF8)
        return
    except json.JSONDecodeError as error:
        yield IngestFailure(location, f"not JSON: {error.msg} (line {error.lineno})")
        return
    except RecursionError:
        yield IngestFailure(location, "not JSON: nested too deeply")
        return
    if isinstance(document, dict) and not any(key in document for key in TEXT_KEYS):
        arrays = [value for value in document.values() if isinstance(value, list)]
        if len(arrays) != 1:
            yield IngestFailure(
                location, "a JSON object with no 'text' field and not one array of articles"
            )
            return
        document = arrays[0]
    if isinstance(document, dict):
        yield article_from_record(document, location, default_date=default_date)
    elif not isinstance(document, list):
        yield IngestFailure(location, "JSON holds neither an article object nor an array")
    elif not document:
        yield IngestFailure(location, "an empty JSON array")
    for number, record in enumerate(document if isinstance(document, list) else [], start=1):
        where = f"{location}#{number}"
        if isinstance(record, dict):
            yield article_from_record(record, where, default_date=default_date)
        else:
            yield IngestFailure(where, f"not a JSON object but {type(record).__name__}")


def read_csv(
    stream: BinaryIO, location: str, *, default_date: date | None = None
) -> Iterator[Article | IngestFailure]:
    """One article per row under a header with a ``text`` column; failures at ``location:LINE``."""
    csv.field_size_limit(max(csv.field_size_limit(), _LARGEST_CSV_FIELD))
    # Undecodable bytes become lone surrogates, so that only their own row fails.
    text_stream = io.TextIOWrapper(
        stream, encoding="utf-8-sig", errors="surrogateescape", newline=""
    )
    rows = csv.reader(text_stream)
    try:
        header = [name.strip().lower() for name in next(rows)]
    except StopIteration:
        yield IngestFailure(location, "empty CSV file")
        return
    except csv.Error as error:
        yield IngestFailure(f"{location}:1", f"bad CSV header: {error}")
        return
    if not any(key in header for key in TEXT_KEYS):
        yield IngestFailure(f"{location}:1", "no 'text' column in the CSV header")
        return
    while True:
        # A quoted field can span lines: a row is reported at the line where it starts.
        first_line = rows.line_num + 1
        where = f"{location}:{first_line}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield IngestFailure(where, f"bad CSV: {error}")
            continue
        if not row:
            continue
        if len(row) != len(header):
            # Most often a quote left open, which swallows the lines after it into one field.
            fields = f"{len(row)} field" + ("" if len(row) == 1 else "s")
            yield IngestFailure(where, f"row has {fields}, the header has {len(header)}")
        elif not all(is_valid_unicode(value) for value in row):
            yield IngestFailure(where, NOT_UTF8)
        else:
            record = dict(zip(header, row, strict=True))
            yield article_from_record(record, where, default_date=default_date)
