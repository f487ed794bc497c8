"""The tidings_actors component: mentions, resolution rules, coreference, user actors."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from tests.actors.conftest import Annotator
from tests.shared_data import shared_path
from tidings.pipeline import DEFAULT_MODEL, SHARED_RESOURCES, analyze_one, build_pipeline
from tidings.records import Actor, Article
from tidings.tables import TableError


def _mention(doc: Doc, text: str) -> Span:
    found = [span for span in doc._.actor_mentions if span.text == text]
    assert found, [(s.text, s._.resolved_by) for s in doc._.actor_mentions]
    return found[0]


def _actor(doc: Doc, text: str) -> Actor:
    actor: Actor | None = _mention(doc, text)._.actor
    assert actor is not None
    return actor


def test_known_person_resolves_by_the_article_date(annotate_actors: Annotator) -> None:
    text = "Senator Marco Rubio met the delegation."
    before = _actor(annotate_actors(text, date(2020, 5, 1)), "Senator Marco Rubio")
    after = _actor(annotate_actors(text, date(2025, 6, 1)), "Senator Marco Rubio")
    assert (before.country, before.sectors) == ("USA", ("LEG",))
    assert (after.country, after.sectors) == ("USA", ("GOV",))


def test_former_office_holder_is_an_elite(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Tony Blair spoke in London.", date(2015, 1, 1))
    assert _actor(doc, "Tony Blair").sectors == ("ELI",)


def test_title_and_demonym_give_country_and_sector(annotate_actors: Annotator) -> None:
    doc = annotate_actors("The Uzbek Prime Minister Rustam Karimbekov welcomed the inspectors.")
    mention = doc._.actor_mentions[0]
    assert mention._.actor.name == "Rustam Karimbekov"
    assert (mention._.actor.country, mention._.actor.sectors) == ("UZB", ("GOV",))
    assert mention._.resolved_by == "person+role"


def test_a_titled_person_of_a_country_is_of_that_country(annotate_actors: Annotator) -> None:
    doc = annotate_actors("King Hassan of Morocco met the press.")
    assert (_actor(doc, "King Hassan").country, _actor(doc, "King Hassan").sectors) == (
        "MAR",
        ("GOV",),
    )


def test_possessive_country_of_a_role(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Somalia's prime minister arrived on Monday.")
    actor = _actor(doc, "Somalia's prime minister")
    assert (actor.country, actor.sectors) == ("SOM", ("GOV",))


def test_known_group_keeps_its_possessor_apart(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Lebanon's Hezbollah fired rockets.")
    assert _actor(doc, "Hezbollah").code == "LBNREB"
    assert _actor(doc, "Lebanon").country == "LBN"


def test_conjoined_countries_share_a_role(annotate_actors: Annotator) -> None:
    doc = annotate_actors("U.S. and Chinese negotiators meet in Vienna next month.")
    mention = _mention(doc, "U.S. and Chinese negotiators")
    assert mention._.actor is None
    assert [(m.country, m.sectors) for m in mention._.members] == [
        ("USA", ("GOV",)),
        ("CHN", ("GOV",)),
    ]


def test_plural_role_of_conjoined_countries_is_one_group_per_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors(
        "The presidents of Chad, Niger and Mali met in Niamey. "
        "Ministers from Benin and Togo arrived later."
    )
    presidents = _mention(doc, "The presidents")
    assert presidents._.actor is None
    assert [m.country for m in presidents._.members] == ["TCD", "NER", "MLI"]
    assert [m.country for m in _mention(doc, "Ministers")._.members] == ["BEN", "TGO"]
    # A conjunct of no country makes no group: the first country stays the role's.
    doc = annotate_actors("Leaders of Chad and the rebels met in Niamey.")
    leaders = _mention(doc, "Leaders")
    assert not leaders._.members
    assert leaders._.actor is not None and leaders._.actor.country == "TCD"


def test_former_and_owner(annotate_actors: Annotator) -> None:
    doc = annotate_actors("A former CIA official said so.")
    actor = _actor(doc, "A former CIA official")
    assert (actor.country, actor.sectors) == ("USA", ("ELI",))


def test_generic_head_takes_the_community_sector(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Muslim leaders in France condemned the attack.")
    actor = _actor(doc, "Muslim leaders")
    assert (actor.country, actor.sectors) == ("FRA", ("REL",))


def test_capital_stands_for_the_government(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Beijing rejected the report.")
    mention = _mention(doc, "Beijing")
    assert mention._.actor.code == "CHNGOV"
    assert mention._.resolved_by == "capital"


def test_surname_and_pronoun_refer_back(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "Hospital director Maria Lopez opened the ward. Lopez thanked the staff. "
        "She said it was a good day."
    )
    lopez = _mention(doc, "Lopez")
    she = _mention(doc, "She")
    assert lopez._.actor.name == "Maria Lopez"
    assert lopez._.resolved_by == "coref:surname"
    assert she._.actor.name == "Maria Lopez"
    assert she._.resolved_by == "coref:pronoun"


def test_pronoun_skips_a_person_of_the_other_gender(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Doug Smith met Cindy Brown on Monday. She said the talks went well.")
    assert _actor(doc, "She").name == "Cindy Brown"


def test_plural_description_refers_to_both_countries(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Blinken will travel to Egypt and Qatar. The two countries mediate.")
    mention = _mention(doc, "The two countries")
    assert {m.country for m in mention._.members} == {"EGY", "QAT"}
    assert mention._.resolved_by == "coref:description"


def test_the_country_is_that_of_the_actor_named_before_where_no_country_is(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors(
        "The Nepalese king dismissed the cabinet, and the country's army backed him."
    )
    assert (_actor(doc, "the country").country, _actor(doc, "army").country) == ("NPL", "NPL")
    assert _mention(doc, "the country")._.resolved_by == "coref:description-country"
    # A country named before is still the one it refers to.
    doc = annotate_actors("Chile's president met officials of Peru, and the country's army left.")
    assert _actor(doc, "the country").country == "PER"
    assert [m.text for m in annotate_actors("The country's army left.")._.actor_mentions] == [
        "army"
    ]


def test_unresolved_pronoun_is_not_a_mention(annotate_actors: Annotator) -> None:
    doc = annotate_actors("It rained. He left.")
    assert [s.text for s in doc._.actor_mentions] == []


def test_mentions_do_not_overlap_on_the_reference_article(annotate_actors: Annotator) -> None:
    path = shared_path("data/seed/blinken_hamas_ceasefire.txt")
    doc = annotate_actors(path.read_text(encoding="utf-8"), date(2024, 8, 20))
    spans = doc._.actor_mentions
    assert len(spans) > 20
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start, (left.text, right.text)
    assert all(s._.resolved_by for s in spans)
    assert all((s._.actor is None) != (s._.members is None) for s in spans)


def resources_with(extra_actors: Path) -> dict[str, str | None]:
    """The config of the shared resources, with a user's knowledge-base file."""
    return {**SHARED_RESOURCES, "extra_actors": str(extra_actors)}


