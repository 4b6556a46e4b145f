"""Assign reporting areas to SEA entries that have none: the closest area of the entry's judgement."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from drafting.coverage import CoverageChecker
from drafting.sea import SeaEntry


class Assignment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entry: str
    area: str
    confidence: float


def assign_areas(entries: list[SeaEntry], checker: CoverageChecker) -> tuple[list[SeaEntry], list[Assignment]]:
    """Entries without `areas` get the best-matching area among those their judgement reports on. A QAM
    review (para 159) is no evidence and is never drafted, so it gets none."""
    pending = [e for e in entries if not e.areas and not e.is_review]
    if not pending:
        return entries, []
    scores = checker.text_scores([f"{e.evaluation} {e.evidence}" for e in pending])
    assigned: dict[str, Assignment] = {}
    for entry, row in zip(pending, scores, strict=True):
        allowed = [i for i, area in enumerate(checker.areas) if entry.judgement in area.judgements]
        best = max(allowed, key=lambda i: row[i])
        assigned[entry.id] = Assignment(
            entry=entry.id, area=checker.areas[best].id, confidence=round(float(row[best]), 3)
        )
    out = [e.model_copy(update={"areas": [assigned[e.id].area]}) if e.id in assigned else e for e in entries]
    return out, list(assigned.values())
