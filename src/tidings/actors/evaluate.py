"""Score tidings' actor mentions against gold sets: NGEC resolution cases, PLOVER-GSR, GGT.

Every text is analysed as an article through the pipeline it is given, and the records it yields
(``Analysis.mentions``) are scored, so the figures measure what users get.

- ``ngec``: each case's text is one actor phrase; the earliest (then longest) mention found in
  it is the prediction. ``country_accuracy`` over cases that state a country (NGEC's
  pseudo-countries for international organisations, UNO, EUR, IGO, expect no country and the
  IGO sector);
  ``sector_accuracy`` over cases that state a sector (``code_1``, and ``code_2`` where given;
  an empty code or ``UNK`` expects no sector). A case's ``context`` is a modifier of the phrase
  ("German" + "Defense Minister").
- ``plover-gsr``: for each gold source/target actor with a country code, is there a mention with
  that country in the sentence (``country_recall``).
- ``ggt``: each gold quote whose speaker is a pronoun: is there a mention at the speaker span,
  and is its actor the gold ``reference`` (``pronoun_accuracy``).
"""

from __future__ import annotations

import ast
import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pycountry
from spacy.language import Language

from tidings.pipeline import analyze
from tidings.records import Actor, ActorMention, Analysis, Article

FORMATS = ("ngec", "plover-gsr", "ggt")
T = TypeVar("T")

# Codes the gold sets write differently from tidings: NGEC's JRN is CAMEO's MED, and the CAMEO
# manual's examples use a few pre-ISO country codes.
SECTOR_SYNONYMS = {"JRN": "MED"}
# Gold sets' own spellings of country codes (older CAMEO dictionaries), as ISO alpha-3.
COUNTRY_SYNONYMS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# NGEC writes international organisations as pseudo-countries; tidings gives them no country and
# the IGO sector, so a case expecting one of these is right when the actor has exactly that.
INTERNATIONAL = {"IGO", "UNO", "EUR"}
NO_SECTOR = {"", "UNK"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "professor", "premier", "mayor"}


@dataclass(frozen=True)
class NgecCase:
    """One NGEC actor-resolution case: a phrase, its publication date and the expected codes."""

    ident: str
    text: str
    published: date | None
    country: str | None
    expects_country: bool
    sectors: tuple[str, ...] | None


@dataclass(frozen=True)
class GoldActor:
    """A gold actor of a PLOVER-GSR sentence: its text and ISO country code."""

    text: str
    country: str
    sector: str | None


@dataclass(frozen=True)
class GoldSentence:
    """A PLOVER-GSR sentence with its gold source and target actors."""

    ident: str
    text: str
    published: date | None
    actors: tuple[GoldActor, ...]


@dataclass(frozen=True)
class PronounQuote:
    """A GGT quote whose speaker is a pronoun: where the pronoun is, and who it refers to."""

    start: int
    end: int
    reference: str


@dataclass(frozen=True)
class GgtArticle:
    """A GGT article with its pronoun-speaker quotes."""

    ident: str
    text: str
    quotes: tuple[PronounQuote, ...]


# --- gold readers -------------------------------------------------------------------------------


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


def gold_code(code: str) -> str:
    """A gold actor code with older CAMEO country spellings made ISO ("JAP" -> "JPN")."""
    return COUNTRY_SYNONYMS.get(code, code)


def _iso_country(code: str) -> str | None:
    """The ISO alpha-3 code a gold country code stands for; None for IGO, NGO and the like."""
    code = gold_code(code)
    return code if pycountry.countries.get(alpha_3=code) is not None else None


def read_plover_gsr(path: Path) -> list[GoldSentence]:
    """PLOVER-GSR sentences with their gold source and target actors that have a country."""
    sentences: list[GoldSentence] = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        actors: list[GoldActor] = []
        for role in ("source", "target"):
            for actor in record.get(role) or ():
                if not isinstance(actor, dict):
                    continue
                country = _iso_country(str(actor.get("code", "")))
                if country is not None:
                    sector = actor.get("sector") or None
                    actors.append(GoldActor(str(actor.get("actorText", "")), country, sector))
        published = record.get("date")
        sentences.append(
            GoldSentence(
                ident=record["id"],
                text=record["text"],
                published=date.fromisoformat(published) if published else None,
                actors=tuple(actors),
            )
        )
    return sentences


