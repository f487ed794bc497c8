"""The store gives back exactly what it was given, once per article, with its filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from tidings.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    DateBasis,
    DatePrecision,
    Event,
    Factuality,
    IngestFailure,
    Place,
    Quote,
    QuoteKind,
    Sentence,
)
from tidings.store import Store

ARTICLE = Article(text="Blinken called on Hamas. Hamas rejected it.", published=date(2024, 8, 20))
BLINKEN = Actor("Antony Blinken", "USA", ("GOV",), "kb:blinken")
HAMAS = Actor("Hamas", "PSE", ("REB",))


def _mention(actor: Actor, start: int, end: int, sentence: int = 0) -> ActorMention:
    return ActorMention(ARTICLE.id, sentence, start, end, ARTICLE.text[start:end], actor, "kb")


def _event(source: ActorMention | None, target: ActorMention | None, **changes: object) -> Event:
    values: dict[str, object] = {
        "article_id": ARTICLE.id,
        "sentence_index": 0,
        "sentence_start": 0,
        "sentence_end": 24,
        "trigger_start": 8,
        "trigger_end": 14,
        "trigger": "called",
        "source": source,
        "target": target,
        "cameo_code": "020",
        "goldstein": 3.0,
        "quad_class": 1,
        "plover_event": "REQUEST",
        "plover_mode": None,
        "plover_context": None,
        "factuality": Factuality.ASSERTED,
        "rule": "verbs.yaml:call_on",
        "date": date(2024, 8, 19),
        "date_basis": DateBasis.CLAUSE,
        "source_rule": "subject.v1",
        "target_rule": "pattern-prep.v1",
    }
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def _analysis() -> Analysis:
    blinken = _mention(BLINKEN, 0, 7)
    hamas = _mention(HAMAS, 18, 23)
    hamas_again = _mention(HAMAS, 25, 30, sentence=1)
    rejected = _event(
        hamas_again,
        None,
        sentence_index=1,
        sentence_start=25,
        sentence_end=43,
        trigger_start=31,
        trigger_end=39,
        trigger="rejected",
        cameo_code="120",
        goldstein=-4.0,
        quad_class=3,
        plover_event="REJECT",
        factuality=Factuality.NEGATED,
        location=Place("Doha", "QAT", 0, 4, 290030, 25.28, 51.53),
        date_precision=DatePrecision.DAY,
        date_text="Monday",
        quote_index=0,
    )
    speaker = ActorMention(ARTICLE.id, 0, 0, 7, "Blinken", Actor("Blinken"), "unresolved")
    quote = Quote(
        ARTICLE.id, QuoteKind.MIXED, ((25, 43), (0, 7)), "x", "said", 8, 12, speaker, blinken, "r"
    )
    return Analysis(
        article=ARTICLE,
        sentences=(
            Sentence(ARTICLE.id, 0, 0, 24, ARTICLE.text[0:24]),
            Sentence(ARTICLE.id, 1, 25, 43, ARTICLE.text[25:43]),
        ),
        mentions=(blinken, hamas, hamas_again),
        events=(_event(blinken, hamas), rejected),
        quotes=(quote,),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'store.db'}")


def test_round_trip_gives_equal_records(store: Store) -> None:
    analysis = _analysis()
    assert store.save([analysis]).stored == 1
    assert store.analysis(ARTICLE.id) == analysis
    assert store.articles() == [ARTICLE]


def test_a_reciprocal_event_stays_reciprocal(store: Store) -> None:
    analysis = _analysis()
    meeting = replace(analysis.events[0], cameo_code="040", reciprocal=True)
    store.save([replace(analysis, events=(meeting,))])
    assert store.events(include_all=True) == [meeting]


def test_saving_again_keeps_one_copy(store: Store) -> None:
    store.save([_analysis()])
    report = store.save([_analysis()])
    assert (report.stored, report.skipped) == (0, 1)
    assert len(store.events(include_all=True)) == 2


def test_a_failed_batch_rolls_back_alone(store: Store) -> None:
    store.save([_analysis()])
    other, another = Article(text="Egypt condemned Israel."), Article(text="Iran threatened.")
    broken = Analysis(another, (), (), (_event(None, None, article_id="not-an-article"),), ())
    with pytest.raises(Exception, match="FOREIGN KEY"):
        store.save([Analysis(other, (), (), (), ()), broken])
    assert store.articles() == [ARTICLE]
    assert not store.has_article(other.id)


def test_a_database_from_an_older_tidings_gains_the_columns(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store, store.engine.begin() as connection:
        for column in ("quote_index", "source_rule", "target_rule"):
            connection.execute(text(f"ALTER TABLE events DROP COLUMN {column}"))
    with Store(url) as store:
        store.save([_analysis()])
        assert store.analysis(ARTICLE.id) == _analysis()


def test_a_database_from_an_older_tidings_gains_its_event_actors(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"

    def event_actors(store: Store) -> list[tuple[str, int]]:
        with store.engine.connect() as connection:
            rows = connection.execute(text("SELECT country, event_id FROM event_actors"))
            return sorted((country, event_id) for country, event_id in rows)

    with Store(url) as store:
        store.save([_analysis()])
        saved = event_actors(store)
        with store.engine.begin() as connection:
            connection.execute(text("DROP TABLE event_actors"))
    with Store(url) as store:
        assert event_actors(store) == saved
    # A row per country on each side: the call (USA to PSE) and the rejection (PSE, no target).
    assert [country for country, _ in saved] == ["PSE", "PSE", "USA"]


def test_event_filters(store: Store) -> None:
    store.save([_analysis()])
    assert [e.cameo_code for e in store.events()] == ["020"]
    assert [e.cameo_code for e in store.events(include_all=True)] == ["020", "120"]
    assert [e.cameo_code for e in store.events(code="12", include_all=True)] == ["120"]
    assert store.events(actor="USAGOV") and store.events(actor="blink")
    assert store.events(actor="ISR") == []
    assert store.events(since=date(2024, 8, 20)) == []


def test_by_default_an_event_of_no_known_actor_is_kept_but_not_shown(store: Store) -> None:
    unknown_actor = _event(None, _mention(HAMAS, 18, 23), cameo_code="190", trigger_start=15)
    analysis = _analysis()
    store.save([Analysis(ARTICLE, analysis.sentences, analysis.mentions, (unknown_actor,), ())])
    assert store.events() == []
    assert store.events(include_all=True) == [unknown_actor]
    assert [unknown_actor.shown, _event(None, None).shown] == [False, False]
    assert _analysis().events[0].shown


def test_quotes_by_speaker_and_failures(store: Store) -> None:
    store.save([_analysis()])
    store.record_failure(IngestFailure("a.txt", "empty text"))
    assert len(store.quotes(speaker="BLINK")) == 1
    assert store.quotes(speaker="Netanyahu") == []
    assert store.failures() == [IngestFailure("a.txt", "empty text")]


names = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)
actors = st.builds(
    Actor,
    name=names,
    country=st.none() | st.sampled_from(["USA", "PSE", "ISR"]),
    sectors=st.lists(st.sampled_from(["GOV", "MIL", "REB", "MED"]), max_size=2).map(tuple),
    known_id=st.none() | names,
)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    article = Article(
        text=draw(names), published=draw(st.none() | st.dates()), title=draw(st.none() | names)
    )
    mention = st.builds(
        ActorMention,
        article_id=st.just(article.id),
        sentence_index=st.integers(0, 5),
        start=st.integers(0, 100),
        end=st.integers(0, 100),
        text=names,
        actor=actors,
        resolved_by=names,
    )
    optional_mention = st.none() | mention
    events = st.lists(
        st.builds(
            _event,
            optional_mention,
            optional_mention,
            article_id=st.just(article.id),
            factuality=st.sampled_from(list(Factuality)),
            goldstein=st.none() | st.floats(-10, 10),
            date=st.none() | st.dates(),
            reported_by=optional_mention,
            quote_index=st.none() | st.integers(0, 1),
        ),
        max_size=3,
    )
    quotes = st.lists(
        st.builds(
            Quote,
            article_id=st.just(article.id),
            kind=st.sampled_from(list(QuoteKind)),
            spans=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=3).map(
                tuple
            ),
            text=names,
            cue=st.none() | names,
            cue_start=st.none() | st.integers(0, 99),
            cue_end=st.none() | st.integers(0, 99),
            speaker=optional_mention,
            reported_by=optional_mention,
            rule=names,
        ),
        max_size=2,
    )
    return Analysis(
        article,
        (),
        # An article lists each mention once: two equal mentions are the same span.
        tuple(draw(st.lists(mention, max_size=4, unique=True))),
        tuple(draw(events)),
        tuple(draw(quotes)),
    )


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(analysis=analyses())
def test_any_analysis_round_trips(tmp_path: Path, analysis: Analysis) -> None:
    with Store(f"sqlite:///{tmp_path / 'any.db'}") as store:
        if store.has_article(analysis.article.id):
            return
        store.save([analysis])
        assert store.analysis(analysis.article.id) == analysis


def test_a_failing_input_has_one_row_however_often_it_is_rerun(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'f.db'}") as store:
        for _ in range(3):
            store.record_failure(IngestFailure("feed.jsonl:3", "not JSON"))
        store.record_failure(IngestFailure("feed.jsonl:4", "empty text"))
        assert store.failures() == [
            IngestFailure("feed.jsonl:3", "not JSON"),
            IngestFailure("feed.jsonl:4", "empty text"),
        ]
