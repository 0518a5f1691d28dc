"""Why loading gets slower as the graph grows: the time of each of kg.load's statements for one
more batch of documents, at growing graph sizes (docs/PERFORMANCE.md, "Load rate vs graph size").

Builds a graph with `benchmarks.builder.GraphBuilder` (a base corpus written again and again with fresh ids)
and, at each size, writes one more batch statement by statement, one transaction each, timing
each. A statement whose time grows with the graph is the culprit.

    .venv/bin/python benchmarks/load_scaling.py --store embedded --sizes 20000,200000,600000
    NEO4J_URI=… .venv/bin/python benchmarks/load_scaling.py --store neo4j   # WIPES that database
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.documents import read_document  # noqa: E402
from extractors.pipeline import GUIDE_PATH, extract  # noqa: E402
from benchmarks.builder import GraphBuilder  # noqa: E402
from benchmarks.corpora import read_folder  # noqa: E402
from benchmarks.stores import bench_store, count  # noqa: E402
from benchmarks.synthetic import write_corpus  # noqa: E402
from kg.load import GraphRows, load_facts  # noqa: E402


def short(statement: str) -> str:
    if statement.startswith("UNWIND $ids"):
        return "delete: " + statement[len("UNWIND $ids AS id "):][:60]
    if statement.startswith("MATCH (e:Entity) WHERE e._stale"):
        return "orphans"
    m = re.search(r"(MERGE|CREATE) \((\w+):`?(\w+)`?", statement)
    if "-[" in statement and "]->" in statement:
        rel = re.search(r"\[\w*:`?(\w+)`?", statement)
        ends = re.findall(r"MATCH \(\w+:`?(\w+)`?", statement)
        return f"rel {rel.group(1) if rel else '?'} {'→'.join(ends)}"
    return f"node {m.group(3)}" if m and m.group(3) else statement[:40]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--sizes", default="20000,200000,600000")
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="load-scaling-"))
    write_corpus(work / "base", args.docs, seed=11)
    base = [extract(r) for r in read_folder(work / "base")]
    store = bench_store(args.store, work, "scaling")
    store.apply_schema()
    load_facts(store, [extract(read_document(GUIDE_PATH))])
    builder = GraphBuilder(store, base, batch_docs=args.docs)
    table: dict[str, list[float]] = {}
    sizes = []
    for target in map(int, args.sizes.split(",")):
        builder.grow_to(target)
        nodes, rels = count(store)
        sizes.append(nodes)
        suffix = f"~probe{len(sizes)}"
        seen: set[str] = set()
        for query, params in builder.chunks[0]:
            rows = [builder.remap(r, suffix) for r in params["rows"]]
            t = time.perf_counter()
            store.write_all([(query, {"rows": rows})])
            name = short(query)
            name = name if name not in seen else name + " (2)"
            seen.add(name)
            table.setdefault(name, []).append(1000 * (time.perf_counter() - t) / max(len(rows), 1))
        # what kg.ingest adds for every batch of new documents: the delete statements (nothing to
        # delete, the ids are new) and the orphan sweep — per document id
        rows = GraphRows()
        for f in base[:20]:
            rows.add(f)
        for query, params in rows.statements():
            if "ids" in params or not params:
                ids = [i + f"~new{len(sizes)}" for i in params.get("ids", [])]
                t = time.perf_counter()
                store.write_all([(query, {"ids": ids} if ids else {})])
                table.setdefault(short(query), []).append(1000 * (time.perf_counter() - t) / 20)
        print(f"measured at {nodes:,} nodes, {rels:,} relationships", flush=True)
    print(f"\nµs per row ({args.store}; {args.docs} documents per batch; delete/orphans: per document)")
    print(f"{'statement':60s}" + "".join(f"{n:>12,d}" for n in sizes))
    for name, values in sorted(table.items(), key=lambda kv: -kv[1][-1]):
        print(f"{name[:60]:60s}" + "".join(f"{1000 * v:12.1f}" for v in values))
    if args.store == "neo4j":
        store.wipe()
    store.close()


if __name__ == "__main__":
    main()
