"""`run_bench`: the whole `kg bench` run, speed and scale of the pipeline and both stores, measured
the same way on each. It returns a dict (printed as JSON by `kg bench --json`, as tables by
`benchmarks.report`); `docs/PERFORMANCE.md` explains every number. What is measured:

* extraction: `extractors.pipeline.extract` over a synthetic corpus, and in the same run on the
  same texts bare `spacy.blank("zh")(text)` tokenisation; chars/s of each and their ratio (each
  timed twice, alternating, best of two);
* the 100-page document (~150k characters) end to end through `kg.ingest.ingest` — read, extract,
  load — on each store (the guide is loaded first and not counted);
* ingest of 100, 1,000 and 10,000 synthetic documents into a fresh store of each kind: documents/s,
  nodes+relationships/s (overall, and counting only the time spent in the store's writes), the
  peak RSS of the ingesting process (`VmHWM`; each ingest runs in its own process in a full run),
  and the re-ingest of the unchanged corpus as a fraction of the first ingest;
* p50/p95 latency of every named query at about 10k, 100k and 1M nodes, on graphs built by
  `benchmarks.builder.GraphBuilder`. Parameters are drawn from the graph (random recommendations,
  entities, documents, search words); entity queries are also timed on the most-mentioned entity;
* each dashboard page's whole set of reads — its first render and its main interactions — on the
  same graphs (`benchmarks.pages`: the reads are recorded from the real app, then replayed): p50/p95
  of the sum per render;
* Neo4j (and embedded) per-row writes vs one batched `UNWIND`, on a small sample;
* serial vs process-pool extraction (`benchmarks.parallel.extract_parallel`), and whether the
  results are identical.

Neo4j is measured when `NEO4J_URI` is set. The benchmark WIPES that database: it refuses to start
on a non-empty database or a non-local server unless `KG_BENCH_ALLOW_WIPE=1`, and it leaves the
database empty. Benchmarks are not tests: nothing here asserts a time.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.child import isolated
from benchmarks.config import FULL, QUICK, Progress
from benchmarks.corpora import read_folder, read_seeded, write_corpora
from benchmarks.extraction import measure_extraction, measure_parallel
from benchmarks.ingest import measure_huge_text, measure_ingest, measure_long_document
from benchmarks.latency import measure_query_sizes
from benchmarks.machine import machine, neo4j_version
from benchmarks.stores import (
    KINDS, bench_store, check_neo4j_may_be_wiped, default_stores, neo4j_uri, quiet_driver,
)
from benchmarks.synthetic import write_long_document
from benchmarks.targets import targets
from benchmarks.timing import now, rounded
from benchmarks.writes import measure_row_writes


def run_bench(quick: bool = False, stores: Sequence[str] | None = None, *, workdir: str | Path | None = None,
              progress: Progress | None = None, seed: int = 0, **overrides: Any) -> dict[str, Any]:
    """Run the benchmark; `quick` takes seconds (small sizes, few repetitions). Neo4j is included
    when NEO4J_URI is set (and wiped: see the module docstring). `overrides` replace entries of
    the FULL/QUICK configuration (e.g. sizes=(100, 1000))."""
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract

    cfg = {**(QUICK if quick else FULL), **overrides}
    quiet_driver()
    stores = tuple(stores) if stores is not None else default_stores()
    if unknown := sorted(set(stores) - set(KINDS)):
        raise ValueError(f"unknown store {', '.join(unknown)}: embedded or neo4j")
    say = progress or (lambda message: None)
    began = now()
    own_dir = workdir is None
    work = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"quick": quick, "stores": list(stores), "machine": machine(),
                              "config": {k: list(v) if isinstance(v, tuple) else v for k, v in cfg.items()}}
    try:
        if "neo4j" in stores:
            store = bench_store("neo4j", work, "check", fresh=False)
            try:
                check_neo4j_may_be_wiped(store, neo4j_uri() or "")
                result["machine"]["neo4j_server"] = neo4j_version(store)
                say("neo4j: per-row vs batched writes")
                result["row_writes"] = {"neo4j": measure_row_writes(store, cfg["row_sample"])}
                store.wipe()
            finally:
                store.close()
        else:
            result["row_writes"] = {}
        say("embedded: per-row vs batched writes")
        emb = bench_store("embedded", work, "rows")
        try:
            result["row_writes"]["embedded"] = measure_row_writes(emb, cfg["row_sample"])
        finally:
            emb.close()

        say(f"writing synthetic corpora {', '.join(map(str, cfg['sizes']))} into {work}")
        biggest = max(max(cfg["sizes"]), cfg["extraction_docs"], *cfg["parallel_docs"])
        corpus_all, corpora = write_corpora(work, biggest, cfg["sizes"], seed)

        say(f"extraction vs blank-zh tokenisation on {cfg['extraction_docs']} documents")
        raws = read_folder(corpus_all, cfg["extraction_docs"])
        result["extraction"] = measure_extraction(raws)
        del raws

        result["parallel"] = []
        for n in cfg["parallel_docs"]:
            say(f"serial vs {cfg['workers']} worker processes on {n} documents")
            result["parallel"].append(measure_parallel(read_folder(corpus_all, n), cfg["workers"]))

        long_path = write_long_document(work / "long", pages=cfg["long_pages"], seed=seed)
        result["long_document"] = {}
        for kind in stores:
            say(f"{kind}: the {cfg['long_pages']}-page document end to end")
            result["long_document"][kind] = measure_long_document(kind, long_path, work)

        if cfg.get("huge_text_mb"):
            say(f"embedded: a {cfg['huge_text_mb']} MB text file through kg ingest")
            result["huge_text"] = measure_huge_text(work / "huge", cfg["huge_text_mb"])

        result["ingest"] = {}
        for kind in stores:
            result["ingest"][kind] = []
            for size in cfg["sizes"]:
                say(f"{kind}: ingest {size} documents")
                args = {"store_kind": kind, "corpus": str(corpora[size]), "workdir": str(work),
                        "name": f"ingest-{size}"}
                measured = isolated("measure_ingest", **args) if cfg["isolate"] else measure_ingest(**args)
                measured["isolated"] = bool(cfg["isolate"])
                result["ingest"][kind].append(measured)

        say(f"extracting the base corpus ({cfg['base_docs']} documents) for the query graphs")
        base = [extract(r) for r in read_seeded(work / "base", cfg["base_docs"], seed + 1)]
        guide = extract(read_document(GUIDE_PATH))
        result["queries"] = {}
        for kind in stores:
            result["queries"][kind] = measure_query_sizes(kind, base, guide, work, cfg, say)
        result["targets"] = targets(result)
        result["seconds"] = rounded(now() - began, 1)
        if hasattr(os, "getloadavg"):  # the machine may be shared: say how busy it was
            result["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        return result
    finally:
        if own_dir:
            shutil.rmtree(work, ignore_errors=True)
