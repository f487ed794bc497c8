"""The ``tidings_actors`` spaCy component: find actor mentions and resolve them.

A mention is a noun phrase whose head names an actor: a known actor ("Hamas", "Blinken"), a
person with a role and country ("Israeli Prime Minister Benjamin Netanyahu"), a role with a
country ("Israeli troops", "Somalia's prime minister", "police in Kyiv"), a country or city
("the United States", "Beijing"), an organisation, or a pronoun or definite description that
refers back to one ("he", "the terrorist group", "the two countries").

The stages, one module each: ``lexicon`` matches the actor tables in the Doc, ``phrases``
reads a phrase's country and sectors, ``resolution`` holds the ordered rules that say what a
phrase refers to, ``coreference`` what came before, ``countries`` the country an actor takes
from its context.
"""

from __future__ import annotations

import re

import numpy
from spacy.language import Language
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from tidings.actors.context import sentence_country
from tidings.actors.coreference import Antecedents, Entry, Referent
from tidings.actors.countries import ContextCountries
from tidings.actors.knowledge import ActorTables
from tidings.actors.lexicon import Lexicon, LexiconMatcher
from tidings.actors.phrases import NAME_DEPS, PhraseReader, noun_phrase, without_possessive
from tidings.actors.resolution import Mention, resolve
from tidings.nlp.annotations import actor_modifiers, owners_it_stands_for, register_extensions
from tidings.nlp.datelines import first_story_word
from tidings.records import Actor

HEAD_POS = {"PROPN", "NOUN", "PRON"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "det", "nummod", "case", "punct", "quantmod"}
QUOTE_MARKS = {'"', "“", "”"}
# A full name as news writes it: capitalised words, with hyphens, apostrophes and initials.
PERSON_NAME = re.compile(r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)+")
PREDICATIVE_DEPS = {"acomp", "oprd", "advmod"}


class ActorResolver:
    """Marks actor mentions on ``doc._.actor_mentions`` and resolves each to an Actor."""

    def __init__(self, nlp: Language, name: str, tables: ActorTables) -> None:
        register_extensions()
        self.name = name
        self.tables = tables
        self._match = LexiconMatcher(nlp, tables)
        self._reader = PhraseReader(tables)
        self._context = ContextCountries(tables)

    def __call__(self, doc: Doc) -> Doc:
        doc._.party_nouns = self._party_nouns(doc)
        lexicon = self._match(doc)
        in_quote = _quoted_tokens(doc)
        full_names = self._full_names(doc, lexicon)
        antecedents = Antecedents(doc, full_names)
        surnames = frozenset(actor.name.split()[-1] for _, actor in full_names)
        resolved: dict[int, Referent] = {}
        mentions: list[Span] = []
        countryless: list[Span] = []
        for head, span in _noun_phrases(doc, lexicon, surnames):
            quoted = head.i in in_quote
            mention = Mention(span, head, lexicon, self._reader, antecedents, resolved, quoted)
            referent = resolve(mention)
            if referent is None:
                mentions.extend(self._modifying_actors(head, lexicon))
                continue
            if self._context.may_take_one(referent, head):
                referent = self._context.of_owner_or_surname(
                    referent, head, span, lexicon, resolved
                )
                if referent.actor is not None and referent.actor.country is None:
                    countryless.append(span)
            if referent.members:
                span._.members = referent.members
            else:
                span._.actor = referent.actor
            span._.resolved_by = referent.rule
            mentions.append(span)
            resolved[head.i] = referent
            subject = head.dep_ in ("nsubj", "nsubjpass")
            antecedents.add(Entry(referent, head, subject, quoted, span.text))
        doc._.actor_mentions = ordered = sorted(mentions, key=lambda s: s.start)
        # Actors of a country read from their sentence do not place a sentence, so these are
        # the same before and after they take it.
        doc._.sentence_countries = {
            sentence.start: sentence_country(sentence, ordered) for sentence in doc.sents
        }
        doc._.dateline = self._dateline(doc, lexicon)
        self._context.give_sentence_countries(doc, countryless)
        return doc

    def _dateline(self, doc: Doc, lexicon: Lexicon) -> Span | None:
        """The place a wire dateline names ("KABUL (Reuters) -"), as the country it is in."""
        story = first_story_word(doc, doc._.story_start or 0)
        places = {match for i, match in lexicon.countries.items() if i < story and match.code}
        if len({place.code for place in places}) != 1:
            return None
        place = min(places, key=lambda match: match.start)
        span = doc[place.start : place.end]
        span._.actor = self._reader.place(place).actor
        span._.resolved_by = "dateline"
        return span

    def _party_nouns(self, doc: Doc) -> frozenset[int]:
        """The indices of the words naming a party related to an actor (``doc._.party_nouns``)."""
        # Look each distinct lemma up once, not each word.
        lemmas = doc.to_array("LEMMA")
        relations = self.tables.modifiers.relations
        wanted = [
            lemma
            for lemma in numpy.unique(lemmas).tolist()
            if doc.vocab.strings[lemma].lower() in relations
        ]
        return frozenset(numpy.flatnonzero(numpy.isin(lemmas, wanted)).tolist())

    def _full_names(self, doc: Doc, lexicon: Lexicon) -> list[tuple[int, Actor]]:
        """Every person named in full (two words or more), where first named: later, a bare
        surname refers to them even where the tagger missed the person ("Stanovaya noted")."""
        named: dict[str, int] = {}
        proper_nouns = (doc[int(i)] for i in numpy.flatnonzero(doc.to_array("POS") == PROPN))
        for head in proper_nouns:
            # The last word of a name, also where the name modifies a noun ("the Larry Ellison
            # appraisal").
            ends_name = head.dep_ not in NAME_DEPS or head.head.pos_ != "PROPN"
            if ends_name and self._reader.is_person(head, lexicon):
                name_span = self._reader.person_name(head, lexicon)
                name = without_possessive(name_span.text)
                if len(name.split()) >= 2 and PERSON_NAME.fullmatch(name):
                    named.setdefault(name, name_span.start)
        return [(start, Actor(name)) for name, start in named.items()]

    def _modifying_actors(self, head: Token, lexicon: Lexicon) -> list[Span]:
        """The countries and known actors that modify a noun naming no actor: "a U.S. request",
        "Azerbaijani hackers", "a United Nations appeal" (the UN is an actor; the appeal is not)."""
        found: list[Span] = []
        if (
            head.pos_ not in ("NOUN", "PROPN")
            or head.lemma_.lower() in self.tables.modifiers.languages
        ):
            return found  # "the Russian language" names no actor
        for child in actor_modifiers(head):
            known = lexicon.known.get(child.i)
            country = lexicon.countries.get(child.i)
            if known is not None and known[2] == child.i + 1:
                span = head.doc[known[1] : known[2]]
                span._.actor = known[0].actor_on(head.doc._.published)
                span._.resolved_by = f"kb:{known[0].id}"
            elif (
                country is not None
                and not country.city
                and country.end == child.i + 1
                and not self._reader.is_ethnic(head.doc, country)
            ):
                span = head.doc[country.start : country.end]
                span._.actor = self._reader.place(country).actor
                span._.resolved_by = "country-modifier"
            else:
                continue
            found.append(span)
        return list(owners_it_stands_for(head, found)) if found else found


