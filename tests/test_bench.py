"""The bench's estimators on made-up turn timings (no timing is measured here)."""

from __future__ import annotations

from tidings.bench import Run, median_turn_ratio


def _run(*turns: float) -> Run:
    return Run("r", sum(turns), 10, 1000, turns)


def test_a_burst_in_one_turn_moves_the_median_less_than_the_totals() -> None:
    baseline = _run(1.0, 1.0, 1.0, 1.0, 1.0)
    pipeline = _run(1.25, 1.25, 5.0, 1.25, 1.25)  # another tenant's burst in the third turn
    totals = baseline.seconds / pipeline.seconds
    assert median_turn_ratio(pipeline, baseline) == 0.8
    assert totals == 0.5
