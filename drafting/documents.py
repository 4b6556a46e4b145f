"""Reading report drafts: .docx (body, tables, headers, footers, footnotes, text boxes, content controls,
comments, tracked changes), .txt and .md, with limits."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from drafting.errors import UnreadableDocumentError

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import _Footer, _Header
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

MAX_FILE_BYTES = 20 * 1024 * 1024
# A .docx is a zip: cap what it may expand to, so a zip bomb is refused before parsing.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
SUPPORTED = (".docx", ".txt", ".md")


def read_report(path: Path) -> str:
    """The document's plain text (`ReportText.text`); offsets in findings index into exactly this string."""
    return read_report_text(path).text


# What a file holds besides its report text. Both stay in the file, so both are scanned for identifying
# details; neither is the report, so neither credits a reporting area or is read for structure or style.
COMMENTS = "comments"  # reviewers' comments: "add something on missing children" covers nothing
DELETED = "deleted"  # text deleted or moved away under tracked changes: rejecting the changes brings it back
DETAILS = "details"  # the file's title, subject and keywords, and pictures' alt text


class ReportText(NamedTuple):
    """The report's text, then its comments, its deleted text and its file details, each block on lines of its
    own."""

    report: str
    comments: str = ""
    deleted: str = ""
    details: str = ""

    def _parts(self) -> list[tuple[str | None, int, str]]:
        """The non-empty parts in `text`'s order, each with its region (None: the report's text) and where it
        begins in `text`."""
        regions = ((None, self.report), (COMMENTS, self.comments), (DELETED, self.deleted), (DETAILS, self.details))
        parts: list[tuple[str | None, int, str]] = []
        start = 0
        for kind, part in regions:
            if part:
                parts.append((kind, start, part))
                start += len(part) + 1
        return parts

    @property
    def text(self) -> str:
        return "\n".join(part for _, _, part in self._parts())

    def start(self, region: str | None) -> int | None:
        """Where a region's part begins in `text` (the report's own, region None, at 0), or None when that part
        is empty."""
        return next((start for kind, start, _ in self._parts() if kind == region), None)

    def region(self, offset: int) -> str | None:
        """Where an offset into `text` falls: None in the report's text, else COMMENTS, DELETED or DETAILS."""
        # The line break after a part counts with it.
        return next((kind for kind, start, part in self._parts() if offset <= start + len(part)), None)


