"""Event extraction over the dependency parse: roles, voice, clauses, conjuncts, nominal events.

The sentences are made up for these tests (not taken from the gold sets); actors are countries,
which tidings' actor component resolves by name.
"""

from __future__ import annotations

import pytest

from tests.events.conftest import Annotator, country_of, dyads, only_event
from tidings.nlp.annotations import actor_of, resolved_by_of
from tidings.records import Actor, Factuality


def test_active_voice_codes_subject_to_object(parse: Annotator) -> None:
    assert dyads(parse("Egypt condemned Israel.")) == [("EGY", "111", "ISR")]


def test_a_phrasal_verb_is_not_its_base_verb(parse: Annotator) -> None:
    assert [code for _, code, _ in dyads(parse("Norway battled Chile."))] == ["190"]
    assert dyads(parse("Norway battled over the budget with Chile.")) == []


def test_passive_voice_takes_the_by_agent_as_source(parse: Annotator) -> None:
    doc = parse("France was accused by Germany of breaking the treaty.")
    assert ("DEU", "112", "FRA") in dyads(doc)
    # Joined participles share the passive: its subject and its "by" phrase.
    doc = parse("Two Kenyan soldiers were tortured and killed by Somali militants.")
    assert dyads(doc) == [("SOM", "1822", "KEN"), ("SOM", "190", "KEN")]


def test_call_on_to_is_an_appeal_to_the_object_coded_by_the_clause(parse: Annotator) -> None:
    event = only_event(parse("Russia called on Ukraine to withdraw its troops."))
    assert (event.source.text, event.target.text) == ("Russia", "Ukraine")  # type: ignore[union-attr]
    assert event.cameo_code.startswith("02")
    assert event.rule.startswith("verbs.yaml:call_on_to")


def test_conjoined_actors_give_one_annotation_each(parse: Annotator) -> None:
    found = dyads(parse("Egypt and Qatar condemned Israel."))
    assert sorted(found) == [("EGY", "111", "ISR"), ("QAT", "111", "ISR")]


@pytest.mark.parametrize(
    ("text", "reciprocal"),
    [
        # An act of several actors aimed only at one another, and a mutual act (a phone call).
        ("Israel and Lebanon signed an agreement between the two countries.", True),
        ("The Egyptian foreign minister telephoned the Qatari emir.", True),
        # Two-sided violence (PLOVER: all participants are actors); an attack has a victim.
        ("Israeli troops clashed with Hezbollah fighters.", True),
        ("Indian troops exchanged fire with Pakistani soldiers.", True),
        ("Israel attacked Hezbollah.", False),
        # Aimed at someone else, even of one of the actors' countries: it has a direction.
        ("Egypt and Qatar condemned Israel.", False),
        ("Egypt and Qatar arrested Egyptian protesters.", False),
    ],
)
def test_mutual_acts_are_reciprocal(parse: Annotator, text: str, reciprocal: bool) -> None:
    events = parse(text)._.events
    assert events and {event.reciprocal for event in events} == {reciprocal}


def test_what_talks_or_information_are_about_is_no_target(parse: Annotator) -> None:
    talks = dyads(parse("Russia and China held talks on Iran's nuclear programme."))
    assert talks == [("RUS", "040", None), ("CHN", "040", None)]
    failed = dyads(parse("Chile failed to reach agreement on water rights for Bolivian farmers."))
    assert [target for _, _, target in failed] == [None]


def test_a_description_stands_for_the_actor_its_appositive_names(parse: Annotator) -> None:
    event = only_event(parse("The main rebel group, the Forces for Democracy, rejected the plan."))
    assert event.source is not None and event.source.text == "the Forces for Democracy"


def test_prepositional_target_of_a_travel_verb(parse: Annotator) -> None:
    found = dyads(parse("Japan travelled to China and South Korea."))
    visits = {("JPN", "CHN"), ("JPN", "KOR")}
    # Each host receives the visitor (043, parties.yaml: linked_codes).
    assert {(s, t) for s, _, t in found} == visits | {(t, s) for s, t in visits}
    assert {code[:2] for _, code, _ in found} == {"04"}


def test_compiled_constructions_fill_what_a_verbs_own_entries_leave(parse: Annotator) -> None:
    # verbs.yaml codes "abolish" only with a restriction; PETRARCH-2's "abolish" + embargo
    # (085) lies beneath it, while a verb coded in any use keeps its own code.
    assert dyads(parse("Japan abolished the embargo on Cuba.")) == [("JPN", "085", "CUB")]
    assert dyads(parse("Japan abolished the curfew in Cuba.")) == [("JPN", "081", "CUB")]
    assert dyads(parse("Japan condemned Cuba.")) == [("JPN", "111", "CUB")]


def test_a_travel_verb_visits_only_a_place_an_actor_or_a_gathering(parse: Annotator) -> None:
    assert {code for _, code, _ in dyads(parse("Chile flew to Lisbon."))} == {"042", "043"}
    assert {code for _, code, _ in dyads(parse("Chile arrived in Lisbon."))} == {"042", "043"}
    assert dyads(parse("The Peruvian opposition came to power in a landslide.")) == []
    assert dyads(parse("In Quito, Ecuadorian police are going through every shop.")) == []


def test_a_force_verb_does_not_reach_words_or_figures(parse: Annotator) -> None:
    assert dyads(parse("Norway attacked a Swedish village.")) == [("NOR", "190", "SWE")]
    assert dyads(parse("Norway attacked Sweden's budget plan.")) == [("NOR", "111", "SWE")]
    assert dyads(parse("Norwegian firefighters battled the blaze near Oslo.")) == []


def test_firing_a_person_is_no_shooting(parse: Annotator) -> None:
    assert [code for _, code, _ in dyads(parse("Kenyan soldiers fired on Somali militants."))] == [
        "193"
    ]
    assert dyads(parse("The Kenyan president fired his finance minister.")) == []


