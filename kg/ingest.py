"""`kg ingest`: files and folders -> facts -> the store, incrementally.

* A file whose sha256 equals that of its ingested document is skipped (nothing is extracted), unless the
  extraction changed since (`extractors.fingerprint`: new rules, gazetteers or model): then it is read again.
* A changed file's old facts are replaced, in the same transaction as the new ones.
* A file that cannot be read is reported by name and reason; the rest are ingested.
* The guide is loaded before any other document (recommendations link to its directions); if the
  store has no guide and none is given, the bundled `seed_data/guide-2020.txt` is loaded first.
* `prune=True` removes the documents under the given folders whose files are gone.
* After the documents, support across the corpus (EVIDENCED_BY, SAME_MEASURE: `kg.support`) is
  brought up to date whenever anything changed, and the drafters' decisions (`kg.review`, never
  deleted by ingest) are applied to the facts again.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.documents import RawDocument, ReadError, iter_paths, read_document
from extractors.fingerprint import extraction_fingerprint
from extractors.guide import is_guide
from extractors.pipeline import GUIDE_PATH, WINDOW_CHARS, extract, extract_windows, to_document
from kg import aggregates
from kg import load
from kg.load import (delete_documents, drop_obsolete, ingested_documents, load_facts, load_window, obsolete,
                     remove_complete_document, remove_incomplete_document)
from kg.merges import Merge, apply_names, merge_map, merges, rewrite
from kg.review import apply_decisions, has_decisions
from kg.stores.base import GraphStore
from kg.support import SupportReport, support_is_current, update_support
from schema.model import Facts
from schema.settings import load_settings
from seed_data import require

BATCH_DOCUMENTS = load_settings().kg_ingest_batch  # documents per write transaction
CHECKPOINT_EVERY = 500  # documents between checkpoints (readers see a checkpoint), at least
CHECKPOINT_SHARE = 4  # … and at least a quarter of the documents in the store


def checkpoint_due(since: int, stored: int) -> bool:
    """Whether to checkpoint after `since` documents loaded since the last one, with `stored` in the
    store. A checkpoint writes the whole graph (embedded: kglite `save()`), so one every 500 documents
    made their cost grow with the square of the corpus (20 checkpoints, 46 s of a 10,000-document
    ingest); spaced by a share of the graph, they cost a bounded multiple of the last one."""
    return since >= max(CHECKPOINT_EVERY, stored // CHECKPOINT_SHARE)


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pruned: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    support: SupportReport | None = None

    def summary(self) -> str:
        return (f"ingested {len(self.ingested)}, unchanged {len(self.skipped)}, rejected {len(self.rejected)}"
                + (f", pruned {len(self.pruned)}" if self.pruned else ""))


Progress = Callable[[str, int], None]  # (path, total) -> None, called once per file


def _read_all(paths: Iterable[str | Path], report: IngestReport) -> Iterator[RawDocument]:
    for path, error in iter_paths(paths):
        if error is not None:
            report.rejected.append((error.path, error.reason))
            continue
        try:
            raw = read_document(path)
        except ReadError as exc:
            report.rejected.append((exc.path, exc.reason))
            continue
        for warning in raw.warnings:
            report.warnings.append(f"{raw.path}: {warning}")
        yield raw


def documents_in_order(paths: Iterable[str | Path], report: IngestReport, *, add_guide: bool,
                       progress: Progress | None = None) -> Iterator[tuple[RawDocument, str]]:
    """The documents of `paths` with their ids, the guide first (the bundled one first when
    `add_guide` and none is given), otherwise in the given order; unreadable files and a second
    file of one document id are rejected in `report`. Each text is let go once the caller moves on."""
    raws = list(_read_all(paths, report))
    raws.sort(key=lambda r: not is_guide(r.text))
    if add_guide and not any(is_guide(r.text) for r in raws):
        raws.insert(0, read_document(require(GUIDE_PATH, "an ingest into a store without a guide")))
    total = len(raws)
    raws.reverse()  # popped from the end
    seen: set[str] = set()
    while raws:
        raw = raws.pop()
        if progress:
            progress(raw.path, total)
        doc_id = to_document(raw).id
        if doc_id in seen:
            report.rejected.append((raw.path, f"same document id as another file in this run ({doc_id})"))
            continue
        seen.add(doc_id)
        yield raw, doc_id


def _same_file(stored: str | None, given: str) -> bool:
    """Whether a stored document's path and a path given now name the same file."""
    if not stored or stored == given:
        return True
    try:
        return os.path.samefile(stored, given)
    except OSError:  # the stored file is gone, or the path was relative to another folder
        return False


