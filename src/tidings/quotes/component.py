"""The ``tidings_quotes`` spaCy component: direct and indirect quotes with their speakers.

Direct quotes are found by their marks; the quotes of one sentence form one quote ("“...,” he
said, “...”"). The speaker is the subject of a reporting verb outside the marks; a sentence of
quotation alone inherits the last speaker. Indirect speech is a reporting verb's clausal
complement ("he said that Israel had accepted ..."), or what a sentence attributes with
"according to X".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.nlp.annotations import QuoteAnnotation, mention_at, register_extensions
from tidings.quotes.marks import quoted_spans
from tidings.records import QuoteKind
from tidings.tables import packaged, read_yaml

SUBJECTS = {"nsubj", "nsubjpass"}
CLAUSES = {"ccomp", "xcomp", "parataxis"}


@dataclass(frozen=True)
class Cues:
    """Reporting verbs (lemmas) and attribution phrases."""

    verbs: frozenset[str]
    attributions: tuple[str, ...]


def load_cues() -> Cues:
    """tidings' reporting cues."""
    table = read_yaml(packaged("quotes/cues.yaml"))
    return Cues(frozenset(table["verbs"]), tuple(table["attributions"]))


class QuoteExtractor:
    """Sets ``doc._.quotes``: QuoteAnnotations with content spans, cue and speaker."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.cues = load_cues()

    def __call__(self, doc: Doc) -> Doc:
        direct = [
            span
            for start, end in quoted_spans(doc.text)
            if (span := doc.char_span(start, end, alignment_mode="expand")) is not None
        ]
        quoted = {i for span in direct for i in range(span.start, span.end)}
        quotes: list[QuoteAnnotation] = []
        last_speaker: Span | None = None
        for sentence in doc.sents:
            in_sentence = [s for s in direct if sentence.start <= s.start < sentence.end]
            cue = self._reporting_verb(sentence, quoted)
            speaker = _speaker_of(cue) if cue is not None else None
            reported_by = self._attribution(sentence)
            if cue is None and reported_by is not None and not in_sentence:
                content = _without(sentence, reported_by)
                source = _mention(reported_by)
                quotes.append(
                    QuoteAnnotation(
                        QuoteKind.INDIRECT, (content,), None, source, None, "according-to"
                    )
                )
                last_speaker = source
                continue
            clause = _reported_clause(cue) if cue is not None else None
            if clause is not None and any(s.start <= clause.start < s.end for s in in_sentence):
                clause = None  # the reported clause is the quotation itself
            if cue is not None and clause is not None and speaker is not None:
                inside = [s for s in in_sentence if clause.start <= s.start and s.end <= clause.end]
                kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
                by = _mention(reported_by) if reported_by is not None else None
                quotes.append(
                    QuoteAnnotation(kind, (clause,), cue_span(cue), speaker, by, "cue+clause")
                )
                in_sentence = [s for s in in_sentence if s not in inside]
                last_speaker = speaker
            if in_sentence:
                rule = "marks+cue" if speaker is not None else "marks+previous-speaker"
                who = speaker if speaker is not None else last_speaker
                cue_words = cue_span(cue) if cue is not None else None
                quotes.append(
                    QuoteAnnotation(
                        QuoteKind.DIRECT, tuple(in_sentence), cue_words, who, None, rule
                    )
                )
                last_speaker = who
        doc._.quotes = quotes
        return doc

    def _reporting_verb(self, sentence: Span, quoted: set[int]) -> Token | None:
        """The reporting verb of the sentence outside any quote, nearest its root."""
        verbs = [
            t
            for t in sentence
            if t.lemma_.lower() in self.cues.verbs
            and t.pos_ in ("VERB", "AUX")
            and t.i not in quoted
            and not any(child.dep_ == "neg" for child in t.children)
        ]
        return min(verbs, key=_depth, default=None)

    def _attribution(self, sentence: Span) -> Span | None:
        """The source of "according to X" in the sentence, if any."""
        text = sentence.text.lower()
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


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _speaker_of(verb: Token) -> Span | None:
    """The subject of a reporting verb, following conjoined verbs back to their subject."""
    current: Token | None = verb
    while current is not None:
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if subjects:
            return _mention(subjects[0].doc[subjects[0].i : subjects[0].i + 1])
        current = current.head if current.dep_ == "conj" and current.head != current else None
    # Inverted order: "..., said the minister".
    after = [c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ in ("PROPN", "NOUN")]
    return _mention(verb.doc[after[0].i : after[0].i + 1]) if after else None


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
    return words.doc[root.left_edge.i : root.i + 1]


def _reported_clause(verb: Token) -> Span | None:
    """The clause a reporting verb reports ("that Israel had accepted ..."), without "that"."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSES and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return None
    clause = clauses[0]
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    doc = verb.doc
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in ("”", '"'):
        end -= 1
    # A clause before its verb ("Negotiators would ..., he added") keeps its own words only.
    if clause.i < verb.i:
        end = min(end, verb.i)
        while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in SUBJECTS):
            if doc[end - 1].text in ("”", '"'):
                break
            end -= 1
    return doc[start:end] if end > start else None


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


@Language.factory("tidings_quotes")
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    """Build the quote component."""
    return QuoteExtractor(nlp, name)
