"""Which reporting areas a draft covers (para 171-173, Annex M): semantic matching of each sentence, and
of each paragraph as a whole, against short descriptions of every area and example findings written in
report voice, so paraphrase counts ("ran away", "the toxic trio"), and each sentence or paragraph credits
only the area it is closest to, so neighbours are told apart (missing from home vs missing from
education)."""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

from drafting.areas import AreaTable, ReportingArea, load_areas
from drafting.judgement_statements import is_judgement_statement
from drafting.sentences import LIST_ITEM, Sentence, split_sentences
from retrieval.corpus import default_corpus_dir
from retrieval.embedder import Embedder
from retrieval.index import tokenize
from retrieval.shorthand import expand_query, load_expansions
from retrieval.vector_store import StoredVectors

# A sentence covers its closest area when the similarity reaches this level (measured on the drafts built
# from tests/data/coverage_paragraphs.jsonl with distractor sentences; MEASUREMENTS.md gives the figures).
COVER_THRESHOLD = 0.6
# ... or, written tersely ("Return conversations offered after every episode we sampled"), reaches a lower
# level but leads every other area by a clear margin: 0.48 for missing from home, 0.26 next. Mean F1 over 24
# sets 0.954 -> 0.962 (one set changed, 0.822 -> 1.000), and no more of 30 generic sentences credited
# (MEASUREMENTS.md).
CLEAR_LEAD_THRESHOLD = 0.45
CLEAR_LEAD = 0.2
# ... and is closer to it than to any other area (ties credit neither).
# Each distinctive word of an area's description found in the sentence adds this much, for at most three
# words (two let a foster-carer sentence tie with a sufficiency-strategy one; MEASUREMENTS.md gives the
# figures).
LEXICAL_BONUS = 0.05
LEXICAL_MAX_TERMS = 3
# A word used in this many of an area's texts is distinctive of it despite single mentions elsewhere.
# Leave-one-set-out over 30 held-out sets: mean F1 0.951 -> 0.961, 25 -> 26 sets at 0.90 or more, the
# generic-sentence guard unchanged (4 of 30); 3 gives 0.962 but credits one more generic sentence
# (MEASUREMENTS.md).
REPEATED_TERM_PROBES = 4
# An area's similarity mixes its closest description (exact phrasing) with the centre of all its
# descriptions (the topic as a whole), so one loosely worded description cannot carry a stray sentence.
CLOSEST_WEIGHT = 0.5
# A finding can be short ("Post-adoption support is weak."); headings are told apart by their lack of a full stop.
MIN_SENTENCE_WORDS = 3
# A paragraph whose best sentence points to the same area as the paragraph as a whole is corroborated
# evidence, and its score for that area rises by this much ("return conversations … after they go missing":
# 0.583 → 0.603). Held-out 17 0.825 → 0.929, every other set unchanged; 0.04 gives the same (MEASUREMENTS.md).
AGREEMENT_BONUS = 0.02


# Example findings, one paragraph per area in each of the labelled draft sets (tests/data/coverage_*.jsonl,
# copied here by source so that the product does not read the tests): each is one more description of its area.
EXAMPLES_FILE = "area_examples.jsonl"
# Findings that address no area (recording, visits, plans, the inspection itself): one more class, so a
# sentence closer to them than to every area credits none. Leave-one-set-out over 35 sets and both sets of
# generic sentences measured with and without them (MEASUREMENTS.md).
NEUTRAL_FILE = "neutral_findings.txt"


class AreaExample(BaseModel):
    model_config = ConfigDict(extra="forbid")
    area: str
    text: str
    source: str


def load_examples(exclude: frozenset[str] = frozenset()) -> list[AreaExample]:
    """The example findings, without those from the sources named (a set is measured without its own)."""
    lines = (default_corpus_dir() / EXAMPLES_FILE).read_text(encoding="utf-8").splitlines()
    examples = [AreaExample.model_validate(json.loads(line)) for line in lines if line.strip()]
    return [e for e in examples if e.source not in exclude]


