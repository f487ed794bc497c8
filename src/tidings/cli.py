"""The ``tidings`` command line: a thin layer over the Python API."""

from __future__ import annotations

import codecs
import itertools
import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import click
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
    TimeRemainingColumn,
)
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from typer.core import TyperGroup

from tidings.actors.knowledge import load_known_actors
from tidings.batch import Analyzer, DaskAnalyzer, InProcessAnalyzer, ProcessPoolAnalyzer
from tidings.batch import ingest as ingest_into
from tidings.codebook import cameo_code
from tidings.errors import TidingsError
from tidings.evaluation import EVENTS_COUNTED, HALVES, STAGE_FORMATS, GoldFormat, Stage
from tidings.evaluation import evaluate as run_evaluation
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
from tidings.ingest import count_inputs, read_articles, read_stream
from tidings.pipeline import DEFAULT_MODEL, annotate, build_pipeline
from tidings.records import Actor, ActorMention, Analysis, Article, Event, IngestFailure, Quote
from tidings.store import Store, article_id_from_prefix, article_summaries

# Piped output (make run, CI logs) gets a fixed width rather than 80 columns.
console = Console(width=None if sys.stdout.isatty() else 150)
errors = Console(stderr=True)


class _OneLineErrors(TyperGroup):
    """tidings' commands; every error ends the command with one line on stderr.

    A usage error (a bad option or value) exits with status 2, a TidingsError (the library's
    errors: bad input, database, configuration, cluster) with 1.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line, translating errors into one line and an exit status."""
        try:
            status = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except TidingsError as error:
            status = _fail(str(error), 1)
        except (click.ClickException, typer.TyperException) as error:
            # Typer vendors click from 0.26 on: its exceptions are not click's.
            context = getattr(error, "ctx", None)
            hint = f" (see {context.command_path} --help)" if context is not None else ""
            message = getattr(error, "format_message", error.__str__)()
            status = getattr(error, "exit_code", 1)
            if message:  # empty when the error was to show the help, already printed
                _fail(f"{message}{hint}", status)
        except (click.Abort, typer.Abort):
            status = _fail("aborted", 1)
        if not standalone_mode:
            return status
        sys.exit(status if isinstance(status, int) else 0)


def _fail(message: str, status: int) -> int:
    one_line = " ".join(message.split())
    errors.print(f"[red]error[/red] {escape(one_line)}", highlight=False, soft_wrap=True)
    return status


app = typer.Typer(
    cls=_OneLineErrors, help="Political event data from news text.", no_args_is_help=True
)
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


def _actors_file(path: Path | None) -> Path | None:
    """Read the actors file here, so that a bad one stops the command before any work."""
    if path is not None:
        load_known_actors(path)
    return path


ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", help="Your own actors YAML, added to the KB.", callback=_actors_file),
]
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


