"""Variant sections (the re-inspection of an inadequate authority) rank lower unless a question names them."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.errors import CorpusError
from retrieval.search import Searcher
from retrieval.variants import VARIANT_SECTIONS, demote_unnamed_variants, load_variant_sections

SECTION_4 = "Section 4. re-inspection of inadequate local authorities"


def brute_force(scores, query, sections, weight):
    out = list(scores)
    words = [w.strip("?.,!'\"") for w in query.lower().split()]
    for cues, mask in sections:
        if not any(w.startswith(c) for c in cues for w in words):
            out = [s * weight if m else s for s, m in zip(out, mask, strict=True)]
    return out


@pytest.mark.parametrize(
    "query",
    [
        "how many preparation days does the lead inspector get?",
        "notice before a RE-INSPECTION",
        "post-monitoring visits",
        "what is in the pre-inspection briefing?",
    ],
)
def test_demotion_matches_a_brute_force_loop_and_leaves_the_input_alone(query):
    rng = np.random.default_rng(7)
    scores = rng.random(12)
    before = scores.copy()
    sections = [(["re-inspect", "post-monitoring"], rng.random(12) > 0.5), (["annex"], rng.random(12) > 0.7)]
    got = demote_unnamed_variants(scores, query, sections, 0.7)
    assert np.allclose(got, brute_force(before, query, sections, 0.7))
    assert np.array_equal(scores, before)


def test_a_cue_starts_a_word():
    mask = np.array([True, False])
    scores = np.array([1.0, 1.0])
    sections = [(["re-inspect"], mask)]
    assert demote_unnamed_variants(scores, "the pre-inspection briefing", sections, 0.5).tolist() == [0.5, 1.0]
    assert demote_unnamed_variants(scores, "before the re-inspection", sections, 0.5).tolist() == [1.0, 1.0]


def test_the_bundled_corpus_declares_section_4_with_its_cues():
    variants = load_variant_sections()
    assert 0 < variants.weight < 1
    assert [v.section for v in variants.sections] == [SECTION_4]
    assert {"re-inspect", "inadequate", "monitoring"} <= set(variants.sections[0].cues)


def test_hybrid_search_demotes_section_4_only_when_the_question_does_not_name_it(fake_retrieval):
    searcher = fake_retrieval.searcher
    plain_searcher = Searcher(searcher.index, searcher.embedder, searcher.expansions)
    mask = np.array([u.section.startswith(SECTION_4) for u in searcher.index.units])
    assert mask.sum() == 20, "the handbook's section 4 is parsed into 20 units"
    weight = load_variant_sections().weight
    unnamed = "how many planning days does the lead inspector have before fieldwork?"
    named = "how many planning days before the re-inspection fieldwork?"
    raw = plain_searcher.unit_scores(unnamed, "hybrid")
    assert np.allclose(searcher.unit_scores(unnamed, "hybrid"), np.where(mask, raw * weight, raw))
    assert np.allclose(searcher.unit_scores(named, "hybrid"), plain_searcher.unit_scores(named, "hybrid"))
    # bm25 and dense stay the pure rankers that hybrid is measured against.
    assert np.allclose(searcher.unit_scores(unnamed, "bm25"), plain_searcher.unit_scores(unnamed, "bm25"))


def test_a_broken_variant_file_is_a_corpus_error(tmp_path):
    (tmp_path / VARIANT_SECTIONS).write_text('{"weight": 2, "sections": []}', encoding="utf-8")
    load_variant_sections.cache_clear()
    try:
        with pytest.raises(CorpusError, match="not a valid list of variant sections"):
            load_variant_sections(tmp_path)
    finally:
        load_variant_sections.cache_clear()


def test_no_variant_file_means_no_demotion(tmp_path):
    assert load_variant_sections(tmp_path).sections == []
