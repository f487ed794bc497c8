"""Resolution rules on Docs built by hand (words, heads, labels, entities), so that no model
update can change what a rule is given. The sentences are made up."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.actors.coreference import Antecedents, Referent
from tidings.actors.knowledge import COMPILED_PREFIX, ActorTables, KnownActor, Role, default_tables
from tidings.actors.lexicon import LexiconMatcher
from tidings.actors.phrases import PhraseReader, noun_phrase
from tidings.actors.resolution import (
    NOBODY,
    RESOLUTION_RULES,
    Mention,
    resolution_rule,
    resolve,
)
from tidings.nlp import register_extensions

Row = tuple[str, int, str, str, str]


@pytest.fixture(scope="module")
def blank() -> Language:
    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="module")
def tables() -> ActorTables:
    return default_tables()


@pytest.fixture(scope="module")
def matcher(blank: Language, tables: ActorTables) -> LexiconMatcher:
    return LexiconMatcher(blank, tables)


def parsed(blank: Language, rows: list[Row], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, head, dep, tag, pos) rows, with BILUO-free IOB entity tags."""
    words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)


def mention_at(
    doc: Doc,
    head: int,
    matcher: LexiconMatcher,
    tables: ActorTables,
    resolved: dict[int, Referent] | None = None,
) -> Mention:
    lexicon = matcher(doc)
    span = noun_phrase(doc[head], lexicon)
    return Mention(
        span, doc[head], lexicon, PhraseReader(tables), Antecedents(doc), resolved or {}, False
    )


def first_rule(mention: Mention) -> str:
    """The name of the first rule that answers for a mention."""
    return next(name for name in RESOLUTION_RULES if resolution_rule.rules[name](mention))


CHILEAN_TROOPS_CROSSED = [
    ("Chilean", 1, "amod", "JJ", "ADJ"),
    ("troops", 2, "nsubj", "NNS", "NOUN"),
    ("crossed", 2, "ROOT", "VBD", "VERB"),
    ("the", 4, "det", "DT", "DET"),
    ("river", 2, "dobj", "NN", "NOUN"),
]


def test_every_registered_rule_is_in_the_visible_order() -> None:
    assert sorted(RESOLUTION_RULES) == sorted(resolution_rule.rules)
    assert all(name.endswith(".v1") for name in RESOLUTION_RULES)


def test_a_role_takes_the_country_its_demonym_writes(
    blank: Language, matcher: LexiconMatcher, tables: ActorTables
) -> None:
    doc = parsed(blank, CHILEAN_TROOPS_CROSSED, ["B-NORP", "O", "O", "O", "O"])
    mention = mention_at(doc, 1, matcher, tables)
    referent = resolve(mention)
    assert referent is not None and referent.actor is not None
    assert (referent.actor.country, referent.actor.sectors, referent.rule) == (
        "CHL",
        ("MIL",),
        "country+role",
    )
    assert first_rule(mention) == "role.v1"


def test_a_common_noun_names_nobody(
    blank: Language, matcher: LexiconMatcher, tables: ActorTables
) -> None:
    doc = parsed(blank, CHILEAN_TROOPS_CROSSED)
    mention = mention_at(doc, 4, matcher, tables)
    assert resolution_rule.rules["mistagged-name.v1"](mention) is NOBODY
    assert resolve(mention) is None


def test_a_pronoun_with_no_antecedent_stops_the_rules(
    blank: Language, matcher: LexiconMatcher, tables: ActorTables
) -> None:
    rows = [
        ("They", 1, "nsubj", "PRP", "PRON"),
        ("crossed", 1, "ROOT", "VBD", "VERB"),
        ("Peru", 1, "dobj", "NNP", "PROPN"),
    ]
    doc = parsed(blank, rows, ["O", "O", "B-GPE"])
    assert resolution_rule.rules["pronoun.v1"](mention_at(doc, 0, matcher, tables)) is NOBODY
    assert resolution_rule.rules["pronoun.v1"](mention_at(doc, 2, matcher, tables)) is None
    place = resolve(mention_at(doc, 2, matcher, tables))
    assert place is not None and place.actor is not None
    assert (place.actor.country, place.rule) == ("PER", "country-name")


