"""Cited answers: verbatim quotes, list handling, not-found behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from retrieval.answer import ABSENT, MAX_POINTS, UNCERTAIN, Answer, Answerer, _groups, _Point, sentence_spans
from retrieval.evaluate import load_questions, matches
from retrieval.named_days import days_asked, days_mentioned, only_days_asked, whole_weeks
from retrieval.spans import Span
from retrieval.timetable import Row, Timetable, read_timetable
from retrieval.units import Unit

DATA = Path(__file__).parent / "data"
# A timetable row's line: "- Week Four Thursday (day 19): …", "- Week Five Monday to Week Eight Tuesday
# (days 25–37): …".
_DAY_AND_WEEK_FILES = ("named_day_questions.txt", "whole_week_questions.txt", "several_weeks_questions.txt")
_ROW_LINE = re.compile(r"- [^:\n]*\(days? -?\d+(?:–\d+)?\): ")


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


def _point(
    ref: str,
    rank: int,
    score: float,
    doc: str = "sif-inspection-handbook",
    text: str = "Inspectors will meet the director.",
) -> _Point:
    unit = Unit(ref=ref, doc=doc, section="s", text=text, kind="para", order=rank)
    return _Point(unit, rank, Span(0, len(unit.text), None), score, frozenset({ref}))


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        # The best unit's sentence missed the cut and there is room: it is added.
        (["para 9", "para 8"], ["para 9", "para 8", "para 1"]),
        # No room: it takes the weakest place.
        (["para 9", "para 8", "para 7", "para 6", "para 5"], ["para 9", "para 8", "para 7", "para 6", "para 1"]),
        # Already cited: nothing changes.
        (["para 9", "para 1"], ["para 9", "para 1"]),
        # The other version of a same-named Annex M row counts as cited.
        (["para 9", "para 1*"], ["para 9", "para 1*"]),
    ],
)
def test_the_answer_keeps_search_s_best_unit(chosen, expected):
    ranks = {"para 1": 0, "para 1*": 3, "para 9": 1, "para 8": 2, "para 7": 4, "para 6": 5, "para 5": 6}
    by_ref = {
        ref: _point(ref.rstrip("*"), rank, 1.0 - rank / 10, "annex-m" if ref.endswith("*") else "sif")
        for ref, rank in ranks.items()
    }
    points = sorted(by_ref.values(), key=lambda p: -p.score)
    kept = Answerer._keep_best_unit(points, [by_ref[r] for r in chosen])
    assert [(p.unit.ref, p.unit.doc) for p in kept] == [
        (r.rstrip("*"), "annex-m" if r.endswith("*") else "sif") for r in expected
    ]


def test_an_answer_with_no_sentence_from_the_best_unit_is_left_alone():
    points = [_point("para 4", 1, 0.9)]
    assert Answerer._keep_best_unit(points, points) == points


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        # The best unit says what must be done: requirements first, as before.
        (
            [(1, "It is useful."), (0, "Inspectors must meet the DCS.")],
            [("What the handbook requires:", [0]), ("Related guidance:", [1])],
        ),
        # The best unit only describes: it opens the answer, and the requirements follow.
        (
            [
                (2, "Inspectors must read the file."),
                (0, "The panel’s role is not to change the judgements."),
                (1, "It meets."),
            ],
            [("What the handbook says:", [0, 1]), ("What the handbook requires:", [2])],
        ),
        # Within a group, the better-ranked unit first.
        (
            [(3, "They will visit."), (1, "They should ask.")],
            [("What the handbook requires:", [1, 3]), ("Related guidance:", [])],
        ),
        (
            [(2, "A note."), (1, "Another note.")],
            [("What the handbook says:", [1, 2]), ("What the handbook requires:", [])],
        ),
    ],
)
def test_the_group_holding_the_best_unit_comes_first(points, expected):
    chosen = [_point(f"para {rank + 1}", rank, 1.0, text=text) for rank, text in points]
    got = [(title, [p.unit_rank for p in group]) for title, group in _groups(chosen)]
    assert got == expected


@pytest.mark.parametrize(
    ("row_rank", "expected"),
    [
        # The timetable's unit ranks best: its rows open the answer, in the timetable's order.
        (0, ["From the inspection timetable:", "What the handbook requires:", "Related guidance:"]),
        (2, ["What the handbook requires:", "From the inspection timetable:", "Related guidance:"]),
        (4, ["What the handbook requires:", "Related guidance:", "From the inspection timetable:"]),
    ],
)
def test_a_timetable_s_rows_are_one_group_where_their_unit_ranks(row_rank, expected):
    text = "Week One\nMonday\n1\nTeam travels.\nWeek One\nTuesday\n2\nTeam arrives."
    unit = Unit(ref="para 15", doc="sif-inspection-handbook", section="s", text=text, kind="para", order=15)
    rows = [Row(0, 17, "Week One Monday (day 1)", (1, 1)), Row(32, 50, "Week One Tuesday (day 2)", (2, 2))]
    points = [_Point(unit, row_rank, Span(row.end, row.end + 12, None), 1.0, frozenset(), row=row) for row in rows]
    chosen = [_point("para 2", 1, 1.0, text="They must ask."), _point("para 4", 3, 1.0, text="A note."), *points[::-1]]
    groups = _groups(chosen)
    assert [title for title, _ in groups] == expected
    assert dict(groups)["From the inspection timetable:"] == points


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


def _lines(name: str) -> list[str]:
    return [line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _not_found(answer: Answer) -> bool:
    return answer.answer.startswith("I could not find an answer to this in the handbook.")


@pytest.mark.model
def test_a_question_in_words_the_handbook_never_uses_is_not_padded(real_retrieval):
    """Questions near the inspection that the handbook does not cover: 30 written to choose the rules, 60
    written before they were measured on them. With a passage cosine below 0.35 alone, 36 of the 90 were not
    answered; with the absent-word test as well, 54; with the sentence cosine in place of the passage's, 60
    (MEASUREMENTS.md, session 22)."""
    questions = _lines("offtopic_dev.txt") + _lines("offtopic_heldout.txt") + _lines("offtopic_heldout2.txt")
    answers = real_retrieval.answerer.answer_many(questions)
    refused = [a for a in answers if _not_found(a)]
    assert len(refused) >= 58, len(refused)
    wifi = real_retrieval.answerer.answer("what is the wifi password at the council offices?")
    assert _not_found(wifi) and "It does not use the words “wifi” or “password”." in wifi.answer
    assert wifi.citations == []


@pytest.mark.model
def test_an_answer_says_which_words_the_handbook_never_uses(real_retrieval):
    answer = real_retrieval.answerer.answer("what is the mileage rate for inspectors?")
    assert ABSENT.format(words="the word “mileage”") in answer.answer.split("\n")[:2]
    assert answer.citations  # still the closest passages, for the inspector to judge


@pytest.mark.model
def test_handbook_questions_in_other_words_are_still_answered(real_retrieval):
    """60 questions the handbook answers, written with the off-topic held-out sets. With the passage cosine,
    one was refused ("what do I do if a young person tells me they are being hurt?": the handbook says
    "harmed"); with the closest sentence's cosine, none."""
    answers = real_retrieval.answerer.answer_many(_lines("answerable_heldout.txt") + _lines("answerable_heldout2.txt"))
    assert [a.question for a in answers if _not_found(a)] == []


