"""Score tidings' event records: PLOVER-GSR, ZeroShot PLOVER (PLV), ConfliBERT, AG News World.

Each sentence is analysed as an article of its own through the full pipeline, and the records it
yields (``Analysis.events``) are scored, so the figures measure what users get. Negated events
never count: the gold sets code what happened or was said, not what was denied. Where every
event is a prediction (PLOVER-GSR's dyads), the events counted are those a default query or
export shows (asserted and reported); where one label is chosen per sentence (PLV, ConfliBERT),
the sentence's best event, facts first. AG News items are scored as their README (section 6)
says, on the events a default query shows, as PLOVER-GSR's dyads are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from tidings.codebook import cameo_codebook
from tidings.evaluation.readers import (
    AgnewsItem,
    Dyad,
    GoldSentence,
    Tuple,
    read_agnews,
    read_conflibert,
    read_plover_gsr,
    read_plv,
)
from tidings.evaluation.scoring import Figures, Halves, f1, ratio, score_halves
from tidings.pipeline import analyze
from tidings.records import Analysis, Article, Event, Factuality

FORMATS = ("plover-gsr", "plv", "conflibert", "agnews")

# PLV merges PLOVER's CONCEDE and RETREAT into one root, YIELD.
PLV_EVENT_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
# The international non-state entities that PLOVER's country field names (PLOVER manual,
# "Non-state international actors"); an actor of no country and none of these has no code.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

READERS: dict[str, Callable[[Path], list[GoldSentence]]] = {
    "plover-gsr": read_plover_gsr,
    "plv": read_plv,
    "conflibert": read_conflibert,
}


# --- scoring ------------------------------------------------------------------------------------


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


def score_plover_gsr(gold: Sequence[GoldSentence], predicted: Sequence[frozenset[Dyad]]) -> Figures:
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
    precision = ratio(totals["dyad_event_tp"], totals["n_predicted"])
    recall = ratio(totals["dyad_event_tp"], totals["n_gold"])
    dyad_p = ratio(totals["dyad_tp"], totals["n_predicted_pairs"])
    dyad_r = ratio(totals["dyad_tp"], totals["n_gold_pairs"])
    event_p = ratio(totals["event_tp"], totals["n_predicted_events"])
    event_r = ratio(totals["event_tp"], totals["n_gold_events"])
    return {
        "n_sentences": len(gold),
        "n_gold": totals["n_gold"],
        "n_predicted": totals["n_predicted"],
        "dyad_event_precision": precision,
        "dyad_event_recall": recall,
        "dyad_event_f1": f1(precision, recall),
        "dyad_f1": f1(dyad_p, dyad_r),
        "event_precision": event_p,
        "event_recall": event_r,
        "event_f1": f1(event_p, event_r),
        "n_dyad_found": totals["dyad_found"],
        "event_accuracy_where_dyad_found": ratio(
            totals["event_right_where_dyad_found"], totals["dyad_found"]
        ),
        "quad_accuracy_where_covered": ratio(totals["quad_right"], totals["quad_scored"]),
        "coverage": ratio(totals["covered"], len(gold)),
    }


def _overlaps(start: int, end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and start < span[1] and span[0] < end


def plv_event(
    sentence: GoldSentence, events: Sequence[Event], *, marked_only: bool = True
) -> Event | None:
    """The event tidings gives the marked dyad: the best of those touching a marked actor (its
    source on the marked source or its target on the marked target), facts first; with
    ``marked_only`` false, the sentence's best event where none touches them (lenient)."""

    def touches(event: Event) -> int:
        source = event.source is not None and _overlaps(
            event.source.start, event.source.end, sentence.source_span
        )
        target = event.target is not None and _overlaps(
            event.target.start, event.target.end, sentence.target_span
        )
        return source + target

    ranked = sorted(
        (e for e in events if e.plover_event),
        key=lambda e: (-touches(e), 0 if e.factuality.is_fact else 1),
    )
    if marked_only:
        ranked = [e for e in ranked if touches(e)]
    return ranked[0] if ranked else None


