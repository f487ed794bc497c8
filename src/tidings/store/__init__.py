"""Store: articles and their records in any SQLAlchemy database (SQLite by default)."""

from tidings.store.store import (
    ArticleSummary,
    SaveReport,
    Store,
    article_id_from_prefix,
    article_summaries,
)

__all__ = ["ArticleSummary", "SaveReport", "Store", "article_id_from_prefix", "article_summaries"]
