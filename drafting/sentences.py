"""Sentences of a report with their character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A list item's marker: a bullet (a .docx list paragraph is read with "• ", documents.body_lines), a dash,
# or a number or letter ("1.", "2)", "(a)"); LIST_ITEM matches it with the spaces around it at a line's start.
LIST_MARKER = r"(?:[•·▪◦‣*–-]|\(?(?:\d{1,2}|[a-z])[.)])"
LIST_ITEM = re.compile(rf"[ \t]*{LIST_MARKER}[ \t]+")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z0-9“\"(‘])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        cursor = 0
        for piece in _BOUNDARY.split(line):
            begin = line.index(piece, cursor)
            cursor = begin + len(piece)
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(offset + begin + lead, offset + begin + lead + len(stripped), stripped))
        offset += len(line) + 1
    return out