def test_words_made_public_are_no_release(parse: Annotator) -> None:
    assert [code for _, code, _ in dyads(parse("Colombia released Venezuela's prisoners."))] == [
        "0841"
    ]
    assert dyads(parse("The Colombian army released a video of the raid.")) == []


def test_meeting_a_demand_or_a_reaction_is_no_meeting(parse: Annotator) -> None:
    assert dyads(parse("Jordan met Egypt.")) != []
    assert dyads(parse("Jordan met the deadline set by Egypt.")) == []
    assert dyads(parse("The Jordanian plan met with criticism from Egypt.")) == []


def test_the_owner_of_the_object_is_the_target(parse: Annotator) -> None:
    assert [t for _, _, t in dyads(parse("Turkey rejected Greece's proposal."))] == ["GRC"]
    made_by = dyads(parse("Iran accepted the plan drafted by Russia."))
    assert [(s, t) for s, _, t in made_by] == [("IRN", "RUS")]


def test_indirect_speech_keeps_the_speaker_as_reporter(parse: Annotator) -> None:
    doc = parse("The Iraqi minister said that Iran had attacked Kuwait.")
    event = only_event(doc)
    assert dyads(doc) == [("IRN", "190", "KWT")]
    assert event.reported_by is not None and event.reported_by.text == "The Iraqi minister"
    assert event.factuality.value == "asserted"


def test_one_sentence_yields_several_events(parse: Annotator) -> None:
    found = dyads(parse("Germany praised France and criticized Italy."))
    assert found == [("DEU", "051", "FRA"), ("DEU", "111", "ITA")]


def test_a_clause_that_spells_out_an_appeal_is_not_an_event_of_its_own(parse: Annotator) -> None:
    doc = parse("Russia urged Syria to attack Turkey.")
    assert [e.cameo_code[:2] for e in doc._.events] == ["02"]


def test_nominal_event_with_its_target(parse: Annotator) -> None:
    doc = parse("The attack on Iraq was condemned by the United Nations.")
    nominal = [e for e in doc._.events if e.rule.startswith("nouns.yaml:")]
    assert [(e.trigger.text, e.target.text if e.target else None) for e in nominal] == [
        ("attack", "Iraq")
    ]
    # Or the one with whom what it acts on is.
    text = "Ghana announced a suspension of all air links with Togo."
    assert dyads(parse(text)) == [("GHA", "160", "TGO")]


def test_support_verb_gives_the_nominal_event_its_source(parse: Annotator) -> None:
    doc = parse("Spain held talks with Morocco.")
    assert [(s, c[:2], t) for s, c, t in dyads(doc)] == [("ESP", "04", "MAR")]


def test_no_event_without_a_trigger_or_without_actors(parse: Annotator) -> None:
    assert dyads(parse("Brazil said the weather was fine.")) == []
    assert dyads(parse("Someone condemned something.")) == []


def test_events_carry_trigger_offsets_and_when_where_slots(parse: Annotator) -> None:
    doc = parse("Chile condemned Peru.")
    event = only_event(doc)
    assert doc.text[event.trigger.start_char : event.trigger.end_char] == "condemned"
    assert event.when is None or event.when in (doc._.times or [])
    assert event.where is None or event.where in (doc._.places or [])


def test_call_for_targets_the_actor_of_what_is_called_for(parse: Annotator) -> None:
    doc = parse("Cuba called for the withdrawal of Venezuelan troops.")
    assert dyads(doc) == [("CUB", "020", "VEN")]


def test_holding_someone_responsible_is_an_accusation(parse: Annotator) -> None:
    assert dyads(parse("Israel held Hamas responsible for the attack.")) == [("ISR", "112", "PSE")]


def test_a_speaker_calling_someone_responsible_accuses_them(parse: Annotator) -> None:
    event = only_event(parse("The Afghan government said the Pakistani army was responsible."))
    assert event.rule == "verbs.yaml:said_responsible"
    assert (_text(event.source), _text(event.target)) == (
        "The Afghan government",
        "the Pakistani army",
    )


def test_what_someone_is_accused_of_is_theirs_and_alleged(parse: Annotator) -> None:
    for text in (
        "Ukraine accused Russia of shelling a hospital.",
        "Russia was accused by Ukraine of shelling a hospital.",
    ):
        accusation, shelling = parse(text)._.events
        assert (_text(accusation.source), accusation.cameo_code) == ("Ukraine", "112")
        assert (_text(shelling.source), shelling.cameo_code) == ("Russia", "194")
        assert shelling.factuality is Factuality.REPORTED
        assert _text(shelling.reported_by) == "Ukraine"


def test_vowing_not_to_yield_is_a_refusal(parse: Annotator) -> None:
    text = "Azerbaijan vowed not to return the captured villages to Armenia."
    assert [(code, target) for _, code, target in dyads(parse(text))] == [("120", "ARM")]
    # A promise of restraint is no refusal.
    assert dyads(parse("Israel agreed not to attack Rafah."))[0][1] == "030"


def test_retaking_a_town_occupies_it(parse: Annotator) -> None:
    text = "Somali forces recaptured the town from al-Shabaab."
    assert [code for _, code, _ in dyads(parse(text))] == ["192"]


def test_a_count_of_refugees_is_refugees(parse: Annotator) -> None:
    text = "Jordan took in thousands of Syrian refugees."
    assert dyads(parse(text)) == [("JOR", "075", "SYR")]


def test_pledging_money_is_pledging_aid(parse: Annotator) -> None:
    assert dyads(parse("Japan pledged $2 billion to Indonesia.")) == [("JPN", "033", "IDN")]


def test_warning_someone_against_an_act_is_a_threat(parse: Annotator) -> None:
    text = "China warned the United States against arming Taiwan."
    assert dyads(parse(text)) == [("CHN", "130", "USA")]


