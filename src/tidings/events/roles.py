"""Who an event's source and target are: the actor mentions the parse links a trigger to.

A verb's target is found by small named rules tried in the order of the lists below
(``VERB_TARGETS``, ``CLAUSE_TARGETS``, ``TARGETS_BESIDE_THE_SOURCE``); the first that names an
actor wins. Each is registered with ``@target_rule("name")`` as ``name.v1``, the name an event
keeps (``EventAnnotation.target_rule``) and ``tidings explain`` prints: to fix a wrong target,
find the rule that chose it here. Sources are found the same way, in ``sources.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from tidings.events.factuality import is_to_clause
from tidings.events.lexicon import NounPattern, VerbPattern
from tidings.events.syntax import (
    PARTITIVES,
    RELATIVE_PRONOUN_TAGS,
    agent_of,
    first_child,
    is_condition,
    is_own,
    is_own_pronoun,
    is_passive,
    is_passive_participle,
    is_stative,
    is_topic,
    is_verb,
    passive_subject,
    prep_objects,
)
from tidings.events.triggers import PLAIN_PATTERN, condition_object
from tidings.nlp.annotations import actor_modifiers, actor_of, owners_it_stands_for
from tidings.records import Actor

# Prepositions whose object owns or made a thing: "the demand of Hamas", "an offer from Israel".
OWNER_PREPS = ("of", "from", "by")
# Prepositions on a nominal object that point at the one acted on: "held talks with Israel".
OBJECT_TARGET_PREPS = ("with", "to", "against", "on", "between", "toward", "towards", "into")
MAX_CLIMB = 8
# Nouns of an "in ..." phrase that names whom a protest is against ("in defiance of").
PROTEST_MOTIVES = ("protest", "defiance", "opposition")
# Appeals and demands address the subject of their "that ..." clause; complaints and
# accusations are aimed at it ("Iraq violated the ceasefire, Iran complained").
ADDRESSING_ROOTS = ("02", "10", "11")
# The root of protests, whose target their purpose names ("to demand reforms from X").
PROTEST_ROOT = "14"
# The root of threats, aimed at whom their condition names ("... unless Israel rescinds").
THREAT_ROOT = "13"


@dataclass(frozen=True)
class Role:
    """Who fills a role, how the parse got there and the registered rule that found it."""

    mentions: tuple[Span, ...]
    via: str
    rule: str = ""


NO_ROLE = Role((), "")


class MentionIndex:
    """The smallest actor mention over each token of a Doc."""

    def __init__(self, doc: Doc) -> None:
        self._by_token: dict[int, Span] = {}
        for span in sorted(doc._.actor_mentions or (), key=len, reverse=True):
            for index in range(span.start, span.end):
                self._by_token[index] = span

    def at(self, token: Token) -> Span | None:
        """The mention a token belongs to, if any."""
        return self._by_token.get(token.i)

    def of_phrase(self, head: Token) -> tuple[Span, ...]:
        """The mentions a noun phrase and its conjuncts name ("Egypt and Qatar": two)."""
        found: list[Span] = []
        for token in (head, *head.conjuncts):
            span = self.at(token)
            if span is not None and span not in found:
                found.append(span)
        return tuple(found)


def same_actor(one: Span, other: Span) -> bool:
    """Whether two mentions name the same actor ("Egypt said it will ...")."""
    if one == other:
        return True
    first, second = actor_of(one), actor_of(other)
    return first is not None and second is not None and first == second


def role_of(mentions: MentionIndex, head: Token | None, via: str) -> Role:
    """The mentions a noun phrase names; through "a group of X" and "X's officials" too."""
    if head is None:
        return NO_ROLE
    found = mentions.of_phrase(head)
    if found:
        # "The interior minister, Amir Khan,": the name may tell the country the title does not.
        named = first_child(head, "appos")
        appositive = mentions.of_phrase(named) if named is not None else ()
        if countries_of(Role(appositive, via)) and not countries_of(Role(found, via)):
            return Role(appositive, f"{via} (appositive)")
        return Role(found, via)
    if head.lower_ in PARTITIVES or head.lemma_.lower() in PARTITIVES:
        inner = next((obj for _, obj in prep_objects(head, ("of",))), None)
        if inner is not None:
            return role_of(mentions, inner, f"{via} (of)")
    if head.pos_ not in ("NOUN", "PROPN"):
        return NO_ROLE
    # "The separatist group Black Widow", "the main rebel group, the FDD,": the name it gives.
    named = first_child(head, "appos")
    if named is not None and (appositive := mentions.of_phrase(named)):
        return Role(appositive, f"{via} (appositive)")
    possessor = first_child(head, "poss")
    if possessor is not None:
        found = owners_it_stands_for(head, mentions.of_phrase(possessor))
        if found:
            return Role(found, f"{via} (possessor)")
    # "Azerbaijani hackers", "a UN appeal": the actor that the modifying words name.
    modifiers = actor_modifiers(head)
    # A modifier of several words ("a Security Council resolution") is one mention.
    found = tuple(dict.fromkeys(s for c in modifiers if (s := mentions.at(c)) is not None))
    found = owners_it_stands_for(head, found)
    if found:
        return Role(found, f"{via} (modifier)")
    # "a camp for Congolese refugees": what serves someone stands for them.
    served = next((obj for _, obj in prep_objects(head, ("for",))), None)
    if served is not None and (beneficiaries := mentions.of_phrase(served)):
        return Role(beneficiaries, f"{via} (for whom)")
    return NO_ROLE


def first_role(mentions: MentionIndex, pairs: Iterator[tuple[str, Token]], via: str) -> Role:
    for prep, head in pairs:
        role = role_of(mentions, head, f"{via}: {prep}")
        if role.mentions:
            return role
    return NO_ROLE


def owner_role(thing: Token, mentions: MentionIndex) -> Role:
    """The actor who owns or made a thing: "Israel's demand", "the US proposal", "brokered by"."""
    for child in thing.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            role = role_of(mentions, child, f"owner ({child.dep_})")
            owners = owners_it_stands_for(thing, role.mentions)
            if owners:
                return Role(owners, role.via)
    role = first_role(mentions, prep_objects(thing, OWNER_PREPS), "owner")
    if role.mentions:
        return role
    for child in thing.children:
        if child.dep_ == "acl" and is_passive_participle(child):
            role = role_of(mentions, agent_of(child), "owner (made by)")
            if role.mentions:
                return role
        if child.dep_ == "relcl":
            subject = first_child(child, "nsubj")
            if subject is not None and subject.tag_ not in RELATIVE_PRONOUN_TAGS:
                role = role_of(mentions, subject, "owner (relative clause subject)")
                if role.mentions:
                    return role
    return NO_ROLE


# Clauses beside the action, not part of it: "as he set off for Asia", "where 12 died".
SIDE_CLAUSES = {"advcl", "relcl", "parataxis", "acl", "appos", "npadvmod", "punct"}


def predicate_target(
    verb: Token, source: Role, mentions: MentionIndex, thing: Token | None = None
) -> Role:
    """The first actor in the verb's own phrase after it, when no rule names the target:
    "lifted a curfew in Montenegro", "handed over medicine to the Red Crescent"; not what is
    acted with, as the pattern's object or joined to it ("withdrew inspectors and aid workers
    from Iraq")."""
    taken = {token.i for span in source.mentions for token in span}
    if thing is not None:
        taken |= {token.i for token in thing.conjuncts}

    def phrase(token: Token) -> Iterator[Token]:
        for child in token.children:
            if child.dep_ in SIDE_CLAUSES or child.lower_ == "according" or is_topic(child):
                continue
            yield child
            yield from phrase(child)

    after = sorted(
        (t for t in phrase(verb) if t.i > verb.i and t.i not in taken), key=lambda t: t.i
    )
    for token in after:
        span = mentions.at(token)
        if span is None or taken & {t.i for t in span} or is_own_pronoun(span):
            continue
        if is_own(span.root):
            continue  # "withdraw its troops": the party's own, not whom it acts on
        owner = span.root.dep_ in ("poss", "compound", "amod")
        if owner and not owners_it_stands_for(span.root.head, (span,)):
            continue  # "attacked Iran's proxies": not Iran
        if not any(same_actor(span, own) for own in source.mentions):
            # "ties with Chile and Peru": the first actor and those joined to it.
            joined = [s for s in mentions.of_phrase(span.root) if s != span]
            kept = [s for s in joined if not any(same_actor(s, own) for own in source.mentions)]
            return Role((span, *kept), "first actor after the verb")
    return NO_ROLE


