"""Read-only queries for the HTTP API: paged events and quotes, counts over time, actors, dyads.

A Reader opens the database read-only and bounds every statement's time; it never writes, so
it never creates tables either.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from math import isqrt
from pathlib import Path
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar, cast

import orjson
from sqlalchemy import (
    ColumnElement,
    Engine,
    Text,
    and_,
    bindparam,
    case,
    create_engine,
    event,
    func,
    inspect,
    literal_column,
    or_,
    select,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, aliased
from sqlalchemy.pool import QueuePool
from sqlalchemy.sql.compiler import SQLCompiler

from tidings.export import event_row, mention_row, quote_row
from tidings.records import ActorMention, Analysis, Event, Factuality
from tidings.store.models import ArticleRow, EventActorRow, EventRow, MentionRow, QuoteRow
from tidings.store.store import FACT_VALUES, Store, _mention, _Mentions, _quote

# "ISR", "USAGOV", "PSEREB": an actor code; anything else is part of a name.
ACTOR_CODE = re.compile(r"[A-Z]{3}[A-Z|]*")
TimelineStep = Literal["day", "week"]
# How a page finds an actor's events: by the event_actors key ("index"), by walking events in
# id order with their actors joined ("walk"), or from the actor's mentions ("mentions").
ActorPlan = Literal["index", "walk", "mentions"]
MAX_REMEMBERED = 10_000
MAX_PAGE = 1000
MAX_STATEMENTS = 1024
PROGRESS_STEPS = 1_000_000
P = ParamSpec("P")
T = TypeVar("T")


def read_only_engine(url: str, timeout: float) -> Engine:
    """An engine that cannot write and gives up on any statement running over ``timeout`` s."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not path.is_file():
            raise FileNotFoundError(f"no SQLite database at {path}")
        uri = path.resolve().as_uri() + "?mode=ro"

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            connection.execute("PRAGMA query_only = ON")
            return connection

        # A pool of file connections shared by the server's threads (the default for a
        # creator is one connection per thread, closed beyond five).
        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=8)
        _bound_sqlite_statements(engine, timeout)
        return engine
    if parsed.get_backend_name() == "postgresql":
        options = f"-c default_transaction_read_only=on -c statement_timeout={int(timeout * 1000)}"
        return create_engine(url, connect_args={"options": options})
    return create_engine(url)


def _bound_sqlite_statements(engine: Engine, timeout: float) -> None:
    # SQLite has no statement timeout: a progress handler interrupts a statement past its deadline.
    # It runs every PROGRESS_STEPS steps, which takes the GIL: a page of events (some 30 000
    # steps) runs without it, a count over a million events checks some ten times a second.
    @event.listens_for(engine, "connect")
    def _on_connect(connection: sqlite3.Connection, record: Any) -> None:
        deadline = record.info["deadline"] = [float("inf")]
        connection.set_progress_handler(lambda: int(time.monotonic() > deadline[0]), PROGRESS_STEPS)

    @event.listens_for(engine, "before_cursor_execute")
    def _on_execute(connection: Any, *_: Any) -> None:
        connection.info["deadline"][0] = time.monotonic() + timeout


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every field left empty matches all."""

    actor: str | None = None  # an actor code prefix (ISR, USAGOV) or part of a name
    code: str | None = None  # a CAMEO code prefix
    since: date | None = None
    until: date | None = None
    # Empty: the events shown by default, facts of a known actor (as ``tidings events``).
    factuality: frozenset[Factuality] = frozenset()
    include_all: bool = False
    country: str | None = None  # where it happened
    article: str | None = None
    text: str | None = None  # words in the sentence


def _like(words: str) -> str:
    """A LIKE pattern matching ``words`` anywhere, its wildcards taken literally."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# An event's actors, as joined to it in a page of events.
SOURCE = aliased(MentionRow, name="source")
TARGET = aliased(MentionRow, name="target")
REPORTER = aliased(MentionRow, name="reporter")


