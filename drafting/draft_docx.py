"""The draft as a Word document: title, section heading, area sub-headings, paragraphs, a gaps box and
an appendix table tracing each paragraph to its SEA entries."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafting.areas import load_areas
from drafting.draft import TITLES, Draft


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def write_draft_docx(draft: Draft, path: Path, inspection: str | None = None) -> Path:
    areas = {a.id: a.area for a in load_areas().areas}
    document = docx.Document()
    document.add_heading("Draft inspection report section", level=0)
    if inspection:
        document.add_paragraph(f"Inspection: {inspection}. Drafted from SEA entries; check before QA.")
    document.add_heading(TITLES[draft.section], level=1)
    current_area = None
    for paragraph in draft.paragraphs:
        if paragraph.area != current_area and draft.section not in ("executive-summary", "children-summary"):
            current_area = paragraph.area
            document.add_heading(
                areas.get(paragraph.area, TITLES.get(paragraph.area, paragraph.area)).capitalize(), level=2
            )
        style = "List Number" if draft.section == "recommendations" else None
        document.add_paragraph(paragraph.text, style=style)
    if draft.gaps:
        box = document.add_table(rows=1, cols=1)
        box.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = box.rows[0].cells[0]
        _shade(cell, "FFF2CC")
        cell.paragraphs[0].add_run("Gaps: required areas with no SEA evidence").bold = True
        for gap in draft.gaps:
            cell.add_paragraph(f"{areas.get(gap.area, gap.area)} ({gap.required}): {gap.why}")
    if draft.identifiers:
        document.add_paragraph(
            f"{len(draft.identifiers)} identifying detail(s) were removed from this draft; see the tool's output."
        )
    document.add_heading("Appendix: sources of each paragraph", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Paragraph", "Area", "SEA entries"), strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for number, paragraph in enumerate(draft.paragraphs, 1):
        row = table.add_row().cells
        row[0].text = str(number)
        row[1].text = paragraph.area
        row[2].text = ", ".join(paragraph.sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