def protest_target(verb: Token, source: Role, mentions: MentionIndex) -> Role:
    """Whom a protest is aimed at, read from its purpose: "blocked roads to press their demands
    on the government", "a hunger strike in protest against violations by the police"."""
    for child in verb.children:
        purpose = child.dep_ in ("advcl", "xcomp") and is_to_clause(child)
        in_protest = child.dep_ == "prep" and any(
            o.lemma_ in PROTEST_MOTIVES for o in child.children
        )
        if purpose or in_protest:
            role = predicate_target(child, source, mentions)
            if role.mentions:
                return Role(role.mentions, f"purpose of the protest: {role.via}")
    return NO_ROLE


def condition_target(verb: Token, mentions: MentionIndex, depth: int = 3) -> Role:
    """Whom a threat is aimed at, read from its condition: "threatened to strike unless Israel
    rescinded the annexation", "threatened to quit the talks if Japan went ahead"."""
    for child in verb.children:
        if is_condition(child):
            role = role_of(mentions, first_child(child, "nsubj"), "subject of the condition")
            if role.mentions:
                return role
        elif child.dep_ in ("xcomp", "ccomp") and depth > 0:
            role = condition_target(child, mentions, depth - 1)
            if role.mentions:
                return role
    return NO_ROLE


@dataclass(frozen=True)
class Clause:
    """What a target rule reads: a verb trigger, the pattern it matched, the noun that pattern
    is about, and the source as far as it is known."""

    verb: Token
    pattern: VerbPattern
    thing: Token | None
    mentions: MentionIndex
    # The pattern of another verb, for the clauses a verb governs.
    pattern_of: Callable[[Token], VerbPattern | None]
    source: Role = NO_ROLE
    # Whether an unnamed party to the act is the state where it happens (parties.yaml).
    placed: bool = False

    @property
    def host(self) -> Token:
        """The verb that carries the clause: the copula of "Syria is willing to withdraw"."""
        verb = self.verb
        return verb.head if verb.dep_ == "acomp" else verb

    @property
    def root(self) -> str:
        """The two-digit CAMEO root of the pattern's code."""
        return self.pattern.code[:2]


