"""Ingest through `kg.ingest.ingest`, end to end: a corpus into a fresh store and again unchanged,
the long document, and a huge plain-text file through `kg ingest` in a child process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpora import warm_up
from benchmarks.stores import bench_store, count, graph_megabytes, quiet_driver
from benchmarks.timing import TimedExtract, TimedStore, now, proc_status, rate, rounded
from seed_data import resource

ROOT = Path(__file__).resolve().parent.parent


def measure_ingest(store_kind: str, corpus: str, workdir: str, name: str) -> dict[str, Any]:
    """Ingest a corpus folder into a fresh store, then re-ingest it unchanged. Run in a process of
    its own in a full run (benchmarks.child), for a clean peak RSS; its arguments are JSON."""
    from extractors.pipeline import GUIDE_PATH, extract
    from extractors.segment import fulltext_query
    from kg import queries
    from kg.ingest import ingest

    quiet_driver()
    warm_up()
    rss_before = proc_status("VmRSS")
    store = bench_store(store_kind, Path(workdir), name)
    timed = TimedStore(store)
    timed_extract = TimedExtract(extract)
    try:
        t = now()
        report = ingest(timed, [corpus], extractor=timed_extract)  # type: ignore[arg-type]
        seconds = now() - t
        peak = proc_status("VmHWM")
        nodes, rels = count(store)
        hits = len(queries.run(store, "search_passages", query=fulltext_query("科协"), limit=20))
        t = now()
        again = ingest(store, [corpus])
        reingest = now() - t
        size_mb = None
        if store_kind == "embedded":
            store.checkpoint()
            size_mb = graph_megabytes(Path(workdir), name)
    finally:
        if store_kind == "neo4j":
            store.wipe()
        store.close()
    docs = sum(1 for p in report.ingested if Path(p) != GUIDE_PATH)  # the guide is loaded first, not counted
    return {
        "store": store_kind, "documents": docs, "rejected": len(report.rejected), "seconds": rounded(seconds),
        "docs_per_s": rounded(rate(docs, seconds), 1), "nodes": nodes, "relationships": rels,
        "elements_per_s": round(rate(nodes + rels, seconds)),
        "extract_seconds": rounded(timed_extract.seconds), "load_seconds": rounded(timed.write_seconds),
        "load_elements_per_s": round(rate(nodes + rels, timed.write_seconds)),
        "transactions": timed.transactions, "checkpoint_seconds": rounded(timed.checkpoint_seconds),
        "tx_seconds_first_last_tenth": timed.tx_trend(),
        "rss_before_mb": round(rss_before or 0, 1), "peak_rss_mb": round(peak or 0, 1),
        "reingest_seconds": rounded(reingest), "reingest_unchanged": len(again.skipped),
        "reingest_fraction": rounded(reingest / seconds, 4), "graph_file_mb": size_mb,
        "search_hits_after_ingest": hits,  # of 20 asked for; 0 = full-text index broken
    }


def measure_long_document(store_kind: str, path: Path, workdir: Path) -> dict[str, Any]:
    """read → extract → load of one long document through `kg.ingest.ingest`, the guide already in."""
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from kg.ingest import ingest
    from kg.load import load_facts

    warm_up()
    store = bench_store(store_kind, workdir, "long")
    try:
        store.apply_schema()
        load_facts(store, [extract(read_document(GUIDE_PATH))])
        before = count(store)
        timed = TimedStore(store)
        timed_extract = TimedExtract(extract)

        t = now()
        report = ingest(timed, [str(path)], extractor=timed_extract)  # type: ignore[arg-type]
        seconds = now() - t
        after = count(store)
        t = now()
        raw = read_document(path)
        read_seconds = now() - t
    finally:
        if store_kind == "neo4j":
            store.wipe()
        store.close()
    return {"store": store_kind, "chars": len(raw.text), "ingested": len(report.ingested),
            "seconds": rounded(seconds), "read_seconds": rounded(read_seconds),
            "extract_seconds": rounded(timed_extract.seconds), "load_seconds": rounded(timed.write_seconds),
            "nodes": after[0] - before[0], "relationships": after[1] - before[1]}


def measure_huge_text(workdir: Path, megabytes: int) -> dict[str, Any]:
    """A plain-text file of `megabytes` (the seed documents' bodies, repeated) through `kg ingest` on
    the embedded store in a child process: accepted or not, seconds, the child's peak RSS."""
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[2].strip()
              for p in sorted(resource("documents").glob("*.md"))]
    block = ("\n".join(bodies) + "\n").encode("utf-8")
    workdir.mkdir(parents=True, exist_ok=True)
    big = workdir / "huge.txt"
    with big.open("wb") as handle:
        for _ in range(megabytes * 1_000_000 // len(block) + 1):
            handle.write(block)
    code = ("import resource, sys; from kg.cli import app\n"
            "try:\n    app(['ingest', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(workdir / "data")}
    t = now()
    proc = subprocess.run([sys.executable, "-c", code, str(big)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=3600)
    seconds = now() - t
    peak = int(proc.stdout.split("PEAK_KB")[1].split()[0]) / 1024 if "PEAK_KB" in proc.stdout else None
    return {"megabytes": round(big.stat().st_size / 1e6, 1), "accepted": "ingested 2" in proc.stdout,
            "seconds": rounded(seconds), "peak_rss_mb": rounded(peak) if peak else None}
