"""Ingest: files, folders, JSONL/CSV corpora, HTML pages, feeds and WARC archives -> Articles.

>>> from tidings.ingest import read_articles
>>> for item in read_articles(["news/"], default_date=date(2024, 8, 20)): ...
"""

from tidings.ingest.dates import parse_date
from tidings.ingest.files import read_articles

__all__ = ["parse_date", "read_articles"]
