"""Which words are event triggers: lexicon patterns and the conditions they set on the parse."""

from __future__ import annotations

from collections.abc import Mapping

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from tidings.events.lexicon import (
    NO_ARGUMENT,
    Kind,
    Lexicon,
    NounPattern,
    VerbPattern,
    inflections,
    verb_forms,
    word_forms,
)
from tidings.events.syntax import (
    direct_object,
    first_child,
    object_words,
    particle_of,
    partitive_chain,
    prep_objects,
)

# Participles that describe a noun ("the proposed deal", "targeted killings") are not events.
DESCRIPTIVE_DEPS = ("amod",)
# An xcomp condition met by any clause the verb governs (verbs.yaml).
ANY_CLAUSE = "*"
# Adjectives that code an event like a verb ("is willing to withdraw", "was optimistic").
ADJECTIVE_DEPS = ("acomp", "xcomp", "ROOT", "conj", "ccomp")


def among(values: numpy.ndarray, sorted_ids: numpy.ndarray) -> numpy.ndarray:
    """Which values occur in a sorted id array (a binary search; no re-sorting per Doc)."""
    positions = numpy.minimum(numpy.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    found: numpy.ndarray = sorted_ids[positions] == values
    return found


def condition_object(pattern: VerbPattern, verb: Token) -> Token | None:
    """The noun a pattern is about: the one an ``object`` condition names, or the object of a
    ``prep`` condition ("called for sanctions"), which is then no event of its own."""
    if not pattern.objects:
        if pattern.preps:
            return next((obj for _, obj in prep_objects(verb, pattern.preps)), None)
        return None
    candidates: list[Token | None] = [direct_object(verb)]
    if pattern.preps:
        candidates = [*(obj for _, obj in prep_objects(verb, pattern.preps)), *candidates]
    for candidate in candidates:
        for noun in partitive_chain(candidate):
            if object_words(noun) & pattern.objects:
                return noun
    return None


def is_of_kind(noun: Token, kind: Kind) -> bool:
    """Whether a noun is of a kind: names an actor, carries one of its entity labels, or is
    one of its nouns (or their compound: "election victory")."""
    if noun.ent_type_ in kind.entities:
        return True
    if kind.actors and any(m.start <= noun.i < m.end for m in noun.doc._.actor_mentions or ()):
        return True
    words = set(word_forms(noun.lemma_, noun.text))
    words |= {
        f"{c.lemma_.lower()} {noun.lemma_.lower()}" for c in noun.children if c.dep_ == "compound"
    }
    return bool(words & kind.nouns)


def argument_kinds(pattern: VerbPattern, verb: Token, kinds: Mapping[str, Kind]) -> set[str]:
    """The kinds, of those a pattern selects or rejects, of the verb's argument: the object of
    the pattern's ``prep``, else the direct object; ``NO_ARGUMENT`` when there is none."""
    if not (pattern.selects or pattern.rejects):
        return set()
    if pattern.preps:
        arguments = [obj for _, obj in prep_objects(verb, pattern.preps)]
    elif any(c.dep_ == "prep" and c.n_rights + c.n_lefts == 0 for c in verb.children):
        arguments = []  # "was fired upon": the subject is what the preposition aims at
    else:
        arguments = [obj] if (obj := direct_object(verb)) is not None else []
    if not arguments:
        return {NO_ARGUMENT}
    named = (pattern.selects | pattern.rejects) - {NO_ARGUMENT}
    return {name for name in named if any(is_of_kind(a, kinds[name]) for a in arguments)}


def conditions_hold(pattern: VerbPattern, verb: Token) -> bool:
    if pattern.transitive and direct_object(verb) is None:
        return False
    # Which act the clause names is known once its own trigger is coded (extract.py).
    if pattern.clause_roots and first_child(verb, "ccomp") is None:
        return False
    if pattern.preps and not any(True for _ in prep_objects(verb, pattern.preps)):
        return False
    if pattern.objects and condition_object(pattern, verb) is None:
        return False
    if pattern.modals and not any(
        aux.dep_ == "aux" and aux.lower_ in pattern.modals
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for aux in clause.children
    ):
        return False
    if pattern.xcomps:
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp")]
        obj = first_child(verb, "dobj")
        if obj is not None:
            # "held Hamas responsible" is often parsed with the predicate on the object.
            clauses += [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
        if not any(
            c.lemma_.lower() in pattern.xcomps or ANY_CLAUSE in pattern.xcomps for c in clauses
        ):
            return False
    return True


PLAIN_PATTERN = VerbPattern(rule="", verb="", code="")


class Triggers:
    """Finds the words of a Doc that may trigger an event and the lexicon pattern each fits."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        words = {key.split()[0] for key in (*lexicon.verbs, *lexicon.nouns)}
        words |= {key.split()[-1] for key in lexicon.nouns}
        # String ids are hashes of the text, the same in every vocabulary.
        strings = StringStore()
        forms = {form for word in words for form in inflections(word)}
        self._lemma_ids = numpy.array(sorted(strings.add(w) for w in words), dtype=numpy.uint64)
        self._form_ids = numpy.array(sorted(strings.add(f) for f in forms), dtype=numpy.uint64)

    def candidates(self, doc: Doc) -> list[Token]:
        """Tokens whose lemma or form is in the lexicon (one vectorised pass, for speed)."""
        if len(doc) == 0:
            return []
        ids = doc.to_array([LOWER, LEMMA])
        hits = among(ids[:, 0], self._form_ids) | among(ids[:, 1], self._lemma_ids)
        found = [doc[int(i)] for i in numpy.nonzero(hits)[0]]
        # "a mediation effort": the head noun carries the event its modifier names.
        heads = [t.head for t in found if t.dep_ == "compound"]
        return sorted(set(found) | set(heads), key=lambda t: t.i)

    def matching_verb_pattern(self, verb: Token) -> VerbPattern | None:
        """The most specific verb pattern whose conditions hold for this verb, if any."""
        adjective = verb.tag_ == "JJ" and verb.dep_ in ADJECTIVE_DEPS
        if not (verb.tag_.startswith("VB") or adjective) or verb.dep_ in DESCRIPTIVE_DEPS:
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return None
        if verb.tag_ in ("VBN", "VBG") and any(c.dep_ == "det" for c in verb.children):
            return None  # "evacuated the wounded": a participle as a noun names people
        particle = particle_of(verb)
        patterns: tuple[VerbPattern, ...] = ()
        for form in word_forms(verb.lemma_, verb.text):
            patterns = self.lexicon.verb_patterns(
                form, particle.lower_ if particle is not None else None
            )
            if patterns:
                break
        fitting = [p for p in patterns if conditions_hold(p, verb)]
        found = {p: argument_kinds(p, verb, self.lexicon.kinds) for p in fitting}
        # A construction whose argument is of a kind it rejects uses the verb in another
        # sense: no less specific pattern reads it ("met with criticism" is no meeting).
        rejected = [p.specificity for p in fitting if found[p] & p.rejects]
        floor = max(rejected, default=-1)
        fitting = [
            p
            for p in fitting
            if p.specificity >= floor
            and not found[p] & p.rejects
            and (not p.selects or found[p] & p.selects)
        ]
        return max(fitting, key=lambda p: p.specificity, default=None)

    def matching_noun_pattern(self, noun: Token) -> NounPattern | None:
        """The noun pattern for a noun (a two-word compound such as "air strike" first)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = noun.lemma_.lower()
        head = noun.head
        carrier = word_forms(head.lemma_, head.text) if noun.dep_ == "dobj" else ()
        for modifier in noun.children:
            # Two-word event nouns: "air strike", "military operation".
            if modifier.dep_ in ("compound", "amod") and modifier.i == noun.i - 1:
                found = self.lexicon.noun_pattern(f"{modifier.lemma_.lower()} {lemma}", carrier)
                if found:
                    return found
        found = self.lexicon.noun_pattern(lemma, carrier)
        if found:
            return found
        if lemma not in self.lexicon.event_heads:
            return None
        # "a mediation effort", "the aid programme": the modifier names the event.
        for child in noun.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                found = self.lexicon.noun_pattern(child.lemma_.lower(), carrier)
                if found:
                    return found
        return None

    def participation(self, noun: Token) -> Token | None:
        """The verb through which its subject takes part in a nominal event: "engaged in ethnic
        cleansing", "took part in the protests", "arrived for talks" (nouns.yaml)."""
        if noun.dep_ != "pobj":
            return None
        preposition, verb = noun.head.lower_, noun.head.head
        if verb.lower_ == "part" and verb.dep_ == "dobj":
            verb = verb.head  # "took part in"
        part = first_child(verb, "dobj")
        words = verb_forms(verb)
        if part is not None and part.lower_ == "part":
            words |= {f"{form} part" for form in words}
        phrases = {f"{word} {preposition}" for word in words}
        return verb if phrases & self.lexicon.participation else None

    def is_support_verb(self, verb: Token) -> bool:
        return bool(verb_forms(verb) & self.lexicon.support_verbs)
