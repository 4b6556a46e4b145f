"""Parse the SIF inspection handbook (Word-converted text) into citable units.

Refs follow DESIGN.md: `para N` for the 218 numbered paragraphs (with their bullet lists and
tables), `Annex A 2.07` for numbered Annex A items, `Annex A: <sub-heading>` for other Annex A
content, `Annex M: <item>` for each Annex M row, `Annex K` for the other annexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from retrieval.cleaning import (
    bullet,
    extract_footnotes,
    format_footnotes,
    strip_markup,
    table_line,
    tidy,
)
from retrieval.units import Unit, UnitKind

_PARA = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_ANNEX = re.compile(r"^\s*Annex ([A-P])\.\s*(.*)$")
_SECTION = re.compile(r"^Section \d+\.")
_ANNEX_A_ITEM = re.compile(r"^(\d\.\d\d)\s+(.*)$")
_TERMINAL = re.compile(r"[.;:,)]$")
# Column headers of the handbook's Annex M table: structure, not a row.
_ANNEX_M_HEADER = re.compile(
    r"^(Reporting area and evaluation schedule|Inspectors should always report|Annex A \(documents and data\))"
)
_ANNEX_M_DATA_CELL = re.compile(r"^(Child level data lists|Performance information required)")


@dataclass
class _Draft:
    ref: str
    section: str
    kind: UnitKind
    lines: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text:
            self.lines.append(text)

    def finish(self, doc: str, order: int) -> Unit | None:
        body, notes = extract_footnotes("\n".join(self.lines))
        notes = self.notes + notes
        text = tidy(body)
        if notes:
            text = f"{text}\n{format_footnotes(notes)}" if text else format_footnotes(notes)
        if not text:
            return None
        return Unit(ref=self.ref, doc=doc, section=self.section, text=text, kind=self.kind, order=order)


def _clean_heading(line: str) -> tuple[str, list[tuple[str, str]]]:
    text, notes = extract_footnotes(strip_markup(line))
    return " ".join(text.split()), notes


def _next_content(lines: list[str], start: int) -> str | None:
    for line in lines[start:]:
        if strip_markup(line).strip():
            return line
    return None


def _looks_like_heading(line: str, next_line: str | None, next_is_heading: bool) -> bool:
    """A heading is bookmarked in the source, or a short capitalised line with no closing punctuation
    that introduces a numbered paragraph (or another heading)."""
    if line.startswith("\t"):
        return False
    text, _ = _clean_heading(line)
    if not text:
        return False
    if "[bookmark:" in line or _SECTION.match(text):
        return True
    if len(text) > 100 or not text[0].isupper() or _TERMINAL.search(text) or _PARA.match(text):
        return False
    if next_line is None:
        return False
    return bool(_PARA.match(next_line)) or next_is_heading


def _heading_flags(lines: list[str]) -> list[bool]:
    flags = [False] * len(lines)
    next_flag = False
    next_line: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not strip_markup(line).strip():
            continue
        flags[i] = _looks_like_heading(line, next_line, next_flag)
        next_flag, next_line = flags[i], line
    return flags


def _content_line(line: str) -> str:
    line = strip_markup(line)
    return table_line(line) if "\t" in line else bullet(line)


def insert_missing_headings(lines: list[str], missing: Iterable[dict[str, str]]) -> list[str]:
    """Put back annex headings the conversion lost, before the first line that starts with `before`."""
    out = list(lines)
    for fix in missing:
        for i, line in enumerate(out):
            if strip_markup(line).strip().startswith(fix["before"]):
                out.insert(i, fix["heading"])
                break
        else:
            raise ValueError(f"structure fix not applicable: no line starts with {fix['before']!r}")
    return out


def parse_handbook(text: str, doc: str, missing_headings: Iterable[dict[str, str]] = ()) -> list[Unit]:
    lines = insert_missing_headings(text.split("\n"), missing_headings)
    annex_starts = [i for i, line in enumerate(lines) if _ANNEX.match(strip_markup(line))]
    body_end = annex_starts[0] if annex_starts else len(lines)
    drafts = _parse_body(lines[:body_end])
    bounds = annex_starts + [len(lines)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        match = _ANNEX.match(strip_markup(lines[start]))
        assert match is not None
        letter, title = match.group(1), " ".join(match.group(2).split())
        section = f"Annex {letter}. {title}".strip()
        segment = lines[start + 1 : end]
        if letter == "A":
            drafts.extend(_parse_annex_a(segment, section))
        elif letter == "M":
            drafts.extend(_parse_handbook_annex_m(segment, section))
        else:
            draft = _Draft(ref=f"Annex {letter}", section=section, kind="annex")
            for line in segment:
                draft.add(_content_line(line))
            drafts.append(draft)
    units: list[Unit] = []
    for draft in drafts:
        unit = draft.finish(doc, len(units))
        if unit is not None:
            units.append(unit)
    return units


def _parse_body(lines: list[str]) -> list[_Draft]:
    flags = _heading_flags(lines)
    drafts: list[_Draft] = []
    expected = 1
    # Three levels: "Section N." lines, bookmarked headings, then plain sub-headings.
    levels = ["", "", ""]
    pending_notes: list[tuple[str, str]] = []
    current: _Draft | None = None
    for i, raw in enumerate(lines):
        if flags[i]:
            heading, notes = _clean_heading(raw)
            pending_notes.extend(notes)
            level = 0 if _SECTION.match(heading) else 1 if "[bookmark:" in raw else 2
            levels[level:] = [heading] + [""] * (2 - level)
            continue
        match = _PARA.match(raw)
        if match and int(match.group(1)) == expected:
            section = " › ".join(h for h in levels if h)
            current = _Draft(ref=f"para {expected}", section=section, kind="para", notes=pending_notes)
            pending_notes = []
            current.add(match.group(2).strip())
            drafts.append(current)
            expected += 1
            continue
        # Bullets, tables and orphaned lines belong to the paragraph before them.
        if current is not None:
            current.add(_content_line(raw))
    return drafts


def _is_annex_subheading(line: str) -> bool:
    if line.startswith("\t"):
        return False
    text, _ = _clean_heading(line)
    if not text:
        return False
    if "[bookmark:" in line:
        return True
    return (
        len(text) < 70
        and len(text.split()) >= 2
        and text[0].isupper()
        and not _TERMINAL.search(text)
        and "XXX" not in text
        and "www." not in text
        and not _ANNEX_A_ITEM.match(text)
    )


def _parse_annex_a(segment: list[str], section: str) -> list[_Draft]:
    drafts: list[_Draft] = []
    current = _Draft(ref="Annex A", section=section, kind="annex")
    drafts.append(current)
    sub = ""
    for raw in segment:
        if not strip_markup(raw).strip():
            continue
        if _is_annex_subheading(raw):
            sub, notes = _clean_heading(raw)
            current = _Draft(ref=f"Annex A: {sub}", section=f"{section} › {sub}", kind="annex", notes=notes)
            drafts.append(current)
            continue
        item = _ANNEX_A_ITEM.match(strip_markup(raw))
        if item:
            current = _Draft(
                ref=f"Annex A {item.group(1)}",
                section=f"{section} › {sub}" if sub else section,
                kind="annex-item",
            )
            current.add(item.group(2).strip())
            drafts.append(current)
            continue
        current.add(_content_line(raw))
    return drafts


def _parse_handbook_annex_m(segment: list[str], section: str) -> list[_Draft]:
    """Annex M as printed in the handbook: each row is a run of tab-led cells
    (item + evaluation schedule numbers, `·` bullets, Annex A documents and data)."""
    intro = _Draft(ref="Annex M", section=section, kind="annex")
    drafts = [intro]
    cells: list[list[str]] = []
    for raw in segment:
        line = strip_markup(raw)
        if line.startswith("\t"):
            cells.append([line.strip("\t").strip()])
        elif cells:
            cells[-1].append(line.strip())
        else:
            intro.add(_content_line(raw))
    row: _Draft | None = None
    for cell in cells:
        first = cell[0]
        if _ANNEX_M_HEADER.match(first):
            _, notes = extract_footnotes(" ".join(cell))
            intro.notes.extend(notes)
            continue
        is_content = not first or first.startswith("·") or _ANNEX_M_DATA_CELL.match(first)
        if not is_content:
            name, _ = _clean_heading(first)
            row = _Draft(ref=f"Annex M: {name}", section=section, kind="annex-m-row")
            drafts.append(row)
        if row is None:
            intro.add("\n".join(bullet(c) for c in cell))
            continue
        for part in cell:
            row.add(bullet(part))
    return drafts
