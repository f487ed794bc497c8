"""Guess a person's gender from their first name, so "she" does not refer back to "Doug".

Uses the ``gender-guesser`` package where it is installed (its table of about 40,000 first
names); without it, no gender is guessed and pronouns fall back on salience alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

# gender-guesser's answers, mapped to the pronoun genders tidings uses.
GUESSES = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


def _unknown(name: str) -> str | None:
    return None


@cache
def _detector_answer() -> Callable[[str], str | None]:
    """gender-guesser's raw answer for a first name ("unknown" if it is none), or None."""
    try:
        detector_module = importlib.import_module("gender_guesser.detector")
    except ImportError:
        return _unknown
    detector = detector_module.Detector(case_sensitive=False)

    def answer(name: str) -> str | None:
        return str(detector.get_gender(name.strip(".")))

    return answer


def first_name_gender() -> Callable[[str], str | None]:
    """A function from a first name to "male", "female" or None (unknown or ambiguous)."""
    answer = _detector_answer()
    return lambda name: GUESSES.get(answer(name) or "")


def is_first_name(word: str) -> bool:
    """Whether a word is a known first name (of either gender)."""
    return _detector_answer()(word) not in (None, "unknown")