@dataclass(frozen=True)
class NounPhrase:
    """What a nominal event's target rule reads: the event noun, its pattern, the verb that
    carries it ("launched an attack", "took part in the talks") and the source so far."""

    noun: Token
    pattern: NounPattern
    # The support or participation verb, where one carries the noun.
    carrier: Token | None
    mentions: MentionIndex
    source: Role = NO_ROLE
    # Whether an unnamed doer of the act is the state where it happens (parties.yaml).
    placed: bool = False

    @property
    def spelled_out(self) -> Token | None:
        """The clause the parser hung from the carrier that spells out the noun's event:
        "repeated its demand on Friday that Turkey lift ..."."""
        if self.carrier is None:
            return None
        after = (c for c in self.carrier.children if c.dep_ == "ccomp" and c.i > self.noun.i)
        return next(after, None)


Context = TypeVar("Context")


class RoleRules(Generic[Context]):
    """Named role rules over one kind of context; ``@rules("name")`` registers ``name.v1``."""

    def __init__(self) -> None:
        self.rules: dict[str, Callable[[Context], Role | None]] = {}

    def __call__(
        self, name: str, version: int = 1
    ) -> Callable[[Callable[[Context], Role | None]], Callable[[Context], Role | None]]:
        """Register a rule as ``name.v<version>``; the lists below give the order."""

        def register(rule: Callable[[Context], Role | None]) -> Callable[[Context], Role | None]:
            self.rules[f"{name}.v{version}"] = rule
            return rule

        return register

    def first(self, names: Sequence[str], context: Context) -> Role:
        """The role the first of these rules fills, named after it; else no one."""
        for name in names:
            role = self.rules[name](context)
            if role is not None and role.mentions:
                return replace(role, rule=name)
        return NO_ROLE

    def deciding(self, names: Sequence[str], context: Context) -> Role:
        """The role the first of these rules that applies gives, even one naming no known actor
        ("attacked by unknown men": no looking past them); named after the rule if it names one."""
        for name in names:
            role = self.rules[name](context)
            if role is not None:
                return replace(role, rule=name) if role.mentions else role
        return NO_ROLE


