"""What every scorer shares: the figures, ratios and F1, and the fixed tune/check split.

Every gold set is split by a hash of each item's stable id. Errors are read on the tune half; a
change is kept only if the check half agrees. The rule is the AG News development set's (its
README, section 6): an item is in the check half when the SHA-1 of its id, read as a number,
is odd.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

Figures = dict[str, float | int]
# Figures over "all" items, the "tune" half and the "check" half.
Halves = dict[str, Figures]
HALVES = ("all", "tune", "check")

G = TypeVar("G")
P = TypeVar("P")


def in_check_half(key: str) -> bool:
    """Whether the item of this stable id is in the check half (SHA-1 of the id is odd)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 1


def score_halves(
    gold: Sequence[G],
    predicted: Sequence[P],
    key: Callable[[G], str],
    score: Callable[[Sequence[G], Sequence[P]], Figures],
) -> Halves:
    """The figures of ``score`` over all items, the tune half and the check half."""
    pairs = list(zip(gold, predicted, strict=True))
    check = [in_check_half(key(item)) for item in gold]

    def part(wanted: bool) -> Figures:
        chosen = [pair for pair, half in zip(pairs, check, strict=True) if half is wanted]
        return score([g for g, _ in chosen], [p for _, p in chosen])

    return {"all": score(gold, predicted), "tune": part(False), "check": part(True)}


def ratio(part: int, whole: int) -> float:
    """part / whole, 0.0 for an empty whole."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall, 0.0 where both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
