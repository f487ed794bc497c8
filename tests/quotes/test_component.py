from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tidings.pipeline import analyze_one
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


def test_a_quote_of_several_sentences_takes_the_cue_after_it(nlp: Language) -> None:
    text = "Sergei Lavrov spoke first.\n“The talks failed. We will not return,” Blinken said."
    (quote,) = _quotes(nlp, text)
    assert (quote.rule, quote.cue) == ("marks+cue", "said")
    assert quote.text == "“The talks failed. We will not return,”"
    assert quote.speaker is not None and quote.speaker.text == "Blinken"


def test_a_quote_runs_on_into_the_next_paragraph(nlp: Language) -> None:
    text = "Antony Blinken said: “We are close.\n“And we will get there.”\nHamas was silent."
    (quote,) = _quotes(nlp, text)
    assert quote.text.endswith("“And we will get there.”")
    assert quote.speaker is not None and quote.speaker.actor.name == "Antony Blinken"


def test_a_stray_mark_leaves_the_later_quotes_alone(nlp: Language) -> None:
    text = 'A stray " mark here.\nAntony Blinken said: “We are close.”\n“Very close.”'
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes[-2:]] == ["“We are close.”", "“Very close.”"]
    assert all(q.speaker is not None and q.speaker.text == "Antony Blinken" for q in quotes[-2:])


def test_straight_marks_and_nested_single_quotes(nlp: Language) -> None:
    text = "\"He told me 'we will win' and left,\" Antony Blinken said."
    (quote,) = _quotes(nlp, text)
    assert quote.text == "\"He told me 'we will win' and left,\""
    assert quote.speaker is not None and quote.speaker.actor.name == "Antony Blinken"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Antony Blinken said the talks were “very close” to a deal.",
            "the talks were “very close” to a deal",
        ),
        (
            "Hillary Clinton says the flurry of tweets was “unhinged, even for him.”",
            "the flurry of tweets was “unhinged, even for him.”",
        ),
    ],
    ids=["fragment in a reported clause", "quoted predicate of a verbless clause"],
)
def test_quoted_words_in_a_reported_clause_make_it_mixed(
    nlp: Language, text: str, content: str
) -> None:
    (quote,) = _quotes(nlp, text)
    assert (quote.kind, quote.text) == (QuoteKind.MIXED, content)


def test_signed_and_colon_quotes_name_their_speaker(nlp: Language) -> None:
    for text in ("“We will never surrender.” - Vladimir Putin", "Vladimir Putin: “We will win.”"):
        (quote,) = _quotes(nlp, text)
        assert quote.speaker is not None and quote.speaker.actor.name == "Vladimir Putin", text
        assert quote.rule == "marks+signature"


def test_each_reporting_verb_of_a_sentence_reports(nlp: Language) -> None:
    text = "Antony Blinken said the talks had failed, and added that Israel would attend."
    said, added = _quotes(nlp, text)
    assert (said.cue, said.text) == ("said", "the talks had failed")
    assert (added.cue, added.text) == ("added", "Israel would attend")
    assert added.speaker is not None and added.speaker.actor.name == "Antony Blinken"


def test_indirect_speech_cues(nlp: Language) -> None:
    cases = {
        "Sergei Lavrov told reporters that Russia would not attend.": "Sergei Lavrov",
        "In a statement, Hamas said that Israel had broken the truce.": "Hamas",
        "Hamas issued a statement saying that Israel had broken the truce.": "Hamas",
        "Hamas's spokesman said the group would not attend.": "Hamas",
    }
    for text, speaker in cases.items():
        (quote,) = _quotes(nlp, text)
        assert quote.kind is QuoteKind.INDIRECT, text
        assert quote.speaker is not None and quote.speaker.actor.name == speaker, text


def test_reported_by_is_not_the_speaker(nlp: Language) -> None:
    text = "According to reports by AP, Hamas has said it is losing faith in the US."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None and quote.speaker.actor.name == "Hamas"
    assert quote.reported_by is not None and quote.reported_by.actor.name == "AP"


def test_a_name_and_a_colon_introduce_a_paragraph(nlp: Language) -> None:
    text = "Transcript:\n\nWALLACE: Let us start with the news. Will she be there?\n\nOIL: It fell."
    (quote,) = _quotes(nlp, text)
    assert (quote.rule, quote.text) == ("colon", "Let us start with the news. Will she be there?")
    assert quote.speaker is not None and quote.speaker.text == "WALLACE"


def test_a_colon_closing_the_paragraph_before_introduces_the_quote(nlp: Language) -> None:
    text = "Hamas met the envoy.\n\nAntony Blinken said:\n\n“We are close to a deal.”"
    quote = _quotes(nlp, text)[-1]
    assert (quote.rule, quote.cue) == ("marks+cue", "said")
    assert quote.speaker is not None and quote.speaker.actor.name == "Antony Blinken"


def test_an_unnamed_speaker_keeps_its_description(nlp: Language) -> None:
    (quote,) = _quotes(nlp, "A person familiar with the talks said the deal was close.")
    assert quote.speaker is not None and quote.speaker.text == "A person familiar with the talks"


