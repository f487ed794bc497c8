from __future__ import annotations

import dataclasses

import pytest

from tidings.records import Actor, Article, Factuality, content_id


def test_article_id_is_the_content_hash() -> None:
    first = Article(text="Hamas rejected the proposal.")
    again = Article(text="  Hamas rejected the proposal.\n", url="https://example.org/a")
    other = Article(text="Hamas accepted the proposal.")
    assert first.id == again.id == content_id("Hamas rejected the proposal.")
    assert first.id != other.id
    assert len(first.id) == 16


def test_records_are_frozen() -> None:
    actor = Actor(name="Antony Blinken", country="USA", sectors=("GOV",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        actor.name = "someone else"  # type: ignore[misc]


def test_actor_code_joins_country_and_sectors() -> None:
    assert Actor(name="Antony Blinken", country="USA", sectors=("GOV",)).code == "USAGOV"
    assert Actor(name="AP", sectors=("MED",)).code == "MED"
    assert Actor(name="someone").code == ""


@pytest.mark.parametrize(
    ("factuality", "is_fact"),
    [
        (Factuality.ASSERTED, True),
        (Factuality.REPORTED, True),
        (Factuality.NEGATED, False),
        (Factuality.FUTURE, False),
        (Factuality.HYPOTHETICAL, False),
    ],
)
def test_only_asserted_and_reported_events_are_facts(factuality: Factuality, is_fact: bool) -> None:
    assert factuality.is_fact is is_fact
