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
from retrieval.index import tokenize

# A sentence covers its closest area when the similarity reaches this level (measured on the
# drafts built from tests/data/coverage_paragraphs.jsonl with distractor sentences; README gives the figures).
COVER_THRESHOLD = 0.6
# ... and is closer to it than to any other area (ties credit neither).
# Each distinctive word of an area's description found in the sentence adds this much (at most two).
LEXICAL_BONUS = 0.05


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
            # The area's own words, the Annex M item names that require it, and handbook-worded probes.
            row_names = [name for names in area.annex_m.values() for name in names]
            for probe in dict.fromkeys([area.area, *row_names, *area.probes]):
                probes.append(probe)
                owners.append(i)
        self._owners = np.array(owners)
        self._probe_vectors = embedder.encode(probes)
        self._terms = self._distinctive_terms(probes, owners)

    def _distinctive_terms(self, probes: list[str], owners: list[int]) -> list[frozenset[str]]:
        """Per area, the stemmed words of its descriptions that at most two areas use ("scorecard",
        "threshold", "radicalisation"): a lexical signal learnt from the table, not a keyword list."""
        per_area: list[set[str]] = [set() for _ in self.areas]
        for probe, owner in zip(probes, owners, strict=True):
            per_area[owner].update(t for t in tokenize([probe])[0] if len(t) > 3)
        spread: dict[str, int] = {}
        for terms in per_area:
            for term in terms:
                spread[term] = spread.get(term, 0) + 1
        return [frozenset(t for t in terms if spread[t] <= 2) for terms in per_area]

    def _lexical(self, sentences: list[Sentence]) -> np.ndarray:
        out = np.zeros((len(sentences), len(self.areas)))
        for row, sentence in enumerate(sentences):
            words = set(tokenize([sentence.text])[0])
            for area, terms in enumerate(self._terms):
                out[row, area] = min(len(words & terms), 2) * LEXICAL_BONUS
        return out

    def area_scores(self, sentences: list[Sentence]) -> np.ndarray:
        """Best probe similarity per (sentence, area)."""
        if not sentences:
            return np.zeros((0, len(self.areas)))
        sims = self.embedder.encode([s.text for s in sentences]) @ self._probe_vectors.T
        out = np.full((len(sentences), len(self.areas)), -1.0)
        for area in range(len(self.areas)):
            out[:, area] = sims[:, self._owners == area].max(axis=1)
        return out + self._lexical(sentences)

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
            # Crediting every close area instead was measured worse on both labelled sets (README).
            if score < COVER_THRESHOLD or score <= float(scores[row, second]):
                continue
            area = self.areas[best].id
            if area not in evidence or evidence[area].score < score:
                evidence[area] = AreaEvidence(
                    area=area, sentence=sentence.text, start=sentence.start, end=sentence.end, score=round(score, 3)
                )
        covered, missing, not_applicable = [], [], []
        for area in self.areas:
            # A conditional area the report itself covers is required by what it says.
            required = area.required(prevent_priority, delegated) or area.id in evidence
            if area.id in evidence:
                covered.append(area.id)
            elif required:
                missing.append(area.id)
            else:
                not_applicable.append(area.id)
        return Coverage(covered=covered, missing=missing, not_applicable=not_applicable), list(evidence.values())
