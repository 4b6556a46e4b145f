"""Words of a question the handbook never uses: a table of questions against a small vocabulary."""

from __future__ import annotations

import pytest

from retrieval.absent_words import absent_words, quoted_words
from retrieval.index import tokenize

HANDBOOK = (
    "Inspectors will deal with complaints about the inspection. The local authority is notified the day before "
    "fieldwork. Inspections will not normally be deferred. Post-monitoring inspections follow monitoring visits "
    "by Ofsted. Children missing from home or care, and domestic abuse, are reported on."
)
VOCABULARY = {t for t in tokenize([HANDBOOK])[0] if t}
SHORTHAND = {"kids": "children", "LA": "local authority", "toxic trio": "domestic abuse"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # rare words the handbook lacks, as written, in order, once each
        ("what is the mileage rate for inspectors?", ["mileage"]),
        ("what is the wifi password at the council?", ["wifi", "password"]),
        ("can an inspection be postponed?", ["postponed"]),
        ("what does Ofqual regulate? Is Ofqual like Ofsted?", ["Ofqual", "regulate"]),
        ("what about toxic trios?", ["toxic", "trios"]),  # not the shorthand, which is singular
        ("do we inspect the sixth-form?", ["sixth-form"]),
        # present by stem: another form of a handbook word ("dealt" is not a form of "deal" to the stemmer)
        ("how are complaints from the authority dealt with?", ["dealt"]),
        ("when is the LA notifying them? are monitored inspections deferred?", []),
        ("post-monitoring inspection", []),
        ("what does Ofsted's visit cover?", []),
        # shorthand the search expands, common words and stopwords are never absent
        ("what do we report about kids who go missing?", []),
        ("what do we report on the Toxic Trio?", []),
        ("how much does the LA tell us and how big is the team?", []),
        ("what is the problem with that?", []),
        ("", []),
        # refs are the citations' words, not the handbook's
        ("is para 171 or Annex A 3.06 about fostering?", ["fostering"]),
        ("paras 171-173", []),
    ],
)
def test_absent_words(question, expected):
    assert absent_words(question, VOCABULARY, SHORTHAND) == expected


def test_the_rarity_cut_is_a_setting():
    # "besides" (Zipf 4.6) is too common to count by default, and counts when the cut is higher.
    assert absent_words("who gets a copy besides the council?", VOCABULARY) == []
    assert absent_words("who gets a copy besides the council?", VOCABULARY, rare_zipf=5.0) == ["copy", "besides"]


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["wifi"], "the word “wifi”"),
        (["toxic", "trio"], "the words “toxic” or “trio”"),
        (["reset", "laptop", "password"], "the words “reset”, “laptop” or “password”"),
    ],
)
def test_quoted_words(words, text):
    assert quoted_words(words) == text
