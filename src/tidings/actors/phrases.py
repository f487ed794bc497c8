"""Reading an actor phrase: the country, sectors and kind its own words and grammar give.

``PhraseReader`` answers the questions the resolution rules ask of a noun phrase ("which
countries does it name?", "is it a person's name?", "which organisation does this role belong
to?"); the helpers below cut a phrase out of the parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from tidings.actors.coreference import Referent
from tidings.actors.knowledge import ActorTables, KnownActor
from tidings.actors.lexicon import Lexicon, Match
from tidings.actors.names import first_name_gender, is_first_name
from tidings.nlp.annotations import names_another_party
from tidings.records import Actor

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
# The sector of a partially recognised state, coded under the country it broke away from.
BREAKAWAY = "PRE"
GOVERNMENT = "GOV"
# Dependents that continue a proper name: "Tatiana" in "Tatiana Stanovaya".
NAME_DEPS = {"compound", "flat"}
# A middle initial, or several: "V.", "W", "H.W.".
MIDDLE_INITIALS = re.compile(r"(?:[A-Z]\.?)+")
LEFT_OUT_DEPS = {"punct", "cc", "prep", "advmod", "mark", "aux", "neg", "relcl", "acl"}


@dataclass(frozen=True)
class Reading:
    """What the words of a phrase say about its actor: country, sectors, gender."""

    country: str | None
    sectors: tuple[str, ...]
    members: tuple[str, ...] = ()
    gender: str | None = None


class PhraseReader:
    """Reads country, sectors, names and owners from actor phrases, with the actor tables."""

    def __init__(self, tables: ActorTables) -> None:
        self.tables = tables
        self.gender: Callable[[str], str | None] = first_name_gender()
        self._people = _people_by_plain_name(tables.known.values())

    def known_person(self, name: str) -> KnownActor | None:
        """The one known person a full name names without its middle initials ("Vladimir V.
        Putin", "George W Bush"), if the knowledge base has one of that name."""
        return self._people.get(plain_name(name))

    def reading(self, span: Span, head: Token, lexicon: Lexicon) -> Reading:
        """Country and sectors that a phrase's own words (and its "of/in X" object) give."""
        codes = self.countries_in(span, lexicon, skip=range(0))
        sectors = self.sectors(span, head, lexicon)
        country = codes[0] if codes else self.prep_country(head, lexicon, sectors)
        has_conjunction = any(t.dep_ == "cc" for t in span)
        members = tuple(dict.fromkeys(codes)) if has_conjunction else ()
        if not codes and head.tag_ in ("NNS", "NNPS"):
            members = self.countries_of_conjoined(head, lexicon)
        gender = next(
            (
                title.gender
                for t in span
                if (title := self.tables.modifiers.titles.get(t.lower_)) is not None
            ),
            None,
        )
        return Reading(country, sectors, members, gender)

    def person_reading(self, span: Span, head: Token, name: Span, lexicon: Lexicon) -> Reading:
        """A person's country and sectors from titles, roles, appositives and possessors."""
        described = [span]
        described += [subtree(c) for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            described.append(subtree(head.head))
        country: str | None = None
        sectors: list[str] = []
        gender: str | None = None
        for part in described:
            skip = range(name.start, name.end)
            codes = self.countries_in(part, lexicon, skip=skip)
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
                    sectors += self.sectors(part, part.doc[role_end], lexicon)
            if country is None:
                # "King Hassan of Morocco", "Luis Moreno Ocampo of Argentina".
                country = self.prep_country(head if part is span else part.root, lexicon)
            for token in part:
                if token.i in lexicon.known and token.i not in skip:
                    owner = lexicon.known[token.i][0].actor_on(span.doc._.published)
                    country = country or owner.country
                    if "IGO" in owner.sectors and "IGO" not in sectors:
                        # "UN Secretary-General Kofi Annan" speaks for the UN.
                        sectors.insert(0, "IGO")
        return Reading(country, tuple(dict.fromkeys(sectors)), gender=gender)

    def countries_in(self, span: Span, lexicon: Lexicon, skip: range) -> list[str]:
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
            if self.is_ethnic(span.doc, match):
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

    def prep_country(
        self, head: Token, lexicon: Lexicon, sectors: tuple[str, ...] = ()
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
                codes = self.countries_in(noun_phrase(fled, lexicon), lexicon, skip=range(0))
                country = codes[0] if codes else self.prep_country(fled, lexicon)
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
                phrase = subtree(obj) if member or sided else noun_phrase(obj, lexicon)
                # Protesters at an embassy are not its staff: "at" gives a country only where
                # the place works in the role's own sector.
                if employer and not set(sectors) & set(self.sectors(phrase, obj, lexicon)):
                    continue
                if obj.i in lexicon.known:
                    known = lexicon.known[obj.i][0].actor_on(head.doc._.published)
                    if known.country:
                        return known.country
                codes = self.countries_in(phrase, lexicon, skip=range(0))
                if codes:
                    return codes[0]
                # "the University of St Andrews in Scotland": the object's own place.
                if country := self.prep_country(obj, lexicon):
                    return country
        return None

    def countries_of_conjoined(self, head: Token, lexicon: Lexicon) -> tuple[str, ...]:
        """The countries of a plural role's conjoined "of/from" objects, one for each: "the
        presidents of Chad and Niger", "ministers from Chad, Niger and Mali"."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.conjuncts):
                codes = [
                    self.countries_in(noun_phrase(conjunct, lexicon), lexicon, skip=range(0))
                    for conjunct in (obj, *obj.conjuncts)
                ]
                if all(codes):
                    return tuple(dict.fromkeys(found[0] for found in codes))
        return ()

    def owner(self, span: Span, head: Token, lexicon: Lexicon) -> KnownActor | None:
        """A known organisation a role belongs to: "Hamas spokesman", "head of the IAEA"."""
        # A person is never the owner: "Minister Carolyn Bennett" is not Naftali Bennett's.
        inside = [lexicon.known[t.i][0] for t in span if t.i in lexicon.known]
        inside = [entry for entry in inside if entry.kind != "person"]
        if inside:
            return inside[-1]
        for obj in of_objects(head):
            known = lexicon.known.get(obj.i)
            if known is not None and known[0].kind != "person":
                return known[0]
        return None

    def sectors(self, span: Span, head: Token, lexicon: Lexicon) -> tuple[str, ...]:
        """The sectors a role phrase names, with its modifiers taken into account."""
        was = former(span, self.tables)
        if was:
            return was
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
        if modifier_sectors and self.generic(role):
            return modifier_sectors[0]
        return self.tables.roles[role.value]

    def generic(self, role: Match) -> bool:
        """Whether a role says little by itself ("official", "leaders"): its modifier decides."""
        generic = self.tables.modifiers.generic_heads
        return role.value in generic or role.value.rstrip("s") in generic

    def kind(self, head: Token, role: Match) -> str:
        """Whether a role names a group, an organisation or a person."""
        if head.tag_ in ("NNS", "NNPS"):
            return "group"
        organisations = self.tables.modifiers.organisations
        # The noun the role is named by: "secretary" in "Secretary of State".
        noun = role.value.split(" of ")[0].split()[-1]
        return "organisation" if role.value in organisations or noun in organisations else "person"

    def person_name(self, head: Token, lexicon: Lexicon) -> Span:
        """The name in a PERSON entity, without the titles or roles before it ("Sen.")."""
        doc = head.doc
        entity = lexicon.entities.get(head.i)
        span = name_run(head)
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
        start = after_titles(list(doc[start : head.i + 1]), head, lexicon)[0].i
        end = span.end
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):
            end -= 1
        return doc[start:end]

    def is_person(self, head: Token, lexicon: Lexicon) -> bool:
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
        run = name_run(head)
        if entity is not None and entity.label_ != "ORG":
            if entity.start <= run.start:
                return False  # "Nova Scotia", "York Beach": places are not people
            entity = None  # the tagger may take a family name alone for a place
        words = [t for t in (entity or run) if not t.is_punct]
        words = after_titles(words, head, lexicon)
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

    def is_epithet(self, span: Span, head: Token, lexicon: Lexicon) -> bool:
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

    def organisation_name(self, span: Span, head: Token, lexicon: Lexicon) -> Span | None:
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

    def is_ethnic(self, doc: Doc, match: Match) -> bool:
        """Whether a demonym names an ethnic group ("ethnic Albanians", "the Albanian
        population"), not a state or its people."""
        modifiers = self.tables.modifiers
        before = match.start > 0 and doc[match.start - 1].lower_ in modifiers.ethnic
        return before or (match.end < len(doc) and doc[match.end].lower_ in modifiers.ethnic_heads)

    def home_of_people(self, head: Token, match: Match, lexicon: Lexicon) -> str | None:
        """The other country a people named by its plural demonym is "of": "the Albanians of
        southern Serbia" live in Serbia, as CAMEO codes an ethnic group."""
        if head.tag_ not in ("NNS", "NNPS") or head.i != match.end - 1:
            return None
        for obj in of_objects(head):
            # A place, not a word naming a country ("Americans of Iraqi descent"); "the
            # Russian-occupied Crimea" is Crimea's, not Russia's.
            place = lexicon.countries.get(obj.i)
            if place is not None and place.code != match.code:
                return place.code
        return None

    def place(self, match: Match) -> Referent:
        """A country, capital or city as the actor it names."""
        if match.city:
            return Referent(Actor(match.value, match.code), "city", "country")
        sectors = self.tables.country_sectors.get(match.value, ())
        label = self.tables.country_labels.get(match.code, match.value)
        if BREAKAWAY in sectors:
            label = match.value  # Somaliland is not Somalia
        rule = "capital" if match.value in self.tables.capitals else "country-name"
        return Referent(Actor(label, match.code, sectors), rule, "country")


def of_objects(head: Token) -> Iterable[Token]:
    """The objects of a head's "of" phrases: "Serbia" in "the Hungarians of northern Serbia"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            yield from (c for c in prep.children if c.dep_ == "pobj")


def after_titles(words: list[Token], head: Token, lexicon: Lexicon) -> list[Token]:
    """The words after the last role word before the head: a title the tagger ran into a name
    ("Huawei CFO Meng Wanzhou")."""
    titles = [k for k, t in enumerate(words) if t.i in lexicon.roles and t.i < head.i]
    return words[titles[-1] + 1 :] if titles else words


def former(span: Span, tables: ActorTables) -> tuple[str, ...]:
    """ELI for "former"/"retired" office holders (CAMEO's elites)."""
    words = {t.lower_.rstrip("-") for t in span}
    return ("ELI",) if words & tables.modifiers.former else ()


def noun_phrase(head: Token, lexicon: Lexicon) -> Span:
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


def name_run(head: Token) -> Span:
    """The run of proper nouns ending at a head: "Maria Lopez" in "director Maria Lopez"."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in NAME_DEPS:
        start -= 1
    return doc[start : head.i + 1]


def subtree(token: Token) -> Span:
    """A token with everything that hangs from it."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def without_possessive(name: str) -> str:
    """A name without a possessive ending: "Hamas" for "Hamas's"."""
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def plain_name(name: str) -> str:
    """A person's name without middle initials: "Vladimir Putin" for "Vladimir V. Putin"."""
    words = name.split()
    middle = [w for w in words[1:-1] if not MIDDLE_INITIALS.fullmatch(w)]
    return " ".join([*words[:1], *middle, *words[-1:]])


def _people_by_plain_name(known: Iterable[KnownActor]) -> dict[str, KnownActor]:
    """Known people by each full name and alias without middle initials; a plain name two
    people share names neither."""
    people: dict[str, KnownActor] = {}
    shared: set[str] = set()
    for entry in known:
        if entry.kind != "person":
            continue
        for name in {plain_name(n) for n in (entry.name, *entry.aliases) if " " in n}:
            if people.setdefault(name, entry) is not entry:
                shared.add(name)
    return {name: entry for name, entry in people.items() if name not in shared}