def test_denying_a_deed_is_a_denial(parse: Annotator) -> None:
    event = only_event(parse("Hamas denied that it had fired the rocket."))
    assert (event.cameo_code, event.rule) == ("016", "verbs.yaml:deny_doing")
    assert dyads(parse("Iran denied supplying drones to Russia."))[0][:2] == ("IRN", "016")
    # Denying someone something is a rejection.
    assert dyads(parse("Syria denied the request.")) == [("SYR", "120", None)]


def test_rejecting_an_accusation_is_a_denial_not_a_rejection(parse: Annotator) -> None:
    assert dyads(parse("Iran rejected accusations by Israel.")) == [("IRN", "016", "ISR")]


def _text(span: object) -> str | None:
    return getattr(span, "text", None)


def test_what_is_sent_is_not_the_target_the_destination_is(parse: Annotator) -> None:
    event = only_event(parse("France sent peacekeepers to Lebanon."))
    assert (event.cameo_code, _text(event.target)) == ("074", "Lebanon")


def test_candidates_are_the_tokens_the_lexicon_knows(parse: Annotator) -> None:
    from tidings.events.lexicon import load_lexicon
    from tidings.events.triggers import Triggers

    doc = parse("Egypt strongly condemned the airstrikes and hopes for talks.")
    found = [t.text for t in Triggers(load_lexicon()).candidates(doc)]
    assert "condemned" in found and "airstrikes" in found and "talks" in found
    assert "Egypt" not in found and "strongly" not in found


def test_without_a_rule_for_the_target_the_first_actor_after_the_verb_is_it(
    parse: Annotator,
) -> None:
    found = dyads(parse("Serbia lifted the night curfew in Montenegro on Sunday."))
    assert [(s, t) for s, _, t in found] == [("SRB", "MNE")]
    # The actors joined to it are targets too.
    found = dyads(parse("Bolivia threatened to break off relations with Chile and Peru."))
    assert [(s, t) for s, _, t in found] == [("BOL", "CHL"), ("BOL", "PER")]


def test_an_actor_in_a_side_clause_is_not_the_target(parse: Annotator) -> None:
    found = dyads(parse("Serbia lifted the curfew as troops from Croatia withdrew."))
    assert ("SRB", "HRV") not in {(s, t) for s, _, t in found}


def test_a_party_s_own_possessions_are_not_its_target(parse: Annotator) -> None:
    found = dyads(parse("Ethiopia has agreed to reopen its borders to Eritrea."))
    assert [(s, t) for s, _, t in found] == [("ETH", "ERI")]


def test_a_thing_s_country_is_its_actor(parse: Annotator) -> None:
    assert ("SDN", "120", "USA") in dyads(parse("Sudan rejected a fresh U.S. request to talk."))
    hackers = dyads(parse("Azerbaijani hackers attacked Armenian websites."))
    assert [(s, t) for s, _, t in hackers] == [("AZE", "ARM")]


def test_saying_another_must_act_is_a_demand(parse: Annotator) -> None:
    doc = parse("Turkey says Armenia must end its attacks on Georgia.")
    assert [e.rule for e in doc._.events if e.factuality.is_fact] == ["verbs.yaml:say_must"]
    assert ("TUR", "100", "ARM") in dyads(doc)
    assert not [
        e
        for e in parse("Turkey says Armenia will end its attacks.")._.events
        if e.cameo_code == "100"
    ]


def test_whoever_issues_a_statement_does_what_it_says(parse: Annotator) -> None:
    doc = parse("Greece issued a declaration demanding that Turkey withdraw.")
    assert [(s, t) for s, _, t in dyads(doc)] == [("GRC", "TUR")]


def test_a_complaint_targets_what_it_is_about_not_whom_it_is_made_to(parse: Annotator) -> None:
    doc = parse("Jordan complained bitterly to the United Nations over Syrian border raids.")
    assert ("JOR", "114", "SYR") in dyads(doc)


def test_what_is_used_as_a_human_shield_is_the_target(parse: Annotator) -> None:
    doc = parse("Sudanese troops used Chadian civilians as human shields.")
    assert dyads(doc) == [("SDN", "184", "TCD")]


def test_a_state_of_emergency_is_coded_by_what_it_is_a_state_of(parse: Annotator) -> None:
    doc = parse("Peru declared a state of emergency in Bolivia.")
    assert [(s, c) for s, c, _ in dyads(doc)] == [("PER", "1724")]


def test_a_nominal_event_carried_by_a_misread_support_verb(parse: Annotator) -> None:
    # The lemmatizer reads "staged" as "stag"; the verb still carries the hunger strike.
    doc = parse("Algerian activists staged a hunger strike, and Greece will tighten its blockade.")
    assert ("DZA", "142", None) in dyads(doc)
    assert [e.rule for e in doc._.events if e.source is not None][-1].startswith(
        "nouns.yaml:blockade"
    )


def test_a_measure_of_an_event_is_the_event(parse: Annotator) -> None:
    doc = parse("Russia held two days of talks with China and gave a warm welcome to Iran.")
    assert [(s, c, t) for s, c, t in dyads(doc)] == [
        ("RUS", "040", "CHN"),
        ("RUS", "043", "IRN"),
        ("IRN", "042", "RUS"),
    ]


def test_failing_to_agree_halts_negotiations(parse: Annotator) -> None:
    found = dyads(parse("Ecuador and Colombia failed to reach agreement on fishing quotas."))
    assert sorted(found) == [("COL", "164", None), ("ECU", "164", None)]


