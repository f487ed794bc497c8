"""The Store: saves Analyses in transactions and reads records back, equal to what was saved."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Engine,
    Select,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import IntegrityError, ProgrammingError
from sqlalchemy.orm import Session, aliased

from tidings.errors import DatabaseError, InputError
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
from tidings.store.models import (
    ArticleRow,
    Base,
    EventActorRow,
    EventRow,
    FailureRow,
    MentionRow,
    QuoteRow,
    SentenceRow,
)

FACT_VALUES = [f.value for f in Factuality if f.is_fact]
Row = TypeVar("Row", EventRow, QuoteRow)
Record = TypeVar("Record", Event, Quote)


@dataclass(frozen=True)
class SaveReport:
    """How many articles a save stored, and how many were there already."""

    stored: int
    skipped: int


def _enable_sqlite_integrity(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


def _add_new_columns(engine: Engine) -> None:
    """Add to a database made by an older tidings the nullable columns and indexes it lacks."""
    existing = inspect(engine)
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            have = {column["name"] for column in existing.get_columns(table.name)}
            for column in table.columns:
                if column.name not in have and column.nullable:
                    kind = column.type.compile(engine.dialect)
                    connection.execute(
                        text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}')
                    )
    for table in Base.metadata.sorted_tables:
        for index in table.indexes:
            # Another writer may create it at the same moment.
            with suppress(IntegrityError, ProgrammingError):
                index.create(engine, checkfirst=True)


def database_problem(url: str, error: BaseException) -> str:
    """One line naming the database and how to fix what went wrong with it."""
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = detail[0] if detail else type(error).__name__
    lowered = reason.lower()
    if parsed.get_backend_name() != "sqlite":
        if "connect" in lowered or "connection" in lowered or "resolve" in lowered:
            return f"cannot connect to {shown} ({reason}): start the server or fix --db"
        return f"database error on {shown} ({reason}): check the database and --db"
    path = Path(parsed.database or ":memory:")
    if "not a database" in lowered:
        return f"{path} is not a SQLite database: give --db a tidings database or a new file"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{path} is read-only: make it writable or give --db another file"
    if "disk is full" in lowered or "no space" in lowered:
        return f"the disk holding {path} is full: free space and rerun (stored work is kept)"
    if "locked" in lowered:
        return f"{path} is locked by another program: close it or wait, then rerun"
    if "unable to open" in lowered:
        if path.is_dir():
            return f"{path} is a folder: give --db a file, e.g. {path / 'tidings.db'}"
        if not path.parent.is_dir():
            return f"folder {path.parent} does not exist: create it or give --db another path"
        return f"cannot open {path}: check its permissions or give --db another path"
    return f"database error on {path} ({reason}): check the file or give --db another one"


def _report_database_errors(engine: Engine, url: str) -> None:
    # Every error the driver raises, on connecting as on querying, becomes one DatabaseError;
    # but for the races on creating tables, which the Store resolves itself.
    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        if not isinstance(context.sqlalchemy_exception, IntegrityError | ProgrammingError):
            raise DatabaseError(database_problem(url, context.original_exception))


def _open_engine(url: str, *, create: bool) -> Engine:
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    memory = parsed.database in (None, "", ":memory:")
    if parsed.get_backend_name() == "sqlite" and not create and not memory:
        path = Path(str(parsed.database))
        if not path.exists():
            raise DatabaseError(
                f"no database at {path}: check the path, or ingest into it first"
                f" (tidings ingest FILE --db {path})"
            )
    try:
        engine = create_engine(url)
    except ImportError as error:
        raise DatabaseError(
            f"no database driver for {shown} ({error.name or error}): install it, e.g."
            " pip install 'tidings[postgres]' for PostgreSQL"
        ) from None
    _report_database_errors(engine, url)
    return engine


class Store:
    """A database of articles and what tidings found in them (any SQLAlchemy URL).

    ``create=False`` opens an existing tidings database only (for queries): a missing one is
    a DatabaseError rather than a new empty file.
    """

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.engine = _open_engine(url, create=create)
        if self.engine.dialect.name == "sqlite":
            _enable_sqlite_integrity(self.engine)
        if not create and not inspect(self.engine).has_table(ArticleRow.__tablename__):
            shown = make_url(url).render_as_string(hide_password=True)
            self.engine.dispose()
            raise DatabaseError(f"{shown} holds no tidings data: ingest into it first")
        had_event_actors = inspect(self.engine).has_table(EventActorRow.__tablename__)
        try:
            Base.metadata.create_all(self.engine)
        except (IntegrityError, ProgrammingError):
            # Another writer created the tables at the same moment; they are there now.
            Base.metadata.create_all(self.engine)
        _add_new_columns(self.engine)
        if not had_event_actors:
            # A database made by an older tidings: its events get their rows once.
            with suppress(IntegrityError), self.engine.begin() as connection:
                connection.execute(add_event_actors())

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def save(self, analyses: Iterable[Analysis]) -> SaveReport:
        """Store the analyses of articles not stored yet, in one transaction."""
        stored = skipped = 0
        # Claiming articles in id order keeps concurrent writers from deadlocking.
        ordered = sorted(analyses, key=lambda analysis: analysis.article.id)
        with Session(self.engine) as session, session.begin():
            # An input that failed before and is stored now has failed no more.
            locations = [a.article.location for a in ordered if a.article.location]
            if locations:
                session.execute(delete(FailureRow).where(FailureRow.location.in_(locations)))
            for analysis in ordered:
                if _claim_article(session, analysis.article):
                    _add_findings(session, analysis)
                    stored += 1
                else:
                    skipped += 1
        return SaveReport(stored=stored, skipped=skipped)

    def record_failure(self, failure: IngestFailure) -> None:
        """Record an input that could not be ingested, replacing its failure of an earlier run."""
        with Session(self.engine) as session, session.begin():
            session.execute(delete(FailureRow).where(FailureRow.location == failure.location))
            session.add(
                FailureRow(
                    location=failure.location,
                    reason=failure.reason,
                    failed_at=datetime.now(UTC).replace(tzinfo=None),
                )
            )

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored."""
        with Session(self.engine) as session:
            return session.get(ArticleRow, article_id) is not None

    def articles(self) -> list[Article]:
        """Every stored article, oldest stored first."""
        with Session(self.engine) as session:
            rows = session.scalars(select(ArticleRow).order_by(ArticleRow.stored_at, ArticleRow.id))
            return [_article(row) for row in rows]

    def failures(self) -> list[IngestFailure]:
        """Every recorded failure, in order."""
        with Session(self.engine) as session:
            rows = session.scalars(select(FailureRow).order_by(FailureRow.id))
            return [IngestFailure(row.location, row.reason) for row in rows]

    def analysis(self, article_id: str) -> Analysis | None:
        """The stored article with everything found in it, or None."""
        with Session(self.engine) as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return None
            mentions = _Mentions(session, article_id)
            sentences = session.scalars(
                select(SentenceRow)
                .where(SentenceRow.article_id == article_id)
                .order_by(SentenceRow.index)
            )
            events = session.scalars(
                select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.id)
            )
            quotes = session.scalars(
                select(QuoteRow).where(QuoteRow.article_id == article_id).order_by(QuoteRow.id)
            )
            return Analysis(
                article=_article(row),
                sentences=tuple(
                    Sentence(article_id, s.index, s.start, s.end, row.text[s.start : s.end])
                    for s in sentences
                ),
                mentions=mentions.listed(),
                events=tuple(_event(e, mentions) for e in events),
                quotes=tuple(_quote(q, mentions) for q in quotes),
            )

    def events(
        self,
        *,
        actor: str | None = None,
        code: str | None = None,
        since: date | None = None,
        include_all: bool = False,
    ) -> list[Event]:
        """Stored events; by default only the shown ones (Event.shown): facts of a known actor."""
        source, target = aliased(MentionRow), aliased(MentionRow)
        query = (
            select(EventRow)
            .outerjoin(source, EventRow.source_id == source.id)
            .outerjoin(target, EventRow.target_id == target.id)
        )
        if not include_all:
            # As Event.shown: facts whose actor (source) is known.
            query = query.where(
                EventRow.factuality.in_(FACT_VALUES), EventRow.source_id.is_not(None)
            )
        if code:
            query = query.where(EventRow.cameo_code.startswith(_bounded(code), autoescape=True))
        if since:
            query = query.where(EventRow.date >= since)
        if actor:
            actor = _bounded(actor)
            query = query.where(or_(*(_actor_matches(side, actor) for side in (source, target))))
        query = query.order_by(EventRow.article_id, EventRow.sentence_index, EventRow.trigger_start)
        return self._records(query, _event)

    def quotes(self, *, speaker: str | None = None) -> list[Quote]:
        """Stored quotes, optionally those whose resolved speaker's name contains ``speaker``."""
        query = select(QuoteRow)
        if speaker:
            query = query.join(MentionRow, QuoteRow.speaker_id == MentionRow.id).where(
                MentionRow.name.icontains(_bounded(speaker), autoescape=True)
            )
        query = query.order_by(QuoteRow.article_id, QuoteRow.id)
        return self._records(query, _quote)

    def _records(
        self, query: Select[Row], rebuild: Callable[[Row, _Mentions], Record]
    ) -> list[Record]:
        """Run a query for event or quote rows and rebuild their records."""
        with Session(self.engine) as session:
            mentions: dict[str, _Mentions] = {}
            found = []
            for row in session.scalars(query):
                if row.article_id not in mentions:
                    mentions[row.article_id] = _Mentions(session, row.article_id)
                found.append(rebuild(row, mentions[row.article_id]))
            return found