def _is_actor(actor: str, mention: Any = MentionRow) -> ColumnElement[bool]:
    """Whether a mention is of an actor given by code prefix or part of the name."""
    if not ACTOR_CODE.fullmatch(actor):
        return cast(ColumnElement[bool], mention.name.ilike(_like(actor), escape="\\"))
    same_country = mention.country == actor[:3]
    if len(actor) == 3:
        return cast(ColumnElement[bool], same_country)
    code = func.coalesce(mention.country, "") + mention.sectors
    return and_(same_country, code.startswith(actor, autoescape=True))


def _mentions_of(actor: str) -> Any:
    """The ids of the mentions of an actor."""
    return select(MentionRow.id).where(_is_actor(actor))


def _involving(actor: str, *, walk: bool = False) -> ColumnElement[bool]:
    """Events with the actor on either side. ``walk`` checks the actors joined to each event
    (SOURCE, TARGET), which suits an actor common enough that a page's worth comes soon in id
    order; otherwise the actor's mentions lead to its events by index."""
    if walk:
        return or_(_is_actor(actor, SOURCE), _is_actor(actor, TARGET))
    mentions = _mentions_of(actor)
    return or_(EventRow.source_id.in_(mentions), EventRow.target_id.in_(mentions))


def _sentence_text() -> Any:
    """The event's sentence, cut from its article's text."""
    text = select(ArticleRow.text).where(ArticleRow.id == EventRow.article_id)
    return func.substr(
        text.scalar_subquery(),
        EventRow.sentence_start + 1,
        EventRow.sentence_end - EventRow.sentence_start,
    )


def _conditions(chosen: EventFilter, *, walk: bool = False) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if chosen.factuality:
        conditions.append(EventRow.factuality.in_(sorted(f.value for f in chosen.factuality)))
    elif not chosen.include_all:
        conditions += [EventRow.factuality.in_(FACT_VALUES), EventRow.source_id.is_not(None)]
    if chosen.actor:
        conditions.append(_involving(chosen.actor, walk=walk))
    if chosen.code:
        conditions.append(EventRow.cameo_code.startswith(chosen.code, autoescape=True))
    if chosen.since:
        conditions.append(EventRow.date >= chosen.since)
    if chosen.until:
        conditions.append(EventRow.date <= chosen.until)
    if chosen.country:
        conditions.append(EventRow.location_country == chosen.country.upper())
    if chosen.article:
        conditions.append(EventRow.article_id == chosen.article)
    if chosen.text:
        conditions.append(_sentence_text().ilike(_like(chosen.text), escape="\\"))
    return conditions


class _ById:
    """Mentions by id, as _Mentions gives them for one article."""

    def __init__(self, session: Session, ids: set[int]) -> None:
        # Plain rows rather than ORM objects: a page's mentions are built many times a second.
        query = select(MentionRow.__table__).where(MentionRow.id.in_(ids))
        rows = cast(list[MentionRow], session.execute(query).all() if ids else [])
        self._by_id = {row.id: _mention(row) for row in rows}

    def get(self, mention_id: int | None) -> ActorMention | None:
        return self._by_id[mention_id] if mention_id is not None else None


def _actor_columns(prefix: str, side: Any) -> list[Any]:
    return [
        side.name.label(f"{prefix}_name"),
        side.country.label(f"{prefix}_country"),
        side.sectors.label(f"{prefix}_sector"),
        side.text.label(f"{prefix}_text"),
    ]


def _placed(column: Any, default: Any = None) -> Any:
    """A location column, as a Place holds it: only where the event has a place."""
    value = column if default is None else func.coalesce(column, default)
    return case((EventRow.location_name.is_(None), None), else_=value)


def _code(side: Any) -> Any:
    code = func.replace(func.coalesce(side.country, "") + side.sectors, "|", "")
    return case((side.id.is_(None), None), else_=code)


def _json_object(dialect: str, fields: list[Any]) -> Any:
    """The JSON text of an object of these labelled columns, written by the database."""
    pairs: list[Any] = []
    for field in fields:
        pairs += [literal_column(f"'{field.key}'"), field]
    if dialect == "postgresql":
        return func.json_build_object(*pairs).cast(Text)
    return func.json_object(*pairs)


