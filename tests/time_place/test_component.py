from __future__ import annotations

from datetime import date

from spacy.language import Language

from tidings.pipeline import analyze_one, annotate
from tidings.records import Article, DateBasis


def test_places_prefer_the_article_s_countries(nlp: Language) -> None:
    doc = annotate(
        nlp,
        Article(text="Israeli troops entered Rafah in Gaza on Monday.", published=date(2024, 5, 7)),
    )
    places = {span.text: span._.place for span in doc._.places}
    assert places["Rafah"].country == "PSE"
    assert places["Gaza"].country == "PSE"


def test_event_gets_date_and_place_of_its_clause(nlp: Language) -> None:
    text = "On Monday, Antony Blinken met Benjamin Netanyahu in Jerusalem."
    analysis = analyze_one(nlp, Article(text=text, published=date(2024, 8, 20)))
    meetings = [e for e in analysis.events if e.cameo_root == "04"]
    assert meetings, analysis.events
    meeting = meetings[0]
    assert meeting.date == date(2024, 8, 19)
    assert meeting.location is not None
    assert (meeting.location.name, meeting.location.country) == ("Jerusalem", "ISR")


def test_no_publication_date_leaves_events_undated(nlp: Language) -> None:
    analysis = analyze_one(nlp, Article(text="On Monday, Egypt condemned Israel."))
    assert all(event.date is None for event in analysis.events)


def test_each_conjoined_destination_places_its_own_visit(nlp: Language) -> None:
    text = "Antony Blinken is expected to travel to Egypt and Qatar for further talks."
    analysis = analyze_one(nlp, Article(text=text, published=date(2024, 8, 20)))
    visits = {
        e.target.actor.country: e.location.country
        for e in analysis.events
        if e.cameo_root == "04" and e.target is not None and e.location is not None
    }
    assert visits == {"EGY": "EGY", "QAT": "QAT"}


def test_since_bounds_an_event_without_dating_it(nlp: Language) -> None:
    text = "Antony Blinken arrived in Israel for his ninth visit to the region since October 7."
    analysis = analyze_one(nlp, Article(text=text, published=date(2024, 8, 20)))
    assert analysis.events, "the visit is an event"
    assert all(event.date != date(2023, 10, 7) for event in analysis.events)
    assert all(event.date_basis is DateBasis.PUBLICATION for event in analysis.events)


def test_a_date_after_since_lies_before_publication_and_dates_only_its_own_event(
    nlp: Language,
) -> None:
    text = "It is Sergei Lavrov's fourth trip to Asia since the Taliban attack on March 9."
    analysis = analyze_one(nlp, Article(text=text, published=date(2025, 2, 11)))
    dated = {e.trigger: e for e in analysis.events}
    assert dated["attack"].date == date(2024, 3, 9)
    assert dated["trip"].date != date(2024, 3, 9)
