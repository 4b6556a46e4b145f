"""Ranked units for a query: BM25, dense, or both fused."""

from __future__ import annotations

from typing import Literal, NamedTuple

import numpy as np
from pydantic import BaseModel, ConfigDict

from retrieval.absent_words import absent_words
from retrieval.embedder import Embedder
from retrieval.errors import BadQueryError
from retrieval.fusion import discount_passage_counts, group_max, matched, reciprocal_rank_fusion, top_k
from retrieval.index import QUERY_STOPWORDS, HandbookIndex
from retrieval.late_interaction import content_rows, maxsim_windows_many, normalise_rows
from retrieval.named_days import days_asked
from retrieval.references import is_about_named, is_lookup, named_references, promote, resolve, without_references
from retrieval.shorthand import expand_query
from retrieval.timetable import Timetable, read_timetable
from retrieval.variants import VariantPrior

Mode = Literal["hybrid", "bm25", "dense"]
MODES: tuple[Mode, ...] = ("hybrid", "bm25", "dense")
MAX_QUERY_CHARS = 1000
# Dense similarity carries paraphrase ("run away" ~ "missing"); BM25 carries exact terms; late interaction
# (late_interaction.py) matches the question's words softly, in context, anywhere in a chunk of up to 150 words,
# and its windowed form asks them to be found near one another, within LATE_WINDOW word pieces. The four count
# alike. Dense once counted three times, a weighting chosen on the question sets the adapted encoder was built
# with; on seven blind sets equal weights gave hit@1 0.716 against 0.648 (session 15). The windowed ranker was
# fixed before a twelfth blind set was written and kept on its keep rule: over all twelve sets (293 questions)
# hit@1 0.710 -> 0.741, MRR 0.804 -> 0.821 (MEASUREMENTS.md, session 16). A small RRF constant lets a ranker's
# clear first choice count.
FUSION_WEIGHTS = (1.0, 1.0, 1.0, 1.0)  # dense, BM25, late interaction, windowed late interaction
LATE_WINDOW = 32
FUSION_K = 10
# Dense ranking uses cosine minus this share of the passage's hubness (CSLS): the timeline table and the
# template letters sit near everything and took first place from the paragraph a question meant (MEASUREMENTS.md).
HUB_WEIGHT = 0.25
# In hybrid, each ranker's unit scores are discounted by this share of their spread per log of the unit's passage
# count (fusion.discount_passage_counts): the timeline table and the long template annexes otherwise take first
# place on length alone. Fixed before an eleventh blind set was written, and kept on its keep rule: over nine blind
# sets (203 questions) hit@1 0.695 -> 0.719, MRR 0.792 -> 0.810; the public set loses one first place
# (MEASUREMENTS.md, session 16). The bm25 and dense modes stay the plain baselines.
PASSAGE_COUNT_WEIGHT = 0.2


class NamedUnits(NamedTuple):
    """What a query asks of the units it names by their ref (`Searcher.named_units`)."""

    units: list[int]
    unknown: list[str]  # refs named that the handbook does not have
    asked: str  # the query without its refs; "" when it asks only to see them ("what does para 160 say?")


class QueryEncoding(NamedTuple):
    ranking: np.ndarray  # (n, dim): the adapted query encoder's vectors, or the base model's without one
    base: np.ndarray  # (n, dim): the base model's vectors
    tokens: list[np.ndarray]  # per query: its content word pieces' normalised vectors


class SearchResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rank: int
    ref: str
    doc: str
    score: float
    text: str


