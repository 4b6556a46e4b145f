"""Words of a question that the handbook never uses.

Why: a question about something the handbook does not cover ("what is the mileage rate for inspectors?")
still has nearest passages, and an answer built from them reads as if the handbook answered it. A topic
word the handbook never uses is the plainest sign of that. Saying so is true whichever way the question
turns out: "can an inspection be postponed?" is answered in the handbook, which says "deferred", and the
inspector learns which word to look for. Common words ("much", "big", "problem") say
nothing about a question's topic, so only words rarer than `RARE_ZIPF` in general English count
(wordfreq's Zipf scale: 6 is "much", 4.5 "reply", 3.6 "mileage").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from wordfreq import zipf_frequency

from retrieval.index import tokenize
from retrieval.references import named_references, without_references
from retrieval.shorthand import without_shorthand

# Chosen on the project's 308 handbook questions and 30 questions the handbook does not cover
# (MEASUREMENTS.md, session 22): below it are "postponed" (3.7) and "wifi" (3.9); above it "besides" (4.6),
# "tiny" (4.6) and "problem" (5.4), which the handbook's questions use without changing their topic.
RARE_ZIPF = 4.5
# Words as written, with inner hyphens and apostrophes ("post-monitoring", "Ofsted's").
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def absent_words(
    question: str, vocabulary: Collection[str], shorthand: dict[str, str] | None = None, rare_zipf: float = RARE_ZIPF
) -> list[str]:
    """The question's rare words (as written, once each, in order) none of whose stems is in `vocabulary`
    (the index's BM25 vocabulary: the handbook's stemmed words). Stopwords, shorthand the search expands
    ("kids", "LA", "toxic trio"), refs ("para 171") and words common in general English are never absent."""
    # "para 171" and "Annex A 3.06" are the citations' words, not the handbook's; search expands shorthand
    # ("kids", "toxic trio") into the handbook's own words.
    own_words = without_shorthand(without_references(question, named_references(question)), shorthand or {})
    found: list[str] = []
    seen: set[str] = set()
    for match in _WORD.finditer(own_words):
        word = _POSSESSIVE.sub("", match.group(0))
        lower = word.lower()
        if lower in seen:
            continue
        seen.add(lower)
        stems = [t for t in tokenize([lower])[0] if t]
        if not stems or any(stem in vocabulary for stem in stems):
            continue
        if zipf_frequency(lower, "en") < rare_zipf:
            found.append(word)
    return found


def quoted_words(words: list[str]) -> str:
    """'the word “wifi”', 'the words “toxic” or “trio”': for telling the inspector what the handbook lacks."""
    quoted = [f"“{w}”" for w in words]
    if len(quoted) == 1:
        return f"the word {quoted[0]}"
    return f"the words {', '.join(quoted[:-1])} or {quoted[-1]}"
