"""Retrieval quality on the public evaluation set and the project's own question sets: guards against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.evaluate import EvalQuestion, evaluate, load_questions, matches

DATA = Path(__file__).parent / "data"


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
    # Floors about one question below the measured figures (README: 0.731 / 0.962 / 0.799): a drop means a
    # regression. The query encoder's training is seeded, so the figures repeat on this machine.
    assert hybrid.hit_at_5 >= 0.92
    assert hybrid.mrr >= 0.76
    assert hybrid.hit_at_1 >= 0.69


# The project's own question sets (README, "Retrieval quality"): floors about one question below the figures
# measured with the current fusion, and the measures on which hybrid must not trail BM25 alone. BM25 alone
# finds more first on the ninth set (0.722 against 0.611), with a slightly higher MRR (0.738 against 0.731),
# but misses five of its 18 questions in the top five, where hybrid misses one; on the fourth it finds one
# more in its top five, and on the thirteenth two more (13 of 15 against 11: one-line Annex A items). On the
# fourteenth ("what does the LA send us?") BM25 alone rose to 13 first places of 16 against hybrid's 12, and MRR
# 0.842 against 0.824, when "us" became a stopword (session 24); hybrid misses one in its top five, BM25 two.
ALL = ("hit_at_1", "hit_at_5", "mrr")
PROJECT_SETS = [
    # file, what it is, floors (hit@1, hit@5, MRR), measures where hybrid >= BM25
    ("retrieval_dev.jsonl", "46 questions written for the adaptation work", (0.73, 0.93, 0.82), ALL),
    ("retrieval_heldout.jsonl", "30 on random paragraphs", (0.73, 0.83, 0.79), ALL),
    ("retrieval_heldout2.jsonl", "30 on random paragraphs, items and rows", (0.73, 0.90, 0.80), ("hit_at_1", "mrr")),
    ("retrieval_heldout3.jsonl", "20 on random units", (0.65, 0.90, 0.76), ALL),
    ("retrieval_heldout4.jsonl", "25 on random unused units", (0.76, 0.96, 0.84), ALL),
    ("retrieval_heldout5.jsonl", "20 on random unused units", (0.80, 0.90, 0.86), ALL),
    ("retrieval_heldout6.jsonl", "19 on random unused units", (0.73, 0.78, 0.79), ALL),
    ("retrieval_heldout7.jsonl", "18 in the public set's style", (0.55, 0.88, 0.69), ("hit_at_5",)),
    ("retrieval_heldout8.jsonl", "21 in the public set's style", (0.61, 0.90, 0.75), ALL),
    ("retrieval_heldout9.jsonl", "20 on random paragraphs, annexes, items and rows", (0.70, 0.85, 0.76), ALL),
    ("retrieval_heldout10.jsonl", "18 on units no earlier set named", (0.55, 0.77, 0.69), ALL),
    ("retrieval_heldout11.jsonl", "15 on units no earlier set named", (0.60, 0.66, 0.66), ("hit_at_1", "mrr")),
    ("retrieval_heldout12.jsonl", "16 on what the council provides (session 22)", (0.68, 0.87, 0.76), ("hit_at_5",)),
]


@pytest.mark.model
@pytest.mark.parametrize(("name", "about", "floors", "not_below_bm25"), PROJECT_SETS)
def test_project_question_set_holds_its_floor(real_retrieval, name, about, floors, not_below_bm25):
    scores = bm25_and_hybrid(real_retrieval, DATA / name)
    hybrid, bm25 = scores["hybrid"], scores["bm25"]
    measured = (hybrid.hit_at_1, hybrid.hit_at_5, hybrid.mrr)
    assert all(got >= floor for got, floor in zip(measured, floors, strict=True)), (
        f"{name} ({about}): hybrid {hybrid.hit_at_1:.3f}/{hybrid.hit_at_5:.3f}/{hybrid.mrr:.3f} below {floors}"
    )
    for measure in not_below_bm25:
        assert getattr(hybrid, measure) >= getattr(bm25, measure), f"{name}: hybrid {measure} below BM25's"
