from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from tidings.quotes.marks import quoted_spans


def _quotes(text: str) -> list[str]:
    return [text[start:end] for start, end in quoted_spans(text)]


def test_curly_and_straight_quotes() -> None:
    text = 'He said “we will win,” and she said "we will not".'
    assert _quotes(text) == ["“we will win,”", '"we will not"']


def test_a_stray_mark_costs_only_its_paragraph() -> None:
    text = 'A stray " mark here.\nLater, “a real quote” follows.\nAnd “another”.'
    assert _quotes(text)[-2:] == ["“a real quote”", "“another”"]


def test_a_quote_continues_into_a_paragraph_that_opens_with_a_mark() -> None:
    text = "“The first paragraph of the quote.\n“And its second,” she said."
    assert _quotes(text) == ["“The first paragraph of the quote.\n“And its second,”"]


def test_empty_marks_are_not_quotes() -> None:
    assert _quotes("Two marks “” with nothing inside.") == []


@given(st.text(alphabet=st.sampled_from("ab “”\"'\n.,")))
def test_spans_are_ordered_non_overlapping_and_inside_the_text(text: str) -> None:
    spans = quoted_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(first[1] <= second[0] for first, second in itertools.pairwise(spans))


def test_two_apostrophes_are_a_double_mark() -> None:
    text = "''I have never been edited,'' Mr. King told me. He isn't 'wrong'."
    assert _quotes(text) == ["''I have never been edited,''"]


def test_a_paragraph_may_open_with_a_closing_mark() -> None:
    text = "Intro.\n”We are afraid.” ― Ana Ruiz\n“We vote.”"
    assert _quotes(text) == ["”We are afraid.”", "“We vote.”"]


def test_a_quote_continues_only_with_a_mark_of_its_own_style() -> None:
    text = '“The first paragraph.\n“The second,” she said.\n"A stray mark.\n“A new quote.”'
    assert _quotes(text) == [
        "“The first paragraph.\n“The second,”",
        '"A stray mark.',
        "“A new quote.”",
    ]
