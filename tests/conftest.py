from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from retrieval.service import open_retrieval
from retrieval.settings import RetrievalSettings
from tests.fakes import FakeEmbedder

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = REPO.parent / "shared" / "eval"
# The public evaluation set lives beside the repository; a copy is kept in tests/data for a lone checkout.
QUESTIONS = EVAL_DIR / "questions.jsonl"
if not QUESTIONS.is_file():
    QUESTIONS = REPO / "tests" / "data" / "questions.jsonl"

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture(scope="session")
def fake_retrieval(tmp_path_factory):
    """The real corpus, BM25 and faiss, with the fake embedder: fast, no model."""
    cache = tmp_path_factory.mktemp("fake-cache")
    settings = RetrievalSettings(cache_dir=cache)
    return open_retrieval(settings, embedder=FakeEmbedder())


@pytest.fixture(scope="session")
def model_cache_dir(tmp_path_factory) -> Path:
    """One real index (real model) for the whole session, shared by every `model` test."""
    configured = os.environ.get("HANDBOOK_CACHE_DIR")
    return Path(configured) if configured else tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def real_retrieval(model_cache_dir):
    settings = RetrievalSettings(cache_dir=model_cache_dir)
    return open_retrieval(settings)


@pytest.fixture(scope="session")
def eval_questions():
    return [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
