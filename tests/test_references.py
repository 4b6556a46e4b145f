"""Units named by their ref in a query ("para 160", "Annex A 3.06"): found, put first by search, read by ask."""

from __future__ import annotations

import json

import numpy as np
import pytest

from retrieval.references import (
    NAMED_SCORE,
    annex_family,
    is_about_named,
    is_lookup,
    named_references,
    promote,
    resolve,
    without_references,
)


@pytest.mark.parametrize(
    ("query", "refs"),
    [
        ("what does para 160 say?", ["para 160"]),
        ("para. 160", ["para 160"]),
        ("Paragraph 18", ["para 18"]),
        ("¶160", ["para 160"]),
        ("para 171-173", ["para 171", "para 172", "para 173"]),
        ("paras 171–173 on reporting", ["para 171", "para 172", "para 173"]),
        ("paragraphs 163 and 164", ["para 163", "para 164"]),
        ("paras 171, 172 or 175", ["para 171", "para 172", "para 175"]),
        ("Annex A 3.06", ["Annex A 3.06"]),
        ("annex a item 1.07 please", ["Annex A 1.07"]),
        ("what is in annex m?", ["Annex M"]),
        ("para 171 and Annex M", ["para 171", "Annex M"]),
        ("para 160 and para 160 again", ["para 160"]),
        # A range too long to be meant is two paragraphs, not sixteen dozen.
        ("paras 17-173", ["para 17", "para 173"]),
        # Negatives: a list needs the plural, a number is whole, and other numbered things are not paragraphs.
        ("para 18, 2 inspectors", ["para 18"]),
        ("under para 18, 2.5 days are allocated", ["para 18"]),
        ("section 47 enquiries", []),
        ("what does the paragraph about missing children say?", []),
        ("children in annexe accommodation", []),
        ("Annex Z", []),
        ("who gets 15 days notice?", []),
    ],
)
def test_named_references(query, refs):
    assert list(named_references(query).refs) == refs


@pytest.mark.parametrize(
    ("query", "about", "lookup"),
    [
        ("para 160", True, True),
        ("what does para 160 say?", True, True),
        ("show me paragraph 15", True, True),
        ("can you read para 18 please", True, True),
        ("what is annex f?", True, True),
        ("para 171 on missing children", True, False),
        ("Annex A: complaints?", True, False),
        ("what does Annex M say about missing children?", True, False),
        ("according to para 160, can I write initials?", True, False),
        ("does para 160 apply to the SEA only?", True, False),
        # Named in passing: the question is about something else (questions of the project's own sets).
        ("what must the SEA include about cases flagged under Annex H?", False, False),
        ("can inspectors ask for more evidence than Annex A lists?", False, False),
        ("when must the Annex A information reach the lead inspector?", False, False),
        ("does the SEA follow para 160?", False, False),
        ("which paras cover reporting?", False, False),
    ],
)
def test_whether_a_query_is_about_the_units_it_names(query, about, lookup):
    named = named_references(query)
    assert (is_about_named(query, named), is_lookup(query, named)) == (about, lookup)


def test_no_evaluation_question_is_about_a_named_unit(eval_questions):
    """Seven of the project's questions name an annex in passing; none, and none of the public set, is about
    the unit it names, so ranking them is unchanged."""
    from tests.conftest import REPO

    questions = [q["q"] for q in eval_questions]
    for path in sorted((REPO / "tests" / "data").glob("retrieval_*.jsonl")):
        questions += [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]
    assert sum(bool(named_references(q)) for q in questions) >= 7
    assert not [q for q in questions if is_about_named(q, named_references(q))]


def test_a_unit_named_in_passing_is_not_put_first(fake_retrieval):
    searcher = fake_retrieval.searcher
    query = "can inspectors ask for more evidence than Annex A lists?"
    results = searcher.search(query, k=3)
    assert results[0].score < NAMED_SCORE
    answer = fake_retrieval.answerer.answer(query)
    assert not answer.answer.startswith("Annex A")


def test_the_question_without_its_references():
    query = "what does para 171 say about missing children in Annex M?"
    assert without_references(query, named_references(query)) == "what does say about missing children in ?"


UNIT_REFS = ["para 1", "para 2", "Annex A: Introduction", "Annex A 1.01", "Annex M", "Annex M: Missing", "Annex M"]