@pytest.fixture(scope="module")
def twelve_sets(real_retrieval, eval_questions):
    """The public set and the project's eleven sets (293 questions): gold refs, answers and search's top unit."""
    questions = [(q["q"], q["gold"]) for q in eval_questions]
    for name in ["retrieval_dev.jsonl"] + [f"retrieval_heldout{n}.jsonl" for n in ("", *range(2, 11))]:
        questions += [(q.q, q.gold) for q in load_questions(DATA / name)]
    answers = real_retrieval.answerer.answer_many([q for q, _ in questions])
    tops = real_retrieval.searcher.search_many([q for q, _ in questions], k=1)
    return [(gold, answer, top[0]) for (_, gold), answer, top in zip(questions, answers, tops, strict=True)]


@pytest.mark.model
def test_the_caution_marks_answers_that_lead_with_the_wrong_unit_more_often(twelve_sets):
    """The caution heads answers whose best unit fewer than three of the four rankers put first. Over the
    public set and the project's eleven sets (293 questions) it was on 103 answers, and those led with a
    gold unit 48% of the time against 88% for the rest (MEASUREMENTS.md, session 16)."""
    led_right = {True: [], False: []}
    for gold, answer, top in twelve_sets:
        cautious = answer.answer.startswith(UNCERTAIN + "\n")
        assert cautious or UNCERTAIN not in answer.answer
        led_right[cautious].append(any(matches(top.ref, g) for g in gold))
    share = len(led_right[True]) / len(twelve_sets)
    assert 0.1 <= share <= 0.4, f"the caution is on {share:.0%} of answers"
    right = {k: sum(v) / len(v) for k, v in led_right.items()}
    assert right[False] >= right[True] + 0.3, right


