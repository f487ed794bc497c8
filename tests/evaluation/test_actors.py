"""The actor scorers, on tiny hand-made gold and predictions, and the gold readers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from tests.shared_data import shared_path
from tidings.evaluation.actors import (
    GgtArticle,
    GoldActor,
    GoldSentence,
    NgecCase,
    PronounQuote,
    evaluate,
    read_ggt,
    read_ngec,
    read_plover_gsr,
    same_person,
    score_ggt,
    score_ngec,
    score_plover_gsr,
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
            "s1", "t", None, (GoldActor("Egypt", "EGY", None), GoldActor("US", "USA", "GOV"))
        ),
        GoldSentence("s2", "t", None, (GoldActor("Iraq", "IRQ", None),)),
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
        GgtArticle(
            "d",
            "text",
            (PronounQuote(10, 12, "Doug McCallum"), PronounQuote(30, 33, "Cindy Secord")),
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


def test_readers(tmp_path: Path) -> None:
    ngec = tmp_path / "cases.tsv"
    ngec.write_text(
        "test\tmethod\ttext\tcontext\tdate\tknown_country\texpected\n"
        "a\tagent_to_code\tDefense Minister\tGerman\t2022-01-01\t\t"
        '"{""country"": ""DEU"", ""code_1"": ""GOV"", ""code_2"": ""MIL""}"\n'
        'b\tquery_wiki\tAbkhazia\t\t\t\t"{""title"": ""Abkhazia""}"\n'
        'c\tagent_to_code\tHe\t\t1 January 2003\t\t"{""country"": """", ""code_1"": ""UNK""}"\n',
        encoding="utf-8",
    )
    cases = read_ngec(ngec)
    assert [c.ident for c in cases] == ["a", "c"]
    assert cases[0].text == "German Defense Minister"
    assert cases[0].sectors == ("GOV", "MIL")
    assert (cases[1].country, cases[1].sectors, cases[1].published) == (None, (), date(2003, 1, 1))

    gsr = tmp_path / "gsr.json"
    gsr.write_text(
        json.dumps(
            [
                {"id": "d", "event": "DOCUMENT"},
                {
                    "id": "s",
                    "event": "AGREE",
                    "date": "2000-01-01",
                    "text": "Japan and the UN agreed.",
                    "source": [{"actorText": "Japan", "code": "JAP"}],
                    "target": [{"actorText": "UN", "code": "IGO"}],
                },
            ]
        ),
        encoding="utf-8",
    )
    (sentence,) = read_plover_gsr(gsr)
    assert sentence.actors == (GoldActor("Japan", "JPN", None),)

    ggt = tmp_path / "ggt.jsonl"
    quotes = [
        {"reference": "Ann Lee", "speaker_span": [0, 3], "speaker_is_pronoun": True},
        {"reference": "Ann Lee", "speaker_span": [5, 12], "speaker_is_pronoun": False},
    ]
    ggt.write_text(json.dumps({"doc_id": "g", "text": "She said.", "quotes": str(quotes)}) + "\n")
    (article,) = read_ggt(ggt)
    assert article.quotes == (PronounQuote(0, 3, "Ann Lee"),)


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