target_rule = RoleRules[Clause]()
noun_target_rule = RoleRules[NounPhrase]()


def first_target(rules: Sequence[str], clause: Clause) -> Role:
    """The target the first of these verb rules finds, named after it; else no one."""
    return target_rule.first(rules, clause)


@target_rule("passive-subject")
def _passive_subject_target(clause: Clause) -> Role | None:
    """ "Israel was condemned by Egypt": who undergoes the passive."""
    verb = clause.verb
    if is_passive(verb) and (agent_of(verb) is not None or not is_stative(verb)):
        return role_of(clause.mentions, passive_subject(verb), "passive subject")
    return None


@target_rule("dative")
def _dative_target(clause: Clause) -> Role | None:
    """ "gave Egypt a loan": the indirect object."""
    return role_of(clause.mentions, first_child(clause.verb, "dative"), "dative")


@target_rule("pattern-prep")
def _pattern_prep_target(clause: Clause) -> Role | None:
    """The object of the preposition a pattern asks for ("appealed to Egypt"), or whom what it
    calls for is aimed at ("called for sanctions against Moscow")."""
    pattern, mentions = clause.pattern, clause.mentions
    if not pattern.preps or pattern.objects:
        return None
    for prep, prep_object in prep_objects(clause.verb, pattern.preps):
        role = role_of(mentions, prep_object, f"prep: {prep}")
        if role.mentions:
            return role
        inner = prep_objects(prep_object, OBJECT_TARGET_PREPS)
        role = first_role(mentions, inner, "its prep")
        if role.mentions:
            return role
    return None


def _aimed_object(clause: Clause) -> Token | None:
    """The direct object, unless it is the pattern's own noun or the subject's own thing."""
    obj = first_child(clause.verb, "dobj")
    return obj if obj is not None and obj != clause.thing and not is_own(obj) else None


@target_rule("direct-object")
def _direct_object_target(clause: Clause) -> Role | None:
    """ "Egypt condemned Israel"."""
    obj = _aimed_object(clause)
    return role_of(clause.mentions, obj, "dobj") if obj is not None else None


@target_rule("object-owner")
def _object_owner_target(clause: Clause) -> Role | None:
    """ "rejected Israel's demand": who owns or made the object."""
    obj = _aimed_object(clause)
    return owner_role(obj, clause.mentions) if obj is not None else None


@target_rule("target-prep")
def _target_prep_target(clause: Clause) -> Role | None:
    """ "travelled to Egypt", "met with Israel": a preposition the pattern aims with."""
    pairs = prep_objects(clause.verb, clause.pattern.target_preps)
    return first_role(clause.mentions, pairs, "prep")


@target_rule("thing-prep")
def _thing_prep_target(clause: Clause) -> Role | None:
    """ "signed an agreement with Israel": whom the pattern's noun is aimed at."""
    if clause.thing is None:
        return None
    pairs = prep_objects(clause.thing, OBJECT_TARGET_PREPS)
    return first_role(clause.mentions, pairs, "object's prep")


@target_rule("thing-owner")
def _thing_owner_target(clause: Clause) -> Role | None:
    """ "accepted the proposal brokered by the United States": who made the pattern's noun."""
    return owner_role(clause.thing, clause.mentions) if clause.thing is not None else None


@target_rule("demanded-clause-subject")
def _demanded_clause_subject_target(clause: Clause) -> Role | None:
    """ "demanded that the DPRK forsake ...": an appeal or demand addresses its clause's
    subject."""
    embedded = first_child(clause.verb, "xcomp", "ccomp")
    if embedded is None or clause.root not in ADDRESSING_ROOTS:
        return None
    return role_of(clause.mentions, first_child(embedded, "nsubj"), "subject of the demanded")


@target_rule("clause-target")
def _clause_target_rule(clause: Clause) -> Role | None:
    """ "threatened to break relations with Russia": the target of the clause it governs."""
    embedded = first_child(clause.verb, "xcomp", "ccomp")
    return clause_target(embedded, clause) if embedded is not None else None


