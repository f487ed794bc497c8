"""The event lexicon: verb and noun patterns and factuality cues, read from tidings' YAML files.

The files live in ``tidings/data/events/`` (``verbs.yaml``, ``nouns.yaml``, ``factuality.yaml``,
``refusals.yaml``, ``intents.yaml``, ``parties.yaml``, ``kinds.yaml``); each says in its header
what an entry holds. A bad entry raises a TableError with file and line. Beneath ``verbs.yaml``
may lie a base layer of verb patterns compiled from the field's dictionaries
(``tidings/data/compiled/``): a verb ``verbs.yaml`` codes in any use, or as a support verb, keeps
only tidings' own patterns; one it codes only in some constructions also takes the compiled
constructions its own do not cover.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import yaml

from tidings.codebook import cameo_codebook
from tidings.tables import TableError, packaged, read_tsv, read_yaml, sector_codes

if TYPE_CHECKING:
    from spacy.tokens import Token

LEXICON_DIR = "events"
VERBS_FILE = "verbs.yaml"
NOUNS_FILE = "nouns.yaml"
FACTUALITY_FILE = "factuality.yaml"
REFUSALS_FILE = "refusals.yaml"
INTENTS_FILE = "intents.yaml"
PARTIES_FILE = "parties.yaml"
KINDS_FILE = "kinds.yaml"
# The files of a lexicon directory, in the order load_lexicon reads them.
LEXICON_FILES = (
    VERBS_FILE,
    NOUNS_FILE,
    FACTUALITY_FILE,
    REFUSALS_FILE,
    INTENTS_FILE,
    PARTIES_FILE,
    KINDS_FILE,
)
# The verb patterns compiled from PETRARCH-2's CAMEO dictionary (tidings.dictionaries.phoenix).
BASE_VERBS_FILE = "phoenix_verbs.tsv"

# The kind a verb's argument is of when it has none ("fired" alone; verbs.yaml ``selects``).
NO_ARGUMENT = "none"
DEFAULT_TARGET_PREPS = ("with", "against", "to", "toward", "towards", "on", "upon", "into", "at")
DEFAULT_NOUN_TARGET_PREPS = ("on", "against", "with", "to", "toward", "towards", "into")

_VERB_KEYS = {
    "id",
    "verbs",
    "code",
    "object",
    "prep",
    "xcomp",
    "modal",
    "inverse",
    "attributed",
    "transitive",
    "announces",
    "target_preps",
    "selects",
    "rejects",
    "clause_roots",
}
_NOUN_KEYS = {"id", "nouns", "code", "target_preps", "of", "between", "carried_by"}
_CUE_KEYS = {
    "negation",
    "negating_verbs",
    "presupposing_prepositions",
    "future_auxiliaries",
    "future_verbs",
    "hypothetical_modals",
    "hypothetical_verbs",
    "attempt_verbs",
    "attempted_roots",
    "conditional_marks",
    "hypothetical_modifiers",
    "future_modifiers",
    "reported_modifiers",
    "reported_adverbs",
    "reported_prepositions",
    "reported_passive_verbs",
    "alleging_verbs",
    "speech_verbs",
    "reported_future_modals",
    "aspectual_verbs",
    "intending_verbs",
}


@dataclass(frozen=True)
class VerbPattern:
    """A verb (or phrasal verb) that codes a CAMEO event, with optional conditions."""

    rule: str
    verb: str
    code: str
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    xcomps: frozenset[str] = frozenset()
    inverse: bool = False
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    attributed: bool = False
    transitive: bool = False
    modals: frozenset[str] = frozenset()
    # "is ready to send troops": the "to ..." clause names the subject's own act, announced.
    announces: bool = False
    # The kinds (kinds.yaml) the verb's argument must be, or must not be, in this sense.
    selects: frozenset[str] = frozenset()
    rejects: frozenset[str] = frozenset()
    # The CAMEO roots one of which the act of its "that ..." clause must have ("claimed that
    # Russia shelled Kharkiv").
    clause_roots: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets: the most specific fitting pattern wins."""
        conditions = (
            self.objects,
            self.preps,
            self.xcomps,
            self.modals,
            self.selects,
            self.clause_roots,
        )
        return sum(bool(condition) for condition in conditions) + self.transitive

    @property
    def lemma(self) -> str:
        """The verb's lemma without its particle."""
        return self.verb.split()[0]

    @property
    def particle(self) -> str | None:
        """The particle of a phrasal verb ("off" in "call off"), else None."""
        parts = self.verb.split(maxsplit=1)
        return parts[1] if len(parts) > 1 else None


