"""`kg bench`: speed and scale of the pipeline and both stores, measured the same way on each.

`run_bench(quick)` returns a dict (printed as JSON by `kg bench --json`, as tables by
`print_table`); `docs/PERFORMANCE.md` explains every number. What is measured:

* extraction: `extractors.pipeline.extract` over a synthetic corpus, and in the same run on the
  same texts bare `spacy.blank("zh")(text)` tokenisation; chars/s of each and their ratio (each
  timed twice, alternating, best of two);
* the 100-page document (~150k characters) end to end through `kg.ingest.ingest` — read, extract,
  load — on each store (the guide is loaded first and not counted);
* ingest of 100, 1,000 and 10,000 synthetic documents into a fresh store of each kind: documents/s,
  nodes+relationships/s (overall, and counting only the time spent in the store's writes), the
  peak RSS of the ingesting process (`VmHWM`; each ingest runs in its own process in a full run),
  and the re-ingest of the unchanged corpus as a fraction of the first ingest;
* p50/p95 latency of every named query at about 10k, 100k and 1M nodes. The graphs are built fast:
  a base corpus of synthetic documents is extracted once, and its rows (the loader's own batched
  `UNWIND … MERGE` statements) are written again and again with fresh document, passage and
  recommendation ids — entities are shared, as in a real corpus where the same societies and
  agencies recur. Parameters are drawn from the graph (random recommendations, entities,
  documents, search words); entity queries are also timed on the most-mentioned entity (the hub);
* Neo4j (and embedded) per-row writes vs one batched `UNWIND`, on a small sample;
* serial vs process-pool extraction (`kg.parallel.extract_parallel`), and whether the results are
  identical.

Neo4j is measured when `NEO4J_URI` is set. The benchmark WIPES that database: it refuses to start
on a non-empty database or a non-local server unless `KG_BENCH_ALLOW_WIPE=1`, and it leaves the
database empty. Benchmarks are not tests: nothing here asserts a time.
"""
from __future__ import annotations

import json
import math
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from kg.stores.base import GraphStore, StoreError, Statement

Progress = Callable[[str], None]

FULL: dict[str, Any] = {
    "sizes": (100, 1_000, 10_000),
    "query_nodes": (10_000, 100_000, 1_000_000),
    "query_runs": 30,  # timed runs per query and graph size (at least 3, then within the budget)
    "query_budget_s": 20.0,
    "query_skip_s": 60.0,  # skip a query at the next size when its time, scaled linearly, exceeds this
    "base_docs": 300,  # extracted once, replicated to build the query graphs
    "build_batch_docs": 100,  # documents per write transaction when building
    "extraction_docs": 1_000,
    "parallel_docs": (100, 1_000),
    "workers": 2,
    "row_sample": 1_000,
    "long_pages": 100,
    "isolate": True,  # each ingest in its own process (clean peak RSS)
    "huge_text_mb": 50,  # one plain-text file this large through `kg ingest` (was a 5-minute test)
}
QUICK: dict[str, Any] = {
    "sizes": (10, 30),
    "query_nodes": (2_000, 6_000),
    "query_runs": 3,
    "query_budget_s": 2.0,
    "query_skip_s": 10.0,
    "base_docs": 20,
    "build_batch_docs": 20,
    "extraction_docs": 30,
    "parallel_docs": (30,),
    "workers": 2,
    "row_sample": 30,
    "long_pages": 5,
    "isolate": False,
    "huge_text_mb": 0,
}
TRACE_QUERIES = ("trace_recommendation", "recommendation_support", "measure_cluster")
NEIGHBOURHOOD_QUERIES = ("entity_neighbourhood", "entity_neighbours")
SEARCH_WORDS = ("党委 科技评估", "团体标准", "青年人才托举工程", "学会 承接 职能", "科普", "中国计算机学会",
                "分支机构", "人才评价", "党建", "科技期刊")


# --- small utilities ------------------------------------------------------------------------

def _now() -> float:
    return time.perf_counter()


