"""The reporting areas of para 171-173 and Annex M, kept as data in corpus/reporting_areas.json."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from retrieval.corpus import default_corpus_dir

Judgement = Literal["help-and-protection", "children-looked-after", "adoption", "care-leavers", "leadership"]


class ReportingArea(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    area: str
    paras: list[int]
    judgements: list[Judgement]
    annex_m: dict[str, list[str]]
    probes: list[str]
    conditional: Literal["prevent", "delegated"] | None = None

    @property
    def source(self) -> str:
        return ", ".join(f"para {p}" for p in self.paras[:1]) + "; Annex M"

    def required(self, prevent: bool = False, delegated: bool = False) -> bool:
        """Every area is required, except a conditional one whose condition (a Prevent priority area,
        delegated functions) has not been flagged."""
        return self.conditional is None or {"prevent": prevent, "delegated": delegated}[self.conditional]


class AdvisoryArea(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    area: str
    annex_m: dict[str, list[str]]


class AreaTable(BaseModel):
    model_config = ConfigDict(extra="forbid")
    areas: list[ReportingArea]
    advisory: list[AdvisoryArea]


@lru_cache(maxsize=1)
def load_areas() -> AreaTable:
    raw = json.loads((default_corpus_dir() / "reporting_areas.json").read_text(encoding="utf-8"))
    raw.pop("_comment", None)
    return AreaTable.model_validate(raw)
