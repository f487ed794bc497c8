"""Score quotes against the GGT and PolNeAR gold sets.

A predicted quote matches a gold quote when the characters they cover overlap with Dice >= 0.5
(each gold quote matched at most once). End to end, the speaker must be right too: for GGT the
resolved name equals the gold ``reference`` after normalising case and titles; for PolNeAR the
speaker mention overlaps the gold source.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from tidings.pipeline import analyze
from tidings.records import Article, Quote

DICE_THRESHOLD = 0.5
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "mayor", "premier", "president", "minister"}


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote: its characters, and how to tell whether a speaker is right."""

    chars: frozenset[int]
    reference: str | None
    source_chars: frozenset[int]
    pronoun: bool


def _chars(spans: Iterable[Sequence[int]]) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, end))


def _dice(first: frozenset[int], second: frozenset[int]) -> float:
    total = len(first) + len(second)
    return 2 * len(first & second) / total if total else 0.0


def normalise_name(name: str) -> str:
    """A name in lower case without titles or punctuation."""
    words = re.findall(r"[\w'\u2019-]+", name.lower())
    return " ".join(w for w in words if w.rstrip(".") not in TITLES)


def read_ggt(path: Path) -> Iterator[tuple[str, list[GoldQuote]]]:
    """(text, gold quotes) per GGT article."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            quotes = [
                GoldQuote(
                    # One gold quote has no span: it stays in the gold count, unmatchable.
                    chars=_chars([q["quote_span"]]) if q.get("quote_span") else frozenset(),
                    reference=q.get("reference"),
                    source_chars=_chars([q["speaker_span"]])
                    if q.get("speaker_span")
                    else frozenset(),
                    pronoun=bool(q.get("speaker_is_pronoun")),
                )
                for q in record["quotes"]
            ]
            yield record["text"], quotes


def read_polnear(path: Path) -> Iterator[tuple[str, list[GoldQuote]]]:
    """(text, gold attributions) per primary PolNeAR annotation."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if not record.get("primary"):
                continue
            attributions = record["attributions"]
            if isinstance(attributions, str):
                attributions = ast.literal_eval(attributions)
            quotes = [
                GoldQuote(
                    chars=_chars(a.get("content") or []),
                    reference=None,
                    source_chars=_chars(a.get("source") or []),
                    pronoun=False,
                )
                for a in attributions
                if a.get("content")
            ]
            yield record["text"], quotes


def _speaker_right(quote: Quote, gold: GoldQuote) -> bool:
    if quote.speaker is None:
        return False
    if gold.reference is not None:
        return normalise_name(quote.speaker.actor.name) == normalise_name(gold.reference)
    return bool(_chars([(quote.speaker.start, quote.speaker.end)]) & gold.source_chars)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(
    nlp: Language, gold: Path, fmt: str, *, limit: int | None = None
) -> dict[str, float | int]:
    """Quote precision/recall/F1, end-to-end F1 and pronoun-speaker accuracy."""
    readers = {"ggt": read_ggt, "polnear": read_polnear}
    if fmt not in readers:
        raise ValueError(f"format must be one of {', '.join(readers)}")
    documents = list(readers[fmt](gold))[:limit]
    articles = [Article(text=text) for text, _ in documents]
    n_gold = n_predicted = matched = right = pronouns = pronouns_right = 0
    for analysis, (_, gold_quotes) in zip(analyze(nlp, articles), documents, strict=True):
        predicted = list(analysis.quotes)
        n_gold += len(gold_quotes)
        n_predicted += len(predicted)
        unmatched = set(range(len(predicted)))
        for gold_quote in gold_quotes:
            scored = [(_dice(_chars(predicted[i].spans), gold_quote.chars), i) for i in unmatched]
            best = max(scored, default=(0.0, -1))
            found = best[0] >= DICE_THRESHOLD
            speaker_ok = found and _speaker_right(predicted[best[1]], gold_quote)
            if found:
                unmatched.discard(best[1])
                matched += 1
                right += speaker_ok
            if gold_quote.pronoun:
                pronouns += 1
                pronouns_right += speaker_ok
    precision, recall = _ratio(matched, n_predicted), _ratio(matched, n_gold)
    e2e_precision, e2e_recall = _ratio(right, n_predicted), _ratio(right, n_gold)
    return {
        "n_documents": len(documents),
        "n_gold": n_gold,
        "n_predicted": n_predicted,
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": _f1(precision, recall),
        "e2e_precision": e2e_precision,
        "e2e_recall": e2e_recall,
        "e2e_f1": _f1(e2e_precision, e2e_recall),
        "n_pronoun_speakers": pronouns,
        "pronoun_accuracy": _ratio(pronouns_right, pronouns),
    }
