"""RSS and Atom feed files: each entry is an article with its link, title and date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tidings.ingest import read_articles
from tidings.records import Article, IngestFailure

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
<item><title>Talks in Doha</title><link>https://example.org/doha</link>
<pubDate>Tue, 20 Aug 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Qatar hosted talks between Israel and Hamas.&lt;/p&gt;
&lt;p&gt;Egypt &amp;amp; the US took part.&lt;/p&gt;</description></item>
<item><title>No text</title><link>https://example.org/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title>
<entry><title>Late night</title><link href="https://example.org/late"/>
<updated>2024-08-20T23:30:00-05:00</updated>
<summary type="html">&lt;p&gt;Short teaser.&lt;/p&gt;</summary>
<content type="html">&lt;p&gt;Iran threatened Israel on Tuesday.&lt;/p&gt;</content></entry>
<entry><title>Plain</title><updated>Wed, 21 Aug 2024 10:00:00 GMT</updated>
<summary type="text">Jordan &amp; Egypt met.</summary></entry>
</feed>"""


def test_rss_entries_with_html_descriptions(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS)
    article, failure = read_articles([path])
    assert article == Article(
        "Qatar hosted talks between Israel and Hamas.\nEgypt & the US took part.",
        url="https://example.org/doha",
        title="Talks in Doha",
        source="Example News",
        published=date(2024, 8, 20),
    )
    assert failure == IngestFailure(f"{path}#https://example.org/empty", "feed entry has no text")


def test_atom_content_wins_over_summary_and_dates_stay_as_written(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    late, plain = read_articles([path], default_date=date(2000, 1, 1))
    assert late == Article(
        "Iran threatened Israel on Tuesday.",
        url="https://example.org/late",
        title="Late night",
        source="Wire",
        published=date(2024, 8, 20),
    )
    assert plain == Article(
        "Jordan & Egypt met.", title="Plain", source="Wire", published=date(2024, 8, 21)
    )


def test_xml_that_is_not_a_feed_fails(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book id="1">A</book></catalog>')
    assert list(read_articles([path])) == [IngestFailure(str(path), "not an RSS or Atom feed")]
