"""The bulk path's speed (docs/PERFORMANCE.md, "Bulk load"): `kg.bulk` CSV files imported by
`neo4j-admin database import` into a Neo4j of the benchmark's own (started in a temporary folder
by `kg.neo4j_server`, stopped and removed at the end: no database of yours is touched).

The synthetic corpus (`benchmarks/synthetic.py`, `--docs` documents) is extracted once; its rows
(`kg.load.GraphRows`, as the loader makes them) are written `--copies` times with fresh document,
passage and recommendation ids (entities and the guide shared, as `kg bench` builds its graphs).
Extraction and the copying of rows are not timed (the first is the same for both paths, the second
is the benchmark's own). Printed, in nodes+relationships/s:

  csv       facts -> CSV files (kg.bulk, Python)
  import    `neo4j-admin database import full` alone
  restart   stop + import + start of the server (kg.neo4j_server.import_database)
  after     constraints and indexes (awaited), empty lists and kept counts (`kg.bulk.finish`; not
            support links: on copies of one corpus every recommendation has copies of itself to
            pair with, which no real corpus has); `schema` and `finish` its two parts
  total     csv + restart + after: facts in, graph ready

    .venv/bin/python benchmarks/bulk_load.py [--docs 300] [--copies 10]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import read_folder  # noqa: E402


def remapped(rows, suffix: str, local: set[str]):  # noqa: ANN001, ANN201 - kg.load.GraphRows
    """A copy of a document's rows with its own ids suffixed (a new document of the same shape)."""
    from kg.load import GraphRows

    def remap(value):  # noqa: ANN001, ANN202
        if isinstance(value, str):
            return value + suffix if value in local else value
        if isinstance(value, dict):
            return {k: remap(v) for k, v in value.items()}
        return value

    out = GraphRows()
    for write, batch in rows.rows.items():
        out.rows[write] = [remap(r) for r in batch]
    out.final = [remap(r) for r in rows.final]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (CSV files, server logs)")
    args = parser.parse_args()

    from benchmarks.synthetic import write_corpus
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from kg import neo4j_server as ns
    from kg.bulk import CsvGraphWriter, finish
    from kg.aggregates import stale
    from kg.load import GraphRows
    from kg.stores.neo4j_store import Neo4jStore

    work = Path(tempfile.mkdtemp(prefix="bulk-load-"))
    try:
        write_corpus(work / "base", args.docs, seed=7)
        base = [extract(read_document(GUIDE_PATH))] + [extract(r) for r in read_folder(work / "base")]
        rows = []
        local: set[str] = set()
        for f in base:
            r = GraphRows()
            r.add(f)
            rows.append((r, f.document.path))
            if f is not base[0]:  # the guide is loaded once
                local.add(f.document.id)
                local.update(p.id for p in f.passages)
                local.update(rec.id for rec in f.recommendations)
        print(f"{len(base) - 1} synthetic documents × {args.copies} copies (and the guide once); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)

        copies = [(remapped(r, f"~{copy}", local) if copy else r, source)
                  for copy in range(args.copies) for i, (r, source) in enumerate(rows) if not (i == 0 and copy)]
        t0 = time.perf_counter()
        writer = CsvGraphWriter(work / "csv")
        for r, source in copies:
            writer.add_rows(r, source)
        files = writer.close()
        csv_s = time.perf_counter() - t0
        elements = files.node_count + files.relationship_count
        size = sum(p.stat().st_size for p in (work / "csv").glob("*.csv"))

        data = work / "data"
        ns.start(data)
        # the import tool alone, as import_database runs it (server stopped), timed apart …
        ns.stop(data)
        java, cp, home = ns._java(), ns.classpath(), data.resolve() / "neo4j"
        t = time.perf_counter()
        proc = ns._admin(java, cp, home, ns._import_args((work / "csv").resolve(), "neo4j"))
        import_s = time.perf_counter() - t
        if proc.returncode:
            raise SystemExit(proc.stdout + proc.stderr)
        ns.start(data)
        # … and the whole stop + import + start
        t = time.perf_counter()
        info = ns.import_database(data, work / "csv")
        restart_s = time.perf_counter() - t
        t = time.perf_counter()
        with Neo4jStore(info.uri, info.user, info.password) as store:
            store.apply_schema()
            schema_s = time.perf_counter() - t
            finish(store, files)
            finish_s = time.perf_counter() - t - schema_s
            counted = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] + \
                store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
        after_s = time.perf_counter() - t
        with Neo4jStore(info.uri, info.user, info.password) as store:  # not timed: the counts written are right
            wrong = stale(store)
        if wrong:
            raise SystemExit(f"{len(wrong)} kept counts differ from a recount, e.g. {wrong[:3]}")
        ns.stop(data)
        total = csv_s + restart_s + after_s
        print("kept counts as a recount gives them")
        print(f"{files.node_count:,} nodes + {files.relationship_count:,} relationships = {elements:,} "
              f"({counted:,} in the graph); {len(files.nodes)} node and "
              f"{len(files.relationships)} relationship files, {size / 1e6:.0f} MB", flush=True)
        for name, seconds in (("csv", csv_s), ("import", import_s), ("restart", restart_s), ("after", after_s),
                              ("  schema", schema_s), ("  finish", finish_s), ("total", total)):
            print(f"{name:8s} {seconds:7.2f} s = {elements / seconds:10,.0f} nodes+relationships/s")
        print(f"load average {os.getloadavg()[0]:.1f} at the end", flush=True)
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            with_server = work / "data"
            if ns_running(with_server):
                from kg import neo4j_server as ns

                ns.stop(with_server)
            shutil.rmtree(work, ignore_errors=True)


def ns_running(data: Path) -> bool:
    from kg import neo4j_server as ns

    return data.exists() and ns.status(data) is not None


if __name__ == "__main__":
    main()
