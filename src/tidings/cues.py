"""Reporting cues, read once from ``tidings/data/quotes/cues.yaml``: the quote component
finds quotes with them, and the actor component knows a speaker by its verb or its voice."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tidings.tables import packaged, read_yaml


@dataclass(frozen=True)
class Cues:
    """What cues.yaml lists: reporting verbs (lemmas; ``verbs`` includes ``object_verbs``),
    those that report an infinitive or their object, attribution phrases, nouns that speak for
    their owner ("a spokesman for Hamas") and nouns that report a clause ("the claim that")."""

    verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    attributions: tuple[str, ...]
    voices: frozenset[str]
    nouns: frozenset[str]
    object_verbs: frozenset[str]
    boilerplate: tuple[str, ...]


@cache
def load_cues() -> Cues:
    """tidings' reporting cues."""
    table = read_yaml(packaged("quotes/cues.yaml"))
    object_verbs = frozenset(table["object_verbs"])
    return Cues(
        verbs=frozenset(table["verbs"]) | {v for v in object_verbs if " " not in v},
        infinitive_verbs=frozenset(table["infinitive_verbs"]),
        attributions=tuple(table["attributions"]),
        voices=frozenset(table["voices"]),
        nouns=frozenset(table["nouns"]),
        object_verbs=object_verbs,
        boilerplate=tuple(table["boilerplate"]),
    )
