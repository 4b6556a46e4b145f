"""Expand inspectors' shorthand (LA, CLA, B&B, "kids", "council"...) in queries."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from retrieval.corpus import default_corpus_dir

ABBREVIATIONS = "abbreviations.json"


@lru_cache(maxsize=4)
def load_expansions(corpus_dir: Path | None = None) -> dict[str, str]:
    path = (corpus_dir or default_corpus_dir()) / ABBREVIATIONS
    if not path.is_file():
        path = default_corpus_dir() / ABBREVIATIONS
    return dict(json.loads(path.read_text(encoding="utf-8"))["expansions"])


def _pattern(term: str) -> re.Pattern[str]:
    flags = 0 if any(c.isupper() for c in term) else re.IGNORECASE
    return re.compile(rf"(?<![\w&]){re.escape(term)}(?![\w&])", flags)


def expand_query(query: str, expansions: dict[str, str]) -> str:
    """Append the expansion of every shorthand term found; the original words stay in the query."""
    added: list[str] = []
    for term, meaning in expansions.items():
        if _pattern(term).search(query) and meaning.lower() not in query.lower() and meaning not in added:
            added.append(meaning)
    return f"{query} ({'; '.join(added)})" if added else query


def without_shorthand(query: str, expansions: dict[str, str]) -> str:
    """The query with every shorthand term taken out (the words it stands for are not the query's own)."""
    for term in expansions:
        query = _pattern(term).sub(" ", query)
    return query
