"""Write rows as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO


def write_jsonl(rows: Iterable[dict[str, object]], stream: TextIO) -> None:
    """One JSON object per line; non-ASCII text kept as is."""
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Iterable[dict[str, object]], stream: TextIO) -> None:
    """A header from the first row's keys, then one line per row; lists as JSON."""
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(
            {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()}
        )
