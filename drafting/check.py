"""`check-report`: identifying details, reporting-area coverage, structure and style for one draft."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from drafting.coverage import AreaEvidence, Coverage, CoverageChecker
from drafting.documents import join_parts, read_report_parts
from drafting.identifiers import Finding, IdentifierScanner
from drafting.identifiers.base import ScanMode
from drafting.structure import StructureFinding, check_structure
from drafting.style import StyleFinding, check_style


class IdentifierOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    text: str
    start: int
    end: int
    score: float


class ReportCheck(BaseModel):
    """The JSON object per file of DESIGN.md's contract."""

    model_config = ConfigDict(extra="forbid")
    file: str
    identifiers: list[IdentifierOut]
    coverage: Coverage
    structure: list[StructureFinding]
    style: list[StyleFinding]

    @property
    def has_problems(self) -> bool:
        # Style is advice; everything else needs the writer's attention before QA.
        return bool(self.identifiers or self.coverage.missing or self.structure)


# Findings scored below this rest on a weak signal (an unfamiliar word, a single letter): shown as possible.
POSSIBLE_BELOW = 0.7


def type_label(kind: str, score: float) -> str:
    """The finding's type as shown to the inspector, marked "?" when it is only a possible identifier."""
    return f"{kind}?" if score < POSSIBLE_BELOW else kind


def finding_context(text: str, start: int, end: int, width: int = 40) -> str:
    """The finding with `width` characters either side, whitespace collapsed: the context the CLI and
    Slack show beside an identifying detail."""
    return " ".join(text[max(0, start - width) : end + width].split())


class CheckOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mode: ScanMode = "report"
    prevent_priority: bool = False
    delegated: bool = False
    post_monitoring: bool = False


class CheckedFile(NamedTuple):
    result: ReportCheck
    evidence: list[AreaEvidence]
    text: str  # what the findings' offsets index into: the shown text, then any hidden text
    shown_chars: int  # findings at or after this offset are in text deleted under tracked changes

    def in_deleted_text(self, finding: IdentifierOut) -> bool:
        return finding.start >= self.shown_chars


class ReportChecker:
    def __init__(self, scanner: IdentifierScanner, coverage: CoverageChecker) -> None:
        self.scanner = scanner
        self.coverage = coverage

    def check_text(
        self, name: str, text: str, options: CheckOptions, hidden: str = ""
    ) -> tuple[ReportCheck, list[AreaEvidence]]:
        """`hidden`: text the file holds without showing it (deleted under tracked changes). It is scanned for
        identifying details, after `text` (findings' offsets index into the two joined by `join_parts`), but
        credits no reporting area and is not read for structure or style."""
        findings: list[Finding] = self.scanner.scan(join_parts(text, hidden), mode=options.mode)
        coverage, evidence = self.coverage.check(text, options.prevent_priority, options.delegated)
        result = ReportCheck(
            file=name,
            identifiers=[
                IdentifierOut(type=f.type, text=f.text, start=f.start, end=f.end, score=f.score) for f in findings
            ],
            coverage=coverage,
            structure=check_structure(text, options.post_monitoring) if options.mode == "report" else [],
            style=check_style(text),
        )
        return result, evidence

    def check_file(self, path: Path, options: CheckOptions) -> CheckedFile:
        text, hidden = read_report_parts(path)
        result, evidence = self.check_text(str(path), text, options, hidden)
        # The hidden text starts after the shown text and the line break that joins them.
        return CheckedFile(result, evidence, join_parts(text, hidden), len(text) + 1)
