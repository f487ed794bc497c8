"""The records tidings produces: typed, frozen dataclasses that leave the spaCy pipeline.

Every stage after extraction (store, export, CLI) consumes only these types. Offsets are
0-based, end-exclusive character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Factuality(StrEnum):
    """How the text presents an event: only ASSERTED and REPORTED count as facts."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"

    @property
    def is_fact(self) -> bool:
        """Whether the default queries and exports show events of this factuality."""
        return self in (Factuality.ASSERTED, Factuality.REPORTED)


class QuoteKind(StrEnum):
    """Direct speech is in quote marks, indirect is paraphrased, mixed has both."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class DateBasis(StrEnum):
    """Where an event's date came from, from most to least specific."""

    CLAUSE = "clause"
    SENTENCE = "sentence"
    PUBLICATION = "publication"
    NONE = "none"


class DatePrecision(StrEnum):
    """How precise a resolved date is; an interval is given by its start."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"


# C0 control characters but tab and the newlines: NUL cannot be stored in PostgreSQL text, the
# others are never meant as text. Each becomes a space, so every offset into the text the user
# gave stays true, and every database stores the same article.
_CONTROLS = str.maketrans(dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)], " "))


def without_controls(text: str) -> str:
    """The text with each C0 control character but tab and newlines replaced by a space."""
    return text.translate(_CONTROLS)


def content_id(text: str) -> str:
    """The article id: a hash of its text, so the same article always gets the same id."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article as ingested."""

    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    id: str = field(default="")
    # Where it was read from ("feed.jsonl:17", "crawl.warc#URL"), for messages; not part of
    # the article's identity.
    location: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for name in ("text", "url", "title", "source"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, without_controls(value))
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, by position."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A resolved political actor: country (ISO 3166 alpha-3) and sector codes (GOV, MIL, ...)."""

    # A knowledge-base entry's canonical name, a person's full name, or else the words of the
    # text as written ("the Canadian government", "a spokesperson").
    name: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    known_id: str | None = None

    @property
    def code(self) -> str:
        """The CAMEO-style actor code, e.g. ``USAGOV``; empty when nothing is known."""
        return (self.country or "") + "".join(self.sectors)


