"""Who does what an event says: its source, found by small named rules in the order of the
lists below. Each is registered with ``@source_rule("name")`` as ``name.v1``, the name an event
keeps (``EventAnnotation.source_rule``) and ``tidings explain`` prints: to fix a wrong source,
find the rule that chose it here.

A verb's source is read from its grammar first (``VERB_SOURCES``): the first rule that applies
decides, even when what it points at is no known actor ("was attacked by unknown men": nothing
is sought past the agent). Where that names no one, ``SOURCES_OF_AN_UNNAMED_DOER`` look beside
the clause: the verb that issued what it describes, the means of a violent act. A nominal event's
source (``NOUN_SOURCES``) is read from its own phrase, then from the verb that carries it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tidings.events.roles import (
    MAX_CLIMB,
    NO_ROLE,
    MentionIndex,
    NounPhrase,
    Role,
    RoleRules,
    countries_of,
    first_role,
    place_of,
    role_of,
)
from tidings.events.syntax import (
    RELATIVE_PRONOUN_TAGS,
    SUBJECT_DEPS,
    agent_of,
    first_child,
    first_conjunct,
    is_passive,
    is_relative_passive,
    is_stative,
    is_verb,
    passive_subject,
    prep_objects,
)
from tidings.nlp.annotations import EventActor
from tidings.records import Actor

# Prepositions whose clause the verb's object does: "accused Russia of shelling", "blamed Hamas
# for firing", "charged him with spying".
OBJECT_CONTROL_PREPS = ("of", "for", "with")
# The sector of an armed actor of unknown affiliation (PLOVER's "unknown gunmen").
UNIDENTIFIED_ARMED = "UAF"
# The rule that gives a nominal act of no named doer the state where it happens.
PLACED_NOUN_SOURCE = "place-of-the-noun-event.v1"


@dataclass(frozen=True)
class Predicate:
    """What a verb's source rule reads: the verb, the target as far as known (a controller is
    not taken from the target's side) and the nouns around it the extractor recognised."""

    verb: Token
    mentions: MentionIndex
    target: Role = NO_ROLE
    # The support verb that issued the noun this verb describes ("issued a declaration demanding").
    issuer: Token | None = None
    # What a violent act was done with ("a roadside bomb killed").
    means: Token | None = None
    # Whether an unnamed doer of the act is the state where it happens (parties.yaml).
    placed: bool = False


source_rule = RoleRules[Predicate]()
noun_source_rule = RoleRules[NounPhrase]()


def verb_source(verb: Token, mentions: MentionIndex) -> Role:
    """Who does what a verb says, by its grammar: the subject, the passive agent, a controller."""
    return source_rule.deciding(VERB_SOURCES, Predicate(verb, mentions))


def source_of(predicate: Predicate) -> Role:
    """The source of a verb event: by its grammar, else whatever names an unnamed doer."""
    role = source_rule.deciding(VERB_SOURCES, predicate)
    return role if role.mentions else source_rule.first(SOURCES_OF_AN_UNNAMED_DOER, predicate)


def noun_source(phrase: NounPhrase) -> Role:
    """The source of a nominal event: its own phrase first, then the verb that carries it."""
    return noun_source_rule.first(NOUN_SOURCES, phrase)


@source_rule("passive-agent")
def _passive_agent_source(predicate: Predicate) -> Role | None:
    """ "Israel was condemned by Egypt": the agent of an act undergone."""
    verb = predicate.verb
    agent = agent_of(verb)
    if not is_passive(verb) or (agent is None and is_stative(verb)):
        return None
    return role_of(predicate.mentions, agent, "passive agent (by)")


@source_rule("stative-passive-subject")
def _stative_passive_subject_source(predicate: Predicate) -> Role | None:
    """ "Vietnam is committed to opening": a state of the subject, not done to it."""
    verb = predicate.verb
    if not is_passive(verb) or agent_of(verb) is not None or not is_stative(verb):
        return None
    return role_of(
        predicate.mentions, first_child(verb, "nsubjpass"), "subject of a stative passive"
    )


@source_rule("subject")
def _subject_source(predicate: Predicate) -> Role | None:
    """ "Egypt condemned Israel"; of a relative clause, the noun it describes."""
    verb = predicate.verb
    if is_passive(verb) or first_child(verb, *SUBJECT_DEPS) is None:
        return None
    return clause_subject(verb, predicate.mentions)


@source_rule("described-noun")
def _described_noun_source(predicate: Predicate) -> Role | None:
    """ "troops firing on the crowd": the noun a participle describes."""
    verb = predicate.verb
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    return role_of(predicate.mentions, verb.head, "noun the participle describes")


