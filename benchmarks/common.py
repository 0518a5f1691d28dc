"""What the one-off benchmark scripts share: a synthetic corpus in a fresh folder, each variant
run in its own process (a clean peak RSS), a graph grown to a size, facts loaded in batches."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def synthetic_corpus(prefix: str, docs: int) -> Path:
    """A fresh work folder holding `corpus/`: `docs` synthetic documents (labelled synthetic)."""
    from benchmarks.synthetic import write_corpus

    work = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
    write_corpus(work / "corpus", docs)
    return work


def run_children(script: str, variants: Iterable[str], child_args: Any) -> None:
    """Run `script _child <child_args(variant)…>` once per variant, each in its own process, and print
    the last line it printed (or why it failed)."""
    for variant in variants:
        out = subprocess.run([sys.executable, script, "_child", *child_args(variant)], capture_output=True,
                             text=True, cwd=ROOT)
        lines = out.stdout.strip().splitlines()
        print(lines[-1] if out.returncode == 0 and lines else f"{variant}: failed: {out.stderr.strip()[-400:]}",
              flush=True)


def grown_graph(store_kind: str, nodes: int, prefix: str) -> tuple[Any, dict[str, Any], list[Any]]:
    """A store holding the guide and a graph grown to about `nodes` from 300 synthetic documents:
    (store, what was built, the base facts)."""
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from benchmarks.builder import GraphBuilder
    from benchmarks.corpora import read_folder
    from benchmarks.stores import bench_store
    from benchmarks.synthetic import write_corpus
    from kg.load import load_facts

    work = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
    write_corpus(work / "base", 300, seed=1)
    base = [extract(r) for r in read_folder(work / "base")]
    store = bench_store(store_kind, work, prefix)
    store.apply_schema()
    load_facts(store, [extract(read_document(GUIDE_PATH))])
    return store, GraphBuilder(store, base).grow_to(nodes), base


def load_in_batches(store: Any, facts: Iterable[Any], size: int) -> None:
    """`load_facts` a batch of `size` documents at a time, then support across the corpus (as
    `kg ingest` ends), then a checkpoint."""
    from kg.load import load_facts
    from kg.support import update_support

    pending = []
    for f in facts:
        pending.append(f)
        if len(pending) >= size:
            load_facts(store, pending)
            pending = []
    if pending:
        load_facts(store, pending)
    update_support(store)
    store.checkpoint()
