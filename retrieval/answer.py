"""Extractive cited answers: the best units' most relevant sentences, each quoted verbatim with its ref.

No language model is involved: every sentence of an answer is copied from the handbook, and every
citation's `quote` is an exact substring of the cited unit's text (checked before returning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import faiss
import numpy as np
from pydantic import BaseModel, ConfigDict

from retrieval.absent_words import quoted_words
from retrieval.cleaning import FOOTNOTE_LINE
from retrieval.fusion import first_choice_agreement, top_k
from retrieval.index import tokenize
from retrieval.named_days import days_mentioned, read_days
from retrieval.search import Searcher, validate_query
from retrieval.shorthand import expand_query
from retrieval.spans import Span, in_context, line_spans, sentence_spans
from retrieval.timetable import Row, Timetable, in_context_timed, read_timetable
from retrieval.units import Unit

# Below this cosine between the question and the handbook's closest sentence, the handbook has nothing on the
# question. The closest sentence separates better than the closest passage: on 354 handbook questions and 60
# near the inspection that it does not cover, a passage cosine below 0.35 refused 1 and 27, a sentence cosine
# below 0.45 none and 37; on 60 fresh questions, written after it was chosen, 13 of 30 off-topic against 17, and
# no handbook question either way (MEASUREMENTS.md, session 22). Questions near the inspection still score
# up to 0.70, which is why a second test follows.
NOT_FOUND_COSINE = 0.45
# A question with words the handbook never uses (absent_words.py) is not answered below this best-passage
# cosine when fewer than AGREEING_RANKERS rankers agree on its best unit. The 10 of the 308 handbook
# questions with such words scored 0.49 or more; 14 of 30 questions the handbook does not cover ("what is
# the wifi password at the council offices?") had such words and scored 0.35–0.5.
UNCOVERED_COSINE = 0.5
UNITS_CONSIDERED = 5
MAX_POINTS = 5
MAX_POINTS_PER_UNIT = 1
# A lead-in line ("... should always be asked about:") is answered with its list, up to this many items.
MAX_LIST_ITEMS = 8
# Lines shown together (a timetable row for a question naming its day; a list whose items open with a capital)
# are the ones that fit in this many characters, at least one and at most MAX_LIST_ITEMS, then "…": day 2's row
# runs to 1,700 characters.
MAX_BLOCK_CHARS = 400
# A point must score at least this share of the best point to be worth including.
RELATIVE_FLOOR = 0.75
LEXICAL_WEIGHT = 0.3
NEAR_DUPLICATE = 0.8
# When no majority of hybrid's four rankers puts the best unit first (fewer than three), the answer says so.
# A ranker that puts the other version of a same-named Annex M row first agrees. On the twelve question sets
# (293 questions) the best unit was right 96% of the time when all four agreed, 78% with three, 60% with two
# and 26% with one or none: 48% of the cautioned answers against 88% of the rest
# (MEASUREMENTS.md, session 16). With three rankers a majority was two, chosen in session 15.
AGREEING_RANKERS = 3
UNCERTAIN = (
    "Less certain: the ways of searching the handbook disagree on the best section, so check that these "
    "sources answer your question."
)
ABSENT = "The handbook does not use {words}: it may not cover this, or may put it in other words."
# A question only about days or weeks that no timetable reaches ("what happens in week 20?").
NO_SUCH_DAY = "The handbook's timetables do not reach the days asked about: {spans}."
# A question that names units ("para 171", "Annex A 3.06") reads at most this many of them, and this many
# sentences of each.
MAX_NAMED_READ = 3
MAX_NAMED_SENTENCES = 5
_OBLIGATION = re.compile(
    r"\b(must|should|will|are required|is required|need to|needs to|expected to|responsible for)\b", re.I
)


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ref: str
    doc: str
    quote: str


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str
    answer: str
    citations: list[Citation]


def _content_terms(text: str) -> set[str]:
    return {t for t in tokenize([text])[0] if t}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


@dataclass
class _Point:
    unit: Unit
    unit_rank: int
    span: Span
    score: float
    terms: frozenset[str]  # content terms of the sentence read with its lead-in
    row: Row | None = None  # a whole timetable row, for a question that names its day; span: its cells
    days: frozenset[int] = frozenset()  # the inspection days the sentence names, for a question about days

    @property
    def quote(self) -> str:
        return self.unit.text[self.span.start : self.span.end]

    @property
    def lead_quote(self) -> str | None:
        if self.span.lead_in is None:
            return None
        start, end = self.span.lead_in
        return self.unit.text[start:end]


def _render(point: _Point) -> tuple[str, list[str]]:
    """The answer line for a point and the verbatim quotes behind it; a timetable cell says when it happens."""
    if point.row is not None:
        return _render_row(point, point.row)
    line, quotes = _render_sentence(point)
    row = _timetable(point.unit.text).row_of(point.unit.text, point.span.start)
    if row is None:
        return line, quotes
    return f"{row.label}: {line}", [point.unit.text[row.start : row.end], *quotes]


@lru_cache(maxsize=8)
def _timetable(text: str) -> Timetable:
    return read_timetable(text)


def _render_row(point: _Point, row: Row) -> tuple[str, list[str]]:
    """A timetable row whole: its timing, then its cells ("…; Final KIT (Lead Inspector, QAM, and DCS)")."""
    text = point.unit.text
    shown, (start, end) = _block(text, _timetable(text).cells_of(text, row))
    return f"{row.label}: {shown}", [text[row.start : row.end], text[start:end]]


def _block(text: str, lines: list[tuple[int, int]]) -> tuple[str, tuple[int, int]]:
    """Lines shown one after another ("a; b; c …"), as many as fit, and where the text holding them starts and
    ends (one verbatim quote)."""
    shown = lines[:1]
    for line in lines[1:MAX_LIST_ITEMS]:
        if line[1] - shown[0][0] > MAX_BLOCK_CHARS:
            break
        shown.append(line)
    items = ""
    for start, end in shown:
        line = text[start:end].removeprefix("- ")
        # A line that introduces a list ("Lead inspector receives:") runs on into its items.
        items += line + " " if line.endswith(":") else line.rstrip(".;") + "; "
    more = " …" if len(lines) > len(shown) else ""
    return items.rstrip("; ") + more, (shown[0][0], shown[-1][1])


def _lines_after(text: str, position: int) -> list[tuple[int, int]]:
    """The unit's lines after the one holding `position`, up to its footnotes."""
    start = text.find("\n", position)
    if start == -1:
        return []
    footnote = FOOTNOTE_LINE.search(text, start)
    return line_spans(text, start + 1, footnote.start() if footnote else len(text))


