"""How an actor stands to its act: refused, committed to, planned, threatened or announced
(refusals.yaml, intents.yaml). Factuality itself is read in ``factuality.py``."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.events.factuality import Judgement
from tidings.events.lexicon import Lexicon
from tidings.events.parties import speaks_for
from tidings.events.roles import MentionIndex, Role, countries_of, role_of, same_actor
from tidings.events.syntax import SUBJECT_DEPS, first_child, is_condition
from tidings.records import Factuality


class Stance:
    """Recodes an act by its actor's stance to it, from the lexicon's refusal and intent codes."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

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

    def vowed_not_to(self, trigger: Token, code: str, names_clause: bool) -> str | None:
        """The reject code for an intent whose named act is negated ("vowed not to return the
        Golan Heights": a refusal to yield, not an intent to), else None."""
        clause = first_child(trigger, "xcomp")
        if (
            not names_clause
            or clause is None
            or not any(child.dep_ == "neg" for child in clause.children)
        ):
            return None
        return self.lexicon.refusal_codes.get(code[:2])

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
            if is_condition(clause):
                subject = role_of(mentions, first_child(clause, *SUBJECT_DEPS), "condition")
                return not (countries_of(subject) & countries_of(source)) and not any(
                    same_actor(span, own) for span in subject.mentions for own in source.mentions
                )
        return False

    def intent_code(
        self, code: str, judgement: Judgement, source: Span | None, reporter: Span | None
    ) -> str | None:
        """The intent code for an actor announcing its own future act, else None."""
        if judgement.factuality is not Factuality.FUTURE or source is None or reporter is None:
            return None
        if not (same_actor(source, reporter) or speaks_for(reporter, source)):
            return None
        return self.intent_of(code)

    def intent_of(self, code: str) -> str | None:
        """The intent or threat code for announcing an act of this code (intents.yaml)."""
        for length in (4, 3, 2):
            intent = self.lexicon.intent_codes.get(code[:length])
            if intent is not None:
                return intent
        return None
