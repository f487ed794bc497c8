"""Server-rendered pages: overview, dyad, actor, article, quotes. Every stored string is
escaped by the templates; charts read their data from a JSON block, never from markup."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
import orjson
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from tidings.api.app import MAX_TEXT, Cursor, Filters, Step, int_cursor
from tidings.codebook import cameo_code
from tidings.store.queries import Reader

PACKAGE = resources.files("tidings.api")
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
TOP = 20
PAGE = 100
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
)


def _cameo_name(code: str) -> str:
    try:
        return cameo_code(code).name
    except KeyError:
        return ""


def with_query(query: dict[str, str], **changes: str) -> str:
    """The query string of this page with some parameters changed: a shareable link."""
    return "?" + urlencode({**query, **changes})


def _json_text(value: object, **_: object) -> str:
    """JSON for the pages' data blocks (tojson), written by orjson: a tenth of json's time."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SORT_KEYS).decode()


templates.env.filters["cameo"] = _cameo_name
templates.env.policies["json.dumps_function"] = _json_text
templates.env.globals["with_query"] = with_query
templates.env.globals["QUAD_CLASSES"] = QUAD_CLASSES


def static_files() -> StaticFiles:
    """The vendored chart library, the pages' script and style."""
    return StaticFiles(directory=str(PACKAGE / "static"))


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """A short page saying what went wrong."""
    context = {"status": status, "message": message, "title": f"Error {status}"}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


@dataclass
class Segment:
    """A stretch of an article's text and the findings that cover it."""

    text: str
    kinds: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    event: int | None = None  # the index of an event whose trigger this is


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # actor, trigger or quote
    note: str
    event: int | None = None


def segments(text: str, start: int, end: int, marks: list[Mark]) -> list[Segment]:
    """``text[start:end]`` cut wherever a mark begins or ends, each piece with its marks."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, min(end, p)) for m in inside for p in (m.start, m.end))}
    )
    pieces = []
    for left, right in itertools.pairwise(cuts):
        piece = Segment(text[left:right])
        for mark in inside:
            if mark.start <= left and right <= mark.end:
                piece.kinds.add(mark.kind)
                piece.notes.append(mark.note)
                if mark.event is not None and piece.event is None:
                    piece.event = mark.event
        pieces.append(piece)
    return pieces


def _label(name: object, code: object) -> str:
    return f"{name} [{code}]" if code else str(name)


def _event_note(found: dict[str, Any]) -> str:
    source = _label(found["source_name"], found["source_code"]) if found["source_name"] else "?"
    target = _label(found["target_name"], found["target_code"]) if found["target_name"] else "-"
    place = f", in {found['location_name']}" if found["location_name"] else ""
    when = found["date"] or "no date"
    return (
        f"event {found['cameo_code']} {_cameo_name(str(found['cameo_code']))}: "
        f"{source} -> {target}; {found['factuality']}; {when} ({found['date_basis']}){place}; "
        f"rule {found['rule']}"
    )


def article_marks(record: dict[str, Any]) -> list[Mark]:
    """The actors, event triggers and quotes of an article record, as marks on its text."""
    marks = [
        Mark(a["start"], a["end"], "actor", f"actor {_label(a['name'], a['code'])}")
        for a in record["actors"]
    ]
    marks += [
        Mark(e["trigger_start"], e["trigger_end"], "trigger", _event_note(e), event=index)
        for index, e in enumerate(record["events"])
    ]
    for quote in record["quotes"]:
        speaker = quote["speaker_name"] or "unknown speaker"
        code = (quote["speaker_country"] or "") + (quote["speaker_sector"] or "").replace("|", "")
        note = f"{quote['kind']} quote by {_label(speaker, code)}, cue {quote['cue']!r}"
        marks += [Mark(start, end, "quote", note) for start, end in quote["spans"]]
    return marks


def pages_router(reader: Reader) -> APIRouter:
    """The HTML pages over ``reader``."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        context.setdefault("query", dict(request.query_params))
        return templates.TemplateResponse(request, name, context)

    @router.get("/")
    def overview(request: Request, filters: Filters, by: Step = "week") -> HTMLResponse:
        timeline = reader.timeline(filters, by=by)
        return render(
            request,
            "overview.html",
            title="Overview",
            timeline=timeline,
            actors=reader.actors(filters, name=None, limit=TOP),
            dyads=reader.top_dyads(filters, limit=TOP),
            chart={"kind": "timeline", "items": timeline, "quads": QUAD_CLASSES},
        )

    @router.get("/dyad")
    def dyad(
        request: Request,
        filters: Filters,
        a: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
        b: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
    ) -> HTMLResponse:
        page = reader.dyad_events(a, b, filters, limit=1000)
        return render(
            request,
            "dyad.html",
            title=f"{a} and {b}",
            a=a,
            b=b,
            days=reader.dyad_days(a, b, filters),
            events=page.items,
            more=page.next is not None,
            chart={"kind": "dyad", "a": a, "b": b, "events": page.items},
        )

    @router.get("/actor")
    def actor(
        request: Request,
        filters: Filters,
        actor: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
    ) -> HTMLResponse:
        counterparts = reader.counterparts(actor, filters, limit=TOP)
        quotes = reader.quote_page(speaker=actor, limit=PAGE)
        return render(
            request,
            "actor.html",
            title=actor,
            actor=actor,
            counterparts=counterparts,
            quotes=quotes.items,
            chart={"kind": "network", "actor": actor, "counterparts": counterparts},
        )

    @router.get("/article/{article_id}")
    def article(request: Request, article_id: str) -> HTMLResponse:
        record = reader.article(article_id)
        if record is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        marks = article_marks(record)
        text = record["text"]
        sentences = []
        previous = 0
        for sentence in record["sentences"]:
            sentences.append(
                {
                    "index": sentence["index"],
                    "before": text[previous : sentence["start"]],
                    "segments": segments(text, sentence["start"], sentence["end"], marks),
                }
            )
            previous = sentence["end"]
        return render(
            request,
            "article.html",
            title=record["title"] or record["id"],
            article=record,
            sentences=sentences,
            after=text[previous:],
        )

    @router.get("/quotes")
    def quotes(
        request: Request,
        speaker: Text = None,
        q: Text = None,
        since: date | None = None,
        cursor: Cursor = None,
    ) -> HTMLResponse:
        page = reader.quote_page(
            speaker=speaker or None,
            text=q or None,
            since=since,
            limit=PAGE,
            after=int_cursor(cursor),
        )
        return render(request, "quotes.html", title="Quotes", quotes=page.items, next=page.next)

    @router.get("/articles")
    def articles(request: Request, q: Text = None, cursor: Cursor = None) -> HTMLResponse:
        page = reader.article_page(text=q or None, limit=PAGE, after=cursor)
        return render(
            request, "articles.html", title="Articles", articles=page.items, next=page.next
        )

    return router
