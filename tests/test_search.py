"""Search: modes, the result contract, shorthand, query validation."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.errors import BadQueryError
from retrieval.named_days import days_asked
from retrieval.passages import MAX_WORDS, chunk_text, split_units
from retrieval.search import MAX_QUERY_CHARS, MODES, SearchResult, validate_query
from retrieval.shorthand import expand_query, load_expansions


@pytest.mark.parametrize("mode", MODES)
def test_every_mode_returns_ranked_units_with_refs(fake_retrieval, mode):
    results = fake_retrieval.searcher.search("children missing from home or care", k=7, mode=mode)
    assert 0 < len(results) <= 7
    assert [r.rank for r in results] == list(range(1, len(results) + 1))
    assert all(isinstance(r, SearchResult) for r in results)
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    keys = {(r.doc, r.ref) for r in results}
    assert len(keys) == len(results), "a unit appears once however many of its passages match"
    units = {(u.doc, u.ref): u for u in fake_retrieval.index.units}
    assert all(r.text == units[(r.doc, r.ref)].text for r in results)


def test_bm25_finds_a_rare_term(fake_retrieval):
    refs = [r.ref for r in fake_retrieval.searcher.search("what data can Cafcass give", k=3, mode="bm25")]
    assert "para 122" in refs


def test_results_carry_unit_refs_not_passage_ids(fake_retrieval):
    # para 15 (the timeline) is split into many passages but is one result.
    results = fake_retrieval.searcher.search("evidence notebooks deadline submit", k=10, mode="bm25")
    assert [r.ref for r in results].count("para 15") <= 1


def test_batch_search_equals_single_searches(fake_retrieval):
    queries = ["foster carer files", "adoption scorecard", "Prevent duty"]
    batch = fake_retrieval.searcher.search_many(queries, k=4)
    assert batch == [fake_retrieval.searcher.search(q, k=4) for q in queries]


@pytest.mark.parametrize(
    "query",
    [
        "what happens on day 2?",
        "what happens in week two?",
        "what happens on the Friday of week two?",
        "on a post-monitoring re-inspection, what happens on day 9?",
    ],
)
def test_a_query_about_inspection_days_is_shown_a_timetable_that_has_them(fake_retrieval, query):
    searcher = fake_retrieval.searcher
    days = days_asked(query)
    having = {searcher.index.units[i].ref for i, table in searcher.timetables.items() if table.rows_on(days)}
    assert having
    fused = searcher.unit_scores(query, "hybrid")
    for k in (2, 3, 5):
        results = searcher.search(query, k=k)
        assert len(results) == k and having & {r.ref for r in results}, (k, [r.ref for r in results])
        assert results[0].ref == searcher.index.units[int(np.argmax(fused))].ref
        scores = [r.score for r in results]
        assert scores == sorted(scores, reverse=True)
    # The best unit is never displaced: one result is the best unit, whatever it is.
    assert searcher.search(query, k=1)[0].ref == searcher.index.units[int(np.argmax(fused))].ref
    # BM25 and dense alone rank as they rank: the rankers are compared as they are.
    for mode in ("bm25", "dense"):
        scores = searcher.unit_scores(query, mode)
        top = [searcher.index.units[i].ref for i in np.argsort(-scores, kind="stable")[:5] if scores[i] > 0]
        assert [r.ref for r in searcher.search(query, k=5, mode=mode)] == top


def test_a_query_naming_no_day_is_ranked_as_fused(fake_retrieval):
    searcher = fake_retrieval.searcher
    scores = searcher.unit_scores("how many cases does the LA audit in week two?", "hybrid")
    top = [searcher.index.units[i].ref for i in np.argsort(-scores, kind="stable")[:5]]
    assert [r.ref for r in searcher.search("how many cases does the LA audit in week two?", k=5)] == top


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("CLA in B&B", ["children looked after", "bed and breakfast"]),
        ("do kids get PEPs", ["children", "personal education plans"]),
        ("how does a council complain", ["local authority"]),
        ("IRO caseloads and the DCS", ["independent reviewing officer", "Director of Children's Services"]),
        ("CSE and FGM", ["child sexual exploitation", "female genital mutilation"]),
    ],
)
def test_shorthand_expansions(query, expected):
    expanded = expand_query(query, load_expansions())
    assert expanded.startswith(query)
    for meaning in expected:
        assert meaning in expanded


@pytest.mark.parametrize("query", ["la la land", "CLAN meeting", "clap", "a kidney"])
def test_shorthand_needs_whole_words_and_case_for_acronyms(query):
    assert expand_query(query, load_expansions()) == query


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_rejected(query):
    with pytest.raises(BadQueryError, match="empty"):
        validate_query(query)


def test_overlong_query_rejected():
    with pytest.raises(BadQueryError, match="limit"):
        validate_query("x" * (MAX_QUERY_CHARS + 1))
    assert validate_query("  spaced   out  ") == "spaced out"


def test_passages_stay_within_the_model_window(fake_retrieval):
    for passage in split_units(fake_retrieval.index.units):
        body = passage.text.split("\n", 1)[-1]
        assert len(body.split()) <= MAX_WORDS
    long_line = " ".join(["word"] * (MAX_WORDS * 2 + 5))
    assert all(len(c.split()) <= MAX_WORDS for c in chunk_text(long_line))
