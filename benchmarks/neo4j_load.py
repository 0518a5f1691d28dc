"""Where Neo4j load time goes, and what makes it faster (docs/PERFORMANCE.md, "Neo4j load").

Loads the same synthetic facts (a base corpus written N times with fresh ids, as `kg bench` builds
its query graphs) into the Neo4j named by NEO4J_URI — WIPED first — in several ways:

  merge-20    kg.load's statements as they are, 20 documents per transaction (kg ingest's batch)
  merge-200   the same statements, 200 documents per transaction
  …+nofulltext  the same without the two full-text indexes (what indexing costs at load time)
  create-200  the same, but relationships, passages and recommendations of a (new or just
              deleted) document are CREATEd instead of MERGEd: after the loader's own delete
              statements nothing of the document is left to match, so MERGE only costs lookups
              (and, for relationships to hub entities, a scan of the hub's relationships)

and prints nodes+relationships per second for each, plus the share of client CPU time (Python
encoding the parameters) in the wall time.

    NEO4J_URI=… NEO4J_PASSWORD=… .venv/bin/python benchmarks/neo4j_load.py [--docs 300] [--copies 4]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.builder import GraphBuilder  # noqa: E402
from benchmarks.corpora import read_folder  # noqa: E402
from benchmarks.stores import bench_store, count  # noqa: E402
from schema.settings import load_settings  # noqa: E402


def create_variant(statement: str) -> str:
    """MERGE -> CREATE for what a document owns (its passages, recommendations, relationships)."""
    s = statement
    s = s.replace("MERGE (n:Passage {id: row.id})", "CREATE (n:Passage {id: row.id})")
    s = s.replace("MERGE (n:Recommendation {id: row.id})", "CREATE (n:Recommendation {id: row.id})")
    s = s.replace("MERGE (n)-[:PART_OF]->(d)", "CREATE (n)-[:PART_OF]->(d)")
    s = re.sub(r"MERGE \((\w+)\)-\[(\w+):(`?\w+`?)( \{[^}]*\})?\]->\((\w+)\)", r"CREATE (\1)-[\2:\3\4]->(\5)", s)
    return s


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) of a process, from /proc (0 if unknown)."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--variants", default="merge-20,merge-200,create-200")
    parser.add_argument("--server-pid", type=int, help="the local Neo4j server's pid (kg neo4j status), to report its CPU")
    args = parser.parse_args()
    import tempfile

    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from kg.load import load_facts
    from benchmarks.synthetic import write_corpus

    work = Path(tempfile.mkdtemp(prefix="neo4j-load-"))
    write_corpus(work / "base", args.docs, seed=7)
    base = [extract(r) for r in read_folder(work / "base")]
    guide = extract(read_document(GUIDE_PATH))
    store = bench_store("neo4j", work, "load")
    print(f"{len(base)} base documents × {args.copies} copies; Neo4j at {load_settings().neo4j_uri}")
    for variant in args.variants.split(","):
        kind, batch = variant.split("+")[0].split("-")
        store.wipe()
        store.apply_schema()
        if variant.endswith("+nofulltext"):  # what the full-text indexes cost at load time
            for name in ("passage_search", "entity_search"):
                store.drop_index(name)
        load_facts(store, [guide])
        builder = GraphBuilder(store, base, batch_docs=int(batch))
        if kind == "create":
            builder.chunks = [[(create_variant(q), p) for q, p in chunk] for chunk in builder.chunks]
        builder.write_copy()  # warm-up: plans compiled, entities created
        n0, r0 = count(store)
        server = cpu_seconds(args.server_pid)
        cpu, wall = time.process_time(), time.perf_counter()
        seconds = builder.write_seconds
        for _ in range(args.copies):
            builder.write_copy()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        server = cpu_seconds(args.server_pid) - server
        n1, r1 = count(store)
        spent = builder.write_seconds - seconds
        elements = (n1 - n0) + (r1 - r0)
        print(f"{variant:11s} {elements:9,d} elements in {spent:6.2f} s = {elements / spent:8,.0f}/s "
              f"(CPU as % of wall: client {100 * cpu / wall:.0f} %, server {100 * server / wall:.0f} %; "
              f"load average {os.getloadavg()[0]:.1f}); graph {n1:,} nodes, {r1:,} rels", flush=True)
    store.wipe()
    store.apply_schema()  # restore the indexes dropped by a +nofulltext variant
    store.close()


if __name__ == "__main__":
    main()
