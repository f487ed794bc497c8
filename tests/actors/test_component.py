from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language

from tidings.nlp import analyze_one, build_pipeline
from tidings.records import Actor, Article


def _mentions(
    nlp: Language, text: str, published: date | None = date(2024, 8, 20)
) -> dict[str, Actor]:
    analysis = analyze_one(nlp, Article(text=text, published=published))
    return {m.text: m.actor for m in analysis.mentions}


def test_title_country_and_name_compound(nlp: Language) -> None:
    found = _mentions(nlp, "Israeli Prime Minister Benjamin Netanyahu met Egyptian officials.")
    assert found["Israeli Prime Minister Benjamin Netanyahu"].code == "ISRGOV"
    assert found["Egyptian officials"].code == "EGYGOV"


def test_a_person_not_in_the_knowledge_base_gets_codes_from_the_text(nlp: Language) -> None:
    found = _mentions(nlp, "Kenyan Foreign Minister Jane Mwangi visited Somalia.")
    actor = found["Kenyan Foreign Minister Jane Mwangi"]
    assert (actor.name, actor.code) == ("Jane Mwangi", "KENGOV")


def test_roles_depend_on_the_article_date(nlp: Language) -> None:
    in_office = _mentions(nlp, "Antony Blinken spoke.", date(2024, 8, 20))["Antony Blinken"]
    after = _mentions(nlp, "Antony Blinken spoke.", date(2025, 6, 1))["Antony Blinken"]
    assert (in_office.country, in_office.sectors) == ("USA", ("GOV",))
    assert (after.country, after.sectors) == ("USA", ())


def test_pronoun_prefers_the_subject_of_the_previous_sentence(nlp: Language) -> None:
    text = (
        "Antony Blinken said: “I met Prime Minister Netanyahu today.”\nHe did not disclose details."
    )
    analysis = analyze_one(nlp, Article(text=text, published=date(2024, 8, 20)))
    he = [m for m in analysis.mentions if m.text == "He"]
    assert he and he[0].actor.name == "Antony Blinken"
    assert he[0].resolved_by == "coref:pronoun"


def test_definite_descriptions_refer_back(nlp: Language) -> None:
    text = "Hamas rejected the plan. Egypt and Qatar objected. The group and the two countries met."
    analysis = analyze_one(nlp, Article(text=text, published=date(2024, 8, 20)))
    group = {m.actor.name for m in analysis.mentions if m.text == "The group"}
    countries = {m.actor.country for m in analysis.mentions if m.text == "the two countries"}
    assert group == {"Hamas"}
    assert countries == {"EGY", "QAT"}


def test_surname_refers_to_the_full_name(nlp: Language) -> None:
    found = _mentions(nlp, "Mayor Doug McCallum spoke first. McCallum then left.")
    assert found["McCallum"].name == "Doug McCallum"


def test_a_users_actors_file_adds_and_overrides(tmp_path: Path) -> None:
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "- {id: hamas, name: Hamas movement, aliases: [Hamas], kind: group, country: PSE,"
        " sectors: [PTY]}\n"
        "- {id: elf, name: Example Liberation Front, aliases: [ELF], kind: group, country: COL,"
        " sectors: [REB]}\n"
    )
    nlp = build_pipeline(actors_file=actors)
    found = _mentions(nlp, "Hamas and the ELF signed a truce.")
    assert found["Hamas"].code == "PSEPTY"
    assert found["the ELF"].code == "COLREB"