def test_the_means_of_an_attack_stands_for_an_unidentified_perpetrator(parse: Annotator) -> None:
    event = only_event(parse("A roadside bomb killed three Kenyan soldiers near Mandera in Kenya."))
    assert event.source is not None
    perpetrator = actor_of(event.source)
    assert perpetrator is not None
    assert (event.source.text, perpetrator.sectors) == ("A roadside bomb", ("UAF",))
    assert dyads(parse("A roadside bomb killed three Kenyan soldiers near Mandera in Kenya.")) == [
        ("KEN", "1833", "KEN")
    ]
    # Naming no place, the sentence gives the perpetrator no country.
    assert dyads(parse("An explosive device wounded two Kenyan soldiers.")) == [
        (None, "183", "KEN")
    ]


def test_a_participle_continuing_a_clause_is_done_with_its_means(parse: Annotator) -> None:
    # The blast is what the killing was done with: an unidentified perpetrator, placed.
    text = "A car bomb exploded outside a hotel in Kirkuk, killing at least nine Iraqi police."
    event = only_event(parse(text))
    assert event.source is not None and event.source_rule == "unidentified-perpetrator.v1"
    assert dyads(parse(text)) == [("IRQ", "1832", "IRQ")]
    # A clause whose subject is an actor gives its doer, as before.
    text = "Somali militants stormed a village, killing six Kenyan herders."
    assert ("SOM", "190", "KEN") in dyads(parse(text))
    # A clause that names no means leaves the act without a doer.
    text = "Violence flared in Kirkuk, killing at least nine Iraqi police."
    assert [e.source for e in parse(text)._.events] == [None]


def test_an_act_done_with_a_means_that_names_an_act_is_coded_as_that_act(
    parse: Annotator,
) -> None:
    # A bomb makes the killing a bombing of the bomb's kind.
    assert dyads(parse("A suicide bomber killed five Kenyan police in Kenya.")) == [
        ("KEN", "1831", "KEN")
    ]
    event = only_event(parse("A car bomb wounded six Kenyan soldiers in Mandera."))
    assert (event.cameo_code, event.rule) == ("1832", "verbs.yaml:beat+nouns.yaml:car_bombing")
    # A means that names no act leaves the verb's code; so does an act the means does not
    # describe, an abduction.
    assert dyads(parse("A rocket killed three Kenyan soldiers in Kenya.")) == [
        ("KEN", "190", "KEN")
    ]
    assert [e.cameo_code for e in parse("A bomber kidnapped two Kenyan soldiers.")._.events] == [
        "181"
    ]


def test_a_relative_clause_passive_is_undergone_by_the_noun_it_describes(
    parse: Annotator,
) -> None:
    # The engineer underwent the kidnapping, done by the state where it happened.
    text = "A Kenyan engineer who was abducted in Somalia in May appealed for help."
    assert ("SOM", "181", "KEN") in dyads(parse(text))
    # A clause about a place tells its background: no one is made its doer.
    doc = parse("The port of Kismayo, where 14 Somali soldiers were killed, was calm.")
    assert [e.source for e in doc._.events] == [None]


def test_a_passive_violent_act_done_in_an_attack_is_the_attacker_s(parse: Annotator) -> None:
    assert dyads(parse("Two Palestinian fighters were wounded in an Israeli air strike.")) == [
        ("ISR", "195", "PSE")
    ]
    text = "Hundreds of Palestinians were wounded in clashes with Israeli troops."
    assert dyads(parse(text)) == [("ISR", "190", "PSE")]
    event = only_event(parse("A teacher was killed in a car bomb blast in Kabul."))
    assert event.source is not None
    perpetrator = actor_of(event.source)
    assert perpetrator is not None
    assert (perpetrator.country, perpetrator.sectors) == ("AFG", ("UAF",))


def test_a_country_modifying_a_compound_names_the_source(parse: Annotator) -> None:
    # The strikes are the killing's means, not a second event.
    assert dyads(parse("US drone strikes killed four Yemeni fighters.")) == [("USA", "190", "YEM")]


def test_a_general_strike_is_a_strike_not_an_attack(parse: Annotator) -> None:
    assert dyads(parse("Unions in Nepal organized a general strike.")) == [("NPL", "143", None)]


def test_a_mediation_between_two_parties_is_aimed_at_both(parse: Annotator) -> None:
    found = dyads(parse("Qatar undertook a mediation mission between Egypt and Israel."))
    assert sorted(found) == [("QAT", "045", "EGY"), ("QAT", "045", "ISR")]
    assert dyads(parse("Talks between Israel and Egypt resumed.")) == [("ISR", "040", "EGY")]


def test_a_protest_is_aimed_at_whom_its_purpose_names(parse: Annotator) -> None:
    blocked = parse("Kenyan students blocked roads to press their demands on Uganda.")
    assert dyads(blocked) == [("KEN", "144", "UGA")]
    strike = parse("A Kenyan lawyer staged a hunger strike in protest against Ugandan police.")
    # The protest is the strike's motive, not a second event.
    assert dyads(strike) == [("KEN", "142", "UGA")]
    # Whom it defies, before the place it happens in.
    defiant = parse("Kenyans blocked streets in Nairobi in defiance of Ugandan authorities.")
    assert dyads(defiant) == [("KEN", "144", "UGA")]


def test_defacing_or_shutting_down_websites_is_a_cyber_attack(parse: Annotator) -> None:
    assert dyads(parse("Russian hackers shut down Estonian government websites.")) == [
        ("RUS", "176", "EST")
    ]
    assert [c for _, c, _ in dyads(parse("Kenyan police shut down the protest camp."))] == ["172"]


def test_a_domestic_actor_of_no_written_country_is_of_its_court_or_police(parse: Annotator) -> None:
    doc = parse("A Chilean judge has ordered a former defence minister to appear in court.")
    event = only_event(doc)
    assert (country_of(event.source), country_of(event.target)) == ("CHL", "CHL")
    assert (resolved_by_of(event.target) or "").endswith("+partner-country")
    # The events stage completes the actor on its own attribute, not on the actor stage's.
    minister: Actor = event.target._.actor
    assert minister.country is None
    # Without a court or the police, the other party's country says nothing.
    assert dyads(parse("Opposition leaders met the American ambassador.")) == [(None, "040", "USA")]
    assert dyads(parse("Thousands of demonstrators denounced Israel.")) == [(None, "111", "ISR")]


