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

from tidings.evaluation.halves import Figures, Halves, score_halves
from tidings.nlp import analyze
from tidings.records import Article, Quote

FORMATS = ("ggt", "polnear")
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


@dataclass(frozen=True)
class GoldDocument:
    """A gold article: its stable id, its text and its gold quotes."""

    ident: str
    text: str
    quotes: tuple[GoldQuote, ...]


def read_ggt(path: Path) -> Iterator[GoldDocument]:
    """Each GGT article with its gold quotes."""
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
            yield GoldDocument(record["doc_id"], record["text"], tuple(quotes))


def read_polnear(path: Path) -> Iterator[GoldDocument]:
    """Each primary PolNeAR annotation of an article with its gold attributions."""
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
            yield GoldDocument(record["article"], record["text"], tuple(quotes))


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


def score_quotes(documents: Sequence[GoldDocument], found: Sequence[Sequence[Quote]]) -> Figures:
    """Quote precision/recall/F1, end-to-end F1 and pronoun-speaker accuracy."""
    n_gold = n_predicted = matched = right = pronouns = pronouns_right = 0
    for document, predicted in zip(documents, found, strict=True):
        n_gold += len(document.quotes)
        n_predicted += len(predicted)
        unmatched = set(range(len(predicted)))
        for gold_quote in document.quotes:
            scored = [(_dice(_chars(predicted[i].spans), gold_quote.chars), i) for i in unmatched]
            best = max(scored, default=(0.0, -1))
            matches = best[0] >= DICE_THRESHOLD
            speaker_ok = matches and _speaker_right(predicted[best[1]], gold_quote)
            if matches:
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


def evaluate(nlp: Language, gold: Path, fmt: str, *, limit: int | None = None) -> Halves:
    """Quote figures over all articles and each half (``ggt`` or ``polnear``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown gold format {fmt!r}; expected one of {', '.join(FORMATS)}")
    documents = list(read_ggt(gold) if fmt == "ggt" else read_polnear(gold))[:limit]
    articles = [Article(text=document.text) for document in documents]
    found = [analysis.quotes for analysis in analyze(nlp, articles)]
    return score_halves(documents, found, lambda d: d.ident, score_quotes)