# No actor name, code or speaker is longer; a longer filter value is a mistake, not a query.
LONGEST_FILTER = 200


def _bounded(value: str) -> str:
    if len(value) > LONGEST_FILTER:
        raise InputError(
            f"a filter of {len(value)} characters ({value[:20]!r}...): give at most"
            f" {LONGEST_FILTER}, a name or code"
        )
    return value


def _actor_matches(side: Any, actor: str) -> Any:
    """An actor filter: a code prefix (country + sectors, e.g. USAGOV) or a part of the name."""
    code = func.coalesce(side.country, "") + side.sectors
    return or_(
        code.startswith(actor.upper(), autoescape=True), side.name.icontains(actor, autoescape=True)
    )


def _claim_article(session: Session, article: Article) -> bool:
    """Insert the article row unless it exists; True if this call inserted it."""
    values = {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "text": article.text,
        "stored_at": datetime.now(UTC).replace(tzinfo=None),
        "location": article.location,
    }
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        upsert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        statement = upsert(ArticleRow).values(**values).on_conflict_do_nothing()
        inserted = session.execute(statement.returning(ArticleRow.id)).scalar_one_or_none()
        return inserted is not None
    if session.get(ArticleRow, article.id) is not None:
        return False
    session.add(ArticleRow(**values))
    session.flush()
    return True


