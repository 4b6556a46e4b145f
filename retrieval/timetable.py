"""The rows of the handbook's timetables (the section 2 timeline under para 15, the re-inspection timeline in
para 213), so that a cell quoted from one can say when it happens.

The converted tables hold one cell per line, and a row starts with its timing cells ("Week Four" / "Thursday" /
"19", or "9" / "Thursday"). A cell quoted alone ("Lead inspector and inspection team meet to agree provisional
judgements (morning)") does not answer "when …?"; read with its row's timing it does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.cleaning import FOOTNOTE_LINE
from retrieval.spans import Span, in_context, line_spans

_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEK = r"Week(?:\s+(?:minus one|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|\d{1,2}))?"
_NUMBER = re.compile(r"(?P<first>-?\d{1,2})(?:\s*[–-]\s*(?P<last>\d{1,2}))?")
_WEEKDAY = re.compile(rf"{_DAY}(?:\s*(?:[–-]|to)\s*{_DAY})?")
_TIMING = re.compile(
    rf"(?:{_NUMBER.pattern}|{_WEEKDAY.pattern}|{_WEEK}(?:\s+{_DAY})?|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten"
    r"|to|After the inspection)"
)
# A row timed before the inspection starts ("Two days – up to three weeks before") has no day number.
_BEFORE = re.compile(r"[A-Z][\w –-]{0,40} before")
# The column headings above the rows are no row's content.
_COLUMNS = re.compile(r"Example day of week|Working day|Day of week|Day|Activity|Who")


@dataclass(frozen=True)
class Row:
    """A timetable row's timing cells, by character offsets, how they read ("Week Four Thursday (day 19)"), and
    the first and last day the row covers ((12, 14) for "12 – 14"; None for "… before", which has no number)."""

    start: int
    end: int
    label: str
    days: tuple[int, int] | None


@dataclass(frozen=True)
class Timetable:
    rows: list[Row]
    headings: tuple[int, int] | None  # the column headings above the first row

    def row_of(self, text: str, position: int) -> Row | None:
        """The row a position of the unit's text falls in: after the last row header before it, and not past
        the table's footnotes. None before the first row, or in a header."""
        if self.in_header(position):
            return None
        before = [row for row in self.rows if row.end <= position]
        if not before:
            return None
        footnote = FOOTNOTE_LINE.search(text, before[-1].end)
        if footnote and footnote.start() <= position:
            return None
        return before[-1]

    def rows_on(self, days: frozenset[int]) -> list[Row]:
        """The rows for the days named, each day's narrowest: day 8 is "Week Two Wednesday (day 8)", not "Week
        Two Monday to Friday (days 6–10)"."""
        spans = [(row, row.days) for row in self.rows if row.days is not None]
        chosen: list[Row] = []
        for day in sorted(days):
            covering = [(last - first, row) for row, (first, last) in spans if first <= day <= last]
            narrowest = min(covering, key=lambda pair: pair[0], default=(0, None))[1]
            if narrowest is not None and narrowest not in chosen:
                chosen.append(narrowest)
        return sorted(chosen, key=lambda row: row.start)

    def cells_of(self, text: str, row: Row) -> list[tuple[int, int]]:
        """A row's cells, one per line, by character offsets: up to the next row, or the table's footnotes."""
        later = [other.start for other in self.rows if other.start > row.start]
        footnote = FOOTNOTE_LINE.search(text, row.end)
        return line_spans(text, row.end, min([*later, footnote.start() if footnote else len(text)]))

    def timed(self, text: str, spans: list[Span], sentences: list[str]) -> list[str]:
        """The sentences of `spans` as read (`spans.in_context`), each cell of a row after the row's timing; for a
        caller that needs both forms and has read them once."""
        out = []
        for span, sentence in zip(spans, sentences, strict=True):
            row = self.row_of(text, span.start)
            out.append(f"{row.label}: {sentence}" if row else sentence)
        return out

    def in_header(self, position: int) -> bool:
        """Whether a position is in a row's timing cells or the column headings: cells no answer quotes alone."""
        spans = [(row.start, row.end) for row in self.rows]
        if self.headings:
            spans.append(self.headings)
        return any(start <= position < end for start, end in spans)


def read_timetable(text: str) -> Timetable:
    """Every timetable row header in a unit's text, in order. A header is a run of timing lines holding a
    day number (or one "… before" cell); a unit with no such run has no timetable."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line.rstrip()), line.strip()))
        offset += len(line) + 1
    rows: list[Row] = []
    first_line: int | None = None
    k = 0
    while k < len(lines):
        end = k
        while (
            end < len(lines)
            and lines[end][2]
            and (_TIMING.fullmatch(lines[end][2]) or _BEFORE.fullmatch(lines[end][2]))
        ):
            end += 1
        cells = [cell for _, _, cell in lines[k:end]]
        if (len(cells) >= 2 and any(_NUMBER.fullmatch(c) for c in cells)) or (
            len(cells) == 1 and _BEFORE.fullmatch(cells[0])
        ):
            rows.append(Row(lines[k][0], lines[end - 1][1], _label(cells), _days(cells)))
            first_line = k if first_line is None else first_line
        k = max(end, k + 1)
    headings = None
    if first_line is not None:
        top = first_line
        while top > 0 and _COLUMNS.fullmatch(lines[top - 1][2]):
            top -= 1
        if top < first_line:
            headings = (lines[top][0], lines[first_line - 1][1])
    return Timetable(rows, headings)


def _label(cells: list[str]) -> str:
    days = [c for c in cells if _NUMBER.fullmatch(c)]
    words = " ".join(c for c in cells if not _NUMBER.fullmatch(c))
    if not days:
        return words
    number = re.sub(r"\s*([–-])\s*", r"\1", days[-1])
    plural = "days" if re.search(r"\d[–-]", number) else "day"
    return f"{words} ({plural} {number})" if words else f"{plural.capitalize()} {number}"


def _days(cells: list[str]) -> tuple[int, int] | None:
    numbers = [match for c in cells if (match := _NUMBER.fullmatch(c))]
    if not numbers:
        return None
    first, last = numbers[-1]["first"], numbers[-1]["last"]
    return int(first), int(last or first)


def in_context_timed(text: str, spans: list[Span], timetable: Timetable | None = None) -> list[str]:
    """Each sentence as it should be read (`spans.in_context`), a timetable cell after its row's timing: what
    the index encodes and what an answer's word overlap counts. `timetable`: the text's, if already read."""
    return (timetable or read_timetable(text)).timed(text, spans, in_context(text, spans))
