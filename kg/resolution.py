"""Entity resolution applied: a merge or split is recorded (`kg.merges`) and the documents that name
either entity are read again from their files, so the graph is what `kg ingest` gives with the
decision; and the import of a `kg review export` file, whose merges are made the same way."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import IngestReport, ingest
from kg.merges import Merge, apply_names, merges, record_merge, record_split
from kg.review import now
from kg.stores.base import GraphStore


@dataclass
class MergeReport:
    reloaded: IngestReport
    missing: list[str] = field(default_factory=list)  # documents whose files are gone (not re-read)


def _reload(store: GraphStore, affected: list[dict]) -> MergeReport:
    paths = [d["path"] for d in affected if d.get("path") and Path(d["path"]).is_file()]
    missing = [d["path"] or d["id"] for d in affected if not (d.get("path") and Path(d["path"]).is_file())]
    report = ingest(store, paths, reload=True) if paths else IngestReport()
    apply_names(store, merges(store))  # also clears the names of a merge just undone
    store.checkpoint()
    return MergeReport(reloaded=report, missing=missing)


def merge_entities(store: GraphStore, label: str, name: str, into: str, by: str = "") -> MergeReport:
    """Merge the entity `label`/`name` into `label`/`into` (recorded with who and when), and read the
    documents that mention either again, so the graph is what ingest gives with the decision."""
    affected = record_merge(store, Merge(label=label, name=name, into=into, by=by, at=now()))
    return _reload(store, affected)


def split_entity(store: GraphStore, label: str, name: str) -> MergeReport:
    """Undo the merge of `label`/`name`: it is its own entity again in every document that names it."""
    return _reload(store, record_split(store, label, name))


def import_review(store: GraphStore, path: Path) -> tuple[int, int]:
    """Import a file of `kg review export`: its decisions, then its merges (each made as `kg review
    merge` makes it, unless it already stands). Returns (decisions, merges made)."""
    from kg.review import import_decisions, read_decisions

    _, merge_rows = read_decisions(path)  # the whole file is checked before anything is recorded
    n = import_decisions(store, path)
    standing = {(m.label, m.name) for m in merges(store)}
    made = 0
    for row in merge_rows:
        if (row["label"], row["name"]) not in standing:
            merge_entities(store, row["label"], row["name"], row["into"], by=row.get("by") or "")
            made += 1
    return n, made