def _add_findings(session: Session, analysis: Analysis) -> None:
    # Rows go in as one multi-row INSERT per table into the tables themselves, not through the
    # ORM, which splits a batch wherever the NULL columns of its rows differ.
    article_id = analysis.article.id
    sentences = [
        {"article_id": article_id, "index": s.index, "start": s.start, "end": s.end}
        for s in analysis.sentences
    ]
    if sentences:
        session.execute(insert(_table(SentenceRow)), sentences)
    # Every mention an event or quote points at gets a row, and its id for them.
    listed = set(analysis.mentions)
    pointed_at = [
        *(m for found in analysis.events for m in (found.source, found.target, found.reported_by)),
        *(m for quote in analysis.quotes for m in (quote.speaker, quote.reported_by)),
    ]
    distinct = list(dict.fromkeys(m for m in [*analysis.mentions, *pointed_at] if m is not None))
    ids: dict[ActorMention, int] = {}
    if distinct:
        values = [_mention_values(mention, mention in listed) for mention in distinct]
        ids = dict(zip(distinct, _inserted_mention_ids(session, values), strict=True))

    def mention_id(mention: ActorMention | None) -> int | None:
        return ids[mention] if mention is not None else None

    events = [_event_values(found, mention_id) for found in analysis.events]
    if events:
        session.execute(insert(_table(EventRow)), events)
        session.execute(add_event_actors(article_id))
    quotes = [
        {
            "article_id": quote.article_id,
            "kind": quote.kind.value,
            "spans": json.dumps([list(span) for span in quote.spans]),
            "text": quote.text,
            "cue": quote.cue,
            "cue_start": quote.cue_start,
            "cue_end": quote.cue_end,
            "speaker_id": mention_id(quote.speaker),
            "reported_by_id": mention_id(quote.reported_by),
            "rule": quote.rule,
        }
        for quote in analysis.quotes
    ]
    if quotes:
        session.execute(insert(_table(QuoteRow)), quotes)


