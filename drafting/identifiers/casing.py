"""Lines typed wholly in lower case, as hurried notes and messages are: there a missing capital says nothing
about whether a word is a name or a setting's name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from drafting.identifiers.base import SpanCover

_TITLE_CASE_WORD = re.compile(r"\b[A-Z][a-z]")
# A pasted message's label, its speaker (up to three words: "Kev W") and its time ("Gemma 10:02: ", "[21:14] Tee: ",
# "[19:07] Kev W: ", a WhatsApp export's "[14/11/2026, 18:02:11] Lauren PA: "): the message after it is typed as
# its writer typed it, whatever the label's capitals.
_MESSAGE_LABEL = re.compile(
    r"[^\n:]{0,24}?\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp][Mm])?\]?"
    r"(?:\s*[-–]?\s*[A-Za-z][\w'’-]*(?:\s[A-Za-z][\w'’.-]*){0,2})?:\s+"
)
# An online meeting's saved chat: "17:09:50 From Kelsey (she/her) to Everyone: ", "From Tomasz W to Nicola -
# Participation Worker (privately): ".
_MEETING_CHAT_LABEL = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?From\s+[^\n:]{1,60}?\s+to\s+[^\n:]{1,60}?:\s+")
# A form's question, then the answer as its writer typed it: "Tell us what happened: i have had 4 social workers",
# "What would you like to happen? i want to stay". A question, or a prompt ending in a colon, of three words or
# more, before an answer that opens in lower case; a note's own label ("Note: hi all", "Reviewed in supervision:
# priya to be asked") is the writer's, who typed it with its capital.
_FORM_QUESTION = re.compile(
    r"(?:[A-Z][\w'’]*(?:[^\S\n]+[\w'’]+){2,14}\?"
    r"|(?:Tell|Describe|Explain|Please|Give|List|What|Who|Why|How|When|Where|Which)(?:[^\S\n]+[\w'’]+){2,14}:)"
    r"[^\S\n]+(?=[a-z])"
)
# Fewer words than this say too little about how a line was typed ("lives at 4 moss lane").
_MIN_LOWER_LINE_WORDS = 3


@lru_cache(maxsize=8)
def _lower_case_lines(text: str) -> SpanCover:
    """The lines typed wholly in lower case ("on shift: me, ionut, priya"): where no word is capitalised, a
    capital's absence says nothing about names. A line with any title-case word ("Priya did a keywork session",
    "■ evidence of complaints from the DCS's Office") is typed with capitals. A pasted message is judged after
    its label ("Dion 12:05: ok. im at leeds city college")."""
    return SpanCover(
        (start, end)
        for start, end, body in _line_bodies(text)
        if not _TITLE_CASE_WORD.search(body) and len(body.split()) >= _MIN_LOWER_LINE_WORDS
    )


def _line_bodies(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line's text after a pasted message's label, if it has one, with where that starts and the line ends."""
    at = 0
    for line in text.split("\n"):
        label = _MESSAGE_LABEL.match(line) or _MEETING_CHAT_LABEL.match(line) or _FORM_QUESTION.match(line)
        start = label.end() if label else 0
        yield at + start, at + len(line), line[start:]
        at += len(line) + 1


def in_lower_case_line(text: str, position: int) -> bool:
    return _lower_case_lines(text).holds(position)


# A sentence's first word in a line: at the line's own start, or after a full stop, "?" or "!" and a space.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)[\"'‘“(]?([A-Za-z][A-Za-z'’]*)")


@lru_cache(maxsize=8)
def _lines_without_capital_starts(text: str) -> SpanCover:
    """The lines whose sentences open in lower case ("abdi (UASC) - says his age was disputed … in Croydon"): a
    writer who capitalises no sentence's start may still capitalise a town or an acronym, but a name's missing
    capital says nothing. A line wrapped in mid-sentence opens in lower case too, so at least as
    many of its sentences must open in lower case as with a capital ("just come out of case 7 - … with keira. But
    aoife's health assessment was late" is a hurried message; "her aunt. She said so. They left." a wrapped
    line). A sentence opening with a word in capitals ("N worried re CCE", "I said") says nothing either way:
    initials and "I" are always capitals."""
    spans: list[tuple[int, int]] = []
    for start, end, body in _line_bodies(text):
        starts = [m.group(1) for m in _SENTENCE_START.finditer(body)]
        lower = sum(w[0].islower() for w in starts)
        capital = sum(bool(_TITLE_CASE_WORD.match(w)) for w in starts)
        if lower and lower >= capital and len(body.split()) >= _MIN_LOWER_LINE_WORDS:
            spans.append((start, end))
    return SpanCover(spans)


def in_line_without_capital_starts(text: str, position: int) -> bool:
    return _lines_without_capital_starts(text).holds(position)
