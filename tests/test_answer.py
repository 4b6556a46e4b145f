"""Cited answers: verbatim quotes, list handling, not-found behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answer import UNCERTAIN, Answer, sentence_spans
from retrieval.evaluate import load_questions, matches

DATA = Path(__file__).parent / "data"


def test_sentence_spans_are_exact_and_know_their_lead_in():
    text = (
        "Foster carers should always be asked about:\nthe training they get\n"
        "how delegated authority works\nEnd. Next one."
    )
    spans = sentence_spans(text)
    quotes = [text[s.start : s.end] for s in spans]
    assert quotes == [
        "Foster carers should always be asked about:",
        "the training they get",
        "how delegated authority works",
        "End.",
        "Next one.",
    ]
    lead = spans[0]
    assert spans[1].lead_in == (lead.start, lead.end)
    assert spans[2].lead_in == (lead.start, lead.end)
    assert spans[3].lead_in is None


def test_bullet_marker_is_not_part_of_the_quote():
    text = "Inspectors are required to report on:\n- the effectiveness of help"
    spans = sentence_spans(text)
    assert text[spans[1].start : spans[1].end] == "the effectiveness of help"


def _check_quotes(retrieval, answer: Answer) -> None:
    units = {(u.doc, u.ref): u for u in retrieval.index.units}
    for citation in answer.citations:
        assert citation.quote, "empty quote"
        assert citation.quote in units[(citation.doc, citation.ref)].text
        assert f"[{citation.ref}]" in answer.answer


def test_fake_answers_quote_verbatim(fake_retrieval):
    for question in ["what must I report on missing children?", "what should foster carers always be asked about?"]:
        answer = fake_retrieval.answerer.answer(question)
        assert answer.question == question
        _check_quotes(fake_retrieval, answer)


def test_answer_encodes_the_question_once_without_an_adapted_encoder(fake_retrieval):
    embedder = fake_retrieval.searcher.embedder
    assert fake_retrieval.searcher.query_embedder is embedder
    before = embedder.calls
    fake_retrieval.answerer.answer("what must I report on missing children?")
    assert embedder.calls == before + 1


@pytest.mark.model
def test_every_public_eval_answer_quotes_verbatim(real_retrieval, eval_questions):
    answers = real_retrieval.answerer.answer_many([q["q"] for q in eval_questions])
    for answer in answers:
        assert answer.citations, f"no citation for {answer.question!r}"
        _check_quotes(real_retrieval, answer)


@pytest.mark.model
def test_missing_children_answer_cites_para_171(real_retrieval):
    answer = real_retrieval.answerer.answer("what must I report on missing children?")
    refs = [c.ref for c in answer.citations]
    assert "para 171" in refs
    assert "Annex M: Missing from home or care" in refs
    assert answer.answer.startswith("What the handbook requires:")


@pytest.mark.model
def test_list_question_is_answered_with_the_list(real_retrieval):
    answer = real_retrieval.answerer.answer("what should foster carers always be asked about?")
    first = answer.citations[0]
    assert first.ref == "para 88"
    assert "how delegated authority is managed" in first.quote  # the list itself, quoted as printed


@pytest.mark.model
@pytest.mark.parametrize("question", ["what is the capital of France?", "how do I bake sourdough bread?"])
def test_off_topic_question_is_not_padded(real_retrieval, question):
    answer = real_retrieval.answerer.answer(question)
    assert answer.citations == []
    assert answer.answer.startswith("I could not find an answer to this in the handbook.")
    assert "closest sections" in answer.answer


@pytest.mark.model
def test_the_caution_marks_answers_that_lead_with_the_wrong_unit_more_often(real_retrieval, eval_questions):
    """The caution heads answers whose best unit fewer than three of the four rankers put first. Over the
    public set and the project's eleven sets (293 questions) it was on 103 answers, and those led with a
    gold unit 48% of the time against 88% for the rest (MEASUREMENTS.md, session 16)."""
    questions = [(q["q"], q["gold"]) for q in eval_questions]
    for name in ["retrieval_dev.jsonl"] + [f"retrieval_heldout{n}.jsonl" for n in ("", *range(2, 11))]:
        questions += [(q.q, q.gold) for q in load_questions(DATA / name)]
    answers = real_retrieval.answerer.answer_many([q for q, _ in questions])
    tops = real_retrieval.searcher.search_many([q for q, _ in questions], k=1)
    led_right = {True: [], False: []}
    for (_, gold), answer, top in zip(questions, answers, tops, strict=True):
        cautious = answer.answer.startswith(UNCERTAIN + "\n")
        assert cautious or UNCERTAIN not in answer.answer
        led_right[cautious].append(any(matches(top[0].ref, g) for g in gold))
    share = len(led_right[True]) / len(questions)
    assert 0.1 <= share <= 0.4, f"the caution is on {share:.0%} of answers"
    right = {k: sum(v) / len(v) for k, v in led_right.items()}
    assert right[False] >= right[True] + 0.3, right
