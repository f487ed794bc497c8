"""The ``tidings_events`` spaCy component: code events between actors."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from tidings.events.extract import EventExtractor
from tidings.events.lexicon import BASE_VERBS_FILE, Lexicon, load_lexicon
from tidings.nlp.annotations import register_extensions


class EventCoder:
    """Sets ``doc._.events``: the CAMEO-coded events between the Doc's actor mentions.

    Like spaCy's rule components, the lexicon travels with the pipeline: ``nlp.to_disk`` writes
    its YAML files beside the model, ``spacy.load`` reads them back, with the verb patterns
    compiled from PETRARCH-2's dictionary where the lexicon was built with them, laid as the
    component's configuration says (``phoenix_verbs``).
    """

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon
        self.extractor = EventExtractor(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extractor(doc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lexicon files to a directory."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for source in self.lexicon.sources:
            shutil.copyfile(source, folder / source.name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventCoder:
        """Read the lexicon files from a directory written by ``to_disk``."""
        base = Path(path) / BASE_VERBS_FILE
        self.lexicon = load_lexicon(
            Path(path),
            base_verbs=base if base.exists() else None,
            base_only_verbs=self.lexicon.base_only_verbs,
        )
        self.extractor = EventExtractor(self.lexicon)
        return self
