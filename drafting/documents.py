"""Reading report drafts: .docx (body, tables, headers, footers, comments), .txt and .md, with limits."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import UnreadableDocumentError

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

MAX_FILE_BYTES = 20 * 1024 * 1024
# A .docx is a zip: cap what it may expand to, so a zip bomb is refused before parsing.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
SUPPORTED = (".docx", ".txt", ".md")


def read_report(path: Path) -> str:
    """The document's plain text; offsets in findings index into exactly this string."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableDocumentError(f"{path}: unsupported file type {suffix or '(none)'}; use .docx, .txt or .md")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableDocumentError(f"{path}: cannot read ({exc.strerror})") from exc
    if size == 0:
        raise UnreadableDocumentError(f"{path}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise UnreadableDocumentError(f"{path}: {size / 1_048_576:.1f} MB is over the 20 MB limit")
    if suffix == ".docx":
        text = _read_docx(path)
    else:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableDocumentError(
                f"{path}: not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}); save it as UTF-8"
            ) from exc
    if not text.strip():
        raise UnreadableDocumentError(f"{path}: the document has no text")
    return text


def zip_bomb_problem(path: Path) -> str | None:
    """Why a zip-based file (.docx, .xlsx) must not be opened, or None: what it would expand to, read from
    the archive's directory without inflating anything. zipfile.BadZipFile if it is not a zip at all."""
    with zipfile.ZipFile(path) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNZIPPED_BYTES:
        return f"expands to {total / 1_048_576:.0f} MB, over the {MAX_UNZIPPED_BYTES // 1_048_576} MB cap"
    return None


def _read_docx(path: Path) -> str:
    try:
        problem = zip_bomb_problem(path)
    except zipfile.BadZipFile as exc:
        raise UnreadableDocumentError(f"{path}: not a valid .docx (not a zip archive)") from exc
    if problem:
        raise UnreadableDocumentError(f"{path}: {problem}")
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise UnreadableDocumentError(f"{path}: not a valid .docx ({type(exc).__name__})") from exc
    lines = [line for line, _ in body_lines(document)]
    for section in document.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs if p.text.strip())
    comments = getattr(document, "comments", None)
    if comments is not None:
        for comment in comments:
            lines.append(comment.text)
    return "\n".join(lines)


DOCX_BULLET = "• "


def _list_item(paragraph: Paragraph) -> bool:
    """A bulleted or numbered paragraph: numbering in its properties or a list style ("List Bullet")."""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    style = paragraph.style.name if paragraph.style is not None else ""
    return bool(paragraph.text.strip()) and (numbered or style.lower().startswith("list"))


def body_lines(document: Document) -> Iterator[tuple[str, Paragraph | None]]:
    """The body in order, one line per paragraph (with the paragraph; a list item after DOCX_BULLET) or table
    row (cells joined by " | ", merged cells once; no paragraph). Reading and annotating share it so offsets
    agree."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            # A list item carries its bullet, as in a plain-text draft: it reports a finding without a full stop.
            yield (DOCX_BULLET + paragraph.text if _list_item(paragraph) else paragraph.text), paragraph
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    if cell.text not in cells:  # merged cells repeat their text
                        cells.append(cell.text)
                yield " | ".join(cells), None