def validate_query(query: str) -> str:
    cleaned = " ".join(query.split())
    if not cleaned:
        raise BadQueryError("the query is empty")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise BadQueryError(f"the query is {len(cleaned):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    return cleaned


class Searcher:
    def __init__(
        self,
        index: HandbookIndex,
        embedder: Embedder,
        expansions: dict[str, str],
        query_embedder: Embedder | None = None,
        variants: VariantPrior | None = None,
    ) -> None:
        """`embedder` encoded the passages; `query_embedder` (default: the same) encodes queries for ranking;
        `variants` demotes sections about a variant of the inspection that a question does not name."""
        self.index = index
        self.embedder = embedder
        self.query_embedder = query_embedder or embedder
        self.expansions = expansions
        self.variants = variants
        n_units = len(index.units)
        self._unit_refs = [u.ref for u in index.units]
        # The unit of each chunk passage, in late interaction's (and BM25's) passage order.
        self._chunk_units = index.passage_unit[index.lexical_passages]
        # Dense ranks every passage of a unit; BM25 and late interaction only its chunk passages.
        self._log_passages = np.log(np.maximum(np.bincount(index.passage_unit, minlength=n_units), 1))
        self._log_chunks = np.log(np.maximum(np.bincount(self._chunk_units, minlength=n_units), 1))
        # The units holding a timetable (para 15's timeline, para 213's for a re-inspection), by unit index.
        self.timetables: dict[int, Timetable] = {
            i: table for i, unit in enumerate(index.units) if (table := read_timetable(unit.text)).rows
        }

    @property
    def n_units(self) -> int:
        return len(self.index.units)

    def encode_queries(self, queries: list[str]) -> np.ndarray:
        """Vectors for ranking units (the adapted query encoder when there is one)."""
        return self.query_embedder.encode([expand_query(q, self.expansions) for q in queries])

    def encode_hybrid(self, queries: list[str]) -> QueryEncoding:
        """All that hybrid ranking and answers need, with one pass of the base model: the ranking vectors
        (adapted encoder), the base model's vectors (in its own calibration: thresholds and sentence choice
        in answers) and the query's content word pieces (late interaction)."""
        expanded = [expand_query(q, self.expansions) for q in queries]
        base, pieces = self.embedder.encode_with_tokens(expanded)
        ranking = base if self.query_embedder is self.embedder else self.query_embedder.encode(expanded)
        tokens = [normalise_rows(item.vectors[content_rows(item.pieces, QUERY_STOPWORDS)]) for item in pieces]
        return QueryEncoding(ranking, base, tokens)

    def token_scores(self, query_tokens: list[np.ndarray]) -> np.ndarray:
        """Late-interaction scores per query and unit (its best chunk passage), shape (n_queries, 2, n_units):
        [:, 0] over whole chunks, [:, 1] over each chunk's best window; -inf for a unit with no chunk."""
        whole, windowed = maxsim_windows_many(
            query_tokens, self.index.token_vectors, self.index.token_offsets, window=LATE_WINDOW
        )
        return np.stack(
            [
                [group_max(row, self._chunk_units, self.n_units) for row in pair]
                for pair in zip(whole, windowed, strict=True)
            ]
        )

    def ranker_scores(
        self, query: str, query_vector: np.ndarray | None = None, late: np.ndarray | None = None
    ) -> list[np.ndarray]:
        """Hybrid's four unit rankings, dense, BM25, late interaction and windowed late interaction: each a
        unit's best passage, discounted for the unit's passage count. A batch passes what it encoded together:
        the query's ranking vector and its two late-interaction unit scores (a row of `token_scores`)."""
        if query_vector is None or late is None:
            encoded = self.encode_hybrid([query])
            query_vector, late = encoded.ranking[0], self.token_scores(encoded.tokens)[0]
        rankings = [
            (self._dense(query_vector), self._log_passages),
            (self._lexical(query), self._log_chunks),
            (late[0], self._log_chunks),
            (late[1], self._log_chunks),
        ]
        return [discount_passage_counts(scores, counts, PASSAGE_COUNT_WEIGHT) for scores, counts in rankings]

    def fuse(self, query: str, rankings: list[np.ndarray]) -> np.ndarray:
        """Hybrid's unit scores: the rankings fused (`fuse_rankings`), and the units a query is about by their ref
        ("para 160", "what does Annex A 3.06 say?") first."""
        fused = self.fuse_rankings(query, rankings)
        return promote(fused, self.named_units(query, fused).units)

    def fuse_rankings(self, query: str, rankings: list[np.ndarray]) -> np.ndarray:
        """The rankings fused, variant sections lowered unless named."""
        fused = reciprocal_rank_fusion(rankings, list(FUSION_WEIGHTS), k=FUSION_K)
        return self.variants.apply(query, fused) if self.variants is not None else fused

    def with_timetable(self, ranked: list[int], unit_scores: np.ndarray, days: frozenset[int], k: int) -> list[int]:
        """A query about inspection days (`named_days.days_asked`: "what happens on day 2?", "what happens in week
        two?") is shown a timetable that has those days: when none of the first k units has one, the best-ranked
        that does takes the k-th place (para 15's timeline, or para 213's for a re-inspection, which the variant
        rule ranks lower unless named). The first unit is never displaced: with k = 1 nothing changes. Of 50 such
        questions, 45 had one in hybrid's first five before (MEASUREMENTS.md, session 25)."""
        having = self.timetables_having(days) if days else []
        if not having or k < 2 or any(i in having for i in ranked[:k]):
            return ranked
        best = max(having, key=lambda i: unit_scores[i])
        return [*ranked[: k - 1], best] if len(ranked) >= k else [*ranked, best]

    def timetables_having(self, days: frozenset[int]) -> list[int]:
        """The units whose timetable has a row for one of the days."""
        return [i for i, table in self.timetables.items() if table.rows_on(days)]

    def absent_words(self, query: str) -> list[str]:
        """The query's rare words that the handbook never uses (absent_words.py)."""
        return absent_words(query, self.index.bm25.vocab_dict, self.expansions)

    def named_units(self, query: str, fused: np.ndarray) -> NamedUnits:
        """The units a query is about by their ref, in the order named (none when it only mentions them), the
        refs it names that the handbook lacks, and what else it asks of them. A whole annex named by its letter
        stands for its own unit when nothing else is asked, else for its part that `fused` ranks best."""
        named = named_references(query)
        if not is_about_named(query, named):
            return NamedUnits([], [], "")
        lookup = is_lookup(query, named)
        units, unknown = resolve(named, self._unit_refs, None if lookup else fused)
        return NamedUnits(units, unknown, "" if lookup else without_references(query, named))

    def unit_scores(
        self,
        query: str,
        mode: Mode,
        query_vector: np.ndarray | None = None,
        late: np.ndarray | None = None,
    ) -> np.ndarray:
        """One score per unit (its best passage); higher is better."""
        if mode == "bm25":
            return self._lexical(query)
        if mode == "dense":
            return self._dense(self.encode_queries([query])[0] if query_vector is None else query_vector)
        return self.fuse(query, self.ranker_scores(query, query_vector, late))

    def _lexical(self, query: str) -> np.ndarray:
        scores = self.index.bm25_scores(expand_query(query, self.expansions))
        return group_max(scores, self.index.passage_unit, self.n_units)

    def _dense(self, query_vector: np.ndarray) -> np.ndarray:
        cosine = self.index.dense_scores(query_vector[None, :])[0] - HUB_WEIGHT * self.index.hubness
        return group_max(cosine, self.index.passage_unit, self.n_units)

    def search(self, query: str, k: int = 5, mode: Mode = "hybrid") -> list[SearchResult]:
        return self.search_many([query], k, mode)[0]

    def search_many(self, queries: list[str], k: int = 5, mode: Mode = "hybrid") -> list[list[SearchResult]]:
        """Batch search: queries are encoded together (one pass per model) when the mode needs vectors."""
        queries = [validate_query(q) for q in queries]
        vectors = late = None
        if mode == "hybrid":
            encoded = self.encode_hybrid(queries)
            vectors, late = encoded.ranking, self.token_scores(encoded.tokens)
        elif mode == "dense":
            vectors = self.encode_queries(queries)
        out: list[list[SearchResult]] = []
        for i, query in enumerate(queries):
            scores = self.unit_scores(
                query, mode, None if vectors is None else vectors[i], late=None if late is None else late[i]
            )
            found = matched(scores)
            hits = [j for j in top_k(scores, k) if found[j]]
            if mode == "hybrid":
                hits = self.with_timetable(hits, scores, days_asked(query), k)
            out.append(
                [
                    SearchResult(
                        rank=r + 1,
                        ref=self.index.units[j].ref,
                        doc=self.index.units[j].doc,
                        score=round(float(scores[j]), 6),
                        text=self.index.units[j].text,
                    )
                    for r, j in enumerate(hits)
                ]
            )
        return out
