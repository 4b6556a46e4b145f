"""Wiring: settings -> embedder -> index -> searcher/answerer. Front ends (CLI, Slack) call this."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from retrieval.answer import Answerer
from retrieval.embedder import Embedder, SentenceTransformerEmbedder
from retrieval.index import HandbookIndex, ProgressFn, open_index
from retrieval.search import Searcher
from retrieval.settings import RetrievalSettings
from retrieval.shorthand import load_expansions
from retrieval.variants import VariantPrior, load_variant_sections


@dataclass
class Retrieval:
    settings: RetrievalSettings
    embedder: Embedder
    index: HandbookIndex
    searcher: Searcher
    answerer: Answerer


def open_retrieval(
    settings: RetrievalSettings,
    embedder: Embedder | None = None,
    notify: Callable[[str], None] | None = None,
    progress: ProgressFn | None = None,
) -> Retrieval:
    embedder = embedder or SentenceTransformerEmbedder(settings.model_dir)
    index = open_index(
        settings.cache_dir,
        embedder,
        settings.corpus_dir,
        notify=notify,
        progress=progress,
        adapt=settings.adapt_queries,
    )
    query_embedder = SentenceTransformerEmbedder(index.query_encoder_dir) if index.query_encoder_dir else embedder
    searcher = Searcher(
        index,
        embedder,
        load_expansions(settings.corpus_dir),
        query_embedder=query_embedder,
        variants=VariantPrior(index.units, load_variant_sections(settings.corpus_dir)),
    )
    return Retrieval(settings, embedder, index, searcher, Answerer(searcher))
