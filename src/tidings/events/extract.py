"""Find events in a parsed Doc: triggers from the lexicon, actors through the dependency parse.

A verb trigger's source is its subject (the "by" agent in the passive, the controller of a
"to ..." clause: "Blinken is expected to travel", "called on Hamas to accept"); its target is
the object, a prepositional object ("travel to Egypt", "meet with"), or the actor who owns or made
the object ("rejected Israel's demand", "accepted the proposal brokered by the United States").
A nominal trigger ("the Hamas attack on", "a meeting with") takes its actors from its modifiers
or from the support verb that carries it ("launched an attack").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from tidings.events.anchors import anchor_place, anchor_time
from tidings.events.factuality import Judgement, factuality_of, is_purpose, is_to_clause
from tidings.events.lexicon import (
    Lexicon,
    NounPattern,
    VerbPattern,
    inflections,
    verb_forms,
    word_forms,
)
from tidings.nlp.annotations import (
    EventActor,
    EventAnnotation,
    QuoteAnnotation,
    actor_modifiers,
    actor_of,
    owners_it_stands_for,
    resolved_by_of,
)
from tidings.records import Actor, Factuality

# Prepositions whose object owns or made a thing: "the demand of Hamas", "an offer from Israel".
OWNER_PREPS = ("of", "from", "by")
# Prepositions on a nominal object that point at the one acted on: "held talks with Israel".
OBJECT_TARGET_PREPS = ("with", "to", "against", "on", "between", "toward", "towards", "into")
RELATIVE_PRONOUN_TAGS = ("WDT", "WP", "WP$")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Participles that describe a noun ("the proposed deal", "targeted killings") are not events.
DESCRIPTIVE_DEPS = ("amod",)
MAX_CLIMB = 8
# Appeals and demands address the subject of their "that ..." clause; complaints and
# accusations are aimed at it ("Iraq violated the ceasefire, Iran complained").
ADDRESSING_ROOTS = ("02", "10", "11")
# The root of protests, whose target their purpose names ("to demand reforms from X").
PROTEST_ROOT = "14"
# Appeals and demands: what a protest asks for is its topic, not an event of its own (PLOVER).
REQUEST_ROOTS = frozenset({"02", "10"})
# The root of threats, aimed at whom their condition names ("... unless Israel rescinds").
THREAT_ROOT = "13"
CONDITION_MARKS = ("if", "unless")
# Nouns of an "in ..." phrase that names whom a protest is against ("in defiance of").
PROTEST_MOTIVES = ("protest", "defiance", "opposition")
# Roots of violent acts, whose means may stand for an unnamed perpetrator ("a bomb killed").
VIOLENT_ROOTS = ("18", "19", "20")
# The sector of an armed actor of unknown affiliation (PLOVER's "unknown gunmen").
UNIDENTIFIED_ARMED = "UAF"
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
# An xcomp condition met by any clause the verb governs (verbs.yaml).
ANY_CLAUSE = "*"
# Prepositions whose clause the verb's object does: "accused Russia of shelling", "blamed Hamas
# for firing", "charged him with spying".
OBJECT_CONTROL_PREPS = ("of", "for", "with")
# Adjectives that code an event like a verb ("is willing to withdraw", "was optimistic").
ADJECTIVE_DEPS = ("acomp", "xcomp", "ROOT", "conj", "ccomp")
# Clauses under a coded trigger that spell out its content ("agreed to meet", "demand that").
EMBEDDED_DEPS = ("xcomp", "ccomp", "acl")


@dataclass(frozen=True)
class Role:
    """Who fills a role and how the parse got there (for ``tidings explain``)."""

    mentions: tuple[Span, ...]
    via: str


NO_ROLE = Role((), "")


@dataclass(frozen=True)
class Candidate:
    """A trigger with the pattern that fired and its participants, before factuality."""

    trigger: Token
    rule: str
    code: str
    source: Role
    target: Role
    # Tokens whose event this one already codes: the condition object ("accepted the
    # demand"), the attack a violent verb's subject names ("a bombing killed"), or the clause
    # that spells out a nominal event ("reiterated its demand that Israel ease ...").
    consumed: tuple[Token, ...] = ()
    # The pattern lets its "to ..." clause name the subject's own act ("is ready to").
    announces: bool = False
    # The word that announces this act as its subject's own ("ready"): coded as an intent.
    announcer: Token | None = None
    # The pattern that fired names the act of the "to ..." clause ("agreed to withdraw").
    names_clause: bool = False


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


def _among(values: numpy.ndarray, sorted_ids: numpy.ndarray) -> numpy.ndarray:
    """Which values occur in a sorted id array (a binary search; no re-sorting per Doc)."""
    positions = numpy.minimum(numpy.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    found: numpy.ndarray = sorted_ids[positions] == values
    return found


def _child(token: Token, *deps: str) -> Token | None:
    return next((child for child in token.children if child.dep_ in deps), None)


def _particle(verb: Token) -> Token | None:
    """A verb's particle, also the "out" of "forced the agency out of the country", which the
    parser takes for a preposition."""
    particle = _child(verb, "prt")
    if particle is not None:
        return particle
    out_of = (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "out")
    return next((c for c in out_of if any(g.lower_ == "of" for g in c.children)), None)


def _prep_objects(token: Token, preps: Sequence[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging off a token, for the given prepositions."""
    for child in token.children:
        if (
            child.dep_ in ("prep", "agent", "dative")
            and child.lower_ in preps
            and child.tag_ != "TO"  # an infinitive's "to" the parser took for a preposition
            and not _is_topic(child)
        ):
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            stray = _stray_object(child) if not objects else None
            for obj in objects if stray is None else [stray]:
                yield child.lower_, obj


def _stray_object(prep: Token) -> Token | None:
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


