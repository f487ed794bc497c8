"""Source rules on Docs built by hand (words, heads, labels), so that no model update can
change what a rule is given. The sentences are made up."""

from __future__ import annotations

from tests.events.test_roles import EGYPT_CONDEMNED_ISRAEL, TALKS_BETWEEN, parsed, texts
from tidings.events.lexicon import NounPattern
from tidings.events.roles import NO_ROLE, NounPhrase, Role
from tidings.events.sources import (
    UNIDENTIFIED_ARMED,
    Predicate,
    noun_source,
    source_of,
    verb_source,
)


def test_the_subject_is_the_source() -> None:
    doc, mentions = parsed(EGYPT_CONDEMNED_ISRAEL, {0: "EGY", 2: "ISR"})
    role = verb_source(doc[1], mentions)
    assert (texts(role), role.rule) == (["Egypt"], "subject.v1")


SAID_ISRAEL_WAS_ATTACKED = [
    ("Egypt", 1, "nsubj", "NNP", "Egypt"),
    ("said", 1, "ROOT", "VBD", "say"),
    ("Israel", 4, "nsubjpass", "NNP", "Israel"),
    ("was", 4, "auxpass", "VBD", "be"),
    ("attacked", 1, "ccomp", "VBN", "attack"),
    ("by", 4, "agent", "IN", "by"),
    ("gunmen", 5, "pobj", "NNS", "gunman"),
]


def test_an_unknown_agent_ends_the_search() -> None:
    doc, mentions = parsed(SAID_ISRAEL_WAS_ATTACKED, {0: "EGY", 2: "ISR"})
    # The gunmen are no known actor; the speaker above is still not who attacked.
    assert verb_source(doc[4], mentions).mentions == ()
    known, known_mentions = parsed(SAID_ISRAEL_WAS_ATTACKED, {0: "EGY", 2: "ISR", 6: "SYR"})
    role = verb_source(known[4], known_mentions)
    assert (texts(role), role.rule) == (["gunmen"], "passive-agent.v1")


CALLED_ON_HAMAS = [
    ("Egypt", 1, "nsubj", "NNP", "Egypt"),
    ("called", 1, "ROOT", "VBD", "call"),
    ("on", 1, "prep", "IN", "on"),
    ("Hamas", 2, "pobj", "NNP", "Hamas"),
    ("to", 5, "aux", "TO", "to"),
    ("accept", 1, "xcomp", "VB", "accept"),
    ("Gaza", 5, "dobj", "NNP", "Gaza"),
]


def test_a_controller_is_not_taken_from_the_targets_side() -> None:
    doc, mentions = parsed(CALLED_ON_HAMAS, {0: "EGY", 3: "PSE", 6: "PSE"})
    role = verb_source(doc[5], mentions)
    assert (texts(role), role.rule) == (["Hamas"], "controller.v1")
    # Aimed at its own side, the act is the governing subject's.
    target = Role((mentions.at(doc[6]),), "dobj")  # type: ignore[arg-type]
    role = source_of(Predicate(doc[5], mentions, target))
    assert (texts(role), role.rule) == (["Egypt"], "controller.v1")


def test_the_issuer_of_a_statement_makes_its_demand() -> None:
    doc, mentions = parsed(
        [
            ("Egypt", 1, "nsubj", "NNP", "Egypt"),
            ("issued", 1, "ROOT", "VBD", "issue"),
            ("a", 3, "det", "DT", "a"),
            ("statement", 1, "dobj", "NN", "statement"),
            ("demanding", 3, "acl", "VBG", "demand"),
            ("talks", 4, "dobj", "NNS", "talk"),
        ],
        {0: "EGY"},
    )
    assert verb_source(doc[4], mentions).mentions == ()
    role = source_of(Predicate(doc[4], mentions, issuer=doc[1]))
    assert (texts(role), role.rule) == (["Egypt"], "issuing-verb.v1")


A_BOMB_KILLED = [
    ("A", 2, "det", "DT", "a"),
    ("roadside", 2, "compound", "NN", "roadside"),
    ("bomb", 3, "nsubj", "NN", "bomb"),
    ("killed", 3, "ROOT", "VBD", "kill"),
    ("soldiers", 3, "dobj", "NNS", "soldier"),
]


def test_the_means_of_a_violent_act_names_its_doer() -> None:
    doc, mentions = parsed(
        [
            ("Soldiers", 2, "nsubjpass", "NNS", "soldier"),
            ("were", 2, "auxpass", "VBD", "be"),
            ("killed", 2, "ROOT", "VBN", "kill"),
            ("in", 2, "prep", "IN", "in"),
            ("a", 6, "det", "DT", "a"),
            ("Syrian", 6, "amod", "JJ", "Syrian"),
            ("strike", 3, "pobj", "NN", "strike"),
        ],
        {5: "SYR"},
    )
    assert verb_source(doc[2], mentions).mentions == ()
    role = source_of(Predicate(doc[2], mentions, means=doc[6]))
    assert (texts(role), role.rule) == (["Syrian"], "means.v1")


