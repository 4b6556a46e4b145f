"""Sentences of a unit by exact character offsets, each with the lead-in line of its list if it is
a list item ("Foster carers should always be asked about:" / "how delegated authority is managed")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_BOUNDARY = re.compile(r"(?<=[.?!])\s+(?=[A-Z‘'(])")


@dataclass(frozen=True)
class Span:
    """A sentence of a unit, by character offsets, with the line that introduces it if it is a list item."""

    start: int
    end: int
    lead_in: tuple[int, int] | None


def sentence_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    offset = 0
    lead: tuple[int, int] | None = None
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        is_item = lead is not None and (line[:1].islower() or line.startswith("- "))
        pieces = _SENTENCE_BOUNDARY.split(line)
        cursor = line_start
        for piece in pieces:
            begin = text.index(piece, cursor)
            cursor = begin + len(piece)
            # A "- " bullet marker is layout, not part of what the handbook says.
            quote_start = begin + 2 if piece.startswith("- ") else begin
            spans.append(Span(quote_start, cursor, lead if is_item else None))
        if line.rstrip().endswith(":"):
            last = spans[-1]
            lead = (last.start, last.end)
        elif not is_item:
            lead = None
    return spans


def in_context(text: str, spans: list[Span]) -> list[str]:
    """Each sentence as it should be read: a list item after its lead-in."""
    return [
        f"{text[s.lead_in[0] : s.lead_in[1]]} {text[s.start : s.end]}" if s.lead_in else text[s.start : s.end]
        for s in spans
    ]


def line_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The non-blank lines of text[start:stop], by offsets, without their surrounding spaces."""
    spans: list[tuple[int, int]] = []
    offset = start
    for line in text[start:stop].split("\n"):
        if line.strip():
            begin = offset + len(line) - len(line.lstrip())
            spans.append((begin, begin + len(line.strip())))
        offset += len(line) + 1
    return spans