@pytest.mark.model
def test_every_answer_opens_with_the_best_unit_and_most_cite_a_gold_one(twelve_sets):
    """Before the best unit was kept, 4 of the 217 answers whose best unit was gold left it out, and 261
    of 293 answers cited a gold unit; now 265 (MEASUREMENTS.md, session 17). With requirements always
    listed first, a weaker unit's "must" sentence opened many answers (session 23)."""
    for _, answer, top in twelve_sets:
        assert answer.citations[0].ref == top.ref, answer.question
    cites_gold = sum(any(matches(c.ref, g) for c in answer.citations for g in gold) for gold, answer, _ in twelve_sets)
    assert cites_gold / len(twelve_sets) >= 0.88, cites_gold


@pytest.mark.model
def test_a_timetable_cell_says_when_it_happens(real_retrieval, twelve_sets):
    """A cell quoted from a timetable ("Regional Director signs off report.") is shown after its row's timing
    ("Week 10 Wednesday (day 48)"), which is quoted too. 28 of these 293 answers quote a timetable cell; before
    session 23 none said when."""
    units = {(u.doc, u.ref): u for u in real_retrieval.index.units}
    timed = 0
    for _, answer, _ in twelve_sets:
        for citation in answer.citations:
            text = units[(citation.doc, citation.ref)].text
            timetable = read_timetable(text)
            # A cell may repeat in other rows ("Preparation (off site)."): one of its places must be shown.
            places = [m.start() for m in re.finditer(re.escape(citation.quote), text)]
            rows = [row for row in (timetable.row_of(text, p) for p in places) if row is not None]
            if not rows:
                continue
            timed += 1
            quotes = [c.quote for c in answer.citations]
            assert any(f"- {row.label}: " in answer.answer and text[row.start : row.end] in quotes for row in rows)
            # A cell of one or two words ("QAM", "Inspection continues") says nothing alone (session 24).
            assert len(citation.quote.split()) >= 3, citation.quote
    assert timed >= 20, timed


@pytest.mark.model
def test_no_point_is_an_annex_m_row_s_name_alone(real_retrieval, twelve_sets):
    """An Annex M row's first line is its name, which the ref already shows. Before session 24, 23 of these
    answers had a point that was only that ("- Children at risk of or being sexually exploited (CSE) [Annex M:
    Children at risk of or being sexually exploited (CSE)]"), some of them as the whole answer about the row."""
    units = {(u.doc, u.ref): u for u in real_retrieval.index.units}
    rows_cited = 0
    for _, answer, _ in twelve_sets:
        for citation in answer.citations:
            unit = units[(citation.doc, citation.ref)]
            if unit.kind == "annex-m-row":
                rows_cited += 1
                assert citation.quote != unit.text.split("\n", 1)[0], answer.question
    assert rows_cited >= 50, rows_cited


@pytest.mark.model
def test_a_question_naming_a_day_is_shown_that_day_s_row_whole(real_retrieval):
    """38 questions naming a day ("what happens on the Tuesday of week four?"). The first 20 were written before
    the rows were matched to the day: before session 24, 12 answers showed the day's row, as one cell ("Week Four
    Thursday (day 19): QAM"), and 8 showed another day's row ("day 2" → "Week Four Tuesday (day 17): Inspection
    continues"). The last 18 were written in session 25 before the timetable was drawn on when search ranked it
    below the fifth unit: 13 showed the day's row, and 5 ("what happens on day 2?") no timetable row at all."""
    units = {u.ref: u for u in real_retrieval.index.units if u.doc == "sif-inspection-handbook"}
    rows = [line.split("|") for line in (DATA / "named_day_questions.txt").read_text().splitlines() if line]
    answers = real_retrieval.answerer.answer_many([question for question, _, _ in rows])
    several = 0
    for (question, ref, label), answer in zip(rows, answers, strict=True):
        timed = [line for line in answer.answer.splitlines() if line.endswith(f"[{ref}]") and "(day" in line]
        assert len(timed) == 1 and timed[0].startswith(f"- {label}: "), (question, timed)
        # The row's cells are shown in order, as many as fit (at least its first two when they are short).
        text = units[ref].text
        timetable = read_timetable(text)
        row = next(row for row in timetable.rows if row.label == label)
        cells = [text[start:end].removeprefix("- ").rstrip(".;") for start, end in timetable.cells_of(text, row)]
        shown = cells[:2] if len(cells) > 1 and len(cells[0]) + len(cells[1]) < 300 else cells[:1]
        assert all(cell in timed[0] for cell in shown), (timed[0], shown)
        several += len(shown) > 1
    assert several >= 15, several


