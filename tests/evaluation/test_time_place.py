from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from tidings.evaluation.time_place import evaluate

TEXT = "On Monday, Egypt's foreign minister met his counterpart in Paris for two hours."
HOURS = TEXT.index("two hours")


def _gold(tmp_path: Path, header: str, rows: list[str]) -> Path:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"doc_id": "d1", "text": TEXT}) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.tsv"
    lines = [header] + [f"{corpus}\td1\t{row}" for row in rows]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold


def test_dates_are_scored_by_value_and_precision(nlp: Language, tmp_path: Path) -> None:
    header = "source\tdoc_id\tstart\tend\ttext\tpublished\tvalue\tprecision"
    rows = [
        "3\t9\tMonday\t2024-08-20\t2024-08-19\tday",  # right
        f"{HOURS}\t{HOURS + 9}\ttwo hours\t2024-08-20\tduration\t-",  # right: no date
        "3\t9\tMonday\t2024-08-20\t2024-08-12\tday",  # wrong day
    ]
    figures = evaluate(nlp, _gold(tmp_path, header, rows), "times")["all"]
    assert figures["expressions"] == 3
    assert figures["date_accuracy"] == pytest.approx(2 / 3)


def test_places_are_scored_by_country_and_id(nlp: Language, tmp_path: Path) -> None:
    header = "source\tdoc_id\tstart\tend\ttext\tgeonames_id\tname\tcountry"
    paris = f"{TEXT.index('Paris')}\t{TEXT.index('Paris') + 5}\tParis"
    rows = [f"{paris}\t2988507\tParis\tFRA", f"{paris}\t4717560\tParis\tUSA"]
    figures = evaluate(nlp, _gold(tmp_path, header, rows), "places")["all"]
    assert figures["place_country_accuracy"] == pytest.approx(0.5)
    assert figures["place_exact_accuracy"] == pytest.approx(0.5)


def test_offsets_that_do_not_give_the_text_are_refused(nlp: Language, tmp_path: Path) -> None:
    header = "source\tdoc_id\tstart\tend\ttext\tgeonames_id\tname\tcountry"
    gold = _gold(tmp_path, header, ["0\t5\tParis\t2988507\tParis\tFRA"])
    with pytest.raises(ValueError, match="offsets"):
        evaluate(nlp, gold, "places")
