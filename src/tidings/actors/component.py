"""The ``tidings_actors`` spaCy component: find actor mentions and resolve them.

A mention is a noun phrase whose head names an actor: a known actor ("Hamas", "Blinken"), a
person with a role and country ("Israeli Prime Minister Benjamin Netanyahu"), a role with a
country ("Israeli troops"), a country ("the United States"), or a pronoun or definite
description that refers back to one ("he", "the terrorist group", "the two countries").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from tidings.actors.coreference import Antecedents, Entry, Referent
from tidings.actors.knowledge import ActorTables, KnownActor, load_tables
from tidings.nlp.annotations import register_extensions
from tidings.records import Actor

HEAD_POS = {"PROPN", "NOUN", "PRON"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "flat", "det", "nummod", "case", "punct", "quantmod"}
PERSONAL_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = {"they", "them"}
DEFINITE = {"the", "this", "that", "these", "those", "both"}
QUOTE_MARKS = {'"', "“", "”"}
# Titles spaCy tags as proper nouns that are not part of a name.
NON_NAMES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "mayor", "president", "minister"}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around"}


@dataclass(frozen=True)
class _Lexicon:
    """Phrase matches in one Doc: token index -> what the phrase there names."""

    known: dict[int, tuple[KnownActor, int, int]]
    countries: dict[int, str]
    roles: dict[int, tuple[str, int, int]]


class ActorResolver:
    """Marks actor mentions on ``doc._.actor_mentions`` and resolves each to an Actor."""

    def __init__(self, nlp: Language, name: str, extra_actors: str | None) -> None:
        register_extensions()
        self.tables: ActorTables = load_tables(Path(extra_actors) if extra_actors else None)
        self._known = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in self.tables.known.values():
            self._known.add(entry.id, [nlp.make_doc(text) for text in (entry.name, *entry.aliases)])
        self._countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_code: dict[str, list[str]] = {}
        for country_name, code in self.tables.countries.items():
            by_code.setdefault(code, []).append(country_name)
        for code, names in by_code.items():
            self._countries.add(code, [nlp.make_doc(text) for text in names])
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in self.tables.roles:
            self._roles.add(phrase, [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        lexicon = self._lexicon(doc)
        in_quote = _quoted_tokens(doc)
        antecedents = Antecedents()
        mentions: list[Span] = []
        for head, span in _noun_phrases(doc, lexicon):
            quoted = head.i in in_quote
            referent = self._resolve(span, head, lexicon, antecedents, doc._.published, quoted)
            if referent is None:
                continue
            if referent.members:
                span._.members = referent.members
            else:
                span._.actor = referent.actor
            span._.resolved_by = referent.rule
            mentions.append(span)
            subject = head.dep_ in ("nsubj", "nsubjpass")
            antecedents.add(Entry(referent, head, subject, quoted, span.text))
        doc._.actor_mentions = sorted(mentions, key=lambda s: s.start)
        return doc

    def _lexicon(self, doc: Doc) -> _Lexicon:
        known: dict[int, tuple[KnownActor, int, int]] = {}
        for match_id, start, end in sorted(self._known(doc), key=lambda m: m[1] - m[2]):
            entry = self.tables.known[doc.vocab.strings[match_id]]
            for i in range(start, end):
                known.setdefault(i, (entry, start, end))
        countries: dict[int, str] = {}
        for match_id, start, end in sorted(self._countries(doc), key=lambda m: m[1] - m[2]):
            for i in range(start, end):
                countries.setdefault(i, doc.vocab.strings[match_id])
        roles: dict[int, tuple[str, int, int]] = {}
        for match_id, start, end in sorted(self._roles(doc), key=lambda m: m[1] - m[2]):
            sector = self.tables.roles[doc.vocab.strings[match_id]]
            for i in range(start, end):
                roles.setdefault(i, (sector, start, end))
        return _Lexicon(known, countries, roles)

    def _resolve(
        self,
        span: Span,
        head: Token,
        lexicon: _Lexicon,
        antecedents: Antecedents,
        published: date | None,
        quoted: bool,
    ) -> Referent | None:
        lower = head.lower_
        if head.pos_ == "PRON":
            if lower in PERSONAL_PRONOUNS:
                return antecedents.person(head, PERSONAL_PRONOUNS[lower], quoted)
            if lower in PLURAL_PRONOUNS:
                return antecedents.plural(head, quoted)
            return None
        country = next(
            (lexicon.countries[i] for i in range(span.start, span.end) if i in lexicon.countries),
            None,
        )
        role = lexicon.roles.get(head.i)
        description = self.tables.descriptions.get(lower)
        definite = span[0].lower_ in DEFINITE or span[0].like_num
        if description is not None and definite and country is None:
            referent = antecedents.described(head, description)
            if referent is not None:
                return referent
        if head.i in lexicon.known:
            entry = lexicon.known[head.i][0]
            return Referent(entry.actor_on(published), f"kb:{entry.id}", entry.kind, entry.gender)
        known_inside = [
            lexicon.known[i][0] for i in range(span.start, span.end) if i in lexicon.known
        ]
        if role is not None and known_inside:
            # "Hamas spokesman", "Kremlin spokesman": speaks for the organisation.
            owner = known_inside[-1].actor_on(published)
            actor = Actor(_plain(span), owner.country, owner.sectors or (role[0],))
            return Referent(actor, f"role-of:{known_inside[-1].id}", "person")
        if head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON", "ORG", "GPE"):
            # A surname after the full name ("McCallum"), whatever NER made of it.
            earlier = antecedents.person_named(_proper_name(span))
            if earlier is not None:
                return earlier
        if head.ent_type_ == "PERSON":
            name = _person_name(head)
            earlier = antecedents.person_named(name)
            if earlier is not None:
                return earlier
            sectors = tuple(
                dict.fromkeys(
                    lexicon.roles[i][0] for i in range(span.start, head.i) if i in lexicon.roles
                )
            )
            rule = "person+role" if sectors else "person"
            return Referent(Actor(name, country, sectors), rule, "person")
        if head.i in lexicon.countries and role is None:
            code = lexicon.countries[head.i]
            if head.ent_type_ in ("", "GPE", "NORP", "LOC", "ORG") or head.pos_ == "PROPN":
                return Referent(
                    Actor(self.tables.country_labels[code], code), "country-name", "country"
                )
        if role is not None and country is not None:
            actor = Actor(_plain(span), country, (role[0],))
            return Referent(actor, "country+role", "group" if head.tag_ == "NNS" else "person")
        if role is not None:
            if definite:
                titled = antecedents.titled(span.text.lower(), self.tables)
                if titled is not None:
                    return titled
            actor = Actor(_plain(span), None, (role[0],))
            return Referent(actor, "role", "group" if head.tag_ == "NNS" else "person")
        if head.ent_type_ == "ORG" and head.pos_ == "PROPN":
            return Referent(Actor(_plain(span)), "organisation", "organisation")
        return None


def _noun_phrases(doc: Doc, lexicon: _Lexicon) -> list[tuple[Token, Span]]:
    """Non-overlapping candidate noun phrases in document order, larger ones winning."""
    candidates = [
        (head, _noun_phrase(head, lexicon))
        for head in doc
        if head.pos_ in HEAD_POS and head.dep_ not in MODIFIER_DEPS and not _is_location(head)
    ]
    chosen: list[tuple[Token, Span]] = []
    taken: set[int] = set()
    for head, span in sorted(candidates, key=lambda c: len(c[1]), reverse=True):
        if not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            chosen.append((head, span))
    return sorted(chosen, key=lambda c: c[0].i)


def _is_location(head: Token) -> bool:
    """Whether the noun names where something happens ("in Jerusalem"), not a participant."""
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS


def _noun_phrase(head: Token, lexicon: _Lexicon) -> Span:
    """The head with its left modifiers, minus a possessor ("Lebanon's Hezbollah" -> Hezbollah)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ == "poss":
            start = child.right_edge.i + 1
        elif child.dep_ not in ("punct", "cc", "prep", "advmod", "mark", "aux", "neg"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    # A multi-word role or known name may run past the head: "Secretary of State".
    for table in (lexicon.roles, lexicon.known):
        entry = table.get(head.i)
        if entry is not None:
            end = max(end, entry[2])
    if head.ent_type_ and head.ent_iob_ != "O":
        entity = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if entity is not None:
            end = max(end, entity.end)
    doc = head.doc
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _proper_name(span: Span) -> str:
    """The proper nouns of a phrase, as a name ("Mayor McCallum" -> "McCallum")."""
    words = [t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in NON_NAMES]
    return " ".join(words)


def _person_name(head: Token) -> str:
    entity = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    return entity.text if entity is not None else head.text


def _plain(span: Span) -> str:
    """The phrase without a leading determiner, as an actor name."""
    words = span[1:] if span[0].dep_ == "det" and len(span) > 1 else span
    return words.text


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quote marks (a paragraph break closes an open quote)."""
    inside: set[int] = set()
    open_quote = False
    for token in doc:
        if "\n" in token.text:
            open_quote = False
        elif token.text in QUOTE_MARKS:
            open_quote = not open_quote if token.text == '"' else token.text == "“"
        elif open_quote:
            inside.add(token.i)
    return inside


@Language.factory("tidings_actors", default_config={"extra_actors": None})
def make_actor_resolver(nlp: Language, name: str, extra_actors: str | None) -> ActorResolver:
    """Build the actor component; ``extra_actors`` is a user's YAML file of actors."""
    return ActorResolver(nlp, name, extra_actors)
