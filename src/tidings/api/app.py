"""The HTTP API: a read-only FastAPI app over a tidings database, JSON under /api, pages beside.

Every error, from a bad value to an unknown route, is one JSON shape
``{"error": {"code": ..., "message": ...}}`` under /api, and a short page elsewhere.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings.export import csv_chunks
from tidings.records import Factuality
from tidings.store.queries import MAX_PAGE, EventFilter, Page, Reader, TextPage, TimelineStep

MAX_TEXT = 200
DEFAULT_TIMEOUT = 30.0
# No page runs a script it did not load from here; stored text can never become code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)


class Json(JSONResponse):
    """A JSON response written by orjson: a page of events is written ten times faster."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every response that lacks them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BadRequest(HTTPException):
    """A 400 with the parameter's name in the message."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=400, detail=message)


def _query_names(dependant: Any) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_parameters(request: Request) -> None:
    """A 400 for a query parameter the route does not take, or a value holding a NUL."""
    route = request.scope.get("route")
    allowed = _query_names(route.dependant) if isinstance(route, APIRoute) else set()
    for name, value in request.query_params.multi_items():
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise BadRequest(f"unknown parameter {name!r} (this endpoint takes: {known})")
        if "\x00" in value:
            raise BadRequest(f"parameter {name!r} holds a NUL character")


def parse_factuality(value: str | None) -> tuple[frozenset[Factuality], bool]:
    """``asserted,reported`` -> those values; ``all`` -> every event; empty -> the shown ones."""
    if not value:
        return frozenset(), False
    if value == "all":
        return frozenset(), True
    chosen = set()
    for part in value.split(","):
        try:
            chosen.add(Factuality(part.strip()))
        except ValueError:
            known = ", ".join(f.value for f in Factuality)
            raise BadRequest(f"factuality {part!r} is none of: all, {known}") from None
    return frozenset(chosen), False


Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


async def event_filter(
    actor: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Actor code prefix (ISR, USAGOV) or name part."),
    ] = None,
    code: Annotated[
        str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix (02: appeals).")
    ] = None,
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD).")] = None,
    factuality: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description="Comma-separated factualities, or 'all'; default: facts of a known actor.",
        ),
    ] = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="Where it happened (ISO alpha-3).")
    ] = None,
    article: Annotated[str | None, Query(max_length=64, description="Article id.")] = None,
    q: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Words in the sentence.")
    ] = None,
) -> EventFilter:
    """The event filters shared by the API and the pages."""
    chosen, include_all = parse_factuality(factuality)
    return EventFilter(
        actor=actor or None,
        code=code,
        since=since,
        until=until,
        factuality=chosen,
        include_all=include_all,
        country=country,
        article=article or None,
        text=q or None,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page (at most 1000).")]
Cursor = Annotated[str | None, Query(max_length=64, description="'next' of the previous page.")]
Step = Annotated[TimelineStep, Query(description="Count per day or per week.")]


def int_cursor(cursor: str | None) -> int | None:
    """The id after which a page starts."""
    if cursor is None:
        return None
    if not cursor.isdigit() or int(cursor) >= 2**63:
        raise BadRequest(f"cursor {cursor!r} is not one this API gave")
    return int(cursor)


def _page(page: Page) -> Json:
    return Json({"items": page.items, "next": page.next})


def _text_page(page: TextPage) -> Response:
    """A page of JSON texts as the body it would have had as a Page: no parsing, no writing."""
    body = f'{{"items":[{",".join(page.items)}],"next":{orjson.dumps(page.next).decode()}}}'
    return Response(body, media_type="application/json")


def api_router(reader: Reader) -> APIRouter:
    """The JSON endpoints over ``reader``."""
    router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown_parameters)])

    @router.get("/events", summary="Events, filtered, a page at a time")
    async def events(
        filters: Filters,
        limit: Limit = 100,
        cursor: Cursor = None,
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
    ) -> Response:
        """Events as in the JSONL contract, with `id`, actor codes and the sentence; `format=csv`
        streams every matching event as CSV."""
        after = int_cursor(cursor)
        if format == "csv":
            lines = csv_chunks(reader.all_events(filters, after=after))
            headers = {"Content-Disposition": 'attachment; filename="events.csv"'}
            return StreamingResponse(lines, media_type="text/csv", headers=headers)
        if reader.reads_by_key(filters):
            # A keyed page costs less than handing it to a worker thread; any other filter
            # may take long and would hold up every request of this process.
            return _text_page(reader.event_texts(filters, limit=limit, after=after))
        page = await run_in_threadpool(reader.event_texts, filters, limit=limit, after=after)
        return _text_page(page)

    @router.get("/quotes", summary="Quotes by speaker and words")
    def quotes(
        speaker: Text = None,
        q: Text = None,
        since: date | None = None,
        article: Annotated[str | None, Query(max_length=64)] = None,
        limit: Limit = 100,
        cursor: Cursor = None,
    ) -> Json:
        """Quotes as in the JSONL contract, with `id` and their article's date and title."""
        page = reader.quote_page(
            speaker=speaker or None,
            text=q or None,
            since=since,
            article=article or None,
            limit=limit,
            after=int_cursor(cursor),
        )
        return _page(page)

    @router.get("/actors", summary="Actors by how many events they take part in")
    def actors(filters: Filters, name: Text = None, limit: Limit = 100) -> Json:
        """Actors (name, code) with their events as source and as target."""
        return Json({"items": reader.actors(filters, name=name or None, limit=limit)})

    @router.get("/articles", summary="Articles, a page at a time")
    def articles(q: Text = None, limit: Limit = 100, cursor: Cursor = None) -> Json:
        """Articles by id; `q` searches their titles."""
        return _page(reader.article_page(text=q or None, limit=limit, after=cursor))

    @router.get("/articles/{article_id}", summary="One article and everything found in it")
    def article(article_id: str) -> Json:
        """The text, sentences, actors, events and quotes, each with character offsets."""
        found = reader.article(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return Json(found)

    @router.get("/dyads", summary="Events between two actors, both ways, per day")
    def dyads(
        filters: Filters,
        a: Text = None,
        b: Text = None,
        limit: Limit = 100,
    ) -> Json:
        """With `a` and `b` (actor codes or names): their events per day each way, and the
        events; without: the pairs of countries with most events between them."""
        if not a and not b:
            return Json({"items": reader.top_dyads(filters, limit=limit)})
        if not a or not b:
            raise BadRequest("give both actors, a and b, or neither")
        events = reader.dyad_events(a, b, filters, limit=limit)
        days = reader.dyad_days(a, b, filters)
        return Json({"a": a, "b": b, "days": days, "items": events.items, "next": events.next})

    @router.get("/timeline", summary="Events per day or week by quad class, mean Goldstein")
    def timeline(filters: Filters, by: Step = "day") -> Json:
        """Counts per quad class (1 verbal cooperation ... 4 material conflict) and the mean
        Goldstein score, per period (the Monday of its week with `by=week`)."""
        return Json({"by": by, "items": reader.timeline(filters, by=by)})

    return router


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api") or request.url.path in ("/openapi.json", "/docs"):
        body = {"error": {"code": code, "message": message}}
        return Json(body, status_code=status, headers=SECURITY_HEADERS)
    from tidings.api.pages import error_page

    return error_page(request, status, message)


ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}


