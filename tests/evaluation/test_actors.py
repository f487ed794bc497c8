"""The actor scorers, on tiny hand-made gold and predictions, and the gold readers."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tests.shared_data import shared_path
from tidings.evaluation.actors import (
    evaluate,
    same_person,
    score_ggt,
    score_ngec,
    score_plover_gsr,
)
from tidings.evaluation.readers import (
    GoldActor,
    GoldDocument,
    GoldQuote,
    GoldSentence,
    NgecCase,
)
from tidings.records import Actor, ActorMention


def _mention(start: int, end: int, actor: Actor) -> ActorMention:
    return ActorMention("a", 0, start, end, "x", actor, "test")


def test_score_ngec_counts_country_and_sector_separately() -> None:
    cases = [
        NgecCase("1", "Israeli troops", None, "ISR", True, ("MIL",)),
        NgecCase("2", "retired general", None, None, False, ("ELI",)),
        NgecCase("3", "Kazakhstan", None, "KAZ", True, ()),
        NgecCase("4", "the EU", None, "EUR", True, None),
    ]
    predictions = [
        _mention(0, 14, Actor("troops", "ISR", ("MIL",))),
        _mention(0, 15, Actor("general", None, ("MIL",))),
        None,
        _mention(0, 6, Actor("European Union", None, ("IGO",))),
    ]
    figures = score_ngec(cases, predictions)
    assert figures["n_country_cases"] == 3
    assert figures["n_sector_cases"] == 3
    # Countries: ISR right, KAZ missed, EU right (no country, IGO sector).
    assert figures["country_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    # Sectors: MIL right, ELI wrong, "no sector" right for the missing prediction.
    assert figures["sector_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["sector_accuracy_lenient"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["n_predicted"] == 3


def test_exact_sector_accuracy_refuses_extra_sectors_the_lenient_one_allows() -> None:
    cases = [NgecCase("1", "Israeli troops", None, "ISR", True, ("MIL",))]
    figures = score_ngec(cases, [_mention(0, 14, Actor("troops", "ISR", ("MIL", "GOV")))])
    assert figures["sector_accuracy"] == 0.0
    assert figures["sector_accuracy_lenient"] == 1.0


def test_score_plover_gsr_is_recall_of_gold_countries() -> None:
    sentences = [
        GoldSentence(
            "s1", "t", actors=(GoldActor("Egypt", "EGY", None), GoldActor("US", "USA", "GOV"))
        ),
        GoldSentence("s2", "t", actors=(GoldActor("Iraq", "IRQ", None),)),
    ]
    mentions = [
        [_mention(0, 5, Actor("Egypt", "EGY")), _mention(6, 8, Actor("US", "USA"))],
        [_mention(0, 4, Actor("Iran", "IRN"))],
    ]
    figures = score_plover_gsr(sentences, mentions)
    assert figures["country_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["sector_recall"] == 0.0
    assert (figures["n_gold"], figures["n_found"], figures["n_predicted"]) == (3, 2, 3)


def test_score_ggt_matches_the_mention_at_the_pronoun() -> None:
    articles = [
        GoldDocument(
            "d",
            "text",
            (
                GoldQuote((), ((10, 12),), "Doug McCallum", pronoun=True),
                GoldQuote((), ((30, 33),), "Cindy Secord", pronoun=True),
                # Not a pronoun: not counted.
                GoldQuote((), ((40, 45),), "Cindy Secord"),
            ),
        )
    ]
    mentions = [
        [
            _mention(10, 12, Actor("Doug McCallum")),
            _mention(30, 33, Actor("Doug McCallum")),
        ]
    ]
    figures = score_ggt(articles, mentions)
    assert figures["pronoun_accuracy"] == 0.5
    assert (figures["n_gold"], figures["n_predicted"], figures["n_correct"]) == (2, 2, 1)


def test_same_person() -> None:
    assert same_person("Doug McCallum", "Doug McCallum")
    assert same_person("McCallum", "Doug McCallum")
    assert same_person("Mr. Doug McCallum", "doug mccallum")
    assert not same_person("Kamala Harris", "Lisa Harris")
    assert not same_person("Doug", "Doug McCallum")


def test_evaluate_runs_the_pipeline(nlp: Language, tmp_path: Path) -> None:
    ngec = tmp_path / "cases.tsv"
    ngec.write_text(
        "test\tmethod\ttext\tcontext\tdate\tknown_country\texpected\n"
        'a\tagent_to_code\tIsraeli troops\t\t\t\t"{""country"": ""ISR"", ""code_1"": ""MIL""}"\n'
        "b\tagent_to_code\tAntony Blinken\t\t2022-01-01\t\t"
        '"{""country"": ""USA"", ""code_1"": ""GOV""}"\n',
        encoding="utf-8",
    )
    halves = evaluate(nlp, ngec, "ngec")
    assert halves["all"]["country_accuracy"] == 1.0
    assert halves["all"]["sector_accuracy"] == 1.0
    # Each case is in one half.
    assert halves["tune"]["n_gold"] + halves["check"]["n_gold"] == 2
    assert evaluate(nlp, ngec, "ngec", limit=1)["all"]["n_gold"] == 1
    with pytest.raises(ValueError, match="unknown gold format"):
        evaluate(nlp, ngec, "nope")


@pytest.mark.parametrize(
    ("relative", "fmt", "key"),
    [
        ("data/events/gold/ngec_actor_resolution_cases.tsv", "ngec", "country_accuracy"),
        ("data/events/gold/PLOVER__PLOVER_GSR_CAMEO.json", "plover-gsr", "country_recall"),
        ("data/quotes/ggt_dev.jsonl", "ggt", "pronoun_accuracy"),
    ],
)
def test_small_run_on_each_gold_set(nlp: Language, relative: str, fmt: str, key: str) -> None:
    figures = evaluate(nlp, shared_path(relative), fmt, limit=3)["all"]
    assert 0.0 <= figures[key] <= 1.0
    assert figures["n_gold"] > 0
