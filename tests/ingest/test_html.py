"""HTML pages: main text without boilerplate, metadata from the page, honest dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tidings.ingest import read_articles
from tidings.records import Article, IngestFailure


def test_main_text_without_boilerplate_and_metadata(tmp_path: Path, news_page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(news_page)
    (article,) = read_articles([path], default_date=date(2024, 8, 25))
    assert isinstance(article, Article)
    assert article.text == (
        "US Secretary of State Antony Blinken has called on Hamas to accept a ceasefire "
        "agreement.\nOn Monday he said that Israel had accepted the latest proposal brokered "
        "by the United States."
    )
    # The date as the page writes it (19 August in UTC-5), not shifted to UTC.
    assert (article.title, article.published) == ("Blinken in Israel", date(2024, 8, 19))


def test_a_footer_year_is_not_taken_for_the_publication_date(
    tmp_path: Path, news_page: str
) -> None:
    path = tmp_path / "page.htm"
    without_meta = "\n".join(line for line in news_page.splitlines() if "<meta" not in line)
    assert "2019" in without_meta
    path.write_text(without_meta)
    (article,) = read_articles([path], default_date=date(2024, 8, 20))
    assert isinstance(article, Article)
    assert article.published == date(2024, 8, 20)


def test_the_declared_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    sentence = "Le ministre français a condamné l'attaque, selon un communiqué publié lundi."
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Paris</title></head>'
        f"<body><article><p>{sentence}</p></article></body></html>"
    )
    path.write_bytes(page.encode("latin-1"))
    (article,) = read_articles([path])
    assert isinstance(article, Article) and article.text == sentence


def test_page_without_main_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><script>var a;</script><img src='x.png'></body></html>")
    assert list(read_articles([path])) == [IngestFailure(str(path), "no main text in HTML")]
