"""One reader per gold format: PLOVER-GSR, PLV, ConfliBERT, AG News World, NGEC, GGT, PolNeAR,
and the hand-annotated times and places. Each returns typed gold items with a stable ``ident``
(the tune/check split hashes it); what is scored lives beside each stage's scorers."""

from __future__ import annotations

import ast
import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pycountry

# Names the gold sets use for PLOVER events, mapped to the names in tidings' codebook.
GOLD_EVENT_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# Gold sets' own spellings of country codes (older CAMEO dictionaries), as ISO alpha-3.
COUNTRY_SYNONYMS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# NGEC's JRN is CAMEO's MED.
SECTOR_SYNONYMS = {"JRN": "MED"}
NO_SECTOR = {"", "UNK"}

Dyad = tuple[str | None, str | None, str]
# (source country, target country, CAMEO root or PLOVER event); "" for no country.
Tuple = tuple[str, str, str]
Span = tuple[int, int]
# A row of a times or places TSV, by column name.
Row = dict[str, str]


def gold_code(code: str) -> str:
    """A gold actor code with older CAMEO country spellings made ISO ("JAP" -> "JPN")."""
    return COUNTRY_SYNONYMS.get(code, code)


def gold_event(name: str) -> str:
    """A gold PLOVER event under the name tidings' codebook gives it ("FIGHT" -> "ASSAULT")."""
    return GOLD_EVENT_NAMES.get(name, name)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _literal(value: object) -> Any:
    # Some releases ship a list field as a Python literal in a string.
    return ast.literal_eval(value) if isinstance(value, str) else value


# --- events: PLOVER-GSR, PLV, ConfliBERT ---------------------------------------------------------


@dataclass(frozen=True)
class GoldActor:
    """A gold actor of a PLOVER-GSR sentence that has a country: its text, ISO code, sector."""

    text: str
    country: str
    sector: str | None


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence: its text and what the gold set says about it."""

    ident: str
    text: str
    dyads: frozenset[Dyad] = frozenset()
    event: str | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    penta: int | None = None
    published: date | None = None
    # The source and target actors that have an ISO country (PLOVER-GSR).
    actors: tuple[GoldActor, ...] = ()


def _codes(actors: object) -> list[str | None]:
    if not isinstance(actors, list) or not actors:
        return [None]
    codes: list[str | None] = [
        gold_code(str(a["code"])) if a.get("code") else None for a in actors if isinstance(a, dict)
    ]
    return codes or [None]


def _countried(actors: object) -> list[GoldActor]:
    found: list[GoldActor] = []
    for actor in actors if isinstance(actors, list) else ():
        if not isinstance(actor, dict):
            continue
        code = gold_code(str(actor.get("code", "")))
        if pycountry.countries.get(alpha_3=code) is not None:
            text, sector = str(actor.get("actorText", "")), actor.get("sector") or None
            found.append(GoldActor(text, code, sector))
    return found


def read_plover_gsr(path: Path) -> list[GoldSentence]:
    """PLOVER-GSR JSON: every (source, target) code pair of a record with its event, and the
    actors that have a country."""
    sentences: list[GoldSentence] = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        event = gold_event(record["event"])
        dyads = frozenset(
            (source, target, event)
            for source in _codes(record.get("source"))
            for target in _codes(record.get("target"))
        )
        published = record.get("date")
        actors = _countried(record.get("source")) + _countried(record.get("target"))
        sentences.append(
            GoldSentence(
                record["id"],
                record["text"],
                dyads,
                event,
                published=date.fromisoformat(published) if published else None,
                actors=tuple(actors),
            )
        )
    return sentences


_MARK = re.compile(r"</?[st]>")


def unmark(marked: str) -> tuple[str, Span | None, Span | None]:
    """Strip ``<s>..</s>`` and ``<t>..</t>`` from a PLV sentence; return text and both spans."""
    text_parts: list[str] = []
    spans: dict[str, list[int]] = {}
    position = 0
    length = 0
    for match in _MARK.finditer(marked):
        text_parts.append(marked[position : match.start()])
        length += match.start() - position
        tag = match.group()
        spans.setdefault(tag.strip("</>"), []).append(length)
        position = match.end()
    text_parts.append(marked[position:])
    text = "".join(text_parts)

    def span(name: str) -> Span | None:
        found = spans.get(name, [])
        return (found[0], found[1]) if len(found) == 2 else None

    return text, span("s"), span("t")


def read_plv(path: Path) -> list[GoldSentence]:
    """ZeroShot PLOVER TSV: the marked source and target and the gold PLOVER root."""
    sentences: list[GoldSentence] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text, source, target = unmark(row["marked_sentence"])
            sentences.append(
                GoldSentence(
                    row["sentence_id"],
                    text,
                    event=row["gold_root"],
                    source_span=source,
                    target_span=target,
                    penta=int(row["gold_penta"]) if row.get("gold_penta", "").isdigit() else None,
                )
            )
    return sentences


def read_conflibert(path: Path) -> list[GoldSentence]:
    """ConfliBERT TSV: a sentence and its CAMEO penta class (0-4), no header."""
    sentences: list[GoldSentence] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)):
            if len(row) >= 2 and row[-1].strip().isdigit():
                sentences.append(GoldSentence(str(number), "\t".join(row[:-1]), penta=int(row[-1])))
    return sentences


# --- events: AG News World -----------------------------------------------------------------------


@dataclass(frozen=True)
class AgnewsItem:
    """An AG News item: its text, date, and the tuples its required and optional events give."""

    ident: str
    text: str
    published: date | None
    no_event: bool
    cameo: frozenset[Tuple] = frozenset()
    plover: frozenset[Tuple] = frozenset()
    roots: frozenset[str] = frozenset()
    optional_cameo: frozenset[Tuple] = frozenset()
    optional_plover: frozenset[Tuple] = frozenset()
    optional_roots: frozenset[str] = frozenset()


def read_agnews(path: Path) -> list[AgnewsItem]:
    """AG News World JSONL: per item the (source, target, root) and (source, target, PLOVER)
    tuples of its required events and, apart, of its optional ones (README, section 6)."""
    items: list[AgnewsItem] = []
    for record in _jsonl(path):
        tuples: dict[bool, tuple[set[Tuple], set[Tuple], set[str]]] = {
            optional: (set(), set(), set()) for optional in (False, True)
        }
        for event in record["events"]:
            cameo, plover, roots = tuples[bool(event["optional"])]
            dyad = (event["source_country"], event["target_country"])
            cameo.add((*dyad, event["cameo_root"]))
            roots.add(event["cameo_root"])
            if event["plover_event"]:
                plover.add((*dyad, gold_event(event["plover_event"])))
        (cameo, plover, roots), (optional_cameo, optional_plover, optional_roots) = (
            tuples[False],
            tuples[True],
        )
        published = record.get("date")
        items.append(
            AgnewsItem(
                ident=record["id"],
                text=record["text"],
                published=date.fromisoformat(published) if published else None,
                no_event=bool(record.get("no_event")),
                cameo=frozenset(cameo),
                plover=frozenset(plover),
                roots=frozenset(roots),
                optional_cameo=frozenset(optional_cameo),
                optional_plover=frozenset(optional_plover),
                optional_roots=frozenset(optional_roots),
            )
        )
    return items


# --- actors: NGEC --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NgecCase:
    """One NGEC actor-resolution case: a phrase, its publication date and the expected codes."""

    ident: str
    text: str
    published: date | None
    country: str | None
    expects_country: bool
    sectors: tuple[str, ...] | None


def _published(value: str) -> date | None:
    """A case's date: ISO or written out, "Today" (the day the evaluation runs), or none."""
    value = value.strip()
    if not value:
        return None
    if value.lower() == "today":
        return date.today()
    for layout in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(value, layout).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {value!r}")


