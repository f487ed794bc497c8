"""Force verbs read from what they are aimed at (figures.yaml), on Docs built by hand. The
sentences are made up."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from tests.events.test_roles import parsed
from tidings.events.figures import FigureReader
from tidings.events.lexicon import load_lexicon
from tidings.events.roles import NO_ROLE, Role
from tidings.records import Actor

READER = FigureReader(load_lexicon().figures)


def _role(span: Span, country: str | None, *sectors: str) -> Role:
    span._.actor = Actor(span.text, country, sectors)
    return Role((span,), "test")


def test_force_aimed_at_a_policy_is_criticism() -> None:
    doc, _ = parsed(
        [
            ("Senator", 1, "nsubj", "NNP", "senator"),
            ("attacked", 1, "ROOT", "VBD", "attack"),
            ("the", 3, "det", "DT", "the"),
            ("policy", 1, "dobj", "NN", "policy"),
        ],
        {},
    )
    source = _role(doc[0:1], "CHL", "LEG")
    assert READER.code_of(doc[1], "190", source, NO_ROLE, means=False) == "111"
    # With violent means, or an armed actor, force stays force.
    assert READER.code_of(doc[1], "190", source, NO_ROLE, means=True) == "190"
    troops = _role(doc[0:1], "CHL", "MIL")
    assert READER.code_of(doc[1], "190", troops, NO_ROLE, means=False) == "190"


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        # "hit a milestone": no one is hit.
        ([("hit", 0, "ROOT", "VBD", "hit"), ("milestone", 0, "dobj", "NN", "milestone")], None),
        # "fought for farmers": advocacy.
        (
            [
                ("fought", 0, "ROOT", "VBD", "fight"),
                ("for", 0, "prep", "IN", "for"),
                ("farmers", 1, "pobj", "NNS", "farmer"),
            ],
            None,
        ),
        # "battled over the budget": what two sides contend over is words.
        (
            [
                ("battled", 0, "ROOT", "VBD", "battle"),
                ("over", 0, "prep", "IN", "over"),
                ("budget", 1, "pobj", "NN", "budget"),
            ],
            "111",
        ),
        # A physical target keeps it force.
        ([("hit", 0, "ROOT", "VBD", "hit"), ("camp", 0, "dobj", "NN", "camp")], "190"),
    ],
)
def test_what_force_is_aimed_at_decides_it(
    rows: list[tuple[str, int, str, str, str]], code: str | None
) -> None:
    doc, _ = parsed(rows, {})
    assert READER.code_of(doc[0], "190", NO_ROLE, NO_ROLE, means=False) == code


def test_force_between_political_rivals_of_one_country_is_criticism() -> None:
    doc, _ = parsed(
        [
            ("Senator", 1, "nsubj", "NNP", "senator"),
            ("attacked", 1, "ROOT", "VBD", "attack"),
            ("Governor", 1, "dobj", "NNP", "governor"),
        ],
        {},
    )
    senator, governor = _role(doc[0:1], "PER", "LEG"), _role(doc[2:3], "PER", "GOV")
    assert READER.code_of(doc[1], "190", senator, governor, means=False) == "111"
    # Of two countries, or a state as a whole: force.
    rival_abroad = _role(doc[2:3], "CHL", "GOV")
    assert READER.code_of(doc[1], "190", senator, rival_abroad, means=False) == "190"
    state = _role(doc[2:3], "PER")
    assert READER.code_of(doc[1], "190", senator, state, means=False) == "190"
