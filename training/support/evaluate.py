"""Support links of a graph against the hand-judged links of training/support/ (docs/EVIDENCE.md).

    PYTHONPATH=. .venv/bin/python training/support/evaluate.py GRAPH.kgl            # coverage, and what was judged
    PYTHONPATH=. .venv/bin/python training/support/evaluate.py GRAPH.kgl --sample 30 --seed 1

The first prints the EVIDENCED_BY links by kind, the recommendations they cover, and how many of the
links a drafter judged and accepted (a link is matched to a judgement by its two texts; where several
judges saw a pair, the judgement of judged-measure-similarity.jsonl counts, else any reject). With
--sample it prints a blind sample (no score, no terms) of the links no one judged yet, to judge by hand.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def judgements() -> dict[tuple[str, str], int]:
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    own: dict[tuple[str, str], int] = {}
    for path in sorted(HERE.glob("judged-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("type", "EVIDENCED_BY") != "EVIDENCED_BY":
                continue
            key = (row["recommendation"], row["passage"])
            seen[key].append(row["accept"])
            if path.name == "judged-measure-similarity.jsonl":
                own[key] = row["accept"]
    return {key: own.get(key, min(values)) for key, values in seen.items()}


def main() -> None:
    from kg.stores.embedded import EmbeddedStore

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    store = EmbeddedStore(args.graph)
    recs = store.read("MATCH (r:Recommendation) RETURN count(r) AS n")[0]["n"]
    links = store.read("MATCH (r:Recommendation)-[x:EVIDENCED_BY]->(p:Passage) MATCH (p)-[:PART_OF]->(d:Document) "
                       "MATCH (r)-[:SUPPORTED_BY]->(:Passage)-[:PART_OF]->(rd:Document) "
                       "RETURN DISTINCT r.id AS rec, p.id AS passage, x.kind AS kind, r.text AS rtext, p.text AS ptext, "
                       "rd.kind AS rkind, rd.title AS rtitle, d.kind AS pkind, d.title AS ptitle, d.date AS pdate "
                       "ORDER BY rec, passage")
    judged = judgements()
    print(f"{len(links)} EVIDENCED_BY links, {len({r['rec'] for r in links})} of {recs} recommendations "
          f"({100 * len({r['rec'] for r in links}) / max(recs, 1):.1f} %)")
    for kind, n in sorted(Counter(r["kind"] for r in links).items()):
        of_kind = [r for r in links if r["kind"] == kind]
        marks = [judged[(r["rtext"], r["ptext"])] for r in of_kind if (r["rtext"], r["ptext"]) in judged]
        print(f"  {kind}: {n} links, {len({r['rec'] for r in of_kind})} recommendations; "
              f"judged {len(marks)}, accepted {sum(marks)}")
    marks = [judged[(r["rtext"], r["ptext"])] for r in links if (r["rtext"], r["ptext"]) in judged]
    print(f"judged {len(marks)} of the links, accepted {sum(marks)}")
    if args.sample:
        pool = [r for r in links if (r["rtext"], r["ptext"]) not in judged]
        for i, r in enumerate(random.Random(args.seed).sample(pool, min(args.sample, len(pool)))):
            print(f"#{i} [{r['kind']}] {r['rec']} {r['passage']}\n R({r['rkind']}, {r['rtitle']}): {r['rtext']}\n"
                  f" P({r['pkind']}, {r['ptitle']}, {r['pdate']}): {r['ptext']}")


if __name__ == "__main__":
    main()