@source_rule("controller")
def _controller_source(predicate: Predicate) -> Role | None:
    """The implicit subject of a subjectless clause, from the clauses that govern it: "called on
    Hamas to accept": the object controls; "is expected to travel": the subject does."""
    return plausible_controller(predicate.verb, predicate.target, predicate.mentions)


@source_rule("issuing-verb")
def _issuing_verb_source(predicate: Predicate) -> Role | None:
    """ "issued a declaration demanding ...": whoever issued it demands, as its own clause
    names them; not a controller of the issuing verb ("plans to intensify efforts to hold")."""
    if predicate.issuer is None:
        return None
    role = verb_source(predicate.issuer, predicate.mentions)
    return None if role.rule == "controller.v1" else role


@source_rule("means")
def _means_source(predicate: Predicate) -> Role | None:
    """ "wounded in an Israeli air strike": whoever the means names used it."""
    return role_of(predicate.mentions, predicate.means, "means")


@source_rule("party-to-the-means")
def _party_to_the_means_source(predicate: Predicate) -> Role | None:
    """ "wounded in clashes with Israeli troops", "killed in an attack by rebels"."""
    if predicate.means is None:
        return None
    parties = prep_objects(predicate.means, ("with", "by"))
    return first_role(predicate.mentions, parties, "party to the means")


@source_rule("unidentified-perpetrator")
def _unidentified_perpetrator_source(predicate: Predicate) -> Role | None:
    """ "a roadside bomb killed three soldiers": whoever used the means, an unidentified armed
    actor of the country the sentence is in."""
    means = predicate.means
    if means is None or predicate.mentions.at(means) is not None:
        return None
    doc = means.doc
    country = (doc._.sentence_countries or {}).get(means.sent.start)
    span = doc[means.left_edge.i : means.i + 1]
    rule = "unidentified" + ("+sentence-country" if country else "")
    span._.event_actor = EventActor(Actor(span.text, country, (UNIDENTIFIED_ARMED,)), rule)
    return Role((span,), "unidentified perpetrator (the means)")


@source_rule("place-of-the-act")
def _place_of_the_act_source(predicate: Predicate) -> Role | None:
    """ "was jailed in Equatorial Guinea", "a Briton who was kidnapped in Iraq": an act
    undergone with no agent named is done by the state where it happens (``place_of``); not
    in a relative clause about something else than the one who underwent it, which tells the
    background of what it describes ("a town where 28 people have been killed")."""
    verb = predicate.verb
    if not predicate.placed or not is_passive(verb) or agent_of(verb) is not None:
        return None
    background = verb.dep_ == "relcl" and not is_relative_passive(verb)
    return None if background else place_of(verb, predicate.mentions)


# Who does what a verb says, by its grammar: the first rule that applies decides.
VERB_SOURCES = (
    "passive-agent.v1",
    "stative-passive-subject.v1",
    "subject.v1",
    "described-noun.v1",
    "controller.v1",
)
# Where the grammar names no known actor: the first of these that names one.
SOURCES_OF_AN_UNNAMED_DOER = (
    "issuing-verb.v1",
    "means.v1",
    "party-to-the-means.v1",
    "unidentified-perpetrator.v1",
    "place-of-the-act.v1",
)


@noun_source_rule("noun-modifier")
def _noun_modifier_source(phrase: NounPhrase) -> Role | None:
    """ "the Hamas attack", "Israel's offensive": the actor that modifies the noun."""
    for child in phrase.noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            role = role_of(phrase.mentions, child, f"modifier ({child.dep_})")
            if role.mentions:
                return role
    return None


@noun_source_rule("noun-agent-prep")
def _noun_agent_prep_source(phrase: NounPhrase) -> Role | None:
    """ "an attack by rebels"; of "a meeting between X and Y", X (Y is the target)."""
    pattern = phrase.pattern
    preps: tuple[str, ...] = ("by",) if pattern.between_targets else ("by", "between")
    preps += ("of",) if pattern.of_role == "source" else ()
    for prep, head in prep_objects(phrase.noun, preps):
        role = role_of(phrase.mentions, head, f"prep: {prep}")
        if role.mentions:
            return Role(role.mentions[:1], role.via) if prep == "between" else role
    return None


@noun_source_rule("participant-subject")
def _participant_subject_source(phrase: NounPhrase) -> Role | None:
    """ "were engaged in clashes", "took part in the talks": whoever takes part, active or not."""
    if phrase.carrier is None or first_conjunct(phrase.noun).dep_ != "pobj":
        return None
    return clause_subject(phrase.carrier, phrase.mentions)


@noun_source_rule("support-verb-source")
def _support_verb_source(phrase: NounPhrase) -> Role | None:
    """ "Hamas launched an attack": who does what the support verb says."""
    if phrase.carrier is None or first_conjunct(phrase.noun).dep_ not in ("dobj", "pobj"):
        return None
    return verb_source(phrase.carrier, phrase.mentions)


