"""Store: articles and their records in any SQLAlchemy database (SQLite by default)."""

from tidings.store.store import SaveReport, Store

__all__ = ["SaveReport", "Store"]
