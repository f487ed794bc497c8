"""What the actor tables match in one Doc: known actors, countries and cities, and roles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.symbols import ORTH, PROPN
from spacy.tokens import Doc, Span, Token

from tidings.actors.context import place_it_modifies
from tidings.actors.knowledge import ActorTables, KnownActor

# Country names long enough that one slip of the pen leaves them unmistakable ("Ethopia",
# "Afganistan"), when the tagger takes the word for a place or for nothing in particular.
MISSPELT_MIN_LENGTH = 7
MISSPELT_ENTITIES = {"GPE", ""}
# A name of letters alone is split by spaces alone, as the tokenizer splits it, unless one of its
# words is a special case of the tokenizer's ("cannot").
PLAIN_NAME = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
# An initial and its period, as a name's word ("W." of "George W. Bush").
INITIAL = re.compile(r"[A-Z]\.")
# What a match names: a PhraseMatcher's match id, or a known actor's id.
Key = TypeVar("Key", int, str)


@dataclass(frozen=True)
class Match:
    """A phrase match in a Doc: what it names and the tokens it covers."""

    value: str
    start: int
    end: int
    code: str = ""
    city: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Phrase matches in one Doc: token index -> the match over it."""

    known: dict[int, tuple[KnownActor, int, int]]
    countries: dict[int, Match]
    roles: dict[int, Match]
    entities: dict[int, Span]


class KnownNames:
    """The names of known actors, matched on the words of a Doc. A PhraseMatcher would make a
    vocabulary entry for every word of some 50,000 names, seconds of each process's start."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        rules = getattr(nlp.tokenizer, "rules", None)
        self._special_cases = frozenset(rules or ())
        # A name's first word -> (the name's words, its actor's id), in the order added; words
        # as their string ids (ORTH), which read off a Doc without making a Token of each word.
        self._by_first_word: dict[int, list[tuple[tuple[int, ...], str]]] = {}

    def add(self, ident: str, names: Iterable[str], *, person: bool = False) -> None:
        """Match these names as the known actor ``ident``; a person's also as the press may
        write them (``written_forms``)."""
        for name in names:
            words = tuple(name.split(" ")) if PLAIN_NAME.fullmatch(name) else ()
            if not words or self._special_cases.intersection(words):
                words = tuple(token.text for token in self._nlp.make_doc(name))
            if not words:
                continue
            for form in written_forms(words) if person else (words,):
                orths = tuple(get_string_id(word) for word in form)
                self._by_first_word.setdefault(orths[0], []).append((orths, ident))

    def __call__(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """(actor id, start, end) of every name in the Doc, overlapping ones included."""
        words = doc.to_array(ORTH).tolist()
        for start, word in enumerate(words):
            for name, ident in self._by_first_word.get(word, ()):
                end = start + len(name)
                if tuple(words[start:end]) == name:
                    yield ident, start, end


def written_forms(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A person's name as the press may write it, in the words the tokenizer makes: initials
    with or without their period ("George W Bush"), and, of three words or more, the first two
    or the last two joined by a hyphen, which the dictionaries write as words apart
    ("Jean-Bertrand Aristide", "Kim Jong-il")."""
    forms = {words, tuple(word[0] if INITIAL.fullmatch(word) else word for word in words)}
    if len(words) >= 3 and all(word.isalpha() for word in words):
        forms.add((words[0], "-", *words[1:]))
        forms.add((*words[:-1], "-", words[-1].lower()))
    return forms


