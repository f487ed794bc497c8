"""The ``tidings`` command line: a thin layer over the Python API."""

from __future__ import annotations

import importlib
import itertools
import json
import os
import sys
import warnings
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from tidings.batch import Analyzer, DaskAnalyzer, InProcessAnalyzer, ProcessPoolAnalyzer
from tidings.batch import ingest as ingest_into
from tidings.events.codebook import cameo_code
from tidings.examples import reference_article
from tidings.export import (
    cluster_events,
    event_row,
    gdelt_row,
    plover_rows,
    quote_row,
    write_csv,
    write_jsonl,
)
from tidings.ingest import read_articles
from tidings.nlp import annotate, build_pipeline
from tidings.records import Actor, ActorMention, Analysis, Article, Event, IngestFailure, Quote
from tidings.store import Store

app = typer.Typer(help="Political event data from news text.", no_args_is_help=True)
# Piped output (make run, CI logs) gets a fixed width rather than 80 columns.
console = Console(width=None if sys.stdout.isatty() else 150)
errors = Console(stderr=True)
TABLE_QUOTE_LENGTH = 200

DEFAULT_DB = "sqlite:///tidings.db"
# Below this many inputs a progress bar is noise.
PROGRESS_AFTER = 5


def _database_url(value: str) -> str:
    """A SQLAlchemy URL; a plain path ("corpus.db") names a SQLite file."""
    url = value if "://" in value else f"sqlite:///{value}"
    try:
        make_url(url).get_dialect()
    except (ArgumentError, NoSuchModuleError) as error:
        raise typer.BadParameter(f"{value!r} is not a database URL ({error})") from None
    return url


DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="SQLAlchemy database URL, or the path of a SQLite file.",
        callback=_database_url,
    ),
]


def _show_warning(message: Warning | str, *args: object, **kwargs: object) -> None:
    # A user needs the message, not the line of tidings' or spaCy's code that raised it.
    line = f"[yellow]warning[/yellow] {escape(str(message))}"
    errors.print(line, highlight=False, soft_wrap=True)


warnings.showwarning = _show_warning


class OutputFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSONL = "jsonl"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Include negated, future and hypothetical events, and those of no known actor.",
    ),
]


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2024-08-20") from None


class _LazyProgress:
    """A progress bar that appears only once more than a handful of inputs have been seen."""

    def __init__(self) -> None:
        self.seen = 0
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def advance(self) -> None:
        self.seen += 1
        if self.progress is None and self.seen > PROGRESS_AFTER:
            self.progress = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=errors,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=None, completed=self.seen)
        elif self.progress is not None and self.task is not None:
            self.progress.advance(self.task)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to ingest.")] = None,
    db: DbOption = DEFAULT_DB,
    publication_date: Annotated[
        str | None, typer.Option("--date", help="Publication date for inputs that carry none.")
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Ingest the built-in reference article.")
    ] = False,
    actors: Annotated[
        Path | None, typer.Option("--actors", help="Your own actors YAML, added to the KB.")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
    processes: Annotated[
        int, typer.Option(help="Worker processes (default: one per core).", min=1)
    ] = os.cpu_count() or 1,
    dask: Annotated[
        str | None,
        typer.Option(help="Run on a Dask cluster: its scheduler address, or 'local'."),
    ] = None,
) -> None:
    """Ingest articles into the database, e.g. ``tidings ingest news/ --date 2024-08-20``."""
    if not paths and not example:
        raise typer.BadParameter("give at least one PATH, or --example")
    items: Iterable[Article | IngestFailure] = read_articles(
        paths or [], default_date=_parse_day(publication_date)
    )
    if example:
        items = itertools.chain([reference_article()], items)
    # A small input is not worth starting worker processes for.
    head = list(itertools.islice(items, batch_size))
    items = itertools.chain(head, items)
    analyzer: Analyzer
    if dask is not None:
        analyzer = DaskAnalyzer(dask, processes=processes, actors_file=actors)
    elif processes > 1 and len(head) == batch_size:
        analyzer = ProcessPoolAnalyzer(processes, actors_file=actors)
    else:
        analyzer = InProcessAnalyzer(build_pipeline(actors_file=actors))
    progress = _LazyProgress()

    def report_failure(failure: IngestFailure) -> None:
        errors.print(
            f"[red]failed[/red] {failure.location}: {failure.reason}",
            highlight=False,
            soft_wrap=True,
        )

    with Store(db) as store:
        try:
            report = ingest_into(
                items,
                store,
                analyzer,
                batch_size=batch_size,
                on_input=progress.advance,
                on_failure=report_failure,
            )
        finally:
            progress.stop()
    console.print(
        f"stored {report.stored} new, {report.already_stored} already stored, "
        f"{report.failed} failed"
    )


