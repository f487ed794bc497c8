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
        ("Jordan said that Syria will attack Lebanon.", Factuality.FUTURE),
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
        # What "after", "following" or "despite" takes happened, whatever governs the clause;
        # a modal of that clause still reaches a gerund that shares its subject.
        ("Syria wants to expel the envoy a day after attacking Lebanon.", Factuality.ASSERTED),
        (
            "Jordan will recall its envoy despite the attack by Syria on Lebanon.",
            Factuality.ASSERTED,
        ),
        ("Syria would recall its envoy after attacking Lebanon.", Factuality.HYPOTHETICAL),
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
    event = only_event(parse("Chile will support Peru, Chilean Foreign Minister Ana Rojas said."))
    assert (event.cameo_code, event.factuality) == ("032", Factuality.ASSERTED)
    other = only_event(parse("Israel will attack Gaza, a Hamas spokesman said."))
    assert (other.cameo_code, other.factuality) == ("190", Factuality.FUTURE)


def test_cooperation_told_in_the_future_tense_commits_its_actor(parse: Annotator) -> None:
    # The CAMEO manual codes a minister's visit told in the future tense by an embassy as an
    # intent to meet (036).
    event = only_event(parse("Antony Blinken said Benjamin Netanyahu will visit Egypt."))
    assert (event.cameo_code, event.factuality) == ("036", Factuality.ASSERTED)
    assert event.rule == "verbs.yaml:visit+intents.yaml:042"
    assert event.reported_by is not None and event.reported_by.text == "Antony Blinken"
    # Yielding is cooperation too: "will allow" is an intent to yield.
    allow = only_event(parse("Turkey will allow Kurdish refugees to return home."))
    assert (allow.cameo_code, allow.factuality) == ("035", Factuality.ASSERTED)
    # An expectation commits no one.
    expected = only_event(parse("Benjamin Netanyahu is expected to visit Egypt."))
    assert (expected.cameo_code, expected.factuality) == ("042", Factuality.FUTURE)


def test_coercion_told_in_the_future_tense_is_a_threat(parse: Annotator) -> None:
    # The CAMEO manual codes a future withdrawal of inspectors announced in the lead as a
    # threat (136).
    text = "The IAEA will withdraw its nuclear inspectors and relief workers from Syria."
    threat = only_event(parse(text))
    assert (threat.cameo_code, threat.factuality) == ("136", Factuality.ASSERTED)
    assert threat.rule.endswith("+intents.yaml:1662")
    attack = only_event(parse("Syria will attack Lebanon."))
    assert (attack.cameo_code, attack.factuality) == ("1384", Factuality.ASSERTED)
    # Told by someone else, it is their forecast, not the actor's threat.
    forecast = only_event(parse("Israel will attack Gaza, a Hamas spokesman said."))
    assert (forecast.cameo_code, forecast.factuality) == ("190", Factuality.FUTURE)


def test_an_actor_s_plan_is_its_intent_or_threat(parse: Annotator) -> None:
    # The CAMEO manual codes a state's plan to restrict other states' citizens as a threat
    # to restrict (132).
    threat = only_event(parse("Austria plans to impose restrictions on Hungary."))
    assert (threat.cameo_code, threat.factuality) == ("132", Factuality.ASSERTED)
    intent = only_event(parse("Blinken intends to visit Egypt."))
    assert (intent.cameo_code, intent.factuality) == ("036", Factuality.ASSERTED)
    # A plan denied is no threat.
    denied = only_event(parse("Austria does not plan to impose restrictions on Hungary."))
    assert (denied.cameo_code, denied.factuality) == ("172", Factuality.NEGATED)


def test_coercion_made_to_hang_on_another_s_act_is_a_threat(parse: Annotator) -> None:
    # The CAMEO manual codes halting mediation made to hang on the parties' cooperation as a
    # threat (135).
    text = "Norway may halt mediation efforts in Sri Lanka if the rival factions stop cooperating."
    threat = only_event(parse(text))
    assert (threat.cameo_code, threat.factuality) == ("135", Factuality.ASSERTED)
    doc = parse("Russia could cut gas supplies to Ukraine if Kiev refuses to pay.")
    cut = [e for e in doc._.events if e.trigger.text == "cut"]
    assert [(e.cameo_code, e.factuality) for e in cut] == [("1311", Factuality.ASSERTED)]
    # Hanging on the actor's own means, it is a mere possibility.
    attack = only_event(parse("Syria would attack Lebanon if it could."))
    assert (attack.cameo_code, attack.factuality) == ("190", Factuality.HYPOTHETICAL)


