"""The API over PostgreSQL (started by .ci/run; skipped where there is none): the same answers,
read-only transactions, a statement timeout."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests.api.conftest import HOSTILE
from tidings.api import create_app
from tidings.examples import reference_article
from tidings.pipeline import analyze
from tidings.store import Store
from tidings.store.models import Base
from tidings.store.queries import read_only_engine

URL = os.environ.get("TIDINGS_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(
    not URL, reason="no PostgreSQL server: .ci/run starts one and sets TIDINGS_TEST_POSTGRES_URL"
)


@pytest.fixture(scope="module")
def postgres_client(nlp: Language) -> TestClient:
    engine = create_engine(URL)
    Base.metadata.drop_all(engine)
    engine.dispose()
    with Store(URL) as store:
        store.save(analyze(nlp, [reference_article(), HOSTILE]))
    return TestClient(create_app(URL), raise_server_exceptions=False)


def test_postgresql_gives_the_same_answers_as_sqlite(
    postgres_client: TestClient, client: TestClient
) -> None:
    for path in (
        "/api/events?factuality=all&limit=1000",
        "/api/events?actor=USAGOV&code=02",
        "/api/events?q=ceasefire",
        "/api/quotes?speaker=Netanyahu",
        "/api/dyads?a=USA&b=PSE",
        "/api/dyads",
        "/api/timeline?by=week",
        "/api/actors",
        f"/api/articles/{reference_article().id}",
    ):
        on_postgres, on_sqlite = postgres_client.get(path), client.get(path)
        assert on_postgres.status_code == 200, (path, on_postgres.text)
        strip = _without_ids if "events" in path or "quotes" in path else _same
        assert strip(on_postgres.json()) == strip(on_sqlite.json()), path
    assert postgres_client.get("/dyad?a=USA&b=PSE").status_code == 200


def _same(body: dict[str, object]) -> dict[str, object]:
    return body


def _without_ids(body: dict[str, object]) -> object:
    items = body["items"]
    assert isinstance(items, list)
    return [{k: v for k, v in item.items() if k != "id"} for item in items]


def test_postgresql_is_read_only_and_bounded(postgres_client: TestClient) -> None:
    engine = read_only_engine(URL, timeout=0.2)
    with pytest.raises(DBAPIError), engine.begin() as connection:
        connection.execute(text("DELETE FROM events"))
    with pytest.raises(DBAPIError, match="statement timeout"), engine.connect() as connection:
        connection.execute(text("SELECT pg_sleep(5)"))
    engine.dispose()