def remove_incomplete(store: GraphStore) -> list[str]:
    """Delete documents an interrupted ingest left half-loaded (no sha256: a long document is
    loaded window by window and gets its sha256 with the last one), so no page shows them."""
    rows = store.read("MATCH (d:Document) WHERE d.sha256 IS NULL RETURN d.id AS id, d.title AS title, d.path AS path "
                      "ORDER BY id")
    for row in rows:  # its counts come with its last window: none to take out
        remove_incomplete_document(store, row["id"])
    return [f"{r['title']} ({r['path']})" for r in rows]


def upgrade(store: GraphStore) -> list[str]:
    """Bring a graph written by an earlier version up to this one, once (what `ingest` does before it
    writes): the counts the pages read kept (kg.aggregates), the relationship properties no longer kept
    dropped (kg.load). What was done, as warnings; nothing when the graph is current."""
    done = []
    if aggregates.missing(store):  # a graph written before the counts were kept: count once, then keep
        done.append(f"counted the kept page counts once ({aggregates.write_recount(store)} nodes): "
                    "this graph was written before they were kept")
    if obsolete(store):  # a graph written before relationships kept what they keep now (kg.load): once
        drop_obsolete(store)
        done.append("removed the relationship properties this version no longer keeps (mention text, "
                    "label and doc_id; …) and gave each fact its document's year: this graph was written before")
    return done


OUT_OF_MEMORY = ("out of memory while extracting it (KG_MAX_DOCUMENT_CHARS lowers the longest text read); "
                 "the other documents are ingested")


