"""The event scorer on tiny hand-made gold and predictions, the gold readers, and one small
end-to-end run on each shared gold set (where ../shared is present)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from tests.shared_data import shared_path
from tidings.evaluation.events import (
    AgnewsPrediction,
    agnews_prediction,
    counted_events,
    evaluate,
    plv_prediction,
    predicted_dyads,
    score_accuracy,
    score_agnews,
    score_plover_gsr,
    shown_events,
)
from tidings.evaluation.readers import (
    AgnewsItem,
    GoldSentence,
)
from tidings.records import Actor, ActorMention, Analysis, Article, Event, Factuality


def _gold(*dyads: tuple[str | None, str | None, str], event: str = "ACCUSE") -> GoldSentence:
    return GoldSentence("s", "text", frozenset(dyads), event)


def test_plover_gsr_scores_count_exact_dyad_events() -> None:
    gold = [
        _gold(("USA", "IRN", "ACCUSE")),
        _gold(("EGY", None, "AGREE"), ("QAT", None, "AGREE"), event="AGREE"),
    ]
    predicted = [
        frozenset({("USA", "IRN", "ACCUSE"), ("IRN", "USA", "ACCUSE")}),
        frozenset({("EGY", None, "CONSULT")}),
    ]
    figures = score_plover_gsr(gold, predicted)
    assert (figures["n_gold"], figures["n_predicted"]) == (3, 3)
    assert figures["dyad_event_precision"] == pytest.approx(1 / 3)
    assert figures["dyad_event_recall"] == pytest.approx(1 / 3)
    assert figures["dyad_event_f1"] == pytest.approx(1 / 3)
    # Dyads found: (USA, IRN) in the first, (EGY, None) in the second; the event is right once.
    assert figures["n_dyad_found"] == 2
    assert figures["event_accuracy_where_dyad_found"] == pytest.approx(0.5)
    assert figures["coverage"] == 1.0


def test_plover_gsr_scores_without_predictions_are_zero_not_errors() -> None:
    figures = score_plover_gsr([_gold(("USA", "IRN", "ACCUSE"))], [frozenset()])
    assert figures["dyad_event_f1"] == 0.0
    assert figures["coverage"] == 0.0


def test_accuracy_counts_uncovered_items_as_wrong_and_reports_covered_accuracy() -> None:
    figures = score_accuracy([1, 2, 3, 4], [1, 0, None, None], "penta")
    assert figures["penta_accuracy"] == 0.25
    assert figures["penta_accuracy_where_covered"] == 0.5
    assert figures["coverage"] == 0.5
    assert (figures["n_gold"], figures["n_predicted"]) == (4, 2)


def _mention(start: int, end: int, country: str) -> ActorMention:
    return ActorMention("a", 0, start, end, "x", Actor(country, country), "test")


def _event(source: ActorMention | None, target: ActorMention | None, plover: str) -> Event:
    return Event(
        "a", 0, 0, 30, 5, 10, "t", source, target, "112", -4.4, 3, plover, None, None,
        Factuality.ASSERTED, "test",
    )  # fmt: skip


def test_plv_takes_the_event_between_the_marked_actors() -> None:
    sentence = GoldSentence("1", "x" * 30, event="ACCUSE", source_span=(0, 4), target_span=(20, 26))
    elsewhere = _event(_mention(8, 12, "IRQ"), None, "ASSAULT")
    marked = _event(_mention(0, 4, "IRN"), _mention(20, 26, "USA"), "ACCUSE")
    assert plv_prediction(sentence, [elsewhere, marked]) == "ACCUSE"
    # Strict: an event touching no marked actor is no answer; lenient: the sentence's best.
    assert plv_prediction(sentence, [elsewhere]) is None
    assert plv_prediction(sentence, [elsewhere], marked_only=False) == "ASSAULT"
    assert plv_prediction(sentence, []) is None
    conceding = _event(_mention(0, 4, "IRN"), None, "CONCEDE")
    assert plv_prediction(sentence, [conceding]) == "YIELD"


def test_dyads_count_the_events_shown_by_default_labels_any_but_denied() -> None:
    actor = _mention(0, 4, "IRN")
    facts = [_event(actor, None, p) for p in ("ACCUSE", "THREATEN")]
    others = [
        replace(_event(actor, None, "AGREE"), factuality=factuality)
        for factuality in (Factuality.HYPOTHETICAL, Factuality.FUTURE, Factuality.NEGATED)
    ]
    facts[1] = replace(facts[1], factuality=Factuality.REPORTED)
    of_no_known_actor = _event(None, actor, "ASSAULT")
    analysis = Analysis(Article(text="x"), (), (), (*facts, *others, of_no_known_actor), ())
    assert shown_events(analysis) == facts
    assert counted_events(analysis) == [*facts, *others[:2], of_no_known_actor]


def test_a_reciprocal_event_gives_each_party_as_an_actor_of_no_recipient() -> None:
    iran, iraq = _mention(0, 4, "IRN"), _mention(9, 13, "IRQ")
    talks = replace(_event(iran, iraq, "CONSULT"), reciprocal=True)
    assert predicted_dyads([talks]) == {("IRN", None, "CONSULT"), ("IRQ", None, "CONSULT")}
    directed = replace(talks, reciprocal=False)
    assert predicted_dyads([directed]) == {("IRN", "IRQ", "CONSULT")}


def test_a_curfew_naming_no_one_is_imposed_on_its_actor_s_people() -> None:
    thailand = replace(_mention(0, 8, "THA"), actor=Actor("Thailand", "THA", ("GOV",)))
    curfew = replace(_event(thailand, None, "COERCE"), cameo_code="1723")
    assert predicted_dyads([curfew]) == {("THA", "THA", "COERCE")}
    (people,) = curfew.plover_parties[1]
    assert (people.actor.sectors, people.text) == (("CVL",), "")
    # Other coercion naming no one stays without a recipient.
    assert predicted_dyads([_event(thailand, None, "COERCE")]) == {("THA", None, "COERCE")}


def test_dyads_compare_plover_country_fields() -> None:
    syria = _mention(0, 5, "SYR")
    refugees = replace(_mention(9, 17, "SYR"), actor=Actor("refugees", None, ("REF",)))
    amnesty = replace(_mention(9, 17, "SYR"), actor=Actor("Amnesty", None, ("NGO", "HRI")))
    # A recipient of no country and no international code has no country field.
    assert predicted_dyads([_event(syria, refugees, "REJECT")]) == {("SYR", None, "REJECT")}
    assert predicted_dyads([_event(syria, amnesty, "REJECT")]) == {("SYR", "NGO", "REJECT")}


def test_a_protest_naming_no_recipient_is_aimed_at_its_own_authorities() -> None:
    strikers = replace(_mention(0, 4, "NPL"), actor=Actor("strikers", "NPL", ("OPP",)))
    strike = _event(strikers, None, "PROTEST")
    assert predicted_dyads([strike]) == {("NPL", "NPL", "PROTEST")}
    (government,) = strike.plover_parties[1]
    assert (government.actor.sectors, government.text) == (("GOV",), "")
    against_india = _event(strikers, _mention(9, 13, "IND"), "PROTEST")
    assert predicted_dyads([against_india]) == {("NPL", "IND", "PROTEST")}
    # Not every event needs a recipient, and a government protesting is not aimed at itself.
    assert predicted_dyads([_event(strikers, None, "ACCUSE")]) == {("NPL", None, "ACCUSE")}
    cabinet = replace(strikers, actor=Actor("cabinet", "NPL", ("GOV",)))
    assert predicted_dyads([_event(cabinet, None, "PROTEST")]) == {("NPL", None, "PROTEST")}


def test_agnews_scores_ignore_optional_matches_and_report_no_event_items_apart() -> None:
    gold = [
        AgnewsItem(
            "1", "t", None, False,
            cameo=frozenset({("RUR", "FRE", "19"), ("FRE", "RUR", "19")}),
            roots=frozenset({"19"}),
            optional_cameo=frozenset({("RUR", "FRE", "13")}),
            optional_roots=frozenset({"13"}),
        ),
        AgnewsItem("2", "t", None, True),
    ]  # fmt: skip
    predicted = [
        AgnewsPrediction(
            frozenset({("RUR", "FRE", "19"), ("RUR", "FRE", "13"), ("RUR", "", "11")}),
            frozenset(),
            frozenset({"19", "13", "11"}),
        ),
        AgnewsPrediction(frozenset({("FRE", "", "04")}), frozenset(), frozenset({"04"})),
    ]
    figures = score_agnews(gold, predicted)
    # One of two required tuples found; the optional 13 is neither right nor wrong; 11 is wrong.
    assert figures["cameo_dyad_recall"] == 0.5
    assert figures["cameo_dyad_precision"] == 0.5
    assert figures["root_precision"] == 0.5 and figures["root_recall"] == 1.0
    assert figures["root_f1"] == pytest.approx(2 / 3)
    assert (figures["n_event_items"], figures["n_no_event_items"]) == (1, 1)
    assert figures["no_event_tuples_predicted"] == 1
    assert figures["no_event_items_quiet"] == 0.0


def test_agnews_predictions_expand_mutual_acts_and_write_no_country_as_empty() -> None:
    iran, iraq = _mention(0, 4, "IRN"), _mention(9, 13, "IRQ")
    talks = replace(_event(iran, iraq, "CONSULT"), cameo_code="046", reciprocal=True)
    un = replace(iraq, actor=Actor("United Nations", None, ("IGO",)))
    accusation = _event(un, iran, "ACCUSE")
    found = agnews_prediction([talks, accusation])
    assert found.cameo == {("IRN", "IRQ", "04"), ("IRQ", "IRN", "04"), ("", "IRN", "11")}
    assert ("", "IRN", "ACCUSE") in found.plover
    assert found.roots == {"04", "11"}


def test_agnews_predictions_pair_the_parties_of_one_mutual_act_of_no_recipient() -> None:
    # "Chad, Niger and Mali signed a pact": one record per party, one trigger, no target.
    def party(start: int, country: str, trigger_start: int = 5) -> Event:
        signing = replace(
            _event(_mention(start, start + 4, country), None, "AGREE"), cameo_code="057"
        )
        return replace(signing, reciprocal=True, trigger_start=trigger_start)

    chad, niger, mali = party(0, "TCD"), party(6, "NER"), party(12, "MLI")
    found = agnews_prediction([chad, niger, mali])
    pairs = {(a, b) for a in ("TCD", "NER", "MLI") for b in ("TCD", "NER", "MLI") if a != b}
    assert found.cameo == {(a, b, "05") for a, b in pairs}
    assert found.plover == {(a, b, "AGREE") for a, b in pairs}
    # A party alone, or one of another act (another trigger), keeps no recipient.
    alone = agnews_prediction([chad, party(6, "NER", trigger_start=40)])
    assert alone.cameo == {("TCD", "", "05"), ("NER", "", "05")}


def test_unknown_format_is_refused(nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown gold format"):
        evaluate(nlp, tmp_path / "x", "acled")


@pytest.mark.parametrize(
    ("relative", "fmt", "keys"),
    [
        ("data/events/gold/PLOVER__PLOVER_GSR_CAMEO.json", "plover-gsr", ["dyad_event_f1"]),
        (
            "data/events/gold/ZeroShotPLOVER__PLV_train.tsv",
            "plv",
            ["plover_accuracy", "penta_accuracy"],
        ),
        ("data/events/gold/ConfliBERT__cameo_class_train.tsv", "conflibert", ["penta_accuracy"]),
    ],
)
def test_small_run_on_each_gold_set(
    nlp: Language, relative: str, fmt: str, keys: list[str]
) -> None:
    halves = evaluate(nlp, shared_path(relative), fmt, limit=40)
    figures = halves["all"]
    assert figures["n_gold"] >= 40
    assert all(0.0 <= figures[key] <= 1.0 for key in keys)
    assert figures["coverage"] > 0.3
    assert 0 < halves["check"]["n_gold"] < figures["n_gold"]


def test_small_run_on_the_agnews_set(nlp: Language) -> None:
    gold = shared_path("data/events/gold/agnews_world_dev.jsonl")
    halves = evaluate(nlp, gold, "agnews", limit=40)
    figures = halves["all"]
    assert (
        halves["tune"]["n_event_items"] + halves["check"]["n_event_items"]
        == (figures["n_event_items"])
    )
    assert 0.0 < figures["root_f1"] <= 1.0
    assert 0.0 <= figures["cameo_dyad_f1"] <= figures["root_f1"]
