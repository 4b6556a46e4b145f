"""Late interaction: the pure scoring checked against a brute-force version, the word-piece filter by
table, the token vectors in the index, and the hybrid fusion of three rankers."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.errors import IndexCacheError
from retrieval.fusion import discount_passage_counts, group_max, reciprocal_rank_fusion
from retrieval.index import QUERY_STOPWORDS, build_index, load_index
from retrieval.late_interaction import (
    content_rows,
    maxsim,
    maxsim_windows_many,
    normalise_rows,
    window_blocks,
)
from retrieval.search import FUSION_K, FUSION_WEIGHTS, LATE_WINDOW, PASSAGE_COUNT_WEIGHT
from tests.fakes import FakeEmbedder

rng = np.random.default_rng(11)


def brute_maxsim(query, tokens, offsets):
    out = []
    for p in range(len(offsets) - 1):
        rows = tokens[offsets[p] : offsets[p + 1]]
        if len(rows) == 0:
            out.append(-np.inf)
            continue
        out.append(np.mean([max(float(q @ r) for r in rows) for q in query]))
    return np.array(out)


def random_passages(max_rows: int, max_passages: int) -> tuple[np.ndarray, np.ndarray]:
    """Offsets and normalised rows of random passages, some with no rows."""
    lengths = rng.integers(0, max_rows, size=int(rng.integers(1, max_passages)))
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return offsets, normalise_rows(rng.normal(size=(int(offsets[-1]), 8)))


@pytest.mark.parametrize("trial", range(25))
def test_maxsim_matches_brute_force(trial):
    offsets, tokens = random_passages(6, 12)
    query = normalise_rows(rng.normal(size=(int(rng.integers(1, 5)), 8)))
    np.testing.assert_allclose(maxsim(query, tokens, offsets), brute_maxsim(query, tokens, offsets), rtol=1e-5)


def brute_windowed_maxsim(query, tokens, offsets, window):
    """Each passage's best window: `brute_maxsim` over every run of `window` rows starting every window // 2."""
    step = window // 2
    out = []
    for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True):
        windows = [tokens[start : min(start + 2 * step, b)] for start in range(a, b, step)]
        scores = [brute_maxsim(query, rows, np.array([0, len(rows)]))[0] for rows in windows]
        out.append(max(scores, default=-np.inf))
    return np.array(out)


