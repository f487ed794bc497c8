"""Properties of the input parsers: texts round-trip, and no input makes them raise."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.ingest import read_articles
from tidings.records import Article, IngestFailure, without_controls

# Files are rewritten in the same tmp_path by every example, which is what we want here.
FILE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
field_names = st.sampled_from(["text", "maintext", "url", "title", "date", "source", "outlet"])


def documented_normalisation(text: str) -> str:
    """What the ingest docs promise: \\r\\n and \\r become \\n, a leading BOM goes, other
    control characters but tab become spaces, surrounding white space goes; nothing else changes."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    spaced = "".join(" " if ord(c) < 0x20 and c not in "\t\n" else c for c in unified)
    return spaced.strip()


def _only(items: list[Article | IngestFailure]) -> Article | IngestFailure:
    assert len(items) == 1, items
    return items[0]


def _check_round_trip(item: Article | IngestFailure, text: str) -> None:
    expected = documented_normalisation(text)
    if expected:
        assert isinstance(item, Article) and item.text == expected
    else:
        assert isinstance(item, IngestFailure) and item.reason == "empty text"


@FILE_SETTINGS
@given(text=st.text())
def test_any_text_round_trips_through_a_txt_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    _check_round_trip(_only(list(read_articles([path]))), text)


@FILE_SETTINGS
@given(text=st.text(), title=st.text(), url=st.text())
def test_any_text_round_trips_through_jsonl_and_csv(
    tmp_path: Path, text: str, title: str, url: str
) -> None:
    (tmp_path / "any.jsonl").write_text(
        json.dumps({"text": text, "title": title, "url": url}) + "\n", encoding="utf-8"
    )
    with (tmp_path / "any.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "title", "url"])
        writer.writerow([text, title, url])
    for name in ("any.jsonl", "any.csv"):
        item = _only(list(read_articles([tmp_path / name])))
        _check_round_trip(item, text)
        if isinstance(item, Article):
            assert item.title == (without_controls(title).strip() or None), name
            assert item.url == (without_controls(url).strip() or None), name


@FILE_SETTINGS
@given(
    data=st.binary(max_size=400),
    suffix=st.sampled_from(
        [".txt", ".jsonl", ".jsonl.gz", ".csv", ".html", ".rss", ".xml", ".warc", ".warc.gz", ""]
    ),
)
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    items = list(read_articles([path]))
    assert all(isinstance(item, Article | IngestFailure) for item in items)
    if suffix in (".txt", "", ".html", ".rss", ".xml", ".warc", ".warc.gz"):
        assert items, "a whole-file input must give an article or a failure"


@FILE_SETTINGS
@given(lines=st.lists(st.text().map(lambda line: line.replace("\n", " ")), max_size=5))
def test_arbitrary_jsonl_lines_never_raise_and_each_gives_one_item(
    tmp_path: Path, lines: list[str]
) -> None:
    path = tmp_path / "any.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogatepass"))
    items = list(read_articles([path]))
    non_blank = [line for line in lines if line.strip()]
    assert len(items) == len(non_blank)


@FILE_SETTINGS
@given(
    records=st.lists(
        json_values | st.dictionaries(field_names, json_values, max_size=5), max_size=4
    )
)
def test_arbitrary_json_records_never_raise_and_each_gives_one_item(
    tmp_path: Path, records: list[object]
) -> None:
    path = tmp_path / "any.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    items = list(read_articles([path]))
    assert len(items) == len(records)
    for record, item in zip(records, items, strict=True):
        has_text = isinstance(record, dict) and isinstance(
            record.get("text", record.get("maintext")), str
        )
        if isinstance(item, Article):
            assert has_text