def test_an_act_given_up_did_not_happen(parse: Annotator) -> None:
    event = only_event(parse("Syria gave up attacking Turkey."))
    assert (event.cameo_code, event.factuality) == ("190", Factuality.NEGATED)
    # What a vetoed resolution says did not happen either.
    doc = parse("Russia vetoed a UN resolution condemning the annexation.")
    condemning = [e for e in doc._.events if e.trigger.text == "condemning"]
    assert [e.factuality for e in condemning] == [Factuality.NEGATED]


def test_an_attempt_at_anything_but_force_stays_hypothetical(parse: Annotator) -> None:
    events = parse("Egypt tried to mediate between Israel and Hamas.")._.events
    assert {(e.cameo_code, e.factuality) for e in events} == {("045", Factuality.HYPOTHETICAL)}


def test_an_attempted_assassination_is_coded_as_one(parse: Annotator) -> None:
    event = only_event(parse("Gunmen attempted to assassinate the Nigerian interior minister."))
    assert (event.cameo_code, event.factuality) == ("185", Factuality.ASSERTED)


def test_readiness_for_a_coded_act_announces_the_act(parse: Annotator) -> None:
    event = only_event(parse("Turkey is ready to launch an offensive against Syria."))
    assert (event.cameo_code, event.factuality) == ("1384", Factuality.ASSERTED)
    assert event.source is not None and event.source.text == "Turkey"
    assert event.rule == "verbs.yaml:express_willingness+nouns.yaml:attack+intents.yaml:190"
    pledge = only_event(parse("Iran pledged to attack Israel."))
    assert (pledge.trigger.text, pledge.cameo_code) == ("attack", "1384")
    # A willingness to impose martial law threatens it (1324), as the CAMEO manual codes it.
    text = "Thailand's cabinet announced that it was prepared to impose martial law in Bangkok."
    assert only_event(parse(text)).cameo_code == "1324"


def test_an_agreement_reached_to_do_a_coded_act_announces_the_act(parse: Annotator) -> None:
    doc = parse("Iran and Iraq reached an agreement to release prisoners.")
    assert {(e.source.text, e.cameo_code) for e in doc._.events if e.source} == {
        ("Iran", "0353"),
        ("Iraq", "0353"),
    }
    # The act need not name anyone: the agreement's parties intend it.
    doc = parse("Israel and Jordan reached an agreement to negotiate.")
    assert [(e.source.text, e.trigger.text, e.cameo_code) for e in doc._.events if e.source] == [
        ("Israel", "negotiate", "036"),
        ("Jordan", "negotiate", "036"),
    ]


def test_readiness_to_resume_an_act_announces_the_act(parse: Annotator) -> None:
    event = only_event(parse("Ethiopian troops prepared to resume shelling Eritrea."))
    assert (event.cameo_code, event.factuality) == ("1384", Factuality.ASSERTED)


def test_readiness_refused_or_demanded_is_no_intent(parse: Annotator) -> None:
    refused = only_event(parse("Russia is not willing to withdraw its forces from Moldova."))
    assert (refused.cameo_code, refused.factuality) == ("030", Factuality.NEGATED)
    doc = parse("Kenya said that the AU must now be ready to mediate between Sudan and Chad.")
    mediation = [e for e in doc._.events if e.trigger.text == "mediate"]
    assert {(e.cameo_code, e.factuality) for e in mediation} == {("036", Factuality.HYPOTHETICAL)}


def test_who_is_ready_to_host_a_meeting_intends_it_with_those_who_meet(
    parse: Annotator,
) -> None:
    doc = parse("Qatar would be ready to host a meeting between Sudan and Chad.")
    found = {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in doc._.events
    }
    assert found == {("Qatar", "Sudan"), ("Qatar", "Chad")}


def test_the_aim_of_an_act_not_done_is_not_done_either(parse: Annotator) -> None:
    doc = parse("Poland is willing to send engineers to help defend Lithuania.")
    helped = [e for e in doc._.events if e.trigger.text == "help"]
    assert [e.factuality for e in helped] == [Factuality.FUTURE]


def test_a_resignation_is_relinquished_power_and_a_promised_one_an_intent(
    parse: Annotator,
) -> None:
    resigned = only_event(parse("The Peruvian president resigned on Sunday."))
    assert (resigned.cameo_code, resigned.factuality) == ("0831", Factuality.ASSERTED)
    promised = only_event(parse("The Peruvian president has agreed to resign."))
    assert (promised.cameo_code, promised.factuality) == ("0341", Factuality.ASSERTED)
