from __future__ import annotations

from pathlib import Path

import pytest

from tidings.tables import TableError, read_tsv, read_yaml, without_arabic_article


def test_read_tsv_skips_comments_and_numbers_lines(tmp_path: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("# a comment\ncode\tname\n\n010\tMake statement\n020\tAppeal\n")
    assert list(read_tsv(table)) == [
        (4, {"code": "010", "name": "Make statement"}),
        (5, {"code": "020", "name": "Appeal"}),
    ]


def test_read_tsv_reports_file_and_line_of_a_bad_row(tmp_path: Path) -> None:
    table = tmp_path / "t.tsv"
    table.write_text("code\tname\n010\tok\n020\ttoo\tmany\n")
    with pytest.raises(TableError, match=r"t\.tsv:3: 3 fields, header has 2"):
        list(read_tsv(table))


def test_read_yaml_reports_line_of_a_syntax_error(tmp_path: Path) -> None:
    table = tmp_path / "t.yaml"
    table.write_text("a: 1\nb: [unclosed\nc: 2\n")
    with pytest.raises(TableError) as raised:
        read_yaml(table)
    assert raised.value.path == str(table)
    assert raised.value.line >= 2


@pytest.mark.parametrize(
    ("name", "bare"),
    [("Al Fallujah", "Fallujah"), ("Ar Ramadi", "Ramadi"), ("As-Sulaymaniyah", "Sulaymaniyah")],
)
def test_a_place_name_loses_its_arabic_article(name: str, bare: str) -> None:
    assert without_arabic_article(name) == bare


@pytest.mark.parametrize("name", ["El Paso", "Al Ain", "Alexandria", "Baghdad", "Amman"])
def test_other_names_keep_their_first_word(name: str) -> None:
    assert without_arabic_article(name) is None
