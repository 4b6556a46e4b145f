"""Style advice (para 157, 163): passive voice, undefined acronyms, unquantified findings, very long
sentences, repeated openings. Advice, not errors: quoted with the sentence so the writer can judge. And what is
not advice: placeholders and notes to self left in the draft ("XX%", "[insert example]", "TBC"), which para 162
rules out ("The draft report should be of a quality that requires little or no further editing")."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel, ConfigDict

from drafting.sentences import Sentence, split_sentences

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


UNFINISHED = "unfinished"
# Square brackets in a report mark words changed in a quote ("[my social worker] listens to me", "[sic]",
# "[…]"): a few lower-case words. Anything else in them is a note to self ("[CHECK: quote from DCS]",
# "[Kai, 13, case ref 4471902]", "[para 171: make sure …]"), and so is a short note that opens with what is to
# be done ("[insert example]", "[check]").
_BRACKETED = re.compile(r"\[([^\]\n]{0,300})\]")
_EDITORIAL = re.compile(r"(?:[a-z][^:?\d]*|sic|…|\.\.\.|\d{1,3})")  # "[1]": a note's number
_OPENING_QUOTE = ("'", '"', "‘", "“")
_EDITORIAL_WORDS = 5
_TO_DO = re.compile(
    r"\s*(?:insert|add|check|confirm|tbc|tba|tbd|todo|to do|nb|note|qa|query|fix|delete|remove|cut|change|update"
    r"|move|expand|example|figure|stats?|data|ref|source|evidence|need|needs|awaiting|ask|comment|xx)\b",
    re.IGNORECASE,
)
# Placeholders outside brackets: "XX%", "xx children", "??", "TBC", "TODO", "<insert name>", "Lorem ipsum".
_PLACEHOLDER = re.compile(
    r"(?<!\w)[Xx]{2,}(?!\w)%?|\?{2,}|\b(?:TBC|TBA|TBD|TODO)\b|<\s*(?:insert|add)\b[^>\n]{0,100}>"
    r"|\blorem ipsum\b",
)


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
    unfinished = unfinished_markers(text, sentences)
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
        for found in _ACRONYM.finditer(s.text):
            acronym = found.group(0)
            if any(m.start <= s.start + found.start() < m.end for m in unfinished):
                continue  # "[CHECK: …]", "TBC": left from drafting, reported as such
            base = acronym.rstrip("s") if acronym.endswith("s") and acronym[:-1].isupper() else acronym
            if base in defined or base in _WELL_KNOWN or base in seen_acronyms:
                continue
            seen_acronyms.add(base)
            add("acronym", "para 163", s, f"'{base}' is not defined: spell it out at first use, or avoid jargon.")
        openings[" ".join(w.lower() for w in words[:3])] += 1
    findings.extend(unfinished)
    for opening, count in openings.items():
        if count >= 4:
            first = next(s for s in sentences if " ".join(w.lower() for w in s.text.split()[:3]) == opening)
            add("repetition", "para 163", first, f"{count} sentences open with '{opening}': vary the wording.")
    return findings


def unfinished_markers(text: str, sentences: list[Sentence] | None = None) -> list[StyleFinding]:
    """Placeholders and notes to self, each by its own span, quoted with its sentence."""
    sentences = split_sentences(text) if sentences is None else sentences
    notes = {m.span() for m in _BRACKETED.finditer(text) if _note_to_self(text, m)}
    spans = sorted(notes | {m.span() for m in _PLACEHOLDER.finditer(text)})
    findings: list[StyleFinding] = []
    last_end = -1
    for start, end in spans:
        if start < last_end:
            continue  # a placeholder inside a note already found ("[XX% TBC]")
        last_end = end
        sentence = next((s.text for s in sentences if s.start <= start < s.end), text[start:end])
        findings.append(
            StyleFinding(
                type=UNFINISHED,
                ref="para 162",
                sentence=sentence,
                start=start,
                end=end,
                advice=f"'{text[start:end]}' is left from drafting: finish or remove it before QA (para 162).",
            )
        )
    return findings


def _note_to_self(text: str, bracket: re.Match[str]) -> bool:
    content = bracket.group(1).strip()
    # A quote may open with changed words, capitalised: "'[The council] has been brilliant'".
    opens_quote = text[: bracket.start()].rstrip(" ").endswith(_OPENING_QUOTE)
    words = content[:1].lower() + content[1:] if opens_quote else content
    editorial = bool(_EDITORIAL.fullmatch(words)) and len(content.split()) <= _EDITORIAL_WORDS
    # "[name removed]": `draft` took an identifying detail out; the sentence still has to be rewritten.
    return bool(_TO_DO.match(content)) or content.lower().endswith(" removed") or not editorial
