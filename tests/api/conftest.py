"""A database with the reference article and a hostile one, served read-only to the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from tidings.api import create_app
from tidings.examples import reference_article
from tidings.pipeline import analyze
from tidings.records import Article
from tidings.store import Store

# Made-up text whose strings would run as code if any page rendered them unescaped.
HOSTILE = Article(
    text=(
        "Israel condemned Hamas <script>window.hacked = 1</script> on Sunday. "
        'Egypt\'s foreign minister said " onmouseover="window.hacked = 2" was "<img src=x '
        'onerror=window.hacked=3>" and urged Qatar to mediate.'
    ),
    title="<script>window.hacked = 4</script> talks",
    published=date(2024, 8, 18),
    source='" onmouseover="window.hacked = 5',
)


def build_database(path: Path, nlp: Language, articles: list[Article]) -> str:
    """A SQLite database of ``articles`` as tidings analyses them; its URL."""
    url = f"sqlite:///{path}"
    with Store(url) as store:
        store.save(analyze(nlp, articles))
    return url


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> str:
    """The reference article and the hostile one."""
    path = tmp_path_factory.mktemp("api") / "tidings.db"
    return build_database(path, nlp, [reference_article(), HOSTILE])


@pytest.fixture(scope="session")
def client(api_db: str) -> TestClient:
    """A test client of the app over ``api_db``."""
    return TestClient(create_app(api_db), raise_server_exceptions=False)
