"""Handbook references named in a query: "para 160", "paras 171–173", "paragraphs 163 and 164", "Annex A 3.06",
"annex m". Every answer and finding cites units this way, so an inspector checking a citation types the ref:
when the query is about the named units ("para 160", "what does para 160 say?", "para 171 on missing
children"), search puts them first and ask reads them out. A query that names a unit in passing ("can
inspectors ask for more evidence than Annex A lists?") is about something else and is ranked as any other."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

# "para 160", "para. 160", "paragraph 160", "para 171-173"; "paras 163 and 164", "paragraphs 171, 172 or 175". A
# number is whole ("2.5 days" is no paragraph 2), and a list needs the plural ("para 18, 2 inspectors" is para 18).
_N = r"\d{1,3}(?!\d)(?!\.\d)"
_TO = r"\s*(?:[-–—]|to)\s*"
_PARA = re.compile(rf"(?:\bpara(?:graph)?\.?|¶)\s*({_N}(?:{_TO}{_N})?)", re.IGNORECASE)
_PARAS = re.compile(rf"\b(?:paras|paragraphs)\.?\s*({_N}(?:(?:{_TO}|\s*(?:and|&|,|or)\s*){_N})*)", re.IGNORECASE)
_NUMBER = re.compile(_N)
_RANGE = re.compile(rf"({_N}){_TO}({_N})")
# "Annex M", "annex a 3.06", "Annex A item 3.06", "Annex A, 3.06".
_ANNEX = re.compile(r"\bannex\s+([a-p])\b(?:,?\s*(?:item\s*)?(\d\.\d{2})\b)?", re.IGNORECASE)
# Above every fused score (reciprocal rank fusion's best is 4 / (k + 1), under 0.4): a named unit comes first.
NAMED_SCORE = 1.0
# A range longer than this is a typing slip ("paras 17-173"), not a request to read a whole section.
MAX_RANGE = 10


# A query is about the units it names when it opens with one ("para 171 on missing children", "Annex A:
# complaints?"), after at most a lead-in that makes the unit its subject ("what does para 160 say about …",
# "does para 160 apply to …", "according to para 160, …", "in Annex M, …"), or when it asks nothing else ("show
# me para 160").
_LEAD_IN = re.compile(
    r"\s*(?:(?:(?:what|how|where|which|who)\s+)?(?:does|do|did|is|are)\s*|according\s+to\s*|in\s*|see\s*"
    r"|(?:can|could)\s+(?:you|i)\s+(?:see|read|have|get)\s*|(?:show|give|read|quote)\s+(?:me\s*)?(?:the\s*)?)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")
# Words that ask to see a unit rather than ask something of it.
_LOOKUP_WORDS = frozenset(
    [
        "what",
        "whats",
        "does",
        "do",
        "did",
        "is",
        "it",
        "say",
        "says",
        "said",
        "show",
        "me",
        "read",
        "quote",
        "the",
        "text",
        "of",
        "tell",
        "please",
        "wording",
        "mean",
        "means",
        "full",
        "whole",
        "handbook",
        "in",
        "give",
        "see",
        "can",
        "could",
        "you",
        "i",
        "paragraph",
        "para",
        "paras",
        "annex",
        "item",
        "exactly",
        "again",
    ]
)


@dataclass(frozen=True)
class NamedReferences:
    """What a query names: the refs in the order named, and where in the query they were named."""

    refs: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def __bool__(self) -> bool:
        return bool(self.refs)


def named_references(query: str) -> NamedReferences:
    found: list[tuple[int, int, list[str]]] = []
    for m in [*_PARA.finditer(query), *_PARAS.finditer(query)]:
        found.append((m.start(), m.end(), [f"para {n}" for n in _paragraph_numbers(m.group(1))]))
    for m in _ANNEX.finditer(query):
        letter, item = m.group(1).upper(), m.group(2)
        found.append((m.start(), m.end(), [f"Annex {letter} {item}" if item else f"Annex {letter}"]))
    found.sort()
    refs: list[str] = []
    for _, _, named in found:
        refs.extend(r for r in named if r not in refs)
    return NamedReferences(tuple(refs), tuple((start, end) for start, end, _ in found))


def _paragraph_numbers(listed: str) -> list[int]:
    numbers: list[int] = []
    covered: list[tuple[int, int]] = []
    for m in _RANGE.finditer(listed):
        first, last = int(m.group(1)), int(m.group(2))
        if first < last <= first + MAX_RANGE:
            numbers.extend(range(first, last + 1))
            covered.append(m.span())
    for m in _NUMBER.finditer(listed):
        if not any(start <= m.start() < end for start, end in covered):
            numbers.append(int(m.group(0)))
    return sorted(dict.fromkeys(numbers), key=numbers.index)


def resolve(
    named: NamedReferences, unit_refs: list[str], fused: np.ndarray | None = None
) -> tuple[list[int], list[str]]:
    """The units the named refs stand for, in the order named, and the named refs the handbook does not have.
    With `fused` (unit scores for what else the query asks), a whole annex named by its letter stands for its
    part that `fused` ranks best ("what does Annex A say about complaints?": Annex A 1.08)."""
    units: list[int] = []
    unknown: list[str] = []
    for ref in named.refs:
        family = annex_family(ref, unit_refs) if fused is not None else []
        matches = [max(family, key=lambda i: fused[i])] if family else _resolve_one(ref, unit_refs)
        units.extend(i for i in matches if i not in units)
        if not matches:
            unknown.append(ref)
    return units, unknown


def _resolve_one(ref: str, unit_refs: list[str]) -> list[int]:
    """The units a ref stands for (both versions of a ref the two documents share), or none when the handbook
    has no such unit. An annex named without an item stands for its own unit, or for its first one when it has
    only named parts ("Annex A" → "Annex A: Introduction")."""
    matches = [i for i, r in enumerate(unit_refs) if r == ref]
    if not matches and re.fullmatch(r"Annex [A-P]", ref):
        first = next((r for r in unit_refs if r.startswith(f"{ref}:")), None)
        matches = [i for i, r in enumerate(unit_refs) if r == first]
    return matches


def is_about_named(query: str, named: NamedReferences) -> bool:
    """Whether the query asks about the units it names (see _LEAD_IN), not about something that mentions them."""
    if not named:
        return False
    return bool(_LEAD_IN.fullmatch(query[: named.spans[0][0]])) or is_lookup(query, named)


def is_lookup(query: str, named: NamedReferences) -> bool:
    """Whether the query asks only to see the named units ("para 160", "what does para 160 say?")."""
    rest = without_references(query, named).lower()
    return bool(named) and set(_WORD.findall(rest)) <= _LOOKUP_WORDS


def annex_family(ref: str, unit_refs: list[str]) -> list[int]:
    """For a whole annex named by its letter ("Annex M"), every unit of it: its own, its items ("Annex A 3.06")
    and its named parts ("Annex M: Missing from home or care"); for any other ref, none."""
    if not re.fullmatch(r"Annex [A-P]", ref):
        return []
    return [i for i, r in enumerate(unit_refs) if r == ref or r.startswith((f"{ref}:", f"{ref} "))]


def without_references(query: str, named: NamedReferences) -> str:
    """The query with the ref mentions taken out: what it asks of the named units."""
    kept, cursor = [], 0
    for start, end in named.spans:
        kept.append(query[cursor:start])
        cursor = max(cursor, end)
    kept.append(query[cursor:])
    return " ".join("".join(kept).split())


def promote(scores: np.ndarray, units: list[int]) -> np.ndarray:
    """Fused unit scores with the named units first, in the order named."""
    out = scores.copy()
    for rank, unit in enumerate(units):
        out[unit] = NAMED_SCORE - 0.001 * rank
    return out
