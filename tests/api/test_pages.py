"""Pages as HTML: the article's text cut into highlighted pieces, everything escaped."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.api.conftest import HOSTILE
from tidings.api.pages import Mark, segments
from tidings.cli import app
from tidings.examples import reference_article


def test_segments_cut_the_text_where_marks_begin_and_end() -> None:
    text = "Egypt urged Qatar to talk."
    marks = [
        Mark(0, 5, "actor", "actor Egypt"),
        Mark(6, 11, "trigger", "event 010", event=0),
        Mark(0, 17, "quote", "quote"),
    ]
    pieces = segments(text, 0, len(text), marks)
    assert "".join(piece.text for piece in pieces) == text
    assert [(p.text, sorted(p.kinds), p.event) for p in pieces] == [
        ("Egypt", ["actor", "quote"], None),
        (" ", ["quote"], None),
        ("urged", ["quote", "trigger"], 0),
        (" Qatar", ["quote"], None),
        (" to talk.", [], None),
    ]
    # A sentence shows only its own part of a mark that runs past it.
    assert [p.text for p in segments(text, 12, 17, marks)] == ["Qatar"]


def test_every_page_answers(client: TestClient) -> None:
    for path in (
        "/",
        "/?by=day&actor=ISR",
        "/dyad?a=USA&b=PSE",
        "/actor?actor=USAGOV",
        f"/article/{reference_article().id}",
        "/quotes?speaker=Blinken",
        "/articles",
        "/docs",
        "/static/echarts.min.js",
    ):
        assert client.get(path).status_code == 200, path
    assert client.get("/article/nothing").status_code == 404
    assert client.get("/dyad?a=USA").status_code == 400


def test_stored_markup_is_escaped(client: TestClient) -> None:
    html = client.get(f"/article/{HOSTILE.id}").text
    assert "<script>window.hacked" not in html
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;" in html
    assert 'onmouseover="window' not in html


def test_serve_refuses_a_database_that_is_not_there(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", f"{tmp_path}/missing.db"])
    assert result.exit_code == 1
    assert "no SQLite database" in result.output
