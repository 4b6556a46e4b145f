"""Values in a table whose header names them: a "DOB" column holds dates of birth, a "Child ID" column
case references and a "Name" column names, as in child-level lists pasted from Annex A. The column says
what a bare value is, where the value alone ("14/06/2013", "40213") could be anything. The header may be a row
of its own or a sentence before the rows ("Columns: ID, name, DOB, legal status"); rows are cut at tabs, at
pipes, or at the bare commas of a line exported as CSV. A row pasted without its header is read by its shape:
an ID before a cell that is a whole name, a date just after it (scored as possible)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.identifiers.base import Finding
from drafting.identifiers.dates import DATE, FULL_DATE

_CELL_SEPARATOR = re.compile(r"\s*[|\t]\s*")
# A line exported as CSV: commas with no space after them ("40213,Kacper Nowicki,14/06/2013,S31"), three or
# more, and letters somewhere, so that a figure's thousands ("1,204,330") stay one cell.
_CSV_SEPARATOR = re.compile(r",")
_CSV_LINE = re.compile(r"(?=(?:[^,\n]*,(?! )){3})(?=[^\n]*[^\W\d_])[^\n]*")
# "Columns: ID, name, DOB, legal status": a header written as a sentence before the rows it names.
_PROSE_HEADER = re.compile(r"\b(?i:columns|column headings|headings|fields)(?::|\s+are:?)\s*(?P<names>[^.;\n]+)")
_PROSE_HEADER_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
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
# A row without its header: a cell that is a whole name, two to four capitalised words with small letters in
# them (not "IFA" or "S31"); an ID of five to ten digits as its first cell; a full date within the two cells
# after the name (a chronology's date comes first, before the event, and is not read).
_NAME_WORD = r"[A-Z][^\W\d_]*[a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*"
_WHOLE_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
# "1150213" or, after a label, "Care leaver from list 9: 1150213".
_ROW_ID = re.compile(r"(?:[^:]*:\s*)?(?P<id>\d{5,10})")
_DATE_CELL = re.compile(FULL_DATE)
_UNHEADED_SCORE = 0.65


def _csv_line(text: str, start: int, end: int) -> bool:
    """The line is cut at its bare commas: it has no tab or pipe and has a CSV export's commas."""
    return not _CELL_SEPARATOR.search(text, start, end) and _CSV_LINE.fullmatch(text, start, end) is not None


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's cells, stripped of the separators and spaces around them."""
    separator = _CSV_SEPARATOR if _csv_line(text, start, end) else _CELL_SEPARATOR
    spans, cell_start = [], start
    for sep in separator.finditer(text, start, end):
        spans.append((cell_start, sep.start()))
        cell_start = sep.end()
    spans.append((cell_start, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line.rstrip())
        start += len(line) + 1


def csv_cell_starts(text: str) -> set[int]:
    """Where the cells of a text's CSV lines start after a bare comma: a cell starts afresh, as after a tab."""
    return {
        comma.end()
        for start, end in _lines(text)
        if _csv_line(text, start, end)
        for comma in _CSV_SEPARATOR.finditer(text, start, end)
    }


def _header_kind(cell: str) -> str | None:
    return next((kind for kind, pattern in _HEADERS.items() if pattern.fullmatch(cell.strip())), None)


def _header_kinds(text: str, start: int, end: int, cells: list[tuple[int, int]]) -> list[str | None] | None:
    """The kinds a header row names, column by column; None for a line that is no header. A header row has two
    cells or more, names a column and holds no figures."""
    if len(cells) < 2 or any(c.isdigit() for c in text[start:end]):
        return None
    kinds = [_header_kind(text[s:e]) for s, e in cells]
    return kinds if any(kinds) else None


def _prose_header(text: str, start: int, end: int) -> list[str | None] | None:
    """The kinds a sentence's list of columns names ("Columns: ID, name, DOB, legal status"), if it names one."""
    m = _PROSE_HEADER.search(text, start, end)
    if m is None:
        return None
    kinds = [_header_kind(name) for name in _PROSE_HEADER_SEPARATOR.split(m["names"].strip())]
    return kinds if len(kinds) >= 2 and any(kinds) else None


def _unheaded_row(text: str, cells: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """What a row pasted without its header shows by its shape: the ID before a whole name, and a date of
    birth just after it."""
    names = [k for k, (s, e) in enumerate(cells) if _WHOLE_NAME.fullmatch(text[s:e])]
    if len(cells) < 3 or not names:
        return []
    name = names[0]
    out = []
    first = _ROW_ID.fullmatch(text, *cells[0])
    if name > 0 and first:
        out.append(("CASE_REFERENCE", first.start("id"), first.end("id")))
    dates = [(s, e) for s, e in cells[name + 1 : name + 3] if _DATE_CELL.fullmatch(text[s:e])]
    if len(dates) == 1:
        out.append(("DATE_OF_BIRTH", *dates[0]))
    return out


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
                header = _prose_header(text, start, end)
                continue
            kinds = _header_kinds(text, start, end, cells)
            if kinds is not None:
                header = kinds
                continue
            if header is None or len(header) != len(cells):
                out.extend(
                    Finding(type=kind, text=text[s:e], start=s, end=e, score=_UNHEADED_SCORE, detector=self.name)
                    for kind, s, e in _unheaded_row(text, cells)
                )
                continue
            for (s, e), kind in zip(cells, header, strict=True):
                if kind is not None and _VALUES[kind].fullmatch(text[s:e]):
                    out.append(
                        Finding(type=kind, text=text[s:e], start=s, end=e, score=_SCORES[kind], detector=self.name)
                    )
        return out