def _render_sentence(point: _Point) -> tuple[str, list[str]]:
    text = point.unit.text
    if point.quote.rstrip().endswith(":"):
        items = [
            s
            for s in sentence_spans(text)
            if s.lead_in is not None and s.lead_in[0] <= point.span.start < s.lead_in[1] + 1
        ][:MAX_LIST_ITEMS]
        if items:
            # One contiguous quote: the lead-in and its list exactly as printed.
            block = text[point.span.start : items[-1].end]
            shown = "; ".join(text[s.start : s.end].rstrip(".;") for s in items)
            return f"{point.quote} {shown}", [block]
        # A list whose items open with a capital ("Evidence should be clear, …") is not read as one by
        # sentence_spans; the lines after the lead-in are its items all the same.
        following = _lines_after(text, point.span.end)
        if following:
            shown, (_, end) = _block(text, following)
            return f"{point.quote} {shown}", [text[point.span.start : end]]
    lead = point.lead_quote
    if lead:
        return f"{lead} … {point.quote}", [lead, point.quote]
    return point.quote, [point.quote]


def _groups(chosen: list[_Point]) -> list[tuple[str, list[_Point]]]:
    """What the handbook requires and what else it says, each with its best source first. The group
    holding search's best unit comes first, so the answer opens with it: with requirements always first,
    a weaker unit's "must" sentence opened 56 of the 239 answers whose best unit was gold, over 324
    questions (MEASUREMENTS.md, session 23)."""
    rows = sorted((p for p in chosen if p.row is not None), key=_reading_order)
    rest = [p for p in chosen if p.row is None]
    must = sorted((p for p in rest if _OBLIGATION.search(p.lead_quote or p.quote)), key=_reading_order)
    context = sorted((p for p in rest if p not in must), key=_reading_order)
    if context and (not must or context[0].unit_rank < must[0].unit_rank):
        groups = [("What the handbook says:", context), ("What the handbook requires:", must)]
    else:
        groups = [("What the handbook requires:", must), ("Related guidance:", context)]
    if not rows:
        return groups
    # A timetable's rows for the days asked about are read together, in the timetable's order, where their unit ranks.
    shown = [(title, group) for title, group in groups if group]
    place = sum(1 for _, group in shown if group[0].unit_rank < rows[0].unit_rank)
    return [*shown[:place], ("From the inspection timetable:", rows), *shown[place:]]