def _noun_phrases(doc: Doc, lexicon: Lexicon, surnames: frozenset[str]) -> list[tuple[Token, Span]]:
    """Non-overlapping candidate noun phrases in document order, larger ones winning; a
    surname of someone named in full is one whatever the tagger took it for ("DeBoer said")."""
    # Visit only tokens that may head a phrase, found over arrays: most tokens cannot.
    pos, dep, orth = doc.to_array(["POS", "DEP", "ORTH"]).T
    may_head = numpy.isin(pos, [NOUN, PROPN, PRON])
    may_head |= numpy.isin(orth, [doc.vocab.strings[name] for name in surnames])
    may_head[[*lexicon.known, *lexicon.countries]] = True
    may_head &= ~numpy.isin(dep, [doc.vocab.strings[label] for label in MODIFIER_DEPS])
    # A dateline's place is where the story was filed, no actor of it.
    may_head[: first_story_word(doc, doc._.story_start or 0)] = False
    candidates = [
        (head, noun_phrase(head, lexicon))
        for head in (doc[int(i)] for i in numpy.flatnonzero(may_head))
        if head.pos_ in HEAD_POS or _ends_a_name(head, lexicon) or head.text in surnames
    ]
    chosen: list[tuple[Token, Span]] = []
    taken: set[int] = set()
    # Of two phrases over the same words ("Chile's Defense Department"), the head's wins.
    ranked = sorted(candidates, key=lambda c: (len(c[1]), c[1].root == c[0]), reverse=True)
    for head, span in ranked:
        if not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            chosen.append((head, span))
    return sorted(chosen, key=lambda c: c[0].i)


def _ends_a_name(token: Token, lexicon: Lexicon) -> bool:
    """Whether a token ends a known actor's or a country's name, whatever the tagger took it
    for ("FDLR" as a verb, "British" as an adjective on its own)."""
    if token.dep_ in PREDICATIVE_DEPS:
        return False  # "the car is British" names no actor
    known = lexicon.known.get(token.i)
    country = lexicon.countries.get(token.i)
    return (known is not None and known[2] == token.i + 1) or (
        country is not None and country.end == token.i + 1
    )


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quote marks (a paragraph break closes an open quote)."""
    # Only marks and whitespace tokens matter: visit those, not every token of the article.
    marks = [doc.vocab.strings.add(mark) for mark in QUOTE_MARKS]
    orths, spaces = doc.to_array(["ORTH", "IS_SPACE"]).T
    inside: set[int] = set()
    open_at: int | None = None
    for i in map(int, numpy.flatnonzero(numpy.isin(orths, marks) | (spaces == 1))):
        text = doc[i].text
        if "\n" not in text and text not in QUOTE_MARKS:
            continue
        if open_at is not None:
            inside.update(range(open_at + 1, i))
        opens = text in QUOTE_MARKS and (open_at is None if text == '"' else text == "“")
        open_at = i if opens else None
    if open_at is not None:
        inside.update(range(open_at + 1, len(doc)))
    return inside
