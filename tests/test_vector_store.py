"""Stored vectors of fixed texts: encoded once per model, read back by text, damage costs a re-encoding."""

from __future__ import annotations

import numpy as np
import pytest

from drafting.coverage import CoverageChecker
from retrieval.embedder import MemoEmbedder
from retrieval.vector_store import StoredVectors
from tests.fakes import FakeEmbedder


class CountingEmbedder(FakeEmbedder):
    def __init__(self, model_id: str = "fake-hashing-embedder:1") -> None:
        super().__init__()
        self.model_id = model_id
        self.encoded: list[str] = []

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        self.encoded.extend(texts)
        return super().encode(texts, batch_size)


TEXTS = ["children missing from home", "post-adoption support", "leaders know their services"]


def test_second_process_reads_the_vectors_instead_of_encoding(tmp_path):
    first = CountingEmbedder()
    vectors = StoredVectors(tmp_path, first, "probe").encode(TEXTS)
    assert first.encoded == TEXTS
    again = CountingEmbedder()
    assert np.array_equal(StoredVectors(tmp_path, again, "probe").encode(TEXTS), vectors)
    assert again.encoded == []
    assert np.array_equal(vectors, FakeEmbedder().encode(TEXTS))


def test_a_subset_or_new_text_encodes_only_what_is_new(tmp_path):
    StoredVectors(tmp_path, CountingEmbedder(), "probe").encode(TEXTS)
    later = CountingEmbedder()
    store = StoredVectors(tmp_path, later, "probe")
    assert np.array_equal(store.encode(TEXTS[1:]), FakeEmbedder().encode(TEXTS[1:]))
    store.encode([TEXTS[0], "female genital mutilation", "female genital mutilation"])
    assert later.encoded == ["female genital mutilation"]
    assert StoredVectors(tmp_path, CountingEmbedder(), "probe").encode([]).shape == (0, FakeEmbedder.dim)


def test_another_model_does_not_read_this_models_vectors(tmp_path):
    StoredVectors(tmp_path, CountingEmbedder("model-a"), "probe").encode(TEXTS)
    other = CountingEmbedder("model-b")
    StoredVectors(tmp_path, other, "probe").encode(TEXTS)
    assert other.encoded == TEXTS
    assert len(list(tmp_path.glob("probe-*.npz"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a zip file", b"PK\x03\x04 truncated", b"\x93NUMPY not an archive"])
def test_a_damaged_file_is_encoded_again_and_replaced(tmp_path, damage):
    store = StoredVectors(tmp_path, CountingEmbedder(), "probe")
    store.path.write_bytes(damage)
    embedder = CountingEmbedder()
    assert np.array_equal(StoredVectors(tmp_path, embedder, "probe").encode(TEXTS), FakeEmbedder().encode(TEXTS))
    assert embedder.encoded == TEXTS
    reread = CountingEmbedder()
    StoredVectors(tmp_path, reread, "probe").encode(TEXTS)
    assert reread.encoded == []
    assert [p.name for p in tmp_path.iterdir()] == [store.path.name]  # no temporary file left behind


def test_a_cache_that_cannot_be_written_still_gives_vectors(tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    vectors = StoredVectors(blocked, CountingEmbedder(), "probe").encode(TEXTS)
    assert np.array_equal(vectors, FakeEmbedder().encode(TEXTS))


def test_coverage_checker_scores_the_same_with_stored_descriptions(tmp_path):
    draft = "Children who run away are seen on their return.\nLeaders know their services well."
    plain = CoverageChecker(FakeEmbedder()).check(draft)
    CoverageChecker(FakeEmbedder(), cache_dir=tmp_path)  # stores the descriptions
    embedder = CountingEmbedder()
    stored = CoverageChecker(embedder, cache_dir=tmp_path)
    assert embedder.encoded == []
    assert stored.check(draft) == plain
    assert len(embedder.encoded) == 2  # only the draft's sentences


def test_memo_embedder_encodes_each_text_once_and_keeps_the_order():
    inner = CountingEmbedder()
    memo = MemoEmbedder(inner)
    first = memo.encode([TEXTS[1], TEXTS[0], TEXTS[1]])
    assert inner.encoded == [TEXTS[1], TEXTS[0]]
    again = memo.encode(list(reversed(TEXTS)))
    assert inner.encoded == [TEXTS[1], TEXTS[0], TEXTS[2]]
    assert np.array_equal(again, FakeEmbedder().encode(list(reversed(TEXTS))))
    assert np.array_equal(first[0], first[2])
    assert memo.encode([]).shape == (0, FakeEmbedder.dim)
    assert (memo.model_id, memo.dim) == (inner.model_id, inner.dim)
