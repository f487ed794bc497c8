"""Score tidings' actor mentions against gold sets: NGEC resolution cases, PLOVER-GSR, GGT.

Every text is analysed as an article through the pipeline it is given, and the records it yields
(``Analysis.mentions``) are scored, so the figures measure what users get.

- ``ngec``: each case's text is one actor phrase; the earliest (then longest) mention found in
  it is the prediction. ``country_accuracy`` over cases that state a country (NGEC's
  pseudo-countries for international organisations, UNO, EUR, IGO, expect no country and the
  IGO sector);
  ``sector_accuracy`` over cases that state a sector (``code_1``, and ``code_2`` where given;
  an empty code or ``UNK`` expects no sector): the actor's sectors must be exactly those
  (``sector_accuracy_lenient``: they must include them). A case's ``context`` is a modifier of
  the phrase ("German" + "Defense Minister").
- ``plover-gsr``: for each gold source/target actor with a country code, is there a mention with
  that country in the sentence (``country_recall``).
- ``ggt``: each gold quote whose speaker is a pronoun: is there a mention at the speaker span,
  and is its actor the gold ``reference`` (``pronoun_accuracy``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from spacy.language import Language

from tidings.evaluation.readers import (
    GoldDocument,
    GoldSentence,
    NgecCase,
    read_ggt,
    read_ngec,
    read_plover_gsr,
)
from tidings.evaluation.scoring import Figures, Halves, ratio, score_halves
from tidings.pipeline import analyze
from tidings.records import Actor, ActorMention, Analysis, Article

FORMATS = ("ngec", "plover-gsr", "ggt")
T = TypeVar("T")

# NGEC writes international organisations as pseudo-countries; tidings gives them no country and
# the IGO sector, so a case expecting one of these is right when the actor has exactly that.
INTERNATIONAL = {"IGO", "UNO", "EUR"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "professor", "premier", "mayor"}


def _analyses(nlp: Language, articles: Sequence[Article]) -> list[Analysis]:
    return list(analyze(nlp, articles))


def main_mention(analysis: Analysis) -> ActorMention | None:
    """The mention that stands for a whole short phrase: the earliest (an English noun phrase's
    head comes before its "of/in" objects: "people in the UK"), then the longest."""
    return min(analysis.mentions, key=lambda m: (m.start, m.start - m.end), default=None)


def _country_right(expected: str | None, actor: Actor | None) -> bool:
    if expected in INTERNATIONAL:
        return actor is not None and actor.country is None and "IGO" in actor.sectors
    return (actor.country if actor else None) == expected


def score_ngec(cases: Sequence[NgecCase], predictions: Sequence[ActorMention | None]) -> Figures:
    """Country and sector accuracy (exact, then lenient) of one predicted mention per case."""
    countries_right = countries_total = sectors_right = sectors_included = sectors_total = 0
    for case, mention in zip(cases, predictions, strict=True):
        actor = mention.actor if mention is not None else None
        if case.expects_country:
            countries_total += 1
            countries_right += _country_right(case.country, actor)
        if case.sectors is not None:
            sectors_total += 1
            predicted = set(actor.sectors) if actor else set()
            expected = set(case.sectors)
            sectors_right += expected == predicted
            sectors_included += expected <= predicted if expected else not predicted
    return {
        "country_accuracy": ratio(countries_right, countries_total),
        "sector_accuracy": ratio(sectors_right, sectors_total),
        "sector_accuracy_lenient": ratio(sectors_included, sectors_total),
        "n_gold": len(cases),
        "n_country_cases": countries_total,
        "n_sector_cases": sectors_total,
        "n_predicted": sum(m is not None for m in predictions),
    }


def score_plover_gsr(
    sentences: Sequence[GoldSentence], mentions: Sequence[Sequence[ActorMention]]
) -> Figures:
    """Recall of gold actors' countries (and country+sector) among each sentence's mentions."""
    n_gold = found = sector_total = sector_found = 0
    for sentence, predicted in zip(sentences, mentions, strict=True):
        for gold in sentence.actors:
            n_gold += 1
            same_country = [m.actor for m in predicted if m.actor.country == gold.country]
            found += bool(same_country)
            if gold.sector:
                sector_total += 1
                sector_found += any(gold.sector in a.sectors for a in same_country)
    return {
        "country_recall": ratio(found, n_gold),
        "sector_recall": ratio(sector_found, sector_total),
        "n_gold": n_gold,
        "n_found": found,
        "n_sentences": len(sentences),
        "n_predicted": sum(len(m) for m in mentions),
    }


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[\w'\u2019-]+", name.lower())
    while words and words[0].rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return words


def same_person(actor_name: str, reference: str) -> bool:
    """Whether an actor name is the gold reference: equal, or its surname-final part of it."""
    actor, gold = _name_words(actor_name), _name_words(reference)
    if not actor or not gold:
        return False
    return actor == gold or (actor[-1] == gold[-1] and set(actor) <= set(gold))


def score_ggt(
    articles: Sequence[GoldDocument], mentions: Sequence[Sequence[ActorMention]]
) -> Figures:
    """Accuracy of the actors resolved at the speaker spans of quotes whose speaker mention is
    a pronoun with a resolved name."""
    n_gold = n_found = right = 0
    for article, predicted in zip(articles, mentions, strict=True):
        for quote in article.quotes:
            if not (quote.pronoun and quote.source and quote.reference):
                continue
            n_gold += 1
            start, end = quote.source[0]
            at_pronoun = [m for m in predicted if m.start <= start and end <= m.end]
            n_found += bool(at_pronoun)
            right += any(same_person(m.actor.name, quote.reference) for m in at_pronoun)
    return {
        "pronoun_accuracy": ratio(right, n_gold),
        "n_gold": n_gold,
        "n_predicted": n_found,
        "n_correct": right,
        "n_articles": len(articles),
    }


def _limited(items: Sequence[T], limit: int | None) -> Sequence[T]:
    return items[:limit] if limit is not None else items


def _mentions(analyses: Iterable[Analysis]) -> list[tuple[ActorMention, ...]]:
    return [analysis.mentions for analysis in analyses]


def evaluate(nlp: Language, gold: Path, fmt: str, *, limit: int | None = None) -> Halves:
    """Score the pipeline's actor mentions on a gold set (``ngec``, ``plover-gsr`` or ``ggt``),
    over all items and each half."""
    if fmt == "ngec":
        cases = _limited(read_ngec(gold), limit)
        articles = [Article(text=c.text, published=c.published) for c in cases]
        found = [main_mention(a) for a in _analyses(nlp, articles)]
        # Case names repeat across NGEC's files: the name with the phrase is the stable id.
        return score_halves(cases, found, lambda c: f"{c.ident}\t{c.text}", score_ngec)
    if fmt == "plover-gsr":
        sentences = _limited(read_plover_gsr(gold), limit)
        articles = [Article(text=s.text, published=s.published) for s in sentences]
        mentions = _mentions(_analyses(nlp, articles))
        return score_halves(sentences, mentions, lambda s: s.ident, score_plover_gsr)
    if fmt == "ggt":
        ggt = _limited(read_ggt(gold), limit)
        mentions = _mentions(_analyses(nlp, [Article(text=a.text) for a in ggt]))
        return score_halves(ggt, mentions, lambda a: a.ident, score_ggt)
    raise ValueError(f"unknown gold format {fmt!r}; expected one of {', '.join(FORMATS)}")