def _json_boolean(dialect: str, value: Any) -> Any:
    """true or false in a JSON object (SQLite's booleans are 0 and 1)."""
    if dialect == "postgresql":
        return value
    return func.json(case((value, "true"), else_="false"))


@cache
def _event_items(dialect: str) -> Any:
    """A SELECT of API event items' ids and JSON texts, their fields named and ordered as
    event_item() gives them: the database writes the JSON, which took Python a third of a
    request to build from rows."""
    e = EventRow
    fields = [
        *(e.id, e.article_id, e.sentence_index, e.sentence_start, e.sentence_end),
        *_actor_columns("source", SOURCE),
        *_actor_columns("target", TARGET),
        e.cameo_code,
        func.substr(e.cameo_code, 1, 2).label("cameo_root"),
        *(e.goldstein, e.quad_class, e.plover_event, e.plover_mode, e.plover_context),
        *(e.factuality, e.date, e.date_basis, e.date_precision, e.date_text, e.location_name),
        _placed(e.location_country).label("location_country"),
        _placed(e.geonames_id).label("location_geonames_id"),
        _placed(e.location_start, 0).label("location_start"),
        _placed(e.location_end, 0).label("location_end"),
        *(e.trigger, e.trigger_start, e.trigger_end),
        REPORTER.name.label("reported_by_name"),
        e.quote_index,
        _json_boolean(dialect, func.coalesce(e.reciprocal, False)).label("reciprocal"),
        e.rule,
        func.coalesce(e.source_rule, "").label("source_rule"),
        func.coalesce(e.target_rule, "").label("target_rule"),
        _code(SOURCE).label("source_code"),
        _code(TARGET).label("target_code"),
        _sentence_text().label("sentence"),
    ]
    return (
        _with_actors(select(e.id, _json_object(dialect, fields)))
        .outerjoin(REPORTER, REPORTER.id == EventRow.reported_by_id)
        .order_by(EventRow.id)
    )


def _with_actors(query: Any) -> Any:
    """The query with each event's source and target joined, as SOURCE and TARGET."""
    return query.outerjoin(SOURCE, SOURCE.id == EventRow.source_id).outerjoin(
        TARGET, TARGET.id == EventRow.target_id
    )


@lru_cache(maxsize=MAX_STATEMENTS)
def _event_query(
    dialect: str,
    chosen: EventFilter,
    plan: ActorPlan,
    between: tuple[str, str] | None,
    limit: int,
    paged: bool,
) -> Any:
    """The SELECT of a page of events; built once per filter, as building it costs as much as
    running it."""
    key: Any = EventRow.id
    ids = select(EventRow.id)
    if plan == "index" and chosen.actor:
        # The actor's country leads to its events in id order; a longer code (USAGOV) is then
        # checked on the actors joined to each.
        key = EventActorRow.event_id
        ids = (
            select(key)
            .join(EventRow, EventRow.id == key)
            .where(EventActorRow.country == chosen.actor[:3])
        )
        if len(chosen.actor) == 3:
            chosen = replace(chosen, actor=None)
    ids = _with_actors(ids).where(*_conditions(chosen, walk=plan != "mentions"))
    if between is not None:
        ma, mb = (_mentions_of(actor) for actor in between)
        ids = ids.where(
            or_(
                and_(EventRow.source_id.in_(ma), EventRow.target_id.in_(mb)),
                and_(EventRow.source_id.in_(mb), EventRow.target_id.in_(ma)),
            )
        )
    if paged:
        ids = ids.where(key > bindparam("after"))
    # The page's ids first: only its items are then written as JSON, not every match the
    # database sorts by id (a rare actor's thousands, found through its mentions).
    page = ids.order_by(key).limit(limit + 1).correlate(None)
    return _event_items(dialect).where(EventRow.id.in_(page))


def event_item(found: Event, sentence: str) -> dict[str, object]:
    """An event as the JSONL contract gives it, with its actors' codes and its sentence."""
    return {
        **event_row(found),
        "source_code": found.source.actor.code if found.source else None,
        "target_code": found.target.actor.code if found.target else None,
        "sentence": sentence,
    }


