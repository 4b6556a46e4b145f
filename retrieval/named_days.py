"""The inspection days a question names, numbered as the handbook's timetables number them.

"day 2", "days 12 to 14", "the Wednesday of week four", "week two Thursday", "Friday of the third week": day 1 is
the Monday of week one and a week has five working days, so the Wednesday of week four is day 18 (para 15 numbers
it so, and para 213's re-inspection timeline counts the same way). A week named without its day ("in week three")
or a day of the week without its week ("on Thursday") names no one day, and is left to the question's words,
unless the question asks only what happens in the week ("what happens in week two?", "in weeks three and four?"):
then it asks about all their days (`whole_weeks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]

_NUMBER = rf"(?:-?\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})"
_WEEKDAY = rf"(?P<weekday>{'|'.join(_WEEKDAYS)})"
_WEEK = rf"(?:week\s+(?P<week>{_NUMBER})|(?:the\s+)?(?P<ordinal>{'|'.join(_ORDINALS)})\s+week)"

_DAY_NUMBERS = re.compile(
    rf"\bdays?\s+(?P<first>{_NUMBER})(?:\s*(?:[–-]|to|and)\s*(?P<last>{_NUMBER}))?\b(?!\s*(?:days?|weeks?)\b)", re.I
)
_WEEKDAY_OF_WEEK = re.compile(rf"\b{_WEEKDAY}(?:\s*,\s*|\s+(?:(?:of|in|during)\s+)?)(?:the\s+)?{_WEEK}", re.I)
_WEEK_THEN_WEEKDAY = re.compile(rf"\b{_WEEK}\s*,?\s+(?:on\s+)?(?:the\s+)?{_WEEKDAY}\b", re.I)
_WEEK_NAMED = re.compile(rf"\b{_WEEK}\b", re.I)
# Several weeks at once: "weeks three and four", "weeks 1-2", "weeks one, two and three", "the second and third
# weeks", "the first two weeks". A dash or "to" spans the weeks between.
_PLAIN_NUMBER = rf"(?:\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})"
_ORDINAL = rf"(?:{'|'.join(_ORDINALS)})"
_LISTED = r"\s*(?:,\s*(?:and\s+)?|\band\b|&|\bor\b)\s*"
_SPANNED = r"\s*(?:\bto\b|[–-])\s*"
_JOINED = rf"(?:{_LISTED}|{_SPANNED})"
_WEEKS_NAMED = re.compile(
    rf"\bweeks\s+(?P<numbers>{_PLAIN_NUMBER}(?:{_JOINED}{_PLAIN_NUMBER})+)\b"
    rf"|\b(?:the\s+)?(?P<ordinals>{_ORDINAL}(?:{_JOINED}{_ORDINAL})+)\s+weeks\b"
    rf"|\b(?:the\s+)?first\s+(?P<count>{_PLAIN_NUMBER})\s+weeks\b",
    re.I,
)
# All a question about a whole week asks besides naming it: "what happens in week two?", "what is week 4 for?",
# "what does the first week look like?". Any other word ("how many cases does the LA audit in week two?") asks
# about something in the week, which the question's words find better than the week's timetable.
_ABOUT_A_WEEK = frozenset(
    "what what's whats s happens happen happening is are do does we i you the team inspectors inspection "  # noqa: SIM905
    "inspection's in during on of for go goes going plan planned scheduled schedule look like take takes place "
    "occurs occur there done involve involves cover covers usually normally".split()
)
# A range longer than a working fortnight is no day a question is about.
_LONGEST_RANGE = 10


def _number(word: str) -> int:
    word = word.lower()
    return _NUMBER_WORDS.index(word) if word in _NUMBER_WORDS else int(word)


def _week(match: re.Match[str]) -> int:
    return _number(match["week"]) if match["week"] else _ORDINALS.index(match["ordinal"].lower()) + 1


def _week_day(match: re.Match[str]) -> int:
    return 5 * (_week(match) - 1) + _WEEKDAYS.index(match["weekday"].lower()) + 1


def named_days(question: str) -> frozenset[int]:
    """The day numbers a question names; empty when it names none."""
    days: set[int] = set()
    for match in _DAY_NUMBERS.finditer(question):
        first = _number(match["first"])
        last = _number(match["last"]) if match["last"] else first
        if first <= last <= first + _LONGEST_RANGE:
            days.update(range(first, last + 1))
    for pattern in (_WEEKDAY_OF_WEEK, _WEEK_THEN_WEEKDAY):
        days.update(_week_day(match) for match in pattern.finditer(question))
    return frozenset(days)


def _days_of_week(week: int) -> range:
    """Week one is days 1 to 5, week two days 6 to 10."""
    return range(5 * week - 4, 5 * week + 1)


def _week_number(word: str) -> int:
    word = word.lower()
    return _ORDINALS.index(word) + 1 if word in _ORDINALS else _number(word)


def _several_weeks(match: re.Match[str]) -> set[int]:
    """The weeks of one "weeks three and four", "weeks 1-3" or "the first two weeks"."""
    if match["count"]:
        return set(range(1, _number(match["count"]) + 1))
    weeks: set[int] = set()
    for group in re.split(_LISTED, match["numbers"] or match["ordinals"], flags=re.I):
        ends = [_week_number(word) for word in re.split(_SPANNED, group, flags=re.I) if word]
        if ends:
            weeks.update(range(ends[0], ends[-1] + 1))
    return weeks


def weeks_asked(question: str) -> frozenset[int]:
    """The weeks a question asks about as a whole ("what happens in week two?": {2}; "what happens in weeks three
    and four?": {3, 4}); empty when it names a day, or asks about anything else in the weeks."""
    return read_days(question).weeks


def _weeks_named(question: str) -> frozenset[int]:
    """`weeks_asked` for a question that names no day."""
    weeks = {_week(match) for match in _WEEK_NAMED.finditer(question)}
    for match in _WEEKS_NAMED.finditer(question):
        weeks |= _several_weeks(match) or {0}
    if not weeks or min(weeks) < 1 or not _asks_nothing_else(question, (_WEEK_NAMED, _WEEKS_NAMED)):
        return frozenset()
    return frozenset(weeks)


def only_days_asked(question: str) -> bool:
    """The question names days and asks nothing else about them: "what happens on day 19?", "what is done on the
    Monday of week one?"; not "who is involved on day 48?" or "on a re-inspection, what happens on day 9?"."""
    return _only_days(question, named_days(question))


def _only_days(question: str, named: frozenset[int]) -> bool:
    return bool(named) and _asks_nothing_else(question, (_WEEKDAY_OF_WEEK, _WEEK_THEN_WEEKDAY, _DAY_NUMBERS))


def _asks_nothing_else(question: str, named: tuple[re.Pattern[str], ...]) -> bool:
    """Every word of the question but what the patterns match is from the closed list (`_ABOUT_A_WEEK`)."""
    rest = question.lower().replace("’", "'")
    for pattern in named:
        rest = pattern.sub(" ", rest)
    return all(word in _ABOUT_A_WEEK for word in re.findall(r"[a-z']+", rest))


def whole_weeks(question: str) -> frozenset[int]:
    """The days of the weeks a question asks about as a whole ("what happens in week two?": days 6 to 10)."""
    return _days_of_weeks(weeks_asked(question))


def _days_of_weeks(weeks: frozenset[int]) -> frozenset[int]:
    return frozenset(day for week in weeks for day in _days_of_week(week))


def days_asked(question: str) -> frozenset[int]:
    """The inspection days a question asks about: those it names ("day 2", "the Wednesday of week four"), else all
    of a week it asks about as a whole ("what happens in week two?")."""
    return read_days(question).days


@dataclass(frozen=True)
class DaysQuestion:
    """What a question asks about inspection days, read once: `days_asked`, `weeks_asked`, and whether it asks
    nothing else (`only_days_asked`, or a whole week's question)."""

    days: frozenset[int]
    weeks: frozenset[int]
    only_days: bool


def read_days(question: str) -> DaysQuestion:
    named = named_days(question)
    weeks = frozenset() if named else _weeks_named(question)
    return DaysQuestion(
        days=named or _days_of_weeks(weeks), weeks=weeks, only_days=bool(weeks) or _only_days(question, named)
    )


def days_mentioned(text: str) -> frozenset[int]:
    """Every inspection day a text names, a week named without its day standing for its five days: "by the end of
    Wednesday in Week Two" is day 8, "completed in week 1" days 1 to 5. For reading a sentence, not a question."""
    days = set(named_days(text))
    # A week named with its day ("the Monday of Week Three") names that day only.
    dated = [m.span() for pattern in (_WEEKDAY_OF_WEEK, _WEEK_THEN_WEEKDAY) for m in pattern.finditer(text)]
    for match in _WEEK_NAMED.finditer(text):
        if not any(start <= match.start() < end for start, end in dated):
            days.update(_days_of_week(_week(match)))
    for match in _WEEKS_NAMED.finditer(text):
        days.update(day for week in _several_weeks(match) for day in _days_of_week(week))
    return frozenset(days)