def test_a_role_of_a_known_group_speaks_for_it(
    blank: Language, matcher: LexiconMatcher, tables: ActorTables
) -> None:
    rows = [
        ("A", 2, "det", "DT", "DET"),
        ("Hamas", 2, "compound", "NNP", "PROPN"),
        ("spokesman", 3, "nsubj", "NN", "NOUN"),
        ("spoke", 3, "ROOT", "VBD", "VERB"),
    ]
    doc = parsed(blank, rows, ["O", "B-ORG", "O", "O"])
    mention = mention_at(doc, 2, matcher, tables)
    referent = resolve(mention)
    assert referent is not None and referent.actor is not None
    assert (referent.rule, referent.actor.country) == ("role-of:hamas", "PSE")
    assert first_rule(mention) == "role-of-owner.v1"
    known = resolve(mention_at(doc, 1, matcher, tables))
    assert known is not None and known.rule == "kb:hamas"


def test_an_appositive_role_is_the_person_it_describes(
    blank: Language, matcher: LexiconMatcher, tables: ActorTables
) -> None:
    rows = [
        ("Mara", 1, "compound", "NNP", "PROPN"),
        ("Quist", 6, "nsubj", "NNP", "PROPN"),
        (",", 1, "punct", ",", "PUNCT"),
        ("the", 4, "det", "DT", "DET"),
        ("minister", 1, "appos", "NN", "NOUN"),
        (",", 1, "punct", ",", "PUNCT"),
        ("left", 6, "ROOT", "VBD", "VERB"),
    ]
    doc = parsed(blank, rows, ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"])
    person = resolve(mention_at(doc, 1, matcher, tables))
    assert person is not None and person.actor is not None
    # The appositive's role is the person's too.
    assert (person.actor.name, person.actor.sectors, person.rule) == (
        "Mara Quist",
        ("GOV",),
        "person+role",
    )
    minister = resolve(mention_at(doc, 4, matcher, tables, {1: person}))
    assert minister is not None
    assert (minister.actor, minister.rule) == (person.actor, "coref:appositive")


QUIST_LEFT = [
    ("Mara", 1, "compound", "NNP", "PROPN"),
    ("Quist", 2, "nsubj", "NNP", "PROPN"),
    ("left", 2, "ROOT", "VBD", "VERB"),
]
CHILEAN_ENVOY_QUIST_LEFT = [
    ("Chilean", 3, "amod", "JJ", "ADJ"),
    ("envoy", 3, "compound", "NN", "NOUN"),
    ("Mara", 3, "compound", "NNP", "PROPN"),
    ("Quist", 4, "nsubj", "NNP", "PROPN"),
    ("left", 4, "ROOT", "VBD", "VERB"),
]


@pytest.mark.parametrize(
    ("rows", "ident", "country", "rule"),
    [
        (QUIST_LEFT, f"{COMPILED_PREFIX}made-up:1", "FRA", f"kb:{COMPILED_PREFIX}made-up:1"),
        (CHILEAN_ENVOY_QUIST_LEFT, f"{COMPILED_PREFIX}made-up:1", "CHL", "person+role"),
        # tidings' own knowledge base keeps its word.
        (CHILEAN_ENVOY_QUIST_LEFT, "mara-quist", "FRA", "kb:mara-quist"),
    ],
)
def test_the_words_that_place_a_person_outrank_a_compiled_career(
    blank: Language, tables: ActorTables, rows: list[Row], ident: str, country: str, rule: str
) -> None:
    minister = Role("FRA", ("GOV",), "", date(2001, 1, 1), None)
    known = tables.with_known([KnownActor(ident, "Mara Quist", "person", roles=(minister,))])
    ents = [*["B-NORP", "O"][: len(rows) - 3], "B-PERSON", "I-PERSON", "O"]
    doc = parsed(blank, rows, ents)
    quist = len(rows) - 2
    referent = resolve(mention_at(doc, quist, LexiconMatcher(blank, known), known))
    assert referent is not None and referent.actor is not None
    assert (referent.actor.country, referent.rule) == (country, rule)
