"""Why each event was coded: per sentence, the rule that fired and the parse path to its actors.

``tidings explain ARTICLE_ID`` prints ``explain_lines(doc, stored)``: the stored events, with
the parse paths of a run of the same pipeline; ``explain(doc)`` gives a run's events as records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from tidings.codebook import cameo_code
from tidings.nlp.annotations import EventAnnotation
from tidings.records import ActorMention, Event


@dataclass(frozen=True)
class ExplainedEvent:
    """One event with the sentence it is in, its rule and the dependency paths to its actors."""

    sentence_index: int
    sentence: str
    trigger: str
    cameo_code: str
    cameo_name: str
    factuality: str
    rule: str
    source: str | None
    target: str | None
    source_path: str | None
    target_path: str | None
    source_rule: str
    target_rule: str
    reported_by: str | None
    reciprocal: bool
    trigger_start: int = -1
    # False for a stored event this run of the pipeline no longer finds.
    reproduced: bool = True


def dependency_path(start: Token, end: Token) -> str:
    """The path between two tokens through the parse, e.g. ``called -prep-> on -pobj-> Hamas``."""
    up_from_start = [start, *start.ancestors]
    up_from_end = [end, *end.ancestors]
    common = next((token for token in up_from_start if token in up_from_end), None)
    if common is None:
        return f"{start.text} ... {end.text}"
    rising = up_from_start[: up_from_start.index(common) + 1]
    falling = list(reversed(up_from_end[: up_from_end.index(common)]))
    parts = [rising[0].text]
    for below, above in pairwise(rising):
        parts.append(f"<-{below.dep_}- {above.text}")
    for token in falling:
        parts.append(f"-{token.dep_}-> {token.text}")
    return " ".join(parts)


def _path(trigger: Span, actor: Span | None) -> str | None:
    return dependency_path(trigger.root, actor.root) if actor is not None else None


def _explained(doc: Doc, annotation: EventAnnotation, index: int) -> ExplainedEvent:
    sentence = annotation.trigger.sent
    return ExplainedEvent(
        sentence_index=index,
        sentence=sentence.text.strip(),
        trigger=annotation.trigger.text,
        cameo_code=annotation.cameo_code,
        cameo_name=cameo_code(annotation.cameo_code).name,
        factuality=annotation.factuality.value,
        rule=annotation.rule,
        source=annotation.source.text if annotation.source is not None else None,
        target=annotation.target.text if annotation.target is not None else None,
        source_path=_path(annotation.trigger, annotation.source),
        target_path=_path(annotation.trigger, annotation.target),
        source_rule=annotation.source_rule,
        target_rule=annotation.target_rule,
        reported_by=annotation.reported_by.text if annotation.reported_by is not None else None,
        reciprocal=annotation.reciprocal,
        trigger_start=annotation.trigger.start_char,
    )


def _resolved(mention: ActorMention | None) -> str | None:
    if mention is None:
        return None
    return f"{mention.text} [{mention.actor.code}]" if mention.actor.code else mention.text


def _stored(event: Event, run: ExplainedEvent | None) -> ExplainedEvent:
    """A stored event, with the parse paths of the same event in this run where it has it."""
    return ExplainedEvent(
        sentence_index=event.sentence_index,
        sentence="",
        trigger=event.trigger,
        cameo_code=event.cameo_code,
        cameo_name=cameo_code(event.cameo_code).name,
        factuality=event.factuality.value,
        rule=event.rule,
        source=_resolved(event.source),
        target=_resolved(event.target),
        source_path=run.source_path if run else None,
        target_path=run.target_path if run else None,
        source_rule=event.source_rule,
        target_rule=event.target_rule,
        reported_by=event.reported_by.text if event.reported_by else None,
        reciprocal=event.reciprocal,
        trigger_start=event.trigger_start,
        reproduced=run is not None,
    )


def explain(doc: Doc) -> list[ExplainedEvent]:
    """Every event of an annotated Doc, with its rule and parse paths, in text order."""
    sentence_index = {sent.start: index for index, sent in enumerate(doc.sents)}
    return [
        _explained(doc, annotation, sentence_index[annotation.trigger.sent.start])
        for annotation in doc._.events or ()
    ]


def explain_lines(doc: Doc, stored: Sequence[Event] | None = None) -> list[str]:
    """Text lines for ``tidings explain``: each sentence, then each of its events: the
    ``stored`` ones where given (explained by this run of the pipeline on ``doc``), else the
    run's own."""
    run = explain(doc)
    items = run
    if stored is not None:
        by_trigger = {(item.trigger_start, item.cameo_code): item for item in run}
        items = [_stored(e, by_trigger.get((e.trigger_start, e.cameo_code))) for e in stored]
    by_sentence: dict[int, list[ExplainedEvent]] = {}
    for item in items:
        by_sentence.setdefault(item.sentence_index, []).append(item)
    lines: list[str] = []
    for index, sent in enumerate(doc.sents):
        text = sent.text.strip()
        if not text:
            continue
        lines.append(f"[{index}] {text}")
        for item in by_sentence.get(index, []):
            # A reciprocal event has no direction: "<--040 Consult-->".
            back = "<" if item.reciprocal else ""
            lines.append(
                f"    {item.source or '-'} {back}--{item.cameo_code} {item.cameo_name}--> "
                f"{item.target or '-'}  ({item.factuality}; rule {item.rule})"
            )
            for role, path, rule in (
                ("source", item.source_path, item.source_rule),
                ("target", item.target_path, item.target_rule),
            ):
                if path:
                    found_by = f"  (by {rule})" if rule else ""
                    lines.append(f"      {role}: {path}{found_by}")
            if item.reported_by:
                lines.append(f"      reported by: {item.reported_by}")
            if not item.reproduced:
                lines.append(
                    "      (this run no longer finds it: the actors file or tidings changed"
                    " since it was stored)"
                )
        if index not in by_sentence:
            lines.append("    (no event)")
    return lines
