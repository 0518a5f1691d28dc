"""Re-ingesting CHANGED documents in a big graph: kg.load's delete statements as they are, and
with the first one rewritten (docs/PERFORMANCE.md, "Changed documents").

The first delete statement finds the relations extracted from a document by expanding EVERY
relationship of every entity the document mentions — once per mention:
    MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity)-[x]-() WHERE x.doc_id = id DELETE x
A hub (中国科协) has tens of thousands of MENTIONS and CONCERNS. The variant expands each entity
once and only along the extracted relation types:
    MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity) WITH DISTINCT id, e
    MATCH (e)-[x:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED|INSTANCE_OF]-() WHERE x.doc_id = id DELETE x
and must leave the same graph.

    .venv/bin/python benchmarks/replace_documents.py --store embedded [--docs 2000]
    NEO4J_URI=… .venv/bin/python benchmarks/replace_documents.py --store neo4j   # WIPES that database
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OLD = ("UNWIND $ids AS id MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity)-[x]-() "
       "WHERE x.doc_id = id DELETE x")
NEW = ("UNWIND $ids AS id MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity) WITH DISTINCT id, e "
       "MATCH (e)-[x:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED|INSTANCE_OF]-() "
       "WHERE x.doc_id = id DELETE x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    import kg.load
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from benchmarks.corpora import read_folder
    from benchmarks.stores import bench_store, count
    from benchmarks.synthetic import write_corpus

    assert OLD in kg.load._DELETE, "kg.load._DELETE changed: update this script"
    work = Path(tempfile.mkdtemp(prefix="replace-"))
    write_corpus(work / "corpus", args.docs)
    facts = [extract(r) for r in read_folder(work / "corpus")]
    guide = extract(read_document(GUIDE_PATH))
    changed = facts[:20]
    results = {}
    for name, statement in (("as is", OLD), ("typed, distinct", NEW)):
        kg.load._DELETE = tuple(statement if q == OLD or q == NEW else q for q in kg.load._DELETE)
        store = bench_store(args.store, work, f"replace-{len(results)}")
        store.apply_schema()
        kg.load.load_facts(store, [guide])
        for i in range(0, len(facts), 20):
            kg.load.load_facts(store, facts[i:i + 20])
        before = count(store)
        t = time.perf_counter()
        kg.load.load_facts(store, changed)  # the same 20 documents again: old facts deleted, new written
        seconds = time.perf_counter() - t
        results[name] = (seconds, count(store), store.content_digest() if args.docs <= 500 else None)
        print(f"{name:16s} replacing 20 of {args.docs} documents: {seconds:7.2f} s; graph {before} -> {results[name][1]}",
              flush=True)
        if args.store == "neo4j":
            store.wipe()
        store.close()
    print("same graph:", len({(r[1], r[2]) for r in results.values()}) == 1)


if __name__ == "__main__":
    main()
