"""The detector contract, the registry and overlap resolution."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from drafting.identifiers.lexicon import Lexicon

ScanMode = Literal["report", "sea"]

# Types allowed in the SEA (para 160: "case reference numbers and/or initials of cases").
SEA_ALLOWED = frozenset({"CASE_REFERENCE", "INITIALS"})


class Finding(BaseModel):
    """One identifying detail: character offsets into the scanned text (`text` is the scanned text from `start`
    to `end`), its type and a confidence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str
    text: str
    start: int
    end: int
    score: float
    detector: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


class Detector(Protocol):
    name: str
    types: frozenset[str]

    def detect(self, text: str) -> list[Finding]: ...


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep the best of overlapping findings: higher score, then longer span; then a finding that lost to
    findings lying wholly inside it, and that holds a digit outside them, takes their place.

    Why the second step: a more confident detector that saw only part of a number ("07700", a case
    reference to one detector, in the phone number "07700 900123") would otherwise leave the rest of it
    unmarked, and a draft would print "[case reference removed] 900123". Letters outside are left alone: a
    low-scoring "Mrs Patel" must not take the place of the person's name "Patel" (MEASUREMENTS.md, session 22).

    The kept spans never overlap, so in start order their ends are in order too: a candidate overlaps one of
    them exactly when the last kept span starting before its end reaches past its start. A long note with
    thousands of names is resolved in n log n, not n²."""
    kept: list[Finding] = []  # in start order
    lost: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start)):
        k = bisect.bisect_left(kept, finding.end, key=_start)
        if k and kept[k - 1].end > finding.start:
            lost.append(finding)
            continue
        bisect.insort_left(kept, finding, key=_start)
    for finding in lost:
        first = bisect.bisect_left(kept, finding.start, key=_start)
        last = bisect.bisect_left(kept, finding.end, key=_start)
        inside = kept[first:last]
        if not inside or inside[-1].end > finding.end or (first and kept[first - 1].end > finding.start):
            continue  # it overlaps a kept span it does not contain
        outside = finding.text
        for part in reversed(inside):
            outside = outside[: part.start - finding.start] + outside[part.end - finding.start :]
        if any(c.isdigit() for c in outside):
            kept[first:last] = [finding]
    return kept


def _start(finding: Finding) -> int:
    return finding.start


class SpanCover:
    """Whether a position falls inside any of some spans (they may overlap), in log time: a long note has
    thousands of found names, and a document thousands of lines."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def holds(self, position: int) -> bool:
        k = bisect.bisect_right(self._starts, position) - 1
        return k >= 0 and self._reach[k] > position


class IdentifierScanner:
    """Runs the registered detectors; each can be switched off by name."""

    def __init__(self, detectors: Sequence[Detector], disabled: Iterable[str] = ()) -> None:
        self._all = list(detectors)
        self.disabled = set(disabled)
        unknown = self.disabled - {d.name for d in self._all}
        if unknown:
            raise ValueError(f"unknown detector(s): {', '.join(sorted(unknown))}")

    @property
    def detectors(self) -> list[Detector]:
        return [d for d in self._all if d.name not in self.disabled]

    def scan(self, text: str, mode: ScanMode = "report") -> list[Finding]:
        findings: list[Finding] = []
        for detector in self.detectors:
            findings.extend(detector.detect(text))
        if mode == "sea":
            findings = [f for f in findings if f.type not in SEA_ALLOWED]
        return resolve_overlaps(findings)


def default_detectors(lexicon: Lexicon | None = None) -> list[Detector]:
    """Every detector, sharing one set of word lists (built here unless given: entry points pass lists read
    from the cache)."""
    from drafting.identifiers.contact import EmailDetector, PhoneDetector, SocialHandleDetector
    from drafting.identifiers.dates import DateOfBirthDetector
    from drafting.identifiers.forms import NameFieldDetector
    from drafting.identifiers.institutions import InstitutionDetector
    from drafting.identifiers.locations import AddressDetector, PostcodeDetector
    from drafting.identifiers.named_initials import NamedInitialsDetector
    from drafting.identifiers.names import PersonNameDetector
    from drafting.identifiers.numbers import CaseReferenceDetector, InitialsDetector, NationalNumberDetector
    from drafting.identifiers.tables import TableColumnDetector

    names = PersonNameDetector(lexicon)
    return [
        names,
        DateOfBirthDetector(lexicon),
        AddressDetector(lexicon),
        PostcodeDetector(),
        PhoneDetector(),
        EmailDetector(),
        SocialHandleDetector(),
        NationalNumberDetector(),
        InstitutionDetector(lexicon),
        CaseReferenceDetector(),
        InitialsDetector(lexicon),
        NamedInitialsDetector(names),
        TableColumnDetector(),
        NameFieldDetector(),
    ]