@dataclass(frozen=True)
class ActorMention:
    """A span of text that names an actor, and how it was resolved (text rule, kb, coreference)."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor: Actor
    resolved_by: str


@dataclass(frozen=True)
class Place:
    """A resolved toponym: GeoNames id, name, country and coordinates, with its text span."""

    name: str
    country: str | None
    start: int
    end: int
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None


# PLOVER events that must have a recipient, where a text naming none means the actor's own
# authorities. The PLOVER manual's summary table gives PROTEST a required recipient, and the
# CAMEO manual (141) lets a demonstration's place stand for its target (a demonstration in a
# province of a country is aimed at that country).
AIMED_AT_HOME = frozenset({"PROTEST"})
# CAMEO codes of what a government does to its own people, imposed, threatened or eased: a
# curfew, martial law, a state of emergency, bans on parties or on speech. Naming no one, such an
# act is aimed at the people of its actor's country.
IMPOSED_AT_HOME = frozenset(
    {"0811", "0812", "0813", "0814", "1321", "1322", "1323", "1324", "1721", "1722", "1723", "1724"}
)
# CAMEO roots of armed force, which crosses borders as often as not: naming no target, it is
# aimed at no one known rather than at its actor's own country.
ARMED_FORCE_ROOTS = frozenset({"18", "19", "20"})
# What an implied recipient is called, by its sector.
SECTOR_NAMES = {"GOV": "government", "CVL": "people"}


@dataclass(frozen=True)
class Event:
    """One dyadic event: source does CAMEO code to target, with provenance and factuality.

    Conjoined actors ("Egypt and Qatar") yield one event per (source, target) pair, as in GDELT.
    """

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    source: ActorMention | None
    target: ActorMention | None
    cameo_code: str
    goldstein: float | None
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None
    factuality: Factuality
    rule: str
    date: date | None = None
    date_basis: DateBasis = DateBasis.NONE
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    location: Place | None = None
    reported_by: ActorMention | None = None
    # The position in ``Analysis.quotes`` of the quote the event is stated in or reported by.
    quote_index: int | None = None
    # A mutual act (a meeting, a treaty two parties sign): PLOVER has no recipient for it.
    reciprocal: bool = False
    # The registered role rules that found the source and the target ("subject.v1",
    # "direct-object.v1"; events/sources.py, events/roles.py); "" where none did.
    source_rule: str = ""
    target_rule: str = ""

    @property
    def plover_parties(self) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
        """PLOVER's actors and recipients: a reciprocal event has every party as its actor; a
        protest that names no recipient is aimed at the authorities of its actor's country, and
        a curfew or the like at its people."""
        actors: tuple[ActorMention, ...] = (self.source,) if self.source is not None else ()
        recipients: tuple[ActorMention, ...] = (self.target,) if self.target is not None else ()
        if self.reciprocal:
            return actors + recipients, ()
        if not recipients and self.plover_event in AIMED_AT_HOME:
            recipients = self._at_home("GOV", "the authorities a protest at home is aimed at")
        elif not recipients and self.cameo_code in IMPOSED_AT_HOME:
            recipients = self._at_home("CVL", "the people a curfew or the like is imposed on")
        return actors, recipients

    @property
    def cameo_target(self) -> ActorMention | None:
        """CAMEO's target, one per event as GDELT keeps it: the one named, else PLOVER's implied
        recipient, else, for an act that is no mutual one nor armed force, its actor's own
        country ("the minister resigned", "police detained five")."""
        if self.target is not None or self.reciprocal:
            return self.target
        recipients = self.plover_parties[1]
        if recipients:
            return recipients[0]
        if self.cameo_root in ARMED_FORCE_ROOTS:
            return None
        home = self._at_home(None, "an act that names no target is aimed at home")
        return home[0] if home else None

    def _at_home(self, sector: str | None, why: str) -> tuple[ActorMention, ...]:
        """The ``sector`` (else the whole) of the actor's country, unless the actor is of that
        sector: implied by the event itself, so its span is the trigger's and its text empty."""
        actor = self.source.actor if self.source is not None else None
        if actor is None or actor.country is None or sector in actor.sectors:
            return ()
        name = f"{actor.country} {SECTOR_NAMES[sector]}" if sector else actor.country
        implied = Actor(name, actor.country, (sector,) if sector else ())
        return (
            ActorMention(
                self.article_id,
                self.sentence_index,
                self.trigger_start,
                self.trigger_start,
                "",
                implied,
                f"implied: {why}",
            ),
        )

    @property
    def cameo_root(self) -> str:
        """The two-digit CAMEO root, e.g. ``"02"`` for ``"0256"``."""
        return self.cameo_code[:2]

    @property
    def shown(self) -> bool:
        """Whether default queries and exports show it: a fact whose actor (source) is known."""
        # PLOVER requires an actor, as PETRARCH's require_dyad does; events of no known actor
        # stay stored, for `--all` and `tidings explain`.
        return self.factuality.is_fact and self.source is not None


@dataclass(frozen=True)
class Quote:
    """Speech attributed to a speaker: content spans, cue, speaker mention and resolved speaker."""

    article_id: str
    kind: QuoteKind
    spans: tuple[tuple[int, int], ...]
    text: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: ActorMention | None
    reported_by: ActorMention | None
    rule: str


@dataclass(frozen=True)
class Analysis:
    """Everything tidings extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[ActorMention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class EventCluster:
    """One event as reported across articles, as GDELT counts it: the same date, source,
    target and CAMEO code; ``mentions`` are the event records of each report."""

    date: date | None
    source_code: str
    target_code: str
    cameo_code: str
    mentions: tuple[Event, ...]
    num_articles: int
    num_sources: int


@dataclass(frozen=True)
class IngestFailure:
    """An input that could not become an article, with a one-line reason."""

    location: str
    reason: str
