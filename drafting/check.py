"""`check-report`: identifying details, reporting-area coverage, structure and style for one draft."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from drafting.coverage import AreaEvidence, Coverage, CoverageChecker
from drafting.documents import ReportText, read_report_text
from drafting.identifiers import Finding, IdentifierScanner
from drafting.identifiers.base import ScanMode
from drafting.structure import StructureFinding, check_structure
from drafting.style import UNFINISHED, StyleFinding, check_style


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
    def unfinished(self) -> list[StyleFinding]:
        """Placeholders and notes to self left in the draft (para 162)."""
        return [s for s in self.style if s.type == UNFINISHED]

    @property
    def advice(self) -> list[StyleFinding]:
        """Style advice: the style findings that are not left from drafting."""
        return [s for s in self.style if s.type != UNFINISHED]

    @property
    def has_problems(self) -> bool:
        # Style is advice; everything else, a placeholder left in included, needs the writer's attention before QA.
        return bool(self.identifiers or self.coverage.missing or self.structure or self.unfinished)


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
    read: ReportText  # the findings' offsets index into `read.text`

    @property
    def text(self) -> str:
        return self.read.text

    def region(self, finding: IdentifierOut) -> str | None:
        """None for a finding in the report's text, else documents.COMMENTS, DELETED or DETAILS."""
        return self.read.region(finding.start)


class ReportChecker:
    def __init__(self, scanner: IdentifierScanner, coverage: CoverageChecker) -> None:
        self.scanner = scanner
        self.coverage = coverage

    def check_text(
        self, name: str, text: str | ReportText, options: CheckOptions
    ) -> tuple[ReportCheck, list[AreaEvidence]]:
        """A plain string is all report text. Of a ReportText, the comments, deleted text and file details are
        scanned for identifying details too (findings' offsets index into its `text`), but credit no reporting
        area and are not read for structure or style."""
        read = text if isinstance(text, ReportText) else ReportText(text)
        findings: list[Finding] = self.scanner.scan(read.text, mode=options.mode)
        report = read.report
        coverage, evidence = self.coverage.check(report, options.prevent_priority, options.delegated)
        result = ReportCheck(
            file=name,
            identifiers=[
                IdentifierOut(type=f.type, text=f.text, start=f.start, end=f.end, score=f.score) for f in findings
            ],
            coverage=coverage,
            structure=check_structure(report, options.post_monitoring) if options.mode == "report" else [],
            style=check_style(report),
        )
        return result, evidence

    def check_file(self, path: Path, options: CheckOptions) -> CheckedFile:
        read = read_report_text(path)
        result, evidence = self.check_text(str(path), read, options)
        return CheckedFile(result, evidence, read)