class InputFormat(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(f"{value!r} is not a text encoding, e.g. latin-1") from None
    return value


def _inputs(
    paths: list[Path], stdin_format: InputFormat, default_date: date | None, encoding: str
) -> Iterator[Article | IngestFailure]:
    """The articles of the paths given; "-" is standard input."""
    for path in paths:
        if str(path) == "-":
            yield from read_stream(
                sys.stdin.buffer,
                "stdin",
                stdin_format,
                default_date=default_date,
                encoding=encoding,
            )
        else:
            yield from read_articles([path], default_date=default_date, encoding=encoding)


class _LazyProgress:
    """A progress bar of inputs done (of ``total``, with the time left, where it is known)
    that appears once more than a handful of inputs are done, and one of the pieces of a long
    article while it is parsed."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.seen = 0
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.piece_task: TaskID | None = None

    def _started(self) -> Progress:
        if self.progress is None:
            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=errors,
                transient=True,
            )
            self.progress.start()
        return self.progress

    def advance(self) -> None:
        self.seen += 1
        if self.task is None and self.seen > PROGRESS_AFTER:
            progress = self._started()
            self.task = progress.add_task("ingesting", total=self.total, completed=self.seen)
        elif self.progress is not None and self.task is not None:
            self.progress.advance(self.task)

    def piece(self, done: int, total: int) -> None:
        """Show the parsing of a long article, piece by piece."""
        progress = self._started()
        if self.piece_task is None or done == 1:
            if self.piece_task is not None:
                progress.remove_task(self.piece_task)
            self.piece_task = progress.add_task("parsing a long article", total=total)
        progress.update(self.piece_task, completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders to ingest; - is standard input.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    publication_date: Annotated[
        str | None, typer.Option("--date", help="Publication date for inputs that carry none.")
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Ingest the built-in reference article.")
    ] = False,
    actors: ActorsOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
    processes: Annotated[
        int, typer.Option(help="Worker processes (default: one per core).", min=1)
    ] = os.cpu_count() or 1,
    dask: Annotated[
        str | None,
        typer.Option(help="Run on a Dask cluster: its scheduler address, or 'local'."),
    ] = None,
    stdin_format: Annotated[
        InputFormat, typer.Option("--format", help="What standard input (-) holds.")
    ] = InputFormat.TEXT,
    encoding: Annotated[
        str,
        typer.Option(help="Encoding of text, JSON, JSONL and CSV inputs.", callback=_encoding),
    ] = "utf-8",
) -> None:
    """Ingest articles into the database, e.g. tidings ingest news/ --date 2024-08-20."""
    if not paths and not example:
        raise typer.BadParameter("give at least one PATH, or --example")
    # The report names the inputs without a date; the pipeline's own warning cannot.
    warnings.filterwarnings("ignore", message="an article has no publication date")
    items: Iterable[Article | IngestFailure] = _inputs(
        paths or [], stdin_format, _parse_day(publication_date), encoding
    )
    if example:
        items = itertools.chain([reference_article()], items)
    # A small input is not worth starting worker processes for.
    head = list(itertools.islice(items, batch_size))
    items = itertools.chain(head, items)
    analyzer: Analyzer | None = None
    if dask is not None:
        analyzer = DaskAnalyzer(dask, processes=processes, actors_file=actors)
    elif processes > 1 and len(head) == batch_size:
        analyzer = ProcessPoolAnalyzer(processes, actors_file=actors)
    given = [path for path in paths or [] if str(path) != "-"]
    known = count_inputs(given) if len(given) == len(paths or []) else None
    progress = _LazyProgress(known + example if known is not None else None)
    if analyzer is None:
        pipeline = build_pipeline(actors_file=actors)
        analyzer = InProcessAnalyzer(pipeline, on_piece=progress.piece)

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
    if report.undated:
        more = report.undated - len(report.undated_examples)
        named = ", ".join(report.undated_examples) + (f" and {more} more" if more else "")
        _show_warning(
            f"no publication date for {named}: relative dates in them are left unresolved;"
            " give one with --date YYYY-MM-DD"
        )
    if report.failed:
        raise typer.Exit(1)


def _mention_label(mention: ActorMention | None) -> str:
    if mention is None:
        return ""
    code = mention.actor.code
    return f"{mention.actor.name} [{code}]" if code else mention.actor.name


def _events_table(events: list[Event], title: str, *, with_article: bool = True) -> Table:
    # Sentences are numbered from 0, as in the JSONL (sentence_index).
    table = Table(title=title)
    columns = ("sentence", "source", "event", "target", "factuality", "date", "where")
    for column in ("article", *columns) if with_article else columns:
        table.add_column(column)
    for event in events:
        table.add_row(
            *([event.article_id] if with_article else []),
            str(event.sentence_index),
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
    """List stored events, e.g. tidings events --actor USA --code 02 --format jsonl."""
    with Store(db, create=False) as store:
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
    """List stored quotes, e.g. tidings quotes --speaker Blinken."""
    with Store(db, create=False) as store:
        found = store.quotes(speaker=speaker)
    _write([quote_row(q) for q in found], output, _quotes_table(found, f"{len(found)} quotes"))


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    failed: Annotated[
        bool, typer.Option("--failed", help="List the inputs that failed, with the reason.")
    ] = False,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after.")] = None,
    source: Annotated[str | None, typer.Option(help="Part of the source's name.")] = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List stored articles and failed inputs, e.g. tidings articles --since 2024-08-01."""
    with Store(db, create=False) as store:
        if failed:
            failures = store.failures()
        else:
            found = article_summaries(store, since=_parse_day(since), source=source)
    if failed:
        table = Table(title=f"{len(failures)} failed inputs")
        for column in ("input", "reason"):
            table.add_column(column)
        for failure in failures:
            table.add_row(failure.location, failure.reason)
        _write([asdict(failure) for failure in failures], output, table)
        return
    table = Table(title=f"{len(found)} articles")
    for column in ("id", "published", "title or input", "events", "quotes"):
        table.add_column(column)
    for summary in found:
        label = summary.title or summary.location or summary.url or ""
        table.add_row(
            summary.id,
            str(summary.published or ""),
            label,
            str(summary.events),
            str(summary.quotes),
        )
    rows = [{**asdict(s), "published": s.published and s.published.isoformat()} for s in found]
    _write(rows, output, table)


def _stored_analysis(store: Store, article_id: str | None, example: bool) -> Analysis:
    if example:
        article_id = reference_article().id
    if article_id is None:
        raise typer.BadParameter("give an ARTICLE_ID, or --example")
    analysis = store.analysis(article_id_from_prefix(store, article_id))
    assert analysis is not None, "the id was just found"
    return analysis


@app.command()
def show(
    article_id: Annotated[
        str | None, typer.Argument(help="The article's id, or its first characters.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    example: Annotated[bool, typer.Option("--example", help="Show the built-in example.")] = False,
) -> None:
    """Show an article with its actors, events and quotes, e.g. tidings show 3f2a9c"""
    with Store(db, create=False) as store:
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
    console.print(
        _events_table(list(analysis.events), "events (all factualities)", with_article=False)
    )
    console.print(_quotes_table(list(analysis.quotes), "quotes"))


@app.command()
def explain(
    article_id: Annotated[str | None, typer.Argument(help="The article's id.")] = None,
    db: DbOption = DEFAULT_DB,
    example: Annotated[
        bool, typer.Option("--example", help="Explain the built-in example.")
    ] = False,
    actors: ActorsOption = None,
) -> None:
    """Show, per sentence, each stored event with its rule and parse path (of a run of the
    pipeline with the same actors file as the ingest)."""
    from tidings.events.explain import explain_lines

    if example:
        article, stored = reference_article(), None
    else:
        with Store(db, create=False) as store:
            analysis = _stored_analysis(store, article_id, example)
        article, stored = analysis.article, analysis.events
    doc = annotate(build_pipeline(actors_file=actors), article)
    for line in explain_lines(doc, stored):
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
    with Store(db, create=False) as store:
        found = store.events(include_all=include_all)
        articles = {article.id: article for article in store.articles()}
    if style is ExportFormat.GDELT:
        clusters = cluster_events(found, articles)
        rows = [gdelt_row(c, url=articles[c.mentions[0].article_id].url) for c in clusters]
        write_csv(rows, sys.stdout)
    else:
        texts = {article_id: article.text for article_id, article in articles.items()}
        write_jsonl(plover_rows(found, texts), sys.stdout)


@app.command(name="eval")
def evaluate(
    stage: Annotated[Stage, typer.Argument(help="What to score.")],
    gold: Annotated[Path, typer.Option(help="The gold file.", exists=True, dir_okay=False)],
    gold_format: Annotated[
        GoldFormat,
        typer.Option(
            "--format",
            help="The gold file's format: "
            + "; ".join(f"{stage}: {', '.join(names)}" for stage, names in STAGE_FORMATS.items())
            + ".",
        ),
    ],
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print the figures as JSON on the last line.")
    ] = False,
    model: Annotated[
        str, typer.Option(help="The spaCy pipeline beneath tidings: a package name or a path.")
    ] = DEFAULT_MODEL,
) -> None:
    """Score tidings against a gold set, over all items and its tune and check halves, e.g.
    tidings eval quotes --gold F --format ggt."""
    try:
        nlp = build_pipeline(model)
    except OSError:
        raise typer.BadParameter(f"no spaCy pipeline {model!r}", param_hint="--model") from None
    try:
        halves = run_evaluation(nlp, stage, gold, gold_format, limit=limit)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    table = Table(title=f"{stage} on {gold.name} ({gold_format})")
    table.caption = EVENTS_COUNTED.get(gold_format) if stage is Stage.EVENTS else None
    table.add_column("measure")
    for half in HALVES:
        table.add_column(half, justify="right")
    for name in halves["all"]:
        values = [halves[half][name] for half in HALVES]
        table.add_row(name, *(f"{v:.3f}" if isinstance(v, float) else str(v) for v in values))
    console.print(table)
    if as_json:
        print(json.dumps(halves))


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
    """Time the full pipeline against bare spaCy on one corpus, e.g. tidings bench --json."""
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
        "worker_peak_memory_mb": worker_mb,
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
