"""Force verbs used of words: "attacked her rival's foreign policy" is criticism, "hit a
milestone" no event. Violence needs violent means, an armed actor or a physical target; where a
force verb has none and its object is words, a policy, a record or a political rival, it is
verbal conflict (figures.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from tidings.events.lexicon import Figures
from tidings.events.roles import Role, actors_of, countries_of
from tidings.events.syntax import direct_object, prep_objects

# Roots of violent acts: assault, fight, mass violence.
VIOLENT_ROOTS = ("18", "19", "20")


class FigureReader:
    """Reads a force verb as force, as words, or as no event, from what it is aimed at."""

    def __init__(self, figures: Figures) -> None:
        self.figures = figures

    def code_of(
        self, trigger: Token, code: str, source: Role, target: Role, means: bool
    ) -> str | None:
        """The code the act has: its own where it is force, the verbal code where it is aimed
        at words or a rival, None where it is no event ("hit a milestone")."""
        figures = self.figures
        if (
            code[:2] not in VIOLENT_ROOTS
            or trigger.lemma_.lower() not in figures.verbs
            or means
            or self._armed(source)
            or self._armed(target)
        ):
            return code
        for prep, head in self._objects(trigger):
            lemma = head.lemma_.lower()
            if lemma in figures.words and (not prep or prep in figures.contest_preps):
                return figures.verbal_code
            if lemma in figures.no_party or prep in figures.advocacy_preps:
                return None
        return figures.verbal_code if self._rivals(source, target) else code

    def _objects(self, trigger: Token) -> Iterator[tuple[str, Token]]:
        """What a force word is aimed at or about: its object ("" for it), the head of the
        relative clause it is in ("the voters he targets"), its prepositional objects."""
        obj = direct_object(trigger) if trigger.pos_ in ("VERB", "AUX") else None
        if obj is None and trigger.dep_ == "relcl":
            obj = trigger.head
        if obj is not None:
            yield "", obj
        preps = (*self.figures.contest_preps, *self.figures.advocacy_preps)
        yield from prep_objects(trigger, preps)

    def _armed(self, role: Role) -> bool:
        return any(set(actor.sectors) & self.figures.armed_sectors for actor in actors_of(role))

    def _rivals(self, source: Role, target: Role) -> bool:
        """Whether both sides are political actors of one country ("the senator attacked the
        governor"), not states as a whole."""
        sides = [list(actors_of(source)), list(actors_of(target))]
        political = all(
            side and all(a.sectors and set(a.sectors) <= self.figures.rival_sectors for a in side)
            for side in sides
        )
        countries = countries_of(source) | countries_of(target)
        return political and len(countries) == 1
