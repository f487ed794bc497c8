"""Property: any sequence of text inputs ingests, re-ingests, and is interrupted between batches
and resumed, to the same stored articles and findings."""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tidings.batch import InProcessAnalyzer, Item, Result, ingest
from tidings.ingest import read_stream
from tidings.records import Article
from tidings.store import Store
from tidings.store.models import EventRow, FailureRow, QuoteRow, SentenceRow

SENTENCES = [
    "Egypt condemned Israel on Monday.",
    '"We will not accept this," the Iranian foreign minister said.',
    "Qatar hosted talks with Hamas in Doha.",
    "Protesters clashed with police in Nairobi.",
]
texts = st.lists(
    st.one_of(st.text(max_size=30), st.sampled_from(SENTENCES), st.sampled_from(["", " \x00"])),
    max_size=7,
)


class _InterruptedAfter:
    """An analyzer that stops, as a killed process would, before its batch number ``stop``."""

    def __init__(self, nlp: Language, stop: int) -> None:
        self.inner = InProcessAnalyzer(nlp)
        self.stop = stop

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        for number, results in enumerate(self.inner.map(batches)):
            if number == self.stop:
                raise KeyboardInterrupt
            yield results


def _items(inputs: list[str]) -> list[Item]:
    return [
        item
        for number, text in enumerate(inputs)
        for item in read_stream(io.BytesIO(text.encode("utf-8")), f"input{number}")
    ]


def _contents(url: str) -> tuple[frozenset[str], int, int, int, int]:
    with Store(url) as store, Session(store.engine) as session:

        def count(table: type[SentenceRow | EventRow | QuoteRow | FailureRow]) -> int:
            return int(session.scalar(select(func.count()).select_from(table)) or 0)

        ids = frozenset(article.id for article in store.articles())
        return ids, count(SentenceRow), count(EventRow), count(QuoteRow), count(FailureRow)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs=texts, batch_size=st.integers(1, 3), stop=st.integers(0, 3))
def test_ingest_reingest_and_resume_store_the_same(
    nlp: Language, inputs: list[str], batch_size: int, stop: int
) -> None:
    items = _items(inputs)
    articles = {item.id for item in items if isinstance(item, Article)}
    with tempfile.TemporaryDirectory() as folder:
        once, resumed = (f"sqlite:///{Path(folder) / name}" for name in ("once.db", "resumed.db"))
        with Store(once) as store:
            first = ingest(items, store, InProcessAnalyzer(nlp), batch_size=batch_size)
            again = ingest(items, store, InProcessAnalyzer(nlp), batch_size=batch_size)
        assert first.stored == len(articles)
        assert (again.stored, again.failed) == (0, first.failed)
        assert again.already_stored == first.stored + first.already_stored
        with Store(resumed) as store:
            with contextlib.suppress(KeyboardInterrupt):
                ingest(items, store, _InterruptedAfter(nlp, stop), batch_size=batch_size)
            ingest(items, store, InProcessAnalyzer(nlp), batch_size=batch_size)
        stored_once, stored_resumed = _contents(once), _contents(resumed)
        assert stored_once[0] == articles
        # Same articles and findings; each failing input has one row however often it failed.
        assert stored_resumed == stored_once
