"""The inspection days a question names, numbered as the handbook's timetables number them."""

from __future__ import annotations

import pytest

from retrieval.named_days import days_mentioned, named_days, only_days_asked, whole_weeks


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("what happens on day 39?", {39}),
        ("what does the lead inspector cover at the start of day two?", {2}),
        ("what happens on day 0, the Friday before the inspection?", {0}),
        ("days 12 to 14", {12, 13, 14}),
        ("day 45 and day 47", {45, 47}),
        ("what does the team do on the Wednesday of week four?", {18}),
        ("what is scheduled for the Friday of week three?", {15}),
        ("what's on for week two Wednesday?", {8}),
        ("what goes on in week 11 on the Friday?", {55}),
        ("Wednesday, week 4", {18}),
        ("on Monday in the second week", {6}),
        ("What happens on the THURSDAY of Week Four?", {19}),
        # Negatives: no one day is named.
        ("how many days notice does the DCS get?", set()),
        ("the DCS has five working days to respond", set()),
        ("what happens in week three?", set()),
        ("what happens on Thursday?", set()),
        ("the day two weeks before", set()),
        ("what happens on day-to-day visits?", set()),
        ("one day", set()),
        ("days 2 to 40", set()),  # longer than a working fortnight: no day a question is about
        ("what is day 100 for?", {100}),  # past every timetable, but named
    ],
)
def test_named_days(question, days):
    assert named_days(question) == frozenset(days)


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("what happens in week two?", range(6, 11)),
        ("what do we do in the second week?", range(6, 11)),
        ("What's the plan for Week Four?", range(16, 21)),
        ("what is week 4 for?", range(16, 21)),
        ("what does week one look like?", range(1, 6)),
        ("what happens in week one of the inspection?", range(1, 6)),
        ("what happens in week 10?", range(46, 51)),
        ("what happens in weeks three and four?", range(11, 21)),
        ("what happens in weeks 1-2?", range(1, 11)),
        ("what is planned for weeks one to three?", range(1, 16)),
        ("what happens in weeks one, two and four?", [*range(1, 11), *range(16, 21)]),
        ("what happens in the second and third weeks?", range(6, 16)),
        ("what happens in the first two weeks?", range(1, 11)),
        # Negatives: a day is named, or something in the week is asked about.
        ("what happens on the Monday of week two?", ()),
        ("what happens in week two on day 7?", ()),
        ("how many cases does the LA audit in week two?", ()),
        ("what is the focus of the first week on site?", ()),
        ("who chooses the children the council audits in week two?", ()),
        ("what happens in week minus one?", ()),
        ("how many cases are audited in weeks two and three?", ()),
        ("what happens in weeks 3 to 1?", ()),  # backwards: no weeks
        ("what happens in weeks 0 and 1?", ()),
        ("what happens in weeks?", ()),
        ("what happens over the 2 weeks?", ()),
        ("what happens in the inspection?", ()),
    ],
)
def test_whole_weeks(question, days):
    assert whole_weeks(question) == frozenset(days)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("inspectors read them on the Monday of Week Three", {11}),  # the week with its day: that day only
        ("by the end of Wednesday in Week Two", {8}),
        ("This case tracking will be completed in week 1", range(1, 6)),
        ("pursued in weeks three and four of the inspection", range(11, 21)),
        ("Thursday (day -2): local authority notified", {-2}),
        ("day 2 and week two", {2, *range(6, 11)}),
        ("On-site inspection activity will not normally continue after 6pm on Thursday.", set()),
        ("The lead inspector has overall responsibility for the plan.", set()),
    ],
)
def test_days_mentioned(text, days):
    assert days_mentioned(text) == frozenset(days)


@pytest.mark.parametrize(
    ("question", "only"),
    [
        ("what happens on day 19?", True),
        ("what is done on the Monday of week one?", True),
        ("what's on for week two Wednesday?", True),
        ("what is day 9 for?", True),
        # Something else is asked, or no day is named.
        ("who is involved on day 48?", False),
        ("on a re-inspection, what happens on day 9?", False),
        ("what happens on day 0, the Friday before the inspection?", False),
        ("what happens in week two?", False),
        ("what happens at the feedback meeting?", False),
    ],
)
def test_only_days_asked(question, only):
    assert only_days_asked(question) is only
