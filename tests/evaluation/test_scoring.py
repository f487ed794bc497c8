"""The fixed tune/check split."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from tidings.evaluation.scoring import Figures, in_check_half, score_halves


@given(st.text())
def test_the_check_half_is_the_agnews_readme_rule(ident: str) -> None:
    digest = int(hashlib.sha1(ident.encode()).hexdigest(), 16)
    assert in_check_half(ident) is (digest % 2 == 1)


def _count(gold: Sequence[str], predicted: Sequence[int]) -> Figures:
    return {"n": len(gold), "sum": sum(predicted)}


def test_halves_split_items_and_their_predictions_together() -> None:
    idents = [f"item-{n}" for n in range(50)]
    predicted = list(range(50))
    halves = score_halves(idents, predicted, lambda i: i, _count)
    assert halves["all"] == {"n": 50, "sum": sum(range(50))}
    check = [n for n, ident in enumerate(idents) if in_check_half(ident)]
    assert halves["check"] == {"n": len(check), "sum": sum(check)}
    assert halves["tune"]["n"] + halves["check"]["n"] == 50
    assert 0 < len(check) < 50
