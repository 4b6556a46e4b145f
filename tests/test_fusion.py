"""Ranking and fusion: pure functions checked against brute-force versions on random arrays."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.fusion import (
    discount_passage_counts,
    first_choice_agreement,
    group_max,
    hubness,
    ranks,
    reciprocal_rank_fusion,
    top_k,
)

rng = np.random.default_rng(7)


def brute_group_max(scores, groups, n):
    pairs = list(zip(scores, groups, strict=True))
    return np.array([max((s for s, g in pairs if g == i), default=-np.inf) for i in range(n)])


def brute_rrf(score_lists, weights, k):
    n = len(score_lists[0])
    out = np.zeros(n)
    for scores, weight in zip(score_lists, weights, strict=True):
        order = sorted(range(n), key=lambda i: (-scores[i], i))
        for position, item in enumerate(order, 1):
            if np.isfinite(scores[item]) and scores[item] > 0:
                out[item] += weight / (k + position)
    return out


@pytest.mark.parametrize("trial", range(20))
def test_group_max_matches_brute_force(trial):
    n_groups = int(rng.integers(1, 12))
    groups = rng.integers(0, n_groups, size=int(rng.integers(1, 60)))
    scores = rng.normal(size=len(groups))
    np.testing.assert_allclose(group_max(scores, groups, n_groups), brute_group_max(scores, groups, n_groups))


@pytest.mark.parametrize("trial", range(20))
def test_rrf_matches_brute_force(trial):
    n = int(rng.integers(1, 40))
    lists = [rng.normal(size=n), np.where(rng.random(n) < 0.3, 0.0, rng.random(n))]
    weights = [float(rng.random() + 0.1), float(rng.random() + 0.1)]
    k = int(rng.integers(1, 80))
    np.testing.assert_allclose(reciprocal_rank_fusion(lists, weights, k), brute_rrf(lists, weights, k))


def test_rrf_ignores_items_a_ranker_did_not_match():
    dense = np.array([0.9, 0.5, 0.1])
    lexical = np.array([0.0, 0.0, 3.0])  # only item 2 contains a query term
    fused = reciprocal_rank_fusion([dense, lexical], [1.0, 1.0], k=10)
    assert fused[1] == pytest.approx(1 / 12)  # dense rank 2 only: no credit for lexical "rank 2" of a miss
    assert fused[2] == pytest.approx(1 / 13 + 1 / 11)


def test_ranks_and_top_k_are_stable_for_ties():
    scores = np.array([1.0, 3.0, 3.0, 2.0])
    assert ranks(scores).tolist() == [4, 1, 2, 3]
    assert top_k(scores, 3).tolist() == [1, 2, 3]
    assert top_k(scores, 10).tolist() == [1, 2, 3, 0]
    assert top_k(scores, 0).tolist() == []


def test_fusion_needs_something_to_fuse():
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([])


@pytest.mark.parametrize(
    ("lists", "item", "expected"),
    [
        ([[0.9, 0.1, 0.2], [3.0, 0.0, 1.0], [0.5, 0.4, 0.3]], 0, 3),  # all three put item 0 first
        ([[0.9, 0.1, 0.2], [3.0, 0.0, 1.0], [0.5, 0.4, 0.3]], 2, 0),
        ([[0.9, 0.1, 0.2], [0.0, 0.0, 1.0], [0.1, 0.4, 0.3]], 0, 1),  # one each
        ([[0.5, 0.5, 0.2], [0.0, 0.0, 0.0], [0.5, 0.5, 0.3]], 1, 0),  # a tie goes to the lower index
        ([[0.5, 0.5, 0.2], [0.0, 0.0, 0.0], [0.5, 0.5, 0.3]], 0, 2),  # BM25 matched nothing: it puts nothing first
        ([[-np.inf, -0.2, -0.1], [0.0, 0.0, 2.0], [-np.inf, 0.1, -0.3]], 2, 1),  # only positive scores count
        ([[-np.inf, -0.2, -0.1], [0.0, 0.0, 2.0], [-np.inf, 0.1, -0.3]], 1, 1),
    ],
)
def test_first_choice_agreement(lists, item, expected):
    assert first_choice_agreement([np.array(x) for x in lists], item) == expected


def test_first_choice_agreement_counts_another_item_of_the_same_group():
    # Items 0 and 1 are two versions of one section: a ranker choosing either agrees on it.
    lists = [np.array([0.9, 0.1, 0.2]), np.array([0.1, 0.9, 0.2]), np.array([0.1, 0.2, 0.9])]
    assert first_choice_agreement(lists, 0) == 1
    assert first_choice_agreement(lists, 0, groups=np.array([5, 5, 6])) == 2
    assert first_choice_agreement(lists, 2, groups=np.array([5, 5, 6])) == 1
    assert first_choice_agreement([np.zeros(3)], 0, groups=np.array([5, 5, 5])) == 0  # matched nothing


@pytest.mark.parametrize("trial", range(20))
def test_first_choice_agreement_matches_brute_force(trial):
    n = int(rng.integers(1, 15))
    lists = [np.where(rng.random(n) < 0.3, 0.0, rng.normal(size=n)) for _ in range(3)]
    item = int(rng.integers(0, n))

    def first(scores):
        valid = [i for i in range(n) if np.isfinite(scores[i]) and scores[i] > 0]
        return min(valid, key=lambda i: (-scores[i], i)) if valid else None

    assert first_choice_agreement(lists, item) == sum(first(s) == item for s in lists)
    groups = rng.integers(0, 3, n)
    same = sum(first(s) is not None and groups[first(s)] == groups[item] for s in lists)
    assert first_choice_agreement(lists, item, groups) == same


@pytest.mark.parametrize(
    ("scores", "log_counts", "weight", "expected_order"),
    [
        # Two units level on their best passage: the one with fewer passages goes first.
        ([2.0, 2.0, 1.0], [np.log(124), 0.0, 0.0], 0.5, [1, 2, 0]),
        # No discount: the order is the scores' order.
        ([2.0, 3.0, 1.0], [np.log(124), 0.0, 0.0], 0.0, [1, 0, 2]),
        # A clear lead survives a long unit's discount.
        ([9.0, 2.0, 1.0], [np.log(8), 0.0, 0.0], 0.2, [0, 1, 2]),
    ],
)
def test_discount_passage_counts_orders_matched_units(scores, log_counts, weight, expected_order):
    out = discount_passage_counts(np.array(scores), np.array(log_counts), weight)
    assert list(np.argsort(-out, kind="stable")) == expected_order
    assert (out > 0).all()


def test_discount_passage_counts_keeps_what_was_unmatched_unmatched():
    scores = np.array([0.0, -np.inf, 0.4, -0.2, 0.1])
    out = discount_passage_counts(scores, np.log(np.array([1.0, 1.0, 50.0, 1.0, 1.0])), weight=5.0)
    assert list(np.isfinite(out) & (out > 0)) == [False, False, True, False, True]
    assert np.isneginf(discount_passage_counts(np.zeros(3), np.zeros(3), 0.2)).all()


@pytest.mark.parametrize("trial", range(20))
def test_discount_passage_counts_matches_brute_force(trial):
    n = int(rng.integers(1, 80))
    scores = np.where(rng.random(n) < 0.3, 0.0, rng.normal(size=n))
    log_counts = np.log(rng.integers(1, 130, n).astype(float))
    weight, top = float(rng.uniform(0, 1)), int(rng.integers(1, 60))
    got = discount_passage_counts(scores, log_counts, weight, top)
    found = [i for i in range(n) if scores[i] > 0]
    spread = float(np.std(sorted(scores[i] for i in found)[-top:])) if found else 0.0
    expected = sorted(found, key=lambda i: (-(scores[i] - weight * spread * log_counts[i]), i))
    assert [int(i) for i in np.argsort(-got, kind="stable")[: len(found)]] == expected
    assert all(np.isneginf(got[i]) for i in range(n) if i not in found)


def brute_hubness(items, probes, item_groups, probe_groups, k):
    out = []
    for item, group in zip(items, item_groups, strict=True):
        sims = sorted((float(item @ p) for p, g in zip(probes, probe_groups, strict=True) if g != group), reverse=True)
        out.append(np.mean(sims[:k]) if sims else 0.0)
    return np.array(out)


@pytest.mark.parametrize("trial", range(20))
def test_hubness_matches_brute_force(trial):
    n_items, n_probes, n_groups = int(rng.integers(1, 30)), int(rng.integers(1, 40)), int(rng.integers(1, 6))
    items, probes = rng.normal(size=(n_items, 8)), rng.normal(size=(n_probes, 8))
    item_groups, probe_groups = rng.integers(0, n_groups, n_items), rng.integers(0, n_groups, n_probes)
    k = int(rng.integers(1, 10))
    # A small block exercises the blocked computation.
    got = hubness(items, probes, item_groups, probe_groups, k, block=7)
    np.testing.assert_allclose(got, brute_hubness(items, probes, item_groups, probe_groups, k), rtol=1e-5, atol=1e-6)


def test_a_passage_near_many_other_units_is_the_hub():
    probes = np.array([[1.0, 0.0], [0.9, 0.1], [0.8, 0.2], [0.0, 1.0]])
    items = np.array([[1.0, 0.0], [0.0, 1.0]])
    scores = hubness(items, probes, np.array([10, 11]), np.array([1, 2, 3, 4]), k=3)
    assert scores[0] > scores[1]
