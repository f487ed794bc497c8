"""Score tidings' event records against gold sets: PLOVER-GSR, ZeroShot PLOVER (PLV), ConfliBERT.

Each sentence is analysed as an article of its own through the full pipeline, and the records it
yields (``Analysis.events``) are scored, so the figures measure what users get. Negated events
never count: the gold sets code what happened or was said, not what was denied. Where every
event is a prediction (PLOVER-GSR's dyads), the events counted are those a default query or
export shows (asserted and reported); where one label is chosen per sentence (PLV, ConfliBERT),
the sentence's best event, facts first.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from tidings.actors.evaluate import gold_code
from tidings.codebook import cameo_codebook
from tidings.pipeline import analyze
from tidings.records import Analysis, Article, Event, Factuality

FORMATS = ("plover-gsr", "plv", "conflibert")

# Names the gold sets use for PLOVER events, mapped to the names in tidings' codebook.
GOLD_EVENT_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# PLV merges PLOVER's CONCEDE and RETREAT into one root, YIELD.
PLV_EVENT_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
# The international non-state entities that PLOVER's country field names (PLOVER manual,
# "Non-state international actors"); an actor of no country and none of these has no code.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

Dyad = tuple[str | None, str | None, str]


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence: its text and what the gold set says about it."""

    ident: str
    text: str
    dyads: frozenset[Dyad] = frozenset()
    event: str | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    penta: int | None = None


# --- gold readers -------------------------------------------------------------------------------


def _gold_event(name: str) -> str:
    return GOLD_EVENT_NAMES.get(name, name)


def _gold_codes(actors: object) -> list[str | None]:
    if not isinstance(actors, list) or not actors:
        return [None]
    codes: list[str | None] = [
        gold_code(str(a["code"])) if a.get("code") else None for a in actors if isinstance(a, dict)
    ]
    return codes or [None]


def read_plover_gsr(path: Path) -> list[GoldSentence]:
    """PLOVER-GSR JSON: every (source, target) country pair of a record, with its event."""
    records = json.loads(path.read_text(encoding="utf-8"))
    sentences: list[GoldSentence] = []
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        event = _gold_event(record["event"])
        dyads = frozenset(
            (source, target, event)
            for source in _gold_codes(record.get("source"))
            for target in _gold_codes(record.get("target"))
        )
        sentences.append(GoldSentence(record["id"], record["text"], dyads, event))
    return sentences


_MARK = re.compile(r"</?[st]>")


