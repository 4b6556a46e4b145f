"""Identifying details in SEA entries (para 160: only job titles, case references or initials)."""

from __future__ import annotations

from collections.abc import Iterable

from drafting.identifiers import Finding, IdentifierScanner
from drafting.sea import SeaEntry

TEXT_FIELDS = ("evaluation", "evidence", "impact")


def entry_identifiers(entries: Iterable[SeaEntry], scanner: IdentifierScanner) -> list[tuple[str, str, Finding]]:
    """(entry id, field, finding) for every identifying detail, scanned in SEA mode."""
    return [
        (entry.id, field, finding)
        for entry in entries
        for field in TEXT_FIELDS
        for finding in scanner.scan(getattr(entry, field), mode="sea")
    ]