def read_ggt(path: Path) -> list[GgtArticle]:
    """GGT articles with the quotes whose speaker mention is a pronoun."""
    articles: list[GgtArticle] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        quotes = record["quotes"]
        # The quotes field is a Python literal in a string, as the GGT release ships it.
        if isinstance(quotes, str):
            quotes = ast.literal_eval(quotes)
        pronoun_quotes = tuple(
            PronounQuote(q["speaker_span"][0], q["speaker_span"][1], q["reference"])
            for q in quotes
            if q.get("speaker_is_pronoun") and q.get("speaker_span") and q.get("reference")
        )
        articles.append(GgtArticle(record["doc_id"], record["text"], pronoun_quotes))
    return articles


# --- scorers ------------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


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


def score_ngec(
    cases: Sequence[NgecCase], predictions: Sequence[ActorMention | None]
) -> dict[str, float | int]:
    """Country and sector accuracy of one predicted mention per case."""
    countries_right = countries_total = sectors_right = sectors_total = 0
    for case, mention in zip(cases, predictions, strict=True):
        actor = mention.actor if mention is not None else None
        if case.expects_country:
            countries_total += 1
            countries_right += _country_right(case.country, actor)
        if case.sectors is not None:
            sectors_total += 1
            predicted = set(actor.sectors) if actor else set()
            expected = set(case.sectors)
            sectors_right += expected <= predicted if expected else not predicted
    return {
        "country_accuracy": _ratio(countries_right, countries_total),
        "sector_accuracy": _ratio(sectors_right, sectors_total),
        "n_gold": len(cases),
        "n_country_cases": countries_total,
        "n_sector_cases": sectors_total,
        "n_predicted": sum(m is not None for m in predictions),
    }


def score_plover_gsr(
    sentences: Sequence[GoldSentence], mentions: Sequence[Sequence[ActorMention]]
) -> dict[str, float | int]:
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
        "country_recall": _ratio(found, n_gold),
        "sector_recall": _ratio(sector_found, sector_total),
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
    articles: Sequence[GgtArticle], mentions: Sequence[Sequence[ActorMention]]
) -> dict[str, float | int]:
    """Accuracy of the actors resolved at pronoun speaker spans."""
    n_gold = n_found = right = 0
    for article, predicted in zip(articles, mentions, strict=True):
        for quote in article.quotes:
            n_gold += 1
            at_pronoun = [m for m in predicted if m.start <= quote.start and quote.end <= m.end]
            n_found += bool(at_pronoun)
            right += any(same_person(m.actor.name, quote.reference) for m in at_pronoun)
    return {
        "pronoun_accuracy": _ratio(right, n_gold),
        "n_gold": n_gold,
        "n_predicted": n_found,
        "n_correct": right,
        "n_articles": len(articles),
    }


def _limited(items: Sequence[T], limit: int | None) -> Sequence[T]:
    return items[:limit] if limit is not None else items


def _mentions(analyses: Iterable[Analysis]) -> list[tuple[ActorMention, ...]]:
    return [analysis.mentions for analysis in analyses]


def evaluate(
    nlp: Language, gold: Path, fmt: str, *, limit: int | None = None
) -> dict[str, float | int]:
    """Score the pipeline's actor mentions on a gold set (``ngec``, ``plover-gsr`` or ``ggt``)."""
    if fmt == "ngec":
        cases = _limited(read_ngec(gold), limit)
        articles = [Article(text=c.text, published=c.published) for c in cases]
        return score_ngec(cases, [main_mention(a) for a in _analyses(nlp, articles)])
    if fmt == "plover-gsr":
        sentences = _limited(read_plover_gsr(gold), limit)
        articles = [Article(text=s.text, published=s.published) for s in sentences]
        return score_plover_gsr(sentences, _mentions(_analyses(nlp, articles)))
    if fmt == "ggt":
        ggt = _limited(read_ggt(gold), limit)
        return score_ggt(ggt, _mentions(_analyses(nlp, [Article(text=a.text) for a in ggt])))
    raise ValueError(f"unknown gold format {fmt!r}; expected one of {', '.join(FORMATS)}")
