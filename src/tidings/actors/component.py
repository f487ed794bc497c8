"""The ``tidings_actors`` spaCy component: find actor mentions and resolve them.

A mention is a noun phrase whose head names an actor: a known actor ("Hamas", "Blinken"), a
person with a role and country ("Israeli Prime Minister Benjamin Netanyahu"), a role with a
country ("Israeli troops", "Somalia's prime minister", "police in Kyiv"), a country or city
("the United States", "Beijing"), an organisation, or a pronoun or definite description that
refers back to one ("he", "the terrorist group", "the two countries").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

import numpy
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from tidings.actors.context import place_it_modifies, sentence_country
from tidings.actors.coreference import Antecedents, Entry, Referent
from tidings.actors.knowledge import ActorTables, KnownActor
from tidings.actors.names import first_name_gender, is_first_name
from tidings.nlp.annotations import (
    ACTOR_MODIFIER_DEPS,
    actor_modifiers,
    names_another_party,
    owners_it_stands_for,
    register_extensions,
)
from tidings.records import Actor

HEAD_POS = {"PROPN", "NOUN", "PRON"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "det", "nummod", "case", "punct", "quantmod"}
PERSONAL_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = {"they", "them", "their"}
THING_PRONOUNS = {"it", "its"}
# "It is clear that", "it is said that", "it seems": an "it" that stands for no one.
EXPLETIVE_VERBS = {"seem", "appear", "happen", "take", "matter", "rain", "mean", "cost"}
EXPLETIVE_PREDICATES = {
    "clear", "unclear", "likely", "unlikely", "possible", "impossible", "important",
    "necessary", "time", "true", "difficult", "hard", "easy", "obvious", "worth", "crucial",
    "essential", "surprising", "evident", "known", "expected", "believed", "reported", "said",
    "thought", "feared", "hoped", "understood", "estimated", "not", "too", "enough", "good",
    "bad", "better", "best", "worse", "fair", "wrong", "right", "vital", "urgent", "up",
}  # fmt: skip
DEFINITE = {"the", "this", "that", "these", "those", "both"}
QUOTE_MARKS = {'"', "“", "”"}
# "people in the UK", "president of Somalia", "refugees from Syria": the object's country.
COUNTRY_PREPOSITIONS = {"of", "in", "from", "throughout", "across"}
# Participles that seat an actor somewhere: "a militia based in Jamaica".
SEATED = {"base", "headquarter", "headquartered", "station", "operate", "locate"}
# Adjectives whose "to" object is the side an actor fights for: "forces loyal to Assad".
LOYAL = {"loyal", "faithful"}
# Participles of flight, whose object or "from" is where the actor comes from: "refugees fleeing
# the war in Syria", "civilians escaping from Mosul".
FLEEING = {"flee", "escape"}
# Participles of membership, whose "with"/"to" object is the body an actor belongs to: "miners
# affiliated with the Chilean Copper Federation".
AFFILIATED = {"affiliate", "affiliated"}
# Words whose prepositions place or side the actor they describe.
ATTACHING = SEATED | LOYAL | FLEEING | AFFILIATED
ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# A full name as news writes it: capitalised words, with hyphens, apostrophes and initials.
PERSON_NAME = re.compile(r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)+")
PREDICATIVE_DEPS = {"acomp", "oprd", "advmod"}
# The sector of a partially recognised state, coded under the country it broke away from.
BREAKAWAY = "PRE"
GOVERNMENT = "GOV"
# Country names long enough that one slip of the pen leaves them unmistakable ("Ethopia",
# "Afganistan"), when the tagger takes the word for a place or for nothing in particular.
MISSPELT_MIN_LENGTH = 7
MISSPELT_ENTITIES = {"GPE", ""}
# The sector of civilians, who are not members of an armed group they support.
CIVILIAN = "CVL"
# Dependents that continue a proper name: "Tatiana" in "Tatiana Stanovaya".
NAME_DEPS = {"compound", "flat"}
# Rules that code an actor as the known actor it belongs to: its country, or its having none
# (al-Qaeda), is the knowledge base's.
OWNED_RULES = ("kb:", "role-of:", "part-of:")
LEFT_OUT_DEPS = {"punct", "cc", "prep", "advmod", "mark", "aux", "neg", "relcl", "acl"}


def _is_expletive(pronoun: Token) -> bool:
    """Whether an "it" is a placeholder subject ("it is clear that ...", "it seems")."""
    if pronoun.dep_ == "expl" or pronoun.lower_ == "its":
        return pronoun.dep_ == "expl"
    verb = pronoun.head
    if verb.lemma_ in EXPLETIVE_VERBS:
        return True
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
    evaluative = any(c.lower_ in EXPLETIVE_PREDICATES for c in predicates)
    passive_report = verb.tag_ == "VBN" and verb.lower_ in EXPLETIVE_PREDICATES
    return evaluative or passive_report


@dataclass(frozen=True)
class _Match:
    """A phrase match in a Doc: what it names and the tokens it covers."""

    value: str
    start: int
    end: int
    code: str = ""
    city: bool = False


@dataclass(frozen=True)
class _Lexicon:
    """Phrase matches in one Doc: token index -> the match over it."""

    known: dict[int, tuple[KnownActor, int, int]]
    countries: dict[int, _Match]
    roles: dict[int, _Match]
    entities: dict[int, Span]


@dataclass(frozen=True)
class _Reading:
    """What the words of a phrase say about its actor: country, sectors, gender."""

    country: str | None
    sectors: tuple[str, ...]
    members: tuple[str, ...] = ()
    gender: str | None = None


class ActorResolver:
    """Marks actor mentions on ``doc._.actor_mentions`` and resolves each to an Actor."""

    def __init__(self, nlp: Language, name: str, tables: ActorTables) -> None:
        register_extensions()
        self.name = name
        self.tables = tables
        self._known = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in self.tables.known.values():
            names = {entry.name, *entry.aliases}
            # Headlines and datelines write names in capitals: "SECURITY COUNCIL".
            names |= {name.upper() for name in names if len(name) > 3}
            self._known.add(entry.id, [nlp.make_doc(text) for text in names])
        self._countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        for country_name in self.tables.countries:
            # Datelines write places in capitals: "TEHRAN (AP) --".
            forms = (
                {country_name, country_name.upper()} if len(country_name) > 3 else {country_name}
            )
            self._countries.add(country_name, [nlp.make_doc(form) for form in forms])
        self._spelt_countries = {
            label: code
            for code, label in self.tables.country_labels.items()
            if " " not in label and len(label) >= MISSPELT_MIN_LENGTH
        }
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in self.tables.roles:
            self._roles.add(phrase, [nlp.make_doc(phrase)])
        self._gender: Callable[[str], str | None] = first_name_gender()
        self._surnames = _surname_countries(self.tables.known.values())

    def __call__(self, doc: Doc) -> Doc:
        relations = self.tables.modifiers.relations
        doc._.party_nouns = frozenset(t.i for t in doc if t.lemma_.lower() in relations)
        lexicon = self._lexicon(doc)
        in_quote = _quoted_tokens(doc)
        full_names = self._full_names(doc, lexicon)
        antecedents = Antecedents(doc, full_names)
        surnames = frozenset(actor.name.split()[-1] for _, actor in full_names)
        resolved: dict[int, Referent] = {}
        mentions: list[Span] = []
        countryless: list[Span] = []
        for head, span in _noun_phrases(doc, lexicon, surnames):
            quoted = head.i in in_quote
            referent = self._resolve(span, head, lexicon, antecedents, resolved, quoted)
            if referent is None:
                mentions.extend(self._modifying_actors(head, lexicon))
                continue
            if self._may_take_a_context_country(referent, head):
                # A voice ("Hamas's spokesman") is attributed to its owner by the quotes.
                if head.lemma_.lower() not in self.tables.voices:
                    referent = _with_owner_country(referent, head, resolved)
                referent = self._with_surname_country(referent, span, lexicon)
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
        doc._.actor_mentions = sorted(mentions, key=lambda s: s.start)
        # Actors of a country read from their sentence do not place a sentence, so these are
        # the same before and after they take it.
        doc._.sentence_countries = {
            sentence.start: sentence_country(sentence, doc._.actor_mentions)
            for sentence in doc.sents
        }
        self._give_sentence_countries(doc, countryless)
        return doc

    def _with_surname_country(self, referent: Referent, span: Span, lexicon: _Lexicon) -> Referent:
        """An office holder named by surname alone takes the country of the known office holders
        of that surname, if they share one: "President Bush", "the Bush administration"."""
        actor = referent.actor
        if actor is None or actor.country is not None:
            return referent
        titles = self.tables.modifiers.titles
        names = [
            t
            for t in span
            if t.pos_ == "PROPN" and t.i not in lexicon.roles and t.lower_ not in titles
        ]
        if len(names) != 1 or names[0].i in lexicon.known:
            return referent
        country, sectors = self._surnames.get(names[0].text, (None, frozenset()))
        if country is None or not sectors & set(actor.sectors):
            return referent
        return replace(
            referent, actor=replace(actor, country=country), rule=f"{referent.rule}+surname"
        )

    def _may_take_a_context_country(self, referent: Referent, head: Token) -> bool:
        """Whether an actor of no written country may take its owner's or its sentence's."""
        actor = referent.actor
        modifiers = self.tables.modifiers
        return (
            actor is not None
            and actor.country is None
            # "ethnic Albanians": a people lives where its sentence happens.
            and (bool(actor.sectors) or referent.rule == "ethnic-group")
            and not modifiers.stateless & set(actor.sectors)
            and head.lemma_.lower() not in modifiers.away_from_home
            and not referent.rule.startswith(OWNED_RULES)
        )

    def _give_sentence_countries(self, doc: Doc, countryless: list[Span]) -> None:
        """An actor with sectors but no written country takes the country where its sentence
        happens, if the sentence places it in one ("in", "near", ...): "Militants in Mali
        rejected an offer from the president". Other actors' countries do
        not count: in "Israeli troops killed three militants", the militants are not Israeli;
        nor does a state acted on: in "The government criticized Russia", it is not Russian.
        A named office holder is the exception: of the one country the sentence names."""
        mentions: list[Span] = doc._.actor_mentions
        for span in countryless:
            sentence = span.sent
            country = doc._.sentence_countries[sentence.start]
            if country is not None:
                span._.actor = replace(span._.actor, country=country)
                span._.resolved_by += "+sentence-country"
            elif self._holds_office(span) and (named := _only_country(sentence, mentions)):
                span._.actor = replace(span._.actor, country=named)
                span._.resolved_by += "+only-country"

    def _holds_office(self, span: Span) -> bool:
        """Whether a mention names a person holding an office of state ("President Ali Konate")."""
        office_holders = self.tables.modifiers.office_holders
        return span._.resolved_by.startswith("person") and bool(
            office_holders & set(span._.actor.sectors)
        )

    # --- lexicon ------------------------------------------------------------------------------

    def _lexicon(self, doc: Doc) -> _Lexicon:
        known: dict[int, tuple[KnownActor, int, int]] = {}
        for match_id, start, end in _longest_first(self._known(doc)):
            entry = self.tables.known[doc.vocab.strings[match_id]]
            for i in range(start, end):
                known.setdefault(i, (entry, start, end))
        countries: dict[int, _Match] = {}
        for match_id, start, end in _longest_first(self._countries(doc)):
            inside_a_name = doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I"
            if inside_a_name and doc[start].tag_ != "NNPS":
                # "Jordan" inside "Michael Jordan" is a name, not a country; "Serbs" in "Bosnian
                # Serbs", which the tagger may take for a person, is a people.
                continue
            value = doc.vocab.strings[match_id]
            match = _Match(value, start, end, self.tables.countries[value])
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
                match = _Match(entity.text, entity.start, entity.end, code, city=True)
                for i in range(entity.start, entity.end):
                    countries.setdefault(i, match)
        pos, length = doc.to_array(["POS", "LENGTH"]).T
        for index in numpy.flatnonzero((pos == PROPN) & (length >= MISSPELT_MIN_LENGTH)):
            token = doc[int(index)]
            taken = token.i in countries or token.i in known
            misspelt = None if taken else self._misspelt_country(token)
            if misspelt is not None:
                code = self._spelt_countries[misspelt]
                countries[token.i] = _Match(misspelt, token.i, token.i + 1, code)
        countries = self._told_apart(doc, countries)
        roles: dict[int, _Match] = {}
        for match_id, start, end in _longest_first(self._roles(doc)):
            name = countries.get(start)
            if name is not None and name.start < start and end <= name.end:
                continue  # "bank" in "the West Bank" is part of the place's name
            match = _Match(doc.vocab.strings[match_id], start, end)
            for i in range(start, end):
                roles.setdefault(i, match)
        return _Lexicon(known, countries, roles, entities)

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

    def _is_person(self, head: Token, lexicon: _Lexicon) -> bool:
        """Whether a proper noun names a person: a PERSON entity, or a name the tagger took for
        an organisation or missed, whose first word is a first name or that a person's title
        comes before ("Vice-President Fidelity Awuor"), and no word a known actor, country or role
        ("Tatiana Stanovaya")."""
        entity = lexicon.entities.get(head.i)
        if entity is not None and entity.label_ == "PERSON":
            # "Burkina Faso's" is no person, whatever the tagger says.
            return not all(
                t.i in lexicon.countries for t in entity if not t.is_punct and t.dep_ != "case"
            )
        run = _name_run(head)
        if entity is not None and entity.label_ != "ORG":
            if entity.start <= run.start:
                return False  # "Nova Scotia", "York Beach": places are not people
            entity = None  # the tagger may take a family name alone for a place
        words = [t for t in (entity or run) if not t.is_punct]
        words = _after_titles(words, head, lexicon)
        if len(words) < 2 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
            return False
        if any(
            t.i in lexicon.known or t.i in lexicon.countries or t.i in lexicon.roles for t in words
        ):
            return False
        return is_first_name(words[0].text) or self._titled(words[0])

    def _titled(self, name: Token) -> bool:
        """Whether a person's title or a government office comes right before a name."""
        before = name.doc[name.i - 1] if name.i > 0 else None
        if before is None:
            return False
        word, modifiers = before.lower_, self.tables.modifiers
        office = (
            GOVERNMENT in self.tables.roles.get(word, ()) and word not in modifiers.organisations
        )
        return word in modifiers.titles or office

    def _full_names(self, doc: Doc, lexicon: _Lexicon) -> list[tuple[int, Actor]]:
        """Every person named in full (two words or more), where first named: later, a bare
        surname refers to them even where the tagger missed the person ("Stanovaya noted")."""
        named: dict[str, int] = {}
        proper_nouns = (doc[int(i)] for i in numpy.flatnonzero(doc.to_array("POS") == PROPN))
        for head in proper_nouns:
            # The last word of a name, also where the name modifies a noun ("the Larry Ellison
            # appraisal").
            ends_name = head.dep_ not in NAME_DEPS or head.head.pos_ != "PROPN"
            if ends_name and self._is_person(head, lexicon):
                name_span = self._person_name(head, lexicon)
                name = _without_possessive(name_span.text)
                if len(name.split()) >= 2 and PERSON_NAME.fullmatch(name):
                    named.setdefault(name, name_span.start)
        return [(start, Actor(name)) for name, start in named.items()]

    # --- resolution ---------------------------------------------------------------------------

    def _resolve(
        self,
        span: Span,
        head: Token,
        lexicon: _Lexicon,
        antecedents: Antecedents,
        resolved: dict[int, Referent],
        quoted: bool,
    ) -> Referent | None:
        published: date | None = head.doc._.published
        lower = head.lower_
        if head.pos_ == "PRON":
            if lower in PERSONAL_PRONOUNS:
                return antecedents.person(head, PERSONAL_PRONOUNS[lower], quoted)
            if lower in PLURAL_PRONOUNS:
                return antecedents.plural(head, quoted)
            if lower in THING_PRONOUNS and not _is_expletive(head):
                return antecedents.thing(head, quoted)
            return None
        entity = lexicon.entities.get(head.i)
        if entity is not None and any(t.text == "/" for t in entity):
            return None  # a credit line: "(Luis Tato/AFP/Getty Images)", "Lauren Pelley / CBC"
        role = lexicon.roles.get(head.i)
        names_something = (
            role is not None
            or head.i in lexicon.known
            or head.i in lexicon.countries
            or lower in self.tables.descriptions
        )
        epithet = self._is_epithet(span, head, lexicon)
        if head.pos_ != "PROPN" and not names_something and not epithet:
            # Most noun phrases name no actor; but the tagger may take a surname or an acronym
            # for a common noun ("Schniederjans noted", "EDC said").
            if head.is_upper:
                return antecedents.organisation_named(head.text, head)
            return antecedents.person_named(head.text, head) if head.text[:1].isupper() else None
        reading = self._reading(span, head, lexicon)
        description = self.tables.descriptions.get(lower)
        definite = span[0].lower_ in DEFINITE or span[0].like_num
        if description is not None and definite and reading.country is None:
            referent = antecedents.described(head, description)
            if referent is not None:
                return referent
        if epithet and (role is None or self._kind(head, role) == "person"):
            # "The justice official" is the one introduced as "a justice official", if any.
            titled = antecedents.titled(span.text.lower(), self.tables) if role else None
            referent = titled or antecedents.described_person(head)
            if referent is not None:
                return referent
        if head.dep_ == "appos" and head.head.i in resolved and role is not None:
            # "Blinken, the top US diplomat": the same actor as the name it describes.
            earlier = resolved[head.head.i]
            if earlier.kind == "person" and earlier.actor is not None:
                return Referent(earlier.actor, "coref:appositive", "person", earlier.gender)
        if head.pos_ == "PROPN" and self._is_person(head, lexicon):
            return self._person(span, head, lexicon, antecedents, published)
        if head.pos_ == "PROPN" and head.i not in lexicon.countries:
            # The tagger does not always see a lone surname as a person ("Lopez thanked them"),
            # nor an acronym as an organisation ("EDC").
            named_before = antecedents.person_named(_name_run(head).text, head)
            if named_before is None and head.is_upper and head.i not in lexicon.known:
                named_before = antecedents.organisation_named(head.text, head)
            if named_before is not None:
                return named_before
        if head.i in lexicon.known:
            entry, start, end = lexicon.known[head.i]
            actor = entry.actor_on(published)
            named = entry.kind == "person"
            if entry.kind == "group" and actor.country:
                # "Pakistani Taliban", "Iraqi Hezbollah": the branch in the country written.
                written = self._countries_in(span, lexicon, skip=range(start, end))
                actor = replace(actor, country=written[0]) if written else actor
            return Referent(actor, f"kb:{entry.id}", entry.kind, entry.gender, named=named)
        owner = self._owner(span, head, lexicon)
        if role is not None and owner is not None:
            # "Hamas spokesman", "president of the Riigikogu": speaks for the organisation.
            actor = owner.actor_on(published)
            sectors = reading.sectors
            # Members of an armed group or party are the group: "Boko Haram gunmen" are REB;
            # its civilians are not ("Hamas supporters").
            member = owner.kind == "group" and CIVILIAN not in sectors
            if self._generic(role) or not sectors or member:
                sectors = _former(span, self.tables) or actor.sectors or sectors
            elif "IGO" in actor.sectors and "IGO" not in sectors:
                # "EU legislators" are a body of the EU: CAMEO codes them IGO + LEG.
                sectors = ("IGO", *sectors)
            return Referent(
                Actor(span.text, actor.country, sectors),
                f"role-of:{owner.id}",
                self._kind(head, role),
            )
        organisation = self._organisation_name(span, head, lexicon)
        if head.i in lexicon.countries and role is None and organisation is None:
            place = lexicon.countries[head.i]
            if self._is_ethnic(head.doc, place):
                # "ethnic Albanians in Serbia": a people, of the country they live in, if named.
                actor = Actor(span.text, self._prep_country(head, lexicon))
                return Referent(actor, "ethnic-group", "group")
            home = self._home_of_people(head, place, lexicon)
            if home is not None:
                return Referent(Actor(span.text, home), "ethnic-group", "group")
            return self._place(place)
        if role is not None:
            first = resolved.get(head.head.i) if head.dep_ == "conj" else None
            if (
                reading.country is None
                and len(span) == 1
                and first is not None
                and first.actor is not None
                and first.actor.sectors == reading.sectors
            ):
                # "Israeli helicopters and tanks": the country is written once for both.
                reading = replace(reading, country=first.actor.country)
            return self._role(span, head, role, reading, antecedents, definite)
        if organisation is None and head.pos_ == "PROPN" and head.is_upper and reading.country:
            organisation = head.doc[head.i : head.i + 1]  # "Mexican PRD": an acronym of a country
        if organisation is not None:
            if len(organisation) == 1:
                short = antecedents.organisation_named(head.text, head)
                if short is not None:
                    return short
            name = _without_possessive(organisation.text)
            if owner is not None and reading.country is None and not reading.sectors:
                # "the UN refugee tribunal": a body of a known organisation is coded as it is.
                owned = owner.actor_on(published)
                actor = Actor(name, owned.country, owned.sectors)
                return Referent(actor, f"part-of:{owner.id}", "organisation")
            actor = Actor(name, reading.country, reading.sectors)
            return Referent(actor, "organisation", "organisation")
        return None

    def _is_epithet(self, span: Span, head: Token, lexicon: _Lexicon) -> bool:
        """Whether a phrase describes someone named before as the speaker of a verb of speech
        ("said the rookie defenceman", "the lanky, bespectacled professor explained")."""
        if not (
            head.dep_ == "nsubj"
            and head.tag_ == "NN"
            and span[0].lower_ == "the"
            and head.head.lemma_ in self.tables.speech_verbs
        ):
            return False
        role = lexicon.roles.get(head.i)
        end = role.start if role else head.i
        return (
            any(t.dep_ in ("amod", "compound", "nmod") for t in span if t.i < end)
            and not any(
                t.i in lexicon.known
                or (t.i in lexicon.countries and not lexicon.countries[t.i].city)
                for t in span
            )
            and head.lower_ not in self.tables.modifiers.organisations
            and head.lower_ not in self.tables.voices
        )

    def _organisation_name(self, span: Span, head: Token, lexicon: _Lexicon) -> Span | None:
        """The name of an organisation the tagger found, with its article ("The Canadian
        Beverage Association"), including one named after a country ("Export Development
        Canada"); None for a plain country name."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("ORG", "NORP", "FAC"):
            return None
        entity = lexicon.entities[head.i]
        start = entity.start
        if start > span.start and head.doc[start - 1].dep_ == "det":
            start -= 1
        end = max(entity.end, span.end)
        if end < len(head.doc) and head.doc[end].dep_ == "nummod" and head.doc[end].head == head:
            end += 1  # "UFCW Local 832"
        name = head.doc[max(start, span.start) : end]
        country = lexicon.countries.get(head.i)
        if country is not None:
            before = [t for t in head.doc[entity.start : country.start] if not t.is_punct]
            named_after_country = entity.label_ == "ORG" and all(
                t.pos_ == "PROPN"
                and t.is_title
                and t.i not in lexicon.roles
                and t.i not in lexicon.known
                and t.i not in lexicon.countries
                for t in before
            )
            return name if before and named_after_country else None
        return name

    def _person(
        self,
        span: Span,
        head: Token,
        lexicon: _Lexicon,
        antecedents: Antecedents,
        published: date | None,
    ) -> Referent | None:
        name_span = self._person_name(head, lexicon)
        name = _without_possessive(name_span.text)
        earlier = antecedents.person_named(name, head)
        if earlier is not None:
            return earlier
        known = lexicon.known.get(head.i)
        if known is not None and known[1] <= name_span.start and name_span.end <= known[2]:
            entry = known[0]
            actor = entry.actor_on(published)
            return Referent(actor, f"kb:{entry.id}", entry.kind, entry.gender, named=True)
        reading = self._person_reading(span, head, name_span, lexicon)
        guess = self._gender(name.split()[0])
        rule = "person+role" if reading.country or reading.sectors else "person"
        actor = Actor(name, reading.country, reading.sectors)
        return Referent(actor, rule, "person", reading.gender, named=True, guessed_gender=guess)

    def _modifying_actors(self, head: Token, lexicon: _Lexicon) -> list[Span]:
        """The countries and known actors that modify a noun naming no actor: "a U.S. request",
        "Azerbaijani hackers", "a United Nations appeal" (the UN is an actor; the appeal is not)."""
        found: list[Span] = []
        if (
            head.pos_ not in ("NOUN", "PROPN")
            or head.lemma_.lower() in self.tables.modifiers.languages
        ):
            return found  # "the Russian language" names no actor
        published: date | None = head.doc._.published
        for child in actor_modifiers(head):
            known = lexicon.known.get(child.i)
            country = lexicon.countries.get(child.i)
            if known is not None and known[2] == child.i + 1:
                span = head.doc[known[1] : known[2]]
                span._.actor = known[0].actor_on(published)
                span._.resolved_by = f"kb:{known[0].id}"
            elif (
                country is not None
                and not country.city
                and country.end == child.i + 1
                and not self._is_ethnic(head.doc, country)
            ):
                span = head.doc[country.start : country.end]
                span._.actor = self._place(country).actor
                span._.resolved_by = "country-modifier"
            else:
                continue
            found.append(span)
        return list(owners_it_stands_for(head, found))

    def _told_apart(self, doc: Doc, countries: dict[int, _Match]) -> dict[int, _Match]:
        """Place names that several countries' cities bear, read as the city of the one other
        country their sentence names as a place ("Tripoli ... the northern Lebanese city",
        "Tripoli, Lebanon"); a country's people named beside it say nothing ("the Canadian
        prime minister flew to London")."""
        homonyms = self.tables.city_homonyms
        told: dict[int, _Match] = {}
        for index, match in countries.items():
            homes = homonyms.get(match.value)
            if homes is not None:
                sentence = doc[match.start].sent
                named = {
                    countries[i].code
                    for i in range(sentence.start, sentence.end)
                    if i in countries
                    and countries[i].value not in homonyms
                    and _names_a_place(doc[i], match)
                }
                home = sorted(homes & named)
                if len(home) == 1 and match.code != home[0]:
                    match = _Match(match.value, match.start, match.end, home[0], city=True)
            told[index] = match
        return told

    def _is_ethnic(self, doc: Doc, match: _Match) -> bool:
        """Whether a demonym names an ethnic group ("ethnic Albanians", "the Albanian
        population"), not a state or its people."""
        modifiers = self.tables.modifiers
        before = match.start > 0 and doc[match.start - 1].lower_ in modifiers.ethnic
        return before or (match.end < len(doc) and doc[match.end].lower_ in modifiers.ethnic_heads)

    def _home_of_people(self, head: Token, match: _Match, lexicon: _Lexicon) -> str | None:
        """The other country a people named by its plural demonym is "of": "the Albanians of
        southern Serbia" live in Serbia, as CAMEO codes an ethnic group."""
        if head.tag_ not in ("NNS", "NNPS") or head.i != match.end - 1:
            return None
        for obj in _of_objects(head):
            # A place, not a word naming a country ("Americans of Iraqi descent"); "the
            # Russian-occupied Crimea" is Crimea's, not Russia's.
            place = lexicon.countries.get(obj.i)
            if place is not None and place.code != match.code:
                return place.code
        return None

    def _place(self, match: _Match) -> Referent:
        if match.city:
            return Referent(Actor(match.value, match.code), "city", "country")
        sectors = self.tables.country_sectors.get(match.value, ())
        label = self.tables.country_labels.get(match.code, match.value)
        if BREAKAWAY in sectors:
            label = match.value  # Somaliland is not Somalia
        rule = "capital" if match.value in self.tables.capitals else "country-name"
        return Referent(Actor(label, match.code, sectors), rule, "country")

    def _role(
        self,
        span: Span,
        head: Token,
        role: _Match,
        reading: _Reading,
        antecedents: Antecedents,
        definite: bool,
    ) -> Referent | None:
        kind = self._kind(head, role)
        if len(reading.members) >= 2:
            # "U.S. and Russian negotiators": one group per country.
            members = tuple(
                Actor(
                    f"{self.tables.country_labels.get(code, code)} {head.text}",
                    code,
                    reading.sectors,
                )
                for code in reading.members
            )
            return Referent(None, "countries+role", "group", None, members)
        if reading.country is None and definite and kind == "person":
            titled = antecedents.titled(span.text.lower(), self.tables)
            if titled is not None:
                return titled
        actor = Actor(span.text, reading.country, reading.sectors)
        return Referent(actor, "country+role" if reading.country else "role", kind, reading.gender)

    # --- reading a phrase ---------------------------------------------------------------------

    def _reading(self, span: Span, head: Token, lexicon: _Lexicon) -> _Reading:
        """Country and sectors that a phrase's own words (and its "of/in X" object) give."""
        codes = self._countries_in(span, lexicon, skip=range(0))
        sectors = self._sectors(span, head, lexicon)
        country = codes[0] if codes else self._prep_country(head, lexicon, sectors)
        has_conjunction = any(t.dep_ == "cc" for t in span)
        members = tuple(dict.fromkeys(codes)) if has_conjunction else ()
        gender = next(
            (
                title.gender
                for t in span
                if (title := self.tables.modifiers.titles.get(t.lower_)) is not None
            ),
            None,
        )
        return _Reading(country, sectors, members, gender)

    def _person_reading(self, span: Span, head: Token, name: Span, lexicon: _Lexicon) -> _Reading:
        """A person's country and sectors from titles, roles, appositives and possessors."""
        described = [span]
        described += [_subtree(c) for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            described.append(_subtree(head.head))
        country: str | None = None
        sectors: list[str] = []
        gender: str | None = None
        for part in described:
            skip = range(name.start, name.end)
            codes = self._countries_in(part, lexicon, skip=skip)
            country = country or (codes[0] if codes else None)
            for token in part:
                if token.i in skip:
                    continue
                title = self.tables.modifiers.titles.get(token.lower_)
                if title is not None:
                    sectors += title.sectors
                    gender = gender or title.gender
            role_heads = {lexicon.roles[t.i].end - 1 for t in part if t.i in lexicon.roles}
            for role_end in sorted(role_heads):
                if role_end not in skip:
                    sectors += self._sectors(part, part.doc[role_end], lexicon)
            if country is None:
                # "King Hassan of Morocco", "Luis Moreno Ocampo of Argentina".
                country = self._prep_country(head if part is span else part.root, lexicon)
            for token in part:
                if token.i in lexicon.known and token.i not in skip:
                    owner = lexicon.known[token.i][0].actor_on(span.doc._.published)
                    country = country or owner.country
                    if "IGO" in owner.sectors and "IGO" not in sectors:
                        # "UN Secretary-General Kofi Annan" speaks for the UN.
                        sectors.insert(0, "IGO")
        return _Reading(country, tuple(dict.fromkeys(sectors)), gender=gender)

    def _countries_in(self, span: Span, lexicon: _Lexicon, skip: range) -> list[str]:
        """Country codes named inside a phrase, in order, leaving out backers ("Syrian-backed"),
        stances ("anti-Syria", "pro-Russian"), the other party of a relation ("Israel's ally")
        and ethnic groups ("ethnic Albanians")."""
        codes: list[str] = []
        seen: set[int] = set()
        backers = self.tables.modifiers.backers
        stances = self.tables.modifiers.stances
        for token in span:
            match = lexicon.countries.get(token.i)
            if match is None or token.i in skip or match.start in seen:
                continue
            seen.add(match.start)
            if self._is_ethnic(span.doc, match):
                continue
            after = span.doc[match.end : match.end + 2]
            if len(after) == 2 and after[0].text == "-" and after[1].lower_ in backers:
                continue
            before = span.doc[max(match.start - 2, 0) : match.start]
            if len(before) == 2 and before[1].text == "-" and before[0].lower_ in stances:
                continue
            last = span.doc[match.end - 1]
            if last.dep_ in ("poss", "compound", "amod") and names_another_party(last.head):
                continue
            codes.append(match.code)
        if not codes:
            # A place inside an organisation's name: "Oxford University", "Kano State government",
            # "Santa Marta Self Defense Forces".
            cities = self.tables.cities
            names = [
                t for t in span if t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and t.i not in skip
            ]
            pairs = [f"{a.text} {b.text}" for a, b in pairwise(names) if b.i == a.i + 1]
            codes = [cities[n] for n in [*pairs, *(t.text for t in names)] if n in cities]
        return codes

    def _prep_country(
        self, head: Token, lexicon: _Lexicon, sectors: tuple[str, ...] = ()
    ) -> str | None:
        """The country of an "of/in/from X" object of a phrase's head, also where a word of the
        object names it ("president of the Chadian Human Rights League"), of where it is
        based ("a militia based in Jamaica"), of the side it is loyal to ("forces loyal to
        Assad"), of an employer of the role's own sector ("a professor at the University of St
        Andrews in Scotland"), or of whom a voice speaks for ("a spokesperson for the Israeli
        prime minister")."""
        preps = [*head.children]
        preps += [c for a in head.children if a.lemma_ in ATTACHING for c in a.children]
        for fled in (c for a in head.children if a.lemma_ in FLEEING for c in a.children):
            if fled.dep_ == "dobj":  # "fleeing Syria", "fleeing the war in Syria"
                codes = self._countries_in(_noun_phrase(fled, lexicon), lexicon, skip=range(0))
                country = codes[0] if codes else self._prep_country(fled, lexicon)
                if country:
                    return country
        # "a spokesman for the Polish president" speaks for Poland.
        voice = head.lower_ in self.tables.voices
        for prep in preps:
            employer = prep.lower_ == "at" and bool(sectors)
            spoken_for = prep.lower_ == "for" and voice
            sided = prep.lower_ == "to" and prep.head.lower_ in LOYAL
            member = prep.lower_ in ("with", "to") and prep.head.lemma_ in AFFILIATED
            if prep.dep_ != "prep" or not (
                employer or spoken_for or sided or member or prep.lower_ in COUNTRY_PREPOSITIONS
            ):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # A body's name may hold its country in a possessor: "the Croatian Dockers' Union";
                # so may the side one is loyal to: "loyal to Syria's former intelligence chief".
                phrase = _subtree(obj) if member or sided else _noun_phrase(obj, lexicon)
                # Protesters at an embassy are not its staff: "at" gives a country only where
                # the place works in the role's own sector.
                if employer and not set(sectors) & set(self._sectors(phrase, obj, lexicon)):
                    continue
                if obj.i in lexicon.known:
                    known = lexicon.known[obj.i][0].actor_on(head.doc._.published)
                    if known.country:
                        return known.country
                codes = self._countries_in(phrase, lexicon, skip=range(0))
                if codes:
                    return codes[0]
                # "the University of St Andrews in Scotland": the object's own place.
                if country := self._prep_country(obj, lexicon):
                    return country
        return None

    def _owner(self, span: Span, head: Token, lexicon: _Lexicon) -> KnownActor | None:
        """A known organisation a role belongs to: "Hamas spokesman", "head of the IAEA"."""
        # A person is never the owner: "Minister Carolyn Bennett" is not Naftali Bennett's.
        inside = [lexicon.known[t.i][0] for t in span if t.i in lexicon.known]
        inside = [entry for entry in inside if entry.kind != "person"]
        if inside:
            return inside[-1]
        for obj in _of_objects(head):
            known = lexicon.known.get(obj.i)
            if known is not None and known[0].kind != "person":
                return known[0]
        return None

    def _sectors(self, span: Span, head: Token, lexicon: _Lexicon) -> tuple[str, ...]:
        """The sectors a role phrase names, with its modifiers taken into account."""
        former = _former(span, self.tables)
        if former:
            return former
        role = lexicon.roles.get(head.i)
        modifier_sectors: list[tuple[str, ...]] = []
        communities = self.tables.modifiers.communities
        for token in span:
            if role is not None and role.start <= token.i < role.end:
                continue
            if token.i in lexicon.roles and token.i not in lexicon.countries:
                modifier_sectors.append(self.tables.roles[lexicon.roles[token.i].value])
            elif token.lower_ in communities:
                modifier_sectors.append(communities[token.lower_])
        # The outermost modifier is the most specific: "Jewish community leader" is REL.
        if role is None:
            return modifier_sectors[0] if modifier_sectors else ()
        if modifier_sectors and self._generic(role):
            return modifier_sectors[0]
        return self.tables.roles[role.value]

    def _generic(self, role: _Match) -> bool:
        generic = self.tables.modifiers.generic_heads
        return role.value in generic or role.value.rstrip("s") in generic

    def _kind(self, head: Token, role: _Match) -> str:
        if head.tag_ in ("NNS", "NNPS"):
            return "group"
        organisations = self.tables.modifiers.organisations
        # The noun the role is named by: "secretary" in "Secretary of State".
        noun = role.value.split(" of ")[0].split()[-1]
        return "organisation" if role.value in organisations or noun in organisations else "person"

    def _person_name(self, head: Token, lexicon: _Lexicon) -> Span:
        """The name in a PERSON entity, without the titles or roles before it ("Sen.")."""
        doc = head.doc
        entity = lexicon.entities.get(head.i)
        span = _name_run(head)
        if entity is not None and len(entity) > 1:
            span = entity
        elif entity is not None:
            # A surname alone in the entity, the first name left out: "Mamadou" in "Mamadou Dia".
            untagged = [t for t in span if t.ent_type_ == "" or t.i >= entity.start]
            span = span.doc[untagged[0].i if untagged else entity.start : entity.end]
        start = span.start
        titles = self.tables.modifiers.titles
        while start < head.i and (
            doc[start].i in lexicon.roles
            or doc[start].lower_ in titles
            or doc[start].i in lexicon.countries
            or doc[start].is_lower
            or doc[start].is_punct
        ):
            start += 1
        start = _after_titles(list(doc[start : head.i + 1]), head, lexicon)[0].i
        end = span.end
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):
            end -= 1
        return doc[start:end]