@dataclass(frozen=True)
class NounPattern:
    """A noun that names a CAMEO event ("attack", "meeting")."""

    rule: str
    noun: str
    code: str
    target_preps: tuple[str, ...] = DEFAULT_NOUN_TARGET_PREPS
    of_role: str | None = None
    # "a mediation between X and Y": both are acted on; in "talks between X and Y" X is the
    # source and Y the target.
    between_targets: bool = False
    # The verbs whose object the noun must be for this pattern ("staged a strike"); empty for any.
    carried_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Kind:
    """A kind of thing a verb may act on (kinds.yaml): nouns that name an actor, that carry
    one of its entity labels, or whose lemma it lists."""

    name: str
    nouns: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    actors: bool = False


@dataclass(frozen=True)
class FactualityCues:
    """Words that mark an event as negated, hypothetical, future or reported."""

    negation: frozenset[str]
    negating_verbs: frozenset[str]
    presupposing_prepositions: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    attempted_roots: frozenset[str]
    conditional_marks: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    reported_modifiers: frozenset[str]
    reported_adverbs: frozenset[str]
    reported_prepositions: frozenset[str]
    reported_passive_verbs: frozenset[str]
    alleging_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    reported_future_modals: frozenset[str]
    aspectual_verbs: frozenset[str]
    intending_verbs: frozenset[str]


