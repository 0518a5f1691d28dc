"""kglite 0.21.2: the full-text index returns nothing once 10 write transactions have run without
a full-text query in between — and stays broken (a checkpoint, a reload, a reader all see it).

Found by `kg bench` (docs/PERFORMANCE.md, "Full-text search on the embedded store"). Loads
synthetic documents one transaction each through kg.load — as `kg ingest` does, 20 documents a
transaction — into a fresh embedded store and counts the passages that match 科协:

    .venv/bin/python benchmarks/kglite_fulltext_repro.py

Expected on 0.21.2: `query every 1..9` count them all, `query every 10+` and `never` count 0, and
dropping and re-creating the index repairs it (the workaround until kglite is fixed).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import read_folder  # noqa: E402
from benchmarks.stores import bench_store  # noqa: E402
from benchmarks.synthetic import write_corpus  # noqa: E402
from extractors.pipeline import extract  # noqa: E402
from kg.load import load_facts  # noqa: E402

COUNT = "CALL db.index.fulltext.queryNodes('passage_search', $q) YIELD node RETURN count(*) AS c"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="kglite-fts-"))
    write_corpus(work / "docs", 20, seed=1)
    facts = [extract(r) for r in read_folder(work / "docs")]
    truth = sum(1 for f in facts for p in f.passages if "科协" in p.text)
    print(f"{truth} passages contain 科协")
    for every in (1, 5, 9, 10, 20, None):
        store = bench_store("embedded", work, f"every-{every}")
        store.apply_schema()
        for i, f in enumerate(facts):
            load_facts(store, [f])
            if every and (i + 1) % every == 0:
                store.read(COUNT, {"q": "科协"})
        found = store.read(COUNT, {"q": "科协"})[0]["c"]
        line = f"query every {every or 'never':>5}: {found}"
        if found != truth:
            store.drop_index("passage_search")
            store.apply_schema()
            line += f"; after drop_index + apply_schema(): {store.read(COUNT, {'q': '科协'})[0]['c']}"
        print(line)
        store.close()


if __name__ == "__main__":
    main()