def clause_target(verb: Token, governing: Clause, depth: int = 3) -> Role:
    """The target of a clause, by its own pattern where it has one ("agreed to send troops
    to Iraq": Iraq, not the troops), or of the clauses it governs ("ready to send
    equipment to help protect Kuwait")."""
    pattern = governing.pattern_of(verb) or PLAIN_PATTERN
    own = Clause(
        verb, pattern, condition_object(pattern, verb), governing.mentions, governing.pattern_of
    )
    role = first_target(VERB_TARGETS, own)
    if role.mentions or depth == 0:
        return role
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl", "ccomp", "conj") and is_verb(child):
            role = clause_target(child, governing, depth - 1)
            if role.mentions:
                return role
    return NO_ROLE


@target_rule("protest-purpose")
def _protest_purpose_target(clause: Clause) -> Role | None:
    """ "marched through Minsk in defiance of the Belarusian police": a protest is aimed at
    what its purpose names before any place it happens in."""
    if clause.root != PROTEST_ROOT:
        return None
    return protest_target(clause.host, clause.source, clause.mentions)


@target_rule("first-actor-after-verb")
def _first_actor_after_verb_target(clause: Clause) -> Role | None:
    """ "lifted a curfew in Montenegro": the first actor in the verb's own phrase."""
    return predicate_target(clause.verb, clause.source, clause.mentions, clause.thing)


@target_rule("threat-condition")
def _threat_condition_target(clause: Clause) -> Role | None:
    """ "threatened to strike unless Israel rescinded the annexation"."""
    if clause.root != THREAT_ROOT:
        return None
    return condition_target(clause.host, clause.mentions)


@target_rule("place-of-the-act")
def _place_of_the_act_target(clause: Clause) -> Role | None:
    """ "Chilean troops attacked a house in Valparaiso", "launched an assault in Peru": a
    coercive or violent act that names no one acted on is aimed at the state where it happens
    (parties.yaml ``placed_roots``)."""
    if not clause.placed or not clause.source.mentions:
        return None
    return place_of(clause.host, clause.mentions)


# Whom a verb's action is aimed at, in order of how directly the parse says so.
VERB_TARGETS = (
    "passive-subject.v1",
    "dative.v1",
    "pattern-prep.v1",
    "direct-object.v1",
    "object-owner.v1",
    "target-prep.v1",
    "thing-prep.v1",
    "thing-owner.v1",
)
# Where the verb's own phrase names no one: the clause it governs.
CLAUSE_TARGETS = ("demanded-clause-subject.v1", "clause-target.v1")
# Tried once the source is settled, since they must not take it for the target.
TARGETS_BESIDE_THE_SOURCE = (
    "protest-purpose.v1",
    "first-actor-after-verb.v1",
    "threat-condition.v1",
    "place-of-the-act.v1",
)


@noun_target_rule("noun-prep")
def _noun_prep_target(phrase: NounPhrase) -> Role | None:
    """ "an attack on Israel", "talks with Egypt": the noun's own preposition; of "a meeting
    between X and Y", Y (X is the source); "a halt of rail traffic with Latvia": whom what it
    acts on is with."""
    pattern, mentions, noun = phrase.pattern, phrase.mentions, phrase.noun
    preps = (*pattern.target_preps, "of") if pattern.of_role == "target" else pattern.target_preps
    for prep, head in prep_objects(noun, preps):
        role = role_of(mentions, head, f"prep: {prep}")
        if role.mentions:
            if prep == "between" and not pattern.between_targets:
                return Role(role.mentions[1:], role.via) if len(role.mentions) > 1 else None
            return role
    if pattern.of_role is None:
        for _, thing in prep_objects(noun, ("of",)):
            role = first_role(mentions, prep_objects(thing, OBJECT_TARGET_PREPS), "its prep")
            if role.mentions:
                return role
    return None


@noun_target_rule("noun-clause-subject")
def _noun_clause_subject_target(phrase: NounPhrase) -> Role | None:
    """ "its demand that Israel ease restrictions": the clause's subject is addressed."""
    for clause in phrase.noun.children:
        if clause.dep_ in ("acl", "ccomp") and first_child(clause, "nsubj") is not None:
            return role_of(phrase.mentions, first_child(clause, "nsubj"), "subject of its clause")
    return None


@noun_target_rule("support-verb-prep")
def _support_verb_prep_target(phrase: NounPhrase) -> Role | None:
    """ "issued a reminder to Iraq": whom the support verb addresses."""
    if phrase.carrier is None:
        return None
    pairs = prep_objects(phrase.carrier, phrase.pattern.target_preps)
    return first_role(phrase.mentions, pairs, "support verb")