def _only_country(sentence: Span, mentions: list[Span]) -> str | None:
    """The one country a sentence names, if one, and only where it names it as whose an actor
    or a thing is ("Fijian rebels", "Haiti's elections"), not only as a state that acts or is
    acted on ("President Lee criticized Russia")."""
    named: set[str] = set()
    described = False
    for span in mentions:
        actor = span._.actor
        if sentence.start <= span.start < sentence.end and actor is not None and actor.country:
            named.add(actor.country)
            bare = not actor.sectors and span.root.dep_ not in ("poss", *ACTOR_MODIFIER_DEPS)
            described = described or not bare
    return named.pop() if len(named) == 1 and described else None


def _of_objects(head: Token) -> Iterable[Token]:
    """The objects of a head's "of" phrases: "Serbia" in "the Hungarians of northern Serbia"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            yield from (c for c in prep.children if c.dep_ == "pobj")


def _names_a_place(token: Token, city: _Match) -> bool:
    """Whether a country word describes a place: a place noun's modifier ("the north Lebanese
    port") or the country after a city and a comma ("Tripoli, Lebanon")."""
    after_city = token.i == city.end + 1 and token.doc[city.end].text == ","
    return after_city or place_it_modifies(token) is not None


def _after_titles(words: list[Token], head: Token, lexicon: _Lexicon) -> list[Token]:
    """The words after the last role word before the head: a title the tagger ran into a name
    ("Huawei CFO Meng Wanzhou")."""
    titles = [k for k, t in enumerate(words) if t.i in lexicon.roles and t.i < head.i]
    return words[titles[-1] + 1 :] if titles else words


