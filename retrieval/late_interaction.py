"""Token-level matching (late interaction, as in ColBERT) over the base model's contextual word-piece vectors.

Why: one pooled vector per passage blurs which words a question shares with it (the timeline table sits
near every question about the days of an inspection), and BM25 counts only identical stems. Here each
content word piece of the question finds its most similar word piece in a passage, and the passage scores
the mean of those best matches: the passage that holds all of the question's words, read in context, comes
first. As a third ranker in the hybrid fusion it raised the mean MRR of four question sets from 0.805 to
0.824 (`handbook eval`); the fourth set was written after the design was fixed, and measured once
(MEASUREMENTS.md).
Pure functions over arrays; encoding stays in embedder.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np

SPECIAL_PIECES = frozenset({"[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]", "<s>", "</s>", "<pad>"})
_HAS_WORD = re.compile(r"[0-9a-z]", re.IGNORECASE)


def content_rows(pieces: list[str], drop: Collection[str] = ()) -> np.ndarray:
    """Positions of the pieces that carry words: not the model's special markers, not punctuation, and
    (for questions) not a stopword such as "what" or "does"."""
    keep = [
        i
        for i, piece in enumerate(pieces)
        if piece not in SPECIAL_PIECES and _HAS_WORD.search(piece) and _word(piece) not in drop
    ]
    return np.array(keep, dtype=np.int64)


def _word(piece: str) -> str:
    """The piece without its tokenizer's marks: WordPiece's "##" continuation, BPE's "Ġ" and SentencePiece's
    "▁" word starts (another local model may use either; HANDBOOK_MODEL_DIR)."""
    return piece.lstrip("#").lstrip("Ġ▁").lower()


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


def maxsim(query: np.ndarray, tokens: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Score of each passage p (its token rows tokens[offsets[p]:offsets[p+1]]): the mean over the query's
    rows of the best cosine with any of the passage's rows. Rows are L2-normalised. A passage with no rows
    scores -inf; a query with no rows gives zeros (no signal, which the fusion ignores)."""
    return maxsim_many([query], tokens, offsets)[0]


def maxsim_many(queries: list[np.ndarray], tokens: np.ndarray, offsets: np.ndarray, block: int = 64) -> np.ndarray:
    """`maxsim` for many queries at once, shape (n_queries, n_passages): one product per block of queries
    reads the token matrix once for the block, not once per query (300 queries: 0.72 s against 1.20 s)."""
    n_passages = len(offsets) - 1
    out = np.zeros((len(queries), max(n_passages, 0)), dtype=np.float64)
    starts = offsets[:-1]
    filled = offsets[1:] > starts
    for first in range(0, len(queries), block):
        group = queries[first : first + block]
        widths = [len(q) for q in group]
        if n_passages <= 0 or not sum(widths):
            continue
        best = np.maximum.reduceat(_product(tokens, np.concatenate(group)), starts[filled], axis=0)
        bounds = np.concatenate([[0], np.cumsum(widths)])
        for i, width in enumerate(widths):
            if width:  # a query with no words keeps its zeros: no signal
                row = np.full(n_passages, -np.inf)
                row[filled] = best[:, bounds[i] : bounds[i + 1]].mean(axis=1)
                out[first + i] = row
    return out


def _product(tokens: np.ndarray, query: np.ndarray) -> np.ndarray:
    """tokens @ query.T through torch's thread pool. Why not numpy: OpenBLAS's threads keep spinning after
    the product and slow the model's next forward pass on two cores (warm search p50 68 ms against 27 ms)."""
    import torch

    with torch.no_grad():
        product = (
            torch.from_numpy(np.ascontiguousarray(tokens, dtype=np.float32))
            @ torch.from_numpy(np.ascontiguousarray(query, dtype=np.float32)).T
        )
    return product.numpy()
