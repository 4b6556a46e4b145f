"""Files kept in the cache directory between processes: written whole or not at all."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)


def write_atomically(path: Path, write: Callable[[BinaryIO], None], what: str) -> bool:
    """Write `path` through a temporary file beside it, so readers see the old file or the new one, never
    half of one. A cache that cannot be written only costs the time it would have saved: logged, not raised."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the file from others sharing the cache
        os.replace(tmp, path)
        return True
    except OSError as exc:
        log.warning("could not store %s in %s (%s)", what, path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