def _former(span: Span, tables: ActorTables) -> tuple[str, ...]:
    """ELI for "former"/"retired" office holders (CAMEO's elites)."""
    words = {t.lower_.rstrip("-") for t in span}
    return ("ELI",) if words & tables.modifiers.former else ()


def _longest_first(matches: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    return sorted(matches, key=lambda m: (m[1] - m[2], m[1]))


def _noun_phrases(
    doc: Doc, lexicon: _Lexicon, surnames: frozenset[str]
) -> list[tuple[Token, Span]]:
    """Non-overlapping candidate noun phrases in document order, larger ones winning; a
    surname of someone named in full is one whatever the tagger took it for ("DeBoer said")."""
    # Visit only tokens that may head a phrase, found over arrays: most tokens cannot.
    pos, dep, orth = doc.to_array(["POS", "DEP", "ORTH"]).T
    may_head = numpy.isin(pos, [NOUN, PROPN, PRON])
    may_head |= numpy.isin(orth, [doc.vocab.strings[name] for name in surnames])
    may_head[[*lexicon.known, *lexicon.countries]] = True
    may_head &= ~numpy.isin(dep, [doc.vocab.strings[label] for label in MODIFIER_DEPS])
    candidates = [
        (head, _noun_phrase(head, lexicon))
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


def _ends_a_name(token: Token, lexicon: _Lexicon) -> bool:
    """Whether a token ends a known actor's or a country's name, whatever the tagger took it
    for ("FDLR" as a verb, "British" as an adjective on its own)."""
    if token.dep_ in PREDICATIVE_DEPS:
        return False  # "the car is British" names no actor
    known = lexicon.known.get(token.i)
    country = lexicon.countries.get(token.i)
    return (known is not None and known[2] == token.i + 1) or (
        country is not None and country.end == token.i + 1
    )


def _noun_phrase(head: Token, lexicon: _Lexicon) -> Span:
    """The head with its left modifiers; a country possessor stays ("Somalia's prime minister"),
    another possessor does not ("Lebanon's Hezbollah" -> Hezbollah, a known group)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ == "poss":
            keep = child.i in lexicon.countries and head.i in lexicon.roles
            start = min(start, child.left_edge.i) if keep else child.right_edge.i + 1
        elif child.dep_ not in LEFT_OUT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    # A multi-word role or known name may run past the head: "Secretary of State".
    for match in (lexicon.roles.get(head.i), lexicon.countries.get(head.i)):
        if match is not None:
            end = max(end, match.end)
    known = lexicon.known.get(head.i)
    if known is not None:
        end = max(end, known[2])
    if head.ent_type_ in ACTOR_ENTITIES:
        entity = lexicon.entities.get(head.i)
        if entity is not None:
            end = max(end, entity.end)
            start = min(start, entity.start) if entity.start >= start - 3 else start
    doc = head.doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return doc[start:end]


def _name_run(head: Token) -> Span:
    """The run of proper nouns ending at a head: "Maria Lopez" in "director Maria Lopez"."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in NAME_DEPS:
        start -= 1
    return doc[start : head.i + 1]


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _surname_countries(
    known: Iterable[KnownActor],
) -> dict[str, tuple[str, frozenset[str]]]:
    """The one country and the sectors of the known office holders of each surname, for the
    surnames whose office holders share one country."""
    countries: dict[str, set[str]] = {}
    sectors: dict[str, set[str]] = {}
    for entry in known:
        parts = entry.name.split()
        if entry.kind != "person" or len(parts) < 2:
            continue
        for role in entry.roles:
            countries.setdefault(parts[-1], set()).add(role.country or "")
            sectors.setdefault(parts[-1], set()).update(role.sectors)
    return {
        name: (next(iter(found)), frozenset(sectors[name]))
        for name, found in countries.items()
        if len(found) == 1 and "" not in found
    }


def _with_owner_country(referent: Referent, head: Token, resolved: dict[int, Referent]) -> Referent:
    """A role of no written country takes its possessor's: "Egypt said its police ..."."""
    actor = referent.actor
    if actor is None:
        return referent
    owner = next((resolved.get(c.i) for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.actor is None or owner.actor.country is None:
        return referent
    return replace(
        referent, actor=replace(actor, country=owner.actor.country), rule=f"{referent.rule}+owner"
    )


def _without_possessive(name: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


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
