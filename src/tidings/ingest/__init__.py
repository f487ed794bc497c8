"""Ingest: files, folders, JSONL/CSV corpora, HTML, feeds and WARC archives -> Articles."""

from tidings.ingest.fields import parse_date
from tidings.ingest.files import read_articles

__all__ = ["parse_date", "read_articles"]
