"""Removing the conversion debris the handbook's text carries (bookmarks, footnote markers, HTML, bullets).

Each function is pure: text in, text out, so the parser stays readable and each rule is testable.
"""

from __future__ import annotations

import re

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_IMAGE = re.compile(r"\[image:[^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\]")
# The footnote body follows its marker inline: `[4:  A separate timeline ...]`.
_FOOTNOTE_BODY = re.compile(r"\s*\[(\d+):\s+([^\]]*)\]", re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:p|ul|li|br)\b[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \u00a0]{2,}")

# Debris that must never reach a unit's text; tests assert none of these survive.
DEBRIS_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\[bookmark"),
    re.compile(r"\[footnoteRef"),
    re.compile(r"\[image:"),
    re.compile(r"\[\d+:\s"),
    re.compile(r"</?(?:p|ul|li)\b"),
    re.compile("[■\t]"),
    re.compile(r"list-style-type"),
)


def strip_markup(line: str) -> str:
    """Drop bookmarks and image placeholders; keep everything else as written."""
    return _IMAGE.sub("", _BOOKMARK.sub("", line))


def extract_footnotes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove inline footnote markers and bodies; return the clean text and (number, body) pairs."""
    notes: list[tuple[str, str]] = []

    def _take(match: re.Match[str]) -> str:
        notes.append((match.group(1), " ".join(match.group(2).split())))
        return ""

    text = _FOOTNOTE_BODY.sub(_take, text)
    text = _FOOTNOTE_REF.sub("", text)
    return text, notes


def format_footnotes(notes: list[tuple[str, str]]) -> str:
    return "\n".join(f"Footnote {number}: {body}" for number, body in notes)


# Where a unit's footnotes begin (format_footnotes writes them after its text).
FOOTNOTE_LINE = re.compile(r"Footnote \d+:")


def table_line(line: str) -> str:
    """A tab-separated table line becomes cells joined by ' | '; a lone bullet marker becomes '- '."""
    cells = [c.strip() for c in line.split("\t")]
    cells = [bullet(c) for c in cells if c]
    return " | ".join(cells)


def bullet(text: str) -> str:
    stripped = text.strip()
    if stripped.startswith("·"):
        return "- " + stripped.lstrip("·").strip()
    return stripped


def html_cell(cell: str) -> str:
    """An Annex M cell with `<ul>`/`<p>` fragments and `■` bullets becomes plain lines."""
    cell = re.sub(r"<ul\b[^>]*>", "\n", cell)
    cell = re.sub(r"</?p>", "\n", cell)
    cell = _HTML_TAG.sub("\n", cell)
    cell = cell.replace("■", "\n- ")
    lines = [_SPACES.sub(" ", ln).strip() for ln in cell.split("\n")]
    return "\n".join(ln for ln in lines if ln and ln != "-")


def tidy(text: str) -> str:
    """Collapse runs of spaces and blank lines; trim each line."""
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def has_debris(text: str) -> list[str]:
    return [p.pattern for p in DEBRIS_PATTERNS if p.search(text)]