@dataclass(frozen=True)
class Parties:
    """Sectors of home-bound authorities, of governments, and of actors that take their event
    partner's country beside them; the CAMEO roots of contention; the codes and words of mutual
    acts; the roots of acts that several countries do with one another."""

    home_bound: frozenset[str]
    governing: frozenset[str]
    domestic: frozenset[str]
    contention_roots: frozenset[str]
    mutual_codes: frozenset[str]
    mutual_words: frozenset[str]
    joint_roots: frozenset[str] = frozenset()
    joint_codes: Mapping[str, str] = field(default_factory=dict)
    linked_codes: Mapping[str, str] = field(default_factory=dict)
    placed_roots: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Verb and noun patterns indexed by lemma, the support verbs and the factuality cues."""

    verbs: Mapping[str, tuple[VerbPattern, ...]]
    nouns: Mapping[str, tuple[NounPattern, ...]]
    support_verbs: frozenset[str]
    cues: FactualityCues
    parties: Parties
    means: frozenset[str] = frozenset()
    bombs: frozenset[str] = frozenset()
    named_by_means: frozenset[str] = frozenset()
    participation: frozenset[str] = frozenset()
    event_heads: frozenset[str] = frozenset()
    refusal_codes: Mapping[str, str] = field(default_factory=dict)
    refusing_auxiliaries: frozenset[str] = frozenset()
    intent_codes: Mapping[str, str] = field(default_factory=dict)
    committing_roots: frozenset[str] = frozenset()
    threatening_roots: frozenset[str] = frozenset()
    kinds: Mapping[str, Kind] = field(default_factory=dict)
    sources: tuple[Path, ...] = field(default=())
    # Whether the compiled verbs verbs.yaml does not code were read too (load_lexicon).
    base_only_verbs: bool = False

    def verb_patterns(self, lemma: str, particle: str | None) -> tuple[VerbPattern, ...]:
        """Patterns for a verb; a phrasal verb's own patterns take precedence over its base's."""
        if particle is not None:
            # A particle the lexicon does not list makes another verb: "back away" is no "back".
            return self.verbs.get(f"{lemma} {particle}", ())
        return tuple(p for p in self.verbs.get(lemma, ()) if p.particle is None)

    def noun_patterns(self, lemma: str) -> tuple[NounPattern, ...]:
        """Patterns for a noun lemma (or a two-word compound such as "air strike")."""
        return self.nouns.get(lemma, ())

    def noun_pattern(self, lemma: str, carrier: Iterable[str]) -> NounPattern | None:
        """The pattern for a noun lemma as the object of a verb (``carrier``, the verb's forms):
        the one that verb selects ("staged a strike"), else the one any verb may carry."""
        found = self.nouns.get(lemma, ())
        forms = frozenset(carrier)
        chosen = next((p for p in found if forms & p.carried_by), None)
        return chosen or next((p for p in found if not p.carried_by), None)


# Each candidate word of each article asks, mostly for the same few thousand words.
@lru_cache(maxsize=1 << 16)
def word_forms(lemma: str, text: str) -> tuple[str, ...]:
    """The lemma, the word, and the word's regular base forms: the statistical lemmatizer
    sometimes errs ("hopes" -> "hop"), and a lexicon lookup should not depend on it."""
    word = text.lower()
    forms = [lemma.lower(), word]
    for suffix, replacements in (
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.extend(word[: -len(suffix)] + r for r in replacements)
    return tuple(dict.fromkeys(forms))


def verb_forms(token: Token) -> set[str]:
    """A word's forms (``word_forms``) and, with its particle, the phrasal verb it makes
    ("give up")."""
    forms = set(word_forms(token.lemma_, token.text))
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return forms | {f"{form} {particle}" for form in forms for particle in particles}


def inflections(lemma: str) -> set[str]:
    """The regular inflected forms of a lemma ("accuse" -> "accuses", "accused", "accusing")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    forms |= {stem + "ing", stem + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_Pattern = TypeVar("_Pattern", VerbPattern, NounPattern)


def packaged_base_verbs() -> Path:
    """The compiled base layer of verb patterns shipped with tidings."""
    return packaged(f"compiled/{BASE_VERBS_FILE}")


def load_lexicon(
    directory: Path | None = None,
    *,
    base_verbs: Path | None = None,
    base_only_verbs: bool = False,
) -> Lexicon:
    """Read the lexicon from ``directory`` (default: the one shipped with tidings), with the
    compiled verb patterns of ``base_verbs`` beneath its own (none by default): for the verbs
    tidings codes, and with ``base_only_verbs`` for the verbs only the compiled layer codes."""
    folder = directory if directory is not None else packaged(LEXICON_DIR)
    paths = tuple(folder / name for name in LEXICON_FILES)
    verbs_path, nouns_path, cues_path, refusals_path, intents_path, parties_path, kinds_path = paths
    words, nouns = _read_nouns(nouns_path)
    auxiliaries, refusal_codes = _read_refusals(refusals_path)
    intent_codes, committing_roots, threatening_roots = _read_intents(intents_path)
    kinds = _read_kinds(kinds_path)
    verbs = _index(_read_verbs(verbs_path, kinds), key=lambda p: p.verb)
    if base_verbs is not None:
        base = _index(read_base_verbs(base_verbs), key=lambda p: p.verb)
        layered = {
            verb: own + _uncovered(own, base.get(verb, ()), words["support_verbs"])
            for verb, own in verbs.items()
        }
        verbs = {**base, **layered} if base_only_verbs else layered
        paths += (base_verbs,)
    return Lexicon(
        verbs=verbs,
        nouns=_index(nouns, key=lambda p: p.noun),
        support_verbs=words["support_verbs"],
        means=words["means"],
        bombs=words["bombs"],
        named_by_means=words["named_by_means"],
        participation=words["participation"],
        event_heads=words["event_heads"],
        cues=_read_cues(cues_path),
        refusal_codes=refusal_codes,
        refusing_auxiliaries=auxiliaries,
        intent_codes=intent_codes,
        committing_roots=committing_roots,
        threatening_roots=threatening_roots,
        kinds=kinds,
        parties=_read_parties(parties_path),
        sources=paths,
        base_only_verbs=base_verbs is not None and base_only_verbs,
    )


def _uncovered(
    own: tuple[VerbPattern, ...], base: Iterable[VerbPattern], support_verbs: frozenset[str]
) -> tuple[VerbPattern, ...]:
    """The compiled constructions of a verb that tidings' own patterns leave uncoded: none for
    a verb coded in any use, or a support verb (its object noun names the event: "launched a
    campaign"); else those with an object or a preposition that no own entry of the same
    preposition takes."""
    if not own or own[0].verb in support_verbs or any(p.specificity == 0 for p in own):
        return ()
    uncovered = []
    for pattern in base:
        alike = [p for p in own if p.preps == pattern.preps and not (p.xcomps or p.modals)]
        if pattern.preps and any(not p.objects for p in alike):
            continue
        objects = pattern.objects.difference(*(p.objects for p in alike))
        if objects or (pattern.preps and not pattern.objects):
            uncovered.append(replace(pattern, objects=objects))
    return tuple(uncovered)


def _index(
    patterns: Iterable[_Pattern], *, key: Callable[[_Pattern], str]
) -> dict[str, tuple[_Pattern, ...]]:
    index: dict[str, list[_Pattern]] = {}
    for pattern in patterns:
        index.setdefault(key(pattern), []).append(pattern)
    return {word: tuple(found) for word, found in index.items()}


def _entry_lines(path: Path, section: str | None = None) -> list[int]:
    """The 1-based line where each entry of the file's list (or of ``section``) starts."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    if section is not None and isinstance(node, yaml.MappingNode):
        node = next((value for key, value in node.value if key.value == section), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def _words(path: Path, line: int, entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """A string or list of strings under ``key``, lower-cased."""
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        hint = " (quote on/off/yes/no: YAML reads them as true/false)" if _has_bool(value) else ""
        raise TableError(path, line, f"{key!r} must be a word or a list of words{hint}")
    return tuple(v.strip().lower() for v in value)


def _has_bool(value: Any) -> bool:
    return isinstance(value, bool) or (
        isinstance(value, list) and any(isinstance(v, bool) for v in value)
    )


def _checked_code(path: Path, line: int, entry: Mapping[str, Any]) -> str:
    code = entry.get("code")
    if not isinstance(code, str) or code not in cameo_codebook():
        raise TableError(path, line, f"unknown CAMEO code {code!r} (write codes as strings)")
    return code


def _checked_entry(
    path: Path, line: int, entry: Any, allowed: set[str], seen: set[str]
) -> tuple[str, str]:
    """Validate the keys and id of an entry; return (rule id, code)."""
    if not isinstance(entry, dict):
        raise TableError(path, line, "an entry must be a mapping with id, code and words")
    unknown = set(entry) - allowed
    if unknown:
        raise TableError(path, line, f"unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident:
        raise TableError(path, line, "missing 'id'")
    if ident in seen:
        raise TableError(path, line, f"duplicate id {ident!r}")
    seen.add(ident)
    return f"{path.name}:{ident}", _checked_code(path, line, entry)


def _read_verbs(path: Path, kinds: Mapping[str, Kind]) -> list[VerbPattern]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise TableError(path, 1, "verbs.yaml must be a list of entries")
    lines = _entry_lines(path)
    seen: set[str] = set()
    patterns: list[VerbPattern] = []
    conditions: dict[tuple[str, str], tuple[int, frozenset[str]]] = {}
    for position, entry in enumerate(data):
        line = lines[position] if position < len(lines) else 0
        rule, code = _checked_entry(path, line, entry, _VERB_KEYS, seen)
        for flag in ("inverse", "attributed", "transitive", "announces"):
            if not isinstance(entry.get(flag, False), bool):
                raise TableError(path, line, f"{flag!r} must be true or false")
        objects = frozenset(_words(path, line, entry, "object"))
        xcomps = frozenset(_words(path, line, entry, "xcomp"))
        modals = frozenset(_words(path, line, entry, "modal"))
        preps = _words(path, line, entry, "prep")
        target_preps = _words(path, line, entry, "target_preps") or DEFAULT_TARGET_PREPS
        selects, rejects = (_kinds(path, line, entry, key, kinds) for key in ("selects", "rejects"))
        clause_roots = _cameo_codes(path, entry, "clause_roots", roots=True, line=line)
        for verb in _words(path, line, entry, "verbs") or _missing(path, line, "verbs"):
            pattern = VerbPattern(
                rule,
                verb,
                code,
                objects,
                preps,
                xcomps,
                entry.get("inverse", False),
                target_preps,
                entry.get("attributed", False),
                entry.get("transitive", False),
                modals,
                entry.get("announces", False),
                selects,
                rejects,
                clause_roots,
            )
            _check_unambiguous(path, line, pattern, conditions)
            patterns.append(pattern)
    return patterns


def _kinds(
    path: Path, line: int, entry: Mapping[str, Any], key: str, kinds: Mapping[str, Kind]
) -> frozenset[str]:
    """An entry's list of kinds, each defined in kinds.yaml (or ``NO_ARGUMENT``)."""
    named = frozenset(_words(path, line, entry, key))
    unknown = sorted(named - set(kinds) - {NO_ARGUMENT})
    if unknown:
        raise TableError(path, line, f"{key}: unknown kinds {unknown}; known: {sorted(kinds)}")
    return named


def read_base_verbs(path: Path) -> list[VerbPattern]:
    """Read compiled verb patterns (TSV: verb, prep, objects separated by "|", code, source)."""
    patterns = []
    for line, row in read_tsv(path):
        verb = row.get("verb", "").strip()
        if not verb or len(verb.split()) > 2:
            raise TableError(path, line, f"{verb!r} is not a verb or a verb and its particle")
        code = _checked_code(path, line, row)
        objects = frozenset(word for word in row.get("objects", "").split("|") if word)
        preps = tuple(row["prep"].split()) if row.get("prep") else ()
        patterns.append(VerbPattern(f"{path.name}:{line}", verb, code, objects, preps))
    return patterns


def _check_unambiguous(
    path: Path,
    line: int,
    pattern: VerbPattern,
    conditions: dict[tuple[str, str], tuple[int, frozenset[str]]],
) -> None:
    """Two patterns of one verb with the same kind of condition must not overlap."""
    kind = (
        f"{sorted(pattern.preps)}|{bool(pattern.objects)}|{bool(pattern.xcomps)}"
        f"|{pattern.transitive}|{bool(pattern.modals)}"
        f"|{sorted(pattern.selects)}|{sorted(pattern.rejects)}|{bool(pattern.clause_roots)}"
    )
    words = pattern.objects | pattern.xcomps | pattern.modals or frozenset({"*"})
    earlier = conditions.get((pattern.verb, kind))
    if earlier is not None and earlier[1] & words:
        raise TableError(
            path,
            line,
            f"{pattern.verb!r} overlaps the entry on line {earlier[0]} "
            f"({sorted(earlier[1] & words)}): which code applies would be arbitrary",
        )
    conditions[(pattern.verb, kind)] = (line, words | (earlier[1] if earlier else frozenset()))


def _missing(path: Path, line: int, key: str) -> NoReturn:
    raise TableError(path, line, f"missing {key!r}")


def _read_nouns(path: Path) -> tuple[dict[str, frozenset[str]], list[NounPattern]]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("nouns"), list):
        raise TableError(path, 1, "nouns.yaml must hold 'support_verbs' and a list 'nouns'")
    words = {
        key: frozenset(_words(path, 1, data, key))
        for key in ("support_verbs", "participation", "means", "bombs", "event_heads")
    }
    words["named_by_means"] = _cameo_codes(path, data, "named_by_means", roots=False)
    lines = _entry_lines(path, "nouns")
    seen: set[str] = set()
    claimed: dict[tuple[str, frozenset[str]], int] = {}
    patterns: list[NounPattern] = []
    for position, entry in enumerate(data["nouns"]):
        line = lines[position] if position < len(lines) else 0
        rule, code = _checked_entry(path, line, entry, _NOUN_KEYS, seen)
        of_role = entry.get("of")
        if of_role not in (None, "source", "target"):
            raise TableError(path, line, "'of' must be 'source' or 'target'")
        between = entry.get("between")
        if between not in (None, "source and target", "targets"):
            raise TableError(path, line, "'between' must be 'source and target' or 'targets'")
        target_preps = _words(path, line, entry, "target_preps") or DEFAULT_NOUN_TARGET_PREPS
        carried_by = frozenset(_words(path, line, entry, "carried_by"))
        for noun in _words(path, line, entry, "nouns") or _missing(path, line, "nouns"):
            key = (noun, carried_by)
            if key in claimed:
                raise TableError(path, line, f"{noun!r} is already coded on line {claimed[key]}")
            claimed[key] = line
            patterns.append(
                NounPattern(
                    rule, noun, code, target_preps, of_role, between == "targets", carried_by
                )
            )
    return words, patterns


def _read_kinds(path: Path) -> dict[str, Kind]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise TableError(path, 1, "kinds.yaml must be a mapping of kinds")
    kinds: dict[str, Kind] = {}
    for name, entry in data.items():
        line = _key_line(path, str(name))
        if not isinstance(entry, dict) or set(entry) - {"nouns", "entities", "actors"}:
            raise TableError(path, line, f"{name!r} must hold nouns, entities or actors")
        if not isinstance(entry.get("actors", False), bool):
            raise TableError(path, line, "'actors' must be true or false")
        entities = frozenset(label.upper() for label in _words(path, line, entry, "entities"))
        nouns = frozenset(_words(path, line, entry, "nouns"))
        kinds[str(name)] = Kind(str(name), nouns, entities, entry.get("actors", False))
    return kinds


def _read_parties(path: Path) -> Parties:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise TableError(path, 1, "parties.yaml must hold 'home_bound' and 'domestic'")
    home_bound, governing, domestic = (
        frozenset(sector_codes(data.get(key), path, 1))
        for key in ("home_bound", "governing", "domestic")
    )
    return Parties(
        home_bound,
        governing,
        domestic,
        _cameo_codes(path, data, "contention_roots", roots=True),
        _cameo_codes(path, data, "mutual_codes", roots=False),
        frozenset(_words(path, _key_line(path, "mutual_words"), data, "mutual_words")),
        _cameo_codes(path, data, "joint_roots", roots=True),
        _read_code_map(path, data, prefix_lengths=(3, 4), section="joint_codes"),
        _read_code_map(path, data, prefix_lengths=(3, 4), section="linked_codes"),
        _cameo_codes(path, data, "placed_roots", roots=True),
    )


def _read_cues(path: Path) -> FactualityCues:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise TableError(path, 1, "factuality.yaml must be a mapping of cue lists")
    unknown, missing = set(data) - _CUE_KEYS, _CUE_KEYS - set(data)
    if unknown or missing:
        raise TableError(path, 1, f"unknown keys {sorted(unknown)}, missing {sorted(missing)}")
    lists = {key: frozenset(_words(path, 1, data, key)) for key in sorted(_CUE_KEYS)}
    return FactualityCues(**lists)


def _read_refusals(path: Path) -> tuple[frozenset[str], dict[str, str]]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("codes"), dict):
        raise TableError(path, 1, "refusals.yaml must hold 'refusing_auxiliaries' and 'codes'")
    line = _key_line(path, "refusing_auxiliaries")
    auxiliaries = frozenset(_words(path, line, data, "refusing_auxiliaries"))
    return auxiliaries, _read_code_map(path, data, prefix_lengths=(2,))


