"""Parse the fuller Annex M ("required evidence and reporting"): a four-column table exported with
HTML fragments, `■` bullets, page breaks that repeat the header row and split rows mid-cell, and
superscript footnotes printed after the rows that cite them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.cleaning import format_footnotes, html_cell, tidy
from retrieval.units import Unit

_HEADER = re.compile(r"^Item\tJudgement area/s\t")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_LINE = re.compile(rf"^([{_SUPERSCRIPTS}]+)\s+(.*)$")
_MARKER = re.compile(rf"[{_SUPERSCRIPTS}]+")
_HEADING = re.compile(r"^Annex M\.\s*(.*)$")


def _superscript_to_int(marks: str) -> str:
    return "".join(str(_SUPERSCRIPTS.index(c)) for c in marks)


@dataclass
class _Row:
    name: str
    judgements: str
    evaluate: str
    report: str
    notes: list[str] = field(default_factory=list)


def _join_cell(head: str, tail: str) -> str:
    """Glue a cell continued across a page break; a continuation that opens with `<p>` resumes the
    sentence cut at the break, so that paragraph tag is structure of the export, not a new paragraph."""
    if not tail:
        return head
    if tail.startswith("<p>"):
        tail = tail[len("<p>") :].replace("</p>", " ", 1)
    return f"{head} {tail}".strip()


def parse_annex_m(text: str, doc: str) -> list[Unit]:
    section = "Annex M. Required evidence and reporting"
    intro: list[str] = []
    rows: list[_Row] = []
    footnotes: dict[str, str] = {}
    after_header = False
    last_note: str | None = None
    for line in text.split("\n"):
        if not line.strip():
            continue
        heading = _HEADING.match(line.strip())
        if heading and not rows:
            section = f"Annex M. {heading.group(1).strip()}"
            continue
        if _HEADER.match(line):
            after_header, last_note = True, None
            continue
        if "\t" in line:
            cells = (line.split("\t") + ["", "", "", ""])[:4]
            name = cells[0].strip()
            continues = rows and (not name or (after_header and name[0].islower()))
            if continues:
                row = rows[-1]
                row.name = f"{row.name} {name}".strip()
                row.judgements = _join_cell(row.judgements, cells[1].strip())
                row.evaluate = _join_cell(row.evaluate, cells[2].strip())
                row.report = _join_cell(row.report, cells[3].strip())
            else:
                rows.append(_Row(name, cells[1].strip(), cells[2].strip(), cells[3].strip()))
            after_header, last_note = False, None
            continue
        note = _FOOTNOTE_LINE.match(line.strip())
        if note:
            last_note = _superscript_to_int(note.group(1))
            footnotes[last_note] = note.group(2).strip()
        elif last_note is not None:
            footnotes[last_note] += " " + line.strip()
        elif not rows:
            intro.append(line.strip())
    units = [Unit(ref="Annex M", doc=doc, section=section, text=tidy("\n".join(intro)), kind="annex", order=0)]
    for row in rows:
        units.append(_row_unit(row, footnotes, doc, section, len(units)))
    return units


def _row_unit(row: _Row, footnotes: dict[str, str], doc: str, section: str, order: int) -> Unit:
    cited: list[tuple[str, str]] = []
    for cell in (row.judgements, row.evaluate, row.report):
        for mark in _MARKER.findall(cell):
            number = _superscript_to_int(mark)
            if number in footnotes and all(number != n for n, _ in cited):
                cited.append((number, footnotes[number]))
    name = " ".join(_MARKER.sub("", row.name).split())
    judgements = "; ".join(html_cell(_MARKER.sub("", row.judgements)).split("\n"))
    parts = [
        name,
        f"Judgement area/s: {judgements}",
        "Inspectors are required to evaluate:",
        html_cell(_MARKER.sub("", row.evaluate)),
        "Inspectors are required to report on:",
        html_cell(_MARKER.sub("", row.report)),
    ]
    if cited:
        parts.append(format_footnotes(cited))
    return Unit(
        ref=f"Annex M: {name}",
        doc=doc,
        section=section,
        text=tidy("\n".join(parts)),
        kind="annex-m-row",
        order=order,
    )
