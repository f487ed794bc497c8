from __future__ import annotations

from datetime import date

from spacy.language import Language

from tidings.nlp import analyze_one
from tidings.records import Analysis, Article, Quote, QuoteKind


def _quotes(nlp: Language, text: str) -> list[Quote]:
    return list(analyze_one(nlp, Article(text=text, published=date(2024, 8, 20))).quotes)


def test_split_quote_is_one_quote_with_two_spans(nlp: Language) -> None:
    (quote,) = _quotes(nlp, "“We are ready,” Antony Blinken said, “and so is Israel.”")
    assert quote.kind is QuoteKind.DIRECT
    assert len(quote.spans) == 2
    assert quote.speaker is not None and quote.speaker.actor.name == "Antony Blinken"


def test_pronoun_speaker_is_the_resolved_actor(nlp: Language) -> None:
    text = "Benjamin Netanyahu met the envoy.\nHe said: “The talks were good.”"
    quote = _quotes(nlp, text)[-1]
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.actor.name) == ("He", "Benjamin Netanyahu")


def test_floating_quote_inherits_the_last_speaker(nlp: Language) -> None:
    text = "“We will not yield,” Vladimir Putin said.\n“Never.”"
    floating = _quotes(nlp, text)[-1]
    assert floating.rule == "marks+previous-speaker"
    assert floating.speaker is not None and floating.speaker.actor.name == "Vladimir Putin"


def test_indirect_speech_with_that_clause(nlp: Language) -> None:
    (quote,) = _quotes(nlp, "Sergei Lavrov said that Russia would not attend the summit.")
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "Russia would not attend the summit"
    assert quote.cue == "said"


def test_according_to_gives_the_source(nlp: Language) -> None:
    (quote,) = _quotes(nlp, "The ceasefire has collapsed, according to Reuters.")
    assert quote.speaker is not None and quote.speaker.actor.name == "Reuters"
    assert quote.text == "The ceasefire has collapsed"


def test_a_negated_cue_reports_nothing(nlp: Language) -> None:
    assert _quotes(nlp, "Antony Blinken did not reveal whether Israel agreed.") == []


def _analysis(nlp: Language, text: str) -> Analysis:
    return analyze_one(nlp, Article(text=text, published=date(2024, 8, 20)))


def test_an_event_stated_in_a_quote_links_to_it(nlp: Language) -> None:
    text = "Egypt condemned Israel on Monday.\n“Israel has accepted the proposal,” Blinken said."
    analysis = _analysis(nlp, text)
    (quote,) = analysis.quotes
    links = {event.trigger: event.quote_index for event in analysis.events}
    assert links == {"condemned": None, "accepted": 0}
    assert quote.spans[0][0] < text.index("accepted") < quote.spans[0][1]


def test_an_appeal_that_reports_a_quote_links_to_it(nlp: Language) -> None:
    analysis = _analysis(nlp, "Antony Blinken urged Hamas to accept the deal.")
    (quote,) = analysis.quotes
    (appeal,) = [event for event in analysis.events if event.cameo_root == "02"]
    assert (appeal.trigger, quote.cue, appeal.quote_index) == ("urged", "urged", 0)
