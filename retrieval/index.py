"""The on-disk index: BM25 (bm25s) and dense vectors (faiss) over the corpus passages.

Built once and cached under a key made of the corpus content, the model and this code, so any change
to one of them rebuilds it. Builds write to a temporary directory that is renamed into place, so a
failed or interrupted build never leaves a half-written index behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import faiss
import numpy as np
import Stemmer

from retrieval.adaptation import AdaptationConfig, adapt_query_encoder, batches_for, training_pairs
from retrieval.corpus import corpus_fingerprint, default_corpus_dir, load_units
from retrieval.embedder import Embedder
from retrieval.errors import IndexCacheError
from retrieval.fusion import hubness
from retrieval.late_interaction import content_rows, normalise_rows
from retrieval.passages import Passage, split_units
from retrieval.spans import Span, in_context, sentence_spans
from retrieval.timetable import read_timetable
from retrieval.units import Unit

INDEX_FORMAT = 4
QUERY_ENCODER_DIR = "query_encoder"
# Each passage's hubness is measured against its 50 nearest sentences of other units (MEASUREMENTS.md).
HUB_NEIGHBOURS = 50
# Source files whose behaviour shapes the index: editing one of them invalidates the cache.
_CODE_FILES = (
    "cleaning.py",
    "parse_handbook.py",
    "parse_annex_m.py",
    "parse_plain.py",
    "corpus.py",
    "passages.py",
    "index.py",
    "units.py",
    "adaptation.py",
    "fusion.py",  # hubness is computed at build
    "late_interaction.py",
    "spans.py",  # sentence offsets and vectors are stored
    "timetable.py",
)

ProgressFn = Callable[[int, int], None]


def code_fingerprint() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(str(INDEX_FORMAT).encode())
    for name in _CODE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_key(corpus_dir: Path, model_id: str, adapt: bool = True) -> str:
    parts = [corpus_fingerprint(corpus_dir), model_id, code_fingerprint(), f"adapt={adapt}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


_STEMMER = Stemmer.Stemmer("english")


# bm25s's longer English list: it drops question words ("what", "how", "does") that carry no topic. It has "we",
# "our" and "me" but not "us", which an inspector's question uses for Ofsted ("what does the LA send us?") and the
# handbook almost only in its letters to families, so "us" drew those letters up (MEASUREMENTS.md, session 24).
_STOPWORDS = sorted(set(bm25s.stopwords.STOPWORDS_EN_PLUS) | {"us"})
# The same list keeps question words out of late interaction's query side (late_interaction.py).
QUERY_STOPWORDS = frozenset(_STOPWORDS)


def tokenize(texts: list[str]) -> list[list[str]]:
    tokenizer = bm25s.tokenization.Tokenizer(stemmer=_STEMMER, stopwords=_STOPWORDS)
    return tokenizer.tokenize(texts, return_as="string", show_progress=False)


@dataclass
class HandbookIndex:
    units: list[Unit]
    passages: list[Passage]
    passage_unit: np.ndarray
    lexical_passages: np.ndarray  # indices of the passages BM25 indexes (chunks), in BM25 order
    bm25: bm25s.BM25
    dense: faiss.Index
    manifest: dict
    # Sentences of every unit, for answers: (unit, start, end, lead_start, lead_end) rows, unit order,
    # their in-context vectors, and where each unit's sentences begin (n_units + 1 offsets).
    sentence_spans: np.ndarray
    sentence_vectors: np.ndarray
    sentence_offsets: np.ndarray
    # Per passage: mean cosine to its nearest sentences of other units (fusion.hubness).
    hubness: np.ndarray
    # The query-side copy of the model trained on this corpus (adaptation.py); None: queries use the base model.
    query_encoder_dir: Path | None = None
    # Word-piece vectors of the chunk passages (lexical_passages order) for late interaction: the rows of
    # chunk i are token_vectors[token_offsets[i]:token_offsets[i + 1]].
    token_vectors: np.ndarray | None = None
    token_offsets: np.ndarray | None = None

    def unit_sentences(self, unit: int) -> tuple[list[Span], np.ndarray]:
        first, last = self.sentence_offsets[unit], self.sentence_offsets[unit + 1]
        rows = self.sentence_spans[first:last]
        spans = [Span(int(r[1]), int(r[2]), (int(r[3]), int(r[4])) if r[3] >= 0 else None) for r in rows]
        return spans, self.sentence_vectors[first:last]

    def bm25_scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage (0 where no query term occurs)."""
        out = np.zeros(len(self.passages), dtype=np.float32)
        vocab = self.bm25.vocab_dict
        tokens = [t for t in tokenize([query])[0] if t and t in vocab]  # "" is bm25s's empty-doc token
        if tokens:
            out[self.lexical_passages] = self.bm25.get_scores(tokens)
        return out

    def dense_scores(self, query_vectors: np.ndarray) -> np.ndarray:
        """Cosine similarity of each query vector to every passage: shape (n_queries, n_passages)."""
        n = self.dense.ntotal
        sims, ids = self.dense.search(np.ascontiguousarray(query_vectors, dtype=np.float32), n)
        out = np.empty_like(sims)
        np.put_along_axis(out, ids, sims, axis=1)
        return out