def _read_intents(path: Path) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = read_yaml(path)
    return (
        _read_code_map(path, data, prefix_lengths=(2, 3, 4)),
        _cameo_codes(path, data, "committing_roots", roots=True),
        _cameo_codes(path, data, "threatening_roots", roots=True),
    )


def _cameo_codes(
    path: Path, data: Mapping[str, Any], key: str, *, roots: bool, line: int | None = None
) -> frozenset[str]:
    """A table's (or, at ``line``, an entry's) list of CAMEO codes, or of two-digit roots, each
    checked against CAMEO."""
    line = _key_line(path, key) if line is None else line
    codes = frozenset(_words(path, line, data, key))
    unknown = sorted(
        code for code in codes if code not in cameo_codebook() or (roots and len(code) != 2)
    )
    if unknown:
        kind = "two-digit CAMEO roots" if roots else "CAMEO codes"
        raise TableError(path, line, f"{key} must be {kind}: {unknown}")
    return codes


def _read_code_map(
    path: Path, data: Any, *, prefix_lengths: tuple[int, ...], section: str = "codes"
) -> dict[str, str]:
    """A mapping ``section`` of a table's ``data`` from CAMEO codes (of the given lengths) to
    CAMEO codes."""
    if not isinstance(data, dict) or not isinstance(data.get(section), dict):
        raise TableError(path, 1, f"{path.name} must hold a mapping {section!r}")
    codes: dict[str, str] = {}
    lines = _mapping_lines(path, section)
    for key, code in data[section].items():
        line = lines.get(str(key), 0)
        if (
            not isinstance(key, str)
            or len(key) not in prefix_lengths
            or key not in cameo_codebook()
        ):
            raise TableError(
                path, line, f"{key!r} is not a CAMEO code here (write codes as strings)"
            )
        codes[key] = _checked_code(path, line, {"code": code})
    return codes


def _key_line(path: Path, key: str) -> int:
    """The 1-based line of a top-level key (1 where there is none)."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    if isinstance(node, yaml.MappingNode):
        for name, _ in node.value:
            if name.value == key:
                return int(name.start_mark.line) + 1
    return 1


def _mapping_lines(path: Path, section: str) -> dict[str, int]:
    """The 1-based line of each key in a top-level mapping ``section``."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    if not isinstance(node, yaml.MappingNode):
        return {}
    inner = next((value for key, value in node.value if key.value == section), None)
    if not isinstance(inner, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in inner.value}