def load_neutral() -> list[str]:
    lines = (default_corpus_dir() / NEUTRAL_FILE).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


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
    def __init__(
        self,
        embedder: Embedder,
        table: AreaTable | None = None,
        examples: list[AreaExample] | None = None,
        cache_dir: Path | None = None,
        neutral: list[str] | None = None,
    ) -> None:
        """`cache_dir` keeps the descriptions' vectors between runs (the index cache); without it they are
        encoded at every start. `neutral`: findings about no area (default: corpus/neutral_findings.txt; []
        turns the neutral class off)."""
        self.embedder = embedder
        self.table = table or load_areas()
        self.areas: list[ReportingArea] = list(self.table.areas)
        examples = load_examples() if examples is None else examples
        probes: list[str] = []
        owners: list[int] = []
        for i, area in enumerate(self.areas):
            # The area's own words, the Annex M item names that require it, handbook-worded probes and
            # example findings.
            row_names = [name for names in area.annex_m.values() for name in names]
            worded = [e.text for e in examples if e.area == area.id]
            for probe in dict.fromkeys([area.area, *row_names, *area.probes, *worded]):
                probes.append(probe)
                owners.append(i)
        self._owners = np.array(owners)
        neutral = load_neutral() if neutral is None else neutral
        texts = probes + [n for n in neutral if n not in probes]
        if cache_dir is None:
            vectors = embedder.encode(texts)
        else:
            vectors = StoredVectors(cache_dir, embedder, "area-descriptions").encode(texts)
        self._probe_vectors = vectors[: len(probes)]
        self._neutral_vectors = vectors[len(probes) :]
        if len(self._neutral_vectors):
            centre = self._neutral_vectors.mean(axis=0)
            self._neutral_centre = centre / np.linalg.norm(centre)
        centres = np.stack([self._probe_vectors[self._owners == i].mean(axis=0) for i in range(len(self.areas))])
        self._centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        self._terms = self._distinctive_terms(probes, owners)
        self._expansions = load_expansions()

    def _distinctive_terms(self, probes: list[str], owners: list[int]) -> list[frozenset[str]]:
        tokens = [[t for t in tokenize([probe])[0] if len(t) > 3] for probe in probes]
        return distinctive_terms(tokens, owners, len(self.areas))

    def _lexical(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.areas)))
        for row, tokens in enumerate(tokenize(texts)):
            words = set(tokens)
            for area, terms in enumerate(self._terms):
                out[row, area] = min(len(words & terms), LEXICAL_MAX_TERMS) * LEXICAL_BONUS
        return out

    def text_scores(self, texts: list[str]) -> np.ndarray:
        """Similarity per (text, area): closest description and centre of the area mixed, plus the lexical signal."""
        if not texts:
            return np.zeros((0, len(self.areas)))
        expanded = self._expand(texts)
        return self._scores(self.embedder.encode(expanded), expanded)

    def _expand(self, texts: list[str]) -> list[str]:
        """Inspectors' shorthand spelt out ("FGM", "CSE", "SGOs"): the model does not know the acronyms."""
        return [expand_query(text, self._expansions) for text in texts]

    def _scores(self, vectors: np.ndarray, texts: list[str]) -> np.ndarray:
        sims = vectors @ self._probe_vectors.T
        closest = np.full((len(texts), len(self.areas)), -1.0)
        for area in range(len(self.areas)):
            closest[:, area] = sims[:, self._owners == area].max(axis=1)
        mixed = CLOSEST_WEIGHT * closest + (1 - CLOSEST_WEIGHT) * (vectors @ self._centres.T)
        return mixed + self._lexical(texts)

    def _neutral_scores(self, vectors: np.ndarray) -> np.ndarray:
        """Similarity to the neutral findings, mixed as an area's is (closest and centre), with no lexical
        signal: -inf for every row when there are none."""
        if not len(self._neutral_vectors):
            return np.full(len(vectors), -np.inf)
        closest = (vectors @ self._neutral_vectors.T).max(axis=1)
        return CLOSEST_WEIGHT * closest + (1 - CLOSEST_WEIGHT) * (vectors @ self._neutral_centre)

    def check(
        self, text: str, prevent_priority: bool = False, delegated: bool = False
    ) -> tuple[Coverage, list[AreaEvidence]]:
        paragraphs = _paragraphs(text)
        sentences = [s for paragraph in paragraphs for s in paragraph]
        width = self._probe_vectors.shape[1]
        expanded = self._expand([s.text for s in sentences])
        vectors = self.embedder.encode(expanded) if sentences else np.zeros((0, width))
        # A paragraph reads as one finding ("Police share information quickly when a child is reported
        # missing. Return interviews take place within 72 hours"), so it is matched whole as well, by the
        # mean of its sentence vectors: encoding it again would double the time for the same result
        # (MEASUREMENTS.md).
        candidates = [[row] for row in range(len(sentences))]  # sentence rows: one each, then whole paragraphs
        whole_vectors, first = [], 0
        for paragraph in paragraphs:
            if len(paragraph) > 1:
                mean = vectors[first : first + len(paragraph)].mean(axis=0)
                candidates.append(list(range(first, first + len(paragraph))))
                whole_vectors.append(mean / np.linalg.norm(mean))
            first += len(paragraph)
        texts = [" ".join(expanded[row] for row in members) for members in candidates]
        stacked = np.vstack([vectors, *whole_vectors])
        scores = self._scores(stacked, texts)
        neutral = self._neutral_scores(stacked)
        for row in range(len(sentences), len(candidates)):  # the paragraph rows
            best = int(np.argmax(scores[row]))
            top_sentence = max(candidates[row], key=lambda member: float(scores[member].max()))
            if int(np.argmax(scores[top_sentence])) == best:
                scores[row, best] += AGREEMENT_BONUS
        evidence: dict[str, AreaEvidence] = {}
        for row, members in enumerate(candidates):
            if len(members) == 1 and is_judgement_statement(sentences[members[0]].text):
                continue
            order = np.argsort(-scores[row])
            best, second = int(order[0]), int(order[1])
            score = float(scores[row, best])
            # Crediting every close area instead was measured worse on both labelled sets (MEASUREMENTS.md).
            # The neutral findings count as one more area here: a sentence closest to them credits none.
            lead = score - max(float(scores[row, second]), float(neutral[row]))
            clear = score >= CLEAR_LEAD_THRESHOLD and lead >= CLEAR_LEAD
            if (score < COVER_THRESHOLD and not clear) or lead <= 0:
                continue
            # The evidence quoted for a paragraph is its sentence closest to the area.
            sentence = sentences[max(members, key=lambda member: scores[member, best])]
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


