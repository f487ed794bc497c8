"""Score quotes against the GGT and PolNeAR gold sets.

A predicted quote matches a gold quote when the characters they cover overlap with Dice >= 0.5
(each gold quote matched at most once). End to end, the speaker must be right too: for GGT the
resolved name equals the gold ``reference`` after normalising case and titles; for PolNeAR the
speaker mention overlaps the gold source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language

from tidings.evaluation.readers import GoldDocument, GoldQuote, read_ggt, read_polnear
from tidings.evaluation.scoring import Figures, Halves, f1, ratio, score_halves
from tidings.pipeline import analyze
from tidings.records import Article, Quote

FORMATS = ("ggt", "polnear")
DICE_THRESHOLD = 0.5
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "mayor", "premier", "president", "minister"}


def _chars(spans: Iterable[Sequence[int]]) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, end))


def _dice(first: frozenset[int], second: frozenset[int]) -> float:
    total = len(first) + len(second)
    return 2 * len(first & second) / total if total else 0.0


def normalise_name(name: str) -> str:
    """A name in lower case without titles or punctuation."""
    words = re.findall(r"[\w'\u2019-]+", name.lower())
    return " ".join(w for w in words if w.rstrip(".") not in TITLES)


def _speaker_right(quote: Quote, gold: GoldQuote) -> bool:
    if quote.speaker is None:
        return False
    if gold.reference is not None:
        return normalise_name(quote.speaker.actor.name) == normalise_name(gold.reference)
    return bool(_chars([(quote.speaker.start, quote.speaker.end)]) & _chars(gold.source))


def score_quotes(documents: Sequence[GoldDocument], found: Sequence[Sequence[Quote]]) -> Figures:
    """Quote precision/recall/F1, end-to-end F1 and pronoun-speaker accuracy."""
    n_gold = n_predicted = matched = right = pronouns = pronouns_right = 0
    for document, predicted in zip(documents, found, strict=True):
        n_gold += len(document.quotes)
        n_predicted += len(predicted)
        unmatched = set(range(len(predicted)))
        for gold_quote in document.quotes:
            gold_chars = _chars(gold_quote.content)
            scored = [(_dice(_chars(predicted[i].spans), gold_chars), i) for i in unmatched]
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
    precision, recall = ratio(matched, n_predicted), ratio(matched, n_gold)
    e2e_precision, e2e_recall = ratio(right, n_predicted), ratio(right, n_gold)
    return {
        "n_documents": len(documents),
        "n_gold": n_gold,
        "n_predicted": n_predicted,
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": f1(precision, recall),
        "e2e_precision": e2e_precision,
        "e2e_recall": e2e_recall,
        "e2e_f1": f1(e2e_precision, e2e_recall),
        "n_pronoun_speakers": pronouns,
        "pronoun_accuracy": ratio(pronouns_right, pronouns),
    }


def evaluate(nlp: Language, gold: Path, fmt: str, *, limit: int | None = None) -> Halves:
    """Quote figures over all articles and each half (``ggt`` or ``polnear``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown gold format {fmt!r}; expected one of {', '.join(FORMATS)}")
    documents = (read_ggt(gold) if fmt == "ggt" else read_polnear(gold))[:limit]
    articles = [Article(text=document.text) for document in documents]
    found = [analysis.quotes for analysis in analyze(nlp, articles)]
    return score_halves(documents, found, lambda d: d.ident, score_quotes)
