"""`kg ingest --bulk`: a fresh Neo4j database filled by the server's own importer.

The documents are read and extracted as `kg ingest` does (the guide first, the bundled guide when
none is given, a second file of one document id rejected, long documents window by window), their
facts written as CSV files (`kg.bulk`), and the database replaced by `neo4j-admin database import`
(`kg.neo4j_server.import_database`). Then what an import cannot do is done through the driver, as
after an incremental ingest: constraints and indexes, empty lists, the drafters' decisions and
merges carried over from the replaced database, support links (`kg.support.update_support`) and the
decisions applied again. The result is the graph `kg ingest` builds in an empty store.

Only for the server `kg neo4j start` runs on this machine (its files are replaced): `local_server`
refuses anything else.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from extractors.documents import RawDocument
from extractors.pipeline import WINDOW_CHARS, extract, extract_windows
from kg import neo4j_server
from kg.bulk import BulkFiles, CsvGraphWriter, finish
from kg.ingest import IngestReport, Progress, documents_in_order
from kg.merges import Merge, apply_names, merge_map, merges, restore_merges, rewrite
from kg.review import apply_decisions, decisions, has_decisions, record_decisions
from kg.stores.neo4j_store import Neo4jStore
from kg.support import update_support
from schema.model import Facts
from schema.settings import Settings


class BulkRefused(RuntimeError):
    """`--bulk` asked of a store it cannot replace, with the reason."""


def local_server(settings: Settings) -> neo4j_server.ServerInfo:
    """The server `kg neo4j start` runs for KG_DATA_DIR, if the configured store is that server."""
    if settings.kg_store != "neo4j":
        raise BulkRefused("kg ingest --bulk fills a Neo4j database through its importer: set KG_STORE=neo4j "
                          "and start the server with `kg neo4j start` (the embedded store loads with `kg ingest`)")
    info = neo4j_server.status(settings.kg_data_dir)
    if info is None:
        raise BulkRefused(f"kg ingest --bulk replaces the database files of the Neo4j server that `kg neo4j start` "
                          f"runs on this machine, and none runs for KG_DATA_DIR={settings.kg_data_dir}: start it first")
    configured = urlparse(settings.neo4j_uri or "")
    if configured.hostname not in ("127.0.0.1", "localhost", "::1") or configured.port != info.bolt_port:
        raise BulkRefused(f"NEO4J_URI={settings.neo4j_uri} is not the server `kg neo4j start` runs for "
                          f"KG_DATA_DIR={settings.kg_data_dir} ({info.uri}); kg ingest --bulk only replaces that "
                          "one's database (use `kg ingest` for any other)")
    return info


def bulk_ingest(settings: Settings, paths: list[str], *, progress: Progress | None = None,
                extractor: Callable[[RawDocument], Facts] = extract,
                csv_dir: Path | None = None) -> tuple[IngestReport, BulkFiles, neo4j_server.ServerInfo]:
    """Replace the local server's database with the documents of `paths`. The CSV files go to
    `csv_dir` (kept) or to a temporary folder under KG_DATA_DIR (removed)."""
    info = local_server(settings)
    database = settings.neo4j_database
    with Neo4jStore(info.uri, info.user, info.password, database) as store:
        standing, decided = merges(store), decisions(store)
    report = IngestReport()
    folder = csv_dir or Path(tempfile.mkdtemp(prefix="bulk-", dir=settings.kg_data_dir))
    try:
        writer = CsvGraphWriter(folder)
        try:
            _write(writer, paths, report, progress, extractor, merge_map(standing))
        finally:
            files = writer.close()
        info = neo4j_server.import_database(settings.kg_data_dir, folder, database)
    finally:
        if csv_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    with Neo4jStore(info.uri, info.user, info.password, database) as store:
        store.apply_schema()
        finish(store, files)
        if standing:
            restore_merges(store, standing)
            apply_names(store, standing)
        if decided:
            record_decisions(store, decided)
        report.support = update_support(store)
        if has_decisions(store):
            apply_decisions(store)
    return report, files, info


def _write(writer: CsvGraphWriter, paths: list[str], report: IngestReport, progress: Progress | None,
           extractor: Callable[[RawDocument], Facts], by_source: dict[str, Merge]) -> None:
    # the database is replaced: it keeps no guide, so one is always loaded
    for raw, _ in documents_in_order(paths, report, add_guide=True, progress=progress):
        try:
            if len(raw.text) > WINDOW_CHARS:  # all windows first: a window that fails rejects the document
                windows = [rewrite(w, by_source) for w in extract_windows(raw)]
            else:
                windows = [rewrite(extractor(raw), by_source)]
        except ValueError as exc:  # e.g. a guide that does not parse
            report.rejected.append((raw.path, str(exc)))
            continue
        for i, facts in enumerate(windows):
            writer.add(facts, first=i == 0, last=i == len(windows) - 1)
        report.ingested.append(raw.path)
