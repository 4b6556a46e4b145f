"""Test doubles: a deterministic embedder that needs no model."""

from __future__ import annotations

import hashlib

import numpy as np

from retrieval.index import tokenize


class FakeEmbedder:
    """Hashed bag of stemmed words: texts sharing words are similar, like a (much worse) real model."""

    model_id = "fake-hashing-embedder:1"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, tokens in enumerate(tokenize(list(texts))):
            for token in tokens:
                if token:
                    bucket = int(hashlib.md5(token.encode()).hexdigest()[:8], 16) % self.dim
                    out[row, bucket] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms
