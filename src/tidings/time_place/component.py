"""The ``tidings_time_place`` spaCy component: resolve dates and places."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.nlp.annotations import register_extensions
from tidings.records import Place
from tidings.time_place.places import Gazetteer
from tidings.time_place.times import Tense, resolve_time

TIME_LABELS = {"DATE", "TIME"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
FUTURE_MARKERS = {"will", "wo", "'ll", "shall"}
FUTURE_VERBS = {"expect", "plan", "schedule", "intend"}


def tense_of(verb: Token) -> Tense:
    """The tense a clause speaks in: "will meet", "is expected to travel" are the future."""
    for token in (verb, *verb.ancestors):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        # The "to" of an infinitive is no auxiliary: the tense lies with the verb above.
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
        if any(a.lower_ in FUTURE_MARKERS or a.tag_ == "MD" for a in auxiliaries):
            return Tense.FUTURE
        if token.lemma_ in FUTURE_VERBS and token.tag_ in ("VBN", "VBZ", "VBP"):
            return Tense.FUTURE
        if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
            return Tense.PAST
        if token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
            return Tense.PAST
        if token.tag_ in ("VBZ", "VBP") or auxiliaries:
            return Tense.PRESENT
    return Tense.PAST


# "since the attack on October 7": what a date inside such a phrase dates lies before the
# moment the clause speaks of, whatever the clause's own tense.
LOOKING_BACK = {"since"}


def tense_of_expression(span: Span) -> Tense:
    """The tense a temporal expression is read in: its clause's, or the past after "since"."""
    for token in (span.root, *span.root.ancestors):
        if token.lower_ in LOOKING_BACK and token.dep_ in ("prep", "mark"):
            return Tense.PAST
        if token.pos_ in ("VERB", "AUX"):
            return tense_of(token)
    return tense_of(span.root)


class TimePlaceResolver:
    """Sets ``doc._.times`` (``span._.time``) and ``doc._.places`` (``span._.place``).

    ``countries`` maps the names of countries (and capitals) to their codes, ``country_labels``
    the codes to their names: a country the gazetteer does not know by a name is still one.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        gazetteer: Gazetteer,
        countries: Mapping[str, str],
        country_labels: Mapping[str, str],
    ) -> None:
        register_extensions()
        self._gazetteer = gazetteer
        self._countries = countries
        self._country_labels = country_labels

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        entities = doc.ents  # spaCy builds the entity spans anew on each access
        if published is None and any(ent.label_ in TIME_LABELS for ent in entities):
            # Shown once per process: the remedy (ingest --date) is the same for every article.
            warnings.warn(
                "an article has no publication date: its relative dates are left unresolved "
                "(give one with `tidings ingest --date YYYY-MM-DD`)",
                stacklevel=2,
            )
        times = []
        for ent in entities:
            if ent.label_ in TIME_LABELS:
                ent._.time = resolve_time(ent.text, published, tense_of_expression(ent))
                times.append(ent)
        doc._.times = times
        doc._.places = self._places(doc, entities)
        return doc

    def _places(self, doc: Doc, entities: Sequence[Span]) -> list[Span]:
        """Toponyms with their places, disambiguated by the countries the article is about."""
        toponyms = [ent for ent in entities if ent.label_ in PLACE_LABELS]
        actors = [m._.actor for m in doc._.actor_mentions or ()]
        countries = {actor.country for actor in actors if actor and actor.country}
        # Names with a single possible country say where the article is, as actors do.
        for ent in toponyms:
            possible = {c.country for c in self._gazetteer.candidates(ent.text)}
            if len(possible) == 1:
                countries |= possible - {None}
        places = []
        for ent in toponyms:
            place = self._place(ent, countries)
            if place is not None:
                ent._.place = place
                places.append(ent)
        unknown = [ent for ent in toponyms if ent._.place is None and _is_proper_name(ent)]
        prevailing = _prevailing_country(places)
        for ent in unknown if prevailing else ():
            # A place too small for the gazetteer ("Yonge Street") lies where the article's
            # other places do: its country is known, its GeoNames id and coordinates are not.
            ent._.place = Place(ent.text, prevailing, ent.start_char, ent.end_char)
            places.append(ent)
        return sorted(places, key=lambda span: span.start)

    def _place(self, ent: Span, countries: set[str]) -> Place | None:
        found = self._gazetteer.resolve(ent.text, ent.start_char, ent.end_char, countries)
        if found is not None:
            return found
        code = self._countries.get(ent.text.removeprefix("the "))
        if code is None:
            return None
        named = self._gazetteer.country(code, ent.start_char, ent.end_char)
        return named or Place(self._country_labels[code], code, ent.start_char, ent.end_char)


# A country prevails when at least this share of an article's resolved places lie in it.
PREVAILING_SHARE = 0.75


def _prevailing_country(places: list[Span]) -> str | None:
    found = Counter(span._.place.country for span in places if span._.place.country)
    if sum(found.values()) < 2:
        return None
    country, count = found.most_common(1)[0]
    return country if count / sum(found.values()) >= PREVAILING_SHARE else None


def _is_proper_name(ent: Span) -> bool:
    return all(token.is_title or token.is_upper or not token.is_alpha for token in ent)
