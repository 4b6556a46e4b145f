"""F1 of the missing-area list on drafts built from labelled paragraphs with areas left out."""

from __future__ import annotations

import json
import random
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from drafting.coverage import CoverageChecker


class CoverageEval(BaseModel):
    model_config = ConfigDict(extra="forbid")
    drafts: int
    precision: float
    recall: float
    f1: float
    errors: list[str]


def evaluate_coverage(
    checker: CoverageChecker, path: Path, distractors: Path | None = None, drafts: int = 30, seed: int = 13
) -> CoverageEval:
    """Drafts mix area paragraphs with sentences about no area in particular (headings, general findings),
    which must not count as coverage."""
    paragraphs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    filler = distractors.read_text(encoding="utf-8").splitlines() if distractors else []
    conditional = {a.id for a in checker.areas if a.conditional}
    rng = random.Random(seed)
    tp = fp = fn = 0
    errors: list[str] = []
    pool = [p for p in paragraphs if p["area"] not in conditional]
    for n in range(drafts):
        left_out = set(rng.sample([p["area"] for p in pool], rng.randint(2, 6)))
        kept = [p["text"] for p in pool if p["area"] not in left_out] + filler
        rng.shuffle(kept)
        coverage, _ = checker.check("\n".join(kept))
        predicted = set(coverage.missing)
        tp += len(predicted & left_out)
        fp += len(predicted - left_out)
        fn += len(left_out - predicted)
        for area in sorted(predicted ^ left_out):
            errors.append(f"draft {n}: {'false missing' if area in predicted else 'missed gap'} {area}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return CoverageEval(
        drafts=drafts, precision=round(precision, 3), recall=round(recall, 3), f1=round(f1, 3), errors=errors
    )
