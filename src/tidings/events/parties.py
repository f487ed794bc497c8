"""How the parties to an event stand to each other: one speaking for another, acting among
themselves or with one another, one of the country of its partner (parties.yaml)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from tidings.events.lexicon import Parties
from tidings.events.roles import (
    Role,
    actors_of,
    countries_of,
)
from tidings.nlp.annotations import EventActor, actor_of, resolved_by_of


def speaks_for(speaker: Span, party: Span) -> bool:
    """Whether a government speaker speaks for a state ("Portugal will support ..., Portuguese
    President Mario Soares said")."""
    voice, state = actor_of(speaker), actor_of(party)
    return (
        voice is not None
        and state is not None
        and state.country is not None
        and voice.country == state.country
        and "GOV" in voice.sectors
        and set(state.sectors) <= {"GOV"}
    )


def among_themselves(source: Role, target: Role) -> bool:
    """Whether several actors aim an act only at one another ("Israel and Lebanon signed a
    treaty between the two countries"): PLOVER's reciprocal event."""
    sources, targets = parties_of(source), parties_of(target)
    return len(sources) > 1 and bool(targets) and targets <= sources


def with_one_another(source: Role, target: Role) -> bool:
    """Whether actors of several countries act with one another, naming no outside country:
    no target of theirs is of another country."""
    countries = countries_of(source)
    return len(countries) > 1 and countries_of(target) <= countries


def parties_of(role: Role) -> set[tuple[str, tuple[str, ...]]]:
    """The (country, sectors) of each actor a role names."""
    return {(actor.country, actor.sectors) for actor in actors_of(role) if actor.country}


def give_partner_country(
    party: Span | None, partner: Span | None, code: str, parties: Parties
) -> None:
    """An actor of no written country is of its partner's country where it is domestic and
    one of the two is a court or the police ("A Chilean court summoned former president
    Juan Ortiz": Ortiz is Chilean), or where the two contend as a government and its
    own people (parties.yaml)."""
    if party is None or partner is None:
        return
    mine, theirs = actor_of(party), actor_of(partner)
    if mine is None or theirs is None:
        return
    if mine.country or mine.known_id or not mine.sectors or theirs.country is None:
        return  # a known actor of no country has none: "al-Qaeda"
    own, other = set(mine.sectors), set(theirs.sectors)
    domestic = own <= parties.domestic
    beside_authority = domestic and bool(parties.home_bound & (own | other))
    contending = code[:2] in parties.contention_roots and bool(
        (domestic and other & parties.governing)
        or (own & parties.governing and other and other <= parties.domestic)
    )
    if beside_authority or contending:
        rule = f"{resolved_by_of(party)}+partner-country"
        party._.event_actor = EventActor(replace(mine, country=theirs.country), rule)