def _week_rows(points: list[_Point], weeks: int) -> list[_Point]:
    """A question about a week as a whole ("what happens in week two?") is answered by the week's rows of the best
    timetable, in its order, and nothing else: other units' sentences that mention the week ("During Week Two,
    the local authority will audit …") broke the week's days up (MEASUREMENTS.md, session 25). A question about
    several weeks ("weeks three and four") gets the budget of one answer for each."""
    rows = [p for p in points if p.row is not None]
    best = min((p.unit_rank for p in rows), default=None)
    return sorted((p for p in rows if p.unit_rank == best), key=_reading_order)[: MAX_POINTS * weeks]


def _reading_order(point: _Point) -> tuple[int, int]:
    return point.unit_rank, point.span.start


def _row_name(unit: Unit) -> str | None:
    """An Annex M row's name, its first line. It echoes the ref and says nothing the citation does not, so it is
    never a point: "what evidence do I need on CSE?" was answered with the CSE row's name alone."""
    return unit.ref.split(": ", 1)[1] if unit.kind == "annex-m-row" else None


def _closest(vectors: faiss.Index, vector: np.ndarray) -> float:
    """The cosine of the stored vector (a passage's or a sentence's, base model) closest to a question's."""
    if vectors.ntotal == 0:
        return -1.0
    sims, _ = vectors.search(np.ascontiguousarray(vector[None, :], dtype=np.float32), 1)
    return float(sims[0, 0])


