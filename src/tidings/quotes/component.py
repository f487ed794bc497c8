"""The ``tidings_quotes`` spaCy component: direct and indirect quotes with their speakers.

Direct quotes are found by their marks; the quotes of one sentence form one quote ("“...,” he
said, “...”"). The speaker is the subject of a reporting verb outside the marks; a sentence of
quotation alone inherits the last speaker. Indirect speech is a reporting verb's clausal
complement ("he said that Israel had accepted ..."), or what a sentence attributes with
"according to X".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from tidings.cues import load_cues
from tidings.nlp.annotations import QuoteAnnotation, mention_at, register_extensions
from tidings.quotes.marks import quoted_spans
from tidings.records import QuoteKind

SUBJECTS = {"nsubj", "nsubjpass"}
FINITE = {"ccomp", "parataxis"}
CLAUSES = FINITE | {"xcomp"}
# A participle or infinitive reporting verb ("..., saying that ...") takes its speaker from the
# verb or noun it hangs from, up to this many steps.
MAX_CLIMB = 3
# Words in marks this close below a reporting verb are speech, further away a term.
TERM_REACH = 3
# A paragraph opened by a name and a colon, maybe after a stray mark; not "Name: “...”".
COLON_INTRODUCTION = re.compile(
    r"""\s*(?:''|["“”])?\s*(?P<name>[^:\n“”"]{1,40}?):\s+(?![“\u2018"'])"""
)
# The marks a reported clause keeps at its edges (an English clause's own quotation marks).
OPENING_MARKS = ("“", '"')
CLOSING_MARKS = ("”", '"')
DASHES = {"-", "\u2013", "\u2014", "\u2015", "--"}  # hyphen, en and em dash, horizontal bar


@dataclass(frozen=True)
class DirectGroup:
    """Quotations in marks that form one quote, and what attributes them, where anything does."""

    spans: tuple[Span, ...]
    cue: Token | None
    speaker: Span | None
    rule: str


@dataclass(frozen=True)
class Quotation:
    """What a direct quote's speaker rules read: the words in marks, their reporting verb, the
    article's text, the sentence's "according to" source and the last speaker before them."""

    span: Span
    cue: Token | None
    voices: frozenset[str]
    text: str
    according_to: Span | None = None
    last_speaker: Span | None = None


SpeakerRule = Callable[[Quotation], Span | None]


class SpeakerRules:
    """Named speaker rules for quotations in marks; ``@speaker_rule("name")`` registers one
    under the name a quote keeps as its ``rule``."""

    def __init__(self) -> None:
        self.rules: dict[str, SpeakerRule] = {}

    def __call__(self, name: str) -> Callable[[SpeakerRule], SpeakerRule]:
        """Register a rule; the lists below give the order."""

        def register(rule: SpeakerRule) -> SpeakerRule:
            self.rules[name] = rule
            return rule

        return register

    def first(self, names: Sequence[str], quotation: Quotation) -> tuple[Span, str] | None:
        """The speaker the first of these rules finds, with the rule's name; else None."""
        for name in names:
            speaker = self.rules[name](quotation)
            if speaker is not None:
                return speaker, name
        return None


speaker_rule = SpeakerRules()


@speaker_rule("marks+cue")
def _cue_speaker(quotation: Quotation) -> Span | None:
    """The subject of the reporting verb nearest the quotation: "“...,” he said"."""
    return _speaker_of(quotation.cue, quotation.voices) if quotation.cue is not None else None


@speaker_rule("marks+signature")
def _signature(quotation: Quotation) -> Span | None:
    """A quotation signed like a letter: "“...” - Name" or "Name: “...”"."""
    return _signed_speaker(quotation.span, quotation.text)


@speaker_rule("marks+according-to")
def _according_to(quotation: Quotation) -> Span | None:
    """The source its sentence gives: "“...,” according to Dr. Keith Ahamad."."""
    return quotation.according_to


@speaker_rule("marks+previous-speaker")
def _previous_speaker(quotation: Quotation) -> Span | None:
    """A quotation standing alone continues the last speaker's words."""
    return quotation.last_speaker


# Who a quotation's own sentence says speaks it; what groups quotations into one quote.
SPEAKERS_BESIDE_THE_MARKS = ("marks+cue", "marks+signature")
# Who speaks a quote that nothing beside its marks attributes.
SPEAKERS_OF_AN_UNATTRIBUTED_QUOTE = ("marks+according-to", "marks+previous-speaker")
# A quote no rule finds a speaker for floats, as the last speaker's words would.
FLOATING = "marks+previous-speaker"


def _is_term(span: Span, verbs: list[Token]) -> bool:
    """Whether marks set off a term rather than speech: verbless words inside a sentence, not
    close below a reporting verb ("the so-called “deal of the century”", but "described it as
    a “decisive moment”")."""
    sentence = span.sent
    before = sentence.doc[sentence.start : span.start]
    embedded = any(not t.is_punct and not t.is_space for t in before)
    if not embedded or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    words = [t for t in span if not t.is_punct]
    head = min(words, key=_depth) if words else span.root
    return not any(_reaches(verb, head) for verb in verbs)


def _reaches(verb: Token, token: Token) -> bool:
    """Whether a token hangs from a verb within a few dependency steps."""
    for _ in range(TERM_REACH):
        if token.head == token:
            return False
        token = token.head
        if token == verb:
            return True
    return False


def _cue_of(span: Span, verbs: dict[int, list[Token]]) -> Token | None:
    """The reporting verb nearest a quotation, in the sentences it starts and ends in."""
    doc = span.doc
    before = [
        v for v in verbs[span.sent.start] if v.i < span.start and _same_paragraph(v, span.start)
    ]
    after = [
        v
        for v in verbs[doc[span.end - 1].sent.start]
        if v.i >= span.end and _same_paragraph(doc[span.end - 1], v.i)
    ]
    distances = [(span.start - v.i, v) for v in before] + [(v.i - span.end, v) for v in after]
    if distances:
        return min(distances, key=lambda pair: pair[0])[1]
    # "X said:" closing the paragraph before the quotation.
    previous = [t for t in doc[max(span.start - 3, 0) : span.start] if not t.is_space]
    if previous and previous[-1].text == ":":
        colon = previous[-1]
        return max((v for v in verbs[colon.sent.start] if v.i < colon.i), default=None)
    return None


def _same_paragraph(token: Token, other: int) -> bool:
    """Whether no line break lies between a token and a later token."""
    return "\n" not in token.doc[token.i : other].text


def _signed_speaker(span: Span, text: str) -> Span | None:
    """The speaker of a quotation signed like a letter: "“...” - Name" or "Name: “...”"."""
    doc = span.doc
    line_end = text.find("\n", span.end_char)
    tail = doc.char_span(
        span.end_char, len(text) if line_end < 0 else line_end, alignment_mode="contract"
    )
    if tail is not None and len(tail) > 1 and tail[0].text in DASHES:
        name = tail[1:]
        if any(t.pos_ == "PROPN" for t in name) and not any(t.pos_ == "VERB" for t in name):
            return _mention(name)
    if span.start >= 2 and doc[span.start - 1].text == ":":
        head = doc[span.start - 2]
        if head.pos_ == "PROPN" and head.sent == span.sent:
            return _mention(doc[head.left_edge.i : head.i + 1])
    return None


def _overlap(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


def _colon_introductions(doc: Doc, text: str) -> list[tuple[Span, Span]]:
    """(speaker, words) of paragraphs a name introduces with a colon, as in transcripts and
    headlines ("PENCE: Well, look, ..."); "Name: “...”" is left to the quote marks."""
    found: list[tuple[Span, Span]] = []
    position = 0
    for paragraph in text.split("\n"):
        match = COLON_INTRODUCTION.match(paragraph)
        if match is not None:
            start = position + match.start("name")
            name = doc.char_span(start, start + len(match["name"]), alignment_mode="expand")
            end = position + len(paragraph.rstrip().rstrip("\"”'"))
            words = doc.char_span(position + match.end(), end, alignment_mode="contract")
            if name is not None and words is not None and _is_name(name):
                found.append((_mention(name), words))
        position += len(paragraph) + 1
    return found


def _is_name(words: Span) -> bool:
    """Whether words name a person or organisation (not a label such as "WATCH" or "ENERGY")."""
    tokens = [t for t in words if not t.is_punct]
    if not tokens:
        return False
    start, end = tokens[0].i, tokens[-1].i + 1
    named = any(
        e.start <= start and end <= e.end and e.label_ in ("PERSON", "ORG") for e in words.doc.ents
    )
    mention = mention_at(words.doc, start, end)
    return named or (mention is not None and mention.start == start and mention.end == end)


def _direct_groups(
    direct: list[Span], verbs: dict[int, list[Token]], voices: frozenset[str], text: str
) -> list[DirectGroup]:
    """Quotations grouped into quotes: those sharing a reporting verb ("“...,” he said, “...”")
    are one quote; unattributed ones are one quote per sentence they start in."""
    groups: list[DirectGroup] = []
    for span in direct:
        cue = _cue_of(span, verbs)
        found = speaker_rule.first(SPEAKERS_BESIDE_THE_MARKS, Quotation(span, cue, voices, text))
        speaker, rule = found or (None, "")
        last = groups[-1] if groups else None
        same_cue = last is not None and cue is not None and last.cue == cue
        both_floating = (
            last is not None
            and cue is None
            and last.speaker is None
            and speaker is None
            and last.spans[0].sent == span.sent
        )
        if last is not None and (same_cue or both_floating):
            groups[-1] = DirectGroup((*last.spans, span), last.cue, last.speaker, last.rule)
        else:
            groups.append(DirectGroup((span,), cue, speaker, rule))
    return groups


class QuoteExtractor:
    """Sets ``doc._.quotes``: QuoteAnnotations with content spans, cue and speaker."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.cues = load_cues()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy joins the tokens' texts anew on every access
        marked = [
            span
            for start, end in quoted_spans(text)
            if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
        ]
        quoted = {i for span in marked for i in range(span.start, span.end)}
        # Only verbs and nouns may report: the sentences' loops visit those, not every word.
        pos = doc.to_array("POS")
        verb_indices = numpy.flatnonzero(numpy.isin(pos, [VERB, AUX])).tolist()
        noun_indices = numpy.flatnonzero(pos == NOUN).tolist()
        verbs = {
            sent.start: self._reporting_verbs(_words_in(sent, verb_indices), quoted)
            for sent in doc.sents
        }
        introduced = _colon_introductions(doc, text)
        direct = [
            span
            for span in marked
            if not _is_term(span, verbs[span.sent.start])
            and not any(_overlap(span, content) for _, content in introduced)
        ]
        groups = _direct_groups(direct, verbs, self.cues.voices, text)
        consumed: set[Span] = set()
        quotes: list[QuoteAnnotation] = []
        last_speaker: Span | None = None
        for sentence in doc.sents:
            for introducer, content in introduced:
                if sentence.start <= content.start < sentence.end:
                    quotes.append(
                        QuoteAnnotation(
                            QuoteKind.INDIRECT, (content,), None, introducer, None, "colon"
                        )
                    )
                    last_speaker = introducer
            reported_by = self._attribution(sentence, text)
            by = _mention(reported_by) if reported_by is not None else None
            clauses: list[Span] = []
            for verb in verbs[sentence.start]:
                if any(c.start <= verb.i < c.end for c in clauses):
                    continue  # a report inside a report: the outer one is the quote
                clause = self._reported_clause(verb, quoted)
                speaker = _speaker_of(verb, self.cues.voices)
                if speaker is None and any(c.dep_ in SUBJECTS for c in verb.children):
                    # Its subject was parsed across a paragraph break.
                    speaker = _words_opening_paragraph(verb) or last_speaker
                if clause is None or speaker is None:
                    continue
                inside = [s for s in marked if clause.start <= s.start < clause.end]
                if inside:
                    # The closing mark often hangs from the reporting verb, outside the clause.
                    clause = doc[clause.start : max(clause.end, inside[-1].end)]
                reported = (clause, *_resumed_clause(verb, clause))
                inside = [
                    s for s in marked for part in reported if part.start <= s.start < part.end
                ]
                kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
                quotes.append(
                    QuoteAnnotation(kind, reported, cue_span(verb), speaker, by, "cue+clause")
                )
                consumed.update(inside)
                clauses.extend(reported)
                last_speaker = speaker
            for noun, clause in self._noun_reports(_words_in(sentence, noun_indices), quoted):
                speaker = _owner(noun, self.cues.voices)
                if speaker is None or any(_overlap(clause, c) for c in clauses):
                    continue
                inside = [s for s in marked if clause.start <= s.start < clause.end]
                kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
                quotes.append(
                    QuoteAnnotation(kind, (clause,), cue_span(noun), speaker, by, "noun+clause")
                )
                consumed.update(inside)
                clauses.append(clause)
            starting = [g for g in groups if sentence.start <= g.spans[0].start < sentence.end]
            if reported_by is not None and not clauses and not starting:
                source = _mention(reported_by)
                content = _without(sentence, reported_by)
                inside = [s for s in marked if content.start <= s.start and s.end <= content.end]
                kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
                quotes.append(QuoteAnnotation(kind, (content,), None, source, None, "according-to"))
                consumed.update(inside)
                last_speaker = source
            for group in starting:
                spans = tuple(s for s in group.spans if s not in consumed)
                if not spans:
                    continue
                who, rule = group.speaker, group.rule
                if who is None:
                    quotation = Quotation(spans[0], None, self.cues.voices, text, by, last_speaker)
                    found = speaker_rule.first(SPEAKERS_OF_AN_UNATTRIBUTED_QUOTE, quotation)
                    who, rule = found or (None, FLOATING)
                cue = cue_span(group.cue) if group.cue is not None else None
                quotes.append(QuoteAnnotation(QuoteKind.DIRECT, spans, cue, who, None, rule))
                last_speaker = who
        links = self._boilerplate(text)
        doc._.quotes = [
            q for q in quotes if not any(s <= q.content[0].start_char < e for s, e in links)
        ]
        return doc

    def _boilerplate(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of paragraphs that link elsewhere ("READ MORE: ..."), not news."""
        found, position = [], 0
        for paragraph in text.split("\n"):
            if paragraph.strip().lower().startswith(self.cues.boilerplate):
                found.append((position, position + len(paragraph)))
            position += len(paragraph) + 1
        return found

    def _reporting_verbs(self, verbs_and_auxiliaries: list[Token], quoted: set[int]) -> list[Token]:
        """A sentence's reporting verbs (of its verbs and auxiliaries) outside any quote, nearest
        its root first."""
        verbs = [
            t
            for t in verbs_and_auxiliaries
            if (t.lemma_.lower() in self.cues.verbs or _phrasal(t) & self.cues.object_verbs)
            and t.i not in quoted
            and not any(child.dep_ == "neg" for child in t.children)
        ]
        return sorted(verbs, key=_depth)

    def _reported_clause(self, verb: Token, quoted: set[int]) -> Span | None:
        """What a reporting verb reports, unless that is a quotation in marks."""
        allowed = CLAUSES if verb.lemma_.lower() in self.cues.infinitive_verbs else FINITE
        clause = _reported_clause(verb, allowed)
        if clause is None:
            clause = _reported_object(verb, self.cues.object_verbs)
        # A clause that is all quotation is a direct quote; one that opens with a quoted
        # fragment ('that "a bomb" had gone off') is a mixed one.
        if clause is None or (clause.start in quoted and clause[-1].i in quoted):
            return None
        return clause

    def _noun_reports(self, nouns: list[Token], quoted: set[int]) -> list[tuple[Token, Span]]:
        """Reporting nouns (of a sentence's nouns) and the "that" clause each reports: "his
        claim that ..."."""
        found = []
        for noun in nouns:
            if noun.lemma_.lower() not in self.cues.nouns:
                continue
            clause = _that_clause(noun)
            if clause is not None and clause.start not in quoted:
                found.append((noun, clause))
        return found

    def _attribution(self, sentence: Span, doc_text: str) -> Span | None:
        """The source of "according to X" in the sentence (of a Doc with ``doc_text``), if any."""
        text = doc_text[sentence.start_char : sentence.end_char].lower()
        for phrase in self.cues.attributions:
            at = text.find(phrase)
            if at < 0:
                continue
            start = sentence.start_char + at + len(phrase)
            words = [t for t in sentence if t.idx >= start]
            if not words:
                continue
            # The phrase's object and what hangs off it, up to the clause boundary.
            head = words[0].head if words[0].dep_ != "pobj" else words[0]
            for token in words:
                if token.dep_ == "pobj" and token.head.lower_ == "to":
                    head = token
                    break
            return sentence.doc[head.left_edge.i : head.right_edge.i + 1]
        return None


def cue_span(token: Token) -> Span:
    """The reporting verb as a one-token span."""
    return token.doc[token.i : token.i + 1]


def _words_in(sentence: Span, indices: list[int]) -> list[Token]:
    """The sentence's words at the given indices (sorted indices of its Doc's words)."""
    doc = sentence.doc
    start, end = bisect_left(indices, sentence.start), bisect_left(indices, sentence.end)
    return [doc[i] for i in indices[start:end]]


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _speaker_of(verb: Token, voices: frozenset[str]) -> Span | None:
    """The subject of a reporting verb, following conjoined verbs back to their subject and
    participles to the clause they hang from ("X issued a statement saying ...")."""
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        # Inverted order: "..., said the minister".
        after = [
            c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ in ("PROPN", "NOUN")
        ]
        if after:
            return _mention(verb.doc[after[0].i : after[0].i + 1])
        # A name the tagger misread between a quotation and its verb: "“...,” DeBoer said".
        before = verb.doc[verb.i - 2 : verb.i]
        if (
            len(before) == 2
            and before[0].text in CLOSING_MARKS
            and before[1].text[:1].isupper()
            and before[1].head == verb
        ):
            return _mention(before[1:])
    current: Token | None = verb
    for _ in range(MAX_CLIMB + 1):
        if current is None:
            break
        subjects = [
            c
            for c in current.children
            if c.dep_ in SUBJECTS and _same_paragraph(min(c, verb), max(c, verb).i)
        ]
        if subjects:
            return _voice_owner(subjects[0], voices) or _mention(
                subjects[0].doc[subjects[0].i : subjects[0].i + 1]
            )
        climbs = current.dep_ in ("conj", "advcl", "acl", "xcomp", "dobj", "pobj", "prep")
        current = current.head if climbs and current.head != current else None
    return None


def _words_opening_paragraph(verb: Token) -> Span | None:
    """The noun phrase between a paragraph break and the verb: "\n\nMcCallum said"."""
    doc = verb.doc
    start = verb.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    words = doc[start : verb.i]
    if 0 < len(words) <= 6 and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in words):
        return _mention(words)
    return None


def _voice_owner(subject: Token, voices: frozenset[str]) -> Span | None:
    """Who a statement or spokesperson speaks for, when the subject is one and is no actor
    itself: "Hamas's spokesman", "The RCMP statement", "a statement from the ministry", "a
    statement released by the Prime Minister's Office"."""
    doc = subject.doc
    if subject.lemma_.lower() not in voices:
        return None
    own = mention_at(doc, subject.i, subject.i + 1)
    actor = own._.actor if own is not None else None
    if own is not None and (actor is None or actor.country or actor.known_id):
        return None  # the spokesman is resolved in his own right
    for child in subject.children:
        owner = child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN")
        if owner and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return _mention(doc[child.left_edge.i : child.i + 1])
    participles = [c for c in subject.children if c.dep_ == "acl"]
    for child in [subject, *participles]:
        for prep in child.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by", "of", "for"):
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return _mention(doc[objects[0].left_edge.i : objects[0].i + 1])
    return None


def _mention(words: Span) -> Span:
    """The actor mention covering these words, else the words' noun phrase."""
    found = mention_at(words.doc, words.start, words.end)
    if found is not None:
        return found
    mentions: list[Span] = words.doc._.actor_mentions or []
    for mention in mentions:
        if mention.start >= words.start and mention.end <= words.end:
            return mention
    root = words.root
    for child in root.rights:
        # "Campbell's partner, Jason Louth": the name in apposition.
        named = mention_at(words.doc, child.i, child.i + 1) if child.dep_ == "appos" else None
        if named is not None:
            return named
    start, end = root.left_edge.i, root.i + 1
    breaks = [t.i for t in words.doc[start : root.i] if "\n" in t.text]
    start = breaks[-1] + 1 if breaks else start  # a heading above is not part of the name
    while start < root.i and words.doc[start].is_punct:
        start += 1
    # An unnamed speaker keeps what describes it: "a person familiar with the talks".
    for child in root.rights:
        if child.dep_ not in ("amod", "acl", "prep") or child.left_edge.i != end:
            break
        end = child.right_edge.i + 1
    return words.doc[start:end]


def _reported_clause(verb: Token, allowed: set[str]) -> Span | None:
    """The clause a reporting verb reports ("that Israel had accepted ..."), without "that",
    within the verb's paragraph."""
    clauses = [c for c in verb.children if c.dep_ in allowed and _is_clause(c)]
    clauses += _that_clauses_below(verb)
    doc = verb.doc
    if not clauses:
        return _interrupted_clause(verb)
    clause = clauses[0]
    if not _same_paragraph(min(verb, clause), max(verb, clause).i):
        return None
    # The parser may hang each part of a list on the verb: "said he drank, used drugs and ...".
    parts = [c for c in clauses if (c.i < verb.i) == (clause.i < verb.i)]
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    breaks = [t.i for t in doc[start:end] if "\n" in t.text]
    start = max([i + 1 for i in breaks if i < clause.i], default=start)
    end = min([i for i in breaks if i > clause.i], default=end)
    while start < end and (
        doc[start].dep_ == "mark" or (doc[start].is_punct and doc[start].text not in OPENING_MARKS)
    ):
        start += 1
    opening = doc[start - 1] if start - 1 > verb.i else None
    if opening is not None and opening.text in OPENING_MARKS and not opening.whitespace_:
        start -= 1  # the mark opening a quoted fragment the parser hung elsewhere
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in CLOSING_MARKS:
        end -= 1
    # A clause before its verb ("Negotiators would ..., he added") keeps its own words only.
    if clause.i < verb.i:
        end = min(end, verb.i)
        while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in SUBJECTS):
            if doc[end - 1].text in CLOSING_MARKS:
                break
            end -= 1
    return doc[start:end] if end > start else None


