"""Values in a table whose header names them: a "DOB" column holds dates of birth, a "Child ID" column
case references and a "Name" column names, as in child-level lists pasted from Annex A. The column says
what a bare value is, where the value alone ("14/06/2013", "40213") could be anything."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.identifiers.base import Finding
from drafting.identifiers.dates import DATE

_CELL_SEPARATOR = re.compile(r"\s*[|\t]\s*")
_HEADERS = {
    "DATE_OF_BIRTH": re.compile(r"(?i:d\.?o\.?b\.?|date of birth|birth ?date|born)"),
    "CASE_REFERENCE": re.compile(
        r"(?i:(?:child|case|person|client|pupil|young person(?:['’]s)?|LCS|mosaic|liquidlogic)?\s*"
        r"(?:id|ref(?:erence)?|number|no\.?))"
    ),
    "PERSON": re.compile(
        r"(?i:(?:(?:child|young person|carer|parent|mother|father|full|first|last)['’]?s?\s+)?name|surname|forename)"
    ),
}
_VALUES = {
    "DATE_OF_BIRTH": re.compile(DATE),
    "CASE_REFERENCE": re.compile(r"(?=[^\s]*\d)[A-Z0-9][A-Za-z0-9/-]{2,}"),
    # A name in a name column: capitalised words, hyphens and apostrophes ("Amelia-Rose Hartigan", "O'Neill").
    "PERSON": re.compile(r"(?:[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*)(?:\s+[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*){0,3}"),
}
_SCORES = {"DATE_OF_BIRTH": 0.9, "CASE_REFERENCE": 0.85, "PERSON": 0.9}


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's cells, stripped of the separators and spaces around them."""
    spans, cell_start = [], start
    for sep in _CELL_SEPARATOR.finditer(text, start, end):
        spans.append((cell_start, sep.start()))
        cell_start = sep.end()
    spans.append((cell_start, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line.rstrip())
        start += len(line) + 1


def _header_kind(cell: str) -> str | None:
    return next((kind for kind, pattern in _HEADERS.items() if pattern.fullmatch(cell.strip())), None)


def _header_kinds(text: str, start: int, end: int, cells: list[tuple[int, int]]) -> list[str | None] | None:
    """The kinds a header row names, column by column; None for a line that is no header. A header row has two
    cells or more, names a column and holds no figures."""
    if len(cells) < 2 or any(c.isdigit() for c in text[start:end]):
        return None
    kinds = [_header_kind(text[s:e]) for s, e in cells]
    return kinds if any(kinds) else None


def header_rows(text: str) -> list[tuple[int, int]]:
    """The spans of a text's table header rows ("Name\tRelationship\tDOB"): labels, not anyone's details."""
    return [(start, end) for start, end in _lines(text) if _header_kinds(text, start, end, _cells(text, start, end))]


class TableColumnDetector:
    name = "table-column"
    types = frozenset(_HEADERS)

    def detect(self, text: str) -> list[Finding]:
        out: list[Finding] = []
        header: list[str | None] | None = None
        for start, end in _lines(text):
            cells = _cells(text, start, end)
            if len(cells) < 2:
                header = None
                continue
            kinds = _header_kinds(text, start, end, cells)
            if kinds is not None:
                header = kinds
                continue
            if header is None or len(header) != len(cells):
                continue
            for (s, e), kind in zip(cells, header, strict=True):
                if kind is not None and _VALUES[kind].fullmatch(text[s:e]):
                    out.append(
                        Finding(type=kind, text=text[s:e], start=s, end=e, score=_SCORES[kind], detector=self.name)
                    )
        return out
