"""Vectors of fixed texts kept on disk by their text, per model.

The coverage checker describes each reporting area with several hundred texts (descriptions and example
findings); encoding them took 3 s at every start of `check-report`. They change only when the corpus does,
so they are encoded once and read back. Keyed by text, not by the whole list: a checker built without one
set's examples (leave-one-set-out) reuses the vectors of the rest.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np

from retrieval.cache_files import write_atomically
from retrieval.embedder import Embedder, MemoEmbedder

log = logging.getLogger(__name__)


class StoredVectors:
    def __init__(self, cache_dir: Path, embedder: Embedder, name: str) -> None:
        self.embedder = embedder
        model = hashlib.sha256(embedder.model_id.encode()).hexdigest()[:16]
        self.path = cache_dir / f"{name}-{model}.npz"
        self._memo: MemoEmbedder | None = None

    def _load(self) -> MemoEmbedder:
        if self._memo is None:
            known: dict[str, np.ndarray] = {}
            if self.path.is_file():
                try:
                    with np.load(self.path, allow_pickle=False) as data:
                        texts, vectors = data["texts"], data["vectors"]
                    if len(texts) != len(vectors) or vectors.ndim != 2:
                        raise ValueError("texts and vectors differ in number")
                    known = {str(t): v for t, v in zip(texts, vectors, strict=True)}
                except Exception as exc:  # any unreadable or foreign file: numpy raises many kinds
                    # A damaged file costs one re-encoding, never a failed check.
                    log.warning("stored vectors in %s are unreadable (%s); encoding again", self.path, exc)
            self._memo = MemoEmbedder(self.embedder, known)
        return self._memo

    def encode(self, texts: list[str]) -> np.ndarray:
        """The texts' vectors, encoding only those not stored yet and storing them."""
        memo = self._load()
        stored = len(memo.known)
        vectors = memo.encode(texts)
        if len(memo.known) > stored:
            self._save(memo.known)
        return vectors

    def _save(self, known: dict[str, np.ndarray]) -> None:
        write_atomically(
            self.path,
            lambda out: np.savez(out, texts=np.array(list(known)), vectors=np.stack(list(known.values()))),
            "vectors",
        )
