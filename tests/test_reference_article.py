"""The reference article against ../shared/data/seed/blinken_hamas_ceasefire.expected.json.

One test per expectation, so the report says which are found and which are missing.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from tests.shared_data import SHARED, shared_path
from tidings.pipeline import analyze_one
from tidings.records import Actor, Analysis, Article, Event, Factuality

EXPECTED = "data/seed/blinken_hamas_ceasefire.expected.json"
ARTICLE = "data/seed/blinken_hamas_ceasefire.txt"

# Expectations that later issues deliver: strict, so a newly passing one must be un-marked.
NOT_YET: dict[str, str] = {}


def _expectations() -> dict[str, Any]:
    path = SHARED / EXPECTED
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _cases() -> list[Any]:
    expected = _expectations()
    cases: list[tuple[str, str, dict[str, Any]]] = []
    for actor in expected.get("actors", []):
        cases.append((f"actor:{actor['mention']}", "actor", actor))
        for also in actor.get("also", []):
            cases.append((f"actor:{actor['mention']}={also}", "alias", {**actor, "alias": also}))
    events = expected.get("events", {})
    for kind in ("required", "must_not"):
        for item in events.get(kind, []):
            ident = (
                f"{kind}:line{item['sentence']}:{item.get('source', '')}>{item.get('target', '')}"
            )
            cases.append((ident, kind, item))
    for item in expected.get("quotes", []):
        cases.append((f"quote:{item['speaker']}:{item['contains'][:30]}", "quote", item))
    if not cases:
        return [pytest.param("absent", "absent", {}, id="shared-data-absent")]
    return [
        pytest.param(
            ident,
            kind,
            item,
            id=ident,
            marks=[pytest.mark.xfail(strict=True, reason=NOT_YET[ident])]
            if ident in NOT_YET
            else [],
        )
        for ident, kind, item in cases
    ]


@pytest.fixture(scope="module")
def analysis(nlp: Language) -> Analysis:
    text = shared_path(ARTICLE).read_text(encoding="utf-8").strip()
    published = date.fromisoformat(_expectations()["publication_date"])
    return analyze_one(nlp, Article(text=text, published=published))


def _line(analysis: Analysis, offset: int) -> int:
    """The 1-based line (paragraph) of the article an offset falls in."""
    return analysis.article.text.count("\n", 0, offset) + 1


def _actors_named(analysis: Analysis, text: str) -> list[Actor]:
    return [m.actor for m in analysis.mentions if m.text == text or m.actor.name == text]


def _event_matches(event: Event, item: dict[str, Any], line: int) -> bool:
    roots = item.get("root_any") or [item["root"]]
    return (
        line == item["sentence"]
        and event.source is not None
        and event.source.actor.country == item["source"]
        and (
            item.get("target") is None
            or (event.target and event.target.actor.country == item["target"])
        )
        and event.cameo_root in roots
        and ("codes" not in item or event.cameo_code in item["codes"])
        and ("factuality" not in item or event.factuality.value == item["factuality"])
        and ("date" not in item or str(event.date) == item["date"])
    )


def _describe(analysis: Analysis, line: int) -> str:
    found = [
        f"{e.source.actor.code if e.source else '-'} {e.cameo_code} "
        f"{e.target.actor.code if e.target else '-'} {e.factuality.value} {e.date} ({e.rule})"
        for e in analysis.events
        if _line(analysis, e.trigger_start) == line
    ]
    return f"events on line {line}: {found}"


@pytest.mark.parametrize(("ident", "kind", "item"), _cases())
def test_reference_expectation(
    analysis: Analysis, ident: str, kind: str, item: dict[str, Any]
) -> None:
    if kind == "absent":
        pytest.skip(f"development data ../shared/{EXPECTED} is not here")
    if kind == "actor":
        actors = _actors_named(analysis, item["mention"])
        assert actors, f"no mention of {item['mention']}"
        assert any(
            a.country == item["country"] and ("sector" not in item or item["sector"] in a.sectors)
            for a in actors
        ), actors
    elif kind == "alias":
        canonical = {
            a for a in _actors_named(analysis, item["mention"]) if a.country == item["country"]
        }
        aliases = {m.actor for m in analysis.mentions if m.text == item["alias"]}
        assert canonical & aliases, f"{item['alias']!r} resolves to {aliases}, not {canonical}"
    elif kind == "required":
        assert any(
            _event_matches(e, item, _line(analysis, e.trigger_start)) for e in analysis.events
        ), _describe(analysis, item["sentence"])
    elif kind == "must_not":
        asserted_dyads = [
            e
            for e in analysis.events
            if _line(analysis, e.trigger_start) == item["sentence"]
            and e.factuality in (Factuality.ASSERTED, Factuality.REPORTED)
            and e.source is not None
            and e.target is not None
        ]
        assert not asserted_dyads, _describe(analysis, item["sentence"])
    elif kind == "quote":
        candidates = [q for q in analysis.quotes if item["contains"] in q.text]
        assert candidates, f"no quote contains {item['contains']!r}"
        speakers = [q.speaker.actor.name if q.speaker else None for q in candidates]
        assert item["speaker"] in speakers, speakers
        right = [q for q in candidates if q.speaker and q.speaker.actor.name == item["speaker"]]
        # A mixed quote (paraphrase with quoted words) satisfies both direct and indirect.
        assert any(q.kind.value in (item["kind"], "mixed") for q in right), [q.kind for q in right]
        if "reported_by" in item:
            reporters = [q.reported_by.actor.name for q in right if q.reported_by]
            assert item["reported_by"] in reporters, reporters


def test_events_stated_in_quotes_link_to_them(analysis: Analysis) -> None:
    linked = [e for e in analysis.events if e.quote_index is not None]
    for event in linked:
        quote = analysis.quotes[event.quote_index]  # type: ignore[index]
        inside = any(start <= event.trigger_start < end for start, end in quote.spans)
        assert inside or quote.cue_start == event.trigger_start, (event.trigger, quote.text)
    lines = {(_line(analysis, e.trigger_start), e.cameo_root) for e in linked}
    # Blinken's "Israel had accepted" (line 2), Netanyahu's "appreciated" (line 13).
    assert {(2, "03"), (13, "05")} <= lines, lines
