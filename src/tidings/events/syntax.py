"""What the parse says around a word, before any actor: objects, agents, passives, particles.

Small functions of a Token; the role rules (``roles.py``) and triggers (``triggers.py``) build on
them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from tidings.events.lexicon import word_forms

SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE_PRONOUN_TAGS = ("WDT", "WP", "WP$")
CONDITION_MARKS = ("if", "unless")
# Nouns that only measure out or frame another ("a group of diplomats", "part of the aid
# programme", "a state of emergency", "700 kg of medicine").
# fmt: off
PARTITIVES = frozenset({
    "group", "part", "some", "all", "most", "many", "much", "one", "number", "series", "round",
    "wave", "score", "scores", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
    "million", "millions", "member", "members",
    "delegation", "team", "contingent", "unit", "portion", "rest", "majority", "half",
    "deployment", "batch", "state", "day", "week", "month", "hour",
    "ton", "tonne", "kg", "kilogram", "litre", "liter", "barrel", "worth", "amount", "quantity",
    "load", "truckload", "consignment", "shipment", "package", "crate", "sack",
})
# Nouns of what is said, known or agreed, whose "on X" or "about X" is the subject matter, not
# whom an act is aimed at: "share information on missing people", "failed to reach agreement
# on the fate of offices in east Jerusalem", "talks on Iran's nuclear programme".
TOPIC_NOUNS = frozenset({
    "information", "intelligence", "data", "agreement", "accord", "deal", "consensus",
    "understanding", "compromise", "talk", "negotiation", "discussion", "debate", "view",
    "issue", "question", "fate",
})
TOPIC_PREPS = frozenset({"on", "about", "over", "concerning", "regarding"})
# fmt: on
OWN_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}


def first_child(token: Token, *deps: str) -> Token | None:
    return next((child for child in token.children if child.dep_ in deps), None)


def particle_of(verb: Token) -> Token | None:
    """A verb's particle, also the "out" of "forced the agency out of the country", which the
    parser takes for a preposition."""
    particle = first_child(verb, "prt")
    if particle is not None:
        return particle
    out_of = (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "out")
    return next((c for c in out_of if any(g.lower_ == "of" for g in c.children)), None)


def prep_objects(token: Token, preps: Sequence[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging off a token, for the given prepositions."""
    for child in token.children:
        if (
            child.dep_ in ("prep", "agent", "dative")
            and child.lower_ in preps
            and child.tag_ != "TO"  # an infinitive's "to" the parser took for a preposition
            and not is_topic(child)
        ):
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            stray = stray_object(child) if not objects else None
            for obj in objects if stray is None else [stray]:
                yield child.lower_, obj


def stray_object(prep: Token) -> Token | None:
    """The object the parser hung elsewhere, leaving the preposition bare: in "granted asylum
    to five officers holed up in a residence", the officers, read as the subject of the clause
    that follows."""
    if prep.i + 1 >= len(prep.doc):
        return None
    head = prep.doc[prep.i + 1]
    while head.dep_ in ("det", "nummod", "amod", "compound", "poss") and head.head.i > head.i:
        head = head.head
    clause = head.head
    nominal = head.pos_ in ("NOUN", "PROPN")
    if nominal and head.dep_ == "nsubj" and clause.head == prep.head and clause.i > head.i:
        return head
    return None


def is_topic(prep: Token) -> bool:
    """Whether a preposition gives the subject matter of the noun it hangs off (TOPIC_NOUNS)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in TOPIC_PREPS
        and prep.head.lemma_.lower() in TOPIC_NOUNS
    )


def is_passive(verb: Token) -> bool:
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    shared = sharing_passive(verb)
    return shared is not None and is_passive(shared)


def sharing_passive(verb: Token) -> Token | None:
    """The participle whose passive a joined one shares ("were tortured and killed": the
    passive of "tortured"), else None."""
    return verb.head if verb.dep_ == "conj" and verb.tag_ == "VBN" else None


def direct_object(verb: Token) -> Token | None:
    if is_passive(verb):
        return passive_subject(verb)
    return first_child(verb, "dobj")


def first_conjunct(token: Token) -> Token:
    """The first of a run of conjuncts ("raids" in "raids, shelling and air strikes")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def partitive_chain(noun: Token | None) -> Iterator[Token]:
    """A noun and, through partitives, the nouns it measures out: "two days of talks" ->
    "days", "talks"."""
    while noun is not None:
        yield noun
        if noun.lemma_.lower() not in PARTITIVES:
            return
        noun = next((inner for _, inner in prep_objects(noun, ("of",))), None)


def object_words(noun: Token) -> set[str]:
    """What an object is about: its lemma, its noun modifiers ("aid programme", "martial law")
    and the compound they make ("war game")."""
    words = set(word_forms(noun.lemma_, noun.text))
    modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    words.update(modifiers)
    words.update(f"{modifier} {noun.lemma_.lower()}" for modifier in modifiers)
    return words


def is_own(noun: Token) -> bool:
    """Whether a noun is the subject's own ("withdraw its troops"): not whom the act is aimed at."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in noun.children)


def passive_subject(verb: Token) -> Token | None:
    """Who undergoes a passive, shared by joined participles ("soldiers were tortured and
    killed"); of a relative clause, the noun it describes ("a Briton who was kidnapped")."""
    if is_relative_passive(verb):
        return verb.head
    subject = first_child(verb, "nsubjpass")
    shared = sharing_passive(verb)
    return passive_subject(shared) if subject is None and shared is not None else subject


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive, which joined participles share ("tortured and killed by")."""
    joined = [c for c in verb.children if sharing_passive(c) is not None]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    for participle in (verb, *joined):
        agent = next((obj for _, obj in prep_objects(participle, ("by",))), None)
        if agent is not None:
            return agent
    return None


def is_stative(verb: Token) -> bool:
    """A passive that states an attitude: "is committed to", "is determined to"."""
    return first_child(verb, "xcomp") is not None or any(
        child.dep_ == "prep" and child.lower_ == "to" for child in verb.children
    )


def is_passive_participle(token: Token) -> bool:
    return token.tag_ == "VBN"


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX")


def is_relative_passive(verb: Token) -> bool:
    """Whether a relative clause's passive is undergone by the noun it describes: "a Briton
    who was kidnapped", not "a town where 28 people were killed"."""
    subject = first_child(verb, "nsubjpass")
    return verb.dep_ == "relcl" and subject is not None and subject.tag_ in RELATIVE_PRONOUN_TAGS


def is_continuation(verb: Token) -> bool:
    """Whether a participle clause continues the clause it hangs from: "a bomb exploded near
    the station, killing ten"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and is_verb(verb.head)


def is_condition(clause: Token) -> bool:
    """Whether a clause is an "if" or "unless" condition of the verb it hangs from."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.dep_ == "advcl" and bool(marks & set(CONDITION_MARKS))


def is_own_pronoun(span: Span) -> bool:
    """ "its borders", "their troops": the owner is a party's own side, not whom it acts on."""
    return len(span) == 1 and span[0].lower_ in OWN_PRONOUNS
