"""Ingest: files, folders, JSONL/CSV corpora, HTML pages, feeds and WARC archives -> Articles.

``read_articles(["news/", "corpus.jsonl"], default_date=date(2024, 8, 20))`` streams an
``Article`` per input article and an ``IngestFailure`` (location, one-line reason) per bad one.
Text is kept as written, so that character offsets point into it, except that ``\\r\\n`` and
``\\r`` become ``\\n``, a leading byte order mark goes, other control characters but tab (NUL
among them, which PostgreSQL cannot store) become a space each, and surrounding white space is
stripped.
"""

from __future__ import annotations

from tidings.ingest.dates import parse_date
from tidings.ingest.files import count_inputs, read_articles, read_stream

__all__ = ["count_inputs", "parse_date", "read_articles", "read_stream"]
