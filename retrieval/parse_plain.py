"""Parser for an added plain-text document: one unit per heading, cited as `<title>: <heading>`.

A heading is a `# `-prefixed line (Markdown) or a short capitalised line with no closing
punctuation followed by a blank line. Text before the first heading is cited as `<title>`.
"""

from __future__ import annotations

import re

from retrieval.cleaning import extract_footnotes, strip_markup, table_line, tidy
from retrieval.units import Unit

_TERMINAL = re.compile(r"[.;:,)]$")


def _heading(line: str, next_line: str) -> str | None:
    stripped = line.strip()
    if stripped.startswith("#"):
        return stripped.lstrip("#").strip() or None
    if (
        stripped
        and len(stripped) < 80
        and stripped[0].isupper()
        and not _TERMINAL.search(stripped)
        and not next_line.strip()
    ):
        return stripped
    return None


def parse_plain(text: str, doc: str, title: str) -> list[Unit]:
    lines = strip_markup(text).split("\n")
    sections: list[tuple[str, list[str]]] = [("", [])]
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        heading = _heading(line, nxt)
        if heading:
            sections.append((heading, []))
        else:
            sections[-1][1].append(table_line(line) if "\t" in line else line.strip())
    units: list[Unit] = []
    for heading, body in sections:
        content, notes = extract_footnotes("\n".join(body))
        content = tidy(content)
        if notes:
            content += "\n" + "\n".join(f"Footnote {n}: {b}" for n, b in notes)
        if not content:
            continue
        ref = f"{title}: {heading}" if heading else title
        units.append(Unit(ref=ref, doc=doc, section=heading or title, text=content, kind="annex", order=len(units)))
    return units
