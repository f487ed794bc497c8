"""Target rules on Docs built by hand (words, heads, labels), so that no model update can
change what a rule is given. The sentences are made up."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from tidings.events.lexicon import NounPattern, VerbPattern
from tidings.events.roles import (
    CLAUSE_TARGETS,
    NO_ROLE,
    NOUN_TARGETS,
    NOUN_TARGETS_BESIDE_THE_SOURCE,
    TARGETS_BESIDE_THE_SOURCE,
    VERB_TARGETS,
    Clause,
    MentionIndex,
    NounPhrase,
    Role,
    first_target,
    noun_target_rule,
    target_rule,
)
from tidings.events.sources import (
    NOUN_SOURCES,
    SOURCES_OF_AN_UNNAMED_DOER,
    VERB_SOURCES,
    noun_source_rule,
    source_rule,
)
from tidings.nlp import register_extensions
from tidings.records import Actor

# English lexical attributes (lower case forms) but no model: no parser to update.
VOCAB = spacy.blank("en").vocab


def parsed(
    rows: list[tuple[str, int, str, str, str]], actors: dict[int, str]
) -> tuple[Doc, MentionIndex]:
    """A Doc from (word, head, dep, tag, lemma) rows, with a one-word country mention at each
    index of ``actors``."""
    register_extensions()
    words, heads, deps, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    pos = ["VERB" if t.startswith("VB") else "PROPN" if t == "NNP" else "NOUN" for t in tags]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas, pos=pos)
    mentions = []
    for index, country in actors.items():
        span = doc[index : index + 1]
        span._.actor = Actor(span.text, country, ())
        span._.resolved_by = "country-name"
        mentions.append(span)
    doc._.actor_mentions = mentions
    return doc, MentionIndex(doc)


def clause_of(
    doc: Doc, mentions: MentionIndex, verb: int, code: str, source: Role = NO_ROLE
) -> Clause:
    pattern = VerbPattern(rule="test", verb=doc[verb].lemma_, code=code)
    return Clause(doc[verb], pattern, None, mentions, lambda _: None, source)


def texts(role: Role) -> list[str]:
    return [span.text for span in role.mentions]


EGYPT_CONDEMNED_ISRAEL = [
    ("Egypt", 1, "nsubj", "NNP", "Egypt"),
    ("condemned", 1, "ROOT", "VBD", "condemn"),
    ("Israel", 1, "dobj", "NNP", "Israel"),
]


def test_the_direct_object_is_the_target() -> None:
    doc, mentions = parsed(EGYPT_CONDEMNED_ISRAEL, {0: "EGY", 2: "ISR"})
    role = first_target(VERB_TARGETS, clause_of(doc, mentions, 1, "111"))
    assert (texts(role), role.rule) == (["Israel"], "direct-object.v1")


def test_the_passive_subject_comes_before_the_agent() -> None:
    doc, mentions = parsed(
        [
            ("Israel", 2, "nsubjpass", "NNP", "Israel"),
            ("was", 2, "auxpass", "VBD", "be"),
            ("condemned", 2, "ROOT", "VBN", "condemn"),
            ("by", 2, "agent", "IN", "by"),
            ("Egypt", 3, "pobj", "NNP", "Egypt"),
        ],
        {0: "ISR", 4: "EGY"},
    )
    role = first_target(VERB_TARGETS, clause_of(doc, mentions, 2, "111"))
    assert (texts(role), role.rule) == (["Israel"], "passive-subject.v1")


KENYANS_MARCHED = [
    ("Kenyans", 1, "nsubj", "NNPS", "Kenyans"),
    ("marched", 1, "ROOT", "VBD", "march"),
    ("to", 3, "aux", "TO", "to"),
    ("press", 1, "advcl", "VB", "press"),
    ("demands", 3, "dobj", "NNS", "demand"),
    ("on", 3, "prep", "IN", "on"),
    ("Uganda", 5, "pobj", "NNP", "Uganda"),
]


def test_a_protest_is_aimed_at_whom_its_purpose_names() -> None:
    doc, mentions = parsed(KENYANS_MARCHED, {0: "KEN", 6: "UGA"})
    source = Role((mentions.at(doc[0]),), "nsubj")  # type: ignore[arg-type]
    protest = clause_of(doc, mentions, 1, "141", source)
    assert first_target(VERB_TARGETS, protest) == NO_ROLE
    role = first_target(TARGETS_BESIDE_THE_SOURCE, protest)
    assert (texts(role), role.rule) == (["Uganda"], "protest-purpose.v1")
    # Another act is not aimed at whom its purpose clause names: that clause is beside it.
    other = clause_of(doc, mentions, 1, "042", source)
    assert first_target(TARGETS_BESIDE_THE_SOURCE, other) == NO_ROLE
    assert (
        target_rule.rules["protest-purpose.v1"](clause_of(doc, mentions, 1, "042", source)) is None
    )


def test_a_threat_is_aimed_at_the_subject_of_its_condition() -> None:
    doc, mentions = parsed(
        [
            ("Iran", 1, "nsubj", "NNP", "Iran"),
            ("threatened", 1, "ROOT", "VBD", "threaten"),
            ("to", 3, "aux", "TO", "to"),
            ("strike", 1, "xcomp", "VB", "strike"),
            ("unless", 6, "mark", "IN", "unless"),
            ("Israel", 6, "nsubj", "NNP", "Israel"),
            ("withdrew", 3, "advcl", "VBD", "withdraw"),
        ],
        {0: "IRN", 5: "ISR"},
    )
    source = Role((mentions.at(doc[0]),), "nsubj")  # type: ignore[arg-type]
    threat = clause_of(doc, mentions, 1, "138", source)
    rule = target_rule.rules["threat-condition.v1"]
    role = rule(threat)
    assert role is not None and texts(role) == ["Israel"]
    assert rule(clause_of(doc, mentions, 1, "111", source)) is None


def test_an_appeal_addresses_the_subject_of_its_clause() -> None:
    doc, mentions = parsed(
        [
            ("Egypt", 1, "nsubj", "NNP", "Egypt"),
            ("demanded", 1, "ROOT", "VBD", "demand"),
            ("that", 4, "mark", "IN", "that"),
            ("Israel", 4, "nsubj", "NNP", "Israel"),
            ("withdraw", 1, "ccomp", "VB", "withdraw"),
        ],
        {0: "EGY", 3: "ISR"},
    )
    demand = clause_of(doc, mentions, 1, "100")
    assert first_target(VERB_TARGETS, demand) == NO_ROLE
    role = first_target(CLAUSE_TARGETS, demand)
    assert (texts(role), role.rule) == (["Israel"], "demanded-clause-subject.v1")


TALKS_BETWEEN = [
    ("Qatar", 1, "nsubj", "NNP", "Qatar"),
    ("hosted", 1, "ROOT", "VBD", "host"),
    ("talks", 1, "dobj", "NNS", "talk"),
    ("between", 2, "prep", "IN", "between"),
    ("Egypt", 3, "pobj", "NNP", "Egypt"),
    ("and", 4, "cc", "CC", "and"),
    ("Israel", 4, "conj", "NNP", "Israel"),
]


def test_talks_between_two_parties_are_aimed_at_the_second() -> None:
    doc, mentions = parsed(TALKS_BETWEEN, {0: "QAT", 4: "EGY", 6: "ISR"})
    talks = NounPattern(rule="test", noun="talk", code="040", target_preps=("between",))
    role = noun_target_rule.first(NOUN_TARGETS, NounPhrase(doc[2], talks, doc[1], mentions))
    assert (texts(role), role.rule) == (["Israel"], "noun-prep.v1")
    # A mediation between two parties is aimed at both.
    mediation = NounPattern(
        rule="test", noun="talk", code="045", target_preps=("between",), between_targets=True
    )
    both = noun_target_rule.first(NOUN_TARGETS, NounPhrase(doc[2], mediation, doc[1], mentions))
    assert texts(both) == ["Egypt", "Israel"]


def test_a_support_verb_addresses_whom_its_preposition_names() -> None:
    doc, mentions = parsed(
        [
            ("Egypt", 1, "nsubj", "NNP", "Egypt"),
            ("issued", 1, "ROOT", "VBD", "issue"),
            ("a", 3, "det", "DT", "a"),
            ("warning", 1, "dobj", "NN", "warning"),
            ("to", 1, "prep", "IN", "to"),
            ("Israel", 4, "pobj", "NNP", "Israel"),
        ],
        {0: "EGY", 5: "ISR"},
    )
    warning = NounPattern(rule="test", noun="warning", code="130", target_preps=("to",))
    carried = NounPhrase(doc[3], warning, doc[1], mentions)
    role = noun_target_rule.first(NOUN_TARGETS, carried)
    assert (texts(role), role.rule) == (["Israel"], "support-verb-prep.v1")
    # Carried by no support verb, the warning names no target.
    alone = NounPhrase(doc[3], warning, None, mentions)
    assert noun_target_rule.first(NOUN_TARGETS, alone) == NO_ROLE


def test_every_registered_rule_has_one_place_in_the_order() -> None:
    for rules, order in (
        (target_rule, [*VERB_TARGETS, *CLAUSE_TARGETS, *TARGETS_BESIDE_THE_SOURCE]),
        (noun_target_rule, [*NOUN_TARGETS, *NOUN_TARGETS_BESIDE_THE_SOURCE]),
        (source_rule, [*VERB_SOURCES, *SOURCES_OF_AN_UNNAMED_DOER]),
        (noun_source_rule, NOUN_SOURCES),
    ):
        assert len(order) == len(set(order))
        assert set(order) == set(rules.rules)
        assert all(name.rsplit(".", 1)[1].startswith("v") for name in order)


def test_a_mention_span_is_what_a_role_holds() -> None:
    doc, mentions = parsed(EGYPT_CONDEMNED_ISRAEL, {0: "EGY", 2: "ISR"})
    found = mentions.at(doc[2])
    assert isinstance(found, Span) and found._.actor.country == "ISR"


CANADIAN_WHO_WAS_DETAINED = [
    ("Canadians", 4, "nsubj", "NNPS", "Canadian"),
    ("who", 3, "nsubjpass", "WP", "who"),
    ("were", 3, "auxpass", "VBD", "be"),
    ("detained", 0, "relcl", "VBN", "detain"),
    ("appealed", 4, "ROOT", "VBD", "appeal"),
]


def test_a_relative_clause_passive_is_undergone_by_the_noun_it_describes() -> None:
    doc, mentions = parsed(CANADIAN_WHO_WAS_DETAINED, {0: "CAN"})
    role = first_target(VERB_TARGETS, clause_of(doc, mentions, 3, "173"))
    assert (texts(role), role.rule) == (["Canadians"], "passive-subject.v1")