def add_event_actors(article_id: str | None = None) -> Any:
    """The INSERT of the event_actors rows of an article's events (of every event: None)."""
    sides = []
    for side in (EventRow.source_id, EventRow.target_id):
        rows = (
            select(MentionRow.country, EventRow.id)
            .join(MentionRow, MentionRow.id == side)
            .where(MentionRow.country.is_not(None))
        )
        sides.append(rows if article_id is None else rows.where(EventRow.article_id == article_id))
    # UNION, not UNION ALL: an event between two actors of one country gets one row.
    return insert(EventActorRow).from_select(["country", "event_id"], union(*sides))


def _table(row: type[Base]) -> Table:
    """The table a row class maps, for inserts that bypass the ORM."""
    return cast(Table, row.__table__)


def _inserted_mention_ids(session: Session, values: list[dict[str, Any]]) -> list[int]:
    """Insert mention rows and return their ids in the order of ``values``."""
    table = _table(MentionRow)
    if session.get_bind().dialect.name == "sqlite":
        # SQLite numbers the rows of a multi-row INSERT in order but may return them in any
        # order, so the sorted ids are the rows' ids. Asking SQLAlchemy to sort them instead
        # makes it insert one row per statement, for want of a sentinel column.
        return sorted(session.scalars(insert(table).returning(table.c.id), values))
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, values))


def _mention_values(mention: ActorMention, listed: bool) -> dict[str, Any]:
    return {
        "article_id": mention.article_id,
        "listed": listed,
        "sentence_index": mention.sentence_index,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "name": mention.actor.name,
        "country": mention.actor.country,
        "sectors": "|".join(mention.actor.sectors),
        "known_id": mention.actor.known_id,
        "resolved_by": mention.resolved_by,
    }


def _event_values(found: Event, mention_id: Any) -> dict[str, Any]:
    place = found.location
    return dict(
        article_id=found.article_id,
        sentence_index=found.sentence_index,
        sentence_start=found.sentence_start,
        sentence_end=found.sentence_end,
        trigger_start=found.trigger_start,
        trigger_end=found.trigger_end,
        trigger=found.trigger,
        source_id=mention_id(found.source),
        target_id=mention_id(found.target),
        reported_by_id=mention_id(found.reported_by),
        cameo_code=found.cameo_code,
        goldstein=found.goldstein,
        quad_class=found.quad_class,
        plover_event=found.plover_event,
        plover_mode=found.plover_mode,
        plover_context=found.plover_context,
        factuality=found.factuality.value,
        rule=found.rule,
        date=found.date,
        date_basis=found.date_basis.value,
        date_precision=found.date_precision.value if found.date_precision else None,
        date_text=found.date_text,
        location_name=place.name if place else None,
        location_country=place.country if place else None,
        location_start=place.start if place else None,
        location_end=place.end if place else None,
        geonames_id=place.geonames_id if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        quote_index=found.quote_index,
        reciprocal=found.reciprocal,
        source_rule=found.source_rule,
        target_rule=found.target_rule,
    )


class _Mentions:
    """An article's mention rows, turned back into ActorMentions by id."""

    def __init__(self, session: Session, article_id: str) -> None:
        rows = session.scalars(
            select(MentionRow).where(MentionRow.article_id == article_id).order_by(MentionRow.id)
        ).all()
        self._by_id = {row.id: _mention(row) for row in rows}
        self._listed = tuple(self._by_id[row.id] for row in rows if row.listed)

    def listed(self) -> tuple[ActorMention, ...]:
        return self._listed

    def get(self, mention_id: int | None) -> ActorMention | None:
        return self._by_id[mention_id] if mention_id is not None else None


