"""Retrieval quality on the public evaluation set: guards against regressions, figures in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.evaluate import EvalQuestion, evaluate, load_questions, matches

DEV_QUESTIONS = Path(__file__).parent / "data" / "retrieval_dev.jsonl"
HELDOUT_QUESTIONS = Path(__file__).parent / "data" / "retrieval_heldout.jsonl"
HELDOUT2_QUESTIONS = Path(__file__).parent / "data" / "retrieval_heldout2.jsonl"
HELDOUT3_QUESTIONS = Path(__file__).parent / "data" / "retrieval_heldout3.jsonl"


def bm25_and_hybrid(retrieval, path: Path) -> dict:
    return {s.mode: s for s in evaluate(retrieval.searcher, load_questions(path), ["bm25", "hybrid"])}


@pytest.mark.parametrize(
    ("ref", "gold", "expected"),
    [
        ("para 171", "para 171", True),
        ("para 17", "para 171", False),
        ("Annex A 2.07", "Annex A", True),
        ("Annex A: Local leadership", "Annex A", True),
        ("Annex AB", "Annex A", False),
        ("Annex M: Educational progress of looked after children", "M:educational progress", True),
        ("Annex M: Missing from education", "M:educational progress", False),
        ("para 12", "M:educational progress", False),
    ],
)
def test_gold_matching_rules(ref, gold, expected):
    assert matches(ref, gold) is expected


@pytest.mark.model
def test_hybrid_beats_bm25_and_holds_its_floor(real_retrieval, eval_questions):
    questions = [EvalQuestion(**q) for q in eval_questions]
    scores = {s.mode: s for s in evaluate(real_retrieval.searcher, questions, ["bm25", "dense", "hybrid"])}
    hybrid, bm25 = scores["hybrid"], scores["bm25"]
    assert hybrid.mrr >= bm25.mrr and hybrid.hit_at_5 >= bm25.hit_at_5 and hybrid.hit_at_1 >= bm25.hit_at_1
    # Floors about one question below the measured figures (README: 0.808 / 0.962 / 0.878): a drop means a
    # regression. The query encoder's training is seeded, so the figures repeat on this machine.
    assert hybrid.hit_at_5 >= 0.92
    assert hybrid.mrr >= 0.85
    assert hybrid.hit_at_1 >= 0.76


@pytest.mark.model
def test_second_question_set_holds_its_floor(real_retrieval):
    """46 questions written for the adaptation work (tests/data/retrieval_dev.jsonl), not used to train."""
    scores = bm25_and_hybrid(real_retrieval, DEV_QUESTIONS)
    assert scores["hybrid"].mrr >= scores["bm25"].mrr + 0.1
    assert scores["hybrid"].hit_at_5 >= 0.93  # measured 0.957
    assert scores["hybrid"].mrr >= 0.81  # measured 0.839


@pytest.mark.model
def test_third_question_set_holds_its_floor(real_retrieval):
    """30 questions on paragraphs drawn at random, written once the hubness setting had been chosen on the
    other two sets (tests/data/retrieval_heldout.jsonl); one gold paragraph each."""
    scores = bm25_and_hybrid(real_retrieval, HELDOUT_QUESTIONS)
    assert scores["hybrid"].mrr >= scores["bm25"].mrr
    assert scores["hybrid"].hit_at_1 >= 0.70  # measured 0.733
    assert scores["hybrid"].mrr >= 0.74  # measured 0.769


@pytest.mark.model
def test_fourth_question_set_holds_its_floor(real_retrieval):
    """30 questions on paragraphs, Annex A items and Annex M rows drawn at random, written before late
    interaction was measured on them (tests/data/retrieval_heldout2.jsonl). BM25 alone has the better MRR
    here (0.817 against 0.808): the questions use the handbook's words; hybrid still finds more first."""
    scores = bm25_and_hybrid(real_retrieval, HELDOUT2_QUESTIONS)
    assert scores["hybrid"].hit_at_1 >= scores["bm25"].hit_at_1
    assert scores["hybrid"].hit_at_1 >= 0.70  # measured 0.733
    assert scores["hybrid"].mrr >= 0.78  # measured 0.808


@pytest.mark.model
def test_fifth_question_set_holds_its_floor(real_retrieval):
    """20 questions on 16 paragraphs, 2 Annex A items and 2 other annexes drawn at random, written after late
    interaction was kept (tests/data/retrieval_heldout3.jsonl)."""
    scores = bm25_and_hybrid(real_retrieval, HELDOUT3_QUESTIONS)
    assert scores["hybrid"].mrr >= scores["bm25"].mrr and scores["hybrid"].hit_at_1 >= scores["bm25"].hit_at_1
    assert scores["hybrid"].hit_at_5 >= 0.90  # measured 0.950
    assert scores["hybrid"].mrr >= 0.74  # measured 0.777
