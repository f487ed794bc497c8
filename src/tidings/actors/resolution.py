"""What an actor phrase refers to: small named rules tried in the order of ``RESOLUTION_RULES``.

Each rule is registered with ``@resolution_rule("name")`` as ``name.v1`` and reads one
``Mention`` (the phrase, its head, the Doc's lexicon and the actors named before). It returns a
Referent (the answer), ``NOBODY`` (the phrase names no actor: stop looking) or None (not its
case: the next rule is asked). To fix a wrong actor, find the rule that resolved it: the
``resolved_by`` a mention keeps ("kb:<id>", "role-of:<id>", "country+role", "coref:surname",
...) is given by the rule whose docstring names it; a country taken later from the context
adds a suffix ("+owner", "+surname", "+sentence-country", "+only-country", see countries.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.tokens import Span, Token

from tidings.actors.coreference import Antecedents, Referent
from tidings.actors.knowledge import ActorTables, KnownActor
from tidings.actors.lexicon import Lexicon, Match
from tidings.actors.phrases import PhraseReader, Reading, former, name_run, without_possessive
from tidings.records import Actor

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
# The sector of civilians, who are not members of an armed group they support.
CIVILIAN = "CVL"
# The answer of a rule that finds the phrase names no actor: no later rule is asked.
NOBODY = Referent(None, "nobody", "")


@dataclass(frozen=True)
class Mention:
    """What a resolution rule reads: a noun phrase, its head, what the actor tables match in
    its Doc and the actors resolved before it."""

    span: Span
    head: Token
    lexicon: Lexicon
    reader: PhraseReader
    antecedents: Antecedents
    # Head token index -> what the mentions before this one resolved to.
    resolved: Mapping[int, Referent]
    quoted: bool

    @property
    def tables(self) -> ActorTables:
        return self.reader.tables

    @property
    def published(self) -> date | None:
        published: date | None = self.head.doc._.published
        return published

    @property
    def role(self) -> Match | None:
        """The role the head names ("minister", "troops"), if any."""
        return self.lexicon.roles.get(self.head.i)

    @cached_property
    def reading(self) -> Reading:
        return self.reader.reading(self.span, self.head, self.lexicon)

    @cached_property
    def epithet(self) -> bool:
        return self.reader.is_epithet(self.span, self.head, self.lexicon)

    @cached_property
    def owner(self) -> KnownActor | None:
        return self.reader.owner(self.span, self.head, self.lexicon)

    @cached_property
    def organisation(self) -> Span | None:
        return self.reader.organisation_name(self.span, self.head, self.lexicon)

    @property
    def definite(self) -> bool:
        first = self.span[0]
        return first.lower_ in DEFINITE or first.like_num

    @property
    def names_something(self) -> bool:
        """Whether the head is a word of the actor tables: a role, known actor, country or
        description."""
        head, lexicon = self.head, self.lexicon
        return (
            head.i in lexicon.roles
            or head.i in lexicon.known
            or head.i in lexicon.countries
            or head.lower_ in self.tables.descriptions
        )


Rule = Callable[[Mention], Referent | None]


class ResolutionRules:
    """Named resolution rules; ``@resolution_rule("name")`` registers ``name.v1``."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}

    def __call__(self, name: str, version: int = 1) -> Callable[[Rule], Rule]:
        """Register a rule as ``name.v<version>``; ``RESOLUTION_RULES`` gives the order."""

        def register(rule: Rule) -> Rule:
            self.rules[f"{name}.v{version}"] = rule
            return rule

        return register

    def first(self, names: Sequence[str], mention: Mention) -> Referent | None:
        """What the first of these rules that answers says the mention refers to, if anyone."""
        for name in names:
            referent = self.rules[name](mention)
            if referent is not None:
                return None if referent is NOBODY else referent
        return None


resolution_rule = ResolutionRules()


