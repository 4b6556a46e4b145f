"""Drafting report sections from SEA entries (para 163-173), with no language model.

Every sentence of a draft paragraph is copied from the SEA entries listed as its sources, so nothing
(no figure, no finding) appears that the evidence does not hold. Order follows para 157: evaluation,
then evidence, then impact. Entries of other judgements never leak in; QAM review entries (para 159)
are never report text; case references and identifying details are removed before output.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from drafting.areas import ReportingArea, load_areas
from drafting.identifiers import IdentifierScanner
from drafting.sea import SeaEntry
from drafting.sentences import split_sentences
from retrieval.corpus import load_units
from retrieval.units import Unit

Section = Literal[
    "leadership",
    "help-and-protection",
    "children-looked-after",
    "adoption",
    "care-leavers",
    "executive-summary",
    "recommendations",
    "children-summary",
]
SECTIONS: tuple[str, ...] = Section.__args__  # type: ignore[attr-defined]
JUDGEMENTS = ("help-and-protection", "children-looked-after", "adoption", "care-leavers", "leadership")
TITLES = {
    "help-and-protection": "The experiences and progress of children who need help and protection",
    "children-looked-after": "The experiences and progress of children looked after and achieving permanence",
    "adoption": "Adoption performance",
    "care-leavers": "The experiences and progress of care leavers",
    "leadership": "Leadership, management and governance",
    "executive-summary": "Executive summary",
    "recommendations": "Recommendations",
    "children-summary": "Summary for children and young people",
}
# Plain words for children (para 163).
PLAIN = {
    "help-and-protection": "Keeping children safe",
    "children-looked-after": "Children in care",
    "adoption": "Children who are adopted",
    "care-leavers": "Young people leaving care",
    "leadership": "How well the people in charge do their job",
}
_GRADE_ORDER = {"inadequate": 0, "requires-improvement": 1, "outstanding": 2, "good": 3, None: 4}
_REPLACEMENT = {
    "PERSON": "[name removed]",
    "CASE_REFERENCE": "[case reference removed]",
    "INITIALS": "[initials removed]",
}


# A courtesy title just before a removed name goes with it.
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+$")


class DraftParagraph(BaseModel):
    model_config = ConfigDict(extra="forbid")
    area: str
    text: str
    sources: list[str]


class Gap(BaseModel):
    model_config = ConfigDict(extra="forbid")
    area: str
    required: str
    why: str


class RemovedIdentifier(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    text: str
    paragraph: int
    replacement: str


class Draft(BaseModel):
    """The JSON object of DESIGN.md's `draft` contract."""

    model_config = ConfigDict(extra="forbid")
    section: str
    paragraphs: list[DraftParagraph]
    gaps: list[Gap]
    identifiers: list[RemovedIdentifier]


class EvidenceProfile(BaseModel):
    """For the inspector's eyes only: never written into the report as a judgement."""

    model_config = ConfigDict(extra="forbid")
    entries: int
    by_grade: dict[str, int]
    annex_h: list[str]
    significant_concerns: list[str]
    reviews_excluded: list[str]
    not_applicable: list[str]


@lru_cache(maxsize=1)
def _units_by_ref() -> dict[tuple[str, str], Unit]:
    return {(u.doc, u.ref): u for u in load_units()}


def _without_lead_in(item: str) -> str:
    """An Annex M item without a closing lead-in to a list the gap does not quote: "whether the local authority is
    following statutory guidance. For example:" ends at "guidance"; an item that is only a lead-in is nothing."""
    if item.rstrip().endswith(":"):
        item = item[: item.rfind(". ") + 1] if ". " in item else ""
    return item.rstrip(".;")


def _evidence_to_gather(area: ReportingArea) -> str:
    """What Annex M says to gather for an area: the first items of its 'required to evaluate' column."""
    units = _units_by_ref()
    for doc, names in area.annex_m.items():
        for name in names:
            unit = units.get((doc, f"Annex M: {name}"))
            if unit is None:
                continue
            lines = unit.text.split("\n")
            items = [item for ln in lines if ln.startswith("- ") and (item := _without_lead_in(ln[2:]))][:2]
            if items:
                return "; ".join(items)
    return area.area


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


