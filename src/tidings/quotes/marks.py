"""Find direct quotations by their quote marks, robustly: one stray mark never costs more than
its own paragraph, and a quote may continue into the next paragraph as journalists write it."""

from __future__ import annotations

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
        at, paragraph_end = scan_from, position + len(paragraph)
        while at < paragraph_end:
            # Two apostrophes stand for a straight double mark in some feeds: ''like this''.
            width = 2 if text.startswith(DOUBLED, at) else 1
            char = '"' if width == 2 else text[at]
            # A paragraph that starts with a closing mark opens a quote with it (a common slip).
            opens = char in OPENING or (at == first and char in CLOSING)
            if opened is None and opens:
                opened = at
            elif opened is not None and char in CLOSING:
                spans.append((opened, at + width))
                opened = None
            at += width
        position += len(paragraph) + 1
    if opened is not None:
        spans.append((opened, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip(" '\"“”«»\n")]
