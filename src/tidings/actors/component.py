"""The ``tidings_actors`` spaCy component: find actor mentions and resolve them."""

from __future__ import annotations

import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp.annotations import register_extensions
from tidings.records import Actor


class ActorResolver:
    """Marks named entities that are countries as actor mentions (first version)."""

    def __init__(self, nlp: Language, name: str, extra_actors: str | None) -> None:
        register_extensions()
        self.extra_actors = extra_actors

    def __call__(self, doc: Doc) -> Doc:
        mentions = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "NORP"):
                continue
            try:
                country = pycountry.countries.lookup(ent.text.removeprefix("the "))
            except LookupError:
                continue
            ent._.actor = Actor(name=country.name, country=country.alpha_3)
            ent._.resolved_by = "country-name"
            mentions.append(ent)
        doc._.actor_mentions = mentions
        return doc


@Language.factory("tidings_actors", default_config={"extra_actors": None})
def make_actor_resolver(nlp: Language, name: str, extra_actors: str | None) -> ActorResolver:
    """Build the actor component; ``extra_actors`` is a user's YAML file of actors."""
    return ActorResolver(nlp, name, extra_actors)
