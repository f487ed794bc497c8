"""Factuality of events: negated, future, hypothetical, reported, refusals."""

from __future__ import annotations

import pytest

from tests.events.conftest import Annotator, only_event
from tidings.records import Factuality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syria attacked Lebanon.", Factuality.ASSERTED),
        ("Syria did not attack Lebanon.", Factuality.NEGATED),
        ("Syria has never attacked Lebanon.", Factuality.NEGATED),
        ("Syria will attack Lebanon.", Factuality.FUTURE),
        ("Syria is expected to attack Lebanon.", Factuality.FUTURE),
        ("Syria could attack Lebanon.", Factuality.HYPOTHETICAL),
        ("Iran hopes that Syria will attack Lebanon.", Factuality.HYPOTHETICAL),
        ("If Syria attacks Lebanon, the region will suffer.", Factuality.HYPOTHETICAL),
        ("Syria reportedly attacked Lebanon.", Factuality.REPORTED),
        ("Syria is said to have attacked Lebanon.", Factuality.REPORTED),
        ("According to witnesses, Syria attacked Lebanon.", Factuality.REPORTED),
        ("Jordan said that Syria attacked Lebanon.", Factuality.ASSERTED),
        ("Jordan said that Syria would attack Lebanon.", Factuality.FUTURE),
        ("Syria would attack Lebanon if it could.", Factuality.HYPOTHETICAL),
        # An attempt at force happened as an attack does; another attempted act did not.
        ("Syria tried to attack Lebanon.", Factuality.ASSERTED),
        ("Syria may try to attack Lebanon.", Factuality.HYPOTHETICAL),
    ],
)
def test_factuality(parse: Annotator, text: str, expected: Factuality) -> None:
    attacks = [e for e in parse(text)._.events if e.trigger.lemma_ == "attack"]
    assert len(attacks) == 1, [(e.trigger.text, e.rule) for e in parse(text)._.events]
    assert attacks[0].factuality is expected


def test_negation_of_a_contrasted_clause_does_not_spread(parse: Annotator) -> None:
    doc = parse("Cuba did not comment but condemned Spain.")
    condemned = [e for e in doc._.events if e.trigger.text == "condemned"]
    assert [e.factuality for e in condemned] == [Factuality.ASSERTED]


def test_announced_refusal_of_cooperation_is_a_rejection(parse: Annotator) -> None:
    event = only_event(parse("Hungary will not accept the proposal from Austria."))
    assert event.cameo_code.startswith("12")
    assert event.factuality is Factuality.ASSERTED
    assert "refusals.yaml" in event.rule


def test_cooperation_not_yet_done_stays_negated(parse: Annotator) -> None:
    event = only_event(parse("Hungary has not accepted the proposal from Austria."))
    assert event.cameo_code.startswith("03")
    assert event.factuality is Factuality.NEGATED


def test_announcing_ones_own_future_cooperation_is_an_intent(parse: Annotator) -> None:
    event = only_event(parse("Antony Blinken said he will meet Benjamin Netanyahu next week."))
    assert event.cameo_code == "036"
    assert event.factuality is Factuality.ASSERTED
    assert event.rule.endswith("+intents.yaml:040")


def test_a_state_s_official_announces_the_state_s_intent(parse: Annotator) -> None:
    event = only_event(
        parse("Portugal will support Turkey, Portuguese President Mario Soares said.")
    )
    assert (event.cameo_code, event.factuality) == ("032", Factuality.ASSERTED)
    other = only_event(parse("Israel will attack Gaza, a Hamas spokesman said."))
    assert (other.cameo_code, other.factuality) == ("190", Factuality.FUTURE)


def test_a_future_act_announced_by_someone_else_keeps_its_code(parse: Annotator) -> None:
    event = only_event(parse("Antony Blinken said Benjamin Netanyahu will visit Egypt."))
    assert event.cameo_code == "042"
    assert event.factuality is Factuality.FUTURE
    assert event.reported_by is not None and event.reported_by.text == "Antony Blinken"


def test_an_act_given_up_did_not_happen(parse: Annotator) -> None:
    event = only_event(parse("Syria gave up attacking Turkey."))
    assert (event.cameo_code, event.factuality) == ("190", Factuality.NEGATED)


def test_an_attempt_at_anything_but_force_stays_hypothetical(parse: Annotator) -> None:
    event = only_event(parse("Egypt tried to mediate between Israel and Hamas."))
    assert (event.cameo_code, event.factuality) == ("045", Factuality.HYPOTHETICAL)


def test_an_attempted_assassination_is_coded_as_one(parse: Annotator) -> None:
    event = only_event(parse("Militants attempted to assassinate Prime Minister Iyad Allawi."))
    assert (event.cameo_code, event.factuality) == ("185", Factuality.ASSERTED)
