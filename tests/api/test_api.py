"""The JSON API: records as in the JSONL contract, filters, pages, one error shape, read-only."""

from __future__ import annotations

import csv
import io
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tidings.examples import reference_article
from tidings.export import event_row
from tidings.store import Store
from tidings.store.queries import EventFilter, Reader, _Recent, read_only_engine

REFERENCE_ID = reference_article().id


def _error(response: object, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return dict(body["error"])


def test_events_are_the_contract_records_with_their_sentence(
    client: TestClient, api_db: str
) -> None:
    items = client.get("/api/events", params={"article": REFERENCE_ID}).json()["items"]
    with Store(api_db) as store:
        expected = [event_row(e) for e in store.events() if e.article_id == REFERENCE_ID]
    assert sorted(items, key=lambda i: int(i["id"])) == items
    contract = [{k: item[k] for k in expected[0]} for item in items]
    key = ("sentence_index", "trigger_start", "cameo_code", "target_name")
    assert sorted(contract, key=lambda r: [str(r[k]) for k in key]) == sorted(
        expected, key=lambda r: [str(r[k]) for k in key]
    )
    text = reference_article().text
    for item in items:
        assert item["sentence"] == text[item["sentence_start"] : item["sentence_end"]]


def test_the_blinken_appeal_to_hamas_is_found_by_actor_and_code(client: TestClient) -> None:
    items = client.get("/api/events", params={"actor": "USAGOV", "code": "02"}).json()["items"]
    assert [(i["source_name"], i["cameo_code"], i["target_name"]) for i in items] == [
        ("Antony Blinken", "025", "Hamas")
    ]
    by_name = client.get("/api/events", params={"actor": "blinken", "code": "02"}).json()
    assert by_name["items"] == items


def test_filters_narrow_the_events(client: TestClient) -> None:
    def count(**params: str) -> int:
        return len(client.get("/api/events", params={**params, "limit": "1000"}).json()["items"])

    shown, everything = count(), count(factuality="all")
    assert 0 < shown < everything
    assert count(factuality="hypothetical") > 0
    assert count(factuality="asserted,reported", since="2024-08-20") < count(
        factuality="asserted,reported"
    )
    assert count(until="2023-12-31", factuality="all") == 1  # Hamas's attack of 7 October
    assert count(q="ceasefire agreement", factuality="all") >= 1
    assert count(q="no sentence says this") == 0
    assert count(country="QAT", factuality="all") >= 1


@pytest.mark.parametrize("chosen", [{"factuality": "all"}, {}, {"factuality": "asserted,future"}])
def test_the_cursor_walks_every_event_once(client: TestClient, chosen: dict[str, str]) -> None:
    everything = client.get("/api/events", params=chosen).json()
    assert everything["next"] is None
    seen, cursor = [], None
    while True:
        params = {**chosen, "limit": "3", **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        seen += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == everything["items"]


@pytest.mark.parametrize("plan", ["index", "walk", "mentions"])
def test_each_plan_finds_the_events_of_an_actor_code(
    api_db: str, plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = Reader(api_db)
    everything = reader.event_page(EventFilter(include_all=True), limit=1000).items
    sides = [("source_country", "source_code"), ("target_country", "target_code")]
    codes = {
        str(item[code])[:size]
        for item in everything
        for country, code in sides
        if item[country]
        for size in (3, 6)
    }
    monkeypatch.setattr(reader, "_plan", lambda *_: plan)
    for code in sorted(codes):
        chosen = EventFilter(actor=code, include_all=True)
        expected = [
            item
            for item in everything
            if any(
                item[country] == code[:3] and str(item[found]).startswith(code)
                for country, found in sides
            )
        ]
        found, after = [], None
        while True:  # two at a time, through the cursor
            page = reader.event_page(chosen, limit=2, after=after)
            found += page.items
            if page.next is None:
                break
            after = int(page.next)
        assert found == expected, code
    assert len(codes) > 4


def test_csv_streams_every_matching_event(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "factuality": "all"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    everything = client.get("/api/events", params={"factuality": "all"}).json()["items"]
    assert [row["id"] for row in rows] == [str(item["id"]) for item in everything]
    assert rows[0]["cameo_code"] == everything[0]["cameo_code"]


def test_quotes_by_speaker_and_words(client: TestClient) -> None:
    netanyahu = client.get("/api/quotes", params={"speaker": "Netanyahu"}).json()["items"]
    assert netanyahu and all(q["speaker_name"] == "Benjamin Netanyahu" for q in netanyahu)
    assert any("good and important meeting" in q["text"] for q in netanyahu)
    words = client.get("/api/quotes", params={"q": "say yes"}).json()["items"]
    assert [q["speaker_name"] for q in words] == ["Antony Blinken"]
    assert client.get("/api/quotes", params={"since": "2030-01-01"}).json()["items"] == []


def test_actors_dyads_and_timeline_count_the_shown_events(client: TestClient) -> None:
    actors = client.get("/api/actors").json()["items"]
    blinken = next(a for a in actors if a["name"] == "Antony Blinken")
    assert blinken["code"] == "USAGOV" and blinken["as_source"] >= 2
    dyad = client.get("/api/dyads", params={"a": "USA", "b": "PSE"}).json()
    assert {(e["source_code"], e["target_code"]) for e in dyad["items"]} == {
        ("USAGOV", "PSEREB"),
        ("PSEREB", "USA"),
    }
    assert dyad["days"] == [
        {
            "date": "2024-08-20",
            "a_to_b": 1,
            "b_to_a": 1,
            "goldstein_a_to_b": dyad["days"][0]["goldstein_a_to_b"],
            "goldstein_b_to_a": dyad["days"][0]["goldstein_b_to_a"],
        }
    ]
    pairs = client.get("/api/dyads").json()["items"]
    assert {"a": "PSE", "b": "USA", "events": 2, "a_to_b": 1, "b_to_a": 1} in pairs
    timeline = client.get("/api/timeline", params={"by": "week"}).json()["items"]
    shown = client.get("/api/events", params={"limit": "1000"}).json()["items"]
    assert sum(p["events"] for p in timeline) == sum(1 for e in shown if e["date"])
    assert all(p["period"] in ("2023-10-02", "2024-08-12", "2024-08-19") for p in timeline)


def test_an_article_comes_with_its_findings_and_offsets(client: TestClient) -> None:
    listed = client.get("/api/articles").json()["items"]
    assert {a["id"] for a in listed} >= {REFERENCE_ID}
    article = client.get(f"/api/articles/{REFERENCE_ID}").json()
    text = article["text"]
    assert article["actors"] and article["events"] and article["quotes"]
    for mention in article["actors"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for found in article["events"]:
        assert text[found["trigger_start"] : found["trigger_end"]] == found["trigger"]
    for quote in article["quotes"]:
        assert all(0 <= start < end <= len(text) for start, end in quote["spans"])


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/events?colour=red", 400, "bad_request"),
        ("/api/events?limit=0", 400, "bad_request"),
        ("/api/events?limit=1001", 400, "bad_request"),
        ("/api/events?since=yesterday", 400, "bad_request"),
        ("/api/events?factuality=likely", 400, "bad_request"),
        ("/api/events?cursor=-1", 400, "bad_request"),
        ("/api/events?cursor=99999999999999999999999", 400, "bad_request"),
        ("/api/events?code=abc", 400, "bad_request"),
        ("/api/events?actor=%00", 400, "bad_request"),
        ("/api/dyads?a=USA", 400, "bad_request"),
        ("/api/timeline?by=month", 400, "bad_request"),
        ("/api/articles/0000000000000000", 404, "not_found"),
        ("/api/nowhere", 404, "not_found"),
    ],
)
def test_errors_have_one_shape(client: TestClient, path: str, status: int, code: str) -> None:
    assert _error(client.get(path), status)["code"] == code


def test_no_endpoint_writes(client: TestClient) -> None:
    for path in ("/api/events", "/api/articles", f"/api/articles/{REFERENCE_ID}"):
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            assert _error(client.request(method, path), 405)["code"] == "method_not_allowed"


def test_the_reader_cannot_write(api_db: str) -> None:
    engine = read_only_engine(api_db, timeout=5)
    with pytest.raises(OperationalError), engine.begin() as connection:
        connection.execute(text("DELETE FROM events"))
    assert Reader(api_db).event_page(EventFilter(), limit=1).items


def test_a_query_running_too_long_is_stopped(api_db: str) -> None:
    engine = read_only_engine(api_db, timeout=0.05)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    with pytest.raises(OperationalError, match="interrupted"), engine.connect() as connection:
        connection.execute(text(endless)).all()
    with engine.connect() as connection:  # the next statement has its own time
        assert connection.execute(text("SELECT count(*) FROM events")).scalar_one() > 0


def test_pages_have_a_content_security_policy(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]


def test_counts_are_kept_for_a_while_and_counted_once_at_a_time() -> None:
    recent = _Recent(seconds=60)
    calls: list[int] = []

    def count() -> int:
        time.sleep(0.05)
        calls.append(1)
        return len(calls)

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(lambda _: recent.get("k", count), range(8))) == {1}
    assert len(calls) == 1
    expired = _Recent(seconds=0)
    assert [expired.get("k", count) for _ in range(2)] == [2, 3]


def test_only_a_page_of_an_actor_code_alone_is_read_on_the_event_loop(api_db: str) -> None:
    reader = Reader(api_db)
    assert reader.reads_by_key(EventFilter(actor="ISR"))
    assert reader.reads_by_key(EventFilter(actor="USAGOV"))
    # A name, words to find or any other filter may take long: a worker thread reads those.
    assert not reader.reads_by_key(EventFilter(actor="Blinken"))
    assert not reader.reads_by_key(EventFilter(actor="ISR", text="ceasefire"))
    assert not reader.reads_by_key(EventFilter(actor="ISR", since=date(2024, 8, 1)))
    assert not reader.reads_by_key(EventFilter())
