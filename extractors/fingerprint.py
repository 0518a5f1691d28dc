"""Which extraction made a document's facts: a digest of what the pipeline reads — the extractors' and the
schema's code, the trained model, the rules and gazetteers in use (`KG_RULES_DIR`, `KG_GAZETTEER_DIR` or the
bundled ones), the direction lexicon, the guide, and the versions of the libraries that segment, convert and
classify. `kg ingest` keeps it on each document it loads (`Document.extracted_by`) and reads a document again when
the file is unchanged but the digest is not: after an upgrade of the rules or the model, the graph holds what the
current extractors find, not what an older version found. Files the pipeline does not read (READMEs, the
evaluation and training code) are left out, so editing them reads nothing again. Deterministic: the same inputs
give the same digest on any machine."""
from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from extractors.directions import LEXICON
from extractors.gazetteer import gazetteer_dir
from extractors.pipeline import GUIDE_PATH
from extractors.rules import rules_dir
from seed_data import resource

DIGEST_CHARS = 16
# code that scores or trains, never extracts
NOT_EXTRACTION = frozenset({"evaluate.py", "recommendation_training.py", "direction_training.py"})
LIBRARIES = ("spacy", "jieba", "opencc", "pyahocorasick")


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts]


def _inputs(rules: Path, gazetteers: Path) -> list[tuple[str, Path]]:
    """(a stable name, the file) for every file the extraction reads, in name order."""
    code, schema = resource(package="extractors"), resource(package="schema")
    found = [(f"extractors/{p.relative_to(code).as_posix()}", p) for p in _files(code, (".py",))
             if p.name not in NOT_EXTRACTION]
    found += [(f"model/{p.relative_to(code).as_posix()}", p) for p in (code / "models").rglob("*") if p.is_file()]
    found += [(f"schema/{p.relative_to(schema).as_posix()}", p) for p in _files(schema, (".py",))]
    found += [(f"rules/{p.relative_to(rules).as_posix()}", p) for p in _files(rules, (".tsv",))]
    found += [(f"gazetteers/{p.relative_to(gazetteers).as_posix()}", p) for p in _files(gazetteers, (".tsv",))]
    found += [("lexicon", LEXICON), ("guide", GUIDE_PATH)]
    return sorted(found)


def extraction_fingerprint() -> str:
    """The digest of the extraction's inputs (names and bytes) and libraries, `DIGEST_CHARS` hex characters."""
    return _digest(rules_dir(), gazetteer_dir())


@cache
def _digest(rules: Path, gazetteers: Path) -> str:
    digest = hashlib.sha256()
    for name in LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}\0".encode())
    for name, path in _inputs(rules, gazetteers):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:DIGEST_CHARS]
