"""Split units into passages short enough for the embedding model (256 word pieces at most).

Results are always reported per unit; passages only exist for matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.units import Unit

# About 1.3 word pieces per English word in this corpus, so 150 words stays well inside 256 pieces
# even after the context header is prepended.
MAX_WORDS = 150
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z‘'(])")
# Sentence views: a short sentence matched on its own is the sharpest dense signal, but fragments
# under three words ("core groups") say too little without their list.
_SENTENCE_OR_LINE = re.compile(r"(?<=[.?!:])\s+|\n")
MIN_SENTENCE_WORDS = 3


@dataclass(frozen=True)
class Passage:
    unit: int  # index into the unit list
    text: str  # what is matched: context header + a chunk or one sentence of the unit's text
    kind: str = "chunk"  # "chunk" (BM25 and dense) or "sentence" (dense only)


def context_header(unit: Unit) -> str:
    """Heading words help both matchers: 'what do I report on X' finds the Annex M row named X."""
    heading = unit.section.split(" › ")[-1]
    name = unit.ref.split(": ", 1)[1] if ": " in unit.ref else ""
    parts = [p for p in (heading, name) if p]
    return " — ".join(parts)


def _pieces(text: str) -> list[str]:
    """Lines, and sentences of any line that alone is too long."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line.split()) <= MAX_WORDS:
            out.append(line)
            continue
        for sentence in _SENTENCE_END.split(line):
            words = sentence.split()
            for start in range(0, len(words), MAX_WORDS):
                out.append(" ".join(words[start : start + MAX_WORDS]))
    return out


def chunk_text(text: str, max_words: int = MAX_WORDS) -> list[str]:
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for piece in _pieces(text):
        n = len(piece.split())
        if current and count + n > max_words:
            chunks.append("\n".join(current))
            current, count = [], 0
        current.append(piece)
        count += n
    if current:
        chunks.append("\n".join(current))
    return chunks


def sentence_views(text: str) -> list[str]:
    return [s for s in _SENTENCE_OR_LINE.split(text) if len(s.split()) >= MIN_SENTENCE_WORDS]


def split_units(units: list[Unit]) -> list[Passage]:
    """Chunk passages (whole unit text in pieces) and sentence passages, each under the unit's header."""
    passages: list[Passage] = []
    for i, unit in enumerate(units):
        header = context_header(unit)
        for chunk in chunk_text(unit.text):
            passages.append(Passage(unit=i, text=f"{header}\n{chunk}" if header else chunk))
        for sentence in sentence_views(unit.text):
            passages.append(Passage(unit=i, text=f"{header}\n{sentence}" if header else sentence, kind="sentence"))
    return passages
