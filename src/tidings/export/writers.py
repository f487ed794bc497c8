"""Write rows as JSON lines or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

CSV_CHUNK = 65536


def write_jsonl(rows: Iterable[dict[str, object]], stream: TextIO) -> None:
    """One JSON object per line; non-ASCII text kept as is."""
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def csv_chunks(rows: Iterable[dict[str, object]]) -> Iterator[str]:
    """CSV text a few lines at a time: a header from the first row's keys; lists as JSON."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(
            {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()}
        )
        if buffer.tell() > CSV_CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_csv(rows: Iterable[dict[str, object]], stream: TextIO) -> None:
    """A header from the first row's keys, then one line per row; lists as JSON."""
    stream.writelines(csv_chunks(rows))