def _mention_label(mention: ActorMention | None) -> str:
    if mention is None:
        return ""
    code = mention.actor.code
    return f"{mention.actor.name} [{code}]" if code else mention.actor.name


def _events_table(events: list[Event], title: str) -> Table:
    table = Table(title=title)
    for column in ("sent", "source", "event", "target", "factuality", "date", "where"):
        table.add_column(column)
    for event in events:
        table.add_row(
            str(event.sentence_index + 1),
            _mention_label(event.source),
            f"{event.cameo_code} {cameo_code(event.cameo_code).name}",
            _mention_label(event.target),
            event.factuality.value,
            str(event.date or ""),
            event.location.name if event.location else "",
        )
    return table


def _quotes_table(quotes: list[Quote], title: str) -> Table:
    table = Table(title=title)
    for column in ("kind", "speaker", "quote", "reported by"):
        table.add_column(column)
    for quote in quotes:
        text = quote.text
        if len(text) > TABLE_QUOTE_LENGTH:
            text = text[: TABLE_QUOTE_LENGTH - 1] + "…"
        table.add_row(
            quote.kind.value,
            _mention_label(quote.speaker),
            text,
            _mention_label(quote.reported_by),
        )
    return table


def _write(rows: list[dict[str, object]], output: OutputFormat, table: Table) -> None:
    if output is OutputFormat.JSONL:
        write_jsonl(rows, sys.stdout)
    elif output is OutputFormat.CSV:
        write_csv(rows, sys.stdout)
    else:
        console.print(table)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Actor code prefix (ISR, USAGOV) or name.")
    ] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 02.")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date.")] = None,
    include_all: AllOption = False,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List stored events, e.g. ``tidings events --actor USA --code 02 --format jsonl``."""
    with Store(db) as store:
        found = store.events(
            actor=actor, code=code, since=_parse_day(since), include_all=include_all
        )
    _write([event_row(e) for e in found], output, _events_table(found, f"{len(found)} events"))


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List stored quotes, e.g. ``tidings quotes --speaker Blinken``."""
    with Store(db) as store:
        found = store.quotes(speaker=speaker)
    _write([quote_row(q) for q in found], output, _quotes_table(found, f"{len(found)} quotes"))


def _stored_analysis(store: Store, article_id: str | None, example: bool) -> Analysis:
    if example:
        article_id = reference_article().id
    if article_id is None:
        raise typer.BadParameter("give an ARTICLE_ID, or --example")
    analysis = store.analysis(article_id)
    if analysis is None:
        errors.print(f"no article {article_id} in the database")
        raise typer.Exit(1)
    return analysis


@app.command()
def show(
    article_id: Annotated[str | None, typer.Argument(help="The article's id.")] = None,
    db: DbOption = DEFAULT_DB,
    example: Annotated[bool, typer.Option("--example", help="Show the built-in example.")] = False,
) -> None:
    """Show an article with its actors, events and quotes, e.g. ``tidings show 3f2a9c...``."""
    with Store(db) as store:
        analysis = _stored_analysis(store, article_id, example)
    article = analysis.article
    console.print(f"[bold]{article.title or '(untitled)'}[/bold]  {article.id}")
    console.print(f"published {article.published or 'unknown'}  {article.url or ''}")
    actors = Table(title="actors")
    for column in ("actor", "code", "mentions", "resolved by"):
        actors.add_column(column)
    texts: dict[Actor, list[str]] = {}
    rules: dict[Actor, set[str]] = {}
    for mention in analysis.mentions:
        texts.setdefault(mention.actor, []).append(mention.text)
        rules.setdefault(mention.actor, set()).add(mention.resolved_by)
    for actor, mentioned_as in texts.items():
        actors.add_row(
            actor.name,
            actor.code,
            ", ".join(dict.fromkeys(mentioned_as)),
            ", ".join(sorted(rules[actor])),
        )
    console.print(actors)
    console.print(_events_table(list(analysis.events), "events (all factualities)"))
    console.print(_quotes_table(list(analysis.quotes), "quotes"))