def create_app(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> FastAPI:
    """The app over the database at ``url``, opened read-only."""
    from tidings.api.pages import pages_router, static_files

    reader = Reader(url, timeout=timeout)
    app = FastAPI(
        title="tidings",
        summary="Political event data: who did what to whom, who said what, and why.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.include_router(api_router(reader))
    app.include_router(pages_router(reader))
    app.mount("/static", static_files(), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="tidings API",
            swagger_js_url="/static/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
        # Swagger UI starts from an inline script; this page shows no stored text.
        page.headers["Content-Security-Policy"] = DOCS_POLICY
        return page

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = ERROR_CODES.get(error.status_code, "error")
        return _error(request, error.status_code, code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_value(request: Request, error: RequestValidationError) -> Response:
        messages = []
        for problem in error.errors():
            where = ".".join(str(part) for part in problem["loc"][1:]) or "request"
            messages.append(f"{where}: {problem['msg']}")
        return _error(request, 400, "bad_request", "; ".join(messages))

    @app.exception_handler(OperationalError)
    async def database_busy(request: Request, error: OperationalError) -> Response:
        message = "the query took too long or the database is unavailable; narrow the filters"
        return _error(request, 503, "unavailable", message)

    @app.exception_handler(Exception)
    async def failure(request: Request, error: Exception) -> Response:
        return _error(request, 500, "internal", "tidings failed on this request")

    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory``: database and timeout from TIDINGS_DB, TIDINGS_TIMEOUT."""
    timeout = float(os.environ.get("TIDINGS_TIMEOUT", DEFAULT_TIMEOUT))
    return create_app(os.environ["TIDINGS_DB"], timeout=timeout)


def check_database(url: str) -> None:
    """Raise FileNotFoundError or ValueError if ``url`` is no tidings database one can read."""
    reader = Reader(url, timeout=DEFAULT_TIMEOUT)
    try:
        reader.article_page(text=None, limit=1, after=None)
    except DBAPIError as error:
        raise ValueError(f"{url} is not a tidings database ({error.orig})") from None
    finally:
        reader.close()
