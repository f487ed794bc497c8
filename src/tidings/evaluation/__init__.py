"""Evaluation: one reader per gold format, the scorers, and the tune/check split.

Every evaluation analyses the gold texts through the full pipeline and scores the records it
yields, so the figures measure what users get. Stages never import this package.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from spacy.language import Language

from tidings.evaluation import actors, events, quotes, time_place
from tidings.evaluation.scoring import HALVES, Figures, Halves, in_check_half


class Stage(StrEnum):
    """What is scored."""

    ACTORS = "actors"
    EVENTS = "events"
    QUOTES = "quotes"
    TIME_PLACE = "time-place"


class GoldFormat(StrEnum):
    """The gold sets' formats."""

    PLOVER_GSR = "plover-gsr"
    PLV = "plv"
    CONFLIBERT = "conflibert"
    AGNEWS = "agnews"
    NGEC = "ngec"
    GGT = "ggt"
    POLNEAR = "polnear"
    TIMES = "times"
    PLACES = "places"


# Which of tidings' events each event gold set's figures count.
_SHOWN = "events counted: those a default query shows (asserted or reported, with a known source)"
EVENTS_COUNTED = {
    GoldFormat.PLOVER_GSR: _SHOWN,
    GoldFormat.AGNEWS: _SHOWN,
    GoldFormat.PLV: (
        "event counted: the one touching the marked actors, facts first (lenient: else the "
        "sentence's best); never a negated one"
    ),
    GoldFormat.CONFLIBERT: (
        "event counted: the sentence's main one, facts first, then the earliest; "
        "never a negated one"
    ),
}

STAGE_FORMATS = {
    Stage.ACTORS: actors.FORMATS,
    Stage.EVENTS: events.FORMATS,
    Stage.QUOTES: quotes.FORMATS,
    Stage.TIME_PLACE: time_place.FORMATS,
}


def evaluate(
    nlp: Language, stage: Stage, gold: Path, fmt: GoldFormat, *, limit: int | None = None
) -> Halves:
    """Score one stage on a gold file: figures over all items, the tune and the check half."""
    if fmt.value not in STAGE_FORMATS[stage]:
        known = ", ".join(STAGE_FORMATS[stage])
        raise ValueError(f"{stage} cannot be scored on {fmt} gold; use one of {known}")
    scorers = {
        Stage.ACTORS: actors.evaluate,
        Stage.EVENTS: events.evaluate,
        Stage.QUOTES: quotes.evaluate,
        Stage.TIME_PLACE: time_place.evaluate,
    }
    return scorers[stage](nlp, gold, fmt.value, limit=limit)


__all__ = [
    "EVENTS_COUNTED",
    "HALVES",
    "Figures",
    "GoldFormat",
    "Halves",
    "Stage",
    "evaluate",
    "in_check_half",
]