def read_report_text(path: Path) -> ReportText:
    """A draft's text: for .docx, what Word shows with tracked changes accepted, its comments, and the text it
    holds without showing (deleted under tracked changes); for .txt and .md, the decoded file."""
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
        read = _read_docx(path)
    else:
        raw = path.read_bytes()
        try:
            read = ReportText(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise UnreadableDocumentError(
                f"{path}: not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}); save it as UTF-8"
            ) from exc
    if not read.text.strip():
        raise UnreadableDocumentError(f"{path}: the document has no text")
    return read


def zip_bomb_problem(path: Path) -> str | None:
    """Why a zip-based file (.docx, .xlsx) must not be opened, or None: what it would expand to, read from
    the archive's directory without inflating anything. zipfile.BadZipFile if it is not a zip at all."""
    with zipfile.ZipFile(path) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNZIPPED_BYTES:
        return f"expands to {total / 1_048_576:.0f} MB, over the {MAX_UNZIPPED_BYTES // 1_048_576} MB cap"
    return None


def _read_docx(path: Path) -> ReportText:
    try:
        problem = zip_bomb_problem(path)
    except zipfile.BadZipFile as exc:
        raise UnreadableDocumentError(f"{path}: not a valid .docx (not a zip archive)") from exc
    if problem:
        raise UnreadableDocumentError(f"{path}: {problem}")
    try:
        document = open_docx(path)
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise UnreadableDocumentError(f"{path}: not a valid .docx ({type(exc).__name__})") from exc
    return document_text(document)


def open_docx(path: Path) -> Document:
    """python-docx's Document, with the footnotes and endnotes parts loaded as XML, so that a finding marked
    there is saved with the copy (python-docx keeps parts it has no class for as bytes)."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.part import PartFactory, XmlPart

    for content_type in (CT.WML_FOOTNOTES, CT.WML_ENDNOTES):
        PartFactory.part_type_for.setdefault(content_type, XmlPart)
    return docx.Document(str(path))


def document_text(
    document: Document,
    report: list[tuple[str, Placements]] | None = None,
    comments: list[tuple[str, Placements]] | None = None,
) -> ReportText:
    """What a .docx holds, by region: see `ReportText`. `report` and `comments` are `report_lines` and
    `comment_lines` when the caller has them already."""
    report_text = [line for line, _ in (report_lines(document) if report is None else report)]
    comment_text = [line for line, _ in (comment_lines(document) if comments is None else comments)]
    deleted = [text for text in _deleted_texts(document) if text.strip()]
    details = [text for text in _file_details(document) if text.strip()]
    return ReportText("\n".join(report_text), "\n".join(comment_text), "\n".join(deleted), "\n".join(details))


def comment_lines(document: Document) -> Iterator[tuple[str, Placements]]:
    """Each reviewer's comment that has text, its paragraphs joined by line breaks as python-docx's
    `Comment.text` joins them, with where each paragraph starts in it."""
    for comment in getattr(document, "comments", None) or []:
        text = comment.text
        if not text.strip():
            continue
        placed: Placements = []
        start = 0
        for paragraph in comment.paragraphs:
            placed.append((start, paragraph))
            start += len(paragraph.text) + 1
        yield text, placed


# Pictures' descriptions (alt text) and titles, in the body and in headers and footers.
_DRAWING_PROPERTIES = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _file_details(document: Document) -> Iterator[str]:
    """What travels with the file, and into a PDF made from it, without being on the page: the title, subject
    and keywords of the document's properties, and pictures' alt text. Not the author (an inspector's own name
    is on the published report), nor the description, which templates fill with boilerplate."""
    properties = document.core_properties
    yield from (properties.title, properties.subject, properties.keywords)
    for root in _page_roots(document):
        for picture in root.iter(_DRAWING_PROPERTIES):
            yield from (picture.get("descr") or "", picture.get("title") or "")


# python-docx has no API for tracked changes, text boxes or footnotes, so these are read from its own element
# tree (the same lxml elements its objects wrap), by WordprocessingML tag.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Runs that show in the document: plain, inside a hyperlink, a field or a content control, or inserted or moved
# here under tracked changes.
_SHOWN_RUN_PARENTS = {
    f"{_W}{tag}" for tag in ("p", "hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "sdtContent", "customXml")
}
# Where python-docx's `Paragraph.text` (direct runs and hyperlinks) misses shown text.
_BEYOND_PARAGRAPH_TEXT = tuple(f"{_W}{tag}" for tag in ("ins", "moveTo", "sdt", "fldSimple", "smartTag", "customXml"))
# Text that has been removed under tracked changes but stays in the file.
_REMOVED = {f"{_W}del", f"{_W}moveFrom"}


def paragraph_text(paragraph: Paragraph) -> str:
    """A paragraph's text as Word shows it with tracked changes accepted: python-docx's `text` (runs and
    hyperlinks), with runs inserted or moved in, and runs in fields and content controls, in their place."""
    p = paragraph._p
    if not any(_nearest_paragraph(e) is p for e in p.iter(*_BEYOND_PARAGRAPH_TEXT)):
        return paragraph.text
    return "".join(run.text for run in shown_runs(paragraph))


def shown_runs(paragraph: Paragraph) -> list[Run]:
    """The runs whose text makes `paragraph_text`, in order: plain runs, and those in hyperlinks, fields,
    content controls and tracked insertions."""
    from docx.text.run import Run

    p = paragraph._p
    return [
        Run(r, paragraph)
        for r in p.iter(f"{_W}r")
        if _nearest_paragraph(r) is p
        and r.getparent() is not None
        and r.getparent().tag in _SHOWN_RUN_PARENTS
        and not _inside(r, _REMOVED)
    ]


def in_body(paragraph: Paragraph) -> bool:
    """Whether the paragraph is in the document's body (a table cell included), not a header, footer, text box,
    note or comment."""
    p = paragraph._p
    return not _inside(p, {f"{_W}{tag}" for tag in ("txbxContent", "hdr", "ftr", "footnote", "endnote", "comment")})


def in_block_content_control(paragraph: Paragraph) -> bool:
    """Whether the paragraph is inside a content control that holds whole paragraphs."""
    return any(True for _ in paragraph._p.iterancestors(f"{_W}sdtContent"))


def _nearest_paragraph(element: BaseOxmlElement) -> BaseOxmlElement | None:
    return next(element.iterancestors(f"{_W}p"), None)


def block_items(parent: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """The paragraphs and tables of a body or a cell in order, including those inside block-level content
    controls (report templates put whole sections in them)."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from block_items(content)
        elif child.tag == f"{_W}customXml":
            yield from block_items(child)


def cell_text(cell: _Cell) -> str:
    """A table cell's text as python-docx's `text` gives it (its paragraphs, not its nested tables), with
    tracked changes accepted and content controls read."""
    return "\n".join(paragraph_text(p) for p in _cell_paragraphs(cell))


def _cell_paragraphs(cell: _Cell) -> list[Paragraph]:
    from docx.text.paragraph import Paragraph

    return [Paragraph(e, cell) for e in block_items(cell._tc) if e.tag == f"{_W}p"]


def _cell_tables(cell: _Cell) -> list[Table]:
    from docx.table import Table

    return [Table(e, cell) for e in block_items(cell._tc) if e.tag == f"{_W}tbl"]


def _inside(element: BaseOxmlElement, tags: set[str]) -> bool:
    return any(ancestor.tag in tags for ancestor in element.iterancestors())


def report_lines(document: Document) -> Iterator[tuple[str, Placements]]:
    """Every line of the report's text in reading order, each with where its paragraphs' text starts in it: the
    body (`body_lines`), then each header and footer, then text boxes, then footnotes and endnotes. Reading
    and annotating share it so offsets agree."""
    yield from body_lines(document)
    for part in _headers_and_footers(document):
        yield from ((line, placed) for line, placed in _block_lines(part._element, part) if line.strip())
        yield from _text_boxes(part._element, part)
    yield from _text_boxes(document.element.body, document)
    yield from _notes(document)


def _text_boxes(body: BaseOxmlElement, owner: object) -> Iterator[tuple[str, Placements]]:
    """Paragraphs in text boxes and shapes, once each: Word writes a box twice, for new readers (mc:Choice) and
    as a fallback for old ones (mc:Fallback)."""
    for box in body.iter(f"{_W}txbxContent"):
        if not _inside(box, {_MC_FALLBACK}):
            yield from ((line, placed) for line, placed in _block_lines(box, owner) if line.strip())


def _notes(document: Document) -> Iterator[tuple[str, Placements]]:
    """Footnote and endnote lines (not the separator notes Word keeps in the same parts)."""
    for root in _note_roots(document):
        for note in root:
            if note.get(f"{_W}type") not in ("separator", "continuationSeparator", "continuationNotice"):
                # The document owns the notes' paragraphs here: their styles are the document's.
                yield from ((line, placed) for line, placed in _block_lines(note, document) if line.strip())


def _note_roots(document: Document) -> list[BaseOxmlElement]:
    """The footnotes and endnotes parts' XML: the part's own tree when `open_docx` loaded it as XML (a mark
    there is saved), else parsed from its bytes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    parts = [
        rel.target_part
        for rel in document.part.rels.values()
        if not rel.is_external and rel.reltype in (RT.FOOTNOTES, RT.ENDNOTES)
    ]
    return [part.element if isinstance(part, XmlPart) else parse_xml(part.blob) for part in parts]


def _page_roots(document: Document) -> list[BaseOxmlElement]:
    """The body and every header and footer the sections define."""
    return [document.element.body, *(part._element for part in _headers_and_footers(document))]


def _deleted_texts(document: Document) -> Iterator[str]:
    """Text removed under tracked changes, one line per paragraph it was removed from, in the body, headers,
    footers and notes."""
    for root in [*_page_roots(document), *_note_roots(document)]:
        for p in root.iter(f"{_W}p"):
            if _inside(p, {_MC_FALLBACK}):  # a text box's second copy
                continue
            removed = [
                t.text or ""
                for t in p.iter(f"{_W}delText", f"{_W}t")
                if _inside(t, _REMOVED) and _nearest_paragraph(t) is p
            ]
            if removed:
                yield "".join(removed)


DOCX_BULLET = "• "


def _list_item(paragraph: Paragraph) -> bool:
    """A bulleted or numbered paragraph: numbering in its properties or a list style ("List Bullet")."""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    style = paragraph.style.name if paragraph.style is not None else ""
    return bool(paragraph.text.strip()) and (numbered or style.lower().startswith("list"))


# Where each paragraph's text starts in its line: one for a body paragraph, one per cell paragraph for a table row.
Placements = list[tuple[int, "Paragraph"]]


def body_lines(document: Document) -> Iterator[tuple[str, Placements]]:
    """The body in order, one line per paragraph (a list item after DOCX_BULLET) or table row (cells joined by
    " | ", merged cells once, a cell's paragraphs by line breaks), each with where its paragraphs' text starts
    in it. Reading and annotating share it so offsets agree."""
    return _block_lines(document.element.body, document)


def _headers_and_footers(document: Document) -> Iterator[_Header | _Footer]:
    """Every header and footer the sections define: the default ones, and a first page's or even pages' own
    when the section has them (a draft often heads its first page differently). Linked ones are the previous
    section's, read there."""
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                yield part


def _block_lines(parent: BaseOxmlElement, owner: object) -> Iterator[tuple[str, Placements]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in block_items(parent):
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, owner)
            text = paragraph_text(paragraph)
            # A list item carries its bullet, as in a plain-text draft: it reports a finding without a full stop.
            bullet = DOCX_BULLET if _list_item(paragraph) else ""
            yield bullet + text, [(len(bullet), paragraph)]
        else:
            yield from _table_lines(Table(child, owner))


def _table_lines(table: Table) -> Iterator[tuple[str, Placements]]:
    """One line per row, cells joined by " | " (merged cells once), then the rows of any table nested in a cell."""
    nested: dict[int, Table] = {}  # by element: a merged cell is returned once per grid column it spans
    for row in table.rows:
        cells: list[str] = []
        placed: Placements = []
        line_length = 0
        for cell in row.cells:
            paragraphs = _cell_paragraphs(cell)
            texts = [paragraph_text(p) for p in paragraphs]
            text = "\n".join(texts)
            nested.update((id(t._tbl), t) for t in _cell_tables(cell))
            if text in cells:  # merged cells repeat their text
                continue
            start = line_length + (len(" | ") if cells else 0)
            for paragraph, paragraph_line in zip(paragraphs, texts, strict=True):
                placed.append((start, paragraph))
                start += len(paragraph_line) + 1
            cells.append(text)
            line_length = len(" | ".join(cells))
        yield " | ".join(cells), placed
    for inner in nested.values():
        yield from _table_lines(inner)
