"""The export rows keep the documented contract."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from tests.store.test_store import _analysis
from tidings.export import (
    cluster_events,
    event_row,
    gdelt_row,
    plover_rows,
    quote_row,
    write_csv,
    write_jsonl,
)
from tidings.records import Actor, Article


def test_event_row_keeps_codes_as_strings_and_nulls() -> None:
    appeal, rejection = _analysis().events
    row = event_row(appeal)
    assert (row["cameo_code"], row["cameo_root"], row["quad_class"]) == ("020", "02", 1)
    assert (row["source_country"], row["source_sector"], row["target_name"]) == (
        "USA",
        "GOV",
        "Hamas",
    )
    assert row["location_name"] is None
    rejected = event_row(rejection)
    assert rejected["target_name"] is None and rejected["location_country"] == "QAT"


def test_event_row_says_where_date_and_place_came_from() -> None:
    row = event_row(_analysis().events[1])
    assert (row["date_text"], row["date_precision"]) == ("Monday", "day")
    assert (row["location_geonames_id"], row["location_start"], row["location_end"]) == (
        290030,
        0,
        4,
    )


def test_jsonl_parses_back() -> None:
    rows = [event_row(e) for e in _analysis().events]
    stream = io.StringIO()
    write_jsonl(rows, stream)
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == rows


def test_csv_has_header_and_json_lists() -> None:
    rows = [quote_row(q) for q in _analysis().quotes]
    stream = io.StringIO()
    write_csv(rows, stream)
    (parsed,) = csv.DictReader(io.StringIO(stream.getvalue()))
    assert list(parsed) == list(rows[0])
    assert json.loads(parsed["spans"]) == [[25, 43], [0, 7]]
    assert parsed["speaker_name"] == "Blinken" and parsed["reported_by"] == "Antony Blinken"


def test_gdelt_and_plover_rows() -> None:
    analysis = _analysis()
    appeal = analysis.events[0]
    (cluster,) = cluster_events([appeal], {analysis.article.id: analysis.article})
    gdelt = gdelt_row(cluster, url="https://e.org")
    assert (gdelt["Actor1Code"], gdelt["Actor2Code"], gdelt["EventRootCode"]) == (
        "USAGOV",
        "PSEREB",
        "02",
    )
    assert (gdelt["SQLDATE"], gdelt["NumMentions"], gdelt["NumArticles"]) == ("20240819", 1, 1)
    (plover,) = plover_rows([appeal], {analysis.article.id: analysis.article.text})
    assert plover["event"] == "REQUEST"
    assert plover["source"] == [
        {"actorText": "Blinken", "code": "USA", "sector": "GOV", "name": "Antony Blinken"}
    ]
    assert [actor["code"] for actor in plover["target"]] == ["PSE"]  # type: ignore[attr-defined]
    assert plover["text"] == "Blinken called on Hamas."


def test_gdelt_rows_aim_an_act_of_no_named_target_at_home() -> None:
    analysis = _analysis()
    appeal = analysis.events[0]
    # "Blinken resigned": GDELT's Actor2 is the United States itself, PLOVER keeps no recipient.
    resigned = replace(appeal, target=None, cameo_code="0831", plover_event="CONCEDE")
    (cluster,) = cluster_events([resigned], {analysis.article.id: analysis.article})
    gdelt = gdelt_row(cluster)
    assert (gdelt["Actor2Code"], gdelt["Actor2CountryCode"], gdelt["Actor2Type1Code"]) == (
        "USA",
        "USA",
        "",
    )
    (plover,) = plover_rows([resigned], {analysis.article.id: analysis.article.text})
    assert plover["target"] == []


def _codes(actors: object) -> list[object]:
    assert isinstance(actors, list)
    return [actor["code"] for actor in actors]


def test_plover_records_hold_compound_and_reciprocal_parties_as_lists() -> None:
    analysis = _analysis()
    texts = {analysis.article.id: analysis.article.text}
    appeal = analysis.events[0]
    blinken, hamas = appeal.source, appeal.target
    assert blinken is not None and hamas is not None
    egypt = replace(blinken, actor=Actor("Egypt", "EGY"), text="Egypt")
    # "Blinken and Egypt called on Hamas": one PLOVER event of two actors.
    (compound,) = plover_rows([appeal, replace(appeal, source=egypt)], texts)
    assert (_codes(compound["source"]), _codes(compound["target"])) == (["USA", "EGY"], ["PSE"])
    # A meeting has no direction: every party is its actor, and it has no recipient.
    meeting = replace(appeal, cameo_code="040", plover_event="CONSULT", reciprocal=True)
    mirrored = replace(meeting, source=hamas, target=blinken)
    (met,) = plover_rows([meeting, mirrored], texts)
    assert (_codes(met["source"]), met["target"]) == (["USA", "PSE"], [])


def test_the_same_event_in_several_articles_is_one_cluster() -> None:
    appeal = _analysis().events[0]
    other = Article(text="Another report.", source="Reuters")
    first = Article(text="A report.", source="AP")
    again = replace(appeal, article_id=other.id)
    third = replace(appeal, article_id=first.id, trigger="urged")
    different = replace(appeal, cameo_code="025")
    clusters = cluster_events(
        [appeal, again, third, different], {a.id: a for a in (other, first, _analysis().article)}
    )
    assert [(c.cameo_code, len(c.mentions), c.num_articles, c.num_sources) for c in clusters] == [
        ("020", 3, 3, 3),
        ("025", 1, 1, 1),
    ]
