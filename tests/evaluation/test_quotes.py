"""The quote scorer itself, on tiny gold files made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from tidings.evaluation.quotes import evaluate, normalise_name

TEXT = "“We will not yield,” Vladimir Putin said.\nHe added that Russia would win."


def _ggt(tmp_path: Path, quotes: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "d", "text": TEXT, "quotes": quotes}) + "\n")
    return path


def test_normalised_names_ignore_case_and_titles() -> None:
    assert normalise_name("Mayor Doug McCallum") == normalise_name("doug mccallum")


def test_perfect_quotes_and_speakers_score_one(nlp: Language, tmp_path: Path) -> None:
    added = TEXT.index("Russia")
    gold = _ggt(
        tmp_path,
        [
            {"quote_span": [0, 20], "reference": "Vladimir Putin", "speaker_is_pronoun": False},
            {
                "quote_span": [added, len(TEXT) - 1],
                "reference": "Putin",
                "speaker_is_pronoun": True,
            },
        ],
    )
    figures = evaluate(nlp, gold, "ggt")["all"]
    assert (figures["n_gold"], figures["n_predicted"]) == (2, 2)
    assert figures["quote_f1"] == 1.0
    # "Putin" is not "Vladimir Putin" once normalised: the pronoun's speaker counts as wrong.
    assert figures["e2e_f1"] == 0.5
    assert figures["pronoun_accuracy"] == 0.0


def test_a_missed_quote_lowers_recall_only(nlp: Language, tmp_path: Path) -> None:
    gold = _ggt(
        tmp_path,
        [
            {"quote_span": [0, 20], "reference": "Vladimir Putin"},
            {"quote_span": [21, 35], "reference": "Nobody"},
        ],
    )
    figures = evaluate(nlp, gold, "ggt")["all"]
    assert figures["quote_recall"] == 0.5
    assert figures["quote_precision"] == 0.5  # the indirect quote matches no gold quote


def test_unknown_format_is_refused(nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown gold format"):
        evaluate(nlp, _ggt(tmp_path, []), "csv")
