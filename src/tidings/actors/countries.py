"""Countries an actor of no written country takes from its context, after it is resolved.

In order: its possessor's ("Egypt said its police ...", "+owner"), that of the known office
holders of its surname ("President Bush", "+surname"), then, once every mention of the Doc is
resolved, where its sentence happens ("+sentence-country") or, for an office holder, the one
country its sentence names ("+only-country").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tidings.actors.coreference import Referent
from tidings.actors.knowledge import ActorTables, KnownActor
from tidings.actors.lexicon import Lexicon
from tidings.nlp.annotations import ACTOR_MODIFIER_DEPS

# Rules that code an actor as the known actor it belongs to: its country, or its having none
# (al-Qaeda), is the knowledge base's.
OWNED_RULES = ("kb:", "role-of:", "part-of:")


class ContextCountries:
    """Gives actors of no written country the country their context implies."""

    def __init__(self, tables: ActorTables) -> None:
        self.tables = tables
        self._surnames = _surname_countries(tables.known.values())

    def may_take_one(self, referent: Referent, head: Token) -> bool:
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

    def of_owner_or_surname(
        self,
        referent: Referent,
        head: Token,
        span: Span,
        lexicon: Lexicon,
        resolved: dict[int, Referent],
    ) -> Referent:
        """The referent with its possessor's country, else its surname's, where it has one."""
        # A voice ("Hamas's spokesman") is attributed to its owner by the quotes.
        if head.lemma_.lower() not in self.tables.voices:
            referent = _with_owner_country(referent, head, resolved)
        return self._with_surname_country(referent, span, lexicon)

    def _with_surname_country(self, referent: Referent, span: Span, lexicon: Lexicon) -> Referent:
        """An office holder named by surname alone takes the country of the known office
        holders of that surname, if they share one: "President Bush", "the Bush administration"."""
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

    def give_sentence_countries(self, doc: Doc, countryless: list[Span]) -> None:
        """An actor with sectors but no written country takes the country where its sentence
        happens, if the sentence places it in one ("in", "near", ...): "Militants in Mali
        rejected an offer from the president". Other actors' countries do
        not count: in "Israeli troops killed three militants", the militants are not Israeli;
        nor does a state acted on: in "The government criticized Russia", it is not Russian.
        A named office holder is the exception: of the one country the sentence names. Where
        the sentence names no place, the country of the article's dateline (``doc._.dateline``),
        where it was filed ("+dateline-country")."""
        mentions: list[Span] = doc._.actor_mentions
        dateline: Span | None = doc._.dateline
        filed_in = dateline._.actor.country if dateline is not None else None
        for span in countryless:
            sentence = span.sent
            country = doc._.sentence_countries[sentence.start]
            if country is not None:
                span._.actor = replace(span._.actor, country=country)
                span._.resolved_by += "+sentence-country"
            elif self._holds_office(span) and (named := _only_country(sentence, mentions)):
                span._.actor = replace(span._.actor, country=named)
                span._.resolved_by += "+only-country"
            elif filed_in is not None:
                span._.actor = replace(span._.actor, country=filed_in)
                span._.resolved_by += "+dateline-country"

    def _holds_office(self, span: Span) -> bool:
        """Whether a mention names a person holding an office of state ("President Ali Konate")."""
        office_holders = self.tables.modifiers.office_holders
        return span._.resolved_by.startswith("person") and bool(
            office_holders & set(span._.actor.sectors)
        )


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
