"""Attach a temporal expression and a place to an event trigger, through the parse."""

from __future__ import annotations

from spacy.tokens import Span, Token


def _governs(trigger: Token, span: Span) -> bool:
    """Whether the span hangs off the trigger's clause (the trigger is an ancestor of its root)."""
    return trigger == span.root or trigger in _dating_path(span)


# "since October 7", "before the talks": these bound an event in time, they do not date it.
BOUNDING = {"since", "until", "till", "before", "after", "from", "by"}
# "since the attack on October 7": the date is the attack's, and the phrase only bounds what
# it hangs from ("this is his ninth visit since ...").
BOUNDING_PHRASE = {"since", "until", "till", "before", "after"}


def _bounds(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in BOUNDING


def _dating_path(span: Span) -> list[Token]:
    """The span root's ancestors up to the first bounding phrase: the words the span dates."""
    path = []
    for token in span.root.ancestors:
        if token.lower_ in BOUNDING_PHRASE and token.dep_ in ("prep", "mark"):
            break
        path.append(token)
    return path


def _inside_bounding_phrase(span: Span) -> bool:
    return len(_dating_path(span)) < sum(1 for _ in span.root.ancestors)


def anchor_time(trigger: Token) -> Span | None:
    """The temporal expression of the trigger's clause, else of its sentence."""
    sentence = trigger.sent
    candidates: list[Span] = [
        span
        for span in trigger.doc._.times or ()
        if span.sent == sentence and span._.time.date is not None and not _bounds(span)
    ]
    governed = [span for span in candidates if _governs(trigger, span)]
    chosen = governed or [span for span in candidates if not _inside_bounding_phrase(span)]
    return chosen[0] if chosen else None


LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "into", "to", "toward", "towards"}


def anchor_place(trigger: Token) -> Span | None:
    """The place where the trigger's action happens ("in/at/near X", a visit's destination)."""
    places: list[Span] = trigger.doc._.places or []
    for span in places:
        noun = span.root
        while noun.dep_ == "conj":
            noun = noun.head
        preposition = noun.head
        if noun.dep_ == "pobj" and preposition.lower_ in LOCATIVE and preposition.head == trigger:
            return span
    return None