def _timetable_questions(retrieval, name: str) -> tuple[Timetable, list[list[str]], list[Answer]]:
    """Para 15's timetable, and the questions of a data file ("question|ref|week") with their answers."""
    timetable = read_timetable(next(u for u in retrieval.index.units if u.ref == "para 15").text)
    rows = [line.split("|") for line in (DATA / name).read_text().splitlines() if line]
    return timetable, rows, retrieval.answerer.answer_many([row[0] for row in rows])


@pytest.mark.model
def test_a_question_about_a_whole_week_is_answered_by_its_rows_in_order(real_retrieval):
    """12 questions about a week as a whole ("what happens in week two?", "what is week 4 for?"), written in session
    25 before `whole_weeks`: none showed two of the week's rows, and two showed another week's ("week five" →
    "Week One Friday (day 5)"). Now each shows the week's rows of para 15 in order, and nothing else."""
    timetable, rows, answers = _timetable_questions(real_retrieval, "whole_week_questions.txt")
    for (question, ref, week), answer in zip(rows, answers, strict=True):
        points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        expected = [row.label for row in timetable.rows_on(whole_weeks(question))]
        assert len(expected) >= 3 and all(week + " " in label + " " for label in expected), (question, expected)
        assert [line[2:].split(": ", 1)[0] for line in points] == expected[:MAX_POINTS], (question, points)
        assert all(line.endswith(f"[{ref}]") for line in points), (question, points)


@pytest.mark.model
def test_a_question_about_several_weeks_is_answered_by_all_their_rows_in_order(real_retrieval):
    """10 questions about several weeks ("what happens in weeks three and four?", "the first two weeks"), written in
    session 26 before `weeks_asked` read them: none showed the rows of the weeks named, and four showed a row of
    another week. Now each shows every row of para 15 on those weeks, in order, and nothing else."""
    timetable, rows, answers = _timetable_questions(real_retrieval, "several_weeks_questions.txt")
    for (question, ref, weeks), answer in zip(rows, answers, strict=True):
        points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        named = frozenset().union(*(whole_weeks(f"what happens in {week}?") for week in weeks.split(",")))
        assert whole_weeks(question) == named, question
        expected = [row.label for row in timetable.rows_on(named)]
        assert len(expected) >= 3, (question, expected)
        assert [line[2:].split(": ", 1)[0] for line in points] == expected, (question, points)
        assert all(line.endswith(f"[{ref}]") for line in points), (question, points)


@pytest.mark.model
def test_an_answer_of_one_timetable_s_rows_is_not_marked_less_certain(real_retrieval):
    """An answer that is only one timetable's rows for the days asked is what was asked: 45 of the 60 day and week
    questions carried "Less certain" before session 26, because the rankers put another section first. An answer
    with anything else in it keeps the caution ("on a re-inspection, what happens on day 9?" shows both
    timetables' rows and para 214)."""
    rows = [line.split("|") for name in _DAY_AND_WEEK_FILES for line in (DATA / name).read_text().splitlines() if line]
    answers = real_retrieval.answerer.answer_many([question for question, _, _ in rows])
    rows_only = 0
    for (question, ref, _), answer in zip(rows, answers, strict=True):
        points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        if all(re.match(r"- [^:]*\(days? [\d–]+\): ", line) and line.endswith(f"[{ref}]") for line in points):
            rows_only += 1
            assert UNCERTAIN not in answer.answer, question
    assert rows_only >= 30, rows_only
    mixed = real_retrieval.answerer.answer("on a re-inspection, what happens on day 9?")
    assert {c.ref for c in mixed.citations} >= {"para 15", "para 213"}


