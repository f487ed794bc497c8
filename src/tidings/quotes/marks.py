"""Find direct quotations by their quote marks, robustly: one stray mark never costs more than
its own paragraph, and a quote may continue into the next paragraph as journalists write it."""

from __future__ import annotations

OPENING = {"“", "«", '"'}
CLOSING = {"”", "»", '"'}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, quote marks included, in text order."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    position = 0
    for paragraph in text.split("\n"):
        first = position + len(paragraph) - len(paragraph.lstrip())
        scan_from = position
        if opened is not None:
            if paragraph.lstrip()[:1] in OPENING:
                scan_from = first + 1  # the quote goes on; its new opening mark is not a close
            else:
                spans.append((opened, position - 1))  # unclosed: it ends with its paragraph
                opened = None
        for at in range(scan_from, position + len(paragraph)):
            char = text[at]
            if opened is None and char in OPENING:
                opened = at
            elif opened is not None and char in CLOSING:
                spans.append((opened, at + 1))
                opened = None
        position += len(paragraph) + 1
    if opened is not None:
        spans.append((opened, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip(' "“”«»\n')]
