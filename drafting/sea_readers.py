"""Reading SEA files: CSV, JSON, .xlsx (first sheet) and a .docx table. A file with any invalid row is
rejected whole, unless the caller asks to skip invalid rows (which are then listed)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from drafting.documents import MAX_FILE_BYTES, zip_bomb_problem
from drafting.errors import DraftingError
from drafting.sea import FIELDS, FIX_HINTS, REQUIRED, SeaEntry


class SeaFileError(DraftingError):
    """The SEA file cannot be used: every problem is listed, one per line, each saying how to fix it."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        # One problem stays on one line (the contract's one-line reason); several are listed one per line.
        listed = " " + shown[0] if len(shown) == 1 else "\n  " + "\n  ".join(shown)
        super().__init__(f"{path}: rejected, nothing imported:{listed}")


@dataclass
class SeaImport:
    entries: list[SeaEntry]
    skipped: list[str] = field(default_factory=list)


def _rows_csv(data: bytes) -> tuple[list[str], list[dict[str, object]]]:
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    rows = [dict(row) for row in reader]
    return [f.strip() for f in reader.fieldnames or []], rows


def _rows_json(data: bytes) -> list[dict[str, object]]:
    raw = json.loads(data.decode("utf-8-sig"))
    if isinstance(raw, dict) and "entries" in raw:
        raw = raw["entries"]
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise ValueError('expected a list of entry objects, or {"entries": [...]}')
    return raw


def _rows_xlsx(path: Path) -> list[dict[str, object]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    workbook.close()
    if not rows:
        return []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    out = []
    for values in rows[1:]:
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        out.append({h: ("" if v is None else v) for h, v in zip(header, values, strict=False) if h})
    return out


def _rows_docx(path: Path) -> list[dict[str, object]]:
    import docx

    from drafting.documents import cell_text

    document = docx.Document(str(path))
    for table in document.tables:
        header = [cell_text(c).strip() for c in table.rows[0].cells]
        if "id" in header and "evaluation" in header:
            # Tracked changes accepted: text inserted by a reviewer is the entry's text, deleted text is not.
            return [
                {h: cell_text(cell) for h, cell in zip(header, row.cells, strict=False) if h}
                for row in table.rows[1:]
                if any(cell_text(cell).strip() for cell in row.cells)
            ]
    raise ValueError("no table with an 'id' and an 'evaluation' column in the document")


def read_sea(path: Path, skip_invalid: bool = False) -> SeaImport:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SeaFileError(path, ["file not found"])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SeaFileError(path, ["file is over the 20 MB limit"])
    try:
        header: list[str] = []
        # .xlsx and .docx are zip archives: the same expansion cap as report drafts (documents.py).
        problem = zip_bomb_problem(path) if suffix in (".xlsx", ".docx") else None
        if problem:
            raise SeaFileError(path, [problem])
        if suffix == ".csv":
            header, rows = _rows_csv(path.read_bytes())
        elif suffix == ".json":
            rows = _rows_json(path.read_bytes())
        elif suffix == ".xlsx":
            rows = _rows_xlsx(path)
        elif suffix == ".docx":
            rows = _rows_docx(path)
        else:
            raise SeaFileError(path, [f"unsupported type {suffix or '(none)'}: use .csv, .json, .xlsx or .docx"])
    except SeaFileError:
        raise
    except UnicodeDecodeError as exc:
        raise SeaFileError(path, [f"not UTF-8 text (byte offset {exc.start}); save it as UTF-8"]) from exc
    except Exception as exc:  # malformed JSON, a broken workbook or document
        raise SeaFileError(path, [f"cannot read it as {suffix[1:]}: {exc}"]) from exc
    columns = set(header).union(*(r.keys() for r in rows))
    if not columns:
        raise SeaFileError(path, ["no entries found"])
    missing = [f for f in REQUIRED if f not in columns]
    unknown = sorted(c for c in columns if c not in FIELDS)
    problems = [f"missing column '{f}' ({FIX_HINTS[f]})" for f in missing]
    problems += [f"unknown column '{c}'; the columns are: {', '.join(FIELDS)}" for c in unknown]
    if problems:
        raise SeaFileError(path, problems)
    if not rows:
        raise SeaFileError(path, ["no entries found"])

    entries: list[SeaEntry] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2 if suffix in (".csv", ".xlsx", ".docx") else 1):
        label = f"row {number}" if suffix != ".json" else f"entry {number}"
        cleaned = {k: ("" if v is None else v) for k, v in row.items() if k in FIELDS}
        for optional in ("areas", "cases", "flags", "grade"):
            if cleaned.get(optional) == "":
                cleaned.pop(optional)
        try:
            entry = SeaEntry.model_validate(cleaned)
        except ValidationError as exc:
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else "?"
                invalid.append(f"{label}, field '{name}': {error['msg']} — {FIX_HINTS.get(name, 'check the value')}")
            continue
        if entry.id in seen:
            invalid.append(f"{label}, field 'id': duplicate id {entry.id} — {FIX_HINTS['id']}")
            continue
        seen.add(entry.id)
        entries.append(entry)
    if invalid and not skip_invalid:
        raise SeaFileError(path, invalid)
    if not entries:
        raise SeaFileError(path, invalid or ["no valid entries"])
    return SeaImport(entries=entries, skipped=invalid)