def _is_topic(prep: Token) -> bool:
    """Whether a preposition gives the subject matter of the noun it hangs off (TOPIC_NOUNS)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in TOPIC_PREPS
        and prep.head.lemma_.lower() in TOPIC_NOUNS
    )


def _is_passive(verb: Token) -> bool:
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    shared = _sharing_passive(verb)
    return shared is not None and _is_passive(shared)


def _sharing_passive(verb: Token) -> Token | None:
    """The participle whose passive a joined one shares ("were tortured and killed": the
    passive of "tortured"), else None."""
    return verb.head if verb.dep_ == "conj" and verb.tag_ == "VBN" else None


class EventExtractor:
    """Codes the events of a Doc from a Lexicon, reading the other stages' annotations; what it
    adds to an actor it sets on ``span._.event_actor``, never on the actor stage's own."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        words = {key.split()[0] for key in (*lexicon.verbs, *lexicon.nouns)}
        words |= {key.split()[-1] for key in lexicon.nouns}
        # String ids are hashes of the text, the same in every vocabulary.
        strings = StringStore()
        forms = {form for word in words for form in inflections(word)}
        self._lemma_ids = numpy.array(sorted(strings.add(w) for w in words), dtype=numpy.uint64)
        self._form_ids = numpy.array(sorted(strings.add(f) for f in forms), dtype=numpy.uint64)

    def candidates(self, doc: Doc) -> list[Token]:
        """Tokens whose lemma or form is in the lexicon (one vectorised pass, for speed)."""
        if len(doc) == 0:
            return []
        ids = doc.to_array([LOWER, LEMMA])
        hits = _among(ids[:, 0], self._form_ids) | _among(ids[:, 1], self._lemma_ids)
        found = [doc[int(i)] for i in numpy.nonzero(hits)[0]]
        # "a mediation effort": the head noun carries the event its modifier names.
        heads = [t.head for t in found if t.dep_ == "compound"]
        return sorted(set(found) | set(heads), key=lambda t: t.i)

    def __call__(self, doc: Doc) -> list[EventAnnotation]:
        """The events of a Doc, in text order."""
        mentions = MentionIndex(doc)
        tokens = self.candidates(doc)
        verbal = [c for c in (self._verb_event(t, mentions) for t in tokens) if c is not None]
        triggers = {c.trigger.i for c in verbal}
        consumed = {token.i for c in verbal for token in c.consumed}
        nominal = [
            c
            for t in tokens
            if t.i not in consumed and t.i not in triggers
            for c in [self._noun_event(t, mentions, triggers)]
            if c is not None
        ]
        triggers |= {c.trigger.i for c in nominal}
        # "staged a hunger strike in protest against X", "fired in retaliation": the motive of
        # an act already coded, not an event of its own.
        nominal = [c for c in nominal if not _names_a_motive(c.trigger, triggers)]
        # An event in the clause that spells out another ("called on Hamas to accept", "the
        # demand that Israel ease") is that event's content, not an event of its own.
        spelled_out = {token.i for c in nominal for token in c.consumed}
        protests = {c.trigger.i for c in verbal + nominal if c.code[:2] == PROTEST_ROOT}
        announcing = {c.trigger.i for c in verbal if c.announces}
        # "opened fire to disperse the crowd": what force is used for is an act of its own.
        force = {c.trigger.i for c in verbal + nominal if c.code[:2] in VIOLENT_ROOTS}

        def spells_out_another(trigger: Token) -> bool:
            head = trigger.head.i
            purpose_of_force = is_purpose(trigger) and head in force
            return _spells_out(trigger) and head in triggers and not purpose_of_force

        verbal = [
            c
            for c in verbal
            # An act under "ready to" is announced or dropped by _announce_acts.
            if self.announcer_of(c.trigger) in announcing
            or (
                not spells_out_another(c.trigger)
                and c.trigger.i not in spelled_out
                and not (c.code[:2] in REQUEST_ROOTS and _is_topic_of(c.trigger, protests))
            )
        ]
        verbal, nominal = self._announce_acts(verbal, nominal, announcing)
        # An act that waited for an announcement naming its actor, and got none, names no one.
        verbal = [c for c in verbal if c.source.mentions or c.target.mentions]
        verbal = _with_continued_targets(verbal + nominal, verbal)
        events: list[EventAnnotation] = []
        for candidate in sorted(verbal + nominal, key=lambda c: c.trigger.i):
            events.extend(self._annotations(doc, candidate, mentions))
        for event in events:
            self._give_partner_country(event.source, event.target, event.cameo_code)
            self._give_partner_country(event.target, event.source, event.cameo_code)
        return events

    def _announce_acts(
        self, verbal: list[Candidate], nominal: list[Candidate], announcing: set[int]
    ) -> tuple[list[Candidate], list[Candidate]]:
        """Code "is ready to send troops" as the act it announces, in place of the readiness,
        when the act has an intent or threat code and is not refused ("is not ready to"); a
        verbal act left under an announcing word is its content."""
        by_trigger = {c.trigger.i: c for c in verbal}
        announcer: dict[int, Candidate] = {}
        for act in verbal + nominal:
            index = self.announcer_of(act.trigger)
            head = by_trigger.get(index) if index is not None else None
            if (
                head is not None
                and head.announces
                and self.intent_of(act.code) is not None
                and factuality_of(act.trigger, self.lexicon.cues).factuality
                is not Factuality.NEGATED
                and (head.source.mentions or act.source.mentions or act.target.mentions)
            ):
                announcer[act.trigger.i] = head
        replaced = {head.trigger.i for head in announcer.values()}

        def announced(c: Candidate) -> Candidate:
            head = announcer.get(c.trigger.i)
            return _announced(c, head) if head is not None else c

        verbal = [
            announced(c)
            for c in verbal
            if c.trigger.i in announcer
            or (c.trigger.i not in replaced and self.announcer_of(c.trigger) not in announcing)
        ]
        return verbal, [announced(c) for c in nominal]

    def _give_partner_country(self, party: Span | None, partner: Span | None, code: str) -> None:
        """An actor of no written country is of its partner's country where it is domestic and
        one of the two is a court or the police ("A Chilean court summoned former president
        Juan Ortiz": Ortiz is Chilean), or where the two contend as a government and its
        own people (parties.yaml)."""
        if party is None or partner is None:
            return
        mine, theirs = actor_of(party), actor_of(partner)
        if mine is None or theirs is None:
            return
        if mine.country or mine.known_id or not mine.sectors or theirs.country is None:
            return  # a known actor of no country has none: "al-Qaeda"
        parties = self.lexicon.parties
        own, other = set(mine.sectors), set(theirs.sectors)
        domestic = own <= parties.domestic
        beside_authority = domestic and bool(parties.home_bound & (own | other))
        contending = code[:2] in parties.contention_roots and bool(
            (domestic and other & parties.governing)
            or (own & parties.governing and other and other <= parties.domestic)
        )
        if beside_authority or contending:
            rule = f"{resolved_by_of(party)}+partner-country"
            party._.event_actor = EventActor(replace(mine, country=theirs.country), rule)

    # --- triggers ---------------------------------------------------------------------------

    def matching_verb_pattern(self, verb: Token) -> VerbPattern | None:
        """The most specific verb pattern whose conditions hold for this verb, if any."""
        adjective = verb.tag_ == "JJ" and verb.dep_ in ADJECTIVE_DEPS
        if not (verb.tag_.startswith("VB") or adjective) or verb.dep_ in DESCRIPTIVE_DEPS:
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return None
        if verb.tag_ in ("VBN", "VBG") and any(c.dep_ == "det" for c in verb.children):
            return None  # "evacuated the wounded": a participle as a noun names people
        particle = _particle(verb)
        patterns: tuple[VerbPattern, ...] = ()
        for form in word_forms(verb.lemma_, verb.text):
            patterns = self.lexicon.verb_patterns(
                form, particle.lower_ if particle is not None else None
            )
            if patterns:
                break
        fitting = [p for p in patterns if _conditions_hold(p, verb)]
        return max(fitting, key=lambda p: p.specificity, default=None)

    def _verb_event(self, verb: Token, mentions: MentionIndex) -> Candidate | None:
        pattern = self.matching_verb_pattern(verb)
        if pattern is None:
            return None
        obj = _child(verb, "dobj")
        if (
            pattern.specificity == 0
            and obj is not None
            and self._is_support_verb(verb)
            and self.matching_noun_pattern(obj) is not None
        ):
            # "ordered the arrest of", "imposed blockades": the noun names the event.
            return None
        thing = _condition_object(pattern, verb)
        # "Syria is willing to withdraw": the adjective's subject is the copula's.
        host = verb.head if verb.dep_ == "acomp" else verb
        source = _verb_source(host, mentions)
        issued = verb.head
        if (
            not source.mentions
            and verb.dep_ == "acl"
            and issued.dep_ == "dobj"
            and self._is_support_verb(issued.head)
        ):
            # "issued a declaration demanding ...": whoever issued it demands.
            source = _verb_source(issued.head, mentions)
        target = _verb_target(verb, pattern, thing, mentions)
        clause = _child(verb, "xcomp", "ccomp")
        if not target.mentions and clause is not None:
            if pattern.code[:2] in ADDRESSING_ROOTS:
                # "demanded that the DPRK forsake ...": the clause's subject is addressed.
                target = _role(mentions, _child(clause, "nsubj"), "subject of the demanded")
            if not target.mentions:
                # "threatened to break relations with Russia": the target is in the clause.
                target = self._clause_target(clause, mentions)
        if source.via.startswith("controller"):
            source = _plausible_controller(host, target, mentions)
        consumed: tuple[Token, ...] = (thing,) if thing is not None else ()
        if pattern.code[:2] in VIOLENT_ROOTS:
            means = self._means(host)
            if means is not None:
                consumed += (means,)
                if not source.mentions:
                    # "wounded in an Israeli air strike": whoever the means names used it.
                    source = _role(mentions, means, "means")
                if not source.mentions:
                    # "wounded in clashes with Israeli troops", "killed in an attack by rebels".
                    parties = _prep_objects(means, ("with", "by"))
                    source = _first_role(mentions, parties, "party to the means")
                if not source.mentions:
                    source = self._unidentified_perpetrator(means, mentions)
        source, target = _without_self(source, target)
        if not target.mentions and pattern.code[:2] == PROTEST_ROOT:
            # "marched through Minsk in defiance of the Belarusian police": a protest is
            # aimed at what its purpose names before any place it happens in.
            target = _protest_target(host, source, mentions)
        if not target.mentions:
            target = _predicate_target(verb, source, mentions, thing)
        if not target.mentions and pattern.code[:2] == THREAT_ROOT:
            target = _condition_target(host, mentions)
        if pattern.inverse:
            source, target = target, source
        if pattern.attributed:
            # "the ministry said Houthi fighters were responsible": it accuses them.
            speaker = self.reporter(verb, mentions)
            source, target = Role((speaker,) if speaker is not None else (), "speaker"), source
        source, target = _without_self(source, target)
        if not source.mentions and not target.mentions and self.announcer_of(verb) is None:
            return None  # an announced act takes its actor from the announcement
        return Candidate(
            verb,
            pattern.rule,
            pattern.code,
            source,
            target,
            consumed,
            pattern.announces,
            names_clause=bool(pattern.xcomps),
        )

    def _clause_target(self, clause: Token, mentions: MentionIndex, depth: int = 3) -> Role:
        """The target of a clause, by its own pattern where it has one ("agreed to send troops
        to Iraq": Iraq, not the troops), or of the clauses it governs ("ready to send
        equipment to help protect Kuwait")."""
        pattern = self.matching_verb_pattern(clause) or _PLAIN
        thing = _condition_object(pattern, clause)
        role = _verb_target(clause, pattern, thing, mentions)
        if role.mentions or depth == 0:
            return role
        for child in clause.children:
            if child.dep_ in ("xcomp", "advcl", "ccomp", "conj") and _is_verb(child):
                role = self._clause_target(child, mentions, depth - 1)
                if role.mentions:
                    return role
        return NO_ROLE

    def announcer_of(self, trigger: Token) -> int | None:
        """The index of the word whose "to ..." clause an act is ("ready" in "ready to send
        troops", and in "ready to launch an offensive" through the support verb, in "prepared
        to resume shelling" through the aspectual verb), or the clause of its object ("reached
        an agreement to release prisoners")."""
        clause = trigger.head if trigger.dep_ == "dobj" else trigger
        if clause.dep_ == "acl" and is_to_clause(clause) and clause.head.dep_ == "dobj":
            return clause.head.head.i
        aspectual = self.lexicon.cues.aspectual_verbs
        while clause.dep_ == "xcomp" and clause.head.dep_ == "xcomp":
            if clause.head.lemma_.lower() not in aspectual:
                break
            clause = clause.head
        return clause.head.i if clause.dep_ == "xcomp" else None

    def _unidentified_perpetrator(self, means: Token, mentions: MentionIndex) -> Role:
        """Whoever used the means that a violent verb's subject names ("a roadside bomb killed
        three soldiers"): an unidentified armed actor, of the country the sentence is in."""
        if mentions.at(means) is not None:
            return NO_ROLE
        doc = means.doc
        country = (doc._.sentence_countries or {}).get(means.sent.start)
        span = doc[means.left_edge.i : means.i + 1]
        rule = "unidentified" + ("+sentence-country" if country else "")
        span._.event_actor = EventActor(Actor(span.text, country, (UNIDENTIFIED_ARMED,)), rule)
        return Role((span,), "unidentified perpetrator (the means)")

    def _means(self, verb: Token) -> Token | None:
        """What a violent verb says the act was done with: its subject ("a bomb killed"), or
        in the passive its agent or "in" object ("were killed by / in a car bomb explosion")."""
        if _is_passive(verb):
            found = [_agent(verb), *(obj for _, obj in _prep_objects(verb, ("in",)))]
        else:
            found = [_child(verb, "nsubj")]
        return next((n for n in found if n is not None and self._names_means(n)), None)

    def _names_means(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.lexicon.means or any(
            p.code[:2] in VIOLENT_ROOTS for p in self.lexicon.noun_patterns(lemma)
        )

    def matching_noun_pattern(self, noun: Token) -> NounPattern | None:
        """The noun pattern for a noun (a two-word compound such as "air strike" first)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = noun.lemma_.lower()
        head = noun.head
        carrier = word_forms(head.lemma_, head.text) if noun.dep_ == "dobj" else ()
        for modifier in noun.children:
            # Two-word event nouns: "air strike", "military operation".
            if modifier.dep_ in ("compound", "amod") and modifier.i == noun.i - 1:
                found = self.lexicon.noun_pattern(f"{modifier.lemma_.lower()} {lemma}", carrier)
                if found:
                    return found
        found = self.lexicon.noun_pattern(lemma, carrier)
        if found:
            return found
        if lemma not in self.lexicon.event_heads:
            return None
        # "a mediation effort", "the aid programme": the modifier names the event.
        for child in noun.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                found = self.lexicon.noun_pattern(child.lemma_.lower(), carrier)
                if found:
                    return found
        return None

    def _noun_event(
        self, noun: Token, mentions: MentionIndex, triggers: set[int]
    ) -> Candidate | None:
        pattern = self.matching_noun_pattern(noun)
        if pattern is None or mentions.at(noun) is not None or noun.dep_ == "compound":
            return None
        # "launched raids and rocket fire": every conjunct hangs from the verb as the first does.
        phrase = _first_conjunct(noun)
        carrier = phrase.head if phrase.dep_ in ("dobj", "nsubjpass") else None
        # The object of a coded verb is what the event is about ("rejected the demand").
        if phrase.dep_ == "dobj" and phrase.head.i in triggers:
            return None
        supported = carrier is not None and self._is_support_verb(carrier)
        if carrier is None:
            carrier = self._participation(phrase)
            supported = carrier is not None
        source = _noun_source(noun, pattern, mentions)
        target = _noun_target(noun, pattern, mentions)
        if not target.mentions:
            # "its demand that Israel ease restrictions": the clause's subject is addressed.
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp") and _child(clause, "nsubj") is not None:
                    target = _role(mentions, _child(clause, "nsubj"), "subject of its clause")
                    break
        content: tuple[Token, ...] = ()
        if supported and carrier is not None:
            if not target.mentions:
                # "issued a reminder to Iraq": whom the support verb addresses.
                preps = pattern.target_preps
                target = _first_role(mentions, _prep_objects(carrier, preps), "support verb")
            # "repeated its demand on Friday that Turkey lift ...": the clause the parser hung
            # from the support verb spells out the noun's event; it addresses its subject.
            spelled = next(
                (c for c in carrier.children if c.dep_ == "ccomp" and c.i > noun.i), None
            )
            if spelled is not None:
                content = (spelled,)
                if not target.mentions and pattern.code[:2] in ADDRESSING_ROOTS:
                    target = _role(mentions, _child(spelled, "nsubj"), "subject of its clause")
            if not source.mentions and phrase.dep_ == "pobj":
                # "were engaged in": whoever takes part, active or not.
                source = _clause_subject(carrier, mentions)
            if not source.mentions:
                if phrase.dep_ in ("dobj", "pobj"):
                    source = _verb_source(carrier, mentions)
                else:
                    source = _role(mentions, _agent(carrier), "agent of the support verb")
            if not target.mentions and pattern.code[:2] == PROTEST_ROOT:
                target = _protest_target(noun, source, mentions)
                target = target if target.mentions else _protest_target(carrier, source, mentions)
        source, target = _without_self(source, target)
        if not source.mentions and not target.mentions:
            return None
        return Candidate(noun, pattern.rule, pattern.code, source, target, content)

    def _participation(self, noun: Token) -> Token | None:
        """The verb through which its subject takes part in a nominal event: "engaged in ethnic
        cleansing", "took part in the protests", "arrived for talks" (nouns.yaml)."""
        if noun.dep_ != "pobj":
            return None
        preposition, verb = noun.head.lower_, noun.head.head
        if verb.lower_ == "part" and verb.dep_ == "dobj":
            verb = verb.head  # "took part in"
        part = _child(verb, "dobj")
        words = verb_forms(verb)
        if part is not None and part.lower_ == "part":
            words |= {f"{form} part" for form in words}
        phrases = {f"{word} {preposition}" for word in words}
        return verb if phrases & self.lexicon.participation else None

    def _is_support_verb(self, verb: Token) -> bool:
        return bool(verb_forms(verb) & self.lexicon.support_verbs)

    # --- annotations ------------------------------------------------------------------------

    def _annotations(
        self, doc: Doc, candidate: Candidate, mentions: MentionIndex
    ) -> Iterator[EventAnnotation]:
        trigger = candidate.trigger
        judgement: Judgement = factuality_of(trigger, self.lexicon.cues)
        code, rule = candidate.code, candidate.rule
        refusal = self.refusal_code(trigger, code, judgement) or self.vowed_not_to(candidate)
        if refusal is not None:
            code, rule = refusal, f"{rule}+refusals.yaml:{code[:2]}"
            judgement = Judgement(Factuality.ASSERTED, "refusal")
        if judgement.attempt and code[:2] in self.lexicon.cues.attempted_roots:
            judgement = Judgement(Factuality.ASSERTED, f"attempted: {judgement.cue}")
        reporter = self.reporter(trigger, mentions)
        as_intent = (
            candidate.announcer is not None
            or self.commits(code, judgement, reporter)
            or self.plans(code, judgement, trigger)
            or self.threatens(code, judgement, trigger, candidate.source, mentions)
        )
        if candidate.announcer is not None:
            # "must be ready to mediate": the intent is as factual as its announcement.
            judgement = factuality_of(candidate.announcer, self.lexicon.cues)
            if judgement.factuality is Factuality.FUTURE:
                judgement = Judgement(Factuality.ASSERTED, f"announced: {judgement.cue}")
        elif as_intent:
            judgement = Judgement(Factuality.ASSERTED, f"committed: {judgement.cue}")
        if as_intent:
            code, rule = self.intent_of(code) or code, f"{rule}+intents.yaml:{code}"
        span = doc[trigger.i : trigger.i + 1]
        when, where = anchor_time(trigger), anchor_place(trigger)
        parties = self.lexicon.parties
        mutual = trigger.lemma_.lower() in parties.mutual_words
        mutual = mutual or _among_themselves(candidate.source, candidate.target)
        target_role = candidate.target
        if _with_one_another(candidate.source, target_role):
            joint = parties.joint_codes.get(code)
            if joint is not None:
                code, rule = joint, f"{rule}+parties.yaml:joint_codes"
            if joint is not None or code[:2] in parties.joint_roots:
                mutual, target_role = True, NO_ROLE
        for source in candidate.source.mentions or (None,):
            own_intent = self.intent_code(code, judgement, source, reporter)
            for target in target_role.mentions or (None,):
                yield EventAnnotation(
                    trigger=span,
                    source=source,
                    target=target,
                    cameo_code=own_intent or code,
                    factuality=Factuality.ASSERTED if own_intent else judgement.factuality,
                    rule=f"{rule}+intents.yaml:{code}" if own_intent else rule,
                    reported_by=reporter if reporter != source else None,
                    when=when,
                    where=where,
                    reciprocal=mutual or (own_intent or code) in parties.mutual_codes,
                )

    def refusal_code(self, trigger: Token, code: str, judgement: Judgement) -> str | None:
        """The reject code for "will not accept" (a cooperative event refused), else None."""
        if (
            judgement.factuality is not Factuality.NEGATED
            or code[:2] not in self.lexicon.refusal_codes
        ):
            return None
        clause = trigger
        while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
            clause = clause.head
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        negated = any(c.dep_ == "neg" for c in clause.children)
        if negated and auxiliaries & self.lexicon.refusing_auxiliaries:
            return self.lexicon.refusal_codes[code[:2]]
        return None

    def vowed_not_to(self, candidate: Candidate) -> str | None:
        """The reject code for an intent whose named act is negated ("vowed not to return the
        Golan Heights": a refusal to yield, not an intent to), else None."""
        clause = _child(candidate.trigger, "xcomp")
        if (
            not candidate.names_clause
            or clause is None
            or not any(child.dep_ == "neg" for child in clause.children)
        ):
            return None
        return self.lexicon.refusal_codes.get(candidate.code[:2])

    def commits(self, code: str, judgement: Judgement, reporter: Span | None) -> bool:
        """Whether an act told in the future tense ("will visit") commits its actor, and so is
        coded as its intent or threat (intents.yaml): a cooperative act whoever tells it, a
        coercive one when no one else is reported to predict it."""
        cues = self.lexicon.cues
        tense = cues.future_auxiliaries | cues.reported_future_modals
        if (
            judgement.factuality is not Factuality.FUTURE
            or (judgement.cue or "").lower() not in tense
        ):
            return False
        root = code[:2]
        return root in self.lexicon.committing_roots or (
            reporter is None and root in self.lexicon.threatening_roots
        )

    def plans(self, code: str, judgement: Judgement, trigger: Token) -> bool:
        """Whether a cooperative or coercive act is what its actor plans or intends ("Greece
        plans to impose restrictions"): its intent or threat, whoever reports the plan; not
        where the plan is denied ("does not plan to")."""
        lexicon = self.lexicon
        planned = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in (
            lexicon.cues.intending_verbs
        )
        return (
            planned
            and judgement.factuality is Factuality.FUTURE
            and code[:2] in lexicon.committing_roots | lexicon.threatening_roots
        )

    def threatens(
        self, code: str, judgement: Judgement, trigger: Token, source: Role, mentions: MentionIndex
    ) -> bool:
        """Whether a coercive act that may happen is made to hang on what another does ("The
        EC may halt mediation if cooperation founders"): a threat (CAMEO 135's example), not a
        mere possibility ("Syria would attack Lebanon if it could")."""
        if (
            judgement.factuality is not Factuality.HYPOTHETICAL
            or (judgement.cue or "").lower() not in self.lexicon.cues.hypothetical_modals
            or code[:2] not in self.lexicon.threatening_roots
        ):
            return False
        for clause in trigger.children:
            if _is_condition(clause):
                subject = _role(mentions, _child(clause, *SUBJECT_DEPS), "condition")
                return not (_countries(subject) & _countries(source)) and not any(
                    _same_actor(span, own) for span in subject.mentions for own in source.mentions
                )
        return False

    def intent_code(
        self, code: str, judgement: Judgement, source: Span | None, reporter: Span | None
    ) -> str | None:
        """The intent code for an actor announcing its own future act, else None."""
        if judgement.factuality is not Factuality.FUTURE or source is None or reporter is None:
            return None
        if not (_same_actor(source, reporter) or _speaks_for(reporter, source)):
            return None
        return self.intent_of(code)

    def intent_of(self, code: str) -> str | None:
        """The intent or threat code for announcing an act of this code (intents.yaml)."""
        for length in (4, 3, 2):
            intent = self.lexicon.intent_codes.get(code[:length])
            if intent is not None:
                return intent
        return None

    def reporter(self, trigger: Token, mentions: MentionIndex) -> Span | None:
        """Who reports the event: the speaker of "X said that ...", or of the quote it is in."""
        cues = self.lexicon.cues
        token = trigger
        for _ in range(MAX_CLIMB):
            head = token.head
            if head == token:
                break
            via = token.dep_
            words = set(word_forms(head.lemma_, head.text))
            speech = via in ("ccomp", "parataxis") and words & cues.speech_verbs
            if speech or (via == "prep" and words & cues.alleging_verbs):
                # "he said that ...", "accused Russia of shelling": who says or alleges it.
                speaker = _verb_source(head, mentions)
                if speaker.mentions:
                    return speaker.mentions[0]
            if via not in (
                "ccomp",
                "xcomp",
                "conj",
                "dobj",
                "pobj",
                "prep",
                "pcomp",
                "advcl",
                "acomp",
            ):
                break
            token = head
        for child in trigger.children:
            if child.dep_ in ("parataxis", "ccomp") and (
                {child.lemma_.lower()} & cues.speech_verbs
            ):
                speaker = _verb_source(child, mentions)
                if speaker.mentions:
                    return speaker.mentions[0]
        return _quote_speaker(trigger)


def _same_actor(one: Span, other: Span) -> bool:
    """Whether two mentions name the same actor ("Egypt said it will ...")."""
    if one == other:
        return True
    first, second = actor_of(one), actor_of(other)
    return first is not None and second is not None and first == second


def _speaks_for(speaker: Span, party: Span) -> bool:
    """Whether a government speaker speaks for a state ("Portugal will support ..., Portuguese
    President Mario Soares said")."""
    voice, state = actor_of(speaker), actor_of(party)
    return (
        voice is not None
        and state is not None
        and state.country is not None
        and voice.country == state.country
        and "GOV" in voice.sectors
        and set(state.sectors) <= {"GOV"}
    )


def _with_continued_targets(every: list[Candidate], verbal: list[Candidate]) -> list[Candidate]:
    """A participle clause that continues an act and names no target of its own ("launched
    rocket fire against the camps, killing 50") acts on the target of the act it continues; an
    act of no target done for a purpose acts on whom the purpose does ("opened fire to disperse
    the demonstrators")."""
    by_trigger = {c.trigger.i: c for c in every}
    for c in every:
        phrase = _first_conjunct(c.trigger)
        if phrase.dep_ == "dobj":
            by_trigger.setdefault(phrase.head.i, c)  # "launched rocket fire": the fire

    def continued(c: Candidate) -> Candidate:
        if c.target.mentions:
            return c
        for clause in c.trigger.children:
            aim = by_trigger.get(clause.i) if is_purpose(clause) else None
            if (
                aim is not None
                and aim.target.mentions
                and _countries(aim.source) <= _countries(c.source)
            ):
                return replace(c, target=Role(aim.target.mentions, f"its aim: {aim.target.via}"))
        if c.trigger.tag_ != "VBG":
            return c
        clause = c.trigger
        while clause.dep_ in ("advcl", "conj") and clause.head != clause:
            clause = clause.head
            head = by_trigger.get(clause.i)
            if head is not None and head.target.mentions:
                if c.source.mentions and _countries(c.source) != _countries(head.source):
                    return c
                via = f"continues {head.trigger.text}: {head.target.via}"
                return replace(c, target=Role(head.target.mentions, via))
        return c

    return [continued(c) for c in verbal]


def _announced(act: Candidate, announcer: Candidate) -> Candidate:
    """The act as the intent of whoever announces it; the act's other participants are whom
    the intent concerns ("ready to host a meeting between A and B": A and B)."""
    if not announcer.source.mentions:
        source, target = act.source, act.target
    else:
        source = announcer.source
        target = Role((*act.source.mentions, *act.target.mentions), act.target.via)
        source, target = _without_self(source, target)
    rule = f"{announcer.rule}+{act.rule}"
    return replace(act, rule=rule, source=source, target=target, announcer=announcer.trigger)


def _spells_out(trigger: Token) -> bool:
    """Whether a clause gives the content or aim of the clause above it ("agreed to meet",
    "telephoned X to discuss")."""
    return trigger.dep_ in EMBEDDED_DEPS or is_purpose(trigger)


def _quote_speaker(trigger: Token) -> Span | None:
    quotes: list[QuoteAnnotation] = trigger.doc._.quotes or []
    for quote in quotes:
        if quote.speaker is not None and any(
            part.start <= trigger.i < part.end for part in quote.content
        ):
            return quote.speaker
    return None


# --- conditions ---------------------------------------------------------------------------------


def _direct_object(verb: Token) -> Token | None:
    if _is_passive(verb):
        return _passive_subject(verb)
    return _child(verb, "dobj")


def _condition_object(pattern: VerbPattern, verb: Token) -> Token | None:
    """The noun a pattern is about: the one an ``object`` condition names, or the object of a
    ``prep`` condition ("called for sanctions"), which is then no event of its own."""
    if not pattern.objects:
        if pattern.preps:
            return next((obj for _, obj in _prep_objects(verb, pattern.preps)), None)
        return None
    candidates: list[Token | None] = [_direct_object(verb)]
    if pattern.preps:
        candidates = [*(obj for _, obj in _prep_objects(verb, pattern.preps)), *candidates]
    for candidate in candidates:
        for noun in _partitive_chain(candidate):
            if _object_words(noun) & pattern.objects:
                return noun
    return None


def _first_conjunct(token: Token) -> Token:
    """The first of a run of conjuncts ("raids" in "raids, shelling and air strikes")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _partitive_chain(noun: Token | None) -> Iterator[Token]:
    """A noun and, through partitives, the nouns it measures out: "two days of talks" ->
    "days", "talks"."""
    while noun is not None:
        yield noun
        if noun.lemma_.lower() not in PARTITIVES:
            return
        noun = next((inner for _, inner in _prep_objects(noun, ("of",))), None)


def _object_words(noun: Token) -> set[str]:
    """What an object is about: its lemma, its noun modifiers ("aid programme", "martial law")
    and the compound they make ("war game")."""
    words = set(word_forms(noun.lemma_, noun.text))
    modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    words.update(modifiers)
    words.update(f"{modifier} {noun.lemma_.lower()}" for modifier in modifiers)
    return words


def _conditions_hold(pattern: VerbPattern, verb: Token) -> bool:
    if pattern.transitive and _direct_object(verb) is None:
        return False
    if pattern.preps and not any(True for _ in _prep_objects(verb, pattern.preps)):
        return False
    if pattern.objects and _condition_object(pattern, verb) is None:
        return False
    if pattern.modals and not any(
        aux.dep_ == "aux" and aux.lower_ in pattern.modals
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for aux in clause.children
    ):
        return False
    if pattern.xcomps:
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp")]
        obj = _child(verb, "dobj")
        if obj is not None:
            # "held Hamas responsible" is often parsed with the predicate on the object.
            clauses += [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
        if not any(
            c.lemma_.lower() in pattern.xcomps or ANY_CLAUSE in pattern.xcomps for c in clauses
        ):
            return False
    return True


# --- roles --------------------------------------------------------------------------------------


def _role(mentions: MentionIndex, head: Token | None, via: str) -> Role:
    """The mentions a noun phrase names; through "a group of X" and "X's officials" too."""
    if head is None:
        return NO_ROLE
    found = mentions.of_phrase(head)
    if found:
        # "The interior minister, Amir Khan,": the name may tell the country the title does not.
        named = _child(head, "appos")
        appositive = mentions.of_phrase(named) if named is not None else ()
        if _countries(Role(appositive, via)) and not _countries(Role(found, via)):
            return Role(appositive, f"{via} (appositive)")
        return Role(found, via)
    if head.lower_ in PARTITIVES or head.lemma_.lower() in PARTITIVES:
        inner = next((obj for _, obj in _prep_objects(head, ("of",))), None)
        if inner is not None:
            return _role(mentions, inner, f"{via} (of)")
    if head.pos_ not in ("NOUN", "PROPN"):
        return NO_ROLE
    # "The separatist group Black Widow", "the main rebel group, the FDD,": the name it gives.
    named = _child(head, "appos")
    if named is not None and (appositive := mentions.of_phrase(named)):
        return Role(appositive, f"{via} (appositive)")
    possessor = _child(head, "poss")
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
    served = next((obj for _, obj in _prep_objects(head, ("for",))), None)
    if served is not None and (beneficiaries := mentions.of_phrase(served)):
        return Role(beneficiaries, f"{via} (for whom)")
    return NO_ROLE


def _is_own(noun: Token) -> bool:
    """Whether a noun is the subject's own ("withdraw its troops"): not whom the act is aimed at."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in noun.children)


def _first_role(mentions: MentionIndex, pairs: Iterator[tuple[str, Token]], via: str) -> Role:
    for prep, head in pairs:
        role = _role(mentions, head, f"{via}: {prep}")
        if role.mentions:
            return role
    return NO_ROLE


def _passive_subject(verb: Token) -> Token | None:
    """Who undergoes a passive, shared by joined participles ("soldiers were tortured and
    killed")."""
    subject = _child(verb, "nsubjpass")
    shared = _sharing_passive(verb)
    return _passive_subject(shared) if subject is None and shared is not None else subject


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive, which joined participles share ("tortured and killed by")."""
    joined = [c for c in verb.children if _sharing_passive(c) is not None]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    for participle in (verb, *joined):
        agent = next((obj for _, obj in _prep_objects(participle, ("by",))), None)
        if agent is not None:
            return agent
    return None


def _owner(thing: Token, mentions: MentionIndex) -> Role:
    """The actor who owns or made a thing: "Israel's demand", "the US proposal", "brokered by"."""
    for child in thing.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            role = _role(mentions, child, f"owner ({child.dep_})")
            owners = owners_it_stands_for(thing, role.mentions)
            if owners:
                return Role(owners, role.via)
    role = _first_role(mentions, _prep_objects(thing, OWNER_PREPS), "owner")
    if role.mentions:
        return role
    for child in thing.children:
        if child.dep_ == "acl" and _is_passive_participle(child):
            role = _role(mentions, _agent(child), "owner (made by)")
            if role.mentions:
                return role
        if child.dep_ == "relcl":
            subject = _child(child, "nsubj")
            if subject is not None and subject.tag_ not in RELATIVE_PRONOUN_TAGS:
                role = _role(mentions, subject, "owner (relative clause subject)")
                if role.mentions:
                    return role
    return NO_ROLE


def _is_stative(verb: Token) -> bool:
    """A passive that states an attitude: "is committed to", "is determined to"."""
    return _child(verb, "xcomp") is not None or any(
        child.dep_ == "prep" and child.lower_ == "to" for child in verb.children
    )


def _is_passive_participle(token: Token) -> bool:
    return token.tag_ == "VBN"


def _clause_subject(verb: Token, mentions: MentionIndex) -> Role:
    """The actor(s) a clause's subject names, resolving relative pronouns to their noun."""
    subject = _child(verb, *SUBJECT_DEPS)
    if subject is None:
        return NO_ROLE
    described = _child(subject, "nsubj") if subject.tag_ == "VBG" else None
    if described is not None:
        # "The charity working in Yemen said": the parser may take the participle for the
        # subject, and the noun it describes for the participle's own subject.
        subject = described
    if subject.tag_ in RELATIVE_PRONOUN_TAGS and verb.dep_ == "relcl":
        return _role(mentions, verb.head, "relative clause antecedent")
    return _role(mentions, subject, subject.dep_)


def _verb_source(verb: Token, mentions: MentionIndex) -> Role:
    """Who does what a verb says: the subject, the passive agent, or an implicit controller."""
    if _is_passive(verb):
        agent = _agent(verb)
        if agent is not None or not _is_stative(verb):
            return _role(mentions, agent, "passive agent (by)")
        # "Vietnam is committed to opening": a state of the subject, not done to it.
        return _role(mentions, _child(verb, "nsubjpass"), "subject of a stative passive")
    own = _clause_subject(verb, mentions)
    if own.mentions or _child(verb, *SUBJECT_DEPS) is not None:
        return own
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _role(mentions, verb.head, "noun the participle describes")
    return _controller(verb, mentions)


def _controller(verb: Token, mentions: MentionIndex) -> Role:
    """The implicit subject of a subjectless clause, climbing to the clauses that govern it.

    "called on Hamas to accept": the object controls; "is expected to travel", "spent months
    trying to negotiate": the subject does. Candidates are collected upward, so the caller can
    skip one that cannot be meant (see ``_without_self``).
    """
    candidates = _controllers(verb, mentions)
    return candidates[0] if candidates else NO_ROLE


def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX")


def _controllers(verb: Token, mentions: MentionIndex) -> list[Role]:
    """Candidate controllers, nearest first, climbing only through clauses.

    A clause whose subject names no known actor ends the climb: its unknown subject is the
    controller ("the camp was attacked by militiamen, killing 156": not the reporter above).
    """
    found: list[Role] = []
    token = verb
    for _ in range(MAX_CLIMB):
        link, head = token.dep_, token.head
        if link == "xcomp" and head.dep_ == "acomp" and _is_verb(head.head):
            head = head.head  # "Syria is willing to withdraw": the copula's subject controls
        preposition = head.lower_
        if link == "pcomp" and head.dep_ == "prep" and _is_verb(head.head):
            link, head = "prep", head.head  # "after meeting X": the clause above controls
        elif link not in ("xcomp", "ccomp", "advcl", "conj") or not _is_verb(head):
            break
        object_control = link == "prep" and preposition in OBJECT_CONTROL_PREPS
        if link == "xcomp" or object_control:
            # "called on Hamas to accept", "accused Russia of shelling": the object acts, and
            # in the passive its subject ("Russia was accused by Ukraine of shelling").
            passive = object_control and _is_passive(head)
            controller = _passive_subject(head) if passive else _child(head, "dobj")
            if controller is None:
                controller = next((obj for _, obj in _prep_objects(head, ("on",))), None)
            role = _role(mentions, controller, "controller (object of the governing verb)")
            if role.mentions:
                found.append(role)
        subject = _controlling_subject(head, link)
        if subject is not None:
            role = (
                _clause_subject(head, mentions)
                if subject.dep_ == "nsubj"
                else _role(mentions, subject, subject.dep_)
            )
            if not role.mentions:
                break
            found.append(Role(role.mentions, f"controller ({role.via} of {head.text})"))
        token = head
    return found


def _controlling_subject(head: Token, link: str) -> Token | None:
    """The token that controls a subjectless clause under ``head`` reached by ``link``."""
    if not _is_passive(head):
        return _child(head, "nsubj")
    agent = _agent(head)
    # "was attacked by militiamen, killing...": the agent acts; "is expected to travel": the
    # passive subject does.
    if link in ("advcl", "prep") and agent is not None:
        return agent
    return _child(head, "nsubjpass")


_PLAIN = VerbPattern(rule="", verb="", code="")


# Clauses beside the action, not part of it: "as he set off for Asia", "where 12 died".
SIDE_CLAUSES = {"advcl", "relcl", "parataxis", "acl", "appos", "npadvmod", "punct"}


def _predicate_target(
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
            if child.dep_ in SIDE_CLAUSES or child.lower_ == "according" or _is_topic(child):
                continue
            yield child
            yield from phrase(child)

    after = sorted(
        (t for t in phrase(verb) if t.i > verb.i and t.i not in taken), key=lambda t: t.i
    )
    for token in after:
        span = mentions.at(token)
        if span is None or taken & {t.i for t in span} or _is_own_pronoun(span):
            continue
        if _is_own(span.root):
            continue  # "withdraw its troops": the party's own, not whom it acts on
        owner = span.root.dep_ in ("poss", "compound", "amod")
        if owner and not owners_it_stands_for(span.root.head, (span,)):
            continue  # "attacked Iran's proxies": not Iran
        if not any(_same_actor(span, own) for own in source.mentions):
            # "ties with Chile and Peru": the first actor and those joined to it.
            joined = [s for s in mentions.of_phrase(span.root) if s != span]
            kept = [s for s in joined if not any(_same_actor(s, own) for own in source.mentions)]
            return Role((span, *kept), "first actor after the verb")
    return NO_ROLE


def _names_a_motive(noun: Token, triggers: set[int]) -> bool:
    """Whether a noun is the "in X" motive of another coded act ("in protest against")."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.i in triggers
        and preposition.head.i != noun.i
    )


def _protest_target(verb: Token, source: Role, mentions: MentionIndex) -> Role:
    """Whom a protest is aimed at, read from its purpose: "blocked roads to press their demands
    on the government", "a hunger strike in protest against violations by the police"."""
    for child in verb.children:
        purpose = child.dep_ in ("advcl", "xcomp") and is_to_clause(child)
        in_protest = child.dep_ == "prep" and any(
            o.lemma_ in PROTEST_MOTIVES for o in child.children
        )
        if purpose or in_protest:
            role = _predicate_target(child, source, mentions)
            if role.mentions:
                return Role(role.mentions, f"purpose of the protest: {role.via}")
    return NO_ROLE


def _is_topic_of(clause: Token, protests: set[int]) -> bool:
    """Whether a clause gives the aim of a protest: "blocked roads demanding ...", "began a
    hunger strike to demand ..." (PLOVER codes the protest, not its demand)."""
    if clause.dep_ not in ("advcl", "xcomp", "acl"):
        return False
    head = clause.head
    # The parser may hang the aim from the protest's object ("blocked roads demanding ...")
    # or hang it beside a nominal protest ("began a hunger strike to demand ...").
    return (
        head.i in protests
        or (head.dep_ == "dobj" and head.head.i in protests)
        or any(c.dep_ == "dobj" and c.i in protests for c in head.children)
    )


def _condition_target(verb: Token, mentions: MentionIndex, depth: int = 3) -> Role:
    """Whom a threat is aimed at, read from its condition: "threatened to strike unless Israel
    rescinded the annexation", "threatened to quit the talks if Japan went ahead"."""
    for child in verb.children:
        if _is_condition(child):
            role = _role(mentions, _child(child, "nsubj"), "subject of the condition")
            if role.mentions:
                return role
        elif child.dep_ in ("xcomp", "ccomp") and depth > 0:
            role = _condition_target(child, mentions, depth - 1)
            if role.mentions:
                return role
    return NO_ROLE


def _is_condition(clause: Token) -> bool:
    """Whether a clause is an "if" or "unless" condition of the verb it hangs from."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.dep_ == "advcl" and bool(marks & set(CONDITION_MARKS))


def _is_own_pronoun(span: Span) -> bool:
    """ "its borders", "their troops": the owner is a party's own side, not whom it acts on."""
    return len(span) == 1 and span[0].lower_ in OWN_PRONOUNS


def _plausible_controller(verb: Token, target: Role, mentions: MentionIndex) -> Role:
    """The nearest controller that is not on the target's side: "he said Israel had accepted
    ... after meeting Netanyahu" is his meeting, since a country does not meet its own leader."""
    candidates = _controllers(verb, mentions)
    targets = _countries(target)
    plausible = [role for role in candidates if not (_countries(role) & targets)]
    return (plausible or candidates or [NO_ROLE])[0]


def _verb_target(
    verb: Token, pattern: VerbPattern, thing: Token | None, mentions: MentionIndex
) -> Role:
    """Whom a verb's action is aimed at, in order of how directly the parse says so."""
    if _is_passive(verb) and (_agent(verb) is not None or not _is_stative(verb)):
        role = _role(mentions, _passive_subject(verb), "passive subject")
        if role.mentions:
            return role
    role = _role(mentions, _child(verb, "dative"), "dative")
    if role.mentions:
        return role
    if pattern.preps and not pattern.objects:
        for prep, prep_object in _prep_objects(verb, pattern.preps):
            role = _role(mentions, prep_object, f"prep: {prep}")
            if role.mentions:
                return role
            # "called for sanctions against Moscow": the target of what is called for.
            inner = _prep_objects(prep_object, OBJECT_TARGET_PREPS)
            role = _first_role(mentions, inner, "its prep")
            if role.mentions:
                return role
    obj = _child(verb, "dobj")
    if obj is not None and obj != thing and not _is_own(obj):
        role = _role(mentions, obj, "dobj")
        if role.mentions:
            return role
        role = _owner(obj, mentions)
        if role.mentions:
            return role
    role = _first_role(mentions, _prep_objects(verb, pattern.target_preps), "prep")
    if role.mentions:
        return role
    if thing is not None:
        role = _first_role(mentions, _prep_objects(thing, OBJECT_TARGET_PREPS), "object's prep")
        if role.mentions:
            return role
        return _owner(thing, mentions)
    return NO_ROLE


def _noun_source(noun: Token, pattern: NounPattern, mentions: MentionIndex) -> Role:
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            role = _role(mentions, child, f"modifier ({child.dep_})")
            if role.mentions:
                return role
    preps: tuple[str, ...] = ("by",) if pattern.between_targets else ("by", "between")
    preps += ("of",) if pattern.of_role == "source" else ()
    for prep, head in _prep_objects(noun, preps):
        role = _role(mentions, head, f"prep: {prep}")
        if role.mentions:
            # "a meeting between X and Y": X is the source, Y the target.
            return Role(role.mentions[:1], role.via) if prep == "between" else role
    return NO_ROLE


def _noun_target(noun: Token, pattern: NounPattern, mentions: MentionIndex) -> Role:
    preps = (*pattern.target_preps, "of") if pattern.of_role == "target" else pattern.target_preps
    for prep, head in _prep_objects(noun, preps):
        role = _role(mentions, head, f"prep: {prep}")
        if role.mentions:
            if prep == "between" and not pattern.between_targets:
                return Role(role.mentions[1:], role.via) if len(role.mentions) > 1 else NO_ROLE
            return role
    if pattern.of_role is None:
        # "a halt of rail traffic with Latvia": whom what it acts on is with.
        for _, thing in _prep_objects(noun, ("of",)):
            role = _first_role(mentions, _prep_objects(thing, OBJECT_TARGET_PREPS), "its prep")
            if role.mentions:
                return role
    return NO_ROLE


def _among_themselves(source: Role, target: Role) -> bool:
    """Whether several actors aim an act only at one another ("Israel and Lebanon signed a
    treaty between the two countries"): PLOVER's reciprocal event."""
    sources, targets = _parties(source), _parties(target)
    return len(sources) > 1 and bool(targets) and targets <= sources


def _with_one_another(source: Role, target: Role) -> bool:
    """Whether actors of several countries act with one another, naming no outside country:
    no target of theirs is of another country."""
    countries = _countries(source)
    return len(countries) > 1 and _countries(target) <= countries


def _actors(role: Role) -> Iterator[Actor]:
    for span in role.mentions:
        actor = actor_of(span)
        yield from span._.members or ((actor,) if actor is not None else ())


def _parties(role: Role) -> set[tuple[str, tuple[str, ...]]]:
    """The (country, sectors) of each actor a role names."""
    return {(actor.country, actor.sectors) for actor in _actors(role) if actor.country}


def _countries(role: Role) -> set[str]:
    return {actor.country for actor in _actors(role) if actor.country}


def _without_self(source: Role, target: Role) -> tuple[Role, Role]:
    """Drop a target mention that is the source or its actor ("Greece ... its partners")."""
    kept = tuple(
        span
        for span in target.mentions
        if not any(_same_actor(span, own) for own in source.mentions)
    )
    return source, Role(kept, target.via) if kept else NO_ROLE
