"""Timetable rows: a cell quoted from the section 2 timeline (para 15) or the re-inspection timeline (para 213)
says when it happens."""

from __future__ import annotations

import pytest

from retrieval.corpus import load_units
from retrieval.spans import in_context, line_spans, sentence_spans
from retrieval.timetable import in_context_timed, read_timetable


@pytest.fixture(scope="module")
def by_ref():
    return {u.ref: u for u in load_units() if u.doc == "sif-inspection-handbook"}


def test_only_the_two_timetables_have_rows(by_ref):
    assert sorted(ref for ref, unit in by_ref.items() if read_timetable(unit.text).rows) == ["para 15", "para 213"]


@pytest.mark.parametrize(
    ("ref", "rows", "labels"),
    [
        (
            "para 15",
            33,
            {
                0: "Week minus one Thursday (day -1)",
                13: "Week Three Tuesday to Week Three Thursday (days 12–14)",
                19: "Week Four Friday (day 20)",  # "Week" / "Four" split over two cells
                -1: "After the inspection (day 60)",
            },
        ),
        (
            "para 213",
            9,
            {0: "Two days – up to three weeks before", 1: "Thursday (day -2)", 3: "Tuesday – Thursday (days 2–4)"},
        ),
    ],
)
def test_row_labels(by_ref, ref, rows, labels):
    timetable = read_timetable(by_ref[ref].text)
    assert len(timetable.rows) == rows
    for position, label in labels.items():
        assert timetable.rows[position].label == label


@pytest.mark.parametrize(
    ("ref", "sentence", "label"),
    [
        (
            "para 15",
            "Lead inspector and inspection team meet to agree provisional judgements (morning)",
            "Week Four Thursday (day 19)",
        ),
        ("para 15", "Regional Director signs off report.", "Week 10 Wednesday (day 48)"),
        # A list item keeps its lead-in and gets its row's timing.
        ("para 15", "the 20 children and young people they are being asked to audit", "Week One Wednesday (day 3)"),
        ("para 213", "Onsite evidence gathering", "Tuesday – Thursday (days 2–4)"),
        ("para 213", "Lead inspector planning days", "Two days – up to three weeks before"),
        # Before the table, in its headings, and in the footnotes under it: no row.
        ("para 15", "The timeframe for inspection", None),
        ("para 15", "Working day", None),
        ("para 15", "Footnote 4: A separate timeline", None),
        ("para 213", "All inspectors’ evaluations of practice", None),
    ],
)
def test_a_cell_is_read_with_its_row(by_ref, ref, sentence, label):
    text = by_ref[ref].text
    position = text.index(sentence)
    row = read_timetable(text).row_of(text, position)
    assert (row.label if row else None) == label


def test_timing_cells_and_headings_are_headers(by_ref):
    text = by_ref["para 15"].text
    timetable = read_timetable(text)
    assert timetable.in_header(text.index("Example day of week"))
    assert timetable.in_header(text.index("Week Three Thursday"))
    assert not timetable.in_header(text.index("Team travels home"))


def test_a_unit_without_a_timetable_reads_as_before(by_ref):
    text = "Inspectors will meet:\n- 12\n- Monday\nThe meeting lasts 2 hours."  # numbers and days, no rows
    spans = sentence_spans(text)
    assert read_timetable(text).rows == []
    assert in_context_timed(text, spans) == [
        "Inspectors will meet:",
        "Inspectors will meet: 12",
        "Inspectors will meet: Monday",
        "The meeting lasts 2 hours.",
    ]
    unit = by_ref["para 171"]
    spans = sentence_spans(unit.text)
    assert in_context_timed(unit.text, spans) == in_context(unit.text, spans)


def test_timed_sentences_carry_the_label(by_ref):
    text = by_ref["para 15"].text
    spans = sentence_spans(text)
    texts = dict(zip((text[s.start : s.end] for s in spans), in_context_timed(text, spans), strict=True))
    assert (
        texts["Regional Director signs off report."]
        == "Week 10 Wednesday (day 48): Regional Director signs off report."
    )


@pytest.mark.parametrize(
    ("ref", "days", "labels"),
    [
        ("para 15", {19}, ["Week Four Thursday (day 19)"]),
        # Day 8 is in "Week Two Monday to Friday (days 6–10)" too: the narrowest row is the day's.
        ("para 15", {8}, ["Week Two Wednesday (day 8)"]),
        ("para 15", {13}, ["Week Three Tuesday to Week Three Thursday (days 12–14)"]),
        ("para 15", {0, 47}, ["Week minus one Friday (day 0)", "Week 10 Tuesday (day 47)"]),
        ("para 15", {38, 54, 61}, []),  # days no row has
        ("para 213", {3}, ["Tuesday – Thursday (days 2–4)"]),
        ("para 213", {-2, 10}, ["Thursday (day -2)", "Friday (day 10)"]),
    ],
)
def test_rows_on_the_days_named(by_ref, ref, days, labels):
    timetable = read_timetable(by_ref[ref].text)
    assert [row.label for row in timetable.rows_on(frozenset(days))] == labels


def test_a_row_before_the_inspection_has_no_day(by_ref):
    timetable = read_timetable(by_ref["para 213"].text)
    assert timetable.rows[0].days is None
    assert timetable.rows[3].days == (2, 4)


@pytest.mark.parametrize(
    ("ref", "label", "cells"),
    [
        ("para 15", "Week Four Friday (day 20)", ["Team travels home", "Full inspection team"]),
        (
            "para 213",
            "Friday (day 10)",
            ["Confirm judgements. Feedback (late AM). Travel (PM) QAM on site"],
        ),
        # The last row of para 15 stops at the footnotes under the table ("Footnote 4: A separate timeline …").
        (
            "para 15",
            "After the inspection (day 60)",
            [
                "Deadline for all inspectors to submit their notebooks and any other evidence documents to the "
                "Inspection and Management Support team for central storage. Evidence notebooks must be sent by "
                "recorded delivery. All evidence will be retained in line with Ofsted policy.",
                "The local authority submits their improvement plan to ProtectionOfChildren@ofsted.gov.uk within 70 "
                "working days of the report being published.",
            ],
        ),
    ],
)
def test_a_row_s_cells_run_to_the_next_row(by_ref, ref, label, cells):
    text = by_ref[ref].text
    timetable = read_timetable(text)
    row = next(row for row in timetable.rows if row.label == label)
    assert [text[start:end] for start, end in timetable.cells_of(text, row)] == cells


@pytest.mark.parametrize(
    ("text", "start", "stop", "lines"),
    [
        ("a\n  b  \n\nc", 0, 10, ["a", "b", "c"]),
        ("lead:\nOne.\nTwo.\nFootnote 1: x", 6, 16, ["One.", "Two."]),
        ("\n\n", 0, 2, []),
    ],
)
def test_line_spans(text, start, stop, lines):
    assert [text[a:b] for a, b in line_spans(text, start, stop)] == lines