def test_an_unnamed_means_stands_for_an_unidentified_armed_actor() -> None:
    doc, mentions = parsed(A_BOMB_KILLED, {})
    role = source_of(Predicate(doc[3], mentions, means=doc[2]))
    assert (texts(role), role.rule) == (["A roadside bomb"], "unidentified-perpetrator.v1")
    assert role.mentions[0]._.event_actor.actor.sectors == (UNIDENTIFIED_ARMED,)
    # Without a means, no one is made up.
    assert source_of(Predicate(doc[3], mentions)) == NO_ROLE


def test_a_meeting_between_two_parties_is_the_firsts() -> None:
    doc, mentions = parsed(TALKS_BETWEEN, {4: "EGY", 6: "ISR"})
    talks = NounPattern(rule="test", noun="talk", code="040", target_preps=("between",))
    role = noun_source(NounPhrase(doc[2], talks, None, mentions))
    assert (texts(role), role.rule) == (["Egypt"], "noun-agent-prep.v1")


def test_the_support_verbs_subject_does_the_nominal_event() -> None:
    doc, mentions = parsed(TALKS_BETWEEN, {0: "QAT"})
    talks = NounPattern(rule="test", noun="talk", code="040")
    role = noun_source(NounPhrase(doc[2], talks, doc[1], mentions))
    assert (texts(role), role.rule) == (["Qatar"], "support-verb-source.v1")
    assert noun_source(NounPhrase(doc[2], talks, None, mentions)) == NO_ROLE


JAILED_IN_KENYA = [
    ("Two", 1, "nummod", "CD", "two"),
    ("Ugandans", 3, "nsubjpass", "NNPS", "Ugandan"),
    ("were", 3, "auxpass", "VBD", "be"),
    ("jailed", 3, "ROOT", "VBN", "jail"),
    ("in", 3, "prep", "IN", "in"),
    ("Kenya", 4, "pobj", "NNP", "Kenya"),
]


def test_an_agentless_passive_act_is_done_by_the_state_where_it_happens() -> None:
    doc, mentions = parsed(JAILED_IN_KENYA, {1: "UGA", 5: "KEN"})
    # Only for acts whose unnamed doer the place names (parties.yaml placed_roots).
    assert source_of(Predicate(doc[3], mentions)) == NO_ROLE
    role = source_of(Predicate(doc[3], mentions, placed=True))
    assert (texts(role), role.rule) == (["Kenya"], "place-of-the-act.v1")
    # Read from a relative clause, the act is the background of what it describes.
    relative, relative_mentions = parsed(
        [*JAILED_IN_KENYA[:3], ("jailed", 1, "relcl", "VBN", "jail"), *JAILED_IN_KENYA[4:]],
        {1: "UGA", 5: "KEN"},
    )
    assert source_of(Predicate(relative[3], relative_mentions, placed=True)) == NO_ROLE
    # Unless it tells what the one it describes underwent: "Ugandans who were jailed in Kenya".
    undergone, undergone_mentions = parsed(
        [
            ("Two", 1, "nummod", "CD", "two"),
            ("Ugandans", 1, "ROOT", "NNPS", "Ugandan"),
            ("who", 4, "nsubjpass", "WP", "who"),
            ("were", 4, "auxpass", "VBD", "be"),
            ("jailed", 1, "relcl", "VBN", "jail"),
            ("in", 4, "prep", "IN", "in"),
            ("Kenya", 5, "pobj", "NNP", "Kenya"),
        ],
        {1: "UGA", 6: "KEN"},
    )
    role = source_of(Predicate(undergone[4], undergone_mentions, placed=True))
    assert (texts(role), role.rule) == (["Kenya"], "place-of-the-act.v1")


def test_a_nominal_act_of_no_named_doer_is_the_place_states() -> None:
    doc, mentions = parsed(
        [
            ("The", 1, "det", "DT", "the"),
            ("arrest", 1, "ROOT", "NN", "arrest"),
            ("of", 1, "prep", "IN", "of"),
            ("Ugandans", 2, "pobj", "NNPS", "Ugandan"),
            ("in", 1, "prep", "IN", "in"),
            ("Kenya", 4, "pobj", "NNP", "Kenya"),
        ],
        {3: "UGA", 5: "KEN"},
    )
    arrest = NounPattern(rule="test", noun="arrest", code="173", of_role="target")
    role = noun_source(NounPhrase(doc[1], arrest, None, mentions, placed=True))
    assert (texts(role), role.rule) == (["Kenya"], "place-of-the-noun-event.v1")
    # Not for acts whose doer the place does not name (parties.yaml placed_roots).
    assert noun_source(NounPhrase(doc[1], arrest, None, mentions)) == NO_ROLE
