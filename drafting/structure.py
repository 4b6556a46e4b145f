"""Required sections of a report (para 163-166, 216) and a section per judgement."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from drafting.sentences import LIST_ITEM

WORDS_PER_PAGE = 500  # a typical Ofsted report page


class StructureFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    section: str
    ref: str
    message: str


# (id, handbook ref, heading pattern, what it is)
_SECTIONS = [
    ("executive-summary", "para 164", r"executive summary|summary of (?:the )?(?:main )?findings", "an executive summary"),
    ("recommendations", "para 165", r"recommendations|what (?:the local authority )?needs to (?:do|improve)", "recommendations"),
    ("children-summary", "para 163", r"summary (?:written )?for children|children and young people'?s? summary|for children and young people|what we found.{0,20}children", "a summary written for children and young people"),
    ("help-and-protection", "para 167", r"help and protection", "a section on children who need help and protection"),
    ("children-looked-after", "para 167", r"(?:children )?looked after|children in care|achieving permanence", "a section on children looked after and achieving permanence"),
    ("adoption", "para 167", r"adoption", "a section on adoption performance"),
    ("care-leavers", "para 167", r"care leavers", "a section on the experiences and progress of care leavers"),
    ("leadership", "para 167", r"leadership,? management and governance|leadership and management", "a section on leadership, management and governance"),
]  # fmt: skip


def _headings(text: str) -> list[str]:
    """Short lines without closing punctuation: what a heading looks like in extracted text; a list item
    ("• support for care leavers") is not one."""
    return [
        line.strip()
        for line in text.split("\n")
        if 0 < len(line.strip()) <= 120 and not line.strip().endswith((".", ";", ",")) and not LIST_ITEM.match(line)
    ]


def check_structure(text: str, post_monitoring: bool = False) -> list[StructureFinding]:
    headings = " \n ".join(_headings(text)).lower()
    findings = []
    for section, ref, pattern, what in _SECTIONS:
        if not re.search(pattern, headings):
            findings.append(StructureFinding(section=section, ref=ref, message=f"No heading found for {what} ({ref})."))
    if post_monitoring:
        pages = len(text.split()) / WORDS_PER_PAGE
        if pages > 12:
            findings.append(
                StructureFinding(
                    section="length",
                    ref="para 216",
                    message=f"About {pages:.0f} pages ({len(text.split()):,} words): a post-monitoring report should not exceed 12 pages.",
                )
            )
    return findings