class LexiconMatcher:
    """Finds the actor tables' names in a Doc (``matcher(doc)`` gives its Lexicon)."""

    def __init__(self, nlp: Language, tables: ActorTables) -> None:
        self.tables = tables
        self._known = KnownNames(nlp)
        # Of actors of one name, the first added is matched: tidings' own before compiled ones.
        for entry in sorted(tables.known.values(), key=lambda entry: entry.compiled):
            names = {entry.name, *entry.aliases}
            # Headlines and datelines write names in capitals: "SECURITY COUNCIL".
            names |= {name.upper() for name in names if len(name) > 3}
            self._known.add(entry.id, names, person=entry.kind == "person")
        self._countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        for country_name in tables.countries:
            # Datelines write places in capitals: "TEHRAN (AP) --".
            forms = (
                {country_name, country_name.upper()} if len(country_name) > 3 else {country_name}
            )
            self._countries.add(country_name, [nlp.make_doc(form) for form in forms])
        self._spelt_countries = {
            label: code
            for code, label in tables.country_labels.items()
            if " " not in label and len(label) >= MISSPELT_MIN_LENGTH
        }
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in tables.roles:
            self._roles.add(phrase, [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Lexicon:
        known: dict[int, tuple[KnownActor, int, int]] = {}
        for ident, start, end in _longest_first(self._known(doc)):
            entry = self.tables.known[ident]
            for i in range(start, end):
                known.setdefault(i, (entry, start, end))
        countries: dict[int, Match] = {}
        for match_id, start, end in _longest_first(self._countries(doc)):
            inside_a_name = doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I"
            if inside_a_name and doc[start].tag_ != "NNPS":
                # "Jordan" inside "Michael Jordan" is a name, not a country; "Serbs" in "Bosnian
                # Serbs", which the tagger may take for a person, is a people.
                continue
            value = doc.vocab.strings[match_id]
            match = Match(value, start, end, self.tables.countries[value])
            for i in range(start, end):
                countries.setdefault(i, match)
        entities: dict[int, Span] = {}
        surnames = {entity[-1].text for entity in doc.ents if entity.label_ == "PERSON"}
        for entity in doc.ents:
            entities.update(dict.fromkeys(range(entity.start, entity.end), entity))
            code = self.tables.cities.get(entity.text)
            # The tagger reads a lone city name as an organisation or a people at times
            # ("Mariupol", "Samarra"), and a surname too ("Telford" after "Hamish Telford").
            place = entity.label_ == "GPE" or (
                entity.label_ in ("ORG", "NORP")
                and entity.start not in known
                and entity.text not in surnames
            )
            if place and code is not None and entity.start not in countries:
                match = Match(entity.text, entity.start, entity.end, code, city=True)
                for i in range(entity.start, entity.end):
                    countries.setdefault(i, match)
        pos, length = doc.to_array(["POS", "LENGTH"]).T
        for index in numpy.flatnonzero((pos == PROPN) & (length >= MISSPELT_MIN_LENGTH)):
            token = doc[int(index)]
            taken = token.i in countries or token.i in known
            misspelt = None if taken else self._misspelt_country(token)
            if misspelt is not None:
                code = self._spelt_countries[misspelt]
                countries[token.i] = Match(misspelt, token.i, token.i + 1, code)
        countries = self._told_apart(doc, self._inside_place_names(doc, countries))
        roles: dict[int, Match] = {}
        for match_id, start, end in _longest_first(self._roles(doc)):
            name = countries.get(start)
            if name is not None and name.start < start and end <= name.end:
                continue  # "bank" in "the West Bank" is part of the place's name
            match = Match(doc.vocab.strings[match_id], start, end)
            for i in range(start, end):
                roles.setdefault(i, match)
        return Lexicon(known, countries, roles, entities)

    def _misspelt_country(self, token: Token) -> str | None:
        """The country name a proper noun misspells by one letter, if any ("Ethopia")."""
        word = token.text
        if not word.istitle() or token.ent_type_ not in MISSPELT_ENTITIES:
            return None
        if word in self.tables.cities:
            return None  # "Columbia, South Carolina" is no misspelt Colombia
        found = process.extractOne(
            word, self._spelt_countries.keys(), scorer=DamerauLevenshtein.distance, score_cutoff=1
        )
        return found[0] if found is not None else None

    def _inside_place_names(self, doc: Doc, countries: dict[int, Match]) -> dict[int, Match]:
        """A country's name inside a longer place name of another country is that place: "New
        Jersey", "Jersey City" and "New Mexico" are in the United States."""
        cities, names = self.tables.cities, self.tables.countries
        for match in {m.start: m for m in countries.values()}.values():
            before = doc[match.start - 1 : match.end] if match.start > 0 else None
            after = doc[match.start : match.end + 1] if match.end < len(doc) else None
            for place in (before, after):
                code = cities.get(place.text) if place is not None else None
                if place is None or code is None or code == match.code or place.text in names:
                    continue
                city = Match(place.text, place.start, place.end, code, city=True)
                countries.update(dict.fromkeys(range(place.start, place.end), city))
                break
        return countries

    def _told_apart(self, doc: Doc, countries: dict[int, Match]) -> dict[int, Match]:
        """Place names that several countries' cities bear, read as the city of the one other
        country their sentence names as a place ("Tripoli ... the northern Lebanese city",
        "Tripoli, Lebanon"); a country's people named beside it say nothing ("the Canadian
        prime minister flew to London")."""
        homonyms = self.tables.city_homonyms
        told: dict[int, Match] = {}
        for index, match in countries.items():
            homes = homonyms.get(match.value)
            if homes is not None:
                sentence = doc[match.start].sent
                named = {
                    countries[i].code
                    for i in range(sentence.start, sentence.end)
                    if i in countries
                    and countries[i].value not in homonyms
                    and _names_a_place(countries[i], doc[i], match)
                }
                home = sorted(homes & named)
                if len(home) == 1 and match.code != home[0]:
                    match = Match(match.value, match.start, match.end, home[0], city=True)
            told[index] = match
        return told


def _names_a_place(place: Match, token: Token, city: Match) -> bool:
    """Whether a country word describes a place: a place noun's modifier ("the north Lebanese
    port"), the country after a city and a comma ("Tripoli, Lebanon"), or a city before the
    place and a comma ("Atlanta, Georgia") or conjoined with it ("New Jersey and Georgia")."""
    doc = token.doc
    after_city = token.i == city.end + 1 and doc[city.end].text == ","
    before_city = place.city and place.end == city.start - 1 and doc[place.end].text == ","
    last = doc[city.end - 1]
    conjoined = place.city and (
        (last.dep_ == "conj" and last.head == token)
        or (token.dep_ == "conj" and token.head == last)
    )
    return after_city or before_city or conjoined or place_it_modifies(token) is not None


def _longest_first(matches: Iterable[tuple[Key, int, int]]) -> list[tuple[Key, int, int]]:
    return sorted(matches, key=lambda m: (m[1] - m[2], m[1]))
