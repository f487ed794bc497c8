"""Wire datelines and bylines: their agency is blanked before the pipeline reads a text, offsets
kept; their place stays, opens no actor, and the story begins a sentence after it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from tidings.nlp.datelines import read_dateline
from tidings.pipeline import analyze_one
from tidings.records import Article


def test_the_agency_is_blanked_and_the_place_kept() -> None:
    assert read_dateline("OSLO (Reuters) - Norway recalled its envoy.") == (
        "OSLO" + " " * 13 + "Norway recalled its envoy.",
        17,
    )
    assert read_dateline("AFP - Chile protested.") == (" " * 6 + "Chile protested.", 6)
    assert read_dateline("LIMA, Peru (AP) -- Police left.") == (
        "LIMA, Peru" + " " * 9 + "Police left.",
        19,
    )
    assert read_dateline("Reuters - CAIRO (AFP) - Egypt spoke.") == (
        " " * 10 + "CAIRO" + " " * 9 + "Egypt spoke.",
        24,
    )


def test_a_place_before_a_spaced_dash_is_a_dateline() -> None:
    assert read_dateline("LIMA -- Police left.") == ("LIMA" + " " * 4 + "Police left.", 8)
    assert read_dateline("SAN JOSE, Costa Rica - Police left.")[1] == 23


def test_a_known_place_before_a_colon_or_the_story_is_a_dateline() -> None:
    assert read_dateline("OSLO: Norway recalled its envoy.") == (
        "OSLO  Norway recalled its envoy.",
        6,
    )
    assert read_dateline("LIMA : Police left.")[1] == 7
    assert read_dateline("QUITO In a speech, the minister left.")[1] == 6
    assert read_dateline("LIMA, Peru Police left.")[1] == 11
    assert read_dateline("QUITO, Ecuador Mar. 3, 2005 - Police left.")[1] == 30


def test_other_openings_are_kept() -> None:
    # A speaker's name before a colon, a headline in capitals, a shouted first word.
    openings = ("SMITH: We left.", "NORWAY AND CHILE AGREE", "PRIME Minister Smith left.")
    openings += ("NATO - the alliance", "The AP - x", "")
    for text in (*openings, "US-China talks resumed.", "LIMA-Callao road"):
        assert read_dateline(text) == (text, 0)


@given(st.text(max_size=60), st.sampled_from(["", "QUITO (Reuters) - ", "AP - ", "LIMA - "]))
def test_reading_a_dateline_keeps_every_offset(body: str, dateline: str) -> None:
    # Without an agency, a dateline ends only before a capital: "Police ..." opens the story.
    text = dateline + "Police " + body
    read, story_start = read_dateline(text)
    assert len(read) == len(text)
    assert read[story_start:] == text[story_start:]
    assert story_start >= len(dateline.rstrip()) or not dateline


def test_a_dateline_names_no_actor_but_stays_a_place(nlp: Language) -> None:
    text = "QUITO (Reuters) - Peruvian soldiers shot two farmers on Sunday."
    analysis = analyze_one(nlp, Article(text=text))
    sources = [(e.source.text, e.source.start) for e in analysis.events if e.source]
    assert sources == [("Peruvian soldiers", text.index("Peruvian"))]
    assert all(mention.start >= text.index("Peruvian") for mention in analysis.mentions)
    assert any(s.start == text.index("Peruvian") for s in analysis.sentences)
    unsigned = "LIMA - Chilean police arrested two Bolivian miners."
    found = analyze_one(nlp, Article(text=unsigned))
    assert [(e.source.text if e.source else None) for e in found.events] == ["Chilean police"]
    assert "LIMA" not in {mention.text for mention in found.mentions}


def test_an_actor_of_no_country_takes_the_datelines_where_its_sentence_names_no_place(
    nlp: Language,
) -> None:
    unplaced = analyze_one(nlp, Article(text="QUITO (Reuters) - Gunmen shot two farmers."))
    gunmen = next(m for m in unplaced.mentions if m.text == "Gunmen")
    assert gunmen.actor is not None and gunmen.actor.country == "ECU"
    assert gunmen.resolved_by.endswith("+dateline-country")
    placed = analyze_one(nlp, Article(text="QUITO (Reuters) - Gunmen in Peru shot two farmers."))
    assert next(m for m in placed.mentions if m.text.startswith("Gunmen")).actor.country == "PER"
    undated = analyze_one(nlp, Article(text="Gunmen shot two farmers."))
    assert next(m for m in undated.mentions if m.text == "Gunmen").actor.country is None


def test_an_act_of_force_whose_sentence_names_no_place_happens_where_the_story_was_filed(
    nlp: Language,
) -> None:
    text = "LIMA (Reuters) - Chilean troops stormed a warehouse on Monday."
    (event,) = analyze_one(nlp, Article(text=text)).events
    assert event.target is not None and (event.target.text, event.target.start) == ("LIMA", 0)
    assert event.target.actor is not None and event.target.actor.country == "PER"
    # A place the sentence names wins over the dateline's.
    placed = "LIMA (Reuters) - In Bolivia, Chilean troops stormed a warehouse on Monday."
    (elsewhere,) = analyze_one(nlp, Article(text=placed)).events
    assert elsewhere.target is not None and elsewhere.target.text == "Bolivia"
