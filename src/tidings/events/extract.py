"""Find events in a parsed Doc: triggers from the lexicon, actors through the dependency parse.

A verb trigger's source is its subject (the "by" agent in the passive, the controller of a
"to ..." clause: "Blinken is expected to travel", "called on Hamas to accept"); its target is
the object, a prepositional object ("travel to Egypt", "meet with"), or the actor who owns or made
the object ("rejected Israel's demand", "accepted the proposal brokered by the United States").
A nominal trigger ("the Hamas attack on", "a meeting with") takes its actors from its modifiers
or from the support verb that carries it ("launched an attack").

This module puts the pieces together; each concern has its own: ``triggers.py`` (which words
and patterns), ``syntax.py`` (what the parse says around a word), ``roles.py`` and
``sources.py`` (who the target and the source are, by named rules), ``stance.py`` (refusals,
intents, threats), ``parties.py`` (how the parties stand to each other) and ``factuality.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from tidings.events.anchors import anchor_place, anchor_time
from tidings.events.factuality import Judgement, factuality_of, is_purpose, is_to_clause
from tidings.events.lexicon import (
    Lexicon,
    NounPattern,
    verb_forms,
    word_forms,
)
from tidings.events.parties import (
    among_themselves,
    give_partner_country,
    with_one_another,
)
from tidings.events.roles import (
    CLAUSE_TARGETS,
    MAX_CLIMB,
    NO_ROLE,
    NOUN_TARGETS,
    NOUN_TARGETS_BESIDE_THE_SOURCE,
    PROTEST_ROOT,
    TARGETS_BESIDE_THE_SOURCE,
    VERB_TARGETS,
    Clause,
    MentionIndex,
    NounPhrase,
    Role,
    countries_of,
    first_target,
    noun_target_rule,
    without_self,
)
from tidings.events.sources import (
    PLACED_NOUN_SOURCE,
    Predicate,
    noun_source,
    source_of,
    verb_source,
)
from tidings.events.stance import Stance
from tidings.events.syntax import (
    agent_of,
    first_child,
    first_conjunct,
    is_continuation,
    is_passive,
    prep_objects,
)
from tidings.events.triggers import (
    Triggers,
    condition_object,
)
from tidings.nlp.annotations import (
    EventAnnotation,
    QuoteAnnotation,
)
from tidings.records import Factuality

# Appeals and demands: what a protest asks for is its topic, not an event of its own (PLOVER).
REQUEST_ROOTS = frozenset({"02", "10"})
# Roots of violent acts, whose means may stand for an unnamed perpetrator ("a bomb killed").
VIOLENT_ROOTS = ("18", "19", "20")
# The noun whose patterns code an act done with a bomb (nouns.yaml ``bombs``): "a car bomb"
# makes a "car bombing".
BOMBING = "bombing"
# Accusations: an act an alleging verb (factuality.yaml) says another did stays an event of
# its own, reported.
ACCUSATION_ROOT = "11"
# Clauses under a coded trigger that spell out its content ("agreed to meet", "demand that").
EMBEDDED_DEPS = ("xcomp", "ccomp", "acl")


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
    # The roots one of which the act of its "that ..." clause must have (verbs.yaml).
    clause_roots: frozenset[str] = frozenset()


class EventExtractor:
    """Codes the events of a Doc from a Lexicon, reading the other stages' annotations; what it
    adds to an actor it sets on ``span._.event_actor``, never on the actor stage's own."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.stance = Stance(lexicon)
        self.triggers = Triggers(lexicon)

    def __call__(self, doc: Doc) -> list[EventAnnotation]:
        """The events of a Doc, in text order."""
        mentions = MentionIndex(doc)
        tokens = self.triggers.candidates(doc)
        verbal = _with_claimed_acts(
            [c for c in (self._verb_event(t, mentions) for t in tokens) if c is not None]
        )
        # "claimed that Russia shelled Kharkiv": the act claimed is reported, not only the
        # claim's content.
        alleging = self.lexicon.cues.alleging_verbs
        claimed = {
            c.trigger.i
            for c in verbal
            if c.code[:2] == ACCUSATION_ROOT and verb_forms(c.trigger) & alleging
        }
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
            claimed_act = trigger.dep_ == "ccomp" and head in claimed
            return (
                _spells_out(trigger) and head in triggers and not (purpose_of_force or claimed_act)
            )

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
        parties = self.lexicon.parties
        for event in events:
            give_partner_country(event.source, event.target, event.cameo_code, parties)
            give_partner_country(event.target, event.source, event.cameo_code, parties)
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
                and self.stance.intent_of(act.code) is not None
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

    def _verb_event(self, verb: Token, mentions: MentionIndex) -> Candidate | None:
        pattern = self.triggers.matching_verb_pattern(verb)
        if pattern is None:
            return None
        obj = first_child(verb, "dobj")
        if (
            pattern.specificity == 0
            and obj is not None
            and self.triggers.is_support_verb(verb)
            and self.triggers.matching_noun_pattern(obj) is not None
        ):
            # "ordered the arrest of", "imposed blockades": the noun names the event.
            return None
        thing = condition_object(pattern, verb)
        # "Syria is willing to withdraw": the adjective's subject is the copula's.
        host = verb.head if verb.dep_ == "acomp" else verb
        placed = pattern.code[:2] in self.lexicon.parties.placed_roots
        matching = self.triggers.matching_verb_pattern
        clause = Clause(verb, pattern, thing, mentions, matching, placed=placed)
        target = first_target((*VERB_TARGETS, *CLAUSE_TARGETS), clause)
        means = self._means(host) if pattern.code[:2] in VIOLENT_ROOTS else None
        predicate = Predicate(host, mentions, target, self._issuer(verb), means, placed)
        source = source_of(predicate)
        consumed = tuple(token for token in (thing, means) if token is not None)
        source, target = without_self(source, target)
        if not target.mentions:
            target = first_target(TARGETS_BESIDE_THE_SOURCE, replace(clause, source=source))
        if pattern.inverse:
            source, target = target, source
        if pattern.attributed:
            # "the ministry said Houthi fighters were responsible": it accuses them.
            speaker = self.reporter(verb, mentions)
            source, target = Role((speaker,) if speaker is not None else (), "speaker"), source
        source, target = without_self(source, target)
        if not source.mentions and not target.mentions and self.announcer_of(verb) is None:
            return None  # an announced act takes its actor from the announcement
        code, rule = pattern.code, pattern.rule
        named = self._act_named_by(means) if code in self.lexicon.named_by_means else None
        if named is not None:
            code, rule = named.code, f"{rule}+{named.rule}"
        return Candidate(
            verb,
            rule,
            code,
            source,
            target,
            consumed,
            pattern.announces,
            names_clause=bool(pattern.xcomps),
            clause_roots=pattern.clause_roots,
        )

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

    def _issuer(self, verb: Token) -> Token | None:
        """The support verb that issued the noun a clause describes: "issued a declaration
        demanding ..."."""
        issued = verb.head
        if (
            verb.dep_ == "acl"
            and issued.dep_ == "dobj"
            and self.triggers.is_support_verb(issued.head)
        ):
            return issued.head
        return None

    def _means(self, verb: Token) -> Token | None:
        """What a violent verb says the act was done with: its subject ("a bomb killed"), in
        the passive its agent or "in" object ("were killed by / in a car bomb explosion"), or
        what the clause a participle continues was done with ("a bomb exploded, killing")."""
        if is_passive(verb):
            found = [agent_of(verb), *(obj for _, obj in prep_objects(verb, ("in",)))]
        elif is_continuation(verb) and first_child(verb, "nsubj") is None:
            return self._means(verb.head)
        else:
            found = [first_child(verb, "nsubj")]
        return next((n for n in found if n is not None and self._names_means(n)), None)

    def _act_named_by(self, means: Token | None) -> NounPattern | None:
        """The act a violent act's means names: its own nominal event ("an air strike killed"),
        or for a bomb the bombing of its kind ("a car bomb killed": a car bombing)."""
        if means is None:
            return None
        named = self.triggers.matching_noun_pattern(means)
        if named is not None or means.lemma_.lower() not in self.lexicon.bombs:
            return named
        kinds = (
            f"{modifier.lemma_.lower()} {BOMBING}"
            for modifier in means.children
            if modifier.dep_ in ("compound", "amod") and modifier.i < means.i
        )
        found = (self.lexicon.noun_pattern(kind, ()) for kind in (*kinds, BOMBING))
        return next((pattern for pattern in found if pattern is not None), None)

    def _names_means(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.lexicon.means or any(
            p.code[:2] in VIOLENT_ROOTS for p in self.lexicon.noun_patterns(lemma)
        )

    def _noun_event(
        self, noun: Token, mentions: MentionIndex, triggers: set[int]
    ) -> Candidate | None:
        pattern = self.triggers.matching_noun_pattern(noun)
        if pattern is None or mentions.at(noun) is not None or noun.dep_ == "compound":
            return None
        # "launched raids and rocket fire": every conjunct hangs from the verb as the first does.
        phrase = first_conjunct(noun)
        carrier = phrase.head if phrase.dep_ in ("dobj", "nsubjpass") else None
        # The object of a coded verb is what the event is about ("rejected the demand").
        if phrase.dep_ == "dobj" and phrase.head.i in triggers:
            return None
        supported = carrier is not None and self.triggers.is_support_verb(carrier)
        if carrier is None:
            carrier = self.triggers.participation(phrase)
            supported = carrier is not None
        parties = self.lexicon.parties
        # Two-sided fighting is its parties' act, not the place's.
        two_sided = noun.lemma_.lower() in parties.mutual_words
        placed = pattern.code[:2] in parties.placed_roots and not two_sided
        carried = NounPhrase(noun, pattern, carrier if supported else None, mentions, placed=placed)
        source = noun_source(carried)
        target = noun_target_rule.first(NOUN_TARGETS, carried)
        spelled = carried.spelled_out
        content = (spelled,) if spelled is not None else ()
        if not target.mentions:
            beside = replace(carried, source=source)
            target = noun_target_rule.first(NOUN_TARGETS_BESIDE_THE_SOURCE, beside)
        source, target = without_self(source, target)
        if not source.mentions and not target.mentions:
            return None
        if source.rule == PLACED_NOUN_SOURCE and not target.mentions:
            return None  # "a bombing in Baghdad": no one named acted on, nothing to code
        return Candidate(noun, pattern.rule, pattern.code, source, target, content)

    # --- annotations ------------------------------------------------------------------------

    def _annotations(
        self, doc: Doc, candidate: Candidate, mentions: MentionIndex
    ) -> Iterator[EventAnnotation]:
        trigger = candidate.trigger
        judgement: Judgement = factuality_of(trigger, self.lexicon.cues)
        code, rule = candidate.code, candidate.rule
        stance = self.stance
        refusal = stance.refusal_code(trigger, code, judgement) or stance.vowed_not_to(
            trigger, code, candidate.names_clause
        )
        if refusal is not None:
            code, rule = refusal, f"{rule}+refusals.yaml:{code[:2]}"
            judgement = Judgement(Factuality.ASSERTED, "refusal")
        if judgement.attempt and code[:2] in self.lexicon.cues.attempted_roots:
            judgement = Judgement(Factuality.ASSERTED, f"attempted: {judgement.cue}")
        reporter = self.reporter(trigger, mentions)
        as_intent = (
            candidate.announcer is not None
            or stance.commits(code, judgement, reporter)
            or stance.plans(code, judgement, trigger)
            or stance.threatens(code, judgement, trigger, candidate.source, mentions)
        )
        if candidate.announcer is not None:
            # "must be ready to mediate": the intent is as factual as its announcement.
            judgement = factuality_of(candidate.announcer, self.lexicon.cues)
            if judgement.factuality is Factuality.FUTURE:
                judgement = Judgement(Factuality.ASSERTED, f"announced: {judgement.cue}")
        elif as_intent:
            judgement = Judgement(Factuality.ASSERTED, f"committed: {judgement.cue}")
        if as_intent:
            code, rule = stance.intent_of(code) or code, f"{rule}+intents.yaml:{code}"
        span = doc[trigger.i : trigger.i + 1]
        when, where = anchor_time(trigger), anchor_place(trigger)
        parties = self.lexicon.parties
        mutual = trigger.lemma_.lower() in parties.mutual_words
        mutual = mutual or among_themselves(candidate.source, candidate.target)
        target_role = candidate.target
        if with_one_another(candidate.source, target_role):
            joint = parties.joint_codes.get(code)
            if joint is not None:
                code, rule = joint, f"{rule}+parties.yaml:joint_codes"
            if joint is not None or code[:2] in parties.joint_roots:
                mutual, target_role = True, NO_ROLE
        roles = (candidate.source.rule, target_role.rule)
        pairs = [
            (source, target)
            for source in candidate.source.mentions or (None,)
            for target in target_role.mentions or (None,)
        ]
        coded = [(source, target, code, rule, roles) for source, target in pairs]
        linked = parties.linked_codes.get(code)
        if linked is not None and judgement.factuality is Factuality.ASSERTED:
            # "The minister visited Cairo": Egypt hosts the minister (parties.yaml).
            back, back_rule = (roles[1], roles[0]), f"{rule}+parties.yaml:linked_codes"
            coded += [(t, s, linked, back_rule, back) for s, t in pairs if s and t]
        for source, target, act, named, (source_rule, target_rule) in coded:
            own_intent = stance.intent_code(act, judgement, source, reporter)
            yield EventAnnotation(
                trigger=span,
                source=source,
                target=target,
                cameo_code=own_intent or act,
                factuality=Factuality.ASSERTED if own_intent else judgement.factuality,
                rule=f"{named}+intents.yaml:{act}" if own_intent else named,
                reported_by=reporter if reporter != source else None,
                when=when,
                where=where,
                reciprocal=mutual or (own_intent or act) in parties.mutual_codes,
                source_rule=source_rule if source is not None else "",
                target_rule=target_rule if target is not None else "",
            )

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
                speaker = verb_source(head, mentions)
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
                speaker = verb_source(child, mentions)
                if speaker.mentions:
                    return speaker.mentions[0]
        return _quote_speaker(trigger)


def _with_continued_targets(every: list[Candidate], verbal: list[Candidate]) -> list[Candidate]:
    """A participle clause that continues an act and names no target of its own ("launched
    rocket fire against the camps, killing 50") acts on the target of the act it continues; an
    act of no target done for a purpose acts on whom the purpose does ("opened fire to disperse
    the demonstrators")."""
    by_trigger = {c.trigger.i: c for c in every}
    for c in every:
        phrase = first_conjunct(c.trigger)
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
                and countries_of(aim.source) <= countries_of(c.source)
            ):
                return replace(c, target=Role(aim.target.mentions, f"its aim: {aim.target.via}"))
        if c.trigger.tag_ != "VBG":
            return c
        clause = c.trigger
        while clause.dep_ in ("advcl", "conj") and clause.head != clause:
            clause = clause.head
            head = by_trigger.get(clause.i)
            if head is not None and head.target.mentions:
                if c.source.mentions and countries_of(c.source) != countries_of(head.source):
                    return c
                via = f"continues {head.trigger.text}: {head.target.via}"
                return replace(c, target=Role(head.target.mentions, via))
        return c

    return [continued(c) for c in verbal]


