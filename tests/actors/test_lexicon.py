"""Known actors' names found in a Doc on its words, as the tokenizer splits them."""

from __future__ import annotations

import spacy

from tidings.actors.lexicon import KnownNames


def test_names_match_on_the_words_the_tokenizer_makes() -> None:
    nlp = spacy.blank("en")
    names = KnownNames(nlp)
    names.add("quist", {"Mara Quist", "MARA QUIST"})
    names.add("front", {"al-Nur Front", "U.N. Front"})
    names.add("cannot", {"Cannot Party"})
    doc = nlp("MARA QUIST met Mara Quist, the al-Nur Front and the U.N. Front; Cannot Party left.")
    found = [(ident, doc[start:end].text) for ident, start, end in names(doc)]
    assert found == [
        ("quist", "MARA QUIST"),
        ("quist", "Mara Quist"),
        ("front", "al-Nur Front"),
        ("front", "U.N. Front"),
        ("cannot", "Cannot Party"),
    ]
    assert list(names(nlp("Mara met Quist."))) == []


def test_every_name_over_a_word_is_found_longest_or_not() -> None:
    nlp = spacy.blank("en")
    names = KnownNames(nlp)
    names.add("short", {"Mara"})
    names.add("long", {"Mara Quist"})
    assert sorted(names(nlp("Mara Quist"))) == [("long", 0, 2), ("short", 0, 1)]


def test_a_person_is_found_as_the_press_writes_the_name() -> None:
    nlp = spacy.blank("en")
    names = KnownNames(nlp)
    names.add("marie", {"Anne Marie Quist"}, person=True)
    names.add("tan", {"Lee Tan Ho", "Ora J. Quist"}, person=True)
    names.add("party", {"Anne Marie Front"})
    doc = nlp("Anne-Marie Quist, Lee Tan-ho and Ora J Quist met; Anne-Marie Front did not.")
    found = [(ident, doc[start:end].text) for ident, start, end in names(doc)]
    assert found == [
        ("marie", "Anne-Marie Quist"),
        ("tan", "Lee Tan-ho"),
        ("tan", "Ora J Quist"),
    ]
