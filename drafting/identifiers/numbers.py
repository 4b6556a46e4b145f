"""National numbers (NHS number, Unique Pupil Number, National Insurance number), case references
and initials. The last two are allowed in the SEA (para 160) and are findings in a report."""

from __future__ import annotations

import re

from stdnum.gb import nhs, upn

from drafting.identifiers.base import Finding
from drafting.identifiers.lexicon import Lexicon, load_lexicon

_NHS = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
_UPN = re.compile(r"\b[A-Z]\d{11}[A-Z\d]\b")
# HMRC's format: no D, F, I, Q, U, V in either prefix letter, no O second, and some prefixes unused.
_NINO = re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
# "case ref 40917", "child number C-22", or a bare "(ref 33019)".
_CASE_PHRASE = re.compile(
    r"\b(?:(?:case|child|file|client)\s+(?:ref(?:erence)?|number|no\.?|id)|ref\.?)"
    r"\s*[:#]?\s*(?P<ref>[A-Z0-9][A-Za-z0-9/-]{2,})",
    re.IGNORECASE,
)
# Codes such as CT-04, LCS-2021-0045 or MOS123456 (SEA entry ids like SEA-014 are the SEA's own, not a case's).
_CASE_CODE = re.compile(r"(?<![\w/.-])(?!SEA-)(?:[A-Z]{1,5}-\d{2,}(?:-\d+)*|[A-Z]{2,5}\d{4,})(?![\w/-])")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?!\w)|(?<![\w-])[A-Z]{2,3}(?![\w-])")
_LOWER_ROMAN = re.compile(r"^[IVX]+$")


class NationalNumberDetector:
    name = "national-number"
    types = frozenset({"NHS_NUMBER", "UPN", "NI_NUMBER"})

    def detect(self, text: str) -> list[Finding]:
        out = []
        for m in _NHS.finditer(text):
            if nhs.is_valid(m.group(0)):
                out.append(
                    Finding(
                        type="NHS_NUMBER", text=m.group(0), start=m.start(), end=m.end(), score=0.95, detector=self.name
                    )
                )
        for m in _UPN.finditer(text):
            if upn.is_valid(m.group(0)):
                out.append(
                    Finding(type="UPN", text=m.group(0), start=m.start(), end=m.end(), score=0.95, detector=self.name)
                )
        for m in _NINO.finditer(text):
            out.append(
                Finding(type="NI_NUMBER", text=m.group(0), start=m.start(), end=m.end(), score=0.9, detector=self.name)
            )
        return out


class CaseReferenceDetector:
    name = "case-reference"
    types = frozenset({"CASE_REFERENCE"})

    def _finding(self, text: str, start: int, end: int, score: float) -> Finding:
        return Finding(
            type="CASE_REFERENCE", text=text[start:end], start=start, end=end, score=score, detector=self.name
        )

    def detect(self, text: str) -> list[Finding]:
        out = []
        for m in _CASE_PHRASE.finditer(text):
            if any(c.isdigit() for c in m.group("ref")):
                start, end = m.span("ref")
                out.append(self._finding(text, start, end, 0.9))
        for m in _CASE_CODE.finditer(text):
            out.append(self._finding(text, m.start(), m.end(), 0.85))
        return out


class InitialsDetector:
    name = "initials"
    types = frozenset({"INITIALS"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def detect(self, text: str) -> list[Finding]:
        out = []
        for m in _INITIALS.finditer(text):
            value = m.group(0).strip()
            letters = value.replace(".", "").replace(" ", "")
            if "." not in value and (letters in self.lexicon.acronyms or _LOWER_ROMAN.match(letters)):
                continue
            # Capitals in a shouted heading are not initials.
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end != -1 else len(text)]
            if sum(c.isupper() for c in line) > 0.6 * sum(c.isalpha() for c in line):
                continue
            end = m.start() + len(value)
            out.append(Finding(type="INITIALS", text=value, start=m.start(), end=end, score=0.7, detector=self.name))
        return out
