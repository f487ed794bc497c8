"""``tidings explain``: per sentence, each event's rule and the parse path to its actors."""

from __future__ import annotations

from tests.events.conftest import Annotator
from tidings.events.explain import dependency_path, explain, explain_lines


def test_dependency_path_goes_up_then_down(parse: Annotator) -> None:
    doc = parse("Russia called on Ukraine to withdraw.")
    called, ukraine, russia = doc[1], doc[3], doc[0]
    assert dependency_path(called, ukraine) == "called -prep-> on -pobj-> Ukraine"
    assert dependency_path(called, russia) == "called -nsubj-> Russia"
    assert dependency_path(ukraine, russia) == "Ukraine <-pobj- on <-prep- called -nsubj-> Russia"


def test_explain_gives_rule_paths_and_sentence(parse: Annotator) -> None:
    doc = parse("The weather was fine. Egypt condemned Israel.")
    [item] = explain(doc)
    assert item.sentence_index == 1
    assert item.rule == "verbs.yaml:criticize"
    assert item.cameo_code == "111" and item.cameo_name == "Criticize or denounce"
    assert item.source_path == "condemned -nsubj-> Egypt"
    assert item.target_path == "condemned -dobj-> Israel"
    assert (item.source_rule, item.target_rule) == ("subject.v1", "direct-object.v1")


def test_explain_lines_show_every_sentence(parse: Annotator) -> None:
    lines = explain_lines(parse("The weather was fine. Egypt condemned Israel."))
    assert lines[0].startswith("[0] The weather was fine.")
    assert lines[1].strip() == "(no event)"
    assert lines[2].startswith("[1] Egypt condemned Israel.")
    assert "verbs.yaml:criticize" in lines[3] and "asserted" in lines[3]
    assert lines[4].strip() == "source: condemned -nsubj-> Egypt  (by subject.v1)"
    assert lines[5].strip() == "target: condemned -dobj-> Israel  (by direct-object.v1)"
