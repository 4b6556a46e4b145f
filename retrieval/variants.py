"""Sections that describe a variant of the inspection, such as the re-inspection of an inadequate authority.

The handbook describes the same steps twice: the standard inspection (notice, preparation days, the
pre-inspection briefing) and, in section 4, the re-inspection. A question that does not name the variant
("how many preparation days does the lead inspector get?") is about the standard inspection, so the variant's
units are demoted, not removed: a question that matches them strongly still finds them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from retrieval.corpus import default_corpus_dir
from retrieval.errors import CorpusError
from retrieval.units import Unit

VARIANT_SECTIONS = "variant_sections.json"
# Words with their hyphens and everything after them: "post-monitoring", "re-inspected".
_WORD_START = re.compile(r"(?<![\w-])[\w][\w-]*")


class VariantSection(BaseModel):
    model_config = ConfigDict(extra="forbid")
    section: str = Field(description="The top-level section heading, as in the units' section path.")
    cues: list[str] = Field(min_length=1, description="Lower-case word beginnings whose presence names the variant.")


class VariantSections(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = Field(default="", alias="_comment")
    weight: float = Field(default=1.0, gt=0.0, le=1.0)
    sections: list[VariantSection] = []


@lru_cache(maxsize=4)
def load_variant_sections(corpus_dir: Path | None = None) -> VariantSections:
    path = (corpus_dir or default_corpus_dir()) / VARIANT_SECTIONS
    if not path.is_file():
        return VariantSections()
    try:
        return VariantSections.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0]
        raise CorpusError(f"{path} is not a valid list of variant sections: {first}") from exc


class VariantPrior:
    """Per-unit masks of the variant sections, applied to fused scores query by query."""

    def __init__(self, units: list[Unit], variants: VariantSections) -> None:
        self.weight = variants.weight
        self._sections = [([cue.lower() for cue in v.cues], _section_mask(units, v.section)) for v in variants.sections]

    def apply(self, query: str, scores: np.ndarray) -> np.ndarray:
        return demote_unnamed_variants(scores, query, self._sections, self.weight)


def _section_mask(units: list[Unit], section: str) -> np.ndarray:
    return np.array([u.section == section or u.section.startswith(section + " › ") for u in units], dtype=bool)


def demote_unnamed_variants(
    scores: np.ndarray, query: str, sections: list[tuple[list[str], np.ndarray]], weight: float
) -> np.ndarray:
    """Scores (non-negative, higher is better) with every variant section the query does not name multiplied
    by weight. Pure: the input array is not changed."""
    words = _WORD_START.findall(query.lower())
    out = scores
    for cues, mask in sections:
        # A cue starts a word: "re-inspect" is in "re-inspection" but not in "pre-inspection".
        if mask.any() and not any(word.startswith(cue) for cue in cues for word in words):
            if out is scores:
                out = scores.copy()
            out[mask] *= weight
    return out