def resolve(mention: Mention) -> Referent | None:
    """What a noun phrase refers to, by the first rule of ``RESOLUTION_RULES`` that answers."""
    return resolution_rule.first(RESOLUTION_RULES, mention)


@resolution_rule("pronoun")
def _pronoun(mention: Mention) -> Referent | None:
    """A pronoun refers back ("coref:pronoun"): "he"/"she" to a person, "they" to a group or
    several actors, "it" to a country or body; an "it" that stands for no one names nobody."""
    head = mention.head
    if head.pos_ != "PRON":
        return None
    lower, antecedents = head.lower_, mention.antecedents
    found: Referent | None = None
    if lower in PERSONAL_PRONOUNS:
        found = antecedents.person(head, PERSONAL_PRONOUNS[lower], mention.quoted)
    elif lower in PLURAL_PRONOUNS:
        found = antecedents.plural(head, mention.quoted)
    elif lower in THING_PRONOUNS and not _is_expletive(head):
        found = antecedents.thing(head, mention.quoted)
    return found or NOBODY


@resolution_rule("credit-line")
def _credit_line(mention: Mention) -> Referent | None:
    """A photo credit names nobody: "(Luis Tato/AFP/Getty Images)", "Lauren Pelley / CBC"."""
    entity = mention.lexicon.entities.get(mention.head.i)
    return NOBODY if entity is not None and any(t.text == "/" for t in entity) else None


@resolution_rule("mistagged-name")
def _mistagged_name(mention: Mention) -> Referent | None:
    """Most common nouns name no actor; but the tagger may take a surname or an acronym for one
    ("Schniederjans noted", "EDC said"): the person or organisation named so before."""
    head = mention.head
    if head.pos_ == "PROPN" or mention.names_something or mention.epithet:
        return None
    antecedents = mention.antecedents
    if head.is_upper:
        found = antecedents.organisation_named(head.text, head)
    elif head.text[:1].isupper():
        found = antecedents.person_named(head.text, head)
    else:
        found = None
    return found or NOBODY


@resolution_rule("definite-description")
def _definite_description(mention: Mention) -> Referent | None:
    """ "The terrorist group", "the two countries": the actors described so before
    ("coref:description"); "the country" where none was named before, the country of the
    most salient actor ("coref:description-country")."""
    description = mention.tables.descriptions.get(mention.head.lower_)
    if description is None or not mention.definite or mention.reading.country is not None:
        return None
    return mention.antecedents.described(mention.head, description)


@resolution_rule("epithet")
def _epithet(mention: Mention) -> Referent | None:
    """ "Said the rookie defenceman": the person introduced so before ("a rookie defenceman"),
    else the last person named."""
    role = mention.role
    if not mention.epithet or (
        role is not None and mention.reader.kind(mention.head, role) != "person"
    ):
        return None
    antecedents = mention.antecedents
    titled = antecedents.titled(mention.span.text.lower(), mention.tables) if role else None
    return titled or antecedents.described_person(mention.head)


@resolution_rule("appositive")
def _appositive(mention: Mention) -> Referent | None:
    """ "Blinken, the top US diplomat": the same person as the name it describes
    ("coref:appositive")."""
    head = mention.head
    earlier = mention.resolved.get(head.head.i) if head.dep_ == "appos" else None
    if earlier is None or mention.role is None:
        return None
    if earlier.kind != "person" or earlier.actor is None:
        return None
    return Referent(earlier.actor, "coref:appositive", "person", earlier.gender)


@resolution_rule("person")
def _person(mention: Mention) -> Referent | None:
    """A person's name: the person named so before, a known person ("kb:<id>", also written
    with middle initials), or a new one with the country and sectors of their titles
    ("person+role", "person")."""
    head, lexicon, reader = mention.head, mention.lexicon, mention.reader
    if head.pos_ != "PROPN" or not reader.is_person(head, lexicon):
        return None
    name_span = reader.person_name(head, lexicon)
    name = without_possessive(name_span.text)
    earlier = mention.antecedents.person_named(name, head)
    if earlier is not None:
        return earlier
    known = lexicon.known.get(head.i)
    if known is not None and known[1] <= name_span.start and name_span.end <= known[2]:
        return _named_person(mention, known[0], name_span)
    return _named_person(mention, reader.known_person(name), name_span)


