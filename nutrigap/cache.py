"""A small persistent JSON cache for web API responses.

Each entry is one JSON file named by the SHA-256 of its key, stored two levels
deep (``<dir>/<namespace>/<ab>/<abcdef...>.json``) so no folder grows huge.
Writes go to a temporary file that is then renamed over the target, so a crash
or two processes writing at once never leave half a file; a file that cannot
be read back (corrupt, truncated, foreign) counts as a miss.

The cache stores what the caller gives it; :mod:`nutrigap.fdc` builds keys and
entries without the API key, so no cache file or file name ever holds a
secret.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

__all__ = ["JSONCache", "default_cache_dir", "cache_key"]


def default_cache_dir() -> Path:
    """Return nutrigap's user cache folder.

    ``platformdirs.user_cache_dir("nutrigap")``: e.g. ``~/.cache/nutrigap`` on
    Linux, ``~/Library/Caches/nutrigap`` on macOS,
    ``%LOCALAPPDATA%\\nutrigap\\Cache`` on Windows. The ``NUTRIGAP_CACHE_DIR``
    environment variable overrides it.
    """
    env = os.environ.get("NUTRIGAP_CACHE_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("nutrigap", appauthor=False))


def cache_key(request: Mapping[str, Any]) -> str:
    """Return the hex SHA-256 of a request description (canonical JSON).

    Parameters
    ----------
    request : mapping
        JSON-serialisable; key order does not matter.
    """
    text = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class JSONCache:
    """Persistent key → JSON-value store, one file per entry.

    Parameters
    ----------
    directory : str or Path
        Root folder; created on first write.
    namespace : str, default "http"
        Sub-folder, so several caches can share a root.
    max_age : float, optional
        Entries older than this many seconds are misses. ``None`` (default):
        entries never expire (FoodData Central data change with its releases,
        a few times a year; delete the folder or call :meth:`clear` to refresh).
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        namespace: str = "http",
        max_age: float | None = None,
    ) -> None:
        self.directory = Path(directory).expanduser()
        self.namespace = namespace
        self.max_age = max_age

    def __repr__(self) -> str:
        return f"JSONCache({str(self.directory)!r}, namespace={self.namespace!r})"

    @property
    def root(self) -> Path:
        """Folder holding this cache's files."""
        return self.directory / self.namespace

    def path_for(self, key: str) -> Path:
        """Return the file that holds ``key`` (a hex digest from :func:`cache_key`)."""
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """Return the stored entry for ``key``, or ``None`` on a miss.

        An entry is the dict given to :meth:`set` plus ``"stored_at"`` (Unix time).
        """
        path = self.path_for(key)
        try:
            with path.open("r", encoding="utf-8") as fh:
                entry = json.load(fh)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or "stored_at" not in entry:
            return None
        if self.max_age is not None and time.time() - float(entry["stored_at"]) > self.max_age:
            return None
        return entry

    def set(self, key: str, entry: Mapping[str, Any]) -> Path:
        """Store ``entry`` (JSON-serialisable mapping) under ``key`` atomically.

        Returns
        -------
        pathlib.Path
            The file written.
        """
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {**entry, "stored_at": time.time()}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return sum(1 for _ in self.root.glob("*/*.json")) if self.root.is_dir() else 0

    def clear(self) -> int:
        """Delete every entry; return how many files were removed."""
        n = 0
        if self.root.is_dir():
            for f in self.root.glob("*/*.json"):
                f.unlink(missing_ok=True)
                n += 1
        return n
