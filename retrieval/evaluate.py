"""Retrieval evaluation on a JSONL file of questions with gold refs: hit@1, hit@5, MRR per mode."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from retrieval.errors import RetrievalError
from retrieval.search import Mode, Searcher


class EvalQuestion(BaseModel):
    model_config = ConfigDict(extra="allow")
    q: str
    gold: list[str]


class ModeScores(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mode: str
    questions: int
    hit_at_1: float
    hit_at_5: float
    mrr: float
    misses_at_5: list[str]


def load_questions(path: Path) -> list[EvalQuestion]:
    questions = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RetrievalError(f"cannot read evaluation file {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.model_validate_json(line))
        except ValidationError as exc:
            raise RetrievalError(
                f'{path}:{number}: each line must be JSON like {{"q": "...", "gold": ["para 12"]}}'
            ) from exc
    if not questions:
        raise RetrievalError(f"{path} holds no questions")
    return questions


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def matches(ref: str, gold: str) -> bool:
    """`para 12` matches that paragraph; `Annex A` any Annex A unit, `Annex A 2.07` that item;
    `M:<words>` any Annex M row (either version) whose name contains all those words."""
    if gold.startswith("M:"):
        if not ref.startswith("Annex M: "):
            return False
        return _words(gold[2:]) <= _words(ref[len("Annex M: ") :])
    if gold.startswith("Annex ") and len(gold) == len("Annex A"):
        return ref == gold or ref.startswith(gold + " ") or ref.startswith(gold + ":")
    return ref == gold


def first_hit_rank(refs: list[str], gold: list[str]) -> int | None:
    for rank, ref in enumerate(refs, 1):
        if any(matches(ref, g) for g in gold):
            return rank
    return None


def evaluate(searcher: Searcher, questions: list[EvalQuestion], modes: list[Mode], k: int = 10) -> list[ModeScores]:
    results = []
    for mode in modes:
        ranked = searcher.search_many([q.q for q in questions], k=k, mode=mode)
        hit1 = hit5 = 0
        rr = 0.0
        misses = []
        for question, hits in zip(questions, ranked, strict=True):
            rank = first_hit_rank([h.ref for h in hits], question.gold)
            if rank == 1:
                hit1 += 1
            if rank is not None and rank <= 5:
                hit5 += 1
            else:
                misses.append(question.q)
            rr += 1.0 / rank if rank else 0.0
        n = len(questions)
        results.append(
            ModeScores(
                mode=mode,
                questions=n,
                hit_at_1=round(hit1 / n, 3),
                hit_at_5=round(hit5 / n, 3),
                mrr=round(rr / n, 3),
                misses_at_5=misses,
            )
        )
    return results
