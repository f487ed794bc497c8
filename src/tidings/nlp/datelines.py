"""Wire datelines and bylines ("GAZA (Reuters) - ", "AP - ") name no actor of the story: they
are blanked, every other character keeping its offset, before the pipeline reads a text."""

from __future__ import annotations

import re
from functools import cache

from tidings.tables import TableError, packaged, read_yaml

DATELINES_FILE = "nlp/datelines.yaml"
# A place in capitals, perhaps with its country or a date: "BAGHDAD", "NEW DELHI, India".
_PLACE = r"[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]*|[ ,]+\d{1,2})*"
_DASH = r"\s*(?:--|[-\u2013\u2014:])\s*"


@cache
def dateline_pattern() -> re.Pattern[str]:
    """What opens a wire story: a place and agency ("GAZA (Reuters) -") or an agency alone
    ("AP -")."""
    path = packaged(DATELINES_FILE)
    table = read_yaml(path)
    agencies = table.get("agencies") if isinstance(table, dict) else None
    if not isinstance(agencies, list) or not all(isinstance(a, str) and a for a in agencies):
        raise TableError(path, 1, "'agencies' must be a list of agency names")
    agency = "|".join(re.escape(name) for name in sorted(agencies, key=len, reverse=True))
    # A place in capitals and a colon ("BRUSSELS:") is left alone: transcripts name speakers so.
    return re.compile(rf"\s*(?:(?:{_PLACE}\s*)?\((?:{agency})\)|{agency}){_DASH}")


def blank_dateline(text: str) -> str:
    """The text with its opening datelines and bylines replaced by spaces."""
    end = 0
    # A story may carry two: "Canadian Press - MOSCOW (AP) - ...".
    while found := dateline_pattern().match(text, end):
        if found.end() == end:
            break
        end = found.end()
    return " " * end + text[end:]