def _case_text(text: str, context: str) -> str:
    """The phrase with its context as a leading modifier: "Mexican" + "the PRD" -> "Mexican PRD"."""
    if not context.strip():
        return text
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return f"{context.strip()} {' '.join(words)}"


def read_ngec(path: Path) -> list[NgecCase]:
    """NGEC actor-resolution cases that state a country or sector (TSV with JSON expectations)."""
    cases: list[NgecCase] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            expected: dict[str, Any] = json.loads(row["expected"])
            country = expected.get("country", expected.get("cc"))
            code = expected.get("code_1")
            sectors: tuple[str, ...] | None = None
            if code is not None and code != "????":
                codes = [code, expected.get("code_2") or ""]
                sectors = tuple(
                    SECTOR_SYNONYMS.get(c, c) for c in codes if c and c not in NO_SECTOR
                )
            if country is None and sectors is None:
                continue
            cases.append(
                NgecCase(
                    ident=row["test"],
                    text=_case_text(row["text"], row["context"]),
                    published=_published(row["date"]),
                    country=country or None,
                    expects_country=country is not None,
                    sectors=sectors,
                )
            )
    return cases


# --- quotes: GGT, PolNeAR ------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote or attribution: its content and source (speaker) spans, and for GGT the
    speaker's resolved name and whether the speaker mention is a pronoun."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]
    reference: str | None = None
    pronoun: bool = False


@dataclass(frozen=True)
class GoldDocument:
    """A gold article: its stable id, its text and its gold quotes."""

    ident: str
    text: str
    quotes: tuple[GoldQuote, ...]


def _spans(spans: Iterable[Sequence[int]] | None) -> tuple[Span, ...]:
    return tuple((int(span[0]), int(span[1])) for span in spans or ())


def read_ggt(path: Path) -> list[GoldDocument]:
    """Each GGT article with its gold quotes (one has no span: it counts, unmatchable)."""
    return [
        GoldDocument(
            record["doc_id"],
            record["text"],
            tuple(
                GoldQuote(
                    _spans([q["quote_span"]] if q.get("quote_span") else []),
                    _spans([q["speaker_span"]] if q.get("speaker_span") else []),
                    q.get("reference"),
                    bool(q.get("speaker_is_pronoun")),
                )
                for q in _literal(record["quotes"])
            ),
        )
        for record in _jsonl(path)
    ]


def read_polnear(path: Path) -> list[GoldDocument]:
    """Each primary PolNeAR annotation of an article with its attributions that have content."""
    return [
        GoldDocument(
            record["article"],
            record["text"],
            tuple(
                GoldQuote(_spans(a.get("content")), _spans(a.get("source")))
                for a in _literal(record["attributions"])
                if a.get("content")
            ),
        )
        for record in _jsonl(path)
        if record.get("primary")
    ]


# --- times and places ----------------------------------------------------------------------------


def read_time_place(path: Path) -> list[Row]:
    """The rows of a times or places TSV (columns: ``tests/time_place/README.md``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))