@pytest.mark.parametrize("trial", range(25))
def test_windowed_maxsim_matches_brute_force(trial):
    offsets, tokens = random_passages(12, 10)
    queries = [normalise_rows(rng.normal(size=(int(rng.integers(1, 5)), 8))) for _ in range(3)]
    window = int(rng.choice([2, 4, 6]))
    whole, windowed = maxsim_windows_many(queries, tokens, offsets, window=window, block=2)
    for i, query in enumerate(queries):
        np.testing.assert_allclose(whole[i], brute_maxsim(query, tokens, offsets), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(
            windowed[i], brute_windowed_maxsim(query, tokens, offsets, window), rtol=1e-5, atol=1e-6
        )
        assert np.all(windowed[i] <= whole[i] + 1e-6)  # a window sees fewer rows than its passage


def test_a_window_wants_the_question_words_together():
    # Two passages hold the same two words; only the second holds them side by side.
    word_a, word_b, other = np.eye(3)
    tokens = np.array([word_a, other, other, other, word_b, word_a, word_b, other, other, other])
    offsets = np.array([0, 5, 10])
    whole, windowed = maxsim_windows_many([np.array([word_a, word_b])], tokens, offsets, window=2)
    assert whole[0][0] == whole[0][1] == 1.0
    assert windowed[0][1] == 1.0 and windowed[0][0] == 0.5


def test_windowed_maxsim_with_no_rows_anywhere():
    queries = [normalise_rows(rng.normal(size=(2, 4))), np.zeros((0, 4), dtype=np.float32)]
    whole, windowed = maxsim_windows_many(queries, np.zeros((0, 4), dtype=np.float32), np.array([0, 0, 0]))
    assert np.isneginf(whole[0]).all() and np.isneginf(windowed[0]).all()
    assert (whole[1] == 0).all() and (windowed[1] == 0).all()  # a query with no words: no signal


@pytest.mark.parametrize(
    ("offsets", "size", "starts", "owner"),
    [
        ([0, 5, 5, 7], 2, [0, 2, 4, 5], [0, 0, 0, 2]),
        ([0, 4], 4, [0], [0]),
        ([0, 0], 3, [], []),
    ],
)
def test_window_blocks(offsets, size, starts, owner):
    got_starts, got_owner = window_blocks(np.array(offsets), size)
    assert list(got_starts) == starts and list(got_owner) == owner


def test_many_queries_at_once_equal_one_at_a_time():
    offsets = np.array([0, 3, 3, 7, 12])  # passage 1 has no rows
    tokens = normalise_rows(rng.normal(size=(12, 8)))
    queries = [normalise_rows(rng.normal(size=(n, 8))) for n in (3, 0, 1, 5, 2)] * 30  # several blocks
    together = maxsim_windows_many(queries, tokens, offsets, block=16)[0]
    assert together.shape == (150, 4)
    for query, row in zip(queries, together, strict=True):
        np.testing.assert_allclose(row, brute_maxsim(query, tokens, offsets) if len(query) else 0.0, rtol=1e-5)


def test_maxsim_rewards_the_passage_holding_every_query_word():
    a, b, c = np.eye(3, dtype=np.float32)
    tokens = np.stack([a, a, b, a, b, c])  # passage 0: a a b; passage 1: a b c
    offsets = np.array([0, 3, 6])
    assert maxsim(np.stack([a, c]), tokens, offsets).tolist() == [0.5, 1.0]


def test_maxsim_without_query_words_gives_no_signal():
    tokens = normalise_rows(rng.normal(size=(4, 8)))
    assert maxsim(np.zeros((0, 8), dtype=np.float32), tokens, np.array([0, 2, 4])).tolist() == [0.0, 0.0]


@pytest.mark.parametrize(
    ("pieces", "drop", "expected"),
    [
        (["[CLS]", "what", "must", "i", "report", "?", "[SEP]"], QUERY_STOPWORDS, [2, 4]),
        (["[CLS]", "complain", "##ts", "about", "ofsted", "[SEP]"], QUERY_STOPWORDS, [1, 2, 4]),
        (["[CLS]", "what", "must", "[SEP]"], (), [1, 2]),  # passages keep every word
        (["[CLS]", "–", ",", "(", "[SEP]"], (), []),  # punctuation carries no word
        (["[CLS]", "2", ".", "07", "[SEP]"], QUERY_STOPWORDS, [1, 3]),  # numbers are words
        (["[CLS]", "What", "LA", "[SEP]"], QUERY_STOPWORDS, [2]),  # stopwords whatever the case
        (["<s>", "What", "Ġmust", "Ġthe", "Ġreport", "?", "</s>"], QUERY_STOPWORDS, [2, 4]),  # BPE pieces
        (["▁what", "▁must", "▁the", "▁report", "?"], QUERY_STOPWORDS, [1, 3]),  # SentencePiece pieces
    ],
)
def test_content_rows(pieces, drop, expected):
    assert content_rows(pieces, drop).tolist() == expected


def test_index_keeps_normalised_token_vectors_for_every_chunk(tmp_path):
    embedder = FakeEmbedder()
    path = build_index(tmp_path, embedder)
    index = load_index(tmp_path, embedder.model_id)
    assert len(index.token_offsets) == len(index.lexical_passages) + 1
    assert index.token_offsets[-1] == len(index.token_vectors) == index.manifest["chunk_tokens"]
    assert np.all(np.diff(index.token_offsets) > 0), "every chunk has words"
    np.testing.assert_allclose(np.linalg.norm(index.token_vectors, axis=1), 1.0, atol=1e-3)
    (path / "token_offsets.npy").write_bytes(b"\x00garbage")
    with pytest.raises(IndexCacheError, match="unreadable"):
        load_index(tmp_path, embedder.model_id)


def test_index_with_token_rows_that_do_not_add_up_is_rejected(tmp_path):
    embedder = FakeEmbedder()
    path = build_index(tmp_path, embedder)
    offsets = np.load(path / "token_offsets.npy")
    np.save(path / "token_offsets.npy", offsets[:-1])
    with pytest.raises(IndexCacheError, match="token vectors"):
        load_index(tmp_path, embedder.model_id)


def test_hybrid_fuses_dense_bm25_and_both_late_interactions(fake_retrieval):
    searcher = fake_retrieval.searcher
    query = "what must the lead inspector explain before leaving?"
    encoded = searcher.encode_hybrid([query])
    dense = searcher.unit_scores(query, "dense", encoded.ranking[0])
    lexical = searcher.unit_scores(query, "bm25")
    chunk_scores = brute_maxsim(encoded.tokens[0], searcher.index.token_vectors, searcher.index.token_offsets)
    groups = searcher.index.passage_unit[searcher.index.lexical_passages]
    tokens = group_max(chunk_scores, groups, searcher.n_units)
    window_scores = brute_windowed_maxsim(
        encoded.tokens[0], searcher.index.token_vectors, searcher.index.token_offsets, LATE_WINDOW
    )
    windows = group_max(window_scores, groups, searcher.n_units)
    # Each ranking is discounted for the unit's passage count: all passages for dense, chunks for the others.
    n = searcher.n_units
    all_passages = np.log(np.maximum(np.bincount(searcher.index.passage_unit, minlength=n), 1))
    chunk_units = searcher.index.passage_unit[searcher.index.lexical_passages]
    chunks = np.log(np.maximum(np.bincount(chunk_units, minlength=n), 1))
    discounted = [
        discount_passage_counts(scores, counts, PASSAGE_COUNT_WEIGHT)
        for scores, counts in ((dense, all_passages), (lexical, chunks), (tokens, chunks), (windows, chunks))
    ]
    expected = reciprocal_rank_fusion(discounted, list(FUSION_WEIGHTS), k=FUSION_K)
    expected = searcher.variants.apply(query, expected)
    np.testing.assert_allclose(searcher.unit_scores(query, "hybrid"), expected, rtol=1e-6)
    assert len(encoded.tokens[0]) == 5  # must, lead, inspector, explain, leaving: "what", "the", "before" dropped


def test_hybrid_encodes_the_question_in_one_pass(fake_retrieval):
    embedder = fake_retrieval.searcher.embedder
    before = embedder.calls
    fake_retrieval.searcher.search_many(["missing children", "foster carers"], mode="hybrid")
    assert embedder.calls == before + 1


@pytest.mark.model
def test_real_model_gives_pooled_vectors_and_word_pieces_in_one_pass(real_retrieval):
    embedder = real_retrieval.embedder
    texts = ["How does a council complain about an inspection?", "Missing from home or care"]
    pooled, pieces = embedder.encode_with_tokens(texts)
    np.testing.assert_allclose(pooled, embedder.encode(texts), atol=1e-5)
    assert pieces[0].pieces[0] == "[CLS]" and pieces[0].pieces[-1] == "[SEP]"
    assert "council" in pieces[0].pieces and len(pieces[0].vectors) == len(pieces[0].pieces)
    assert pieces[1].vectors.shape == (len(pieces[1].pieces), embedder.dim)


@pytest.mark.model
def test_real_index_late_interaction_finds_the_paragraph_holding_the_question_words(real_retrieval):
    searcher = real_retrieval.searcher
    refs = [u.ref for u in searcher.index.units]
    # Para 141's words ("before leaving", "lead inspector") with none of dense's pull towards the timeline.
    encoded = searcher.encode_hybrid(["what must the lead explain before leaving on the last day?"])
    scores = searcher.token_scores(encoded.tokens)[0][0]  # whole chunks
    assert refs[int(np.argmax(scores))] == "para 141"
    assert real_retrieval.index.manifest["chunk_tokens"] > 20_000
