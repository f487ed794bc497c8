from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tidings.pipeline import annotate
from tidings.records import Article
from tidings.time_place.places import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "country", "place"),
    [
        ("Fla.", "USA", "Florida"),
        ("N.Y.", "USA", "New York"),
        ("B.C.", "CAN", "British Columbia"),
        ("New York", "USA", "New York City"),
        ("Virginia", "USA", "Virginia"),
        ("the People\u2019s Republic of China", "CHN", "China"),
        ("New York's", "USA", "New York City"),
        ("the City of Surrey", "CAN", "Surrey"),
        # GeoNames writes the Arabic article: "Al Fallūjah", "As Samawah".
        ("Fallujah", "IRQ", "Al Fallūjah"),
        ("Samawah", "IRQ", "As Samawah"),
    ],
)
def test_names_news_writes(gazetteer: Gazetteer, name: str, country: str, place: str) -> None:
    found = gazetteer.resolve(name, 0, len(name), countries=())
    assert found is not None
    assert (found.country, found.name) == (country, place)


def test_a_state_has_its_geonames_id_and_a_province_its_country(gazetteer: Gazetteer) -> None:
    florida = gazetteer.resolve("Fla.", 0, 4, countries=())
    ontario = gazetteer.resolve("Ont.", 0, 4, countries=())
    assert florida is not None and florida.geonames_id == 4155751
    assert ontario is not None and (ontario.country, ontario.geonames_id) == ("CAN", None)


def test_the_article_s_countries_choose_among_namesakes(gazetteer: Gazetteer) -> None:
    in_canada = gazetteer.resolve("Cambridge", 0, 9, countries={"CAN"})
    anywhere = gazetteer.resolve("Cambridge", 0, 9, countries=())
    assert in_canada is not None and in_canada.country == "CAN"
    assert anywhere is not None and anywhere.country == "GBR"


def test_short_country_names_get_the_country_s_geonames_id(nlp: Language) -> None:
    doc = annotate(nlp, Article(text="Troops from the U.S. arrived in Britain.", published=None))
    ids = {span.text: span._.place.geonames_id for span in doc._.places}
    assert ids == {"U.S.": 6252001, "Britain": 2635167}


def test_a_place_the_gazetteer_lacks_takes_the_prevailing_country(nlp: Language) -> None:
    text = (
        "Police in Toronto and Ottawa said the man was arrested near Yonge Street, "
        "not far from Dundas Square in Toronto."
    )
    doc = annotate(nlp, Article(text=text, published=date(2019, 1, 10)))
    places = {span.text: span._.place for span in doc._.places}
    assert places["Yonge Street"].country == "CAN"
    assert places["Yonge Street"].geonames_id is None