def _with_claimed_acts(verbal: list[Candidate]) -> list[Candidate]:
    """Claims kept only where their "that ..." clause names an act of the roots they require,
    done by someone the claim accuses: "Hamas claimed it fired rockets" accuses no one."""
    by_trigger = {c.trigger.i: c for c in verbal}

    def accuses_the_doer(claim: Candidate) -> bool:
        clause = first_child(claim.trigger, "ccomp")
        act = by_trigger.get(clause.i) if clause is not None else None
        if act is None or act.code[:2] not in claim.clause_roots:
            return False
        doers = {span.root.i for span in act.source.mentions}
        return bool(doers) and {span.root.i for span in claim.target.mentions} == doers

    return [c for c in verbal if not c.clause_roots or accuses_the_doer(c)]


def _announced(act: Candidate, announcer: Candidate) -> Candidate:
    """The act as the intent of whoever announces it; the act's other participants are whom
    the intent concerns ("ready to host a meeting between A and B": A and B)."""
    if not announcer.source.mentions:
        source, target = act.source, act.target
    else:
        source = announcer.source
        target = Role((*act.source.mentions, *act.target.mentions), act.target.via)
        source, target = without_self(source, target)
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


def _names_a_motive(noun: Token, triggers: set[int]) -> bool:
    """Whether a noun is the "in X" motive of another coded act ("in protest against")."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.i in triggers
        and preposition.head.i != noun.i
    )


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
