"""Which reporting areas a draft covers (para 171-173, Annex M): semantic matching of each sentence
against short descriptions of every area, so paraphrase counts ("ran away", "the toxic trio"), and
each sentence credits only the area it is closest to, so neighbours are told apart (missing from home
vs missing from education)."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict

from drafting.areas import AreaTable, ReportingArea, load_areas
from drafting.sentences import Sentence, split_sentences
from retrieval.embedder import Embedder

# A sentence covers its closest area when the similarity reaches this level (measured on the
# drafts built from tests/data/coverage_paragraphs.jsonl with distractor sentences; README gives the figures).
COVER_THRESHOLD = 0.55
# ... and is closer to it than to any other area (ties credit neither).
MARGIN = 0.0


class Coverage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    covered: list[str]
    missing: list[str]
    not_applicable: list[str]


class AreaEvidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    area: str
    sentence: str
    start: int
    end: int
    score: float


class CoverageChecker:
    def __init__(self, embedder: Embedder, table: AreaTable | None = None) -> None:
        self.embedder = embedder
        self.table = table or load_areas()
        self.areas: list[ReportingArea] = list(self.table.areas)
        probes: list[str] = []
        owners: list[int] = []
        for i, area in enumerate(self.areas):
            for probe in [area.area, *area.probes]:
                probes.append(probe)
                owners.append(i)
        self._owners = np.array(owners)
        self._probe_vectors = embedder.encode(probes)

    def area_scores(self, sentences: list[Sentence]) -> np.ndarray:
        """Best probe similarity per (sentence, area)."""
        if not sentences:
            return np.zeros((0, len(self.areas)))
        sims = self.embedder.encode([s.text for s in sentences]) @ self._probe_vectors.T
        out = np.full((len(sentences), len(self.areas)), -1.0)
        for area in range(len(self.areas)):
            out[:, area] = sims[:, self._owners == area].max(axis=1)
        return out

    def check(
        self, text: str, prevent_priority: bool = False, delegated: bool = False
    ) -> tuple[Coverage, list[AreaEvidence]]:
        # Headings name a topic without reporting on it: only sentences count.
        sentences = [
            s
            for s in split_sentences(text)
            if len(s.text.split()) >= 5 and s.text.rstrip().endswith((".", "!", "?", ":"))
        ]
        scores = self.area_scores(sentences)
        evidence: dict[str, AreaEvidence] = {}
        for row, sentence in enumerate(sentences):
            order = np.argsort(-scores[row])
            best, second = int(order[0]), int(order[1])
            score = float(scores[row, best])
            if score < COVER_THRESHOLD or score - float(scores[row, second]) <= MARGIN:
                continue
            area = self.areas[best].id
            if area not in evidence or evidence[area].score < score:
                evidence[area] = AreaEvidence(
                    area=area, sentence=sentence.text, start=sentence.start, end=sentence.end, score=round(score, 3)
                )
        flags = {"prevent": prevent_priority, "delegated": delegated}
        covered, missing, not_applicable = [], [], []
        for area in self.areas:
            required = area.conditional is None or flags[area.conditional] or area.id in evidence
            if area.id in evidence:
                covered.append(area.id)
            elif required:
                missing.append(area.id)
            else:
                not_applicable.append(area.id)
        return Coverage(covered=covered, missing=missing, not_applicable=not_applicable), list(evidence.values())
