"""Turn a Doc annotated by tidings' components into the records of ``tidings.records``."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span

from tidings.codebook import cameo_code
from tidings.nlp.annotations import EventAnnotation, QuoteAnnotation, actor_of, resolved_by_of
from tidings.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    DateBasis,
    Event,
    Place,
    Quote,
    Sentence,
)


def doc_to_analysis(doc: Doc, article: Article) -> Analysis:
    """Collect the records for one article from its annotated Doc."""
    return _Converter(doc, article).analysis()


def _trimmed(span: Span, doc_text: str) -> tuple[int, int, str]:
    """A span's start, end and text without the whitespace around it (``doc_text`` is the
    Doc's text: spaCy joins a span's text anew from its words on every access)."""
    text = doc_text[span.start_char : span.end_char]
    start = span.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return start, start + len(stripped), stripped


class _Converter:
    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        self.text = doc.text
        sents = list(doc.sents)
        self.sentences = tuple(
            Sentence(article.id, index, *_trimmed(sent, self.text))
            for index, sent in enumerate(sents)
        )
        self._sentence_starts = [sent.start_char for sent in sents]
        self._quotes: list[QuoteAnnotation] = list(doc._.quotes or ())
        # Events and quotes point at the Doc's mentions again: each span is read once.
        self._mentions: dict[tuple[int, ...], tuple[ActorMention, ...]] = {}

    def analysis(self) -> Analysis:
        doc = self.doc
        return Analysis(
            article=self.article,
            sentences=self.sentences,
            mentions=tuple(m for span in doc._.actor_mentions or () for m in self.mentions(span)),
            events=tuple(e for annotation in doc._.events or () for e in self.events(annotation)),
            quotes=tuple(self.quote(annotation) for annotation in self._quotes),
        )

    def quote_index(self, trigger: Span) -> int | None:
        """The quote an event is stated in, else the quote its trigger reports ("urged ...")."""
        for index, quote in enumerate(self._quotes):
            if any(part.start <= trigger.start < part.end for part in quote.content):
                return index
        for index, quote in enumerate(self._quotes):
            if quote.cue is not None and quote.cue.start == trigger.start:
                return index
        return None

    def sentence_at(self, char: int) -> Sentence:
        return self.sentences[max(bisect_right(self._sentence_starts, char) - 1, 0)]

    def mentions(self, span: Span) -> tuple[ActorMention, ...]:
        """One mention per actor the span refers to (several for a plural reference)."""
        # The key of a span's extension values in spaCy.
        key = (span.start, span.end, span.label, span.kb_id, span.id)
        if key not in self._mentions:
            self._mentions[key] = self._read_mentions(span)
        return self._mentions[key]

    def _read_mentions(self, span: Span) -> tuple[ActorMention, ...]:
        # A blanked dateline before the text's first words leaves spaces at a span's start.
        start, end, text = _trimmed(span, self.text)
        actors = span._.members or (actor_of(span) or Actor(name=text),)
        return tuple(
            ActorMention(
                article_id=self.article.id,
                sentence_index=self.sentence_at(start).index,
                start=start,
                end=end,
                text=text,
                actor=actor,
                resolved_by=resolved_by_of(span) or "unresolved",
            )
            for actor in actors
        )

    def mention(self, span: Span | None) -> ActorMention | None:
        """The mention of a span as one actor: several ("Egypt and Qatar") make one joint actor,
        with the country and sectors they share."""
        if span is None:
            return None
        mentions = self.mentions(span)
        if len(mentions) == 1:
            return mentions[0]
        actors = [m.actor for m in mentions]
        countries = {a.country for a in actors}
        shared = [s for s in actors[0].sectors if all(s in a.sectors for a in actors)]
        joint = Actor(
            name=" and ".join(a.name for a in actors),
            country=countries.pop() if len(countries) == 1 else None,
            sectors=tuple(shared),
        )
        return replace(mentions[0], actor=joint)

    def events(self, annotation: EventAnnotation) -> list[Event]:
        """One dyadic event per (source, target) pair of the annotation's actors."""
        sources = self.mentions(annotation.source) if annotation.source is not None else (None,)
        targets = self.mentions(annotation.target) if annotation.target is not None else (None,)
        return [
            self.event(annotation, source, target)
            for source in sources
            for target in targets
            if source is None or target is None or source.actor != target.actor
        ]

    def event(
        self,
        annotation: EventAnnotation,
        source: ActorMention | None,
        target: ActorMention | None,
    ) -> Event:
        trigger = annotation.trigger
        sentence = self.sentence_at(trigger.start_char)
        code = cameo_code(annotation.cameo_code)
        date, basis, precision, date_text = None, DateBasis.NONE, None, None
        when = annotation.when
        if when is not None and when._.time is not None and when._.time.date is not None:
            date, precision, date_text = when._.time.date, when._.time.precision, when.text
            same_sentence = self.sentence_at(when.start_char).index == sentence.index
            basis = DateBasis.CLAUSE if same_sentence else DateBasis.SENTENCE
        elif self.article.published is not None:
            date, basis = self.article.published, DateBasis.PUBLICATION
        return Event(
            article_id=self.article.id,
            sentence_index=sentence.index,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            trigger_start=trigger.start_char,
            trigger_end=trigger.end_char,
            trigger=trigger.text,
            source=source,
            target=target,
            cameo_code=code.code,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            plover_event=code.plover_event,
            plover_mode=code.plover_mode,
            plover_context=code.plover_context,
            factuality=annotation.factuality,
            rule=annotation.rule,
            date=date,
            date_basis=basis,
            date_precision=precision,
            date_text=date_text,
            location=self.location(annotation),
            reported_by=self.mention(annotation.reported_by),
            quote_index=self.quote_index(trigger),
            reciprocal=annotation.reciprocal,
            source_rule=annotation.source_rule,
            target_rule=annotation.target_rule,
        )

    def location(self, annotation: EventAnnotation) -> Place | None:
        """The event's place; of conjoined places ("to Egypt and Qatar"), the target's own."""
        where, target = annotation.where, annotation.target
        if where is None:
            return None
        if target is not None:
            for place in self.doc._.places or ():
                inside_target = target.start <= place.start and place.end <= target.end
                if inside_target and place.root in where.root.conjuncts:
                    found: Place = place._.place
                    return found
        located: Place = where._.place
        return located

    def quote(self, annotation: QuoteAnnotation) -> Quote:
        spans = tuple((span.start_char, span.end_char) for span in annotation.content)
        cue = annotation.cue
        return Quote(
            article_id=self.article.id,
            kind=annotation.kind,
            spans=spans,
            text=" … ".join(self.article.text[start:end] for start, end in spans),
            cue=cue.text if cue is not None else None,
            cue_start=cue.start_char if cue is not None else None,
            cue_end=cue.end_char if cue is not None else None,
            speaker=self.mention(annotation.speaker),
            reported_by=self.mention(annotation.reported_by),
            rule=annotation.rule,
        )