@pytest.mark.model
def test_a_day_or_week_answer_has_no_point_about_other_days(real_retrieval):
    """ "what happens in week three on Tuesday?" was answered with "Week Two (end of Tuesday)" [Annex A] and "on
    the Monday of Week Three" [para 41]: 13 of the 60 day and week questions showed a sentence naming only other
    days before session 26. Every point now names none, or one of the days asked."""
    questions = [
        line.split("|")[0] for name in _DAY_AND_WEEK_FILES for line in (DATA / name).read_text().splitlines() if line
    ]
    for question, answer in zip(questions, real_retrieval.answerer.answer_many(questions), strict=True):
        asked = days_asked(question)
        for line in answer.answer.splitlines():
            if line.startswith("- ") and not _ROW_LINE.match(line):
                mentioned = days_mentioned(line.rsplit(" [", 1)[0])
                assert not mentioned or mentioned & asked, (question, line)


@pytest.mark.model
def test_a_question_only_about_days_is_answered_by_what_the_handbook_says_of_them(real_retrieval):
    """ "what happens on day 19?" was answered with para 36's "On-site inspection activity will not normally continue
    after 6pm on Thursday" beside the day's row. A question that asks only what happens on the days it names (31 of
    the first 38 day questions) is answered by their rows and by sentences that name one of those days. On 15 day
    questions written after the rule (the last 15 of the file), session 25's code showed a sentence on other days in
    5 answers and "Less certain" on 12; this code in 0 and 2, each with the day's row, as before."""
    questions = [line.split("|")[0] for line in (DATA / "named_day_questions.txt").read_text().splitlines() if line]
    questions = [q for q in questions if only_days_asked(q)]
    assert len(questions) >= 25
    for question, answer in zip(questions, real_retrieval.answerer.answer_many(questions), strict=True):
        points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        assert any(_ROW_LINE.match(line) for line in points), question
        for line in points:
            assert _ROW_LINE.match(line) or days_mentioned(line.rsplit(" [", 1)[0]) & days_asked(question), line


@pytest.mark.model
def test_days_no_timetable_reaches_are_said_to_be_outside_it(real_retrieval):
    """ "what happens in week 20?" was answered with para 15's footnote 7 and an Annex A heading, chosen by their
    words. A question only about days no timetable holds is told which days the timetables cover; a day they
    hold, or a question that asks something else, is answered as before."""
    outside = [
        "what happens in week 20?",
        "what happens on day 75?",
        "what is day 100 for?",
        "what happens in weeks 14 and 15?",
        "what happens on the Monday of week 30?",
    ]
    for answer in real_retrieval.answerer.answer_many(outside):
        assert answer.answer.startswith("The handbook's timetables do not reach the days asked about: para 15 runs")
        assert "para 213 runs" in answer.answer and answer.citations == [], answer.answer
    inside = real_retrieval.answerer.answer("what happens on day 60?")
    assert "From the inspection timetable:" in inside.answer and "(day 60)" in inside.answer


@pytest.mark.model
def test_a_question_about_something_in_a_week_is_not_answered_by_the_week_s_rows(real_retrieval):
    """Asking about something in a week ("how many cases does the LA audit in week two?") is left to its words."""
    answer = real_retrieval.answerer.answer("how many cases does the LA audit in week two?")
    assert "From the inspection timetable:" not in answer.answer
    assert any(c.ref in {"para 37", "para 38"} for c in answer.citations), answer.answer


@pytest.mark.model
def test_no_point_is_a_lead_in_left_without_its_list(twelve_sets):
    """A lead-in ("Inspectors should take account of the following when compiling their evidence notebooks:")
    whose items open with a capital is not read as a list by sentence_spans. Before session 24 21 points over the
    324 questions were such a lead-in alone; now the lines after it are shown as its items."""
    lead_ins = 0
    for _, answer, _ in twelve_sets:
        for line in answer.answer.splitlines():
            if line.startswith("- "):
                assert not re.search(r":\s*\[[^\]]*\]$", line), line
                lead_ins += bool(re.search(r":\s+\S", line.split(" [")[0]))
    assert lead_ins >= 50, lead_ins