def _named_person(mention: Mention, entry: KnownActor | None, name_span: Span) -> Referent:
    """A person by name: their knowledge-base entry, else one with the country and sectors of
    their titles. A compiled entry's dated roles yield to the phrase's own words where they
    place the person ("U.N. mediator X", "X, the Japanese envoy"): such a dictionary knows one
    career, the words the one of the day."""
    reader = mention.reader
    reading = reader.person_reading(mention.span, mention.head, name_span, mention.lexicon)
    placed = reading.country is not None or "IGO" in reading.sectors
    if entry is not None and not (entry.compiled and placed):
        return _known(entry, mention.published, named=True)
    name = without_possessive(name_span.text)
    guess = reader.gender(name.split()[0])
    rule = "person+role" if reading.country or reading.sectors else "person"
    actor = Actor(name, reading.country, reading.sectors)
    return Referent(actor, rule, "person", reading.gender, named=True, guessed_gender=guess)


@resolution_rule("named-before")
def _named_before(mention: Mention) -> Referent | None:
    """A lone surname or acronym the tagger did not see as a person or organisation ("Lopez
    thanked them", "EDC"): the one named so before ("coref:surname", "coref:short-name")."""
    head, lexicon = mention.head, mention.lexicon
    if head.pos_ != "PROPN" or head.i in lexicon.countries:
        return None
    named_before = mention.antecedents.person_named(name_run(head).text, head)
    if named_before is None and head.is_upper and head.i not in lexicon.known:
        named_before = mention.antecedents.organisation_named(head.text, head)
    return named_before


@resolution_rule("known-actor")
def _known_actor(mention: Mention) -> Referent | None:
    """An actor of the knowledge base ("kb:<id>"); a group's branch takes the country written:
    "Pakistani Taliban", "Iraqi Hezbollah"."""
    known = mention.lexicon.known.get(mention.head.i)
    if known is None:
        return None
    entry, start, end = known
    if entry.compiled and entry.kind == "person":
        return _named_person(mention, entry, mention.head.doc[start:end])
    referent = _known(entry, mention.published, named=entry.kind == "person")
    actor = referent.actor
    if entry.kind == "group" and actor is not None and actor.country:
        written = mention.reader.countries_in(mention.span, mention.lexicon, skip=range(start, end))
        if written:
            return replace(referent, actor=replace(actor, country=written[0]))
    return referent


@resolution_rule("role-of-owner")
def _role_of_owner(mention: Mention) -> Referent | None:
    """A role of a known organisation speaks for it ("role-of:<id>"): "Hamas spokesman",
    "president of the Riigikogu"."""
    role, owner = mention.role, mention.owner
    if role is None or owner is None:
        return None
    actor = owner.actor_on(mention.published)
    sectors = mention.reading.sectors
    # Members of an armed group or party are the group: "Boko Haram gunmen" are REB; its
    # civilians are not ("Hamas supporters").
    member = owner.kind == "group" and CIVILIAN not in sectors
    if mention.reader.generic(role) or not sectors or member:
        sectors = former(mention.span, mention.tables) or actor.sectors or sectors
    elif "IGO" in actor.sectors and "IGO" not in sectors:
        # "EU legislators" are a body of the EU: CAMEO codes them IGO + LEG.
        sectors = ("IGO", *sectors)
    return Referent(
        Actor(mention.span.text, actor.country, sectors),
        f"role-of:{owner.id}",
        mention.reader.kind(mention.head, role),
    )