def test_a_government_and_its_own_people_contend(parse: Annotator) -> None:
    demand = "Opposition leaders demanded that the Kenyan government release the prisoners."
    assert dyads(parse(demand)) == [("KEN", "1053", "KEN")]
    concession = "The president conceded to demands from Angolan rebels."
    assert dyads(parse(concession)) == [("AGO", "080", "AGO")]
    # Religious actors are domestic too (PLOVER codes fundamentalists REL).
    strike = "Fundamentalists began a hunger strike against the Algerian president."
    assert dyads(parse(strike)) == [("DZA", "142", "DZA")]
    # Cooperation and force cross borders: the partner's country says nothing there.
    assert dyads(parse("Rebels attacked the Kenyan army.")) == [(None, "190", "KEN")]
    assert dyads(parse("Opposition leaders met the Kenyan president.")) == [(None, "040", "KEN")]


def test_a_party_s_own_troops_are_not_whom_it_acts_on(parse: Annotator) -> None:
    text = "Ethiopia says it would be willing to withdraw its soldiers from Somalia."
    assert dyads(parse(text)) == [("ETH", "0356", "SOM")]


def test_a_threat_is_aimed_at_whom_its_condition_names(parse: Annotator) -> None:
    text = "China threatened to stop the trade talks if Japan goes ahead."
    assert dyads(parse(text)) == [("CHN", "130", "JPN")]
    text = "Farmers threatened to block roads unless Israel rescinded the annexation."
    assert [(code, target) for _, code, target in dyads(parse(text))] == [("132", "ISR")]


def test_a_clause_hung_from_the_support_verb_spells_out_the_noun(parse: Annotator) -> None:
    # The easing is what is demanded, not an event of its own.
    text = (
        "The African Union (AU) repeated its demand this week that Ethiopia ease curbs on aid"
        " convoys."
    )
    assert dyads(parse(text)) == [(None, "100", "ETH")]


def test_what_is_joined_to_the_pattern_s_object_is_not_the_target(parse: Annotator) -> None:
    text = "The UN withdrew weapons inspectors and aid workers from Iraq."
    assert [(code, target) for _, code, target in dyads(parse(text))] == [("1662", "IRQ")]


def test_whoever_takes_part_in_a_nominal_event_is_its_source(parse: Annotator) -> None:
    assert dyads(parse("Hamas participated in talks with Egypt.")) == [("PSE", "040", "EGY")]
    text = "Sudanese troops were engaged in ethnic cleansing against Chadian herders."
    assert dyads(parse(text)) == [("SDN", "203", "TCD")]
    # Who comes for talks takes part in them.
    text = "Blinken arrived in Cairo for talks with Egyptian President Sisi."
    assert ("USA", "040", "EGY") in dyads(parse(text))
    # A crime committed is done, not promised.
    assert dyads(parse("Myanmar's military committed genocide.")) == [("MMR", "202", None)]


def test_the_demand_a_protest_makes_is_its_topic_not_an_event(parse: Annotator) -> None:
    text = "Ugandan nurses began a hunger strike to demand the dismissal of the Ugandan minister."
    assert [code[:2] for _, code, _ in dyads(parse(text))] == ["14"]
    text = "Kenyan farmers blocked roads demanding the resignation of the Kenyan minister."
    assert [code[:2] for _, code, _ in dyads(parse(text))] == ["14"]
    # An appeal too: "calling for" what the march asks.
    text = "Hundreds of Catalans marched in Barcelona calling for a vote on secession from Spain."
    assert [code[:2] for _, code, _ in dyads(parse(text))] == ["14"]


def test_a_complaint_is_aimed_at_the_subject_of_what_it_says(parse: Annotator) -> None:
    assert dyads(parse("Iraq violated the ceasefire, Iran complained.")) == [("IRN", "114", "IRQ")]


def test_preventing_a_protest_restricts_political_freedoms(parse: Annotator) -> None:
    text = "Georgian police prevented the demonstration planned by teachers."
    assert dyads(parse(text)) == [("GEO", "1721", "GEO")]


def test_a_charge_is_an_accusation_and_an_arrest_is_coercion(parse: Annotator) -> None:
    text = "Kenyan prosecutors indicted the Somali minister for fraud."
    assert dyads(parse(text)) == [("KEN", "1121", "SOM")]
    assert dyads(parse("Kenyan police arrested the Somali minister.")) == [("KEN", "173", "SOM")]


def test_pressing_someone_to_act_is_a_demand_not_coercion(parse: Annotator) -> None:
    text = "Egyptian authorities pressured Sudanese workers to cancel the strike."
    assert dyads(parse(text)) == [("EGY", "105", "SDN")]
    assert dyads(parse("Egypt forced Sudan to close the border.")) == [("EGY", "170", "SDN")]


def test_letting_aid_through_is_humanitarian_access(parse: Annotator) -> None:
    found = dyads(parse("Jordan allowed the delivery of food to Gaza."))
    assert found == [("JOR", "0863", "PSE")]


def test_evacuating_the_wounded_is_aid_and_no_wounding(parse: Annotator) -> None:
    found = dyads(parse("Egyptian helicopters evacuated the wounded from Gaza."))
    assert found == [("EGY", "073", "PSE")]


