"""Token-level matching (late interaction, as in ColBERT) over the base model's contextual word-piece vectors.

Why: one pooled vector per passage blurs which words a question shares with it (the timeline table sits
near every question about the days of an inspection), and BM25 counts only identical stems. Here each
content word piece of the question finds its most similar word piece in a passage, and the passage scores
the mean of those best matches: the passage that holds all of the question's words, read in context, comes
first. As a third ranker in the hybrid fusion it raised the mean MRR of four question sets from 0.805 to
0.824 (`handbook eval`); the fourth set was written after the design was fixed, and measured once
(MEASUREMENTS.md). Its windowed form (`maxsim_windows_many`) scores a passage by its best window of a few
dozen word pieces, so the question's words must be found near one another; as a fourth ranker it raised
pooled hit@1 over twelve sets from 0.710 to 0.741 (MEASUREMENTS.md, session 16).
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
    return maxsim_windows_many([query], tokens, offsets)[0][0]


def maxsim_windows_many(
    queries: list[np.ndarray], tokens: np.ndarray, offsets: np.ndarray, window: int = 32, block: int = 64
) -> tuple[np.ndarray, np.ndarray]:
    """Two late-interaction scores per query and passage, from one product, each shape (n_queries, n_passages):
    `maxsim` over the whole passage, and over its best window of at most `window` rows (windows start every
    window // 2 rows and cover the passage). In a window the question's words must be found near one another,
    as they are in the paragraph that answers it, not spread over a long chunk. A passage with no rows scores
    -inf; a query with no rows gives zeros (no signal, which the fusion ignores). One product per block of
    queries reads the token matrix once for the block, not once per query (300 queries: 0.72 s against 1.20 s)."""
    n_passages = len(offsets) - 1
    whole = np.zeros((len(queries), max(n_passages, 0)), dtype=np.float64)
    windowed = np.zeros_like(whole)
    starts, owner = window_blocks(offsets, max(window // 2, 1))
    if len(starts) == 0:  # no passage has rows
        for i, query in enumerate(queries):
            if len(query):
                whole[i] = windowed[i] = -np.inf
        return whole, windowed
    filled = np.unique(owner)
    first_block = np.searchsorted(owner, filled)
    # A window is a block and the next one of the same passage; a passage's last block is inside the window before.
    joined = np.append(owner[1:] == owner[:-1], False)
    for first in range(0, len(queries), block):
        group = queries[first : first + block]
        widths = [len(q) for q in group]
        if not sum(widths):
            continue
        best = np.maximum.reduceat(_product(tokens, np.concatenate(group)), starts, axis=0)  # per block
        following = np.concatenate([best[1:], best[-1:]])
        best_in_window = np.where(joined[:, None], np.maximum(best, following), best)
        best_in_passage = np.maximum.reduceat(best, first_block, axis=0)
        bounds = np.concatenate([[0], np.cumsum(widths)])
        for i, width in enumerate(widths):
            if width:  # a query with no words keeps its zeros: no signal
                columns = slice(bounds[i], bounds[i + 1])
                whole[first + i] = windowed[first + i] = -np.inf
                whole[first + i, filled] = best_in_passage[:, columns].mean(axis=1)
                windowed[first + i, filled] = np.maximum.reduceat(best_in_window[:, columns].mean(axis=1), first_block)
    return whole, windowed


def window_blocks(offsets: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Where each block of at most `size` rows starts, and its passage: passage p's rows
    offsets[p]:offsets[p + 1] are cut from their start every `size` rows. Passages with no rows have none."""
    offsets = np.asarray(offsets, dtype=np.int64)
    counts = -(-np.diff(offsets) // size)  # blocks per passage, rounded up
    owner = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    # Each block's position within its passage: its index minus the index of its passage's first block.
    position = np.arange(len(owner), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return offsets[owner] + position * size, owner


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
