"""What a thread remembers, and how a follow-up is read with it ("and for care leavers?")."""

from __future__ import annotations

# The recent conversation kept per thread: enough for the topic, bounded however long the thread runs.
THREAD_CONTEXT_CHARS = 400
# A message this long is a question in its own right, not a follow-up.
FOLLOW_UP_MAX_WORDS = 8


def _tail(text: str, limit: int) -> str:
    """The last `limit` characters of `text`, starting at a whole word."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    return cut.split(" ", 1)[1] if " " in cut else ""


def follow_up_query(previous: str | None, question: str, limit: int) -> str:
    """The query to search with: a short follow-up is read after the thread's recent context, which gives
    way (oldest words first) so the new question is never cut."""
    if not previous or len(question.split()) >= FOLLOW_UP_MAX_WORDS:
        return question
    context = _tail(previous, limit - len(question) - 1)
    return f"{context} {question}" if context else question


def remembered_context(previous: str | None, question: str, limit: int = THREAD_CONTEXT_CHARS) -> str:
    """What the thread keeps after this message: the recent conversation, newest last."""
    return _tail(f"{previous} {question}" if previous else question, limit)