def test_a_state_s_allies_or_proxies_are_not_the_state(parse: Annotator) -> None:
    assert dyads(parse("Israel attacked Iran's proxies in Syria.")) == [("ISR", "190", "SYR")]
    assert [s for s, _, _ in dyads(parse("US allies criticized Iran."))] == [None]
    # An alliance's allies are its members.
    nato = parse("NATO allies condemned Serbia.")
    assert [e.source.text for e in nato._.events if e.source is not None] == ["NATO"]


def test_opposing_talks_or_a_plan_rejects_them(parse: Annotator) -> None:
    # As PETRARCH codes OPPOSE TALKS (125) and OPPOSE PLAN (127); opposing a party is 110.
    assert dyads(parse("Greece is opposed to Turkish mediation.")) == [("GRC", "125", "TUR")]
    assert dyads(parse("Hamas opposed the Egyptian plan.")) == [("PSE", "127", "EGY")]
    assert dyads(parse("Egypt opposed Israel.")) == [("EGY", "110", "ISR")]


def test_a_blockade_is_aimed_at_where_it_is_imposed(parse: Annotator) -> None:
    assert dyads(parse("Russia reimposed blockades in Crimea.")) == [("RUS", "191", "UKR")]


def test_sending_inspectors_investigates(parse: Annotator) -> None:
    assert dyads(parse("Egypt dispatched inspectors to Libya.")) == [("EGY", "090", "LBY")]
    assert dyads(parse("Egypt dispatched peacekeepers to Libya.")) == [("EGY", "074", "LBY")]


def test_opening_fire_on_someone_attacks_them(parse: Annotator) -> None:
    assert dyads(parse("Israeli troops opened fire on Lebanese soldiers.")) == [
        ("ISR", "190", "LBN")
    ]
    assert dyads(parse("Syria directed rocket fire at Turkey.")) == [("SYR", "190", "TUR")]


def test_every_conjunct_under_a_support_verb_takes_its_subject(parse: Annotator) -> None:
    found = dyads(parse("Israel launched raids and air strikes on Gaza."))
    assert found == [("ISR", "190", "PSE"), ("ISR", "195", "PSE")]


def test_what_force_is_used_for_is_an_act_of_its_own_and_aimed_at_the_same(
    parse: Annotator,
) -> None:
    found = dyads(parse("Nigerian police opened fire to disperse Nigerian protesters."))
    assert found == [("NGA", "190", "NGA"), ("NGA", "175", "NGA")]


def test_a_cancelled_visit_reduces_relations_and_failed_talks_halt_them(parse: Annotator) -> None:
    # CAMEO 161 (cancel a visit) and 164 (halt negotiations).
    assert dyads(parse("Japan has cancelled a scheduled visit to Peru.")) == [("JPN", "161", "PER")]
    assert dyads(parse("Iran broke off talks with Iraq.")) == [("IRN", "164", "IRQ")]


def test_an_event_noun_names_the_event_of_a_generic_head_only(parse: Annotator) -> None:
    text = "Qatar launched a mediation effort between Sudan and Chad."
    assert dyads(parse(text)) == [("QAT", "045", "SDN"), ("QAT", "045", "TCD")]
    text = "Serbian gunmen attacked a bus carrying EU truce monitors."
    assert [code for _, code, _ in dyads(parse(text))] == ["190"]


def test_seeking_something_is_asking_for_it_seeking_to_act_is_not(parse: Annotator) -> None:
    assert dyads(parse("Ukraine sought American help.")) == [("UKR", "020", "USA")]
    assert dyads(parse("France and Germany sought to calm tensions.")) == []


def test_a_title_s_appositive_name_tells_its_country(parse: Annotator) -> None:
    doc = parse("The foreign minister, Sergey Lavrov, criticized Ukraine.")
    assert dyads(doc) == [("RUS", "111", "UKR")]
    assert doc._.events[0].source.text == "Sergey Lavrov"


def test_what_serves_someone_stands_for_them(parse: Annotator) -> None:
    text = "A camp for Sudanese refugees was attacked by Chadian militiamen."
    assert dyads(parse(text)) == [("TCD", "190", "SDN")]


def test_an_object_the_parser_left_off_its_preposition_is_found(parse: Annotator) -> None:
    # The small parser reads the officers as the subject of "holed up", leaving "to" bare.
    text = "Chile granted asylum to four Bolivian army officers holed up in an embassy."
    assert dyads(parse(text)) == [("CHL", "075", "BOL")]


def test_gathering_is_no_protest(parse: Annotator) -> None:
    assert dyads(parse("European leaders gathered in Brussels.")) == []
    assert [code for _, code, _ in dyads(parse("Kenyan farmers demonstrated in Nairobi."))] == [
        "141"
    ]


def test_taking_over_is_occupation_only_of_what_is_taken(parse: Annotator) -> None:
    assert dyads(parse("Malian rebels took over the airport.")) == [("MLI", "192", None)]
    assert dyads(parse("A new Malian government took over on Monday.")) == []


def test_denying_wrongdoing_is_a_denial_not_a_rejection(parse: Annotator) -> None:
    assert dyads(parse("The Kenyan army denied any wrongdoing.")) == [("KEN", "016", None)]


def test_a_promise_is_commitment_to_an_act_not_a_deed_committed(parse: Annotator) -> None:
    assert dyads(parse("Kenya is committed to reforming its courts.")) == [("KEN", "030", None)]
    assert dyads(parse("Serbian forces committed war crimes in Kosovo.")) == []
    # A call for something is an appeal, not a telephone call.
    assert [code for _, code, _ in dyads(parse("Egypt renewed its call for a ceasefire."))] == [
        "020"
    ]