def _is_clause(head: Token) -> bool:
    """Whether a complement is a clause: a verb, or anything with a subject ("X was unhinged")."""
    return head.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in head.children)


def _that_clause(noun: Token) -> Span | None:
    """The "that" clause hanging from a noun, without "that"."""
    for clause in noun.children:
        marks = [m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"]
        if clause.dep_ in ("acl", "ccomp", "relcl") and marks and _is_clause(clause):
            start, end = marks[0].i + 1, clause.right_edge.i + 1
            while end > start and noun.doc[end - 1].is_punct:
                end -= 1
            return noun.doc[start:end] if end > start else None
    return None


def _owner(noun: Token, voices: frozenset[str]) -> Span | None:
    """Whose claim or statement a noun is: its possessor ("Trump's claim"), its author ("a
    claim by Trump"), or the subject of the verb that makes it ("Trump repeated the claim")."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ == "poss":
            return _mention(doc[child.left_edge.i : child.i + 1])
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _mention(doc[objects[0].left_edge.i : objects[0].i + 1])
    if noun.dep_ == "dobj":
        return _speaker_of(noun.head, voices)
    return None


def _phrasal(verb: Token) -> set[str]:
    """The verb with each of its prepositions, as cues.yaml writes them: "call for"."""
    lemma = verb.lemma_.lower()
    return {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prep"}


def _reported_object(verb: Token, object_verbs: frozenset[str]) -> Span | None:
    """What a verb of speech acts on: its object ("criticized the decision") or, for a verb
    listed with a preposition, that preposition's object ("called for a ceasefire")."""
    doc = verb.doc
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    if verb.lemma_.lower() not in object_verbs:
        objects = []
    objects += [
        o
        for c in verb.children
        if c.dep_ == "prep" and f"{verb.lemma_.lower()} {c.lower_}" in object_verbs
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if not objects:
        return None
    head = objects[0]
    if mention_at(doc, head.i, head.i + 1) is not None:
        return None  # an actor is whom the act is aimed at, not what was said
    return doc[head.left_edge.i : head.right_edge.i + 1]


def _that_clauses_below(verb: Token) -> list[Token]:
    """A "that" clause the parser hung from the verb's object or adjunct: "said in a statement
    that ...", "told reporters that ..."."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    nouns += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return [
        clause
        for noun in nouns
        for clause in noun.children
        if clause.dep_ in ("acl", "ccomp", "relcl")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    ]


def _around_parenthesis(verb: Token) -> tuple[Span, Span]:
    """The words of the clause a parenthetical verb interrupts, before and after the
    parenthesis: "X" and "Y" in "X, he says, Y"."""
    head, doc = verb.head, verb.doc
    before = doc[head.left_edge.i : verb.left_edge.i]
    after = doc[verb.right_edge.i + 1 : head.right_edge.i + 1]
    return before, after


def _interrupted_clause(verb: Token) -> Span | None:
    """What "X, he says, Y" reports: the words of the interrupted clause before the verb's
    parenthesis, or after it when nothing comes before."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or not any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for part in _around_parenthesis(verb):
        words = [t for t in part if not t.is_punct and not t.is_space]
        if len(words) > 1 and _same_paragraph(part[0], part[-1].i):
            return doc[words[0].i : words[-1].i + 1]
    return None


def _resumed_clause(verb: Token, clause: Span) -> tuple[Span, ...]:
    """The rest of a clause a parenthetical reporting verb interrupts: "Y" in "X, he said, Y"."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or clause.end > verb.i:
        return ()
    after = [t for t in _around_parenthesis(verb)[1] if not t.is_space]
    while after and after[-1].is_punct and after[-1].text not in CLOSING_MARKS:
        after.pop()
    while after and after[0].is_punct:
        after.pop(0)
    if len(after) < 2 or not _same_paragraph(verb, after[-1].i):
        return ()
    return (doc[after[0].i : after[-1].i + 1],)


def _without(sentence: Span, attribution: Span) -> Span:
    """The sentence minus its "according to X" phrase."""
    doc = sentence.doc
    if attribution.start - sentence.start > sentence.end - attribution.end:
        start, end = sentence.start, attribution.start - 2
    else:
        start, end = attribution.end, sentence.end
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]
