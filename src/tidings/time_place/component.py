"""The ``tidings_time_place`` spaCy component: resolve dates and places."""

from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.actors.knowledge import default_tables
from tidings.nlp.annotations import register_extensions
from tidings.records import Place
from tidings.time_place.places import gazetteer
from tidings.time_place.times import resolve_time

TIME_LABELS = {"DATE", "TIME"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
FUTURE_MARKERS = {"will", "wo", "'ll", "shall"}


def is_future(verb: Token) -> bool:
    """Whether a verb speaks of the future: "will meet", "is expected to travel", "plans to"."""
    for token in (verb, *verb.ancestors):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if any(child.lower_ in FUTURE_MARKERS for child in token.children):
            return True
        if token.lemma_ in ("expect", "plan", "schedule", "intend") and token.tag_ in (
            "VBN",
            "VBZ",
            "VBP",
        ):
            return True
        if token.tag_ in ("VBD", "VBN"):
            return False
    return False


def _governing_verb(span: Span) -> Token:
    for token in (span.root, *span.root.ancestors):
        if token.pos_ in ("VERB", "AUX"):
            return token
    return span.root


class TimePlaceResolver:
    """Sets ``doc._.times`` (``span._.time``) and ``doc._.places`` (``span._.place``)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published is None and any(ent.label_ in TIME_LABELS for ent in doc.ents):
            # Shown once per process: the remedy (ingest --date) is the same for every article.
            warnings.warn(
                "an article has no publication date: its relative dates are left unresolved "
                "(give one with `tidings ingest --date YYYY-MM-DD`)",
                stacklevel=2,
            )
        times, places = [], []
        countries = {
            m._.actor.country for m in doc._.actor_mentions or () if m._.actor and m._.actor.country
        }
        for ent in doc.ents:
            if ent.label_ in TIME_LABELS:
                value = resolve_time(ent.text, published, future=is_future(_governing_verb(ent)))
                if value is not None:
                    ent._.time = value
                    times.append(ent)
            elif ent.label_ in PLACE_LABELS:
                place = self._place(ent, countries)
                if place is not None:
                    ent._.place = place
                    places.append(ent)
        doc._.times = times
        doc._.places = places
        return doc

    def _place(self, ent: Span, countries: set[str]) -> Place | None:
        found = gazetteer().resolve(ent.text, ent.start_char, ent.end_char, countries)
        if found is not None:
            return found
        tables = default_tables()
        code = tables.countries.get(ent.text.removeprefix("the "))
        if code is None:
            return None
        return Place(tables.country_labels[code], code, ent.start_char, ent.end_char)


@Language.factory("tidings_time_place")
def make_time_place_resolver(nlp: Language, name: str) -> TimePlaceResolver:
    """Build the time and place component."""
    return TimePlaceResolver(nlp, name)