@pytest.mark.parametrize(
    ("query", "units", "unknown"),
    [
        ("para 2", [1], []),
        ("Annex A 1.01", [3], []),
        ("Annex A", [2], []),  # an annex with only named parts: its first one
        ("Annex M", [4, 6], []),  # both documents' versions
        ("para 2 and para 999", [1], ["para 999"]),
        ("Annex B", [], ["Annex B"]),
    ],
)
def test_resolve(query, units, unknown):
    assert resolve(named_references(query), UNIT_REFS) == (units, unknown)


def test_annex_family():
    refs = [*UNIT_REFS, "Annex AB", "Annex A 9.99", "Annex M: Other"]
    assert annex_family("Annex A", refs) == [2, 3, 8]
    assert annex_family("Annex M", refs) == [4, 5, 6, 9]
    assert annex_family("para 2", refs) == annex_family("Annex A 1.01", refs) == []


def test_promote_puts_the_named_units_first_in_the_order_named():
    scores = np.array([0.3, 0.1, 0.2, 0.05])
    promoted = promote(scores, [3, 1])
    assert list(np.argsort(-promoted)) == [3, 1, 0, 2]
    assert promoted[3] == NAMED_SCORE and promoted[1] < NAMED_SCORE
    assert scores[3] == 0.05  # the input is left alone


def test_search_puts_a_named_unit_first_in_hybrid_only(fake_retrieval):
    searcher = fake_retrieval.searcher
    results = searcher.search("what does Annex A 3.06 ask for?", k=3)
    assert results[0].ref == "Annex A 3.06" and results[0].score == NAMED_SCORE
    assert [r.ref for r in searcher.search("paras 171-173", k=4)][:3] == ["para 171", "para 172", "para 173"]
    # bm25 and dense stay the plain baselines that eval compares hybrid with.
    assert searcher.search("what does Annex A 3.06 ask for?", k=3, mode="bm25")[0].score != NAMED_SCORE


def test_ask_reads_a_named_paragraph_in_order_and_quotes_it_verbatim(fake_retrieval):
    unit = next(u for u in fake_retrieval.index.units if u.ref == "para 160")
    answer = fake_retrieval.answerer.answer("what does para 160 say?")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("para 160 (")
    assert all(line.endswith("[para 160]") for line in lines[1:])
    assert {c.ref for c in answer.citations} == {"para 160"}
    quotes = [c.quote for c in answer.citations]
    assert all(q in unit.text for q in quotes)
    assert [unit.text.index(q) for q in quotes] == sorted(unit.text.index(q) for q in quotes)  # the handbook's order


def test_ask_says_when_a_named_unit_goes_on_beyond_what_it_reads(fake_retrieval):
    timeline = fake_retrieval.answerer.answer("what does para 15 say?").answer.splitlines()
    assert timeline[-1] == "- … para 15 goes on: read it whole in the handbook."
    assert len(timeline) == 1 + 5 + 1  # the heading, five sentences, and the note
    short = fake_retrieval.answerer.answer("para 160").answer
    assert "goes on" not in short


def test_ask_answers_a_question_about_a_named_paragraph_from_it_alone(fake_retrieval):
    answer = fake_retrieval.answerer.answer("what does para 171 say about missing children?")
    assert {c.ref for c in answer.citations} == {"para 171"}
    assert "missing from home or care" in answer.answer


def test_ask_reads_the_part_of_a_named_annex_that_answers_the_question(fake_retrieval):
    """A whole annex is long: "what does Annex M say about children missing from home?" reads that row,
    not the annex's introduction; asked nothing more, it reads the introduction."""
    answer = fake_retrieval.answerer.answer("what does Annex M say about children missing from home?")
    assert {c.ref for c in answer.citations} == {"Annex M: Missing from home or care"}
    assert {c.ref for c in fake_retrieval.answerer.answer("what does Annex M say?").citations} == {"Annex M"}


def test_ask_says_when_the_handbook_has_no_such_paragraph(fake_retrieval):
    answer = fake_retrieval.answerer.answer("what does para 999 say?")
    assert answer.citations == []
    assert answer.answer == (
        "The handbook has no para 999: its numbered paragraphs run from 1 to 218 and its annexes from A to P."
    )
    both = fake_retrieval.answerer.answer("para 18 and para 999")
    assert {c.ref for c in both.citations} == {"para 18"} and both.answer.endswith("The handbook has no para 999: "
        "its numbered paragraphs run from 1 to 218 and its annexes from A to P.")  # fmt: skip


def test_ask_reads_at_most_three_named_units(fake_retrieval):
    answer = fake_retrieval.answerer.answer("paras 171-175")
    assert {c.ref for c in answer.citations} == {"para 171", "para 172", "para 173"}
    assert answer.answer.splitlines()[-1] == "Also named, not read here: para 174, para 175. Ask for each."
