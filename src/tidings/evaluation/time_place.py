"""Score resolved dates and places against hand-annotated expressions in news texts.

A gold file is a TSV whose rows point into an article of a JSONL corpus (``source``, a path
relative to the working directory, and ``doc_id``) by character offsets. The predicted
expression is the one whose span overlaps the gold span; a missed expression counts as wrong.

Times (``--format times``) carry the value the expression refers to: a day ``YYYY-MM-DD``, a
month ``YYYY-MM``, a year ``YYYY``, an interval ``FIRST/LAST`` (any date inside it is right),
or ``duration``/``none`` for expressions that are no datable point (right when tidings gives
no date). Places (``--format places``) carry the GeoNames id (empty where the gazetteer
tidings ships lacks the place) and the ISO alpha-3 country.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.evaluation.readers import Row, read_time_place
from tidings.evaluation.scoring import Figures, Halves, score_halves
from tidings.nlp.annotations import TimeValue
from tidings.pipeline import annotate
from tidings.records import Article, DatePrecision, Place

FORMATS = ("times", "places")
V = TypeVar("V")


def evaluate(nlp: Language, gold: Path, gold_format: str, *, limit: int | None = None) -> Halves:
    """Date accuracy, or place country and exact accuracy, over all rows and each half (rows
    split by their article)."""
    if gold_format not in FORMATS:
        raise ValueError(
            f"unknown gold format {gold_format!r}; expected one of {', '.join(FORMATS)}"
        )
    rows = read_time_place(gold)[:limit]
    if gold_format == "times":
        times = [(row, _time_at(doc, row)) for doc, row in _documents(nlp, rows)]
        return score_halves(*_unzip(times), _article, score_times)
    places = [(row, _place_at(doc, row)) for doc, row in _documents(nlp, rows)]
    return score_halves(*_unzip(places), _article, score_places)


def _article(row: Row) -> str:
    return row["doc_id"]


def _unzip(pairs: list[tuple[Row, V]]) -> tuple[list[Row], list[V]]:
    return [row for row, _ in pairs], [value for _, value in pairs]


def score_times(rows: Sequence[Row], values: Sequence[TimeValue | None]) -> Figures:
    """Share of date expressions resolved right."""
    right = sum(date_is_right(row, value) for row, value in zip(rows, values, strict=True))
    return {"expressions": len(rows), "date_accuracy": right / len(rows) if rows else 0.0}


def score_places(rows: Sequence[Row], places: Sequence[Place | None]) -> Figures:
    """Share of toponyms of the right country, and of the right GeoNames place where known."""
    country = exact = with_id = 0
    for row, place in zip(rows, places, strict=True):
        country += place is not None and place.country == row["country"]
        if row["geonames_id"]:
            with_id += 1
            exact += place is not None and place.geonames_id == int(row["geonames_id"])
    return {
        "toponyms": len(rows),
        "place_country_accuracy": country / len(rows) if rows else 0.0,
        "with_geonames_id": with_id,
        "place_exact_accuracy": exact / with_id if with_id else 0.0,
    }


def date_is_right(row: Row, value: TimeValue | None) -> bool:
    """Whether a resolved value (None: no expression found) matches the gold annotation."""
    gold = row["value"]
    resolved = value.date if value is not None else None
    if gold in ("duration", "none"):
        return value is not None and resolved is None
    if resolved is None or value is None:
        return False
    if "/" in gold:
        first, last = (date.fromisoformat(part) for part in gold.split("/"))
        return first <= resolved <= last
    wanted = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}[len(gold)]
    return value.precision is wanted and resolved.isoformat().startswith(gold)


@cache
def _corpus(source: str) -> dict[str, str]:
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"{source}: the gold file's articles are not here")
    with path.open(encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle)
        return {record["doc_id"]: record["text"] for record in records}


def _documents(nlp: Language, rows: list[Row]) -> Iterator[tuple[Doc, Row]]:
    """Each gold row with the annotated Doc of its article (each article processed once)."""
    by_article: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_article[row["source"], row["doc_id"], row.get("published", "")].append(row)
    for (source, doc_id, published), article_rows in by_article.items():
        text = _corpus(source)[doc_id]
        for row in article_rows:
            if text[int(row["start"]) : int(row["end"])] != row["text"]:
                raise ValueError(f"{doc_id} {row['start']}: offsets do not give {row['text']!r}")
        when = date.fromisoformat(published) if published else None
        doc = annotate(nlp, Article(text=text, published=when))
        for row in article_rows:
            yield doc, row


def _overlapping(spans: list[Span], row: Row) -> Span | None:
    start, end = int(row["start"]), int(row["end"])
    return next((s for s in spans if s.start_char < end and start < s.end_char), None)


def _time_at(doc: Doc, row: Row) -> TimeValue | None:
    span = _overlapping(doc._.times or [], row)
    return span._.time if span is not None else None


def _place_at(doc: Doc, row: Row) -> Place | None:
    span = _overlapping(doc._.places or [], row)
    return span._.place if span is not None else None
