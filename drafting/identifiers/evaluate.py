"""Recall and precision of the detectors on a labelled JSONL set.

Each line: {"id", "text", "entities": [[TYPE, surface text], ...], "mode"?: "report"|"sea"}; every
whole-word occurrence of a listed surface text is a gold span (inside a longer gold span of the same
type it is not counted again). A finding is correct when it overlaps a gold span of the same type.
Overlap is lenient ("Abdullah" found in "Abdullah al-Hashimi" counts), so `whole_spans` also says how many
of the gold spans found have every letter and digit inside a finding of their type: what a redaction hides.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from drafting.identifiers.base import Finding, IdentifierScanner


class TypeScore(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    gold: int
    predicted: int
    recall: float
    precision: float


class IdentifierEval(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passages: int
    gold: int
    found: int  # gold spans overlapped by a finding of their type
    found_whole: int  # of those, spans with every letter and digit inside such a finding
    recall: float
    precision: float
    per_type: list[TypeScore]
    whole_spans: float
    misses: list[str]
    false_alarms: list[str]
    partly_covered: list[str]


def gold_spans(text: str, entities: list[list[str]]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for kind, surface in sorted(entities, key=lambda e: -len(e[1])):
        for m in re.finditer(rf"(?<![\w]){re.escape(surface)}(?![\w])", text):
            if not any(s <= m.start() and m.end() <= e and k == kind for s, e, k in spans):
                spans.append((m.start(), m.end(), kind))
    return spans


def _scanned(scanner: IdentifierScanner, items: list[dict], as_document: bool) -> list[list[Finding]]:
    """Each passage's findings, with offsets into the passage. As one document, the passages of a mode are
    joined by line breaks and scanned once, as `check-report` reads a file: a name found in one passage is
    then found at its mentions in the others."""
    if not as_document:
        return [scanner.scan(item["text"], mode=item.get("mode", "report")) for item in items]
    out: list[list[Finding]] = [[] for _ in items]
    for mode in dict.fromkeys(item.get("mode", "report") for item in items):
        members = [k for k, item in enumerate(items) if item.get("mode", "report") == mode]
        starts, text = [], ""
        for k in members:
            starts.append(len(text))
            text += items[k]["text"] + "\n"
        for finding in scanner.scan(text, mode=mode):
            place = bisect.bisect_right(starts, finding.start) - 1
            offset = starts[place]
            out[members[place]].append(
                finding.model_copy(update={"start": finding.start - offset, "end": finding.end - offset})
            )
    return out


def evaluate_identifiers(scanner: IdentifierScanner, path: Path, as_document: bool = False) -> IdentifierEval:
    gold_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    correct_n: Counter[str] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    partial: list[str] = []
    whole_n = 0
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for item, findings in zip(lines, _scanned(scanner, lines, as_document), strict=True):
        text = item["text"]
        gold = gold_spans(text, item["entities"])
        for s, e, kind in gold:
            gold_n[kind] += 1
            hits = [f for f in findings if f.type == kind and f.start < e and s < f.end]
            if hits:
                found_n[kind] += 1
                covered = {k for f in hits for k in range(f.start, f.end)}
                if all(k in covered for k in range(s, e) if text[k].isalnum()):
                    whole_n += 1
                else:
                    partial.append(f"{item['id']}: {kind} {text[s:e]!r} (found {[f.text for f in hits]})")
            else:
                misses.append(f"{item['id']}: {kind} {text[s:e]!r}")
        for f in findings:
            pred_n[f.type] += 1
            if any(f.type == kind and f.start < e and s < f.end for s, e, kind in gold):
                correct_n[f.type] += 1
            else:
                alarms.append(f"{item['id']}: {f.type} {f.text!r}")
    per_type = [
        TypeScore(
            type=t,
            gold=gold_n[t],
            predicted=pred_n[t],
            recall=round(found_n[t] / gold_n[t], 3) if gold_n[t] else 1.0,
            precision=round(correct_n[t] / pred_n[t], 3) if pred_n[t] else 1.0,
        )
        for t in sorted(set(gold_n) | set(pred_n))
    ]
    total_gold = sum(gold_n.values())
    total_pred = sum(pred_n.values())
    return IdentifierEval(
        passages=len(lines),
        gold=total_gold,
        found=sum(found_n.values()),
        found_whole=whole_n,
        recall=round(sum(found_n.values()) / total_gold, 3) if total_gold else 1.0,
        precision=round(sum(correct_n.values()) / total_pred, 3) if total_pred else 1.0,
        per_type=per_type,
        whole_spans=round(whole_n / sum(found_n.values()), 3) if found_n else 1.0,
        misses=misses,
        false_alarms=alarms,
        partly_covered=partial,
    )
