"""The level rule of support (kg/support.py: UPWARDS_BARRED, runs_down) against every judgement on record.

    PYTHONPATH=. .venv/bin/python training/support/level_rule.py GRAPH.kgl

Recounts the EVIDENCED_BY links of an ingested graph (read only) as the code computes them, once as
shipped and once per variant of the rule "a passage backs a recommendation only when its document is
at the same or a higher level" (support runs downwards or sideways, never upwards), and prints for each:
the links, the recommendations they cover, and the judged and accepted links among them, counted as
`evaluate.py` counts them (the judge of judged-measure-similarity.jsonl first, else any reject) and
strictly (any reject of any judge). Then the judged links each variant removes or adds (docs/EVIDENCE.md,
"v0.11").
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))


def strict_judgements() -> dict[tuple[str, str], int]:
    """(recommendation text, passage text) -> 0 if any judge rejected the link, else 1."""
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for path in sorted(HERE.glob("judged-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("type", "EVIDENCED_BY") == "EVIDENCED_BY":
                seen[(row["recommendation"], row["passage"])].append(row["accept"])
    return {key: min(values) for key, values in seen.items()}


def main() -> None:
    from evaluate import judgements

    from extractors.issuers import LEVELS, Standing
    from kg import support
    from kg.stores.embedded import EmbeddedStore

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    args = parser.parse_args()
    store = EmbeddedStore(args.graph)
    corpus = support.Corpus(store)
    passage_text = {r["id"]: r["text"] for r in store.read("MATCH (p:Passage) RETURN p.id AS id, p.text AS text")}
    rec_text = {rec.id: rec.text for rec in corpus.recs}
    rec_doc = {rec.id: rec.doc_id for rec in corpus.recs}
    counted, strict = judgements(), strict_judgements()
    shipped_rule = support.runs_down

    def into_national_only(basis: Standing, point: Standing) -> bool:
        """Upwards barred only into a national point (a city's plan may still back its province's)."""
        return shipped_rule(basis, point) or (point.level or 0) < LEVELS["national"]

    variants: list[tuple[str, tuple[str, ...], Callable[[Standing, Standing], bool]]] = [
        ("as shipped (peers only)", (), shipped_rule),
        ("policy: never upwards", ("policy",), shipped_rule),
        ("policy and data: never upwards", ("policy", "data"), shipped_rule),
        ("policy: never upwards into a national point", ("policy",), into_national_only),
    ]
    results = {}
    for name, kinds, rule in variants:
        support.UPWARDS_BARRED, support.runs_down = kinds, rule
        try:
            results[name] = {(link.head, link.tail): link for rec in corpus.recs
                             for link in support.evidence_for(corpus, rec)}
        finally:
            support.UPWARDS_BARRED, support.runs_down = (), shipped_rule

    def key(pair: tuple[str, str]) -> tuple[str, str]:
        return rec_text[pair[0]], passage_text[pair[1]]

    def marks(links, judged) -> str:
        found = [judged[key(p)] for p in links if key(p) in judged]
        return f"judged {len(found)}, accepted {sum(found)} ({100 * sum(found) / max(len(found), 1):.1f} %)"

    print(f"{len(corpus.recs)} recommendations")
    base = results[variants[0][0]]
    for name, links in results.items():
        print(f"\n{name}: {len(links)} links, {len({h for h, _ in links})} recommendations")
        print(f"  evaluate.py's count: {marks(links, counted)}; strict: {marks(links, strict)}")
        for kind in support.KINDS:
            of_kind = [p for p, link in links.items() if link.kind == kind]
            print(f"  {kind}: {len(of_kind)} links, {marks(of_kind, counted)}")
        for sign, pairs in (("-", sorted(base.keys() - links.keys())), ("+", sorted(links.keys() - base.keys()))):
            for pair in pairs:
                link = (base if sign == "-" else links)[pair]
                basis = corpus.standing.get(corpus.passages[pair[1]].doc_id)
                point = corpus.standing.get(rec_doc[pair[0]])
                print(f"  {sign} [{link.kind}] accepted={counted.get(key(pair), '?')} "
                      f"strict={strict.get(key(pair), '?')} passage L{basis.level if basis else None} {basis.place if basis else ''} -> "
                      f"recommendation L{point.level if point else None} {point.place if point else ''}: "
                      f"{rec_text[pair[0]][:40]}")
    print("\nevery judged pair on record whose two texts are in the graph, by the levels of their documents "
          "(the kind as the judged row gives it; evaluate.py's count):")
    for kind, rows in sorted(by_direction(store, counted).items()):
        print(f"  {kind}: " + "; ".join(f"{d} {sum(v)} of {len(v)} ({100 * sum(v) / len(v):.0f} %)"
                                       for d, v in sorted(rows.items())))


def by_direction(store, counted: dict[tuple[str, str], int]) -> dict[str, dict[str, list[int]]]:
    """kind -> direction -> the decisions of the judged pairs: `up` (the passage's document of a lower level
    than the recommendation's), `down`, `same` (one place or national), `peer` (other places, one level below
    national), `unknown` (a level not known). A text found in several documents counts for the first by id; the
    pairs whose texts are no longer in the graph are left out."""
    from extractors.issuers import LEVELS, standing

    docs = {r["id"]: standing(list(r["issuers"] or ()), r["title"] or "") for r in store.read(
        "MATCH (d:Document) RETURN d.id AS id, d.issuers AS issuers, d.title AS title")}
    doc_of: dict[str, str] = {}  # a passage's text -> its document
    for r in store.read("MATCH (p:Passage) RETURN p.text AS text, p.doc_id AS doc ORDER BY doc"):
        doc_of.setdefault(r["text"], r["doc"])
    rec_doc_of = dict(doc_of)  # a recommendation's text (a sentence of a passage, or a whole one) -> its document
    for r in store.read("MATCH (r:Recommendation) RETURN r.text AS text, r.doc_id AS doc ORDER BY doc DESC"):
        rec_doc_of[r["text"]] = r["doc"]
    kinds = {}
    for path in sorted(HERE.glob("judged-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("type", "EVIDENCED_BY") == "EVIDENCED_BY":
                kinds[(row["recommendation"], row["passage"])] = row.get("kind") or "?"
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for (rec, passage), accept in counted.items():
        if rec not in rec_doc_of or passage not in doc_of:
            continue
        point, basis = docs[rec_doc_of[rec]], docs[doc_of[passage]]
        if point.level is None or basis.level is None:
            direction = "unknown"
        elif basis.level != point.level:
            direction = "up" if basis.level < point.level else "down"
        elif basis.level < LEVELS["national"] and basis.place and point.place and basis.place != point.place:
            direction = "peer"
        else:
            direction = "same"
        out[kinds[(rec, passage)]][direction].append(accept)
    return out


if __name__ == "__main__":
    main()