class _Recent:
    """Results kept for some seconds: a chart over a million events costs seconds to count."""

    def __init__(self, seconds: float, size: int = MAX_REMEMBERED) -> None:
        self.seconds, self.size = seconds, size
        self._kept: dict[Hashable, tuple[float, Any]] = {}
        # One thread counts while the others asking the same wait for its result, or take the
        # last one while it is counted afresh.
        self._counting: dict[Hashable, threading.Lock] = defaultdict(threading.Lock)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        kept = self._kept.get(key)
        if kept is not None and kept[0] > time.monotonic():
            return cast(T, kept[1])
        lock = self._counting[key]
        if kept is not None and not lock.acquire(blocking=False):
            return cast(T, kept[1])  # another thread is counting afresh: the last count will do
        if kept is None:
            lock.acquire()
        try:
            kept = self._kept.get(key)
            if kept is not None and kept[0] > time.monotonic():
                return cast(T, kept[1])
            value = compute()
            if len(self._kept) >= self.size:
                self._kept.clear()
                self._counting = defaultdict(threading.Lock)
            self._kept[key] = (time.monotonic() + self.seconds, value)
            return value
        finally:
            lock.release()


def _remembered(
    method: Callable[Concatenate[Reader, P], T],
) -> Callable[Concatenate[Reader, P], T]:
    """A Reader method whose results are kept for ``Reader.recent.seconds``."""

    def remembered(reader: Reader, /, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        return reader.recent.get(key, lambda: method(reader, *args, **kwargs))

    return remembered


@dataclass(frozen=True)
class Page:
    """Rows of one page, and the cursor of the next one (None on the last page)."""

    items: list[dict[str, object]]
    next: str | None


@dataclass(frozen=True)
class TextPage:
    """A page whose items are JSON texts, and the cursor of the next one."""

    items: list[str]
    next: str | None


class Reader(Store):
    """Read-only access to a tidings database, each statement bounded in time."""

    def __init__(self, url: str, *, timeout: float = 30.0, remember: float = 60.0) -> None:
        self.engine = read_only_engine(url, timeout)
        # Counts (timelines, top actors and dyads) are kept ``remember`` seconds.
        self.recent = _Recent(remember)
        self._statements: dict[Hashable, SQLCompiler] = {}
        # Per actor code: how many mentions it has (up to a point), and how many events. Only the
        # choice of plan depends on it, so figures made stale by a later ingest do no harm.
        self._sizes: dict[str, tuple[int, int]] = {}
        # A database made by an older tidings, and not opened for writing since, has no
        # event_actors.
        self._event_actors = inspect(self.engine).has_table(EventActorRow.__tablename__)

    def _compiled(
        self,
        chosen: EventFilter,
        plan: ActorPlan,
        between: tuple[str, str] | None,
        limit: int,
        after: int | None,
    ) -> tuple[str, Any]:
        """The SQL text of a page of events for this database, and its parameters."""
        key = (chosen, plan, between, limit, after is not None)
        compiled = self._statements.get(key)
        if compiled is None:
            if len(self._statements) > MAX_STATEMENTS:
                self._statements.clear()
            query = _event_query(self.engine.dialect.name, *key)
            compiled = cast(SQLCompiler, query.compile(dialect=self.engine.dialect))
            self._statements[key] = compiled
        # Lists in a filter ("in" factualities) are expanded here, the cursor bound with them.
        state = compiled.construct_expanded_state({"after": after} if after is not None else None)
        if state.positiontup is not None:
            return state.statement, tuple(state.parameters[name] for name in state.positiontup)
        return state.statement, state.parameters

    def _plan(self, session: Session | Connection, actor: str | None, limit: int) -> ActorPlan:
        """How a page of the actor's events comes soonest: a code by event_actors, a name
        (which no index finds) by walking; without event_actors, a common actor by walking and
        a rare one through its mentions."""
        if actor is None:
            return "mentions"
        if self._keyed(actor):
            return "index"
        if not ACTOR_CODE.fullmatch(actor):
            return "walk"
        if actor not in self._sizes:
            if len(self._sizes) > MAX_REMEMBERED:
                self._sizes.clear()
            events = session.scalar(select(func.max(EventRow.id))) or 0
            # Counting stops where walking would win at the largest page.
            enough = isqrt(MAX_PAGE * events) + 1
            some = select(MentionRow.id).where(_is_actor(actor)).limit(enough).subquery()
            mentions = session.scalar(select(func.count()).select_from(some)) or 0
            self._sizes[actor] = (mentions, events)
        mentions, events = self._sizes[actor]
        # Walking reads about limit * events / mentions events; the index, about mentions.
        return "walk" if mentions * mentions > limit * events else "mentions"

    def _keyed(self, actor: str | None) -> bool:
        """Whether an actor's events are read by the event_actors key: a code, where the
        database has the table."""
        return self._event_actors and actor is not None and bool(ACTOR_CODE.fullmatch(actor))

    def reads_by_key(self, chosen: EventFilter) -> bool:
        """Whether a page of these events is read straight off the event_actors key: an actor
        code and nothing else to look for, so a page takes about a millisecond."""
        return self._keyed(chosen.actor) and replace(chosen, actor=None) == EventFilter()

    def event_texts(
        self,
        chosen: EventFilter,
        *,
        limit: int,
        after: int | None = None,
        between: tuple[str, str] | None = None,
    ) -> TextPage:
        """Events in stored order, ``limit`` of them after the event id ``after``, as JSON texts;
        with ``between``, only those from one of the two actors to the other."""
        with self.engine.connect() as connection:
            plan = self._plan(connection, chosen.actor, limit)
            sql, params = self._compiled(chosen, plan, between, limit, after)
            # Straight to the driver: SQLAlchemy's row processing was a sixth of a request.
            found = connection.exec_driver_sql(sql, params).fetchall()
        items = [item for _, item in found[:limit]]
        return TextPage(items, str(found[limit - 1][0]) if len(found) > limit else None)

    def event_page(
        self,
        chosen: EventFilter,
        *,
        limit: int,
        after: int | None = None,
        between: tuple[str, str] | None = None,
    ) -> Page:
        """Events as event_texts() gives them, each a dict."""
        page = self.event_texts(chosen, limit=limit, after=after, between=between)
        return Page([orjson.loads(item) for item in page.items], page.next)

    def all_events(
        self, chosen: EventFilter, *, after: int | None = None, batch: int = 1000
    ) -> Iterator[dict[str, object]]:
        """Every matching event after the id ``after``, read a page at a time."""
        while True:
            page = self.event_page(chosen, limit=batch, after=after)
            yield from page.items
            if page.next is None:
                return
            after = int(page.next)

    def dyad_events(self, a: str, b: str, chosen: EventFilter, *, limit: int) -> Page:
        """Events from actor ``a`` to ``b`` or from ``b`` to ``a``."""
        return self.event_page(chosen, limit=limit, between=(a, b))

    def quote_page(
        self,
        *,
        speaker: str | None = None,
        text: str | None = None,
        since: date | None = None,
        article: str | None = None,
        limit: int,
        after: int | None = None,
    ) -> Page:
        """Quotes in stored order with their article's date and title."""
        query = (
            select(QuoteRow, ArticleRow.published, ArticleRow.title)
            .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
            .order_by(QuoteRow.id)
            .limit(limit + 1)
        )
        if speaker:
            query = query.where(QuoteRow.speaker_id.in_(_mentions_of(speaker)))
        if text:
            query = query.where(QuoteRow.text.ilike(_like(text), escape="\\"))
        if since:
            query = query.where(ArticleRow.published >= since)
        if article:
            query = query.where(QuoteRow.article_id == article)
        if after is not None:
            query = query.where(QuoteRow.id > after)
        with Session(self.engine) as session:
            found = session.execute(query).all()
            rows = found[:limit]
            ids = {i for row, *_ in rows for i in (row.speaker_id, row.reported_by_id)}
            mentions = cast(_Mentions, _ById(session, {i for i in ids if i is not None}))
            items = [
                {
                    "id": row.id,
                    **quote_row(_quote(row, mentions)),
                    "published": published.isoformat() if published else None,
                    "title": title,
                }
                for row, published, title in rows
            ]
        more = len(found) > limit
        return Page(items, str(rows[-1][0].id) if more else None)

    def article_page(self, *, text: str | None, limit: int, after: str | None) -> Page:
        """Articles by id: title, date, source and how many events and quotes each holds."""
        events = select(func.count()).where(EventRow.article_id == ArticleRow.id)
        quotes = select(func.count()).where(QuoteRow.article_id == ArticleRow.id)
        query = (
            select(
                ArticleRow.id,
                ArticleRow.title,
                ArticleRow.url,
                ArticleRow.source,
                ArticleRow.published,
                events.scalar_subquery().label("events"),
                quotes.scalar_subquery().label("quotes"),
            )
            .order_by(ArticleRow.id)
            .limit(limit + 1)
        )
        if text:
            query = query.where(ArticleRow.title.ilike(_like(text), escape="\\"))
        if after is not None:
            query = query.where(ArticleRow.id > after)
        with Session(self.engine) as session:
            found = session.execute(query).all()
        items = [
            {**row._asdict(), "published": row.published.isoformat() if row.published else None}
            for row in found[:limit]
        ]
        return Page(items, str(items[-1]["id"]) if len(found) > limit else None)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's text with its sentences, actors, events and quotes, with offsets."""
        analysis = self.analysis(article_id)
        return None if analysis is None else article_record(analysis)

    @_remembered
    def timeline(self, chosen: EventFilter, *, by: TimelineStep) -> list[dict[str, object]]:
        """Per day or week: events per quad class and the mean Goldstein score."""
        query = (
            select(
                EventRow.date,
                EventRow.quad_class,
                func.count(),
                func.sum(EventRow.goldstein),
                func.count(EventRow.goldstein),
            )
            .where(*_conditions(chosen), EventRow.date.is_not(None))
            .group_by(EventRow.date, EventRow.quad_class)
        )
        periods: dict[date, dict[str, Any]] = {}
        with Session(self.engine) as session:
            for day, quad, count, total, scored in session.execute(query):
                assert day is not None  # the query leaves undated events out
                start = day - timedelta(days=day.weekday()) if by == "week" else day
                period = periods.setdefault(start, {"quads": Counter(), "sum": 0.0, "scored": 0})
                period["quads"][quad] += count
                period["sum"] += total or 0.0
                period["scored"] += scored
        return [
            {
                "period": start.isoformat(),
                "events": sum(period["quads"].values()),
                "quad_class": {str(q): period["quads"][q] for q in (1, 2, 3, 4)},
                "goldstein": round(period["sum"] / period["scored"], 3)
                if period["scored"]
                else None,
            }
            for start, period in sorted(periods.items())
        ]

    @_remembered
    def dyad_days(self, a: str, b: str, chosen: EventFilter) -> list[dict[str, object]]:
        """Per day, events from ``a`` to ``b`` and from ``b`` to ``a``, with mean Goldstein."""
        result: dict[date, dict[str, Any]] = {}
        for direction, (source, target) in {"a_to_b": (a, b), "b_to_a": (b, a)}.items():
            query = (
                select(EventRow.date, func.count(), func.avg(EventRow.goldstein))
                .where(
                    *_conditions(chosen),
                    EventRow.date.is_not(None),
                    EventRow.source_id.in_(_mentions_of(source)),
                    EventRow.target_id.in_(_mentions_of(target)),
                )
                .group_by(EventRow.date)
            )
            with Session(self.engine) as session:
                for day, count, mean in session.execute(query):
                    entry = result.setdefault(day, {"a_to_b": 0, "b_to_a": 0})
                    entry[direction] = count
                    entry[f"goldstein_{direction}"] = round(mean, 3) if mean is not None else None
        return [{"date": day.isoformat(), **entry} for day, entry in sorted(result.items())]

    @_remembered
    def actors(self, chosen: EventFilter, *, name: str | None, limit: int) -> list[dict[str, Any]]:
        """Actors by how many events they take part in: as source, as target, and their quotes."""
        counts: dict[tuple[str, str | None, str], Counter[str]] = defaultdict(Counter)
        sides = {"as_source": EventRow.source_id, "as_target": EventRow.target_id}
        with Session(self.engine) as session:
            for column, side in sides.items():
                query = (
                    select(MentionRow.name, MentionRow.country, MentionRow.sectors, func.count())
                    .join(EventRow, side == MentionRow.id)
                    .where(*_conditions(chosen))
                    .group_by(MentionRow.name, MentionRow.country, MentionRow.sectors)
                )
                if name:
                    query = query.where(MentionRow.name.ilike(_like(name), escape="\\"))
                for actor_name, country, sectors, count in session.execute(query):
                    counts[(actor_name, country, sectors)][column] += count
        ranked = sorted(counts.items(), key=lambda item: (-item[1].total(), item[0][0]))
        return [
            {
                "name": actor_name,
                "code": (country or "") + sectors.replace("|", ""),
                "country": country,
                "sector": sectors,
                "as_source": found["as_source"],
                "as_target": found["as_target"],
            }
            for (actor_name, country, sectors), found in ranked[:limit]
        ]

    @_remembered
    def counterparts(self, actor: str, chosen: EventFilter, *, limit: int) -> list[dict[str, Any]]:
        """Whom ``actor`` acts on and who acts on it: per counterpart code, events each way."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        names: dict[str, str] = {}
        mine = _mentions_of(actor)
        other = aliased(MentionRow)
        code = func.coalesce(other.country, "") + func.replace(other.sectors, "|", "")
        sides = {
            "acts_on": (EventRow.source_id, EventRow.target_id),
            "acted_on_by": (EventRow.target_id, EventRow.source_id),
        }
        with Session(self.engine) as session:
            for direction, (own_side, other_side) in sides.items():
                query = (
                    select(code, func.min(other.name), func.count())
                    .select_from(EventRow)
                    .join(other, other.id == other_side)
                    .where(*_conditions(chosen), own_side.in_(mine), other.country.is_not(None))
                    .group_by(code)
                )
                for found_code, name, count in session.execute(query):
                    counts[found_code][direction] += count
                    names.setdefault(found_code, name)
        ranked = sorted(counts.items(), key=lambda item: (-item[1].total(), item[0]))
        return [
            {
                "code": found_code,
                "name": names[found_code],
                "acts_on": found["acts_on"],
                "acted_on_by": found["acted_on_by"],
            }
            for found_code, found in ranked[:limit]
        ]

    @_remembered
    def top_dyads(self, chosen: EventFilter, *, limit: int) -> list[dict[str, Any]]:
        """Pairs of countries by how many events passed between them, either way."""
        source, target = aliased(MentionRow), aliased(MentionRow)
        query = (
            select(source.country, target.country, func.count())
            .select_from(EventRow)
            .join(source, source.id == EventRow.source_id)
            .join(target, target.id == EventRow.target_id)
            .where(
                *_conditions(chosen),
                source.country.is_not(None),
                target.country.is_not(None),
                source.country != target.country,
            )
            .group_by(source.country, target.country)
        )
        pairs: Counter[tuple[str, str]] = Counter()
        directed: dict[tuple[str, str], int] = {}
        with Session(self.engine) as session:
            for a, b, count in cast(Iterator[tuple[str, str, int]], session.execute(query)):
                pairs[cast(tuple[str, str], tuple(sorted((a, b))))] += count
                directed[(a, b)] = count
        return [
            {
                "a": a,
                "b": b,
                "events": count,
                "a_to_b": directed.get((a, b), 0),
                "b_to_a": directed.get((b, a), 0),
            }
            for (a, b), count in pairs.most_common(limit)
        ]


def article_record(analysis: Analysis) -> dict[str, Any]:
    """An analysed article as one JSON-ready record, every finding with its offsets."""
    article = analysis.article
    sentences = {s.index: s for s in analysis.sentences}
    # A sentence an event points at is always stored with it.
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end} for s in analysis.sentences
        ],
        "actors": [mention_row(mention) for mention in analysis.mentions],
        "events": [
            event_item(found, sentences[found.sentence_index].text) for found in analysis.events
        ],
        "quotes": [
            {**quote_row(quote), "cue_start": quote.cue_start, "cue_end": quote.cue_end}
            for quote in analysis.quotes
        ],
    }
