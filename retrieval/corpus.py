"""Load the documents listed in the corpus directory's `documents.json` and parse them into units."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from retrieval.errors import CorpusError
from retrieval.parse_annex_m import parse_annex_m
from retrieval.parse_handbook import parse_handbook
from retrieval.parse_plain import parse_plain
from retrieval.units import Unit

DOCUMENT_LIST = "documents.json"


class MissingHeading(BaseModel):
    model_config = ConfigDict(extra="forbid")
    before: str
    heading: str


class DocumentSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    file: str
    title: str
    parser: Literal["handbook", "annex-m-table", "plain"]
    missing_headings: list[MissingHeading] = []

    @property
    def doc_id(self) -> str:
        return Path(self.file).stem


class DocumentList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentSpec]


def default_corpus_dir() -> Path:
    import corpus

    return Path(corpus.__file__).resolve().parent


def load_document_list(corpus_dir: Path) -> DocumentList:
    path = corpus_dir / DOCUMENT_LIST
    if not path.is_file():
        raise CorpusError(f"no {DOCUMENT_LIST} in corpus directory {corpus_dir} (set HANDBOOK_CORPUS_DIR)")
    try:
        listing = DocumentList.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0]
        raise CorpusError(f"{path} is not a valid document list: {first}") from exc
    for spec in listing.documents:
        if not (corpus_dir / spec.file).is_file():
            raise CorpusError(f"{path} lists {spec.file}, which is not in {corpus_dir}")
    return listing


def corpus_fingerprint(corpus_dir: Path) -> str:
    """Content hash of the document list and every listed file: the index cache is keyed by it."""
    listing = load_document_list(corpus_dir)
    digest = hashlib.sha256((corpus_dir / DOCUMENT_LIST).read_bytes())
    for spec in listing.documents:
        digest.update(spec.file.encode())
        digest.update((corpus_dir / spec.file).read_bytes())
    return digest.hexdigest()


def load_units(corpus_dir: Path | None = None) -> list[Unit]:
    corpus_dir = corpus_dir or default_corpus_dir()
    listing = load_document_list(corpus_dir)
    units: list[Unit] = []
    for spec in listing.documents:
        try:
            text = (corpus_dir / spec.file).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{spec.file} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        if spec.parser == "handbook":
            fixes = [fix.model_dump() for fix in spec.missing_headings]
            units.extend(parse_handbook(text, spec.doc_id, fixes))
        elif spec.parser == "annex-m-table":
            units.extend(parse_annex_m(text, spec.doc_id))
        else:
            units.extend(parse_plain(text, spec.doc_id, spec.title))
    return units
