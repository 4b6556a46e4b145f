"""SEA entries (para 152-161): one evaluated finding each, validated at the boundary."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafting.areas import Judgement, load_areas

Role = Literal["HMI", "lead inspector", "education HMI", "QAM"]
Grade = Literal["outstanding", "good", "requires-improvement", "inadequate"]
Flag = Literal["annex-h", "best-practice", "significant-concern"]
FIELDS = ("id", "date", "author", "judgement", "areas", "evaluation", "evidence", "impact", "cases", "grade", "flags")
REQUIRED = ("id", "date", "author", "judgement", "evaluation", "evidence", "impact")
_ROLES = {"hmi": "HMI", "lead inspector": "lead inspector", "education hmi": "education HMI", "qam": "QAM"}


def _split(value: object) -> object:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


class SeaEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=40)
    date: dt.date
    author: Role
    judgement: Judgement
    areas: list[str] = []
    evaluation: str = Field(min_length=3)
    evidence: str = Field(min_length=3)
    impact: str = Field(min_length=3)
    cases: list[str] = []
    grade: Grade | None = None
    flags: list[Flag] = []

    @field_validator("areas", "cases", "flags", mode="before")
    @classmethod
    def _semicolon_lists(cls, value: object) -> object:
        return _split(value)

    @field_validator("grade", mode="before")
    @classmethod
    def _empty_grade(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("author", mode="before")
    @classmethod
    def _role(cls, value: object) -> object:
        # A role, never a name (para 160): accept any capitalisation of the four roles, nothing else.
        if isinstance(value, str):
            return _ROLES.get(value.strip().lower(), value)
        return value

    @field_validator("areas")
    @classmethod
    def _known_areas(cls, value: list[str]) -> list[str]:
        known = {a.id for a in load_areas().areas}
        unknown = [a for a in value if a not in known]
        if unknown:
            raise ValueError(f"unknown area id(s) {', '.join(unknown)}; use ids from the reporting-areas table")
        return value

    @property
    def is_review(self) -> bool:
        """A QAM entry records the quality assurance review (para 159): not evidence, never report text."""
        return self.author == "QAM"

    @property
    def is_strength(self) -> bool:
        return self.grade in ("outstanding", "good") or "best-practice" in self.flags

    @property
    def is_weakness(self) -> bool:
        return self.grade in ("requires-improvement", "inadequate") or "significant-concern" in self.flags


FIX_HINTS = {
    "id": "give each entry a unique id such as SEA-014",
    "date": "use an ISO date such as 2026-03-04",
    "author": "use a role: HMI, lead inspector, education HMI or QAM (never a name)",
    "judgement": "use help-and-protection, children-looked-after, adoption, care-leavers or leadership",
    "areas": "use ;-separated area ids from the reporting-areas table, or leave it empty to have them assigned",
    "evaluation": "write the overall evaluative statement",
    "evidence": "summarise the evidence, with figures",
    "impact": "state the consequence for children and young people",
    "cases": "use ;-separated case references",
    "grade": "use outstanding, good, requires-improvement or inadequate, or leave it empty",
    "flags": "use ;-separated flags: annex-h, best-practice, significant-concern",
}