def plv_root(event: Event | None) -> str | None:
    """The PLV root of an event: its PLOVER event, CONCEDE and RETREAT named YIELD."""
    if event is None or event.plover_event is None:
        return None
    return PLV_EVENT_NAMES.get(event.plover_event, event.plover_event)


def plv_prediction(
    sentence: GoldSentence, events: Sequence[Event], *, marked_only: bool = True
) -> str | None:
    """The PLV root tidings gives the marked dyad (see ``plv_event``)."""
    return plv_root(plv_event(sentence, events, marked_only=marked_only))


def main_event(events: Sequence[Event]) -> Event | None:
    """The sentence's main event: facts first, then the one whose trigger comes first."""
    ranked = sorted(events, key=lambda e: (0 if e.factuality.is_fact else 1, e.trigger_start))
    return ranked[0] if ranked else None


def score_accuracy(
    gold: Sequence[str | int | None], predicted: Sequence[str | int | None], name: str
) -> Figures:
    """Accuracy over all items and over the items where tidings predicted something."""
    covered = [(g, p) for g, p in zip(gold, predicted, strict=True) if p is not None]
    right = sum(g == p for g, p in covered)
    return {
        "n_gold": len(gold),
        "n_predicted": len(covered),
        f"{name}_accuracy": ratio(right, len(gold)),
        f"{name}_accuracy_where_covered": ratio(right, len(covered)),
        "coverage": ratio(len(covered), len(gold)),
    }


def _penta(event: Event | None) -> int | None:
    return cameo_codebook()[event.cameo_code].penta_class if event is not None else None


def score_plv(gold: Sequence[GoldSentence], events: Sequence[Sequence[Event]]) -> Figures:
    """PLOVER root and penta-class accuracy of the event touching the marked dyad (strict),
    then of the sentence's best event where none touches it (``_lenient``)."""
    figures: Figures = {}
    for marked_only, suffix in ((True, ""), (False, "_lenient")):
        chosen = [
            plv_event(s, found, marked_only=marked_only)
            for s, found in zip(gold, events, strict=True)
        ]
        roots = score_accuracy([s.event for s in gold], [plv_root(e) for e in chosen], "plover")
        pentas = score_accuracy([s.penta for s in gold], [_penta(e) for e in chosen], "penta")
        if marked_only:
            figures |= {k: v for k, v in roots.items() if not k.startswith("penta")}
        else:
            figures |= {f"{k}{suffix}": v for k, v in roots.items() if k.startswith("plover")}
        figures |= {f"{k}{suffix}": v for k, v in pentas.items() if k.startswith("penta")}
    return figures


def score_conflibert(gold: Sequence[GoldSentence], events: Sequence[Sequence[Event]]) -> Figures:
    """Penta-class accuracy of each sentence's main event."""
    main = [main_event(found) for found in events]
    return score_accuracy([s.penta for s in gold], [_penta(e) for e in main], "penta")


# --- AG News World development set ---------------------------------------------------------------


@dataclass(frozen=True)
class AgnewsPrediction:
    """What tidings found in an AG News item, in the gold's tuple forms."""

    cameo: frozenset[Tuple]
    plover: frozenset[Tuple]
    roots: frozenset[str]


def _country(mention: object) -> str:
    """The country a prediction compares: the actor's, else "" (as the gold writes IGOs)."""
    actor = getattr(mention, "actor", None)
    return str(actor.country) if actor is not None and actor.country else ""


def agnews_prediction(events: Iterable[Event]) -> AgnewsPrediction:
    """The tuples of the events: (source, target) for each, both directions of a reciprocal
    one and every ordered pair of the parties to a reciprocal act of no recipient (the gold
    expands mutual acts so, as CAMEO does), and CAMEO's implied target where none is named."""
    cameo: set[Tuple] = set()
    plover: set[Tuple] = set()
    events = list(events)
    for event in events:
        source, target = _country(event.source), _country(event.cameo_target)
        dyads = {(source, target)}
        if event.reciprocal and event.target is not None:
            dyads.add((target, source))
        elif event.reciprocal:
            partners = {_country(other.source) for other in _same_act(event, events)}
            dyads = {(source, partner) for partner in partners} or {(source, "")}
        cameo |= {(s, t, event.cameo_root) for s, t in dyads}
        if event.plover_event:
            plover |= {(s, t, event.plover_event) for s, t in dyads}
    return AgnewsPrediction(
        frozenset(cameo), frozenset(plover), frozenset(root for _, _, root in cameo)
    )