class Answerer:
    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.index = searcher.index
        # The two versions of an Annex M row that keep its name share a ref: a ranker that puts the other
        # version first agrees on the section the inspector will read.
        self._same_ref = np.unique([u.ref for u in self.index.units], return_inverse=True)[1]
        # The closest sentence is looked up with faiss, not a numpy product: a BLAS product this size leaves
        # OpenBLAS's threads spinning against the model's on the next question (warm ask 30 → 65 ms, measured).
        self._sentences = faiss.IndexFlatIP(self.index.sentence_vectors.shape[1])
        self._sentences.add(np.ascontiguousarray(self.index.sentence_vectors, dtype=np.float32))

    def answer(self, question: str) -> Answer:
        return self.answer_many([question])[0]

    def answer_many(self, questions: list[str]) -> list[Answer]:
        questions = [validate_query(q) for q in questions]
        ranking, base, tokens = self.searcher.encode_hybrid(questions)
        late = self.searcher.token_scores(tokens)
        return [self._answer(q, r, b, t) for q, r, b, t in zip(questions, ranking, base, late, strict=True)]

    def _answer(self, question: str, ranking_vector: np.ndarray, vector: np.ndarray, late: np.ndarray) -> Answer:
        rankings = self.searcher.ranker_scores(question, ranking_vector, late)
        unit_scores = self.searcher.fuse_rankings(question, rankings)
        named = self.searcher.named_units(question, unit_scores)
        if named.units or named.unknown:
            asked = _content_terms(named.asked) if named.asked else set()
            return self._read_named(question, named.units, named.unknown, asked, vector)
        # The base model's cosine decides "not in the handbook" and picks sentences: the adapted query
        # encoder ranks better but separates off-topic questions less well (adaptation.py).
        ranked = [int(i) for i in top_k(unit_scores, UNITS_CONSIDERED) if unit_scores[i] > 0]
        about_days = read_days(question)
        days, weeks, only_days = about_days.days, about_days.weeks, about_days.only_days
        ranked = self.searcher.with_timetable(ranked, unit_scores, days, UNITS_CONSIDERED)
        if only_days and not self.searcher.timetables_having(days):
            return self._no_such_day(question)
        absent = self.searcher.absent_words(question)
        if not ranked or _closest(self._sentences, vector) < NOT_FOUND_COSINE:
            return self._not_found(question, ranked, absent)
        uncertain = first_choice_agreement(rankings, ranked[0], self._same_ref) < AGREEING_RANKERS
        if absent and uncertain and _closest(self.index.dense, vector) < UNCOVERED_COSINE:
            return self._not_found(question, ranked, absent)
        points = self._score_sentences(question, vector, ranked, days)
        if weeks:
            chosen = _week_rows(points, len(weeks))
        elif only_days:
            # "what happens on day 19?": the day's rows, and what else the handbook says of that day; a sentence
            # that names no day ("On-site inspection activity will not normally continue after 6pm on Thursday"
            # for day 19) was most of what else these answers held.
            chosen = self._select([p for p in points if p.row is not None or p.days & days])
        else:
            chosen = []
        chosen = chosen or self._select(points)
        if not chosen:
            return self._not_found(question, ranked, absent)
        # An answer that is one timetable's rows for the days asked, and nothing else, is what was asked, whichever
        # section the rankers put first: "Less certain" there was noise (45 of 60 day and week questions showed it).
        if all(p.row is not None for p in chosen) and len({p.unit_rank for p in chosen}) == 1:
            uncertain = False
        return self._compose(question, chosen, uncertain=uncertain, absent=absent)

    def _score_sentences(
        self, question: str, vector: np.ndarray, ranked: list[int], days: frozenset[int]
    ) -> list[_Point]:
        """Every candidate point of the units considered; for the days a question asks about (`days`), the
        timetable's rows for them stand for their unit (`_row_points`)."""
        query_terms = _content_terms(expand_query(question, self.searcher.expansions))
        points: list[_Point] = []
        ref_rank: dict[str, int] = {}
        for unit_index in ranked:
            unit = self.index.units[unit_index]
            # Both versions of an Annex M row share a ref, and the better-ranked one's place.
            rank = ref_rank.setdefault(unit.ref, len(ref_rank))
            # Sentence vectors were computed when the index was built: answering encodes only the question.
            spans, vectors = self.index.unit_sentences(unit_index)
            if not spans:
                continue
            timetable = _timetable(unit.text)
            plain_texts = in_context(unit.text, spans)
            context_texts = timetable.timed(unit.text, spans, plain_texts)
            sims = vectors @ vector
            title = _row_name(unit)
            unit_points: list[_Point] = []
            for span, text, plain, sim in zip(spans, context_texts, plain_texts, sims, strict=True):
                # A timetable's timing cells ("Week Three Thursday") are read with the cells they time, and a cell
                # too short to say anything ("QAM", who is there) is no point even with its row's timing.
                if len(plain.split()) < 3 or timetable.in_header(span.start) or text == title:
                    continue
                terms = _content_terms(text)
                overlap = len(terms & query_terms) / len(query_terms) if query_terms else 0.0
                # Higher-ranked units get a small edge so the answer leads with the best source.
                score = float(sim) + LEXICAL_WEIGHT * overlap + 0.02 * (UNITS_CONSIDERED - rank)
                mentioned = days_mentioned(text) if days else frozenset()
                unit_points.append(_Point(unit, rank, span, score, frozenset(terms), days=mentioned))
            rows = timetable.rows_on(days) if days and unit_points else []
            if rows:
                points.extend(self._row_points(unit_points, rows, timetable))
            else:
                # "Week Two (end of Tuesday)" answers no question about the Tuesday of week three: a sentence that
                # names only other days than those asked, read with its row's timing, is no point (13 of 60 day
                # and week answers showed one). It still places its unit's rows (above).
                points.extend(p for p in unit_points if not p.days or p.days & days)
        return points

    @staticmethod
    def _row_points(unit_points: list[_Point], rows: list[Row], timetable: Timetable) -> list[_Point]:
        """For a question that names a day ("the Wednesday of week four", "day 39"), the timetable's rows for that
        day stand for their unit, whole, where its best sentence would: another row, or one cell of the row
        ("QAM"), answers a different question (MEASUREMENTS.md, session 24)."""
        best = max(unit_points, key=lambda p: p.score)
        out = []
        for row in rows:
            cells = timetable.cells_of(best.unit.text, row)
            if not cells:
                continue
            terms = frozenset().union(*(p.terms for p in unit_points if cells[0][0] <= p.span.start < cells[-1][1]))
            span = Span(cells[0][0], cells[-1][1], None)
            out.append(_Point(best.unit, best.unit_rank, span, best.score, terms, row=row))
        return out or unit_points

    def _select(self, points: list[_Point]) -> list[_Point]:
        if not points:
            return []
        points.sort(key=lambda p: -p.score)
        floor = points[0].score * RELATIVE_FLOOR
        chosen: list[_Point] = []
        chosen_terms: list[set[str]] = []
        per_ref: dict[str, int] = {}
        for point in points:
            if point.score < floor or len(chosen) >= MAX_POINTS:
                break
            # Both versions of Annex M say much the same thing: one ref, one budget, no near-repeats.
            terms = set(point.terms)
            # A timetable's rows for the days asked about are one answer, however many they are.
            limit = MAX_POINTS if point.row is not None else MAX_POINTS_PER_UNIT
            if per_ref.get(point.unit.ref, 0) >= limit or any(
                _jaccard(terms, other) >= NEAR_DUPLICATE for other in chosen_terms
            ):
                continue
            per_ref[point.unit.ref] = per_ref.get(point.unit.ref, 0) + 1
            chosen.append(point)
            chosen_terms.append(terms)
        return self._keep_best_unit(points, chosen)

    @staticmethod
    def _keep_best_unit(points: list[_Point], chosen: list[_Point]) -> list[_Point]:
        """The answer always cites search's best unit. Its first place is more often right than any one
        sentence's score (MEASUREMENTS.md, session 17: the best unit was gold for 217 of 293 questions and
        4 of those answers left it out), so its best sentence takes the weakest place if none made the cut."""
        best = next((p for p in points if p.unit_rank == 0), None)  # points are sorted, best first
        if best is None or any(p.unit.ref == best.unit.ref for p in chosen):
            return chosen
        kept = chosen[: MAX_POINTS - 1]
        return [*kept, best]

    def _compose(
        self, question: str, chosen: list[_Point], uncertain: bool = False, absent: list[str] | None = None
    ) -> Answer:
        lines: list[str] = [UNCERTAIN] if uncertain else []
        if absent:
            lines.append(ABSENT.format(words=quoted_words(absent)))
        citations: list[Citation] = []
        for title, group in _groups(chosen):
            if not group:
                continue
            lines.append(title)
            for point in group:
                text, quotes = _render(point)
                lines.append(f"- {text} [{point.unit.ref}]")
                citations.extend(Citation(ref=point.unit.ref, doc=point.unit.doc, quote=q) for q in quotes)
        return self._verified(question, lines, citations)

    def _verified(self, question: str, lines: list[str], citations: list[Citation]) -> Answer:
        """The answer, each citation once, every quote checked to be verbatim from its unit."""
        unique: list[Citation] = []
        for citation in citations:
            if citation not in unique:
                unique.append(citation)
        self._verify(unique)
        return Answer(question=question, answer="\n".join(lines), citations=unique)

    def _verify(self, citations: list[Citation]) -> None:
        by_key = {u.key: u for u in self.index.units}
        for citation in citations:
            unit = by_key[(citation.doc, citation.ref)]
            if citation.quote not in unit.text:  # a bug, never a user error: fail loudly
                raise AssertionError(f"quote is not verbatim from {citation.ref}")

    def _read_named(
        self, question: str, named: list[int], unknown: list[str], asked: set[str], vector: np.ndarray
    ) -> Answer:
        """A question about units it names by their ref (`Searcher.named_units` decides which: "what does para
        160 say?", "para 171 on missing children") is answered from those units only: their opening sentences in
        the handbook's order, or, when it asks something of them (`asked`: its other content words), their
        sentences most relevant to it, in order. Named refs the handbook does not have are said to be missing
        rather than answered from elsewhere."""
        units: list[int] = []
        for unit_index in named:  # both versions of a ref the two documents share: the first is read
            if all(self.index.units[u].ref != self.index.units[unit_index].ref for u in units):
                units.append(unit_index)
        lines: list[str] = []
        citations: list[Citation] = []
        for unit_index in units[:MAX_NAMED_READ]:
            unit = self.index.units[unit_index]
            spans, vectors = self.index.unit_sentences(unit_index)
            points, truncated = self._named_points(unit_index, spans, vectors @ vector if asked else None, asked)
            lines.append(f"{unit.ref} ({unit.section.split(' › ')[-1]}):")
            for point in points:
                text, quotes = _render(point)
                lines.append(f"- {text} [{unit.ref}]")
                citations.extend(Citation(ref=unit.ref, doc=unit.doc, quote=q) for q in quotes)
            if truncated:
                lines.append(f"- … {unit.ref} goes on: read it whole in the handbook.")
        if len(units) > MAX_NAMED_READ:
            rest = ", ".join(self.index.units[u].ref for u in units[MAX_NAMED_READ:])
            lines.append(f"Also named, not read here: {rest}. Ask for each.")
        if unknown:
            lines.append(f"The handbook has no {' or '.join(unknown)}: {self._reference_range()}.")
        return self._verified(question, lines, citations)

    def _named_points(
        self, unit_index: int, spans: list[Span], sims: np.ndarray | None, asked: set[str]
    ) -> tuple[list[_Point], bool]:
        """The sentences to read from a named unit, in order, and whether the unit says more than they do."""
        unit = self.index.units[unit_index]
        timetable = _timetable(unit.text)
        points = [
            _Point(unit, 0, span, 0.0, frozenset(_content_terms(text)))
            for span, text in zip(spans, in_context_timed(unit.text, spans, timetable), strict=True)
        ]
        if sims is None:
            # Read in order; a list's items are read with their lead-in, and a table's header cells not at all.
            opening = [
                p
                for p in points
                if p.span.lead_in is None and len(p.quote.split()) >= 3 and not timetable.in_header(p.span.start)
            ]
            return opening[:MAX_NAMED_SENTENCES], len(opening) > MAX_NAMED_SENTENCES
        for point, sim in zip(points, sims, strict=True):
            point.score = float(sim) + LEXICAL_WEIGHT * len(point.terms & asked) / len(asked)
        best = sorted(points, key=lambda p: -p.score)[:MAX_NAMED_SENTENCES]
        floor = best[0].score * RELATIVE_FLOOR if best else 0.0
        return sorted((p for p in best if p.score >= floor), key=lambda p: p.span.start), False

    def _reference_range(self) -> str:
        numbers = [int(u.ref.split()[1]) for u in self.index.units if re.fullmatch(r"para \d+", u.ref)]
        letters = sorted({u.ref.split()[1][0] for u in self.index.units if u.ref.startswith("Annex ")})
        paragraphs = f"its numbered paragraphs run from {min(numbers)} to {max(numbers)}"
        return f"{paragraphs} and its annexes from {letters[0]} to {letters[-1]}"

    def _no_such_day(self, question: str) -> Answer:
        """ "what happens in week 20?" was answered with a footnote and an Annex A heading, chosen by their words;
        the handbook says nothing of week 20, and says which days its timetables cover."""
        spans = []
        for unit_index, table in sorted(self.searcher.timetables.items()):
            days = [day for row in table.rows if row.days is not None for day in row.days]
            spans.append(f"{self.index.units[unit_index].ref} runs from day {min(days)} to day {max(days)}")
        return Answer(question=question, answer=NO_SUCH_DAY.format(spans="; ".join(spans)), citations=[])

    def _not_found(self, question: str, ranked: list[int], absent: list[str] | None = None) -> Answer:
        closest = [self.index.units[i] for i in ranked[:3]]
        text = "I could not find an answer to this in the handbook."
        if absent:
            text += f" It does not use {quoted_words(absent)}."
        if closest:
            sections = "; ".join(f"{u.ref} ({u.section.split(' › ')[-1]})" for u in closest)
            text += f" The closest sections are: {sections}."
        return Answer(question=question, answer=text, citations=[])
