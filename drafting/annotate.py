"""`check-report --annotate OUT.docx`: a copy of the draft with each finding highlighted and a Word
comment explaining it. Findings carry offsets into the extracted text (documents.read_report); paragraphs are
mapped back to their runs, which are split so only the finding is highlighted."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafting.check import ReportCheck
from drafting.documents import (
    COMMENTS,
    DELETED,
    DETAILS,
    Placements,
    ReportText,
    comment_lines,
    document_text,
    in_block_content_control,
    in_body,
    open_docx,
    paragraph_text,
    report_lines,
    shown_runs,
)
from drafting.errors import UnreadableDocumentError

AUTHOR = "Handbook assistant"
INITIALS = "HA"
# A finding that no run of the copy can carry gets one comment at the top instead. It names the place and the
# way to clear it, never the detail itself, so the copy holds no more identifying text than the draft.
UNMARKED_OPENING = "Identifying details this copy cannot mark (check-report lists them): "
UNMARKED_WHERE = {
    DELETED: "{count} in text deleted under tracked changes (it stays in the file: accept the deletions)",
    DETAILS: "{count} in the file's title, subject or keywords or a picture's alt text (File > Info > Properties)",
    COMMENTS: "{count} in reviewers' comments",
    None: "{count} in the report's text, in a field or other place whose runs cannot be split",
}


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
    footers, text boxes, notes and reviewers' comments (highlighted; with a comment too in the body). Findings
    in deleted text or the file's details are counted in one comment at the top."""
    if source.suffix.lower() != ".docx":
        raise UnreadableDocumentError(f"{source}: --annotate needs a .docx draft")
    document = open_docx(source)
    # One pass over the document gives both the extracted text the offsets index into and its paragraphs.
    report, comments = list(report_lines(document)), list(comment_lines(document))
    read = document_text(document, report, comments)
    paragraphs = _placed_paragraphs(read, report, comments)
    marked = 0
    unmarked: dict[str | None, int] = {}
    # Splitting runs leaves the text unchanged, so offsets stay valid; style marks go first so that an
    # identifier inside a flagged sentence keeps its own (red) highlight.
    for mark in marks_for(result):
        if _mark(document, paragraphs, mark):
            marked += 1
        elif mark.colour == WD_COLOR_INDEX.RED:
            region = read.region(mark.start)
            unmarked[region] = unmarked.get(region, 0) + 1
    if unmarked:
        places = "; ".join(UNMARKED_WHERE[region].format(count=count) for region, count in unmarked.items())
        _comment_at_top(document, f"{UNMARKED_OPENING}{places}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return marked


def _placed_paragraphs(
    read: ReportText, report: list[tuple[str, Placements]], comments: list[tuple[str, Placements]]
) -> list[tuple[int, Paragraph, str]]:
    """Every paragraph that can carry a mark, with its offset in the extracted text (`read.text`) and its
    shown text: the report's (lines joined by "\n", as documents.read_report joins them), then the reviewers'
    comments'."""
    placed: list[tuple[int, Paragraph, str]] = []
    for base, lines in ((0, report), (read.start(COMMENTS), comments)):
        if base is None:
            continue
        offset = base
        for line, placements in lines:
            placed.extend((offset + start, p, paragraph_text(p)) for start, p in placements)
            offset += len(line) + 1
    return placed


def _mark(document: Document, paragraphs: list[tuple[int, Paragraph, str]], mark: Mark) -> bool:
    for para_start, paragraph, shown in paragraphs:
        if para_start <= mark.start and mark.end <= para_start + len(shown):
            if "".join(r.text for r in shown_runs(paragraph)) != shown:
                return False  # offsets would not line up (a field's code, say): leave it unmarked
            runs = _isolate(paragraph, mark.start - para_start, mark.end - para_start)
            for run in runs:
                run.font.highlight_color = mark.colour
            # Word anchors comments only in the body, outside text boxes; and a comment anchored inside a
            # block content control hid the paragraph's text in LibreOffice (7.4). There the highlight alone
            # marks the finding.
            if runs and in_body(paragraph) and not in_block_content_control(paragraph):
                document.add_comment(runs, text=mark.comment, author=AUTHOR, initials=INITIALS)
            return bool(runs)
    return False


def _comment_at_top(document: Document, text: str) -> None:
    """A comment on the first body paragraph that has runs; none when there is no such paragraph."""
    for paragraph in document.paragraphs:
        runs = shown_runs(paragraph)
        if runs and not in_block_content_control(paragraph):
            document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
            return