def _same_act(event: Event, events: Sequence[Event]) -> list[Event]:
    """The other parties' records of one reciprocal act (PLOVER's one record of many actors)."""
    return [
        other
        for other in events
        if other is not event
        and other.reciprocal
        and other.target is None
        and other.source is not None
        and (other.article_id, other.trigger_start, other.cameo_code)
        == (event.article_id, event.trigger_start, event.cameo_code)
    ]


def _micro(counts: Counter[str], name: str) -> Figures:
    precision = ratio(counts["tp"], counts["tp"] + counts["fp"])
    recall = ratio(counts["tp"], counts["tp"] + counts["fn"])
    return {
        f"{name}_precision": precision,
        f"{name}_recall": recall,
        f"{name}_f1": f1(precision, recall),
    }


def score_agnews(gold: Sequence[AgnewsItem], predicted: Sequence[AgnewsPrediction]) -> Figures:
    """Micro P/R/F1 over event items on (source, target, root), (source, target, PLOVER) and
    the roots alone; a prediction matching only optional gold is neither right nor wrong.
    No-event items apart: how many stay quiet, and the tuples predicted on them."""
    counts: dict[str, Counter[str]] = {"cameo": Counter(), "plover": Counter(), "root": Counter()}
    no_event_tuples = quiet = 0
    for item, found in zip(gold, predicted, strict=True):
        if item.no_event:
            no_event_tuples += len(found.cameo)
            quiet += not found.cameo
            continue
        sets: tuple[tuple[str, frozenset[object], frozenset[object], frozenset[object]], ...] = (
            ("cameo", item.cameo, item.optional_cameo, found.cameo),
            ("plover", item.plover, item.optional_plover, found.plover),
            ("root", item.roots, item.optional_roots, found.roots),
        )
        for name, required, optional, guessed in sets:
            counts[name]["tp"] += len(guessed & required)
            counts[name]["fn"] += len(required - guessed)
            counts[name]["fp"] += len(guessed - required - optional)
    n_no_event = sum(item.no_event for item in gold)
    return {
        **_micro(counts["cameo"], "cameo_dyad"),
        **_micro(counts["plover"], "plover_dyad"),
        **_micro(counts["root"], "root"),
        "n_event_items": len(gold) - n_no_event,
        "n_gold_cameo_tuples": counts["cameo"]["tp"] + counts["cameo"]["fn"],
        "n_no_event_items": n_no_event,
        "no_event_items_quiet": ratio(quiet, n_no_event),
        "no_event_tuples_predicted": no_event_tuples,
    }


def evaluate(nlp: Language, gold: Path, fmt: str, *, limit: int | None = None) -> Halves:
    """Score tidings on a gold file in ``fmt`` (plover-gsr, plv, conflibert or agnews), over
    all items and each half."""
    if fmt == "agnews":
        items = read_agnews(gold)[:limit]
        articles = (Article(text=i.text, id=i.ident, published=i.published) for i in items)
        found = [agnews_prediction(shown_events(a)) for a in analyze(nlp, articles)]
        return score_halves(items, found, lambda i: i.ident, score_agnews)
    if fmt not in READERS:
        raise ValueError(f"unknown gold format {fmt!r}; known: {', '.join(FORMATS)}")
    sentences = READERS[fmt](gold)[:limit]
    analyses = analyze(nlp, (Article(text=s.text, id=s.ident or "") for s in sentences))
    if fmt == "plover-gsr":
        shown = [predicted_dyads(shown_events(analysis)) for analysis in analyses]
        return score_halves(sentences, shown, lambda s: s.ident, score_plover_gsr)
    events = [counted_events(analysis) for analysis in analyses]
    if fmt == "plv":
        return score_halves(sentences, events, lambda s: s.ident, score_plv)
    # ConfliBERT's items have no id: the text is the stable one.
    return score_halves(sentences, events, lambda s: s.text, score_conflibert)
