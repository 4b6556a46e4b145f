"""The initials of people the text names in full: notes and minutes name a worker once ("Supervision - Natalie Corr
with TM Gareth Pugh") and then write "N to chase dental reg", "N worried re CCE" and "Signed NC / GP"."""

from __future__ import annotations

import re

from drafting.identifiers.base import Finding, SpanCover
from drafting.identifiers.name_cues import TITLES
from drafting.identifiers.names import PersonNameDetector

# "the GP", "her GP": the general practitioner, though Gareth Pugh's initials are GP.
_TERM_BEFORE = re.compile(r"\b(?:the|a|an|her|his|their|my|your|our|its)\s+$", re.IGNORECASE)
# "Signed NC / GP", "NC, GP", "initials: NC": where initials are written as initials.
_SIGNED_BEFORE = re.compile(r"(?:\b(?:signed|initials|initialled|by)\s*:?\s*|[/,&+]\s*)$", re.IGNORECASE)
# A term's letters are someone's only in a signature or a list of initials: "Signed NC / GP", not "seen by GP" or
# "mum, GP and school".
_SIGNATURE_BEFORE = re.compile(r"\b(?:signed|initials|initialled)\b[^.\n]{0,12}$", re.IGNORECASE)
_SIGNED_AFTER = re.compile(r"^\s*[/,&+]\s*[A-Z]{1,3}\b")
# A clause's start: a line's, or after its punctuation ("Wellbeing: N tired", "agreed. N to chase").
_CLAUSE_BEFORE = re.compile(r"(?:^|[\n(;:,.!?]\s*|\d\.\s+)$")
# What follows a person, not a letter used as a word: "N to chase", "N worried", not "B and B" or "C-section".
_PERSON_AFTER = re.compile(r"^ (?!and\b|or\b|&)[a-z]")
# Single letters that open sentences as words.
_WORD_LETTERS = {"A", "I"}


def _signed(text: str, m: re.Match[str], before: str) -> bool:
    """Written among initials: after "Signed" or a separator, or before a separator and more initials."""
    return bool(_SIGNED_BEFORE.search(before) or _SIGNED_AFTER.match(text[m.end() : m.end() + 8]))


def _subject(text: str, m: re.Match[str], before: str) -> bool:
    """Opening a clause before a lower-case word, where a person stands: "N to chase", "N worried"."""
    return bool(_CLAUSE_BEFORE.search(before) and _PERSON_AFTER.match(text[m.end() : m.end() + 6]))


class NamedInitialsDetector:
    """Initials that match someone named in full in the same text: their given name's and surname's first letters
    ("NC"), or the given name's alone ("N") opening a clause before a lower-case word."""

    name = "named-initials"
    types = frozenset({"INITIALS"})

    def __init__(self, names: PersonNameDetector) -> None:
        self.names = names

    def detect(self, text: str) -> list[Finding]:
        people = [f for f in self.names.detect(text) if f.type == "PERSON"]
        full, singles = set(), set()
        for person in people:
            words = [w for w in re.split(r"\s+", person.text) if w not in TITLES and w[:1].isupper()]
            if len(words) >= 2 and all(len(w) > 1 for w in words):
                full.add("".join(w[0] for w in words[:3]))
                singles.add(words[0][0])
        out: list[Finding] = []
        inside = SpanCover((p.start, p.end) for p in people)
        acronyms = self.names.lexicon.acronyms
        for letters in sorted(full):
            for m in re.finditer(rf"(?<![\w.&/-]){letters}(?![\w&-])", text):
                before = text[max(0, m.start() - 20) : m.start()]
                # A term's letters ("GP registration done", "her GP", "seen by GP") are someone's only in a
                # signature; other initials written alone stand where a person can ("NC to chase").
                if letters in acronyms or _TERM_BEFORE.search(before):
                    if not _SIGNATURE_BEFORE.search(before):
                        continue
                elif not (_signed(text, m, before) or _subject(text, m, before)):
                    continue
                out.append(self._finding(text, m.start(), m.end(), 0.7))
        for letter in sorted(singles - _WORD_LETTERS):
            for m in re.finditer(rf"(?<![\w.&/'’-]){letter}(?![\w&/'’-]|\.\w)", text):
                if inside.holds(m.start()):
                    continue
                before = text[max(0, m.start() - 20) : m.start()]
                if _subject(text, m, before) or (
                    _SIGNED_BEFORE.search(before) and _SIGNED_AFTER.match(text[m.end() : m.end() + 8])
                ):
                    out.append(self._finding(text, m.start(), m.end(), 0.6))
        return sorted(out, key=lambda f: f.start)

    def _finding(self, text: str, start: int, end: int, score: float) -> Finding:
        return Finding(type="INITIALS", text=text[start:end], start=start, end=end, score=score, detector=self.name)