@app.command()
def explain(
    article_id: Annotated[str | None, typer.Argument(help="The article's id.")] = None,
    db: DbOption = DEFAULT_DB,
    example: Annotated[
        bool, typer.Option("--example", help="Explain the built-in example.")
    ] = False,
) -> None:
    """Show, per sentence, the parse path and rule behind each event."""
    from tidings.events.explain import explain_lines

    if example:
        article = reference_article()
    else:
        with Store(db) as store:
            article = _stored_analysis(store, article_id, example).article
    for line in explain_lines(annotate(build_pipeline(), article)):
        console.print(line, highlight=False)


class ExportFormat(StrEnum):
    GDELT = "gdelt"
    PLOVER = "plover"


@app.command(name="export")
def export_events(
    style: Annotated[ExportFormat, typer.Argument(help="gdelt (CSV) or plover (JSON lines).")],
    db: DbOption = DEFAULT_DB,
    include_all: AllOption = False,
) -> None:
    """Export events GDELT-style (one row per event across articles) or PLOVER-style."""
    with Store(db) as store:
        found = store.events(include_all=include_all)
        articles = {article.id: article for article in store.articles()}
    if style is ExportFormat.GDELT:
        clusters = cluster_events(found, articles)
        rows = [gdelt_row(c, url=articles[c.mentions[0].article_id].url) for c in clusters]
        write_csv(rows, sys.stdout)
    else:
        texts = {article_id: article.text for article_id, article in articles.items()}
        write_jsonl(plover_rows(found, texts), sys.stdout)


EVAL_STAGES = {
    "actors": "tidings.actors.evaluate",
    "events": "tidings.events.evaluate",
    "quotes": "tidings.quotes.evaluate",
    "time-place": "tidings.time_place.evaluate",
}


