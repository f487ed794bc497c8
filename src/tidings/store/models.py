"""SQLAlchemy tables for tidings' records. Portable types only, uniqueness in the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Base of tidings' tables."""


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(DateTime)
    # Where it was first read from: a file (and line), a WARC record, a feed entry.
    location: Mapped[str | None] = mapped_column(Text)


class SentenceRow(Base):
    __tablename__ = "sentences"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class MentionRow(Base):
    __tablename__ = "actor_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # Whether it is one of the article's actor mentions; events and quotes may point at others.
    listed: Mapped[bool] = mapped_column(default=True)
    sentence_index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    sectors: Mapped[str] = mapped_column(Text)
    known_id: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_mentions_article", "article_id"),
        # The API finds an actor's mentions by code (USA, USAGOV), then their events; with the
        # sectors in it the index alone answers, without reading each mention.
        Index("ix_mentions_code", "country", "sectors"),
    )


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    sentence_index: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("actor_mentions.id"))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("actor_mentions.id"))
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("actor_mentions.id"))
    cameo_code: Mapped[str] = mapped_column(String(4))
    goldstein: Mapped[float | None] = mapped_column(Float)
    quad_class: Mapped[int] = mapped_column(Integer)
    plover_event: Mapped[str | None] = mapped_column(Text)
    plover_mode: Mapped[str | None] = mapped_column(Text)
    plover_context: Mapped[str | None] = mapped_column(Text)
    factuality: Mapped[str] = mapped_column(String(16))
    rule: Mapped[str] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date)
    date_basis: Mapped[str] = mapped_column(String(16))
    date_precision: Mapped[str | None] = mapped_column(String(16))
    date_text: Mapped[str | None] = mapped_column(Text)
    location_name: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String(3))
    location_start: Mapped[int | None] = mapped_column(Integer)
    location_end: Mapped[int | None] = mapped_column(Integer)
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # The event's quote, by its position among the article's quotes (ordered by quotes.id).
    quote_index: Mapped[int | None] = mapped_column(Integer)
    reciprocal: Mapped[bool | None] = mapped_column(Boolean)
    source_rule: Mapped[str | None] = mapped_column(Text)
    target_rule: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_events_article", "article_id"),
        Index("ix_events_code", "cameo_code"),
        Index("ix_events_date", "date"),
        Index("ix_events_source", "source_id"),
        Index("ix_events_target", "target_id"),
    )


class EventActorRow(Base):
    """The countries of an event's source and target, one row each: an actor's events are
    read by this key in id order, where otherwise every event would be joined to its actors."""

    __tablename__ = "event_actors"

    country: Mapped[str] = mapped_column(String(3), primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = ({"sqlite_with_rowid": False},)


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    spans: Mapped[str] = mapped_column(Text)  # JSON list of [start, end]
    text: Mapped[str] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("actor_mentions.id"))
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("actor_mentions.id"))
    rule: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_quotes_article", "article_id"),)


class FailureRow(Base):
    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    location: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(DateTime)
