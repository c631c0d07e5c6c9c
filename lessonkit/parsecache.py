"""Remember each content file's parse and schema check, keyed by the file's bytes.

Reading YAML with positions and checking it against its schema is most of the generate
step; an author who edits one lesson should not pay for all the others again. Entries are
keyed by a hash of the file's bytes and its kind, and the whole cache by a fingerprint of
the code and schemas that produce an entry, so any change to either is a miss, never a
stale answer.

The cache is one pickle under the project's git-ignored `.lessonkit/` folder, written only
by lessonkit (pickle runs code when loaded: never point this at a file from elsewhere).
A cache that cannot be read or written is ignored; it only ever costs a cold parse.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .problems import Problem
from .textmarks import TextMarks

FILE_NAME = "parsed.pickle"
_PACKAGE = Path(__file__).parent
# What decides an entry: the parser, the schema checks, the schemas, the problem type, the
# text marks and each file's piece of the model.
_SOURCES = (
    "yamlsource.py",
    "load.py",
    "model.py",
    "schema.py",
    "problems.py",
    "markup.py",
    "textmarks.py",
    "parsecache.py",
)


@dataclass
class Entry:
    """One file: its piece of the course model (load.py; None unless it parsed and passed
    its schema check), the problems met reading it, those its schema check found, and (for
    a file that passed both) its text marks."""

    digest: str
    part: Any
    problems: list[Problem]
    schema_problems: list[Problem]
    marks: TextMarks | None = None


@cache
def fingerprint() -> str:
    h = hashlib.sha256()
    h.update(sys.version.encode())
    for package in ("pyyaml", "jsonschema", "jsonschema-rs"):
        try:
            h.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            h.update(package.encode())
    for path in [*(_PACKAGE / s for s in _SOURCES), *sorted((_PACKAGE / "schema").glob("*"))]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def digest(raw: bytes, kind: str) -> str:
    return hashlib.blake2b(raw, digest_size=16, person=kind.encode()[:16]).hexdigest()


@dataclass
class ParseCache:
    """Entries by shown file name; `save` writes them back when any changed."""

    path: Path | None
    entries: dict[str, Entry] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    _dirty: bool = False

    @classmethod
    def open(cls, folder: Path | None) -> ParseCache:
        if folder is None:
            return cls(None)
        path = folder / FILE_NAME
        try:
            with path.open("rb") as f:
                stored = pickle.load(f)
            if stored.get("fingerprint") == fingerprint():
                return cls(path, dict(stored["entries"]))
        except Exception:  # missing, truncated or from another version: start afresh
            pass
        return cls(path)

    def get(self, name: str, key: str) -> Entry | None:
        self._seen.add(name)
        entry = self.entries.get(name)
        return entry if entry is not None and entry.digest == key else None

    def put(self, name: str, entry: Entry) -> None:
        self._seen.add(name)
        self.entries[name] = entry
        self._dirty = True

    def save(self) -> None:
        """Write the entries of the files seen in this run (others have gone) atomically."""
        if self.path is None:
            return
        gone = set(self.entries) - self._seen
        if not self._dirty and not gone:
            return
        for name in gone:
            del self.entries[name]
        stored = {"fingerprint": fingerprint(), "entries": self.entries}
        self._dirty = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=self.path.parent)
        except OSError:
            return  # a read-only checkout builds, just without the cache
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(stored, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
