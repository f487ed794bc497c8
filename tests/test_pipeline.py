from __future__ import annotations

from datetime import date

import spacy
from spacy.language import Language

from tidings.examples import reference_article
from tidings.pipeline import DEFAULT_MODEL, TIDINGS_COMPONENTS, analyze, analyze_one
from tidings.records import Article


def test_pipeline_runs_tidings_components_after_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-len(TIDINGS_COMPONENTS) :] == list(TIDINGS_COMPONENTS)
    assert names.index("parser") < names.index("tidings_actors")


def test_each_component_finds_what_it_requires_set_before_it(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    for name in TIDINGS_COMPONENTS:
        meta = nlp.get_pipe_meta(name)
        assert meta.requires and meta.assigns, name
    # The chain: events read what every other tidings component assigns.
    events = set(nlp.get_pipe_meta("tidings_events").requires)
    assert "doc._.actor_mentions" in events and "doc._.quotes" in events
    assert "doc._.times" in events and "doc._.places" in events


def test_components_work_in_anyone_s_pipeline() -> None:
    theirs = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    for name in TIDINGS_COMPONENTS:
        theirs.add_pipe(name)
    doc = theirs("Egypt condemned the attack.")
    assert doc._.actor_mentions is not None
    assert doc._.events is not None
    assert doc._.quotes is not None


def test_analyze_keeps_order_and_offsets(nlp: Language) -> None:
    articles = [
        reference_article(),
        Article(text="Egypt and Qatar met in Cairo on Monday.", published=date(2024, 8, 20)),
    ]
    analyses = list(analyze(nlp, articles))
    assert [a.article for a in analyses] == articles
    for analysis in analyses:
        text = analysis.article.text
        assert analysis.sentences, "every article has sentences"
        for sentence in analysis.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        for mention in analysis.mentions:
            assert text[mention.start : mention.end] == mention.text
        for event in analysis.events:
            assert text[event.trigger_start : event.trigger_end] == event.trigger
            assert event.sentence_start <= event.trigger_start < event.sentence_end


def test_mentions_of_the_reference_article_carry_provenance(nlp: Language) -> None:
    analysis = analyze_one(nlp, reference_article())
    egypt = [m for m in analysis.mentions if m.actor.country == "EGY"]
    assert egypt, "Egypt is mentioned in line 3"
    assert all(m.article_id == analysis.article.id and m.resolved_by for m in egypt)
    assert analysis.sentences[egypt[0].sentence_index].start <= egypt[0].start
