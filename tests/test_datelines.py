"""Wire datelines and bylines are blanked before the pipeline reads a text, offsets kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from tidings.nlp.datelines import blank_dateline
from tidings.pipeline import analyze_one
from tidings.records import Article


def test_datelines_and_bylines_are_blanked() -> None:
    assert blank_dateline("OSLO (Reuters) - Norway recalled its envoy.") == (
        " " * 17 + "Norway recalled its envoy."
    )
    assert blank_dateline("AFP - Chile protested.") == " " * 6 + "Chile protested."
    assert blank_dateline("LIMA, Peru (AP) -- Police left.") == " " * 19 + "Police left."
    assert blank_dateline("Reuters - CAIRO (AFP) - Egypt spoke.") == " " * 24 + "Egypt spoke."


def test_other_openings_are_kept() -> None:
    for text in ("OSLO: Norway recalled its envoy.", "NATO - the alliance", "The AP - x", ""):
        assert blank_dateline(text) == text


@given(st.text(max_size=60), st.sampled_from(["", "QUITO (Reuters) - ", "AP - "]))
def test_blanking_keeps_every_offset(body: str, dateline: str) -> None:
    text = dateline + body
    blanked = blank_dateline(text)
    assert len(blanked) == len(text)
    cut = len(blanked) - len(blanked.lstrip(" "))
    assert blanked[cut:] == text[cut:]
    assert cut >= len(dateline.rstrip()) or not dateline


def test_a_dateline_names_no_actor_of_the_story(nlp: Language) -> None:
    text = "QUITO (Reuters) - Peruvian soldiers shot two farmers on Sunday."
    analysis = analyze_one(nlp, Article(text=text))
    sources = [(e.source.text, e.source.start) for e in analysis.events if e.source]
    assert sources == [("Peruvian soldiers", text.index("Peruvian"))]
    assert analysis.sentences[0].start == text.index("Peruvian")