def _mention(row: MentionRow) -> ActorMention:
    return ActorMention(
        article_id=row.article_id,
        sentence_index=row.sentence_index,
        start=row.start,
        end=row.end,
        text=row.text,
        actor=Actor(
            name=row.name,
            country=row.country,
            sectors=tuple(row.sectors.split("|")) if row.sectors else (),
            known_id=row.known_id,
        ),
        resolved_by=row.resolved_by,
    )


def _article(row: ArticleRow) -> Article:
    return Article(
        text=row.text,
        url=row.url,
        title=row.title,
        source=row.source,
        published=row.published,
        id=row.id,
        location=row.location,
    )


def _event(row: EventRow, mentions: _Mentions) -> Event:
    location = None
    if row.location_name is not None:
        location = Place(
            name=row.location_name,
            country=row.location_country,
            start=row.location_start or 0,
            end=row.location_end or 0,
            geonames_id=row.geonames_id,
            latitude=row.latitude,
            longitude=row.longitude,
        )
    return Event(
        article_id=row.article_id,
        sentence_index=row.sentence_index,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        trigger_start=row.trigger_start,
        trigger_end=row.trigger_end,
        trigger=row.trigger,
        source=mentions.get(row.source_id),
        target=mentions.get(row.target_id),
        cameo_code=row.cameo_code,
        goldstein=row.goldstein,
        quad_class=row.quad_class,
        plover_event=row.plover_event,
        plover_mode=row.plover_mode,
        plover_context=row.plover_context,
        factuality=Factuality(row.factuality),
        rule=row.rule,
        date=row.date,
        date_basis=DateBasis(row.date_basis),
        date_precision=DatePrecision(row.date_precision) if row.date_precision else None,
        date_text=row.date_text,
        location=location,
        reported_by=mentions.get(row.reported_by_id),
        quote_index=row.quote_index,
        reciprocal=bool(row.reciprocal),
        source_rule=row.source_rule or "",
        target_rule=row.target_rule or "",
    )


def _quote(row: QuoteRow, mentions: _Mentions) -> Quote:
    return Quote(
        article_id=row.article_id,
        kind=QuoteKind(row.kind),
        spans=tuple((start, end) for start, end in json.loads(row.spans)),
        text=row.text,
        cue=row.cue,
        cue_start=row.cue_start,
        cue_end=row.cue_end,
        speaker=mentions.get(row.speaker_id),
        reported_by=mentions.get(row.reported_by_id),
        rule=row.rule,
    )


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article as ``tidings articles`` lists it."""

    id: str
    published: date | None
    title: str | None
    location: str | None
    url: str | None
    source: str | None
    events: int
    quotes: int


def article_summaries(
    store: Store, *, since: date | None = None, source: str | None = None
) -> list[ArticleSummary]:
    """Every stored article with its counts of events (all factualities) and quotes."""
    events = (
        select(func.count())
        .where(EventRow.article_id == ArticleRow.id)
        .correlate(ArticleRow)
        .scalar_subquery()
    )
    quotes = (
        select(func.count())
        .where(QuoteRow.article_id == ArticleRow.id)
        .correlate(ArticleRow)
        .scalar_subquery()
    )
    query = select(ArticleRow, events, quotes).order_by(ArticleRow.stored_at, ArticleRow.id)
    if since:
        query = query.where(ArticleRow.published >= since)
    if source:
        query = query.where(ArticleRow.source.icontains(_bounded(source), autoescape=True))
    with Session(store.engine) as session:
        return [
            ArticleSummary(
                row.id, row.published, row.title, row.location, row.url, row.source, n, m
            )
            for row, n, m in session.execute(query)
        ]


def article_id_from_prefix(store: Store, prefix: str) -> str:
    """The id of the one stored article whose id starts with ``prefix``."""
    with Session(store.engine) as session:
        found = session.scalars(
            select(ArticleRow.id)
            .where(ArticleRow.id.startswith(_bounded(prefix.lower()), autoescape=True))
            .limit(5)
        ).all()
    if not found:
        raise InputError(f"no article {prefix} in the database: list them with tidings articles")
    if len(found) > 1:
        shown = ", ".join(found[:3])
        raise InputError(f"several articles start with {prefix} ({shown}...): give more of the id")
    return found[0]
