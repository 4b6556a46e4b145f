"""Thread memory for Slack follow-ups: bounded, and the newest question is never cut."""

from __future__ import annotations

import pytest

from bot.threads import THREAD_CONTEXT_CHARS, follow_up_query, remembered_context


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (None, "and for care leavers?", "and for care leavers?"),
        ("what must I report on missing children?", "and for care leavers?",
         "what must I report on missing children? and for care leavers?"),
        # A question in its own right is not read with the thread.
        ("what must I report on missing children?", "how many cases does each inspector track in week two?",
         "how many cases does each inspector track in week two?"),
        # Not enough room for any context: the question alone.
        ("missing children", "x" * 995 + " y", "x" * 995 + " y"),
    ],
)  # fmt: skip
def test_follow_up_query(previous, question, expected):
    assert follow_up_query(previous, question, 1000) == expected


def test_a_long_thread_keeps_the_new_question_whole_and_its_memory_bounded():
    context = None
    for n in range(200):
        question = f"and what about case {n}?"
        query = follow_up_query(context, question, 1000)
        assert query.endswith(question) and len(query) <= 1000
        context = remembered_context(context, question)
        assert len(context) <= THREAD_CONTEXT_CHARS
    assert context.endswith("and what about case 199?")
    assert not context.startswith(" ") and "case 0?" not in context
