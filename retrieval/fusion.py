"""Ranking and fusion as pure functions over arrays (tested against brute-force versions)."""

from __future__ import annotations

import numpy as np

RRF_K = 60


def group_max(scores: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Best passage score per unit: out[g] = max(scores[groups == g]), -inf for a unit with no passage."""
    out = np.full(n_groups, -np.inf, dtype=np.float64)
    np.maximum.at(out, groups, scores.astype(np.float64))
    return out


def matched(scores: np.ndarray) -> np.ndarray:
    """Which items a ranker matched at all: a finite score above 0 (BM25 gives 0 where no query term occurs;
    late interaction -inf to a unit with no chunk)."""
    return np.isfinite(scores) & (scores > 0)


def ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each item by descending score; ties broken by index (stable)."""
    order = np.argsort(-scores, kind="stable")
    out = np.empty(len(scores), dtype=np.int64)
    out[order] = np.arange(1, len(scores) + 1)
    return out


def reciprocal_rank_fusion(
    score_lists: list[np.ndarray], weights: list[float] | None = None, k: int = RRF_K
) -> np.ndarray:
    """Weighted RRF: sum_i w_i / (k + rank_i(d)). Items a ranker scored -inf or 0-or-less for
    (no match at all) get nothing from that ranker, so a lexical miss cannot masquerade as rank N."""
    if not score_lists:
        raise ValueError("nothing to fuse")
    weights = weights or [1.0] * len(score_lists)
    fused = np.zeros(len(score_lists[0]), dtype=np.float64)
    for scores, weight in zip(score_lists, weights, strict=True):
        contribution = weight / (k + ranks(scores))
        fused += np.where(matched(scores), contribution, 0.0)
    return fused


def discount_passage_counts(scores: np.ndarray, log_counts: np.ndarray, weight: float, top: int = 50) -> np.ndarray:
    """A unit is scored by its best passage, so a unit of many passages (the timeline table has 124) gets one
    draw per passage and can outscore the paragraph a question means on length alone. Each matched unit's
    score is lowered by `weight` x the spread (standard deviation) of the `top` best matched scores x the log of
    its passage count; the result keeps that order among matched units, all of them above 0, and -inf for the
    rest, so a unit that matched still counts as matched."""
    found = matched(scores)
    out = np.full(len(scores), -np.inf, dtype=np.float64)
    if not found.any():
        return out
    kept = scores[found].astype(np.float64)
    spread = float(np.sort(kept)[-top:].std())
    discounted = kept - weight * spread * log_counts[found]
    out[found] = discounted - discounted.min() + 1.0  # a shift: the order stays, every matched score is > 0
    return out


def first_choice_agreement(score_lists: list[np.ndarray], item: int, groups: np.ndarray | None = None) -> int:
    """How many rankers put `item` first, or another item of its group (`groups[i]`: a group id per item;
    default, every item its own). A ranker that matched nothing (no finite score above 0) puts nothing first;
    ties go to the lower index, as in `top_k`."""
    count = 0
    for scores in score_lists:
        valid = matched(scores)
        first = int(np.argmax(np.where(valid, scores, -np.inf)))
        if valid[first] and (first == item if groups is None else groups[first] == groups[item]):
            count += 1
    return count


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k best scores, best first (stable for ties)."""
    k = min(k, len(scores))
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    return np.argsort(-scores, kind="stable")[:k]


def hubness(
    items: np.ndarray, probes: np.ndarray, item_groups: np.ndarray, probe_groups: np.ndarray, k: int, block: int = 512
) -> np.ndarray:
    """Mean similarity of each item to its k most similar probes from other groups (CSLS's r term): a
    passage close to the sentences of many other units is a hub that outranks what a query means."""
    out = np.zeros(len(items), dtype=np.float32)
    if len(items) == 0 or len(probes) == 0:
        return out
    k = min(k, len(probes))
    for start in range(0, len(items), block):
        sims = items[start : start + block] @ probes.T
        sims[item_groups[start : start + block, None] == probe_groups[None, :]] = -np.inf
        top = -np.partition(-sims, k - 1, axis=1)[:, :k]
        valid = np.isfinite(top)
        count = valid.sum(axis=1)
        total = np.where(valid, top, 0.0).sum(axis=1)
        out[start : start + block] = np.where(count > 0, total / np.maximum(count, 1), 0.0)
    return out
