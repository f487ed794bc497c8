"""Reading articles from every supported kind of input, and failing one input at a time."""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.shared_data import shared_path
from tidings.ingest import parse_date, read_articles
from tidings.records import Article, IngestFailure

PAGE = """<html><head><title>Blinken in Israel</title>
<meta property="article:published_time" content="2024-08-19T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article>
<p>US Secretary of State Antony Blinken has called on Hamas to accept a ceasefire agreement.</p>
<p>On Monday he said that Israel had accepted the latest proposal brokered by the United States.</p>
</article><footer>Copyright 2024 Example News</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
<item><title>Talks in Doha</title><link>https://example.org/doha</link>
<pubDate>Tue, 20 Aug 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Qatar hosted talks between Israel and Hamas in Doha on Monday.&lt;/p&gt;
</description>
</item></channel></rss>"""


def _articles(items: list[Article | IngestFailure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def test_plain_text_with_default_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n  Egypt condemned Israel.\r\nQatar hosted talks.  \n")
    (article,) = read_articles([path], default_date=date(2024, 8, 20))
    assert article == Article(
        text="Egypt condemned Israel.\nQatar hosted talks.", published=date(2024, 8, 20)
    )


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    texts = [a.text for a in _articles(list(read_articles([tmp_path])))]
    assert texts == ["First article.", "Second article."]


def test_each_bad_input_fails_alone_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x81")
    (tmp_path / "empty.txt").write_text(" \n ")
    (tmp_path / "good.txt").write_text("Iran threatened Israel.")
    (tmp_path / "nav.html").write_text("<html><body><script>var a;</script><img></body></html>")
    items = list(read_articles([tmp_path, tmp_path / "absent.txt"]))
    failures = {Path(f.location).name: f.reason for f in items if isinstance(f, IngestFailure)}
    assert failures == {
        "binary.txt": "not UTF-8 text",
        "empty.txt": "empty text",
        "nav.html": "no main text in HTML",
        "absent.txt": "no such file",
    }
    assert [a.text for a in _articles(items)] == ["Iran threatened Israel."]


def test_jsonl_fields_metadata_date_wins_and_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps(
            {"text": "Egypt condemned Israel.", "url": "https://e.org/1", "date": "2024-08-01"}
        ),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Qatar hosted talks.", "outlet": "CTV", "headline": "Talks"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_articles([path], default_date=date(2024, 8, 20)))
    assert [(f.location, f.reason) for f in items if isinstance(f, IngestFailure)] == [
        (f"{path}:2", "not JSON: Expecting property name enclosed in double quotes"),
        (f"{path}:3", "no 'text' field"),
    ]
    first, second = _articles(items)
    assert (first.url, first.published) == ("https://e.org/1", date(2024, 8, 1))
    assert (second.source, second.title, second.published) == ("CTV", "Talks", date(2024, 8, 20))


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write(json.dumps({"text": "Iran threatened Israel."}) + "\n")
    assert [a.text for a in _articles(list(read_articles([path])))] == ["Iran threatened Israel."]


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as handle:
        handle.write(json.dumps({"text": "First."}) + "\n")
        handle.write(json.dumps({"text": "Second."}) + "\n")
    items = read_articles([path])
    first = next(items)
    # The rest of the file is read only when asked for: a line appended now is still seen.
    with path.open("a") as handle:
        handle.write(json.dumps({"text": "Written after the first article was read."}) + "\n")
    rest = list(items)
    assert isinstance(first, Article)
    assert [a.text for a in _articles(rest)][-1] == "Written after the first article was read."


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["title", "text", "date"])
        writer.writeheader()
        writer.writerow({"title": "T", "text": "Line one,\nline two.", "date": "2024-08-19"})
        writer.writerow({"title": "Empty", "text": "", "date": ""})
    items = list(read_articles([path]))
    (article,) = _articles(items)
    assert (article.text, article.title, article.published) == (
        "Line one,\nline two.",
        "T",
        date(2024, 8, 19),
    )
    assert [f.reason for f in items if isinstance(f, IngestFailure)] == ["empty text"]


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert "Israel had accepted the latest proposal" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert (article.title, article.published) == ("Blinken in Israel", date(2024, 8, 19))


def test_warc_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            "https://example.org/blinken",
            "response",
            payload=io.BytesIO(PAGE.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert article.url == "https://example.org/blinken"
    assert "called on Hamas" in article.text


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(FEED)
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert article.text == "Qatar hosted talks between Israel and Hamas in Doha on Monday."
    assert (article.url, article.title, article.source, article.published) == (
        "https://example.org/doha",
        "Talks in Doha",
        "Example News",
        date(2024, 8, 20),
    )


def test_parse_date_accepts_absolute_dates_only() -> None:
    assert parse_date("2024-08-20T10:00:00Z") == date(2024, 8, 20)
    assert parse_date("20 August 2024") == date(2024, 8, 20)
    assert parse_date("yesterday") is None
    assert parse_date("") is None


def test_the_ggt_corpus_reads_as_49_articles() -> None:
    items = list(read_articles([shared_path("data/quotes/ggt_dev.jsonl")]))
    assert len(_articles(items)) == 49
    assert all(a.source for a in _articles(items))


texts = st.text(min_size=1).filter(lambda t: t.strip() != "")
FILE_SETTINGS = settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _expected(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@FILE_SETTINGS
@given(text=texts)
def test_any_text_round_trips_through_txt(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    (item,) = read_articles([path])
    if isinstance(item, Article):
        assert item.text == _expected(text)
    else:
        assert item.reason in ("empty text", "not UTF-8 text")


@FILE_SETTINGS
@given(text=texts, title=st.text())
def test_any_text_round_trips_through_jsonl_and_csv(tmp_path: Path, text: str, title: str) -> None:
    (tmp_path / "any.jsonl").write_text(json.dumps({"text": text, "title": title}) + "\n")
    with (tmp_path / "any.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["text", "title"])
        writer.writeheader()
        writer.writerow({"text": text, "title": title})
    for name in ("any.jsonl", "any.csv"):
        items = list(read_articles([tmp_path / name]))
        articles = _articles(items)
        if _expected(text):
            assert [a.text for a in articles] == [_expected(text)], name


@FILE_SETTINGS
@given(
    data=st.binary(max_size=300),
    suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".html", ".rss", ".warc"]),
)
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    for item in read_articles([path]):
        assert isinstance(item, Article | IngestFailure)