@app.command(name="eval")
def evaluate(
    stage: Annotated[str, typer.Argument(help="actors, events, quotes or time-place.")],
    gold: Annotated[Path, typer.Option(help="The gold file.", exists=True, dir_okay=False)],
    gold_format: Annotated[str, typer.Option("--format", help="The gold file's format.")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print the figures as JSON on the last line.")
    ] = False,
) -> None:
    """Score tidings against a gold set, e.g. ``tidings eval quotes --gold F --format ggt``."""
    if stage not in EVAL_STAGES:
        raise typer.BadParameter(f"stage must be one of {', '.join(EVAL_STAGES)}")
    module = importlib.import_module(EVAL_STAGES[stage])
    figures: dict[str, float | int] = module.evaluate(
        build_pipeline(), gold, gold_format, limit=limit
    )
    table = Table(title=f"{stage} on {gold.name} ({gold_format})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    if as_json:
        print(json.dumps(figures))


DEFAULT_BENCH_NEWS = (
    "../shared/data/quotes/ggt_dev.jsonl",
    "../shared/data/quotes/polnear_dev.jsonl",
)


@app.command()
def bench(
    articles: Annotated[int, typer.Option(help="How many articles to process.", min=5)] = 200,
    processes: Annotated[int, typer.Option(help="Also time this many processes.", min=1)] = 1,
    news: Annotated[
        list[Path] | None,
        typer.Option(help="News files for the corpus (default: ../shared's, where present)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print the figures as JSON on the last line.")
    ] = False,
) -> None:
    """Time the full pipeline against bare spaCy on one corpus, e.g. ``tidings bench --json``."""
    from tidings.bench import corpus, median_turn_ratio, peak_memory_mb, run_benchmark

    files = news if news is not None else [p for p in map(Path, DEFAULT_BENCH_NEWS) if p.exists()]
    texts = corpus(articles, files)
    runs = list(run_benchmark(texts, processes=processes))
    spacy_alone, with_quotes, full = runs[:3]
    table = Table(title=f"{len(texts)} articles, {spacy_alone.tokens} tokens")
    for column in ("run", "seconds", "tokens/s", "articles/s", "vs spaCy"):
        table.add_column(column, justify="right")
    for run in runs:
        ratio = run.tokens_per_second / spacy_alone.tokens_per_second
        table.add_row(
            run.name,
            f"{run.seconds:.1f}",
            f"{run.tokens_per_second:.0f}",
            f"{run.articles_per_second:.1f}",
            f"{ratio:.2f}",
        )
    console.print(table)
    own_mb, worker_mb = peak_memory_mb()
    console.print(f"peak memory: {own_mb:.0f} MiB (this process), {worker_mb:.0f} MiB (a worker)")
    figures: dict[str, float | int] = {
        "articles": len(texts),
        "tokens": spacy_alone.tokens,
        "spacy_tokens_per_second": spacy_alone.tokens_per_second,
        "tidings_tokens_per_second": full.tokens_per_second,
        "ratio": full.tokens_per_second / spacy_alone.tokens_per_second,
        "ratio_median_turn": median_turn_ratio(full, spacy_alone),
        # The speed requirement: at most 1.15.
        "quote_overhead": with_quotes.seconds / spacy_alone.seconds,
        "peak_memory_mb": own_mb,
    }
    if len(runs) > 3:
        figures["processes"] = processes
        figures["scaling"] = runs[3].tokens_per_second / full.tokens_per_second
        figures["scaling_median_turn"] = median_turn_ratio(runs[3], full)
    if as_json:
        print(json.dumps(figures))


# --- The HTTP API and web pages (tidings.api) ---


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    timeout: Annotated[
        float, typer.Option(help="Seconds any one database query may take.", min=0.1)
    ] = 30.0,
) -> None:
    """Serve the JSON API (docs at /docs) and the web pages over a database, read-only."""
    try:
        import uvicorn

        from tidings.api.app import check_database
    except ImportError as error:
        errors.print(f"[red]error[/red] tidings serve needs tidings[api] ({error.name} missing)")
        raise typer.Exit(1) from None
    try:
        check_database(db)
    except (FileNotFoundError, ValueError) as error:
        errors.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(1) from None
    os.environ["TIDINGS_DB"] = db
    os.environ["TIDINGS_TIMEOUT"] = str(timeout)
    errors.print(f"serving {escape(db)} read-only at http://{host}:{port}/")
    uvicorn.run(
        "tidings.api:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


BENCH_API_PATHS = ("/api/events?actor=ISR", "/api/timeline", "/")


@app.command(name="bench-api")
def bench_api(
    db: Annotated[
        Path, typer.Option(help="SQLite file of synthetic events; made when it is not there.")
    ] = Path("bench-api.db"),
    events: Annotated[int, typer.Option(help="Synthetic events to make.", min=10)] = 1_000_000,
    postgres: Annotated[
        str | None, typer.Option(help="Also load a PostgreSQL database (URL) of these events.")
    ] = None,
    seconds: Annotated[int, typer.Option(help="Seconds of load per path.", min=1)] = 10,
    workers: Annotated[int, typer.Option(help="Server worker processes.", min=1)] = 2,
    connections: Annotated[int, typer.Option(help="Concurrent connections.", min=1)] = 16,
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print the figures as JSON on the last line.")
    ] = False,
) -> None:
    """Serve synthetic events on loopback and measure requests/s and latency with wrk."""
    from tidings.api.bench import copy_to, event_count, figures, run_load, synthetic_database

    if not db.exists():
        errors.print(f"making {events} synthetic events in {db} (a few minutes)")
        synthetic_database(db, events)
    targets = {"sqlite": f"sqlite:///{db}"}
    if postgres:
        copy_to(targets["sqlite"], _database_url(postgres))
        targets["postgresql"] = _database_url(postgres)
    count = event_count(targets["sqlite"])
    measured = {}
    for name, url in targets.items():
        cold, results = run_load(
            url, list(BENCH_API_PATHS), workers=workers, connections=connections, seconds=seconds
        )
        table = Table(title=f"{name}: {count} events, {workers} workers, {connections} connections")
        columns = ("path", "requests/s", "p50 ms", "p99 ms", "errors", "first ms", "CPU ms/req")
        for column in columns:
            table.add_column(column, justify="right")
        for result in results:
            table.add_row(
                result.path,
                f"{result.requests_per_second:.0f}",
                f"{result.p50_ms:.1f}",
                f"{result.p99_ms:.1f}",
                str(result.errors),
                f"{cold[result.path]:.0f}",
                f"{result.cpu_ms_per_request:.1f}",
            )
        console.print(table)
        measured[name] = figures(cold, results)
    if as_json:
        print(json.dumps({"events": count, "workers": workers, **measured}))