def build_index(
    cache_dir: Path,
    embedder: Embedder,
    corpus_dir: Path | None = None,
    progress: ProgressFn | None = None,
    adapt: bool = True,
) -> Path:
    """Parse, split, encode and write the index; returns its directory. With `adapt`, and an embedder
    that has a model directory to train from, a query encoder adapted to the corpus is trained too."""
    corpus_dir = corpus_dir or default_corpus_dir()
    started = time.perf_counter()
    key = cache_key(corpus_dir, embedder.model_id, adapt)
    units = load_units(corpus_dir)
    passages = split_units(units)
    span_rows: list[tuple[int, int, int, int, int]] = []
    sentence_texts: list[str] = []
    timed_texts: list[str] = []
    for i, unit in enumerate(units):
        spans = sentence_spans(unit.text)
        plain = in_context(unit.text, spans)
        sentence_texts.extend(plain)
        timed_texts.extend(read_timetable(unit.text).timed(unit.text, spans, plain))
        span_rows.extend((i, sp.start, sp.end, *(sp.lead_in or (-1, -1))) for sp in spans)
    # A timetable cell is encoded a second time with its row's timing, for answers ("when is …?"). Hubness is
    # measured against the plain sentences, so ranking is the same as without timetables (session 23).
    timed = [k for k, (plain, read) in enumerate(zip(sentence_texts, timed_texts, strict=True)) if plain != read]
    texts = [p.text for p in passages] + sentence_texts + [timed_texts[k] for k in timed]
    first_timed = len(passages) + len(sentence_texts)
    chunk_rows = [i for i, p in enumerate(passages) if p.kind == "chunk"]
    model_dir: Path | None = getattr(embedder, "model_dir", None) if adapt else None
    config = AdaptationConfig()
    pairs = training_pairs(units, [passages[i] for i in chunk_rows], config) if model_dir else []
    total = len(texts) + batches_for(len(pairs), config)

    vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    # The chunks are encoded once for both their pooled vectors and their word pieces (late interaction).
    chunk_vectors, token_vectors, token_offsets = encode_chunk_tokens(
        embedder,
        [passages[i].text for i in chunk_rows],
        progress=(lambda done: progress(done, total)) if progress else None,
    )
    vectors[chunk_rows] = chunk_vectors
    chunk_set = set(chunk_rows)
    rest = [i for i in range(len(texts)) if i not in chunk_set]
    # Encode in steps large enough for the model's own length-sorted batching to pay off,
    # small enough that the progress bar moves.
    step = 256
    for start in range(0, len(rest), step):
        rows = rest[start : start + step]
        vectors[rows] = embedder.encode([texts[i] for i in rows], batch_size=64)
        if progress:
            progress(len(chunk_rows) + min(start + step, len(rest)), total)

    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=cache_dir))
    try:
        trained_steps = 0
        if model_dir and pairs:
            trained_steps = adapt_query_encoder(
                model_dir,
                vectors[chunk_rows],
                pairs,
                tmp / QUERY_ENCODER_DIR,
                config,
                progress=(lambda done, _n: progress(len(texts) + done, total)) if progress else None,
            )
        retriever = bm25s.BM25()
        retriever.index(tokenize([p.text for p in passages if p.kind == "chunk"]), show_progress=False)
        retriever.save(str(tmp / "bm25"), show_progress=False)
        dense = faiss.IndexFlatIP(vectors.shape[1])
        dense.add(vectors[: len(passages)])
        answer_vectors = vectors[len(passages) : first_timed].copy()
        answer_vectors[timed] = vectors[first_timed:]
        np.save(tmp / "sentence_vectors.npy", answer_vectors)
        np.save(tmp / "sentence_spans.npy", np.array(span_rows, dtype=np.int64).reshape(-1, 5))
        passage_groups = np.array([p.unit for p in passages], dtype=np.int64)
        sentence_groups = np.array([row[0] for row in span_rows], dtype=np.int64)
        hubs = hubness(
            vectors[: len(passages)],
            vectors[len(passages) : first_timed],
            passage_groups,
            sentence_groups,
            HUB_NEIGHBOURS,
        )
        np.save(tmp / "hubness.npy", hubs)
        np.save(tmp / "token_vectors.npy", token_vectors.astype(np.float16))  # half the disk; ranks unchanged
        np.save(tmp / "token_offsets.npy", token_offsets)
        faiss.write_index(dense, str(tmp / "dense.faiss"))
        (tmp / "units.jsonl").write_text("".join(u.model_dump_json() + "\n" for u in units), encoding="utf-8")
        (tmp / "passages.json").write_text(
            json.dumps([{"unit": p.unit, "text": p.text, "kind": p.kind} for p in passages]), encoding="utf-8"
        )
        manifest = {
            "key": key,
            "model_id": embedder.model_id,
            "corpus_dir": str(corpus_dir),
            "documents": sorted({u.doc for u in units}),
            "units": len(units),
            "passages": len(passages),
            "chunk_tokens": int(token_offsets[-1]),
            "query_encoder": bool(trained_steps),
            "adaptation": {"pairs": len(pairs), "steps": trained_steps},
            "build_seconds": round(time.perf_counter() - started, 2),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        final = cache_dir / f"index-{key}"
        if final.exists():
            shutil.rmtree(final)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for stale in cache_dir.glob("index-*"):
        if stale != final:
            shutil.rmtree(stale, ignore_errors=True)
    return final


def encode_chunk_tokens(
    embedder: Embedder, texts: list[str], progress: Callable[[int], None] | None = None, step: int = 64
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One pass over the texts: their pooled vectors, and their content word pieces, normalised and stacked
    (pooled, token vectors, offsets with len(texts) + 1)."""
    pooled = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    blocks: list[np.ndarray] = []
    offsets = [0]
    for start in range(0, len(texts), step):
        batch_pooled, items = embedder.encode_with_tokens(texts[start : start + step], batch_size=32)
        pooled[start : start + len(items)] = batch_pooled
        for item in items:
            rows = normalise_rows(item.vectors[content_rows(item.pieces)])
            blocks.append(rows)
            offsets.append(offsets[-1] + len(rows))
        if progress:
            progress(min(start + step, len(texts)))
    vectors = np.concatenate(blocks) if blocks else np.zeros((0, embedder.dim), dtype=np.float32)
    return pooled, vectors.astype(np.float32), np.array(offsets, dtype=np.int64)


def load_index(cache_dir: Path, model_id: str, corpus_dir: Path | None = None, adapt: bool = True) -> HandbookIndex:
    """Load the cached index for this corpus, model and code; IndexCacheError if missing or unreadable."""
    corpus_dir = corpus_dir or default_corpus_dir()
    key = cache_key(corpus_dir, model_id, adapt)
    path = cache_dir / f"index-{key}"
    if not path.is_dir():
        raise IndexCacheError(f"no index for this corpus and model in {cache_dir}")
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("key") != key:
            raise IndexCacheError("index manifest does not match its directory")
        units = [Unit.model_validate_json(line) for line in (path / "units.jsonl").read_text().splitlines()]
        raw = json.loads((path / "passages.json").read_text(encoding="utf-8"))
        passages = [Passage(unit=int(p["unit"]), text=str(p["text"]), kind=str(p["kind"])) for p in raw]
        retriever = bm25s.BM25.load(str(path / "bm25"), show_progress=False)
        dense = faiss.read_index(str(path / "dense.faiss"))
        sentence_vectors = np.load(path / "sentence_vectors.npy")
        spans = np.load(path / "sentence_spans.npy")
        hubs = np.load(path / "hubness.npy")
        token_vectors = np.load(path / "token_vectors.npy").astype(np.float32)
        token_offsets = np.load(path / "token_offsets.npy")
    except IndexCacheError:
        raise
    except Exception as exc:  # any unreadable piece means a corrupt cache: the caller rebuilds
        raise IndexCacheError(f"index cache in {path} is unreadable ({type(exc).__name__}: {exc})") from exc
    if dense.ntotal != len(passages) or len(units) != manifest.get("units") or len(hubs) != len(passages):
        raise IndexCacheError(f"index cache in {path} is inconsistent (passage or unit counts differ)")
    passage_unit = np.array([p.unit for p in passages], dtype=np.int64)
    lexical = np.array([i for i, p in enumerate(passages) if p.kind == "chunk"], dtype=np.int64)
    if retriever.scores["num_docs"] != len(lexical):
        raise IndexCacheError(f"index cache in {path} is inconsistent (BM25 and passage counts differ)")
    if passage_unit.size and passage_unit.max() >= len(units):
        raise IndexCacheError(f"index cache in {path} is inconsistent (passage points past the units)")
    query_encoder = path / QUERY_ENCODER_DIR
    if manifest.get("query_encoder") and not (query_encoder / "config.json").is_file():
        raise IndexCacheError(f"index cache in {path} is incomplete (the adapted query encoder is missing)")
    if len(token_offsets) != len(lexical) + 1 or token_offsets[-1] != len(token_vectors):
        raise IndexCacheError(f"index cache in {path} is inconsistent (token vectors and chunk passages differ)")
    if len(spans) != len(sentence_vectors) or (len(spans) and spans[:, 0].max() >= len(units)):
        raise IndexCacheError(f"index cache in {path} is inconsistent (sentence vectors and spans differ)")
    offsets = (
        np.searchsorted(spans[:, 0], np.arange(len(units) + 1), side="left")
        if len(spans)
        else np.zeros(len(units) + 1, dtype=np.int64)
    )
    return HandbookIndex(
        units,
        passages,
        passage_unit,
        lexical,
        retriever,
        dense,
        manifest,
        spans,
        sentence_vectors,
        offsets,
        hubs,
        query_encoder if manifest.get("query_encoder") else None,
        token_vectors,
        token_offsets,
    )


def open_index(
    cache_dir: Path,
    embedder: Embedder,
    corpus_dir: Path | None = None,
    notify: Callable[[str], None] | None = None,
    progress: ProgressFn | None = None,
    adapt: bool = True,
) -> HandbookIndex:
    """Load the cached index, building it first when it is missing, stale or corrupt."""
    try:
        return load_index(cache_dir, embedder.model_id, corpus_dir, adapt)
    except IndexCacheError as exc:
        if notify:
            notify(f"{exc}; building it now")
    build_index(cache_dir, embedder, corpus_dir, progress, adapt)
    return load_index(cache_dir, embedder.model_id, corpus_dir, adapt)
