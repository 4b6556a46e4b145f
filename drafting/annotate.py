"""`check-report --annotate OUT.docx`: a copy of the draft with each finding highlighted and a Word
comment explaining it. Findings carry offsets into the extracted text (documents.read_report); body
paragraphs are mapped back to their runs, which are split so only the finding is highlighted."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafting.check import ReportCheck
from drafting.documents import in_block_content_control, in_body, paragraph_text, report_lines, shown_runs
from drafting.errors import UnreadableDocumentError

AUTHOR = "Handbook assistant"
INITIALS = "HA"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    comment: str
    colour: WD_COLOR_INDEX


def marks_for(result: ReportCheck) -> list[Mark]:
    marks = [
        Mark(s.start, s.end, f"Style ({s.type}, {s.ref}): {s.advice}", WD_COLOR_INDEX.YELLOW) for s in result.style
    ]
    marks += [
        Mark(f.start, f.end, f"Identifying detail ({f.type}): para 160 — remove it or use a role.", WD_COLOR_INDEX.RED)
        for f in result.identifiers
    ]
    return marks


def _isolate(paragraph: Paragraph, start: int, end: int) -> list[Run]:
    """Split the paragraph's shown runs (tracked insertions and hyperlinks included) so that [start, end) is
    exactly a run sequence; return those runs."""
    chosen: list[Run] = []
    position = 0
    for run in shown_runs(paragraph):
        text = run.text
        run_start, run_end = position, position + len(text)
        position = run_end
        if run_end <= start or run_start >= end or not text:
            continue
        a, b = max(start, run_start) - run_start, min(end, run_end) - run_start
        if b < len(text):
            after = copy.deepcopy(run._r)
            run._r.addnext(after)
            Run(after, paragraph).text = text[b:]
        if a > 0:
            before = copy.deepcopy(run._r)
            run._r.addprevious(before)
            Run(before, paragraph).text = text[:a]
        run.text = text[a:b]
        chosen.append(run)
    return chosen


def annotate_docx(source: Path, result: ReportCheck, target: Path) -> int:
    """Write the annotated copy; returns how many findings were marked: in the body, its tables, headers,
    footers and text boxes (highlighted, with a comment in the body); not in notes, comments or deleted text."""
    if source.suffix.lower() != ".docx":
        raise UnreadableDocumentError(f"{source}: --annotate needs a .docx draft")
    document = docx.Document(str(source))
    # Offsets of the report's paragraphs in the extracted text, whose lines documents.read_report joins by "\n".
    paragraphs: list[tuple[int, Paragraph, str]] = []
    offset = 0
    for line, placements in report_lines(document):
        paragraphs.extend((offset + start, p, paragraph_text(p)) for start, p in placements)
        offset += len(line) + 1
    marked = 0
    # Splitting runs leaves the text unchanged, so offsets stay valid; style marks go first so that an
    # identifier inside a flagged sentence keeps its own (red) highlight.
    for mark in marks_for(result):
        for para_start, paragraph, shown in paragraphs:
            if para_start <= mark.start and mark.end <= para_start + len(shown):
                if "".join(r.text for r in shown_runs(paragraph)) != shown:
                    break  # offsets would not line up (a field's code, say): leave it unmarked
                runs = _isolate(paragraph, mark.start - para_start, mark.end - para_start)
                if runs:
                    for run in runs:
                        run.font.highlight_color = mark.colour
                    # Word anchors comments only in the body, outside text boxes; and a comment anchored inside a
                    # block content control hid the paragraph's text in LibreOffice (7.4). There the highlight
                    # alone marks the finding.
                    if in_body(paragraph) and not in_block_content_control(paragraph):
                        document.add_comment(runs, text=mark.comment, author=AUTHOR, initials=INITIALS)
                    marked += 1
                break
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return marked
