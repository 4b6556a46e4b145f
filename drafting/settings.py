"""Settings of the evidence store, read from the environment at the entry point only."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HANDBOOK_", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="Any SQLAlchemy URL (e.g. postgresql://…); default: SQLite in ~/.local/share/handbook-assistant.",
    )
