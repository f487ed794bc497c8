"""How a sentence presents an event: asserted, negated, future, hypothetical or reported.

The cues come from ``data/events/factuality.yaml``. The trigger's own clause is read first, then
the clauses that govern it, climbing the parse: through a "to ..." clause everything counts
("did not agree to meet"), through "said that ..." only the governing verb's meaning does
("hopes an agreement will deter"), so speech content keeps its own factuality.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tidings.events.lexicon import FactualityCues, verb_forms
from tidings.records import Factuality

# The strongest cue wins: a negated plan is negated, a hoped-for future event is hypothetical.
STRENGTH = (
    Factuality.NEGATED,
    Factuality.HYPOTHETICAL,
    Factuality.FUTURE,
    Factuality.REPORTED,
    Factuality.ASSERTED,
)

# Dependencies through which a governing clause's cues reach the event.
_CLIMB = {
    "xcomp",
    "ccomp",
    "conj",
    "dobj",
    "nsubj",
    "nsubjpass",
    "pobj",
    "prep",
    "attr",
    "pcomp",
    "dative",
    "oprd",
    "appos",
    "compound",
    "acl",
    "acomp",
}
# A clause under a noun counts only through the noun's meaning ("the demand that Israel ease").
_NOUN_CLAUSES = {"acl"}
_AUX = ("aux", "auxpass")
_CONTRAST = {"but", "yet", "while", "whereas"}


@dataclass(frozen=True)
class Judgement:
    """A factuality and the cue that decided it (e.g. "will", "expected (governs)")."""

    factuality: Factuality
    cue: str | None
    # Decided by a verb of trying ("tried to hack"): an attempted act of force is asserted.
    attempt: bool = False


def _clause_cues(token: Token, cues: FactualityCues, *, scope: str) -> list[Judgement]:
    """Cues carried by one clause head; ``scope`` is "own", "full", "shared" or "meaning"."""
    found: list[Judgement] = []
    if scope in ("own", "full", "shared"):
        for child in token.children:
            words = verb_forms(child)
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                if words & cues.negation:
                    found.append(Judgement(Factuality.NEGATED, child.text))
            elif child.dep_ in _AUX:
                found.extend(_auxiliary_cue(child, cues))
            elif child.dep_ == "mark" and words & cues.conditional_marks and scope != "shared":
                found.append(Judgement(Factuality.HYPOTHETICAL, child.text))
            elif _distances(child, words, cues):
                found.append(Judgement(Factuality.REPORTED, child.text))
            elif child.dep_ == "amod" and token.pos_ in ("NOUN", "PROPN"):
                found.extend(_modifier_cue(child, cues))
    if scope in ("full", "meaning"):
        words = verb_forms(token)
        if words & cues.negating_verbs:
            found.append(Judgement(Factuality.NEGATED, f"{token.text} (governs)"))
        elif words & cues.attempt_verbs:
            found.append(Judgement(Factuality.HYPOTHETICAL, f"{token.text} (governs)", True))
        elif words & cues.hypothetical_verbs:
            found.append(Judgement(Factuality.HYPOTHETICAL, f"{token.text} (governs)"))
        elif words & cues.future_verbs:
            found.append(Judgement(Factuality.FUTURE, f"{token.text} (governs)"))
        elif words & cues.reported_passive_verbs and _is_passive(token):
            found.append(Judgement(Factuality.REPORTED, f"{token.text} (passive)"))
        elif words & cues.alleging_verbs:
            found.append(Judgement(Factuality.REPORTED, f"{token.text} (alleges)"))
    return found


def _auxiliary_cue(auxiliary: Token, cues: FactualityCues) -> list[Judgement]:
    return _word_cue(
        auxiliary,
        (Factuality.FUTURE, cues.future_auxiliaries),
        (Factuality.HYPOTHETICAL, cues.hypothetical_modals),
    )


def _word_cue(word: Token, *classes: tuple[Factuality, frozenset[str]]) -> list[Judgement]:
    """The factuality of the first class of words ``word`` belongs to, if any."""
    words = verb_forms(word)
    for factuality, members in classes:
        if words & members:
            return [Judgement(factuality, word.text)]
    return []


def _distances(child: Token, words: set[str], cues: FactualityCues) -> bool:
    """Whether a modifier distances the text from its clause ("reportedly", "according to")."""
    if child.dep_ == "advmod":
        return bool(words & cues.reported_adverbs)
    return child.dep_ == "prep" and bool(words & cues.reported_prepositions)


def _modifier_cue(modifier: Token, cues: FactualityCues) -> list[Judgement]:
    return _word_cue(
        modifier,
        (Factuality.HYPOTHETICAL, cues.hypothetical_modifiers),
        (Factuality.FUTURE, cues.future_modifiers),
        (Factuality.REPORTED, cues.reported_modifiers),
    )


def _is_passive(token: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children)


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children)


def is_to_clause(token: Token) -> bool:
    """Whether a verb heads an infinitive clause ("to discuss")."""
    return any(child.dep_ == "aux" and child.tag_ == "TO" for child in token.children)


def is_purpose(token: Token) -> bool:
    """Whether a clause is the aim of the one above ("telephoned X to discuss", "willing to send
    material to help")."""
    return token.dep_ == "advcl" and is_to_clause(token)


def _scope(child: Token) -> str:
    """What of the head's clause reaches ``child``'s event, by how ``child`` hangs off it."""
    if child.dep_ == "ccomp" or (child.dep_ in _NOUN_CLAUSES and child.head.pos_ == "NOUN"):
        return "meaning"
    if child.dep_ == "conj":
        contrast = any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in child.children) or any(
            c.dep_ == "cc" and c.lower_ in _CONTRAST for c in child.head.children
        )
        return "none" if contrast or _has_subject(child) else "shared"
    return "full"


def factuality_of(trigger: Token, cues: FactualityCues) -> Judgement:
    """The factuality of the event a trigger names, with the deciding cue."""
    found = _clause_cues(trigger, cues, scope="own")
    token = trigger
    in_speech = False
    while (token.dep_ in _CLIMB or is_purpose(token)) and token.head != token:
        if _presupposed(token, cues):
            # "would recall its envoy after attacking": the tense reaches a gerund, nothing else
            # does ("will recall its envoy despite the attack").
            if token.pos_ == "VERB":
                auxiliaries = [c for c in token.head.head.children if c.dep_ in _AUX]
                found.extend(j for aux in auxiliaries for j in _auxiliary_cue(aux, cues))
            break
        scope = _scope(token)
        if scope != "none":
            found.extend(_clause_cues(token.head, cues, scope=scope))
        if token.dep_ == "ccomp" and verb_forms(token.head) & cues.speech_verbs:
            in_speech = True
        token = token.head
    if in_speech:
        # "Iran said it would retaliate": in reported speech "would" is the future of the past.
        found = [_future_in_the_past(judgement, cues) for judgement in found]
    if not found:
        return Judgement(Factuality.ASSERTED, None)
    return min(found, key=lambda judgement: STRENGTH.index(judgement.factuality))


def _presupposed(token: Token, cues: FactualityCues) -> bool:
    """Whether ``token`` is what a presupposing preposition takes ("a day after abducting him")."""
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ in cues.presupposing_prepositions


def _future_in_the_past(judgement: Judgement, cues: FactualityCues) -> Judgement:
    cue = (judgement.cue or "").lower()
    if judgement.factuality is Factuality.HYPOTHETICAL and cue in cues.reported_future_modals:
        return Judgement(Factuality.FUTURE, judgement.cue)
    return judgement
