"""Test doubles: a deterministic embedder that needs no model."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from retrieval.embedder import TokenVectors
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

    def encode_with_tokens(self, texts: list[str], batch_size: int = 64) -> tuple[np.ndarray, list[TokenVectors]]:
        """One call, as the real model's one pass: `encode`'s vectors, and each lower-cased word (or
        punctuation mark) as a piece whose vector is its stem's hashed bucket, between the model's markers."""
        pooled = self.encode(texts, batch_size)
        out = []
        for text in texts:
            pieces = ["[CLS]", *re.findall(r"[a-z0-9]+|[^\sa-z0-9]", text.lower()), "[SEP]"]
            vectors = np.zeros((len(pieces), self.dim), dtype=np.float32)
            for row, piece in enumerate(pieces):
                stem = (tokenize([piece])[0] or [piece])[0] or piece
                vectors[row, int(hashlib.md5(stem.encode()).hexdigest()[:8], 16) % self.dim] = 1.0
            out.append(TokenVectors(pieces, vectors))
        return pooled, out
