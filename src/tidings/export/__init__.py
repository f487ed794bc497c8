"""Export: the JSONL/CSV contract, GDELT- and PLOVER-style rows."""

from tidings.export.aggregate import cluster_events
from tidings.export.rows import event_row, gdelt_row, mention_row, plover_rows, quote_row
from tidings.export.writers import csv_chunks, write_csv, write_jsonl

__all__ = [
    "cluster_events",
    "csv_chunks",
    "event_row",
    "gdelt_row",
    "mention_row",
    "plover_rows",
    "quote_row",
    "write_csv",
    "write_jsonl",
]