def ingest(store: GraphStore, paths: list[str], *, prune: bool = False, progress: Progress | None = None,
           extractor: Callable[[RawDocument], Facts] = extract, replace: bool = False,
           reload: bool = False) -> IngestReport:
    """Ingest `paths`. A file whose document id is already stored for another file is rejected
    with both paths named, unless `replace` (the stored document is then replaced). `reload`
    reads unchanged files again (after a merge or split of entities)."""
    report = IngestReport()
    store.apply_schema()
    for doc in remove_incomplete(store):
        report.warnings.append(f"removed the incomplete document {doc} left by an interrupted ingest "
                               "(it is loaded again when its file is ingested)")
    report.warnings += upgrade(store)
    known = ingested_documents(store)
    standing = merges(store)
    by_source = merge_map(standing)
    has_guide = bool(store.read("MATCH (d:Guide) RETURN d.id AS id LIMIT 1"))
    seen: set[str] = set()
    reextracted = 0
    batch: list[Facts] = []
    since_checkpoint = 0
    for raw, doc_id in documents_in_order(paths, report, add_guide=not has_guide, progress=progress):
        seen.add(doc_id)
        stored = known.get(doc_id)
        unchanged = stored is not None and stored.get("sha256") == raw.sha256 and not reload
        if unchanged and stored.get("extracted_by") == extraction_fingerprint():
            report.skipped.append(raw.path)
            continue  # the same file, read by the same extraction: its facts are these
        if stored is not None and not unchanged and not replace and not _same_file(stored.get("path"), raw.path):
            key = raw.metadata.id or Path(raw.path).name
            report.rejected.append((raw.path, f"document id {key!r} is already taken by {stored.get('path')}; "
                                              "give this file another id in its front matter, or use --replace "
                                              "to replace the stored document with it"))
            continue
        reextracted += unchanged  # the same file, but the extractors changed since it was read
        if len(raw.text) > WINDOW_CHARS:  # a long document: window by window, memory bounded
            try:
                _load_long(store, raw, by_source,
                           before_first=(lambda: _old_version_out(store, doc_id)) if stored is not None else None)
            except ValueError as exc:
                report.rejected.append((raw.path, str(exc)))
                continue
            except MemoryError:  # its windows so far are removed by the next ingest (remove_incomplete)
                report.rejected.append((raw.path, OUT_OF_MEMORY))
                continue
            report.ingested.append(raw.path)
            continue
        try:
            batch.append(rewrite(extractor(raw), by_source))
        except ValueError as exc:  # e.g. a guide that does not parse
            report.rejected.append((raw.path, str(exc)))
            continue
        except MemoryError:
            report.rejected.append((raw.path, OUT_OF_MEMORY))
            continue
        if stored is not None:  # read: the stored version may go (a long one in pieces; a short one with the batch)
            _old_version_out(store, doc_id)
        report.ingested.append(raw.path)
        if len(batch) >= BATCH_DOCUMENTS:
            load_facts(store, batch)
            since_checkpoint += len(batch)
            batch = []
            if checkpoint_due(since_checkpoint, len(known) + len(report.ingested)):
                store.checkpoint()
                since_checkpoint = 0
    if batch:
        load_facts(store, batch)
    if reextracted:
        report.warnings.append(f"{reextracted} unchanged file(s) read again: the extractors (rules, gazetteers or "
                               f"model) changed since they were loaded (extraction {extraction_fingerprint()})")
    if prune:
        report.pruned = _prune(store, paths, seen, known)
    if standing and (report.ingested or report.pruned):
        apply_names(store, standing)
    if report.ingested or report.pruned or not support_is_current(store):
        report.support = update_support(store)
        if has_decisions(store):  # the re-created facts take their reviews again
            apply_decisions(store)
    store.checkpoint()
    return report


def _old_version_out(store: GraphStore, doc_id: str) -> None:
    """A stored version of more than `REMOVAL_CHUNK` passages removed in pieces before its new version is loaded (its
    first window's write would take it out in one transaction that reads all its mentions at once); a shorter one
    goes in that write. Called once the new version has been read and its first facts extracted, so a version
    refused before that keeps the stored one."""
    if load.is_long(store, doc_id, load.REMOVAL_CHUNK):
        remove_complete_document(store, doc_id, load.REMOVAL_CHUNK)


def _load_long(store: GraphStore, raw: RawDocument, by_source: dict[str, Merge],
               before_first: Callable[[], None] | None = None) -> None:
    previous: Facts | None = None
    first = True
    counts = aggregates.EntityCounts()
    for window in extract_windows(raw):
        facts = rewrite(window, by_source)
        if previous is not None:
            if first and before_first is not None:
                before_first()
            load_window(store, previous, first=first, last=False, counts=counts)
            first = False
        previous = facts
    assert previous is not None
    if first and before_first is not None:
        before_first()
    load_window(store, previous, first=first, last=True, counts=counts)
    store.checkpoint()


def _prune(store: GraphStore, paths: list[str], seen: set[str], known: dict[str, dict]) -> list[str]:
    """Documents under the given folders that were not seen in this run and whose file is gone."""
    folders = [str(Path(p)) for p in paths if Path(p).is_dir()]
    gone = [doc_id for doc_id, info in known.items()
            if doc_id not in seen and info.get("path")
            and any(str(Path(info["path"])).startswith(folder) for folder in folders)
            and not Path(info["path"]).exists()]
    delete_documents(store, gone)
    return gone