@resolution_rule("place")
def _place(mention: Mention) -> Referent | None:
    """A country, capital or city ("country-name", "capital", "city"); a people named by its
    demonym where it is an ethnic group ("ethnic Albanians in Serbia", "ethnic-group")."""
    head, lexicon, reader = mention.head, mention.lexicon, mention.reader
    place = lexicon.countries.get(head.i)
    if place is None or mention.role is not None or mention.organisation is not None:
        return None
    text = mention.span.text
    if reader.is_ethnic(head.doc, place):
        # "ethnic Albanians in Serbia": a people, of the country they live in, if named.
        return Referent(Actor(text, reader.prep_country(head, lexicon)), "ethnic-group", "group")
    home = reader.home_of_people(head, place, lexicon)
    if home is not None:
        return Referent(Actor(text, home), "ethnic-group", "group")
    return reader.place(place)


@resolution_rule("role")
def _role(mention: Mention) -> Referent | None:
    """A role with the country its words give ("country+role", "role"): "Israeli troops",
    "Somalia's prime minister"; one group per country for "U.S. and Russian negotiators"
    ("countries+role"); "the minister" introduced so before."""
    head, role, reading = mention.head, mention.role, mention.reading
    if role is None:
        return None
    first = mention.resolved.get(head.head.i) if head.dep_ == "conj" else None
    if (
        reading.country is None
        and len(mention.span) == 1
        and first is not None
        and first.actor is not None
        and first.actor.sectors == reading.sectors
    ):
        # "Israeli helicopters and tanks": the country is written once for both.
        reading = replace(reading, country=first.actor.country)
    kind = mention.reader.kind(head, role)
    labels = mention.tables.country_labels
    if len(reading.members) >= 2:
        members = tuple(
            Actor(f"{labels.get(code, code)} {head.text}", code, reading.sectors)
            for code in reading.members
        )
        return Referent(None, "countries+role", "group", None, members)
    if reading.country is None and mention.definite and kind == "person":
        titled = mention.antecedents.titled(mention.span.text.lower(), mention.tables)
        if titled is not None:
            return titled
    actor = Actor(mention.span.text, reading.country, reading.sectors)
    return Referent(actor, "country+role" if reading.country else "role", kind, reading.gender)


@resolution_rule("organisation")
def _organisation(mention: Mention) -> Referent | None:
    """An organisation the tagger found ("organisation"), or an acronym with a country ("Mexican
    PRD"): the one named so before by its short name, a body of a known organisation coded as
    it is ("part-of:<id>"), else with the country and sectors its words give."""
    head, reading, owner = mention.head, mention.reading, mention.owner
    organisation = mention.organisation
    if organisation is None and head.pos_ == "PROPN" and head.is_upper and reading.country:
        organisation = head.doc[head.i : head.i + 1]
    if organisation is None:
        return None
    if len(organisation) == 1:
        short = mention.antecedents.organisation_named(head.text, head)
        if short is not None:
            return short
    name = without_possessive(organisation.text)
    if owner is not None and reading.country is None and not reading.sectors:
        # "the UN refugee tribunal": a body of a known organisation is coded as it is.
        owned = owner.actor_on(mention.published)
        return Referent(
            Actor(name, owned.country, owned.sectors), f"part-of:{owner.id}", "organisation"
        )
    return Referent(Actor(name, reading.country, reading.sectors), "organisation", "organisation")


RESOLUTION_RULES = (
    "pronoun.v1",
    "credit-line.v1",
    "mistagged-name.v1",
    "definite-description.v1",
    "epithet.v1",
    "appositive.v1",
    "person.v1",
    "named-before.v1",
    "known-actor.v1",
    "role-of-owner.v1",
    "place.v1",
    "role.v1",
    "organisation.v1",
)


def _known(entry: KnownActor, published: date | None, named: bool) -> Referent:
    """A knowledge-base entry as the actor it was on the publication day ("kb:<id>")."""
    actor = entry.actor_on(published)
    return Referent(actor, f"kb:{entry.id}", entry.kind, entry.gender, named=named)


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