def _proc_status(field_name: str) -> float | None:
    """A memory field of /proc/self/status in MiB (VmHWM = peak RSS, VmRSS = current RSS)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if field_name == "VmHWM":
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return None


def _percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def _rate(amount: float, seconds: float) -> float:
    return amount / seconds if seconds > 0 else float("inf")


def _round(value: float, digits: int = 3) -> float:
    return round(value, digits) if math.isfinite(value) else value


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = ""
    mem_gib = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import kglite
    import neo4j
    import spacy

    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor(), "memory_gib": mem_gib,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "kglite": kglite.__version__, "neo4j_driver": neo4j.__version__, "spacy": spacy.__version__,
            "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}


# --- stores -----------------------------------------------------------------------------------

def neo4j_env() -> dict[str, str] | None:
    """The Neo4j to measure: NEO4J_URI … from the environment or `.env` (kg.config), or None."""
    from kg.config import load_settings

    settings = load_settings()
    if not settings.neo4j_uri:
        return None
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
    return {"uri": settings.neo4j_uri, "user": settings.neo4j_user, "password": password,
            "database": settings.neo4j_database}


def _quiet_driver() -> None:
    # the named queries read properties that synthetic documents leave unset (source_url …);
    # the server's "property does not exist" notifications would flood the output
    import logging

    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def default_stores() -> tuple[str, ...]:
    return ("embedded", "neo4j") if neo4j_env() else ("embedded",)


def _count(store: GraphStore) -> tuple[int, int]:
    nodes = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    rels = store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return nodes, rels


def _wipe(store: GraphStore) -> None:
    """Empty a Neo4j database in bounded transactions (a 1M-node graph does not fit one)."""
    while store.write("MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS c")[0]["c"]:
        pass
    while store.write("MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS c")[0]["c"]:
        pass


def _check_neo4j_may_be_wiped(store: GraphStore, uri: str) -> None:
    if os.environ.get("KG_BENCH_ALLOW_WIPE") == "1":
        return
    host = urlparse(uri).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise StoreError(f"kg bench wipes the Neo4j database; refusing a non-local server ({uri}). "
                         "Set KG_BENCH_ALLOW_WIPE=1 if it is a scratch server.")
    nodes, _ = _count(store)
    if nodes:
        raise StoreError(f"kg bench wipes the Neo4j database, and {uri} holds {nodes} nodes. "
                         "Use an empty (scratch) database, or set KG_BENCH_ALLOW_WIPE=1.")


def open_store(kind: str, workdir: Path, name: str, *, fresh: bool = True) -> GraphStore:
    """A writer store for the benchmark: a new kglite file, or the (wiped) Neo4j database."""
    if kind == "embedded":
        from kg.stores.embedded import EmbeddedStore

        path = workdir / f"{name}.kgl"
        if fresh:
            for p in workdir.glob(f"{name}.kgl*"):
                shutil.rmtree(p) if p.is_dir() else p.unlink()
        return EmbeddedStore(path, writer=True)
    if kind == "neo4j":
        from kg.stores.neo4j_store import Neo4jStore

        env = neo4j_env()
        if env is None:
            raise StoreError("NEO4J_URI is not set")
        store = Neo4jStore(**env)
        if fresh:
            _wipe(store)
        return store
    raise ValueError(f"unknown store {kind!r}: embedded or neo4j")


class TimedExtract:
    """An extractor that adds up the seconds spent in it."""

    def __init__(self, extract: Callable[[Any], Any]) -> None:
        self.extract = extract
        self.seconds = 0.0

    def __call__(self, raw: Any) -> Any:
        t = _now()
        facts = self.extract(raw)
        self.seconds += _now() - t
        return facts


class TimedStore:
    """Wraps a store and adds up the time spent in its writes (the load part of an ingest)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.write_seconds = 0.0  # transactions and checkpoints
        self.checkpoint_seconds = 0.0
        self.transactions = 0
        self.tx_seconds: list[float] = []

    def write_all(self, statements: Sequence[Statement]) -> None:
        t = _now()
        self._store.write_all(statements)
        self.tx_seconds.append(_now() - t)
        self.write_seconds += self.tx_seconds[-1]
        self.transactions += 1

    def checkpoint(self) -> None:
        t = _now()
        self._store.checkpoint()
        self.checkpoint_seconds += _now() - t
        self.write_seconds += _now() - t

    def tx_trend(self) -> list[float] | None:
        """Mean seconds per write transaction in the first and the last tenth of the run (how
        loading slows down as the graph grows)."""
        n = len(self.tx_seconds)
        if n < 10:
            return None
        k = n // 10
        return [_round(sum(self.tx_seconds[:k]) / k), _round(sum(self.tx_seconds[-k:]) / k)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


# --- the corpora ------------------------------------------------------------------------------

def _read_folder(folder: Path, limit: int | None = None) -> list:
    from extractors.documents import read_document

    paths = sorted(folder.glob("*.md"))[:limit]
    return [read_document(p) for p in paths]


def _warm_up() -> None:
    """Load the gazetteers, jieba's dictionary, spaCy and the direction model once, so the first
    timed document does not pay for them."""
    from extractors.documents import RawDocument
    from extractors.pipeline import extract

    extract(RawDocument("warm-up.md", "中国计算机学会承接科技评估职能。各级科协要加强学会党建工作。", "0" * 64,
                        {"title": "warm-up", "kind": "report"}))


# --- extraction -------------------------------------------------------------------------------

def measure_extraction(raws: list) -> dict[str, Any]:
    """Extraction vs bare blank-zh tokenisation on the same texts (best of two each, alternating)."""
    import spacy

    from extractors.pipeline import extract

    nlp = spacy.blank("zh")
    nlp.max_length = 100_000_000
    _warm_up()
    for raw in raws[:5]:
        nlp(raw.text)
    chars = sum(len(r.text) for r in raws)
    extract_times, token_times = [], []
    for _ in range(2):
        t = _now()
        for raw in raws:
            nlp(raw.text)
        token_times.append(_now() - t)
        t = _now()
        for raw in raws:
            extract(raw)
        extract_times.append(_now() - t)
    te, tt = min(extract_times), min(token_times)
    return {"documents": len(raws), "chars": chars,
            "extract_seconds": _round(te), "extract_chars_per_s": round(_rate(chars, te)),
            "tokenise_seconds": _round(tt), "tokenise_chars_per_s": round(_rate(chars, tt)),
            "ratio": _round(tt / te, 4)}


def measure_parallel(raws: list, workers: int) -> dict[str, Any]:
    """Serial `extract` vs `extract_parallel` (pool start-up included); identical results?"""
    from extractors.pipeline import extract
    from kg.parallel import extract_parallel

    _warm_up()
    t = _now()
    serial = [extract(r) for r in raws]
    ts = _now() - t
    t = _now()
    first: float | None = None
    parallel = []
    for facts in extract_parallel(raws, workers=workers):
        if first is None:
            first = _now() - t
        parallel.append(facts)
    tp = _now() - t
    return {"documents": len(raws), "chars": sum(len(r.text) for r in raws), "workers": workers,
            "serial_seconds": _round(ts), "parallel_seconds": _round(tp),
            "first_result_seconds": _round(first or 0.0), "speedup": _round(ts / tp, 3),
            "identical": serial == parallel}


# --- ingest (run in a child process in a full run, for a clean peak RSS) ----------------------

def measure_ingest(store_kind: str, corpus: str, workdir: str, name: str) -> dict[str, Any]:
    """Ingest a corpus folder into a fresh store, then re-ingest it unchanged."""
    from extractors.pipeline import extract
    from kg.ingest import ingest

    _quiet_driver()
    _warm_up()
    rss_before = _proc_status("VmRSS")
    store = open_store(store_kind, Path(workdir), name)
    timed = TimedStore(store)
    timed_extract = TimedExtract(extract)

    try:
        t = _now()
        report = ingest(timed, [corpus], extractor=timed_extract)  # type: ignore[arg-type]
        seconds = _now() - t
        peak = _proc_status("VmHWM")
        nodes, rels = _count(store)
        from extractors.segment import fulltext_query
        from kg import queries

        hits = len(queries.run(store, "search_passages", query=fulltext_query("科协"), limit=20))
        t = _now()
        again = ingest(store, [corpus])
        reingest = _now() - t
        size_mb = None
        if store_kind == "embedded":
            store.checkpoint()
            size_mb = round(sum(p.stat().st_size for p in Path(workdir).glob(f"{name}.kgl*") if p.is_file())
                            / 2**20, 1)
    finally:
        if store_kind == "neo4j":
            _wipe(store)
        store.close()
    from extractors.pipeline import GUIDE_PATH

    docs = sum(1 for p in report.ingested if Path(p) != GUIDE_PATH)  # the guide is loaded first, not counted
    return {
        "store": store_kind, "documents": docs, "rejected": len(report.rejected), "seconds": _round(seconds),
        "docs_per_s": _round(_rate(docs, seconds), 1), "nodes": nodes, "relationships": rels,
        "elements_per_s": round(_rate(nodes + rels, seconds)),
        "extract_seconds": _round(timed_extract.seconds), "load_seconds": _round(timed.write_seconds),
        "load_elements_per_s": round(_rate(nodes + rels, timed.write_seconds)),
        "transactions": timed.transactions, "checkpoint_seconds": _round(timed.checkpoint_seconds),
        "tx_seconds_first_last_tenth": timed.tx_trend(),
        "rss_before_mb": round(rss_before or 0, 1), "peak_rss_mb": round(peak or 0, 1),
        "reingest_seconds": _round(reingest), "reingest_unchanged": len(again.skipped),
        "reingest_fraction": _round(reingest / seconds, 4), "graph_file_mb": size_mb,
        "search_hits_after_ingest": hits,  # of 20 asked for; 0 = full-text index broken
    }


def _isolated(function: str, **kwargs: Any) -> dict[str, Any]:
    """Run one of this module's functions in a new Python process; its result comes back as JSON."""
    proc = subprocess.run([sys.executable, "-m", "kg.bench", "_child", function, json.dumps(kwargs)],
                          capture_output=True, text=True, check=False,
                          cwd=str(Path(__file__).resolve().parent.parent))
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"benchmark child {function} failed: {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the long document --------------------------------------------------------------------------

def measure_huge_text(workdir: Path, megabytes: int) -> dict[str, Any]:
    """A plain-text file of `megabytes` (the seed documents' bodies, repeated) through `kg ingest` on
    the embedded store in a child process: accepted or not, seconds, the child's peak RSS."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[2].strip()
              for p in sorted((root / "seed_data" / "documents").glob("*.md"))]
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
    t = _now()
    proc = subprocess.run([sys.executable, "-c", code, str(big)], cwd=root, env=env, capture_output=True,
                          text=True, timeout=3600)
    seconds = _now() - t
    peak = int(proc.stdout.split("PEAK_KB")[1].split()[0]) / 1024 if "PEAK_KB" in proc.stdout else None
    return {"megabytes": round(big.stat().st_size / 1e6, 1), "accepted": "ingested 2" in proc.stdout,
            "seconds": _round(seconds), "peak_rss_mb": _round(peak) if peak else None}


def measure_long_document(store_kind: str, path: Path, workdir: Path) -> dict[str, Any]:
    """read → extract → load of one long document through `kg.ingest.ingest`, the guide already in."""
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from kg.ingest import ingest
    from kg.load import load_facts

    _warm_up()
    store = open_store(store_kind, workdir, "long")
    try:
        store.apply_schema()
        load_facts(store, [extract(read_document(GUIDE_PATH))])
        before = _count(store)
        timed = TimedStore(store)
        timed_extract = TimedExtract(extract)

        t = _now()
        report = ingest(timed, [str(path)], extractor=timed_extract)  # type: ignore[arg-type]
        seconds = _now() - t
        after = _count(store)
        t = _now()
        raw = read_document(path)
        read_seconds = _now() - t
    finally:
        if store_kind == "neo4j":
            _wipe(store)
        store.close()
    return {"store": store_kind, "chars": len(raw.text), "ingested": len(report.ingested),
            "seconds": _round(seconds), "read_seconds": _round(read_seconds),
            "extract_seconds": _round(timed_extract.seconds), "load_seconds": _round(timed.write_seconds),
            "nodes": after[0] - before[0], "relationships": after[1] - before[1]}


# --- per-row vs batched writes --------------------------------------------------------------

_ROW_WRITE = ("UNWIND $rows AS row MERGE (n:Passage {id: row.id}) SET n += row.props "
              "WITH n, row MATCH (d:Document {id: row.doc_id}) MERGE (n)-[:PART_OF]->(d)")


def measure_row_writes(store: GraphStore, n: int) -> dict[str, Any]:
    """The same passage rows (node + PART_OF each) written one transaction per row, one statement
    per row in one transaction, and as one batched UNWIND."""
    store.apply_schema()
    store.write("MERGE (d:Document {id: 'bench-rows'}) SET d.name = 'bench rows'")

    def rows(tag: str) -> list[dict[str, Any]]:
        return [{"id": f"bench-{tag}-{i}", "doc_id": "bench-rows",
                 "props": {"doc_id": "bench-rows", "index": i, "start": i * 40, "end": i * 40 + 39,
                           "text": "各级科协要进一步加强学会党建工作，推动党的组织和党的工作两个全覆盖。",
                           "search": "各级 级科 科协 加强 学会 党建"}} for i in range(n)]

    out: dict[str, Any] = {"rows": n, "elements": 2 * n}
    t = _now()
    for row in rows("tx"):
        store.write_all([(_ROW_WRITE, {"rows": [row]})])
    out["per_row_tx_seconds"] = _round(_now() - t)
    t = _now()
    store.write_all([(_ROW_WRITE, {"rows": [row]}) for row in rows("stmt")])
    out["per_row_statement_seconds"] = _round(_now() - t)
    t = _now()
    store.write_all([(_ROW_WRITE, {"rows": rows("batch")})])
    out["batched_seconds"] = _round(_now() - t)
    for key in ("per_row_tx", "per_row_statement", "batched"):
        out[f"{key}_elements_per_s"] = round(_rate(2 * n, out[f"{key}_seconds"]))
    out["batched_speedup_vs_per_row_tx"] = _round(out["per_row_tx_seconds"] / max(out["batched_seconds"], 1e-9), 1)
    store.write("MATCH (p:Passage) WHERE p.doc_id = 'bench-rows' DETACH DELETE p")
    store.write("MATCH (d:Document {id: 'bench-rows'}) DETACH DELETE d")
    return out


# --- building big graphs fast, and query latency --------------------------------------------

@dataclass
class GraphBuilder:
    """Writes the rows of a base corpus again and again, with fresh document, passage and
    recommendation ids for every copy (entities and the guide are shared)."""

    store: GraphStore
    base: list  # Facts of the base corpus
    batch_docs: int = 100
    copies: int = 0
    write_seconds: float = 0.0
    elements_written: int = 0
    _chunks: list[list[Statement]] = field(default_factory=list)
    _local_ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        from kg.load import GraphRows

        for f in self.base:
            self._local_ids.add(f.document.id)
            self._local_ids.update(p.id for p in f.passages)
            self._local_ids.update(r.id for r in f.recommendations)
        for i in range(0, len(self.base), self.batch_docs):
            rows = GraphRows()
            for f in self.base[i:i + self.batch_docs]:
                rows.add(f)
            # only the row writes: a copy's ids are new, so there are no old facts to delete
            self._chunks.append([(q, p) for q, p in rows.statements() if "rows" in p])

    def _remap(self, value: Any, suffix: str) -> Any:
        if isinstance(value, str):
            return value + suffix if value in self._local_ids else value
        if isinstance(value, dict):
            return {k: self._remap(v, suffix) for k, v in value.items()}
        return value

    def write_copy(self) -> None:
        suffix = f"~{self.copies}" if self.copies else ""
        for chunk in self._chunks:
            statements = [(q, {"rows": [self._remap(r, suffix) for r in p["rows"]]}) for q, p in chunk]
            t = _now()
            self.store.write_all(statements)
            self.write_seconds += _now() - t
        self.copies += 1

    def grow_to(self, target_nodes: int, progress: Progress | None = None) -> dict[str, Any]:
        nodes, rels = _count(self.store)
        start = (nodes, rels)
        seconds = self.write_seconds
        while nodes < target_nodes:
            self.write_copy()
            nodes, rels = _count(self.store)
            if progress and self.copies % 5 == 0:
                progress(f"  {nodes:,} nodes, {rels:,} relationships")
        self.store.checkpoint()
        written = (nodes - start[0]) + (rels - start[1])
        spent = self.write_seconds - seconds
        return {"nodes": nodes, "relationships": rels, "copies": self.copies,
                "build_seconds": _round(spent), "build_elements_per_s": round(_rate(written, spent))}

    # ids for query parameters (valid in every copy written so far)
    def sample_ids(self, rng: random.Random, k: int) -> dict[str, list[str]]:
        def pick(ids: list[str]) -> list[str]:
            return [rng.choice(ids) + (f"~{c}" if (c := rng.randrange(self.copies)) else "") for _ in range(k)]

        recs = [r.id for f in self.base for r in f.recommendations]
        docs = [f.document.id for f in self.base]
        entities = sorted({e.id for f in self.base for e in f.entities})
        return {"rec_id": pick(recs), "doc_id": pick(docs), "entity_id": [rng.choice(entities) for _ in range(k)]}

    def hub(self) -> str:
        counts = Counter(m.entity_id for f in self.base for m in f.mentions)
        return counts.most_common(1)[0][0]


def _query_params(ids: dict[str, list[str]], rng: random.Random) -> dict[str, list[dict[str, Any]] | str]:
    """Parameters for every named query: its required parameters drawn from the graph; a query
    with a required parameter of unknown meaning is skipped (reported)."""
    from extractors.segment import fulltext_query
    from kg import queries

    pools: dict[str, list[Any]] = {
        "rec_id": ids["rec_id"], "doc_id": ids["doc_id"], "entity_id": ids["entity_id"],
        "query": [fulltext_query(w) for w in SEARCH_WORDS],
        "indicator": ["1.1", "2.4", "3.2", "4.3"],
    }
    out: dict[str, list[dict[str, Any]] | str] = {}
    for name, q in sorted(queries.library().items()):
        required = [p for p in q.params if p.required]
        unknown = [p.name for p in required if p.name not in pools and p.name != "direction"]
        if unknown:
            out[name] = f"skipped: no benchmark values for required parameter(s) {', '.join(unknown)}"
            continue
        n = max([len(pools[p.name]) for p in required if p.name in pools] or [4])
        sets = []
        for i in range(n):
            params: dict[str, Any] = {}
            for p in required:
                if p.name == "direction":
                    params[p.name] = str(i % 4 + 1) if p.type == "str" else i % 4 + 1
                else:
                    params[p.name] = pools[p.name][i % len(pools[p.name])]
            sets.append(params)
        rng.shuffle(sets)
        out[name] = sets
    return out


def measure_queries(store: GraphStore, params: dict[str, list[dict[str, Any]] | str], hub: str,
                    runs: int, budget_s: float, skip_hub: dict[str, str] | None = None) -> dict[str, Any]:
    """p50/p95 of every named query (one warm-up run each, then up to `runs` timed runs cycling
    through the parameter sets: at least 3 (1 for a query slower than a fifth of the budget), then
    more while within `budget_s`). Queries in `skip_hub` are not timed on the hub entity."""
    from kg import queries

    out: dict[str, Any] = {}
    for name, sets in params.items():
        if isinstance(sets, str):
            out[name] = {"skipped": sets}
            continue
        try:
            t = _now()
            rows = queries.run(store, name, **sets[0])  # warm-up (plans, caches)
            least = 3 if _now() - t < budget_s / 5 else 1  # a slow query is timed fewer times
            times: list[float] = []
            begin = _now()
            i = 0
            while i < runs and (i < least or _now() - begin < budget_s):
                t = _now()
                queries.run(store, name, **sets[i % len(sets)])
                times.append(_now() - t)
                i += 1
            entry: dict[str, Any] = {"p50_ms": _round(1000 * _percentile(times, 0.5), 2),
                                     "p95_ms": _round(1000 * _percentile(times, 0.95), 2),
                                     "runs": len(times), "rows": len(rows)}
            if "entity_id" in sets[0] and name in (skip_hub or {}):
                entry["hub_skipped"] = (skip_hub or {})[name]
            elif "entity_id" in sets[0]:
                hub_times = []
                for _ in range(3 if runs >= 5 and least == 3 else 1):
                    t = _now()
                    hub_rows = queries.run(store, name, **{**sets[0], "entity_id": hub})
                    hub_times.append(_now() - t)
                entry["hub_ms"] = _round(1000 * min(hub_times), 2)
                entry["hub_rows"] = len(hub_rows)
            out[name] = entry
        except StoreError as exc:
            out[name] = {"error": str(exc)[:300]}
    return out


def rebuild_fulltext(store: GraphStore) -> None:
    """Drop and re-create the full-text indexes (embedded: the workaround for the kglite bug)."""
    from schema.constraints import FULLTEXT_INDEXES

    for name in FULLTEXT_INDEXES:
        store._run(store._graph, f"DROP INDEX {name} IF EXISTS", {})  # type: ignore[attr-defined]
    store.apply_schema()


def measure_query_sizes(store_kind: str, base: list, guide: Any, workdir: Path, cfg: dict[str, Any],
                        progress: Progress) -> list[dict[str, Any]]:
    """Grow one graph through the sizes of `cfg["query_nodes"]`, timing every named query at each."""
    from kg.load import load_facts

    store = open_store(store_kind, workdir, "queries")
    results = []
    try:
        store.apply_schema()
        load_facts(store, [guide])
        builder = GraphBuilder(store, base, batch_docs=cfg["build_batch_docs"])
        rng = random.Random(f"bench-queries:{store_kind}")
        previous: dict[str, tuple[int, float]] = {}  # query -> (nodes, seconds) at the last size
        previous_hub: dict[str, tuple[int, float]] = {}
        for target in cfg["query_nodes"]:
            progress(f"{store_kind}: building a graph of ~{target:,} nodes")
            built = builder.grow_to(target, progress)
            # support across the corpus, as `kg ingest` keeps it: the trace page reads it
            from kg.support import update_support

            t = _now()
            support = update_support(store)
            built["support_seconds"] = _round(_now() - t)
            built["support_links"] = support.evidenced_by + support.same_measure
            if store_kind == "embedded":
                # kglite 0.21.2 loses its full-text index after 10 write transactions without a
                # full-text query (benchmarks/kglite_fulltext_repro.py): rebuild it, so the search
                # queries are timed on a working index, and report what the rebuild costs
                t = _now()
                rebuild_fulltext(store)
                built["fulltext_rebuild_seconds"] = _round(_now() - t)
                store.checkpoint()
            ids = builder.sample_ids(rng, 40)
            params = _query_params(ids, rng)
            for name, (nodes, seconds) in previous.items():
                expected = seconds * built["nodes"] / nodes
                if expected > cfg["query_skip_s"] and not isinstance(params.get(name), str):
                    params[name] = (f"skipped: {seconds:.1f} s at {nodes:,} nodes, "
                                    f"so ≥ {expected:.0f} s expected here")
            skip_hub = {name: f"{seconds:.1f} s at {nodes:,} nodes" for name, (nodes, seconds) in previous_hub.items()
                        if seconds * built["nodes"] / nodes > cfg["query_skip_s"]}
            reader: GraphStore = store
            load_seconds = None
            if store_kind == "embedded":  # the dashboard reads a checkpoint, as here
                from kg.stores.embedded import EmbeddedStore

                t = _now()
                reader = EmbeddedStore(workdir / "queries.kgl", writer=False)
                load_seconds = _round(_now() - t)
            progress(f"{store_kind}: timing {len(params)} named queries at {built['nodes']:,} nodes")
            try:
                timings = measure_queries(reader, params, builder.hub(), cfg["query_runs"], cfg["query_budget_s"],
                                          skip_hub)
            finally:
                if reader is not store:
                    reader.close()
            for name, q in timings.items():
                if "p50_ms" in q:
                    previous[name] = (built["nodes"], q["p50_ms"] / 1000)
                elif name in previous and "skipped" in q:  # stays skipped at larger sizes
                    previous[name] = (built["nodes"], previous[name][1] * built["nodes"] / previous[name][0])
                if "hub_ms" in q:
                    previous_hub[name] = (built["nodes"], q["hub_ms"] / 1000)
                elif name in previous_hub:
                    previous_hub[name] = (built["nodes"], previous_hub[name][1] * built["nodes"] / previous_hub[name][0])
            results.append({**built, "target_nodes": target, "reader_load_seconds": load_seconds,
                            "queries": timings})
    finally:
        if store_kind == "neo4j":
            _wipe(store)
        store.close()
    return results


# --- the whole run ----------------------------------------------------------------------------

def _neo4j_version(store: GraphStore) -> str | None:
    try:
        rows = store.read("CALL dbms.components() YIELD name, versions, edition "
                          "RETURN name, versions[0] AS version, edition")
        return f"{rows[0]['name']} {rows[0]['version']} {rows[0]['edition']}" if rows else None
    except StoreError:
        return None


def run_bench(quick: bool = False, stores: Sequence[str] | None = None, *, workdir: str | Path | None = None,
              progress: Progress | None = None, seed: int = 0, **overrides: Any) -> dict[str, Any]:
    """Run the benchmark; `quick` takes seconds (small sizes, few repetitions). Neo4j is included
    when NEO4J_URI is set (and wiped: see the module docstring). `overrides` replace entries of
    the FULL/QUICK configuration (e.g. sizes=(100, 1000))."""
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from kg.synthetic import write_corpus, write_long_document

    cfg = {**(QUICK if quick else FULL), **overrides}
    _quiet_driver()
    stores = tuple(stores) if stores is not None else default_stores()
    say = progress or (lambda message: None)
    began = _now()
    own_dir = workdir is None
    work = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"quick": quick, "stores": list(stores), "machine": machine(),
                              "config": {k: list(v) if isinstance(v, tuple) else v for k, v in cfg.items()}}
    try:
        if "neo4j" in stores:
            store = open_store("neo4j", work, "check", fresh=False)
            try:
                _check_neo4j_may_be_wiped(store, neo4j_env()["uri"])  # type: ignore[index]
                result["machine"]["neo4j_server"] = _neo4j_version(store)
                say("neo4j: per-row vs batched writes")
                result["row_writes"] = {"neo4j": measure_row_writes(store, cfg["row_sample"])}
                _wipe(store)
            finally:
                store.close()
        else:
            result["row_writes"] = {}
        say("embedded: per-row vs batched writes")
        emb = open_store("embedded", work, "rows")
        try:
            result["row_writes"]["embedded"] = measure_row_writes(emb, cfg["row_sample"])
        finally:
            emb.close()

        say(f"writing synthetic corpora {', '.join(map(str, cfg['sizes']))} into {work}")
        biggest = max(max(cfg["sizes"]), cfg["extraction_docs"], *cfg["parallel_docs"])
        corpus_all = work / "corpus-all"
        write_corpus(corpus_all, biggest, seed=seed)
        names = sorted(p.name for p in corpus_all.glob("*.md"))
        corpora = {}
        for size in cfg["sizes"]:
            folder = work / f"corpus-{size}"
            folder.mkdir(exist_ok=True)
            for name in names[:size]:  # the smaller corpora are prefixes of the largest
                try:
                    os.link(corpus_all / name, folder / name)
                except OSError:
                    shutil.copy(corpus_all / name, folder / name)
            corpora[size] = folder

        say(f"extraction vs blank-zh tokenisation on {cfg['extraction_docs']} documents")
        raws = _read_folder(corpus_all, cfg["extraction_docs"])
        result["extraction"] = measure_extraction(raws)
        del raws

        result["parallel"] = []
        for n in cfg["parallel_docs"]:
            say(f"serial vs {cfg['workers']} worker processes on {n} documents")
            result["parallel"].append(measure_parallel(_read_folder(corpus_all, n), cfg["workers"]))

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
                measured = _isolated("measure_ingest", **args) if cfg["isolate"] else measure_ingest(**args)
                measured["isolated"] = bool(cfg["isolate"])
                result["ingest"][kind].append(measured)

        say(f"extracting the base corpus ({cfg['base_docs']} documents) for the query graphs")
        base = [extract(r) for r in _read_folder_seeded(work / "base", cfg["base_docs"], seed + 1)]
        guide = extract(read_document(GUIDE_PATH))
        result["queries"] = {}
        for kind in stores:
            result["queries"][kind] = measure_query_sizes(kind, base, guide, work, cfg, say)
        result["targets"] = targets(result)
        result["seconds"] = _round(_now() - began, 1)
        if hasattr(os, "getloadavg"):  # the machine may be shared: say how busy it was
            result["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        return result
    finally:
        if own_dir:
            shutil.rmtree(work, ignore_errors=True)


def _read_folder_seeded(folder: Path, count: int, seed: int) -> list:
    from kg.synthetic import write_corpus

    write_corpus(folder, count, seed=seed)
    return _read_folder(folder)


# --- targets (issue 5) ----------------------------------------------------------------------

def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 5 with the measured value and whether it is met."""
    out: list[dict[str, Any]] = []
    ex = result.get("extraction")
    if ex:
        out.append({"target": "extraction ≥ 0.5× blank-zh tokenisation", "value": ex["ratio"],
                    "met": ex["ratio"] >= 0.5})
    if "neo4j" in result.get("ingest", {}):
        rates = [r["load_elements_per_s"] for r in result["ingest"]["neo4j"]]
        builds = [q["build_elements_per_s"] for q in result["queries"].get("neo4j", [])]
        best = max(rates + builds)
        out.append({"target": "Neo4j load ≥ 50,000 nodes+relationships/s (batched UNWIND)",
                    "value": {"ingest_load": rates, "bulk_build": builds}, "met": best >= 50_000})
    for kind, sizes in result.get("queries", {}).items():
        if not sizes:
            continue
        top = sizes[-1]
        worst = {name: top["queries"][name].get("p95_ms") for name in TRACE_QUERIES + NEIGHBOURHOOD_QUERIES
                 if name in top["queries"]}
        values = [v for v in worst.values() if v is not None]
        out.append({"target": f"{kind}: trace and neighbourhood p95 ≤ 50 ms at {top['nodes']:,} nodes",
                    "value": worst, "met": bool(values) and max(values) <= 50})
    for kind, runs in result.get("ingest", {}).items():
        fractions = [r["reingest_fraction"] for r in runs]
        out.append({"target": f"{kind}: unchanged re-ingest ≤ 5 % of the first ingest", "value": fractions,
                    "met": max(fractions) <= 0.05})
        if len(runs) >= 2:
            small, big = runs[0], runs[-1]
            growth = (big["peak_rss_mb"] - small["peak_rss_mb"]) / max(small["peak_rss_mb"], 1)
            out.append({"target": f"{kind}: memory flat in corpus size (peak RSS {small['documents']} → "
                                  f"{big['documents']} documents grows ≤ 25 %)",
                        "value": {"peak_rss_mb": [r["peak_rss_mb"] for r in runs], "growth": _round(growth, 3)},
                        "met": growth <= 0.25})
    for kind, run in result.get("long_document", {}).items():
        out.append({"target": f"{kind}: the long document end to end < 10 s", "value": run["seconds"],
                    "met": run["seconds"] < 10})
    if (huge := result.get("huge_text")):
        out.append({"target": f"embedded: a {huge['megabytes']} MB text file accepted, peak RSS < 3,000 MB",
                    "value": {"seconds": huge["seconds"], "peak_rss_mb": huge["peak_rss_mb"]},
                    "met": bool(huge["accepted"] and huge["peak_rss_mb"] and huge["peak_rss_mb"] < 3000)})
    return out


# --- printing ---------------------------------------------------------------------------------

def tables(result: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """The result as (title, header, rows) tables, shared by the terminal and markdown printers."""
    out = []
    m = result["machine"]
    out.append(("machine", ["nproc", "CPU", "memory GiB", "Python", "kglite", "Neo4j"],
                [[str(m["nproc"]), m["cpu"], str(m["memory_gib"]), m["python"], m["kglite"],
                  str(m.get("neo4j_server") or "—")]]))
    ex = result["extraction"]
    out.append(("extraction vs bare spacy.blank('zh') tokenisation (same texts)",
                ["documents", "chars", "extract chars/s", "tokenise chars/s", "ratio"],
                [[f"{ex['documents']:,}", f"{ex['chars']:,}", f"{ex['extract_chars_per_s']:,}",
                  f"{ex['tokenise_chars_per_s']:,}", f"{ex['ratio']:.3f}"]]))
    out.append(("parallel extraction (process pool)",
                ["documents", "workers", "serial s", "parallel s", "first result s", "speedup", "identical"],
                [[f"{p['documents']:,}", str(p["workers"]), f"{p['serial_seconds']:.2f}",
                  f"{p['parallel_seconds']:.2f}", f"{p['first_result_seconds']:.2f}", f"{p['speedup']:.2f}",
                  "yes" if p["identical"] else "NO"] for p in result["parallel"]]))
    out.append(("the long document end to end (read → extract → load)",
                ["store", "chars", "total s", "read s", "extract s", "load s", "nodes", "relationships"],
                [[k, f"{r['chars']:,}", f"{r['seconds']:.2f}", f"{r['read_seconds']:.2f}",
                  f"{r['extract_seconds']:.2f}", f"{r['load_seconds']:.2f}", f"{r['nodes']:,}",
                  f"{r['relationships']:,}"] for k, r in result["long_document"].items()]))
    rows = []
    for kind, runs in result["ingest"].items():
        for r in runs:
            rows.append([kind, f"{r['documents']:,}", f"{r['seconds']:.1f}", f"{r['docs_per_s']:.1f}",
                         f"{r['nodes'] + r['relationships']:,}", f"{r['elements_per_s']:,}",
                         f"{r['load_elements_per_s']:,}", f"{r['peak_rss_mb']:.0f}",
                         f"{r['reingest_seconds']:.2f} ({100 * r['reingest_fraction']:.1f} %)"])
    out.append(("ingest (fresh store; guide included)",
                ["store", "documents", "seconds", "docs/s", "nodes+rels", "elements/s", "load-only elements/s",
                 "peak RSS MiB", "unchanged re-ingest s (% of first)"], rows))
    rows = []
    for kind, w in result.get("row_writes", {}).items():
        rows.append([kind, f"{w['rows']:,}", f"{w['per_row_tx_elements_per_s']:,}",
                     f"{w['per_row_statement_elements_per_s']:,}", f"{w['batched_elements_per_s']:,}",
                     f"{w['batched_speedup_vs_per_row_tx']}×"])
    out.append(("per-row vs batched writes (node + PART_OF per row)",
                ["store", "rows", "tx per row el/s", "statement per row el/s", "one UNWIND el/s",
                 "UNWIND vs tx per row"], rows))
    for kind, sizes in result["queries"].items():
        header = ["query"] + [f"{s['nodes']:,} nodes p50 / p95 ms" for s in sizes]
        names = sorted({n for s in sizes for n in s["queries"]})
        rows = [["(graph: nodes / rels, build el/s)"] + [
            f"{s['nodes']:,} / {s['relationships']:,}, {s['build_elements_per_s']:,}/s" for s in sizes]]
        for name in names:
            cells = [name]
            for s in sizes:
                q = s["queries"].get(name, {})
                if "p50_ms" in q:
                    cell = f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f}"
                    if "hub_ms" in q:
                        cell += f" (hub {q['hub_ms']:.0f})"
                    cells.append(cell)
                else:
                    cells.append(q.get("skipped") or q.get("error", "—")[:60])
            rows.append(cells)
        out.append((f"named query latency on {kind}", header, rows))
    out.append(("targets (issue 5)", ["target", "value", "met"],
                [[t["target"], json.dumps(t["value"], ensure_ascii=False), "✓" if t["met"] else "✗"]
                 for t in result.get("targets", [])]))
    return out


def print_table(result: dict[str, Any], console: Any = None) -> None:
    """Print the result as tables on a rich console."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    for title, header, rows in tables(result):
        table = Table(*header, title=title, title_justify="left")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if "seconds" in result:
        console.print(f"benchmark took {result['seconds']:.0f} s")


def markdown(result: dict[str, Any]) -> str:
    """The result as markdown tables (for docs/PERFORMANCE.md)."""
    parts = []
    for title, header, rows in tables(result):
        parts.append(f"**{title}**\n")
        parts.append("| " + " | ".join(header) + " |")
        parts.append("|" + "---|" * len(header))
        parts.extend("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows)
        parts.append("")
    return "\n".join(parts)


# --- `python -m kg.bench` -------------------------------------------------------------------

def _main(argv: list[str]) -> int:
    if argv[:1] == ["_child"]:  # one isolated measurement; its result is the last stdout line
        function, kwargs = argv[1], json.loads(argv[2])
        if function not in ("measure_ingest",):
            raise SystemExit(f"unknown benchmark child {function!r}")
        sys.stdout.write(json.dumps(globals()[function](**kwargs)) + "\n")
        return 0
    import argparse

    parser = argparse.ArgumentParser(prog="python -m kg.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", metavar="FILE", help="also write the result as JSON to FILE")
    parser.add_argument("--markdown", metavar="FILE", help="also write the tables as markdown to FILE")
    parser.add_argument("--store", action="append", choices=("embedded", "neo4j"))
    args = parser.parse_args(argv)
    result = run_bench(quick=args.quick, stores=args.store,
                       progress=lambda m: print(f"[{time.strftime('%H:%M:%S')}] {m}", file=sys.stderr, flush=True))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(markdown(result), encoding="utf-8")
    print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
