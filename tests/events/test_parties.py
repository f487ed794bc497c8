"""Compound and joint parties on Docs built by hand: a written list names every member, joint
acts pair every party with every other. The sentences are made up."""

from __future__ import annotations

from tests.events.test_roles import parsed, texts
from tidings.events.parties import dyads_of, fellow_dyads
from tidings.events.roles import NO_ROLE, Role

# "Peru, Chile, and Bolivia met": parsed the way the small model reads such a list, with the
# second member an adverbial modifier of the first and the first and last both subjects.
BROKEN_LIST = [
    ("Peru", 6, "nsubj", "NNP", "Peru"),
    (",", 0, "punct", ",", ","),
    ("Chile", 0, "npadvmod", "NNP", "Chile"),
    (",", 0, "punct", ",", ","),
    ("and", 0, "cc", "CC", "and"),
    ("Bolivia", 6, "nsubj", "NNP", "Bolivia"),
    ("met", 6, "ROOT", "VBD", "meet"),
]


def test_a_written_list_names_every_member() -> None:
    doc, mentions = parsed(BROKEN_LIST, {0: "PER", 2: "CHL", 5: "BOL"})
    assert sorted(s.text for s in mentions.of_phrase(doc[5])) == ["Bolivia", "Chile", "Peru"]
    # Without "and" before its last member, a run of names is no list ("Peru, Chile").
    rows = [
        ("Peru", 3, "nsubj", "NNP", "Peru"),
        (",", 0, "punct", ",", ","),
        ("Chile", 0, "npadvmod", "NNP", "Chile"),
        ("met", 3, "ROOT", "VBD", "meet"),
    ]
    doc, mentions = parsed(rows, {0: "PER", 2: "CHL"})
    assert [s.text for s in mentions.of_phrase(doc[0])] == ["Peru"]


def test_a_list_stops_at_a_role_of_another_clause() -> None:
    # "Chile condemned Peru, and Bolivia said": Bolivia is the subject of "said".
    rows = [
        ("Chile", 1, "nsubj", "NNP", "Chile"),
        ("condemned", 1, "ROOT", "VBD", "condemn"),
        ("Peru", 1, "dobj", "NNP", "Peru"),
        (",", 1, "punct", ",", ","),
        ("and", 1, "cc", "CC", "and"),
        ("Bolivia", 6, "nsubj", "NNP", "Bolivia"),
        ("said", 1, "conj", "VBD", "say"),
    ]
    doc, mentions = parsed(rows, {0: "CHL", 2: "PER", 5: "BOL"})
    assert [s.text for s in mentions.of_phrase(doc[2])] == ["Peru"]


def test_joint_parties_act_with_every_fellow_of_another_country() -> None:
    rows = [
        ("Peru", 4, "nsubj", "NNP", "Peru"),
        (",", 0, "punct", ",", ","),
        ("Chile", 0, "conj", "NNP", "Chile"),
        ("Bolivia", 2, "conj", "NNP", "Bolivia"),
        ("met", 4, "ROOT", "VBD", "meet"),
    ]
    doc, mentions = parsed(rows, {0: "PER", 2: "CHL", 3: "PER"})
    source = Role(mentions.of_phrase(doc[0]), "test")
    pairs = {(a.text, b.text if b is not None else None) for a, b in fellow_dyads(source)}
    # The two Peruvian mentions are one side: each meets Chile, not the other.
    assert pairs == {
        ("Peru", "Chile"),
        ("Chile", "Peru"),
        ("Chile", "Bolivia"),
        ("Bolivia", "Chile"),
    }
    assert texts(source) == ["Peru", "Chile", "Bolivia"]
    assert [(a.text, b) for a, b in dyads_of(Role(source.mentions[:1], "test"), NO_ROLE)] == [
        ("Peru", None)
    ]
