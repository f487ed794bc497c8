"""The ``tidings_events`` spaCy component: code events between actors."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from tidings.events.extract import EventExtractor
from tidings.events.lexicon import BASE_VERBS_FILE, Lexicon, load_lexicon, packaged_base_verbs
from tidings.nlp.annotations import register_extensions


class EventCoder:
    """Sets ``doc._.events``: the CAMEO-coded events between the Doc's actor mentions.

    Like spaCy's rule components, the lexicon travels with the pipeline: ``nlp.to_disk`` writes
    its YAML files beside the model, ``spacy.load`` reads them back. ``phoenix_verbs`` lays the
    verb patterns compiled from PETRARCH-2's dictionary beneath tidings' own.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon_dir: str | None = None,
        phoenix_verbs: bool = False,
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon: Lexicon = load_lexicon(
            Path(lexicon_dir) if lexicon_dir else None,
            base_verbs=packaged_base_verbs() if phoenix_verbs else None,
        )
        self.extractor = EventExtractor(self.lexicon)

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
        self.lexicon = load_lexicon(Path(path), base_verbs=base if base.exists() else None)
        self.extractor = EventExtractor(self.lexicon)
        return self


@Language.factory("tidings_events", default_config={"lexicon_dir": None, "phoenix_verbs": False})
def make_event_coder(
    nlp: Language, name: str, lexicon_dir: str | None, phoenix_verbs: bool
) -> EventCoder:
    """Build the event coding component (``lexicon_dir`` replaces the shipped lexicon;
    ``phoenix_verbs`` adds the compiled PETRARCH-2 verb patterns beneath it)."""
    return EventCoder(nlp, name, lexicon_dir, phoenix_verbs)
