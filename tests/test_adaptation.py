"""Query-side adaptation: training pairs from the corpus, a real (short) training run, and the wiring."""

from __future__ import annotations

import json

import numpy as np
import pytest

from retrieval.adaptation import AdaptationConfig, TrainingPair, adapt_query_encoder, batches_for, training_pairs
from retrieval.corpus import load_units
from retrieval.embedder import SentenceTransformerEmbedder, default_model_dir
from retrieval.errors import IndexCacheError
from retrieval.index import build_index, load_index, open_index
from retrieval.passages import context_header, split_units
from tests.fakes import FakeEmbedder


@pytest.fixture(scope="module")
def corpus_chunks():
    units = load_units()
    chunks = [p for p in split_units(units) if p.kind == "chunk"]
    return units, chunks


def test_pairs_come_from_the_passage_they_point_at(corpus_chunks):
    units, chunks = corpus_chunks
    pairs = training_pairs(units, chunks, AdaptationConfig())
    assert len(pairs) > 1000
    for pair in pairs:
        passage = chunks[pair.target]
        header = context_header(units[passage.unit])
        body = passage.text.split("\n", 1)[1] if header else passage.text
        # Either a sentence of the passage's own text (not its header) or the heading itself.
        assert pair.query in body or (header and pair.query == header.split(" — ")[-1])


def test_pairs_respect_the_caps(corpus_chunks):
    units, chunks = corpus_chunks
    config = AdaptationConfig(sentences_per_passage=2, min_words=6)
    pairs = training_pairs(units, chunks, config)
    per_target: dict[int, int] = {}
    for pair in pairs:
        per_target[pair.target] = per_target.get(pair.target, 0) + 1
        header = context_header(units[chunks[pair.target].unit])
        if not header or pair.query != header.split(" — ")[-1]:
            assert len(pair.query.split()) >= 6
    assert max(per_target.values()) <= 3  # two sentences and the heading


def test_complaints_heading_points_at_para_197(corpus_chunks):
    units, chunks = corpus_chunks
    pairs = training_pairs(units, chunks, AdaptationConfig())
    targets = {units[chunks[p.target].unit].ref for p in pairs if p.query == "Complaints"}
    assert targets == {"para 197", "para 198"}


@pytest.mark.parametrize(("pairs", "epochs", "expected"), [(64, 1, 2), (65, 2, 4), (31, 3, 0)])
def test_batches_for(pairs, epochs, expected):
    assert batches_for(pairs, AdaptationConfig(epochs=epochs, batch_size=32)) == expected


def test_fake_embedder_builds_without_a_query_encoder(tmp_path):
    embedder = FakeEmbedder()
    build_index(tmp_path, embedder)
    index = load_index(tmp_path, embedder.model_id)
    assert index.query_encoder_dir is None
    assert index.manifest["query_encoder"] is False


def test_index_that_lost_its_query_encoder_is_rebuilt(tmp_path):
    embedder = FakeEmbedder()
    path = build_index(tmp_path, embedder)
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["query_encoder"] = True  # as an adapted index whose encoder directory was deleted
    (path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCacheError, match="query encoder is missing"):
        load_index(tmp_path, embedder.model_id)
    messages: list[str] = []
    index = open_index(tmp_path, embedder, notify=messages.append)
    assert "building it now" in messages[0]
    assert index.query_encoder_dir is None


@pytest.mark.model
def test_training_moves_queries_towards_their_passages(tmp_path):
    """Two real optimiser steps on the real model: the training loss (softmax over the passages, scaled
    cosine) falls, every query then ranks its own passage first, and the copy loads as an ordinary model."""
    base = SentenceTransformerEmbedder()
    texts = [
        "Complaints about an inspection are raised with the lead inspector first.",
        "Lead inspectors have two and a half days to prepare before fieldwork.",
        "Foster carers are asked about delegated authority.",
        "The SEA must not identify any child, parent or member of staff.",
    ]
    targets = base.encode(texts)
    queries = ["how does a council complain?", "preparation time", "questions for foster carers", "names in the SEA"]
    pairs = [TrainingPair(q, i) for i, q in enumerate(queries)] * 16
    config = AdaptationConfig(batch_size=32, learning_rate=1e-4)
    steps = adapt_query_encoder(default_model_dir(), targets, pairs, tmp_path / "qe", config)
    assert steps == 2
    trained = SentenceTransformerEmbedder(tmp_path / "qe")

    def loss(vectors: np.ndarray) -> float:
        logits = vectors @ targets.T * config.scale
        logits -= logits.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return float(-np.mean(np.diag(log_probs)))

    before, after = base.encode(queries), trained.encode(queries)
    assert loss(after) < loss(before) - 0.05, (loss(before), loss(after))
    assert list((after @ targets.T).argmax(axis=1)) == [0, 1, 2, 3]
    assert trained.model_id != base.model_id


@pytest.mark.model
def test_real_index_ranks_with_the_adapted_encoder(real_retrieval):
    index = real_retrieval.index
    assert index.query_encoder_dir is not None and (index.query_encoder_dir / "config.json").is_file()
    assert index.manifest["adaptation"]["steps"] > 50
    searcher = real_retrieval.searcher
    assert searcher.query_embedder is not searcher.embedder
    question = ["what does the quality assurance manager do?"]
    ranking, base, _tokens = searcher.encode_hybrid(question)
    assert np.allclose(ranking, searcher.encode_queries(question))
    assert not np.allclose(ranking, base)