class Drafter:
    def __init__(self, scanner: IdentifierScanner) -> None:
        self.scanner = scanner
        self.table = load_areas()

    def profile(
        self, section: str, entries: list[SeaEntry], prevent: bool = False, delegated: bool = False
    ) -> EvidenceProfile:
        scope = [e for e in entries if section not in JUDGEMENTS or e.judgement == section]
        evidence = [e for e in scope if not e.is_review]
        not_applicable = [
            a.id for a in self.table.areas if not a.required(prevent, delegated) and section in a.judgements
        ]
        return EvidenceProfile(
            entries=len(evidence),
            by_grade=dict(Counter(e.grade or "ungraded" for e in evidence)),
            annex_h=[e.id for e in evidence if "annex-h" in e.flags],
            significant_concerns=[e.id for e in evidence if "significant-concern" in e.flags],
            reviews_excluded=[e.id for e in scope if e.is_review],
            not_applicable=not_applicable,
        )

    def draft(self, section: str, entries: list[SeaEntry], prevent: bool = False, delegated: bool = False) -> Draft:
        if section not in SECTIONS:
            raise ValueError(f"unknown section {section!r}; use one of: {', '.join(SECTIONS)}")
        evidence = [e for e in entries if not e.is_review]
        if section in JUDGEMENTS:
            paragraphs, gaps = self._judgement(section, evidence, prevent, delegated)
        elif section == "executive-summary":
            paragraphs, gaps = self._executive_summary(evidence), []
        elif section == "recommendations":
            paragraphs, gaps = self._recommendations(evidence), []
        else:
            paragraphs, gaps = self._children_summary(evidence), []
        cleaned, removed = self._remove_identifiers(paragraphs, entries)
        return Draft(section=section, paragraphs=cleaned, gaps=gaps, identifiers=removed)

    # Judgement sections -------------------------------------------------------------------------
    def _judgement(
        self, section: str, evidence: list[SeaEntry], prevent: bool, delegated: bool
    ) -> tuple[list[DraftParagraph], list[Gap]]:
        mine = [e for e in evidence if e.judgement == section]
        paragraphs: list[DraftParagraph] = []
        gaps: list[Gap] = []
        for area in self.table.areas:
            if section not in area.judgements:
                continue
            area_entries = [e for e in mine if area.id in e.areas]
            if not area_entries:
                if area.required(prevent, delegated):
                    gaps.append(
                        Gap(
                            area=area.id,
                            required=area.source,
                            why=f"No SEA entry for {section} covers {area.area}. Annex M asks inspectors to gather: "
                            f"{_evidence_to_gather(area).rstrip('.')}.",
                        )
                    )
                continue
            paragraphs.extend(self._area_paragraphs(area.id, area_entries))
        return paragraphs, gaps

    def _area_paragraphs(self, area: str, entries: list[SeaEntry]) -> list[DraftParagraph]:
        """Strengths and weaknesses both stated; entries that agree (same grade) merged into one paragraph,
        each part in para 157's order: evaluations, then evidence, then impact."""
        groups: dict[object, list[SeaEntry]] = {}
        for entry in sorted(entries, key=lambda e: (_GRADE_ORDER[e.grade], e.date, e.id)):
            groups.setdefault(entry.grade, []).append(entry)
        # Strengths first when the area is mostly strong, otherwise lead with what must improve.
        ordered = sorted(groups.values(), key=lambda g: _GRADE_ORDER[g[0].grade])
        paragraphs = []
        for group in ordered:
            parts: list[str] = []
            for field in ("evaluation", "evidence", "impact"):
                for entry in group:
                    for sentence in _sentences(getattr(entry, field)):
                        if sentence not in parts:
                            parts.append(sentence)
            paragraphs.append(DraftParagraph(area=area, text=" ".join(parts), sources=[e.id for e in group]))
        return paragraphs

    # Cross-judgement sections -------------------------------------------------------------------
    def _executive_summary(self, evidence: list[SeaEntry]) -> list[DraftParagraph]:
        """Per judgement, its strongest evaluative statements: concerns and extreme grades first."""
        paragraphs = []
        for judgement in JUDGEMENTS:
            mine = [e for e in evidence if e.judgement == judgement]
            if not mine:
                continue
            mine.sort(key=lambda e: ("significant-concern" not in e.flags, _GRADE_ORDER[e.grade], e.id))
            chosen = mine[:2]
            text = " ".join(dict.fromkeys(s for e in chosen for s in _sentences(e.evaluation)))
            paragraphs.append(DraftParagraph(area=judgement, text=text, sources=[e.id for e in chosen]))
        return paragraphs

    def _recommendations(self, evidence: list[SeaEntry]) -> list[DraftParagraph]:
        """Weaknesses as a short prioritised list: significant concerns, then inadequate, then the rest."""
        areas = {a.id: a for a in self.table.areas}
        weak = [e for e in evidence if e.is_weakness]
        weak.sort(key=lambda e: ("significant-concern" not in e.flags, _GRADE_ORDER[e.grade], e.id))
        paragraphs = []
        for priority, entry in enumerate(weak[:8], 1):
            area = areas[entry.areas[0]].area if entry.areas else entry.judgement.replace("-", " ")
            paragraphs.append(
                DraftParagraph(
                    area=entry.areas[0] if entry.areas else entry.judgement,
                    text=f"Priority {priority}, {area}: {_sentences(entry.evaluation)[0]}",
                    sources=[entry.id],
                )
            )
        return paragraphs

    def _children_summary(self, evidence: list[SeaEntry]) -> list[DraftParagraph]:
        """What the findings mean for children, in their words: the impact statements, per judgement."""
        paragraphs = []
        for judgement in JUDGEMENTS:
            mine = sorted(
                (e for e in evidence if e.judgement == judgement), key=lambda e: (_GRADE_ORDER[e.grade], e.id)
            )
            if not mine:
                continue
            impacts = " ".join(dict.fromkeys(s for e in mine[:3] for s in _sentences(e.impact)))
            paragraphs.append(
                DraftParagraph(area=judgement, text=f"{PLAIN[judgement]}: {impacts}", sources=[e.id for e in mine[:3]])
            )
        return paragraphs

    # Safety net ---------------------------------------------------------------------------------
    def _remove_identifiers(
        self, paragraphs: list[DraftParagraph], entries: list[SeaEntry]
    ) -> tuple[list[DraftParagraph], list[RemovedIdentifier]]:
        case_refs = {c for e in entries for c in e.cases}
        removed: list[RemovedIdentifier] = []
        out = []
        for index, paragraph in enumerate(paragraphs):
            text = paragraph.text
            for ref in sorted(case_refs, key=len, reverse=True):
                if ref and ref in text:
                    text = text.replace(ref, _REPLACEMENT["CASE_REFERENCE"])
                    removed.append(
                        RemovedIdentifier(
                            type="CASE_REFERENCE", text=ref, paragraph=index, replacement=_REPLACEMENT["CASE_REFERENCE"]
                        )
                    )
            for finding in sorted(self.scanner.scan(text, mode="report"), key=lambda f: -f.start):
                replacement = _REPLACEMENT.get(finding.type, f"[{finding.type.lower().replace('_', ' ')} removed]")
                start = finding.start
                if finding.type == "PERSON" and (title := _TITLE_BEFORE.search(text, 0, start)):
                    start = title.start()  # "Mrs [name removed]" still points at one woman
                text = text[:start] + replacement + text[finding.end :]
                removed.append(
                    RemovedIdentifier(type=finding.type, text=finding.text, paragraph=index, replacement=replacement)
                )
            out.append(paragraph.model_copy(update={"text": text}))
        return out, removed


_QUANTITY = re.compile(r"\d|\b(?:all|none|every|no|half|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


def unquantified(draft: Draft) -> list[int]:
    """Paragraphs (1-based) with no figure: para 170 asks for the extent of every issue reported.
    The drafter never adds figures, so the inspector is told where the SEA lacks them."""
    return [n for n, p in enumerate(draft.paragraphs, 1) if not _QUANTITY.search(p.text)]
