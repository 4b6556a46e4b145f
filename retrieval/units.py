"""The citable unit: the thing every search result and citation points at."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

UnitKind = Literal["para", "annex-item", "annex-m-row", "annex"]


class Unit(BaseModel):
    """One citable piece of a source document, with its canonical `ref` (DESIGN.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: str
    doc: str
    section: str
    text: str
    kind: UnitKind
    order: int

    @property
    def key(self) -> tuple[str, str]:
        # Two documents may carry the same ref (both versions of Annex M), so identity is (doc, ref).
        return (self.doc, self.ref)