def unmark(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
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

    def span(name: str) -> tuple[int, int] | None:
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


READERS: dict[str, Callable[[Path], list[GoldSentence]]] = {
    "plover-gsr": read_plover_gsr,
    "plv": read_plv,
    "conflibert": read_conflibert,
}


# --- scoring ------------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def counted_events(analysis: Analysis) -> list[Event]:
    """The events a sentence's label may come from: all but the negated ones."""
    return [e for e in analysis.events if e.factuality is not Factuality.NEGATED]


def shown_events(analysis: Analysis) -> list[Event]:
    """The events a default query or export shows: facts whose actor is known."""
    return [e for e in analysis.events if e.shown]


def actor_code(event_actor: object) -> str | None:
    """The code a gold set compares, PLOVER's country field: the actor's country, else the
    international non-state code among its sectors (IGO, NGO, ...), else none ("refugees")."""
    mention = event_actor
    if mention is None:
        return None
    actor = getattr(mention, "actor", None)
    if actor is None:
        return None
    if actor.country:
        return str(actor.country)
    return next((str(s) for s in actor.sectors if s in NON_STATE_CODES), None)


def predicted_dyads(events: Iterable[Event]) -> frozenset[Dyad]:
    """(actor code, recipient code, PLOVER event) of each event that has a PLOVER event; a
    reciprocal event gives each party as an actor of no recipient."""
    found: set[Dyad] = set()
    for event in events:
        if event.plover_event:
            actors, recipients = event.plover_parties
            for actor in actors or (None,):
                for recipient in recipients or (None,):
                    found.add((actor_code(actor), actor_code(recipient), event.plover_event))
    return frozenset(found)


def _plover_quad() -> dict[str, int]:
    """Each PLOVER event's most common quad class in the codebook (AGREE -> 1, ASSAULT -> 4)."""
    votes: dict[str, Counter[int]] = {}
    for code in cameo_codebook().values():
        if code.plover_event:
            votes.setdefault(code.plover_event, Counter())[code.quad_class] += 1
    return {event: counter.most_common(1)[0][0] for event, counter in votes.items()}


def score_plover_gsr(
    gold: Sequence[GoldSentence], predicted: Sequence[frozenset[Dyad]]
) -> dict[str, float | int]:
    """Dyad-event P/R/F1, dyad-only and event-only F1, event accuracy where the dyad is found."""
    quad = _plover_quad()
    totals: Counter[str] = Counter()
    for sentence, dyads in zip(gold, predicted, strict=True):
        gold_dyads = sentence.dyads
        totals["n_gold"] += len(gold_dyads)
        totals["n_predicted"] += len(dyads)
        totals["dyad_event_tp"] += len(gold_dyads & dyads)
        gold_pairs = {(s, t) for s, t, _ in gold_dyads}
        pairs = {(s, t) for s, t, _ in dyads}
        totals["n_gold_pairs"] += len(gold_pairs)
        totals["n_predicted_pairs"] += len(pairs)
        totals["dyad_tp"] += len(gold_pairs & pairs)
        events = {e for _, _, e in dyads}
        totals["n_gold_events"] += 1
        totals["n_predicted_events"] += len(events)
        totals["event_tp"] += sentence.event in events
        totals["covered"] += bool(dyads)
        found = {e for s, t, e in dyads if (s, t) in gold_pairs}
        if found:
            totals["dyad_found"] += 1
            totals["event_right_where_dyad_found"] += sentence.event in found
        if events and sentence.event in quad:
            totals["quad_scored"] += 1
            totals["quad_right"] += quad[sentence.event] in {quad.get(e) for e in events}
    precision = _ratio(totals["dyad_event_tp"], totals["n_predicted"])
    recall = _ratio(totals["dyad_event_tp"], totals["n_gold"])
    dyad_p = _ratio(totals["dyad_tp"], totals["n_predicted_pairs"])
    dyad_r = _ratio(totals["dyad_tp"], totals["n_gold_pairs"])
    event_p = _ratio(totals["event_tp"], totals["n_predicted_events"])
    event_r = _ratio(totals["event_tp"], totals["n_gold_events"])
    return {
        "n_sentences": len(gold),
        "n_gold": totals["n_gold"],
        "n_predicted": totals["n_predicted"],
        "dyad_event_precision": precision,
        "dyad_event_recall": recall,
        "dyad_event_f1": _f1(precision, recall),
        "dyad_f1": _f1(dyad_p, dyad_r),
        "event_precision": event_p,
        "event_recall": event_r,
        "event_f1": _f1(event_p, event_r),
        "n_dyad_found": totals["dyad_found"],
        "event_accuracy_where_dyad_found": _ratio(
            totals["event_right_where_dyad_found"], totals["dyad_found"]
        ),
        "quad_accuracy_where_covered": _ratio(totals["quad_right"], totals["quad_scored"]),
        "coverage": _ratio(totals["covered"], len(gold)),
    }


def _overlaps(start: int, end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and start < span[1] and span[0] < end


def plv_event(sentence: GoldSentence, events: Sequence[Event]) -> Event | None:
    """The event tidings gives the marked dyad: the best between them, else the sentence's."""

    def fit(event: Event) -> tuple[int, int]:
        source = event.source is not None and _overlaps(
            event.source.start, event.source.end, sentence.source_span
        )
        target = event.target is not None and _overlaps(
            event.target.start, event.target.end, sentence.target_span
        )
        return (-(source + target), 0 if event.factuality.is_fact else 1)

    ranked = sorted((e for e in events if e.plover_event), key=fit)
    return ranked[0] if ranked else None


def plv_prediction(sentence: GoldSentence, events: Sequence[Event]) -> str | None:
    """The PLV root (PLOVER event, CONCEDE/RETREAT named YIELD) tidings gives the marked dyad."""
    event = plv_event(sentence, events)
    if event is None or event.plover_event is None:
        return None
    return PLV_EVENT_NAMES.get(event.plover_event, event.plover_event)


def main_event(events: Sequence[Event]) -> Event | None:
    """The sentence's main event: facts first, then the one whose trigger comes first."""
    ranked = sorted(events, key=lambda e: (0 if e.factuality.is_fact else 1, e.trigger_start))
    return ranked[0] if ranked else None


def score_accuracy(
    gold: Sequence[str | int | None], predicted: Sequence[str | int | None], name: str
) -> dict[str, float | int]:
    """Accuracy over all items and over the items where tidings predicted something."""
    covered = [(g, p) for g, p in zip(gold, predicted, strict=True) if p is not None]
    right = sum(g == p for g, p in covered)
    return {
        "n_gold": len(gold),
        "n_predicted": len(covered),
        f"{name}_accuracy": _ratio(right, len(gold)),
        f"{name}_accuracy_where_covered": _ratio(right, len(covered)),
        "coverage": _ratio(len(covered), len(gold)),
    }


def evaluate(
    nlp: Language, gold: Path, fmt: str, *, limit: int | None = None
) -> dict[str, float | int]:
    """Score tidings on a gold file in ``fmt`` (plover-gsr, plv or conflibert)."""
    if fmt not in READERS:
        raise ValueError(f"unknown gold format {fmt!r}; known: {', '.join(FORMATS)}")
    sentences = READERS[fmt](gold)[:limit]
    analyses = analyze(nlp, (Article(text=s.text, id=s.ident or "") for s in sentences))
    if fmt == "plover-gsr":
        shown = [predicted_dyads(shown_events(analysis)) for analysis in analyses]
        return score_plover_gsr(sentences, shown)
    events = [counted_events(analysis) for analysis in analyses]
    codebook = cameo_codebook()
    if fmt == "plv":
        pairs = list(zip(sentences, events, strict=True))
        predictions = [plv_prediction(s, found) for s, found in pairs]
        figures = score_accuracy([s.event for s in sentences], predictions, "plover")
        chosen = [plv_event(s, found) for s, found in pairs]
        pentas = [codebook[e.cameo_code].penta_class if e is not None else None for e in chosen]
        penta = score_accuracy([s.penta for s in sentences], pentas, "penta")
        return figures | {key: value for key, value in penta.items() if key.startswith("penta")}
    main = [main_event(found) for found in events]
    pentas = [codebook[e.cameo_code].penta_class if e is not None else None for e in main]
    return score_accuracy([s.penta for s in sentences], pentas, "penta")