def distinctive_terms(probe_tokens: list[list[str]], owners: list[int], n_areas: int) -> list[frozenset[str]]:
    """Per area, the stemmed words of its descriptions and examples that at most two areas use ("scorecard",
    "threshold", "radicalisation"): a lexical signal learnt from the table, not a keyword list. A word an area
    uses in REPEATED_TERM_PROBES or more of its texts stays its own while at most two areas use it more than
    once, so that one passing mention in a third area's example ("timeliness" in a governance finding) does
    not take it from the area that keeps using it."""
    counts: list[dict[str, int]] = [{} for _ in range(n_areas)]
    for tokens, owner in zip(probe_tokens, owners, strict=True):
        for term in set(tokens):
            counts[owner][term] = counts[owner].get(term, 0) + 1
    spread: dict[str, int] = {}
    repeated_spread: dict[str, int] = {}
    for area_counts in counts:
        for term, n in area_counts.items():
            spread[term] = spread.get(term, 0) + 1
            if n > 1:
                repeated_spread[term] = repeated_spread.get(term, 0) + 1
    return [
        frozenset(
            term
            for term, n in area_counts.items()
            if spread[term] <= 2 or (n >= REPEATED_TERM_PROBES and repeated_spread[term] <= 2)
        )
        for area_counts in counts
    ]


def _paragraphs(text: str) -> list[list[Sentence]]:
    """The draft's sentences grouped by paragraph (line). Headings name a topic without reporting on it:
    only sentences count, and the items of a list, which drafts write without a full stop ("• the timeliness
    of return home interviews"); a line that introduces a list ("What needs to improve:") says nothing yet."""
    groups: dict[int, list[Sentence]] = {}
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    for sentence in split_sentences(text):
        line = bisect.bisect_right(line_starts, sentence.start) - 1
        item = LIST_ITEM.match(text, line_starts[line])
        if item and sentence.start < item.end():  # the marker, alone ("1." split off) or before the words
            if sentence.end <= item.end():
                continue
            sentence = Sentence(item.end(), sentence.end, text[item.end() : sentence.end])
        first_of_item = item is not None and sentence.start == item.end()
        if len(sentence.text.split()) < MIN_SENTENCE_WORDS:
            continue
        if not (first_of_item or sentence.text.rstrip().endswith((".", "!", "?"))):
            continue
        groups.setdefault(line, []).append(sentence)
    return list(groups.values())