def test_a_call_for_sanctions_disapproves_of_whom_they_would_punish(parse: Annotator) -> None:
    assert dyads(parse("Canada called for sanctions against Nigeria.")) == [("CAN", "110", "NGA")]
    assert dyads(parse("France urged new sanctions on Iran.")) == [("FRA", "110", "IRN")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each as the PLOVER 2.0 manual codes it, through the CAMEO code that maps there.
        ("Britain cancelled Zambia's debt.", ("GBR", "071", "ZMB")),
        ("Hamas withdrew its demand on Israel.", ("PSE", "080", "ISR")),
        ("Israel denied entry to Turkish investigators.", ("ISR", "120", "TUR")),
        (
            "An Iranian court sentenced a British woman to five years in prison.",
            ("IRN", "173", "GBR"),
        ),
        ("Syrian troops captured two Turkish soldiers.", ("SYR", "181", "TUR")),
        ("Russia held joint military exercises with China.", ("RUS", "062", "CHN")),
        # An intent to yield (035): offered, not yet given.
        ("Russia offered concessions to the United States.", ("RUS", "035", "USA")),
        # Each as the CAMEO manual's descriptions of the codes say.
        ("Peruvian troops returned fire on Chilean soldiers.", ("PER", "190", "CHL")),
        ("China protested to Japan over the visit.", ("CHN", "114", "JPN")),
        # A strike staged is a labour strike (143); one launched an attack.
        ("Kenyan dock workers staged a strike against Chinese owners.", ("KEN", "143", "CHN")),
        ("Israel launched a strike on Gaza.", ("ISR", "190", "PSE")),
        ("China banned imports of Australian beef.", ("CHN", "163", "AUS")),
        ("Russia closed its border with Finland.", ("RUS", "191", "FIN")),
        ("Russia closed its embassy in Lithuania.", ("RUS", "161", "LTU")),
        ("Ghana expelled two Nigerian diplomats.", ("GHA", "161", "NGA")),
        ("The Chinese minister rebuked Japan.", ("CHN", "111", "JPN")),
        ("Russia's ultimatum to Ukraine expired.", ("RUS", "139", "UKR")),
        ("Kenyan police launched a crackdown on Somali traders.", ("KEN", "175", "SOM")),
        ("Turkish police fired tear gas at Kurdish protesters.", ("TUR", "175", "TUR")),
        ("Russian troops seized the town from Ukraine.", ("RUS", "192", "UKR")),
        ("Japan expressed regret to China.", ("JPN", "055", "CHN")),
        ("Egypt deplored the Israeli raid.", ("EGY", "111", "ISR")),
        ("Iraqi militants carried out a suicide bombing against Syria.", ("IRQ", "1831", "SYR")),
        ("Nigerian soldiers carried out the killing of Chadian herders.", ("NGA", "190", "TCD")),
        # Words that tell what kind of act it is.
        ("Egypt launched a scathing attack on Israel.", ("EGY", "111", "ISR")),
        ("Danish doctors handed over 300 kg of medicine to Sudan.", ("DNK", "073", "SDN")),
        ("Serbia evacuated two settlements in Kosovo.", ("SRB", "087", "XKX")),
        ("The United States reduced tariffs on Chinese goods.", ("USA", "085", "CHN")),
        ("Germany launched legal action against Poland.", ("DEU", "115", "POL")),
        ("India denied permission to a Pakistani delegation.", ("IND", "120", "PAK")),
        ("Colombia announced a three-day cease-fire with the ELN.", ("COL", "0871", "COL")),
        # What is given is no target, even when it names a sector ("intelligence").
        ("The US provided military intelligence to Macedonia.", ("USA", "070", "MKD")),
        ("Turkey opened its borders to Syrian refugees.", ("TUR", "075", "SYR")),
        # "out of" read as a preposition still makes the phrasal verb "force out".
        ("Kenya forced Somali aid workers out of the country.", ("KEN", "1663", "SOM")),
        ("Egypt forced the Israeli ambassador out of Cairo.", ("EGY", "161", "ISR")),
        # Whom the support verb addresses comes before the subject of the clause.
        (
            "France issued a firm reminder to Libya that it must abide by the ceasefire.",
            ("FRA", "020", "LBY"),
        ),
    ],
)
def test_single_acts_of_the_lexicon(
    parse: Annotator, text: str, expected: tuple[str, str, str]
) -> None:
    assert dyads(parse(text)) == [expected]


def test_withdrawing_peacekeepers_from_a_country_is_aimed_at_the_country(parse: Annotator) -> None:
    found = dyads(parse("Nigeria withdrew its peacekeeping force from Chad."))
    assert found == [("NGA", "1661", "TCD")]
    assert dyads(parse("Rwanda expelled Belgian peacekeepers.")) == [("RWA", "1661", "BEL")]


def test_closing_the_press_restricts_political_freedoms(parse: Annotator) -> None:
    text = "Bolivia's government ordered the Chilean newspaper to suspend publication."
    assert dyads(parse(text)) == [("BOL", "1721", "CHL")]
    assert dyads(parse("Iran closed a British newspaper.")) == [("IRN", "1721", "GBR")]
    # An order to anyone else stays a demand.
    assert dyads(parse("Iran ordered Israel to stop its attacks."))[0] == ("IRN", "105", "ISR")


def test_troops_sent_to_keep_the_peace_are_peacekeeping(parse: Annotator) -> None:
    doc = parse("Brazil is sending soldiers to the UN peacekeeping operation in Haiti.")
    assert [(s, c) for s, c, _ in dyads(doc)] == [("BRA", "074")]
    assert [(s, c) for s, c, _ in dyads(parse("Brazil is sending soldiers to Iraq."))] == [
        ("BRA", "154")
    ]


def test_a_participle_continuing_an_act_acts_on_its_target(parse: Annotator) -> None:
    text = "Vietnamese forces launched rocket fire against Cambodian camps, killing or wounding 50."
    assert {(s, t) for s, _, t in dyads(parse(text))} == {("VNM", "KHM")}
    text = (
        "The Paraguayan government declared a month-long state of siege in Paraguay,"
        " arresting opponents."
    )
    assert {(s, c, t) for s, c, t in dyads(parse(text))} == {
        ("PRY", "1724", "PRY"),
        ("PRY", "173", "PRY"),
    }
    # One that names its own target keeps it; one of another actor is not the act's.
    text = "Israeli troops shelled Gaza, killing two Egyptian soldiers."
    assert ("ISR", "190", "EGY") in dyads(parse(text))