@noun_target_rule("spelled-clause-subject")
def _spelled_clause_subject_target(phrase: NounPhrase) -> Role | None:
    """ "repeated its demand on Friday that Turkey lift ...": an appeal or demand addresses
    the subject of the clause that spells it out."""
    spelled = phrase.spelled_out
    if spelled is None or phrase.pattern.code[:2] not in ADDRESSING_ROOTS:
        return None
    return role_of(phrase.mentions, first_child(spelled, "nsubj"), "subject of its clause")


@noun_target_rule("protest-noun-purpose")
def _protest_noun_purpose_target(phrase: NounPhrase) -> Role | None:
    """ "staged a hunger strike in protest against the police": whom the purpose of a protest
    names, hung from the noun or from the verb that carries it."""
    if phrase.carrier is None or phrase.pattern.code[:2] != PROTEST_ROOT:
        return None
    role = protest_target(phrase.noun, phrase.source, phrase.mentions)
    return role if role.mentions else protest_target(phrase.carrier, phrase.source, phrase.mentions)


# Whom a nominal event is aimed at: its own phrase first, then the verb that carries it.
NOUN_TARGETS = (
    "noun-prep.v1",
    "noun-clause-subject.v1",
    "support-verb-prep.v1",
    "spelled-clause-subject.v1",
)


@noun_target_rule("place-of-the-noun-event")
def _place_of_the_noun_event_target(phrase: NounPhrase) -> Role | None:
    """ "launched an assault in Peru": a nominal act of coercion or violence that names no
    one acted on is aimed at the state where it happens, as its verb would be."""
    if not phrase.placed or not phrase.source.mentions:
        return None
    return place_of(phrase.noun, phrase.mentions)


# Tried once the source is settled, since they must not take it for the target.
NOUN_TARGETS_BESIDE_THE_SOURCE = ("protest-noun-purpose.v1", "place-of-the-noun-event.v1")


def actors_of(role: Role) -> Iterator[Actor]:
    for span in role.mentions:
        actor = actor_of(span)
        yield from span._.members or ((actor,) if actor is not None else ())


def countries_of(role: Role) -> set[str]:
    return {actor.country for actor in actors_of(role) if actor.country}


def without_self(source: Role, target: Role) -> tuple[Role, Role]:
    """Drop a target mention that is the source or its actor ("Greece ... its partners")."""
    kept = tuple(
        span
        for span in target.mentions
        if not any(same_actor(span, own) for own in source.mentions)
    )
    return source, replace(target, mentions=kept) if kept else NO_ROLE


# Prepositions that say where an act happens ("jailed in Kenya", "near the town of").
PLACE_PREPOSITIONS = (
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "around",
    "across",
    "throughout",
    "within",
)


def place_of(word: Token, mentions: MentionIndex) -> Role | None:
    """The state where the act a word names happens, as its doer left unnamed: the place of
    its "in X", else the one country its sentence is placed in (parties.yaml
    ``placed_roots``)."""
    here = (mentions.at(place) for _, place in prep_objects(word, PLACE_PREPOSITIONS))
    places = [span for span in here if span is not None and is_place(span)]
    country = (word.doc._.sentence_countries or {}).get(word.sent.start)
    if not places and country:
        places = [
            span
            for span in word.doc._.actor_mentions or ()
            if span.sent == word.sent
            and is_place(span)
            and countries_of(Role((span,), "")) == {country}
        ]
    if places:
        return Role(tuple(places[:1]), "place of the act")
    return None if country else dateline_place(word.doc)


def dateline_place(doc: Doc) -> Role | None:
    """Where a wire story was filed, as its dateline names it ("KABUL (Reuters) -"), for an
    act whose sentence names no place."""
    return Role((doc._.dateline,), "place of the dateline") if doc._.dateline else None


def is_place(span: Span) -> bool:
    """Whether a mention of a country says where something happens: the object of "in",
    "near", ... or a word modifying it ("in the Russian town of Beslan")."""
    actor = actor_of(span)
    token = span.root
    if token.dep_ in ("amod", "compound", "poss"):
        token = token.head
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "in the town of Beslan"
    located = token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS
    return located and actor is not None and bool(actor.country)
