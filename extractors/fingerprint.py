"""Which extraction made a document's facts: a digest of everything the default pipeline reads — the
extractors' code, the trained model, the rules, gazetteers and lexicons, and the guide. `kg ingest` keeps it on
each document it loads (`Document.extracted_by`) and reads a document again when the file is unchanged but the
digest is not: after an upgrade of the rules or the model, the graph holds what the current extractors find,
not what an older version found. Deterministic: the same files give the same digest on any machine."""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from seed_data import resource

DIGEST_CHARS = 16


def _inputs() -> list[tuple[str, Path]]:
    """(a stable name, the file) for every file the extraction reads, in name order."""
    code = resource(package="extractors")
    data = resource()
    found = [(f"extractors/{p.relative_to(code).as_posix()}", p) for p in code.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    for folder in ("rules", "gazetteers", "lexicon"):
        found += [(f"seed_data/{p.relative_to(data).as_posix()}", p) for p in (data / folder).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts]
    found.append(("seed_data/guide-2020.txt", data / "guide-2020.txt"))
    return sorted(found)


@cache
def extraction_fingerprint() -> str:
    """The digest of the extraction's inputs (names and bytes), `DIGEST_CHARS` hex characters."""
    digest = hashlib.sha256()
    for name, path in _inputs():
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:DIGEST_CHARS]
