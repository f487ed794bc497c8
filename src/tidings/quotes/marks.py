"""Find direct quotations by their quote marks, robustly: one stray mark never costs more than
its own paragraph, and a quote may continue into the next paragraph as journalists write it."""

from __future__ import annotations

import re

OPENING = {"“", "«", '"'}
CLOSING = {"”", "»", '"'}
DOUBLED = "''"
# Marks of one style: a quote goes on into the next paragraph only with a mark of its own style.
STYLE = {
    "“": "curly",
    "”": "curly",
    "«": "angle",
    "»": "angle",
    '"': "straight",
    DOUBLED: "straight",
}
# Every mark, the doubled apostrophes first: a scan visits these, not every character.
ANY_MARK = re.compile("''|[“”«»\"]")


def _leading_mark(paragraph: str) -> str:
    """The opening mark a paragraph starts with, or ""."""
    lead = paragraph.lstrip()
    if lead.startswith(DOUBLED):
        return DOUBLED
    return lead[:1] if lead[:1] in OPENING else ""


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, quote marks included, in text order."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    position = 0
    for paragraph in text.split("\n"):
        first = position + len(paragraph) - len(paragraph.lstrip())
        scan_from = position
        if opened is not None:
            mark = _leading_mark(paragraph)
            opener = DOUBLED if text.startswith(DOUBLED, opened) else text[opened]
            if mark and STYLE[mark] == STYLE[opener]:
                scan_from = first + len(mark)  # the quote goes on; this mark is not a close
            else:
                spans.append((opened, position - 1))  # unclosed: it ends with its paragraph
                opened = None
        for found in ANY_MARK.finditer(text, scan_from, position + len(paragraph)):
            at, width = found.start(), len(found[0])
            # Two apostrophes stand for a straight double mark in some feeds: ''like this''.
            char = '"' if width == 2 else found[0]
            # A paragraph that starts with a closing mark opens a quote with it (a common slip).
            opens = char in OPENING or (at == first and char in CLOSING)
            if opened is None and opens:
                opened = at
            elif opened is not None and char in CLOSING:
                spans.append((opened, at + width))
                opened = None
        position += len(paragraph) + 1
    if opened is not None:
        spans.append((opened, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip(" '\"“”«»\n")]
