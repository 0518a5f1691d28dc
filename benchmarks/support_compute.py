"""The computing part of the support step, phase by phase (CPU seconds): reading the corpus
(`kg.support.Corpus`), SAME_MEASURE (`same_measures`), EVIDENCED_BY (the rest of `compute`), on a
graph whose measure words are filled in — e.g. the COPY_DIR of `benchmarks/support_links.py`:

    PYTHONPATH=. .venv/bin/python benchmarks/support_compute.py FILLED_DIR [--sharing]

`--sharing` also counts, per distinct recommendation text, the passage vectors that share a piece
with it and those that reach their floor (what a pruning could skip at best). Written for the tree
of issue 13; run from an older tree (copied in), it prints what that tree has.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(graph: Path, sharing_stats: bool = False) -> dict:
    from kg import support
    from kg.stores.embedded import EmbeddedStore

    store = EmbeddedStore(graph / "graph.kgl", writer=True)
    out: dict = {}
    started = time.process_time()
    corpus = support.Corpus(store)
    out["corpus_cpu"] = round(time.process_time() - started, 2)
    started = time.process_time()
    support.same_measures(corpus)
    out["same_measure_cpu"] = round(time.process_time() - started, 2)
    started = time.process_time()
    evidence, same = support.compute(corpus)
    out["evidenced_by_cpu"] = round(time.process_time() - started - out["same_measure_cpu"], 2)
    matched = [r for r in corpus.recs if r.terms and not support.is_boilerplate(r.text)]
    out.update(evidenced_by=len(evidence), same_measure=len(same), recommendations=len(corpus.recs),
               matched=len(matched), texts=len({(r.text, r.terms) for r in matched}), rows=len(corpus.rows),
               vectors=len(getattr(corpus, "vector_threshold", corpus.rows)))
    if sharing_stats and hasattr(corpus, "vector_threshold"):
        texts = sorted({r.text for r in matched})
        sharing = reaching = 0
        for text in texts:
            every = corpus._similarities(text)
            sharing += int((every > 0).sum())
            reaching += int((every >= corpus.vector_threshold).sum())
        out.update(sharing_per_text=round(sharing / max(len(texts), 1)),
                   reaching_per_text=round(reaching / max(len(texts), 1)))
    store.close()
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a folder holding graph.kgl with measure words filled in")
    parser.add_argument("--sharing", action="store_true", help="count the vectors sharing a piece with each text")
    args = parser.parse_args()
    print(json.dumps(main(args.graph, args.sharing)))