@noun_source_rule("support-verb-agent")
def _support_verb_agent_source(phrase: NounPhrase) -> Role | None:
    """ "an attack was launched by rebels": the agent of the passive support verb."""
    if phrase.carrier is None or first_conjunct(phrase.noun).dep_ in ("dobj", "pobj"):
        return None
    return role_of(phrase.mentions, agent_of(phrase.carrier), "agent of the support verb")


@noun_source_rule("place-of-the-noun-event")
def _place_of_the_noun_event_source(phrase: NounPhrase) -> Role | None:
    """ "the arrest of two Britons in Kenya", "an attack on a police post in Baghdad": a
    nominal act that names no doer is done by the state where it happens, as an agentless
    passive is (parties.yaml ``placed_roots``)."""
    return place_of(phrase.noun, phrase.mentions) if phrase.placed else None


# Who a nominal event's source is: its own phrase first, then the verb that carries it.
NOUN_SOURCES = (
    "noun-modifier.v1",
    "noun-agent-prep.v1",
    "participant-subject.v1",
    "support-verb-source.v1",
    "support-verb-agent.v1",
    PLACED_NOUN_SOURCE,
)


def clause_subject(verb: Token, mentions: MentionIndex) -> Role:
    """The actor(s) a clause's subject names, resolving relative pronouns to their noun."""
    subject = first_child(verb, *SUBJECT_DEPS)
    if subject is None:
        return NO_ROLE
    described = first_child(subject, "nsubj") if subject.tag_ == "VBG" else None
    if described is not None:
        # "The charity working in Yemen said": the parser may take the participle for the
        # subject, and the noun it describes for the participle's own subject.
        subject = described
    if subject.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == "relcl":
        return role_of(mentions, verb.head, "relative clause antecedent")
    return role_of(mentions, subject, subject.dep_)


def controller_candidates(verb: Token, mentions: MentionIndex) -> list[Role]:
    """Candidate controllers, nearest first, climbing only through clauses.

    "called on Hamas to accept": the object controls; "is expected to travel", "spent months
    trying to negotiate": the subject does. A clause whose subject names no known actor ends the
    climb: its unknown subject is the controller ("the camp was attacked by militiamen, killing
    156": not the reporter above).
    """
    found: list[Role] = []
    token = verb
    for _ in range(MAX_CLIMB):
        link, head = token.dep_, token.head
        if link == "xcomp" and head.dep_ == "acomp" and is_verb(head.head):
            head = head.head  # "Syria is willing to withdraw": the copula's subject controls
        preposition = head.lower_
        if link == "pcomp" and head.dep_ == "prep" and is_verb(head.head):
            link, head = "prep", head.head  # "after meeting X": the clause above controls
        elif link not in ("xcomp", "ccomp", "advcl", "conj") or not is_verb(head):
            break
        object_control = link == "prep" and preposition in OBJECT_CONTROL_PREPS
        if link == "xcomp" or object_control:
            # "called on Hamas to accept", "accused Russia of shelling": the object acts, and
            # in the passive its subject ("Russia was accused by Ukraine of shelling").
            passive = object_control and is_passive(head)
            controller = passive_subject(head) if passive else first_child(head, "dobj")
            if controller is None:
                controller = next((obj for _, obj in prep_objects(head, ("on",))), None)
            role = role_of(mentions, controller, "controller (object of the governing verb)")
            if role.mentions:
                found.append(role)
        subject = controlling_subject(head, link)
        if subject is not None:
            role = (
                clause_subject(head, mentions)
                if subject.dep_ == "nsubj"
                else role_of(mentions, subject, subject.dep_)
            )
            if not role.mentions:
                break
            found.append(Role(role.mentions, f"controller ({role.via} of {head.text})"))
        token = head
    return found


def controlling_subject(head: Token, link: str) -> Token | None:
    """The token that controls a subjectless clause under ``head`` reached by ``link``."""
    if not is_passive(head):
        return first_child(head, "nsubj")
    agent = agent_of(head)
    # "was attacked by militiamen, killing...": the agent acts; "is expected to travel": the
    # passive subject does.
    if link in ("advcl", "prep") and agent is not None:
        return agent
    return first_child(head, "nsubjpass")


def plausible_controller(verb: Token, target: Role, mentions: MentionIndex) -> Role:
    """The nearest controller that is not on the target's side: "he said Israel had accepted
    ... after meeting Netanyahu" is his meeting, since a country does not meet its own leader."""
    candidates = controller_candidates(verb, mentions)
    targets = countries_of(target)
    plausible = [role for role in candidates if not (countries_of(role) & targets)]
    return (plausible or candidates or [NO_ROLE])[0]