def test_user_actors_add_to_and_override_the_kb(tmp_path: Path) -> None:
    extra = tmp_path / "my_actors.yaml"
    extra.write_text(
        "- {id: hamas, name: Hamas, kind: group, country: PSE, sectors: [PTY]}\n"
        "- id: jane-roe\n  name: Jane Roe\n  kind: person\n  gender: female\n"
        "  roles:\n    - {country: CAN, sectors: [GOV], title: Mayor, from: 2020-01-01}\n",
        encoding="utf-8",
    )
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("tidings_actors", config={"resources": resources_with(extra)})
    doc = nlp.make_doc("Jane Roe criticised Hamas.")
    doc._.published = date(2024, 1, 1)
    doc = nlp(doc)
    assert _actor(doc, "Jane Roe").code == "CANGOV"
    assert _mention(doc, "Jane Roe")._.resolved_by == "kb:jane-roe"
    assert _actor(doc, "Hamas").code == "PSEPTY"


def test_bad_user_actor_file_names_the_problem(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("- {id: x, name: X, kind: alien}\n", encoding="utf-8")
    nlp = spacy.load(DEFAULT_MODEL)
    with pytest.raises(TableError, match="kind must be one of"):
        nlp.add_pipe("tidings_actors", config={"resources": resources_with(extra)})


def test_speaker_of_the_clause_wins_over_a_guessed_gender(annotate_actors: Annotator) -> None:
    # "Alex" is guessed male, but "X said she ..." makes X the referent, and the pronoun
    # then teaches the actor's gender for later ones.
    doc = annotate_actors(
        "Minister Carolyn Bennett spoke first. Alex Morgan said she started the work. "
        '"It matters," she said.'
    )
    she = [s for s in doc._.actor_mentions if s.text == "she"]
    assert [s._.actor.name for s in she] == ["Alex Morgan", "Alex Morgan"]


def test_a_known_surname_inside_another_name_is_not_the_known_person(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Minister Carolyn Bennett met Lisa Harris.", date(2024, 1, 1))
    assert _actor(doc, "Lisa Harris").known_id is None
    names = [s._.actor.name for s in doc._.actor_mentions if s._.actor is not None]
    assert "Naftali Bennett" not in names


# --- through the full pipeline (records, as users get them) ---


def _full_mentions(
    nlp: Language, text: str, published: date | None = date(2024, 8, 20)
) -> dict[str, Actor]:
    analysis = analyze_one(nlp, Article(text=text, published=published))
    return {m.text: m.actor for m in analysis.mentions}


def test_title_country_and_name_compound(nlp: Language) -> None:
    found = _full_mentions(nlp, "Israeli Prime Minister Benjamin Netanyahu met Egyptian officials.")
    assert found["Israeli Prime Minister Benjamin Netanyahu"].code == "ISRGOV"
    assert found["Egyptian officials"].code == "EGYGOV"


def test_a_person_not_in_the_knowledge_base_gets_codes_from_the_text(nlp: Language) -> None:
    found = _full_mentions(nlp, "Kenyan Foreign Minister Jane Mwangi visited Somalia.")
    actor = found["Kenyan Foreign Minister Jane Mwangi"]
    assert (actor.name, actor.code) == ("Jane Mwangi", "KENGOV")


def test_roles_depend_on_the_article_date(nlp: Language) -> None:
    in_office = _full_mentions(nlp, "Antony Blinken spoke.", date(2024, 8, 20))["Antony Blinken"]
    after = _full_mentions(nlp, "Antony Blinken spoke.", date(2025, 6, 1))["Antony Blinken"]
    assert (in_office.country, in_office.sectors) == ("USA", ("GOV",))
    # CAMEO codes former office holders as elites.
    assert (after.country, after.sectors) == ("USA", ("ELI",))


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
    found = _full_mentions(nlp, "Mayor Doug McCallum spoke first. McCallum then left.")
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
    found = _full_mentions(nlp, "Hamas and the ELF signed a truce.")
    assert found["Hamas"].code == "PSEPTY"
    assert found["the ELF"].code == "COLREB"


def test_it_refers_to_the_country_just_named(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Egypt says it is ready to reduce its forces.")
    assert _actor(doc, "it").country == "EGY"
    assert _actor(doc, "its").country == "EGY"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Militants released two Saudi diplomats a day after seizing them.", "SAU"),
        ("Rebels in Chad seized two French doctors and later freed them.", "FRA"),
    ],
)
def test_an_object_pronoun_is_not_the_subject_of_its_clause(
    annotate_actors: Annotator, text: str, country: str
) -> None:
    assert _actor(annotate_actors(text), "them").country == country


def test_a_reported_pronoun_is_its_speaker_even_if_no_actor(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "Relatives waited for news of an engineer after his captors said they shot a guard."
    )
    assert "they" not in {span.text for span in doc._.actor_mentions}
    doc = annotate_actors("The Ulani Front said it bombed a Kenyan army post.")
    assert _actor(doc, "it").name == "The Ulani Front"


def test_a_placeholder_it_is_no_actor(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Syria met Egypt. It is clear that the talks failed.")
    assert "It" not in {span.text for span in doc._.actor_mentions}


def test_a_surname_refers_to_a_full_name_the_tagger_missed(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "Tatiana Stanovaya, an independent political expert, spoke on Monday.\n\n"
        "Stanovaya noted that the talks had failed."
    )
    assert _actor(doc, "Tatiana Stanovaya").name == "Tatiana Stanovaya"
    assert _actor(doc, "Stanovaya").name == "Tatiana Stanovaya"
    assert _mention(doc, "Stanovaya")._.resolved_by == "coref:surname"


def test_a_name_that_modifies_a_noun_introduces_the_person(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "But I tilt toward the Larry Ellison appraisal of Elon Musk. Later, Ellison said so."
    )
    assert _actor(doc, "Ellison").name == "Larry Ellison"


def test_a_place_with_a_first_name_is_no_person(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Officials in Nova Scotia said the roads were closed.")
    assert "person" not in [m._.resolved_by for m in doc._.actor_mentions]


def test_the_head_of_a_phrase_wins_over_its_possessor(annotate_actors: Annotator) -> None:
    actor = _actor(
        annotate_actors("Chile's Defense Department said so."), "Chile's Defense Department"
    )
    assert (actor.country, actor.sectors) == ("CHL", ("GOV", "MIL"))


def test_a_person_name_holds_no_place(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Harry Ho-jen Tseng spoke to reporters.")
    assert all(m._.actor is None or m._.actor.country is None for m in doc._.actor_mentions)


def test_a_body_of_an_international_organisation_keeps_igo(annotate_actors: Annotator) -> None:
    actor = _actor(
        annotate_actors("European Union legislators voted."), "European Union legislators"
    )
    assert actor.country is None
    assert actor.sectors == ("IGO", "LEG")


def test_a_known_name_the_tagger_took_for_a_verb_is_an_actor(annotate_actors: Annotator) -> None:
    actor = _actor(annotate_actors("FDLR"), "FDLR")
    assert (actor.country, actor.sectors) == ("RWA", ("REB",))


def test_a_predicative_demonym_is_no_actor(annotate_actors: Annotator) -> None:
    assert not annotate_actors("The car is British.")._.actor_mentions


def test_an_unnamed_actor_is_named_by_its_words_as_written(annotate_actors: Annotator) -> None:
    doc = annotate_actors("A spokesperson for the government declined to comment.")
    assert _actor(doc, "A spokesperson").name == "A spokesperson"


def test_an_organisation_named_after_its_country_is_no_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors(
        "Export Development Canada lent the money. EDC said the loan was safe, and Suncor Energy "
        "agreed. Later, Suncor said it would repay."
    )
    lender = _actor(doc, "Export Development Canada")
    assert (lender.name, lender.country) == ("Export Development Canada", "CAN")
    assert _actor(doc, "EDC") == lender
    assert _mention(doc, "EDC")._.resolved_by == "coref:short-name"
    assert _actor(doc, "Suncor").name == "Suncor Energy"


def test_a_family_name_given_first_refers_back(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "Chinese foreign ministry spokeswoman Hua Chunying spoke on Monday. Hua said the talks "
        "would go on."
    )
    assert _actor(doc, "Hua").name == "Hua Chunying"
    assert _mention(doc, "Hua")._.resolved_by == "coref:first-name"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        pytest.param(
            'Caleb Jones scored twice on Friday. "It was fun," said the rookie defenceman.',
            "the rookie defenceman",
            "Caleb Jones",
            id="a described speaker is the person just named",
        ),
        pytest.param(
            "Tesla Inc. cut prices on Monday. The company said demand was strong.",
            "The company",
            "Tesla Inc.",
            id="the company is the organisation named before",
        ),
        pytest.param(
            "Mamadou Dia was on a business trip from Paris when he ended up in a room.",
            "he",
            "Mamadou Dia",
            id="a first name outside the entity stays in the name",
        ),
        pytest.param(
            "Nadia Jamil spoke. (Lauren Pelley / CBC News) She said the shelters were full.",
            "She",
            "Nadia Jamil",
            id="a credit line is no actor",
        ),
        pytest.param(
            "Nadia Jamil leads the research. The shelters are full. Many guests stay for years. "
            "The program started in 1987. Churches run it in winter. Volunteers cook the meals. "
            "She said the program works.",
            "She",
            "Nadia Jamil",
            id="a pronoun with no one near takes the last person of its gender",
        ),
        pytest.param(
            "Audrey Parker died in November. Shanaaz Gokool, president of Dying with Dignity "
            "Canada, is hopeful Lametti might be more receptive to Parker's plea.\n\n"
            '"Our hope is that the new justice minister will follow through on what he has '
            'already said," she said in an interview.',
            "she",
            "Shanaaz Gokool",
            id="a pronoun inside a quotation teaches no gender",
        ),
    ],
)
def test_a_mention_refers_to_the_actor_named_before(
    annotate_actors: Annotator, text: str, mention: str, name: str
) -> None:
    assert _actor(annotate_actors(text), mention).name == name


def test_a_title_run_into_a_name_is_left_out(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "The Dec. 2 arrest of Huawei CFO Meng Wanzhou in Vancouver, pending her extradition to "
        "the United States, has been painted by the Chinese as an illegal detention."
    )
    actor = _actor(doc, "Huawei CFO Meng Wanzhou")
    assert (actor.name, actor.sectors) == ("Meng Wanzhou", ("BUS",))


@pytest.mark.parametrize(
    ("text", "mention", "country", "sectors"),
    [
        ("SECURITY COUNCIL", "SECURITY COUNCIL", None, ("IGO",)),
        ("Mexican PRD", "Mexican PRD", "MEX", ()),
        ("the rebel FDLR force", "the rebel FDLR force", "RWA", ("REB",)),
        ("Burkina Faso\u2019s displaced", "Burkina Faso", "BFA", ()),
        ("A Belarusian protester", "A Belarusian protester", "BLR", ("CVL", "OPP")),
    ],
)
def test_names_the_tagger_misreads(
    annotate_actors: Annotator,
    text: str,
    mention: str,
    country: str | None,
    sectors: tuple[str, ...],
) -> None:
    actor = _actor(annotate_actors(text), mention)
    assert (actor.country, actor.sectors) == (country, sectors)


def test_a_breakaway_state_is_not_the_country_it_left(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Somaliland accused Somalia of blocking aid.")
    breakaway, country = _actor(doc, "Somaliland"), _actor(doc, "Somalia")
    assert (breakaway.name, breakaway.country, breakaway.sectors) == ("Somaliland", "SOM", ("PRE",))
    assert country.sectors == ()


def test_an_organisation_keeps_its_number_and_an_object_its_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors(
        "A release sent to media from UFCW Local 832 late Friday said workers struck."
    )
    assert _actor(doc, "UFCW Local").name == "UFCW Local 832"
    president = _actor(annotate_actors("President of the Chadian Human Rights League"), "President")
    assert president.country == "TCD"


def test_a_demonym_before_a_language_names_the_language_not_a_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Ukraine curbed the Russian language in schools.")
    assert [m.text for m in doc._.actor_mentions if m._.actor.country] == ["Ukraine"]


def test_a_country_modifying_a_thing_is_the_actor_the_thing_is_not(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Chile rejected a Peruvian demand to return the fishing boat.")
    assert [(m.text, m._.resolved_by) for m in doc._.actor_mentions][1] == (
        "Peruvian",
        "country-modifier",
    )
    assert _actor(doc, "Peruvian").country == "PER"
    # Joined modifiers name an actor each.
    doc = annotate_actors("The Armenian and Azerbaijani sides agreed to meet.")
    assert [(m.text, m._.actor.country) for m in doc._.actor_mentions] == [
        ("Armenian", "ARM"),
        ("Azerbaijani", "AZE"),
    ]


def test_military_vehicles_are_the_armed_forces(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Russian helicopters struck the village; a think tank said so.")
    assert (
        _actor(doc, "Russian helicopters").country,
        _actor(doc, "Russian helicopters").sectors,
    ) == ("RUS", ("MIL",))
    assert _actor(doc, "a think tank").sectors == ("EDU",)


def test_a_known_actor_modifying_a_thing_is_an_actor(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Lebanon rejected a United Nations appeal.")
    assert _actor(doc, "United Nations").sectors == ("IGO",)


def test_a_country_written_once_for_two_forces_is_theirs(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Russian jets and tanks pounded the village.")
    assert _actor(doc, "tanks").country == "RUS"
    assert _actor(annotate_actors("US troops and militants clashed."), "militants").country is None


def test_refugees_are_of_the_country_they_flee(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Turkey will shelter refugees fleeing the war in Syria.")
    assert _actor(doc, "refugees").country == "SYR"
    doc = annotate_actors("Civilians escaping from Mosul reached the camp.")
    assert _actor(doc, "Civilians").country == "IRQ"


def test_where_a_group_is_based_gives_its_country(annotate_actors: Annotator) -> None:
    doc = annotate_actors("A small terror group based in Jamaica issued warnings.")
    group = _actor(doc, "A small terror group")
    assert (group.country, group.sectors) == (
        "JAM",
        ("REB",),
    )


def test_officials_and_bodies_of_an_international_organisation_are_igo(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors(
        "UN Secretary-General Petra Lindqvist praised the U.N. genocide tribunal."
    )
    assert _actor(doc, "UN Secretary-General Petra Lindqvist").sectors == ("IGO", "GOV")
    assert _actor(doc, "the U.N. genocide tribunal").sectors == ("IGO", "JUD")
    body = annotate_actors("The United Nations Humanitarian Affairs Coordinator spoke.")
    assert _actor(body, "The United Nations Humanitarian Affairs Coordinator").sectors == ("IGO",)


def test_a_family_name_the_tagger_took_for_a_place_is_still_a_person(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Kenzo Oshima, the relief coordinator, made demands.")
    assert _actor(doc, "Kenzo Oshima").name == "Kenzo Oshima"


def test_heads_of_government_before_2015_are_known(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Chancellor Helmut Kohl met Boris Yeltsin.", date(1995, 3, 1))
    assert (
        _actor(doc, "Chancellor Helmut Kohl").country,
        _actor(doc, "Boris Yeltsin").country,
    ) == ("DEU", "RUS")


def test_an_ethnic_group_is_coded_where_it_lives_not_as_a_state(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Ethnic Albanians in Serbia protested; Albanian troops stayed home.")
    assert (
        _actor(doc, "Ethnic Albanians").country,
        _mention(doc, "Ethnic Albanians")._.resolved_by,
    ) == (
        "SRB",
        "ethnic-group",
    )
    assert _actor(doc, "Albanian troops").country == "ALB"
    # Placed by the sentence, not by a preposition of its own.
    doc = annotate_actors("Serbian police detained four ethnic Albanians in southern Serbia.")
    assert _actor(doc, "four ethnic Albanians").country == "SRB"
    # A demonym before a population noun names an ethnic group too.
    doc = annotate_actors("The Turkish minority in Bulgaria protested.")
    assert _actor(doc, "The Turkish minority").country == "BGR"
    # A people "of" another country lives there; "of" no country, it stays the demonym's.
    doc = annotate_actors("The Hungarians of northern Serbia asked for more schools.")
    assert _actor(doc, "The Hungarians").country == "SRB"
    doc = annotate_actors("The Albanians of today demanded autonomy.")
    assert _actor(doc, "The Albanians").country == "ALB"
    doc = annotate_actors("Americans of Iraqi descent demanded an inquiry.")
    assert _actor(doc, "Americans").country == "USA"
    doc = annotate_actors("Ukrainians of the Russian-occupied Crimea staged a protest.")
    assert _actor(doc, "Ukrainians").country == "UKR"


def test_forces_are_of_the_side_they_are_loyal_to(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Troops loyal to the Libyan government attacked the rebels.")
    assert _actor(doc, "Troops").country == "LBY"
    # A known person's country, as of the article's date.
    doc = annotate_actors("Troops loyal to Vladimir Putin attacked the rebels.")
    assert _actor(doc, "Troops").country == "RUS"
    # Or of the country that owns whom they are loyal to.
    doc = annotate_actors(
        "Fighters loyal to Libya's former intelligence chief attacked the convoy."
    )
    assert _actor(doc, "Fighters").country == "LBY"


def test_members_are_of_the_body_they_are_affiliated_with(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Workers affiliated with the Croatian Dockers' Union held a walkout.")
    assert _actor(doc, "Workers").country == "HRV"


def test_an_international_armed_group_is_coded_img(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Al-Qaeda threatened the United States.")
    assert (_actor(doc, "Al-Qaeda").country, _actor(doc, "Al-Qaeda").sectors) == (
        None,
        ("IMG", "REB"),
    )


def test_a_two_word_city_in_a_name_gives_the_country(annotate_actors: Annotator) -> None:
    doc = annotate_actors("The Santa Marta Self Defense Forces attacked.")
    assert _actor(doc, "The Santa Marta Self Defense Forces").country == "COL"


def test_a_name_after_a_title_of_office_is_a_person_whatever_the_tagger_says(
    annotate_actors: Annotator,
) -> None:
    # The tagger reads "Fidelity Awuor" as an organisation, and "Fidelity" is no known first name.
    doc = annotate_actors("Vice-President Fidelity Awuor declined to resign.")
    assert _mention(doc, "Vice-President Fidelity Awuor")._.resolved_by.startswith("person")
    # An office word in an institution's name makes no person of it.
    doc = annotate_actors("The House Oversight and Government Reform Committee met.")
    assert not any(m._.resolved_by.startswith("person") for m in doc._.actor_mentions)


def test_a_country_name_misspelt_by_one_letter_is_still_the_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Ethopia and Afganistan signed a deal.")
    assert [(m.text, m._.actor.country) for m in doc._.actor_mentions] == [
        ("Ethopia", "ETH"),
        ("Afganistan", "AFG"),
    ]
    # A place the tagger knows as a region is no misspelt country (Siberia is not Liberia).
    doc = annotate_actors("Russia moved troops to Siberia.")
    assert "LBR" not in {m._.actor.country for m in doc._.actor_mentions}
    # Nor is a city's name, whatever entity the tagger puts it in.
    doc = annotate_actors("She won the heavily Democratic District of Columbia.")
    assert "COL" not in {m._.actor.country for m in doc._.actor_mentions}


def test_a_city_name_of_several_countries_is_of_the_one_its_sentence_names(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Militias in Tripoli traded fire across the northern Lebanese city.")
    assert _actor(doc, "Tripoli").country == "LBN"
    doc = annotate_actors("Militias in Tripoli fired shells.")
    assert _actor(doc, "Tripoli").country == "LBY"
    # Another country's people beside it place nothing.
    doc = annotate_actors("The Canadian prime minister flew to London.")
    assert _actor(doc, "London").country == "GBR"


def test_a_former_name_of_a_large_city_gives_its_country(annotate_actors: Annotator) -> None:
    doc = annotate_actors("The Madras High Court ruled on the case.")
    assert _actor(doc, "The Madras High Court").country == "IND"


def test_a_lone_city_read_as_an_organisation_is_the_city_but_a_surname_is_not(
    annotate_actors: Annotator,
) -> None:
    assert _actor(annotate_actors("Mariupol"), "Mariupol").country == "UKR"
    doc = annotate_actors("Hamish Telford, a professor, spoke. Telford said the vote was close.")
    telford = [m for m in doc._.actor_mentions if m.text == "Telford"]
    assert [(m._.actor.name, m._.resolved_by) for m in telford] == [
        ("Hamish Telford", "coref:surname")
    ]


def test_an_employer_of_the_same_sector_gives_the_country(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "A professor of strategic studies at the University of St. Andrews in Scotland spoke."
    )
    assert _actor(doc, "A professor").country == "GBR"
    protest = annotate_actors("Protesters at the US embassy chanted slogans.")
    assert _actor(protest, "Protesters").country is None


def test_a_country_written_before_a_known_group_names_its_branch(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Iraqi Hezbollah fired rockets; Lebanon's Hezbollah stayed out.")
    assert [m._.actor.country for m in doc._.actor_mentions if m.text.endswith("Hezbollah")] == [
        "IRQ",
        "LBN",
    ]
    designated = annotate_actors("The U.S.-designated terrorist group Hamas rejected the plan.")
    assert _actor(designated, "The U.S.-designated terrorist group").country is None
    assert _actor(designated, "Hamas").country == "PSE"


def test_an_actor_with_no_written_country_takes_its_sentences_only_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors(
        "Rebels in the Central African Republic turned down an offer from President Jean Mbeko."
    )
    president = _mention(doc, "President Jean Mbeko")
    assert (president._.actor.country, president._.resolved_by) == (
        "CAF",
        "person+role+sentence-country",
    )
    two = annotate_actors("Police in Kenya said rebels crossed from Somalia.")
    assert _actor(two, "rebels").country is None
    fighting = annotate_actors("Israeli troops killed three militants.")
    assert _actor(fighting, "three militants").country is None
    # A named office holder is of the one country the sentence names; anyone else is not.
    text = "Deputy Prime Minister Tomas Varga refused to step down despite Hungary's auditors."
    office = _mention(annotate_actors(text), "Deputy Prime Minister Tomas Varga")
    assert (office._.actor.country, office._.resolved_by) == ("HUN", "person+role+only-country")
    assert (
        _actor(annotate_actors("The minister criticized Russia."), "The minister").country is None
    )
    # A state acted on is not where the sentence happens.
    criticised = annotate_actors("The government criticized Russia.")
    assert _actor(criticised, "The government").country is None
    placed = annotate_actors("Israeli troops killed three militants in Gaza.")
    assert _actor(placed, "three militants").country == "PSE"
    outside = annotate_actors("Israeli troops killed three militants outside of Gaza City.")
    assert _actor(outside, "three militants").country == "PSE"
    province = annotate_actors("Gunmen killed five soldiers in Nigeria's Borno state.")
    assert _actor(province, "five soldiers").country == "NGA"
    town = annotate_actors("Gunmen killed five soldiers in the southern Lebanese town of Qana.")
    assert _actor(town, "five soldiers").country == "LBN"
    border = annotate_actors("Gunmen killed five soldiers near the Syrian border.")
    assert _actor(border, "five soldiers").country is None
    hostages = annotate_actors("Rebels in Mali freed two hostages.")
    assert (_actor(hostages, "Rebels").country, _actor(hostages, "two hostages").country) == (
        "MLI",
        None,
    )
    stateless = annotate_actors("Refugees crossed into Kenya on foot.")
    assert _actor(stateless, "Refugees").country is None


def test_a_city_is_found_without_its_diacritics_and_when_read_as_a_people(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Gunmen ambushed a convoy outside Samarra on Friday.")
    assert _actor(doc, "Samarra").country == "IRQ"


def test_northern_ireland_is_the_united_kingdom_not_ireland(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Police in Northern Ireland arrested two men.")
    assert _actor(doc, "Northern Ireland").country == "GBR"


def test_a_role_word_inside_a_place_name_is_no_role(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Israeli troops set up checkpoints across the West Bank.")
    assert (_actor(doc, "the West Bank").country, _actor(doc, "the West Bank").sectors) == (
        "PSE",
        (),
    )


def test_a_voice_is_of_the_country_it_speaks_for(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "The visit was postponed, said a spokesperson for the Turkish prime minister."
    )
    assert _actor(doc, "a spokesperson").country == "TUR"


def test_a_country_an_actor_stands_for_or_against_is_not_its_own(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Pro-Russian separatists and an anti-Syria journalist met in Kyiv.")
    assert _actor(doc, "Pro-Russian separatists").sectors == ("REB",)
    assert _actor(doc, "Pro-Russian separatists").country != "RUS"
    assert _actor(doc, "an anti-Syria journalist").country != "SYR"


def test_a_role_of_no_written_country_takes_its_possessor_s(annotate_actors: Annotator) -> None:
    doc = annotate_actors("Egypt said its police arrested three men.")
    assert (_actor(doc, "police").country, _mention(doc, "police")._.resolved_by) == (
        "EGY",
        "role+owner",
    )
    # "their" stands for a people named by its plural demonym, which the tagger may take for a
    # person.
    doc = annotate_actors("Bosnian Serbs claimed their forces had captured two villages.")
    assert _actor(doc, "Bosnian Serbs").country == "BIH"
    assert (_actor(doc, "forces").country, _mention(doc, "forces")._.resolved_by) == (
        "BIH",
        "role+owner",
    )
    # A group of no one country keeps none, not even its possessor's: al-Qaeda is not Saudi.
    doc = annotate_actors("Osama bin Laden's al-Qaeda released a new video.")
    assert _actor(doc, "al-Qaeda").country is None


def test_an_office_holder_named_by_a_shared_surname_takes_its_one_country(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("President Bush and the Bush administration criticized Russia.")
    assert _actor(doc, "President Bush").country == "USA"
    assert _mention(doc, "President Bush")._.resolved_by.endswith("+surname")
    # Office holders named Lee serve several countries: the surname tells none.
    assert (
        _actor(annotate_actors("President Lee criticized Russia."), "President Lee").country is None
    )


def test_supporters_are_civilians_of_whom_they_support(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "Supporters of former President Samuel Adjei of Ghana marched in the capital."
    )
    assert (_actor(doc, "Supporters").country, _actor(doc, "Supporters").sectors) == (
        "GHA",
        ("CVL",),
    )
    group = annotate_actors("Hamas supporters rallied.")
    assert _actor(group, "Hamas supporters").sectors == ("CVL",)  # not its fighters (REB)
    assert _actor(annotate_actors("Boko Haram gunmen fired."), "Boko Haram gunmen").code == "NGAREB"


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("The Soviet Union sent troops.", "The Soviet Union", "RUS"),
        ("Soviet troops withdrew.", "Soviet troops", "RUS"),
        ("Kampuchean guerrillas attacked.", "Kampuchean guerrillas", "KHM"),
        ("Yugoslavia protested.", "Yugoslavia", "SRB"),
    ],
)
def test_a_former_state_is_the_state_that_continued_it(
    annotate_actors: Annotator, text: str, mention: str, country: str
) -> None:
    assert _actor(annotate_actors(text), mention).country == country


def test_army_officers_are_the_armed_forces(annotate_actors: Annotator) -> None:
    actor = _actor(
        annotate_actors("Five Panamanian army officers fled."), "Five Panamanian army officers"
    )
    assert (actor.country, actor.sectors) == ("PAN", ("MIL",))


def test_a_us_place_bearing_a_country_name_is_in_the_united_states(
    annotate_actors: Annotator,
) -> None:
    doc = annotate_actors("Flooding closed roads in New Jersey and in Jersey City on Monday.")
    assert [
        (_actor(doc, p).country, _mention(doc, p)._.resolved_by)
        for p in (
            "New Jersey",
            "Jersey City",
        )
    ] == [("USA", "city"), ("USA", "city")]


def test_a_us_state_named_like_a_country_is_told_apart_by_its_city(
    annotate_actors: Annotator,
) -> None:
    state = annotate_actors("Storms hit Savannah, Georgia, overnight.")
    assert _actor(state, "Georgia").country == "USA"
    country = annotate_actors("Georgia's president flew to Moscow.")
    assert _actor(country, "Georgia's president").country == "GEO"


def test_a_known_person_is_known_with_a_middle_initial(annotate_actors: Annotator) -> None:
    doc = annotate_actors(
        "Jacques Chirac met Vladimir V. Putin in Paris. Putin praised the talks.",
        date(2004, 6, 1),
    )
    full, surname = _mention(doc, "Vladimir V. Putin"), _mention(doc, "Putin")
    assert full._.resolved_by == "kb:vladimir-putin"
    assert surname._.actor == full._.actor
