"""Style advice (para 157, 163): passive voice, undefined acronyms, unquantified findings, very long
sentences, repeated openings. Advice, not errors: quoted with the sentence so the writer can judge."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel, ConfigDict

from drafting.sentences import split_sentences

LONG_SENTENCE_WORDS = 35
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:not\s+|always\s+|often\s+|routinely\s+|consistently\s+)?"
    r"(?:\w+ed|made|seen|done|given|taken|known|held|kept|met|sent|told|found|shown|written|heard|led|brought)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"\b(?:some|many|several|a number of|a few|a majority of|most|numerous|various)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|all|none|every)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
_DEFINITION = re.compile(r"\(([A-Z]{2,6})s?\)")
# Acronyms a report may use without definition (Ofsted's own house style).
_WELL_KNOWN = {"NHS", "UK", "DfE", "GP", "GCSE", "GCSEs", "MP", "OK"}


class StyleFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    ref: str
    sentence: str
    start: int
    end: int
    advice: str


def check_style(text: str) -> list[StyleFinding]:
    sentences = split_sentences(text)
    defined = set(_DEFINITION.findall(text))
    findings: list[StyleFinding] = []

    def add(kind: str, ref: str, s, advice: str) -> None:
        findings.append(StyleFinding(type=kind, ref=ref, sentence=s.text, start=s.start, end=s.end, advice=advice))

    seen_acronyms: set[str] = set()
    openings: Counter[str] = Counter()
    for s in sentences:
        words = s.text.split()
        if len(words) < 4:
            continue  # headings and fragments
        if _PASSIVE.search(s.text):
            add("passive", "para 163", s, "Consider the active voice: say who did what.")
        vague = _VAGUE.search(s.text)
        if vague and not _FIGURE.search(s.text):
            add("unquantified", "para 157", s, f"'{vague.group(0)}' with no figure: quantify the finding (para 157).")
        if len(words) > LONG_SENTENCE_WORDS:
            add("long-sentence", "para 163", s, f"{len(words)} words: split it for clarity.")
        for acronym in _ACRONYM.findall(s.text):
            base = acronym.rstrip("s") if acronym.endswith("s") and acronym[:-1].isupper() else acronym
            if base in defined or base in _WELL_KNOWN or base in seen_acronyms:
                continue
            seen_acronyms.add(base)
            add("acronym", "para 163", s, f"'{base}' is not defined: spell it out at first use, or avoid jargon.")
        openings[" ".join(w.lower() for w in words[:3])] += 1
    for opening, count in openings.items():
        if count >= 4:
            first = next(s for s in sentences if " ".join(w.lower() for w in s.text.split()[:3]) == opening)
            add("repetition", "para 163", first, f"{count} sentences open with '{opening}': vary the wording.")
    return findings
