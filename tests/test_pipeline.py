from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language
from spacy.tokens.underscore import Underscore

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


def test_no_component_sets_an_attribute_another_declares(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_now: set[str] = set()
    setattr_ = Underscore.__setattr__

    def guarded(self: Underscore, name: str, value: object) -> None:
        kind = "doc" if self._start is None else "token" if self._end is None else "span"
        set_now.add(f"{kind}._.{name}")
        setattr_(self, name, value)

    monkeypatch.setattr(Underscore, "__setattr__", guarded)
    text = (
        "A Chilean judge has ordered a former defence minister to appear in court. "
        "A roadside bomb killed three Kenyan soldiers near Mandera in Kenya on Monday. "
        '"We will not accept this," Egypt\'s foreign minister said. The two countries met.'
    )
    doc = nlp.make_doc(text)
    doc._.published = date(2024, 8, 20)
    set_by: dict[str, set[str]] = {}
    for name, component in nlp.pipeline:
        set_now.clear()
        doc = component(doc)
        set_by[name] = set(set_now)
        assert set_now <= set(nlp.get_pipe_meta(name).assigns), name
    # The guard saw what each stage sets, among it what the events stage completes.
    assert "doc._.actor_mentions" in set_by["tidings_actors"]
    assert "span._.event_actor" in set_by["tidings_events"]


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