def test_a_reporting_noun_reports_its_that_clause(nlp: Language) -> None:
    (quote,) = _quotes(nlp, "Politifact checked Donald Trump's claim that crime had risen.")
    assert (quote.rule, quote.cue, quote.text) == ("noun+clause", "claim", "crime had risen")
    assert quote.speaker is not None and quote.speaker.actor.name == "Donald Trump"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The drugs have a limited set of uses, he says, and are meant for short use.",
            "says",
            "The drugs have a limited set of uses",
        ),
        (
            "He said in a statement that the new king would be sworn in soon.",
            "said",
            "the new king would be sworn in soon",
        ),
    ],
    ids=["parenthetical cue", "that-clause after an adjunct"],
)
def test_reported_content(nlp: Language, text: str, cue: str, content: str) -> None:
    (quote,) = _quotes(nlp, text)
    assert (quote.cue, quote.text) == (cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "Antony Blinken did not reveal whether Israel agreed.",
        "The bridge was estimated to cost $2 billion.",
        "Trudeau calls\n\nJustin Trudeau says.",
        "Washington calls it the “deal of the century” in its papers.",
        "Tesla posted a video in which a car shows off by taking “snow laps” in Quebec.",
        "READ MORE: Trudeau says China is acting arbitrarily\n\nThe talks went on.",
    ],
    ids=[
        "negated cue",
        "infinitive after a verb not listed for it",
        "clause in another paragraph than its verb",
        "term in marks",
        "term far below the reporting verb",
        "link paragraph",
    ],
)
def test_no_quote(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []


def test_a_heading_above_is_not_part_of_the_speaker(nlp: Language) -> None:
    text = "Claims about the complex costs\n\nMcCallum said the land was unstable."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None and quote.speaker.text == "McCallum"


def test_a_parenthetical_cue_reports_both_halves_of_its_clause(nlp: Language) -> None:
    text = "The museum, Mr. Obama said, would make visitors face hard truths."
    (quote,) = _quotes(nlp, text)
    assert [text[start:end] for start, end in quote.spans] == [
        "The museum",
        "would make visitors face hard truths",
    ]
    assert quote.speaker is not None and quote.speaker.text == "Mr. Obama"


def test_a_clause_opening_with_a_quoted_fragment_is_mixed(nlp: Language) -> None:
    text = 'He said "budget reforms" and unpaid taxes would help finance them.'
    (quote,) = _quotes(nlp, text)
    assert quote.kind is QuoteKind.MIXED
    start, end = quote.spans[0]
    assert text[start:end] == '"budget reforms" and unpaid taxes would help finance them'


def test_according_to_after_a_quotation_gives_its_speaker(nlp: Language) -> None:
    text = (
        "Mary Smith spoke first.\n\n"
        '"We have no system for it," according to Dr. Keith Ahamad, a family doctor.'
    )
    quote = _quotes(nlp, text)[-1]
    assert quote.rule == "marks+according-to"
    assert quote.speaker is not None and quote.speaker.actor.name == "Keith Ahamad"


def test_a_name_in_apposition_is_the_speaker(nlp: Language) -> None:
    text = "“Most places print 1,000 copies,” says Campbell's partner, Jason Louth."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None and quote.speaker.actor.name == "Jason Louth"


def test_a_list_hung_on_the_reporting_verb_is_one_clause(nlp: Language) -> None:
    (quote,) = _quotes(
        nlp, "Brooks said he drank too much, used drugs and was in and out of relationships."
    )
    assert quote.text == "he drank too much, used drugs and was in and out of relationships"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The RCMP statement said "the camp was cleared."', "RCMP"),
        ('A release sent from the Red Cross on Friday said "the camp was cleared."', "Red Cross"),
    ],
)
def test_a_statement_speaks_for_its_issuer(nlp: Language, text: str, speaker: str) -> None:
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None and speaker in quote.speaker.actor.name


def test_conjoined_speakers_are_one_joint_speaker(nlp: Language) -> None:
    text = (
        "Tore Sohlberg and Lehla Abreder own the restaurant.\n\n“We respect the vote,” they said."
    )
    quote = _quotes(nlp, text)[-1]
    assert quote.speaker is not None
    assert quote.speaker.actor.name == "Tore Sohlberg and Lehla Abreder"


def test_an_invisible_word_break_does_not_hide_the_speaker(nlp: Language) -> None:
    text = "Jeff Traeger leads the union.\n\nTraeger\u200b said he expects the union to help."
    quote = _quotes(nlp, text)[-1]
    assert quote.speaker is not None and quote.speaker.actor.name == "Jeff Traeger"


def test_a_misread_surname_between_quotation_and_verb_is_the_speaker(nlp: Language) -> None:
    text = (
        "Peter DeBoer said having Erik Karlsson back was a big boost.\n\n"
        '"You can see his impact on our team," DeBoer said of the former Ottawa Senators '
        "captain."
    )
    quote = _quotes(nlp, text)[-1]
    assert quote.speaker is not None and quote.speaker.actor.name == "Peter DeBoer"
