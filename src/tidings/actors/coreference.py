"""Rule-based coreference inside one article: pronouns, surnames, titles and descriptions.

Deterministic and fast: every decision looks back over the actors already mentioned, most
recent first, and prefers the subject of a clause, as readers of news do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tidings.actors.knowledge import ActorTables, Description
from tidings.records import Actor

# How many sentences back a pronoun may look for its antecedent.
PRONOUN_REACH = 4
GROUP_SECTORS = {"REB", "PTY", "OPP", "IGO", "NGO"}
# "it" refers back less far than "he": texts name a country or body again sooner.
THING_REACH = 1
THING_KINDS = {"country", "organisation", "group", "media"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# An object pronoun is not its own clause's subject ("the rebels freed them"), nor that of the
# clause whose subject its verb shares: a conjoined verb, or a verb of no subject of its own
# ("released two men a day after abducting them").
OBJECT_DEPS = {"dobj", "dative", "iobj", "pobj"}
SHARED_SUBJECT_DEPS = {"conj", "xcomp", "advcl", "pcomp"}


@dataclass(frozen=True)
class Referent:
    """What a mention refers to: one actor, or several ("Egypt and Qatar")."""

    actor: Actor | None
    rule: str
    kind: str
    gender: str | None = None
    members: tuple[Actor, ...] = ()
    named: bool = False
    # A gender guessed from a first name: a preference, not a constraint ("Darian" is both).
    guessed_gender: str | None = None


@dataclass(frozen=True)
class Entry:
    """A resolved mention, as a possible antecedent for later ones."""

    referent: Referent
    head: Token
    is_subject: bool
    quoted: bool
    text: str = ""


class Antecedents:
    """The actors mentioned so far in an article, in order."""

    def __init__(self, doc: Doc, full_names: Sequence[tuple[int, Actor]] = ()) -> None:
        # Token index -> start of its sentence: ``token.sent`` rebuilds the sentence each call.
        self._sentence = [0] * len(doc)
        for sentence in doc.sents:
            self._sentence[sentence.start : sentence.end] = [sentence.start] * len(sentence)
        # Named people by the first and the last word of their names, in order of mention: a
        # name is looked up for most mentions, and articles name many people.
        self._named: dict[str, list[Referent]] = {}
        self._missed: dict[str, list[tuple[int, Actor]]] = {}
        for start, actor in full_names:
            for word in _ends(actor.name.split()):
                self._missed.setdefault(word, []).append((start, actor))
        # Organisations by what may stand for them alone: the first word or the initials.
        self._organisations: dict[str, list[Entry]] = {}
        self.entries: list[Entry] = []
        self._by_head: dict[int, Referent] = {}
        self._genders: dict[Actor, str] = {}

    def add(self, entry: Entry) -> None:
        """Remember a mention; the last of conjoined actors also adds the group."""
        self.entries.append(entry)
        self._by_head[entry.head.i] = entry.referent
        if entry.referent.named:
            for word in _ends(_words(entry.referent)):
                self._named.setdefault(word, []).append(entry.referent)
        if entry.referent.kind == "organisation":
            for short in _short_names(entry.referent):
                self._organisations.setdefault(short, []).append(entry)
        if entry.head.dep_ != "conj":
            return
        first = entry.head
        while first.dep_ == "conj":
            first = first.head
        chain = sorted([first, *first.conjuncts], key=lambda t: t.i)
        referents = [self._by_head[t.i] for t in chain if t.i in self._by_head]
        members = tuple(dict.fromkeys(r.actor for r in referents if r.actor is not None))
        if len(members) >= 2:
            kinds = {r.kind for r in referents}
            kind = kinds.pop() if len(kinds) == 1 else "any"
            group = Referent(None, "conjunction", kind, None, members)
            self.entries.append(replace(entry, referent=group))

    def person(self, pronoun: Token, gender: str, quoted: bool) -> Referent | None:
        """The person a he/she pronoun refers to: "X said she ..." is X; otherwise the most
        salient named person whose (guessed) gender fits."""
        people = [
            e
            for e in self._recent(pronoun, PRONOUN_REACH, pronoun)
            if e.referent.kind == "person"
            and e.referent.actor is not None
            and e.head.tag_ not in ("NNS", "NNPS")
            and self._gender_of(e.referent) in (None, gender)
        ]
        speakers = [
            e
            for e in people
            if self._sentence[e.head.i] == self._sentence[pronoun.i]
            and e.is_subject
            and e.referent.named
            and e.quoted == quoted
            and e.head.head.i < pronoun.i
            and pronoun.head.head == e.head.head
        ]
        fitting = [
            e
            for e in people
            if (self._gender_of(e.referent) or e.referent.guessed_gender) in (None, gender)
        ]
        tiers = (
            speakers,
            [e for e in fitting if e.referent.named],
            fitting,
            [e for e in people if e.referent.named],
            people,
        )
        chosen = next((c for c in (self._salient(t, pronoun, quoted) for t in tiers) if c), None)
        if chosen is None:
            # No one fits nearby: the last person of this gender named anywhere before.
            chosen = next(
                (
                    e
                    for e in reversed(self._before(pronoun))
                    if e.referent.kind == "person"
                    and e.head.i not in _coarguments(pronoun)
                    and e.referent.named
                    and (self._gender_of(e.referent) or e.referent.guessed_gender) == gender
                ),
                None,
            )
        if chosen is None or chosen.referent.actor is None:
            return None
        if quoted:
            # A speaker's "he" may be someone the article never names: it teaches no gender.
            return replace(chosen.referent, rule="coref:pronoun")
        self._genders.setdefault(chosen.referent.actor, gender)
        return replace(chosen.referent, rule="coref:pronoun", gender=gender)

    def plural(self, pronoun: Token, quoted: bool) -> Referent | None:
        """The group or several actors a they/them pronoun refers to."""
        groups = [
            e
            for e in self._recent(pronoun, PRONOUN_REACH, pronoun)
            if e.referent.members
            or e.referent.kind in ("group", "organisation", "media")
            # A people named by its plural demonym: "Bosnian Serbs said their forces ...".
            or (e.referent.kind == "country" and e.head.tag_ in ("NNS", "NNPS"))
        ]
        decided, chosen = self._speaking(groups, pronoun, plural=True)
        if not decided:
            chosen = self._salient(groups, pronoun, quoted)
        return replace(chosen.referent, rule="coref:pronoun") if chosen else None

    def thing(self, pronoun: Token, quoted: bool) -> Referent | None:
        """The country or organisation an it/its pronoun refers to, in this or the last sentence."""
        things = [
            e
            for e in self._recent(pronoun, THING_REACH, pronoun)
            if e.referent.kind in THING_KINDS
            and e.referent.actor is not None
            and not e.referent.members
            and e.head.tag_ not in ("NNS", "NNPS")
        ]
        decided, chosen = self._speaking(things, pronoun, plural=False)
        if not decided:
            chosen = self._salient(things, pronoun, quoted)
        return replace(chosen.referent, rule="coref:pronoun") if chosen else None

    def person_named(self, name: str, head: Token) -> Referent | None:
        """An earlier person of this name, or whose full name ends with it ("Blinken"); else a
        person named in full before ``head``, though not resolved as an actor there; else one
        whose name begins with this one word, unless it is a place ("Kim" for Kim Jong-un,
        "Hua" for Hua Chunying: the family name first)."""
        words = name.split()
        for referent in reversed(self._named.get(words[-1], [])):
            full = _words(referent)
            if full == words:
                return replace(referent, rule="coref:name")
            if len(full) > len(words) and full[-len(words) :] == words:
                return replace(referent, rule="coref:surname")
        for start, actor in reversed(self._missed.get(words[-1], [])):
            full = actor.name.split()
            if start < head.i and len(full) > len(words) and full[-len(words) :] == words:
                return Referent(actor, "coref:surname", "person", named=True)
        if len(words) > 1 or head.ent_type_ in PLACE_ENTITIES:
            return None
        missed = [
            Referent(actor, "coref:first-name", "person", named=True)
            for start, actor in reversed(self._missed.get(words[0], []))
            if start < head.i
        ]
        for referent in [*reversed(self._named.get(words[0], [])), *missed]:
            full = _words(referent)
            if len(full) > 1 and full[0] == words[0]:
                return replace(referent, rule="coref:first-name")
        return None

    def organisation_named(self, name: str, token: Token) -> Referent | None:
        """An earlier organisation this one word stands for: the first word of its name
        ("Suncor" for Suncor Energy) or its initials ("EDC" for Export Development Canada)."""
        for entry in reversed(self._organisations.get(name, [])):
            if entry.head.i < token.i:
                return replace(entry.referent, rule="coref:short-name")
        return None

    def titled(self, title: str, tables: ActorTables) -> Referent | None:
        """An earlier person holding this title ("the Secretary of State")."""
        title = title.removeprefix("the ").strip()
        for entry in reversed(self.entries):
            actor = entry.referent.actor
            if entry.referent.kind != "person" or actor is None:
                continue
            known = tables.known.get(actor.known_id or "")
            titles = known.titles() if known else set()
            if title in titles or title in entry.text.lower():
                return replace(entry.referent, rule="coref:title")
        return None

    def described(self, head: Token, description: Description) -> Referent | None:
        """The earlier actor(s) a definite description ("the terrorist group") refers to; for
        "the country" where none was named, the country of the most salient actor."""
        for entry in reversed(self._before(head)):
            referent = entry.referent
            if description.plural != bool(referent.members):
                continue
            if description.kind in ("any", referent.kind) or _is_group(description, referent):
                return replace(referent, rule="coref:description")
        if description.kind == "country" and not description.plural:
            return self._country_of_actor(head)
        return None

    def _country_of_actor(self, head: Token) -> Referent | None:
        """The country of the most salient actor of the last few sentences, where no country is
        named: "The Nepalese king dismissed the government, and the country's army ..."."""
        placed = [
            e
            for e in self._recent(head, PRONOUN_REACH)
            if e.referent.actor is not None and e.referent.actor.country
        ]
        chosen = self._salient(placed, head, quoted=False)
        if chosen is None or chosen.referent.actor is None:
            return None
        country = chosen.referent.actor.country
        return Referent(Actor(head.text, country), "coref:description-country", "country")

    def described_person(self, head: Token) -> Referent | None:
        """The named person a description of a speaker refers to ("said the rookie
        defenceman"): the most salient one of the last few sentences."""
        people = [
            e
            for e in self._recent(head, PRONOUN_REACH)
            if e.referent.kind == "person" and e.referent.named and e.referent.actor is not None
        ]
        chosen = self._salient(people, head, quoted=False)
        return replace(chosen.referent, rule="coref:description") if chosen else None

    def _speaking(
        self, candidates: list[Entry], pronoun: Token, plural: bool
    ) -> tuple[bool, Entry | None]:
        """Whether the pronoun is the speaker of "X said it/they ...", "X said its forces ...",
        where X agrees in number; and X, if a candidate (it may name no actor)."""
        speaker = _reporting_subject(pronoun)
        if speaker is None or speaker.conjuncts or speaker.pos_ not in ("NOUN", "PROPN"):
            return False, None
        if (speaker.tag_ in ("NNS", "NNPS")) != plural:
            return False, None
        if speaker.i not in self._by_head:
            # "his captors said they ...": the speaker, though no actor; no one else.
            return True, None
        chosen = next((e for e in reversed(candidates) if e.head.i == speaker.i), None)
        return chosen is not None, chosen

    def _before(self, token: Token) -> list[Entry]:
        return [e for e in self.entries if e.head.i < token.i]

    def _recent(self, token: Token, sentences: int, pronoun: Token | None = None) -> list[Entry]:
        """The mentions of the last few sentences before ``token``; none a pronoun cannot
        stand for."""
        excluded = _coarguments(pronoun) if pronoun is not None else set()
        before = [e for e in self._before(token) if e.head.i not in excluded]
        sentence = self._sentence
        starts = sorted({sentence[e.head.i] for e in before} | {sentence[token.i]})
        window = set(starts[-(sentences + 1) :])
        return [e for e in before if sentence[e.head.i] in window]

    def _salient(self, candidates: Iterable[Entry], pronoun: Token, quoted: bool) -> Entry | None:
        """The most salient candidate: in the pronoun's own sentence (and on the same side of any
        quote mark) the nearest subject or else the nearest mention; otherwise the subject of an
        earlier sentence's main clause."""
        candidates = list(candidates)
        sentence = self._sentence
        same = [e for e in candidates if sentence[e.head.i] == sentence[pronoun.i]]
        same = [e for e in same if e.quoted == quoted] or (same if not quoted else [])
        if same:
            subjects = [e for e in same if e.is_subject]
            return (subjects or same)[-1]
        for start in sorted({sentence[e.head.i] for e in candidates}, reverse=True):
            in_sentence = [e for e in candidates if sentence[e.head.i] == start]
            unquoted = [e for e in in_sentence if not e.quoted] or in_sentence
            main = [e for e in unquoted if e.is_subject and e.head.head.dep_ == "ROOT"]
            subjects = [e for e in unquoted if e.is_subject]
            return (main or subjects or unquoted)[-1]
        return None

    def _gender_of(self, referent: Referent) -> str | None:
        if referent.gender is not None:
            return referent.gender
        return self._genders.get(referent.actor) if referent.actor is not None else None


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports the pronoun's clause, before the pronoun."""
    subject = pronoun.head if pronoun.dep_ == "poss" else pronoun
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = subject.head
    if clause.dep_ != "ccomp":
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return speaker if speaker is not None and speaker.i < pronoun.i else None


def _coarguments(pronoun: Token) -> set[int]:
    """The subjects an object pronoun cannot refer to: those of its own clause."""
    if pronoun.dep_ not in OBJECT_DEPS:
        return set()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return {t.i for s in subjects for t in (s, *s.conjuncts)}
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head is verb:
            break
        # "after abducting them": through the preposition to the verb it modifies.
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return set()


def _ends(words: list[str]) -> set[str]:
    return {words[0], words[-1]} if words else set()


def _short_names(referent: Referent) -> set[str]:
    """The first word and the initials of a name of two words or more ("Suncor", "EDC")."""
    words = [w for w in _words(referent) if w.lower() != "the"]
    if len(words) < 2:
        return set()
    return {words[0], "".join(w[0] for w in words if w[0].isupper())}


def _words(referent: Referent) -> list[str]:
    return referent.actor.name.split() if referent.actor is not None else []


def _is_group(description: Description, referent: Referent) -> bool:
    actor = referent.actor
    return (
        description.kind == "group"
        and actor is not None
        and bool(GROUP_SECTORS.intersection(actor.sectors))
    )