def test_countries_that_agree_together_agree_with_one_another(parse: Annotator) -> None:
    # CAMEO codes a mutual agreement (030) as reciprocal: each side agrees with the other.
    text = (
        "Senior Chilean and Argentine officials agreed on Friday that their countries should"
        " work together to clear mines along the border."
    )
    agreed = [e for e in parse(text)._.events if e.trigger.text == "agreed"]
    assert [(e.target, e.reciprocal) for e in agreed] == [(None, True)]
    parties = {member.country for e in agreed for member in e.source._.members}
    assert parties == {"CHL", "ARG"}
    # An outside country they agree to act on stays the target.
    text = "The United States and Britain agreed to send troops to Iraq."
    found = parse(text)._.events
    assert {(country_of(e.target), e.reciprocal) for e in found} == {("IRQ", False)}


def test_a_noun_the_parser_made_the_subject_of_its_participle_is_the_subject(
    parse: Annotator,
) -> None:
    event = only_event(parse("The Red Cross working in Yemen said Saudi Arabia must withdraw."))
    assert (_text(event.source), event.cameo_code, country_of(event.target)) == (
        "The Red Cross",
        "100",
        "SAU",
    )


def test_exercises_several_countries_hold_together_are_military_cooperation(
    parse: Annotator,
) -> None:
    text = "Greek and Italian warships launched five days of war games off Crete."
    games = only_event(parse(text))
    assert (games.cameo_code, games.target, games.reciprocal) == ("062", None, True)
    assert {member.country for member in games.source._.members} == {"GRC", "ITA"}
    # One country's exercises show force (150).
    assert dyads(parse("Russia held military exercises near Ukraine.")) == [("RUS", "150", "UKR")]


def test_a_name_of_several_words_modifying_a_noun_is_one_party(parse: Annotator) -> None:
    event = only_event(parse("The United States vetoed a Security Council resolution."))
    assert (event.cameo_code, _text(event.target)) == ("129", "Security Council")


def test_a_visit_is_hosted_and_hosting_is_a_visit(parse: Annotator) -> None:
    visit = dyads(parse("The Peruvian president visited Chile on Monday."))
    assert sorted(visit) == [("CHL", "043", "PER"), ("PER", "042", "CHL")]
    hosted = dyads(parse("Chile hosted the Peruvian president on Monday."))
    assert sorted(hosted) == [("CHL", "043", "PER"), ("PER", "042", "CHL")]
    # An announced visit is an intent to meet (036), hosted by no one yet.
    assert dyads(parse("The Peruvian president will visit Chile next week.")) == [
        ("PER", "036", "CHL")
    ]


def test_an_agentless_passive_arrest_is_the_place_states(parse: Annotator) -> None:
    doc = parse("Two Ugandan traders were arrested in Kenya on Monday.")
    assert dyads(doc) == [("KEN", "173", "UGA")]
    assert only_event(doc).source_rule == "place-of-the-act.v1"
    # A named agent is the source, whatever the place.
    assert dyads(parse("Two Ugandan traders were arrested in Kenya by Tanzanian police.")) == [
        ("TZA", "173", "UGA")
    ]


def test_a_nominal_arrest_of_no_named_doer_is_the_place_states(parse: Annotator) -> None:
    doc = parse("The arrest of two Kenyan journalists in Uganda drew protests.")
    assert dyads(doc) == [("UGA", "173", "KEN")]
    assert only_event(doc).source_rule == "place-of-the-noun-event.v1"


def test_force_that_names_no_one_acted_on_is_aimed_at_the_place_state(parse: Annotator) -> None:
    doc = parse("In Peru, Chilean troops stormed a warehouse on Monday.")
    assert dyads(doc) == [("CHL", "190", "PER")]
    assert only_event(doc).target_rule == "place-of-the-act.v1"
    nominal = parse("Chilean troops in Peru launched a major offensive at dawn.")
    assert dyads(nominal) == [("CHL", "190", "PER")]
    assert only_event(nominal).target_rule == "place-of-the-noun-event.v1"
    # One acted on, if named, is the target; a place of no act of force is no one's target.
    assert dyads(parse("Chilean troops attacked Bolivian rebels in Peru.")) == [
        ("CHL", "190", "BOL")
    ]
    praise = parse("In Peru, the Chilean minister praised the new agreement.")
    assert [(e.cameo_code[:2], country_of(e.target)) for e in praise._.events] == [("05", None)]


def test_a_claim_that_another_did_a_hostile_act_accuses_the_doer(parse: Annotator) -> None:
    # The claim is an accusation; the act claimed stays an event, reported by the claimer.
    doc = parse("Ukraine claimed that Russia had shelled Kharkiv.")
    assert [(e.cameo_code, e.factuality) for e in doc._.events] == [
        ("112", Factuality.ASSERTED),
        ("194", Factuality.REPORTED),
    ]
    assert dyads(parse("Ukraine claimed that Russia had shelled Kharkiv.")) == [
        ("UKR", "112", "RUS"),
        ("RUS", "194", "UKR"),
    ]
    # An allegation keeps its act too.
    assert ("RUS", "194", "UKR") in dyads(parse("Ukraine alleged that Russia had shelled Kharkiv."))
    # Claiming one's own act, or a friendly one, accuses no one.
    assert [
        e.cameo_code for e in parse("Hamas claimed it had fired rockets at Israel.")._.events
    ] == ["190"]
    assert parse("Ukraine claimed that the talks had gone well.")._.events == []
