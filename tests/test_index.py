"""The on-disk index: built once, keyed by corpus/model/code, rebuilt when stale or corrupt."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from retrieval.corpus import default_corpus_dir
from retrieval.embedder import SentenceTransformerEmbedder, check_model_dir
from retrieval.errors import IndexCacheError, ModelNotFoundError
from retrieval.index import build_index, cache_key, load_index, open_index, tokenize
from tests.fakes import FakeEmbedder


@pytest.fixture()
def corpus_copy(tmp_path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(default_corpus_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def test_build_then_load_roundtrip(tmp_path):
    embedder = FakeEmbedder()
    path = build_index(tmp_path, embedder)
    index = load_index(tmp_path, embedder.model_id)
    assert path.name == f"index-{index.manifest['key']}"
    assert index.manifest["units"] == len(index.units) > 300
    assert index.dense.ntotal == len(index.passages)
    assert len(index.lexical_passages) == index.bm25.scores["num_docs"]
    assert not list(tmp_path.glob(".build-*")), "temporary build directories must not survive"


class RecordingEmbedder:
    """Counts each text the build encodes, by either call."""

    def __init__(self) -> None:
        self.inner = FakeEmbedder()
        self.model_id, self.dim = self.inner.model_id, self.inner.dim
        self.seen: Counter[str] = Counter()

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        self.seen.update(texts)
        return self.inner.encode(texts, batch_size)

    def encode_with_tokens(self, texts: list[str], batch_size: int = 64):
        self.seen.update(texts)
        return self.inner.encode_with_tokens(texts, batch_size)


def test_build_encodes_each_passage_once_and_stores_its_own_vector(tmp_path):
    embedder = RecordingEmbedder()
    build_index(tmp_path, embedder)
    index = load_index(tmp_path, embedder.model_id)
    texts = [p.text for p in index.passages]
    distinct = Counter(texts)
    # A passage text that occurs more than once (rows of the timeline table repeat) is encoded as often as it occurs.
    assert all(embedder.seen[t] == n for t, n in distinct.items())
    stored = index.dense.reconstruct_n(0, index.dense.ntotal)
    np.testing.assert_allclose(stored, FakeEmbedder().encode(texts), atol=1e-6)
    assert len(index.token_offsets) == sum(p.kind == "chunk" for p in index.passages) + 1


def test_second_open_loads_without_encoding(tmp_path):
    embedder = FakeEmbedder()
    open_index(tmp_path, embedder)
    calls = embedder.calls
    open_index(tmp_path, embedder)
    assert embedder.calls == calls


def test_key_changes_with_corpus_content_and_model(corpus_copy):
    before = cache_key(corpus_copy, "model-a")
    assert cache_key(corpus_copy, "model-b") != before
    handbook = corpus_copy / "sif-inspection-handbook.txt"
    handbook.write_text(handbook.read_text(encoding="utf-8") + "\nextra", encoding="utf-8")
    assert cache_key(corpus_copy, "model-a") != before


def test_stale_index_is_rebuilt_after_corpus_change(tmp_path, corpus_copy):
    embedder = FakeEmbedder()
    open_index(tmp_path, embedder, corpus_copy)
    (corpus_copy / "sif-inspection-handbook.txt").write_text(
        (corpus_copy / "sif-inspection-handbook.txt").read_text(encoding="utf-8").replace("nine working days", "ten"),
        encoding="utf-8",
    )
    messages: list[str] = []
    index = open_index(tmp_path, embedder, corpus_copy, notify=messages.append)
    assert messages and "building it now" in messages[0]
    para_9 = next(u for u in index.units if u.ref == "para 9")
    assert "on site for ten across" in para_9.text
    assert len(list(tmp_path.glob("index-*"))) == 1, "the stale index is cleaned up"


@pytest.mark.parametrize("victim", ["dense.faiss", "passages.json", "units.jsonl", "manifest.json"])
def test_corrupt_cache_is_rebuilt_with_a_message(tmp_path, victim):
    embedder = FakeEmbedder()
    path = build_index(tmp_path, embedder)
    (path / victim).write_bytes(b"\x00garbage")
    with pytest.raises(IndexCacheError):
        load_index(tmp_path, embedder.model_id)
    messages: list[str] = []
    index = open_index(tmp_path, embedder, notify=messages.append)
    assert "unreadable" in messages[0]
    assert index.dense.ntotal == len(index.passages)


def test_missing_model_directory_names_the_setting(tmp_path):
    with pytest.raises(ModelNotFoundError, match="HANDBOOK_MODEL_DIR"):
        SentenceTransformerEmbedder(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelNotFoundError, match="config.json"):
        check_model_dir(tmp_path / "empty")


def test_bundled_model_directory_is_found():
    embedder = SentenceTransformerEmbedder()
    assert (embedder.model_dir / "config.json").is_file()
    assert embedder.model_id.startswith(embedder.model_dir.name)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("which reports does the LA send us?", ["report", "la", "send"]),
        ("we, our, me and us", []),
        ("US Army", ["armi"]),  # lower-cased before the list: "US" goes too, and the handbook never names it
        ("the number of users", ["number", "user"]),
    ],
)
def test_pronouns_carry_no_topic(text, tokens):
    """bm25s's list has "we", "our" and "me" but not "us", which drew the handbook's letters to families up for
    "what does the LA send us?" (MEASUREMENTS.md, session 24)."""
    assert [t for t in tokenize([text])[0] if t] == tokens
