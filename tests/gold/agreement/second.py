"""Agreement of a second, independent annotation of 25 dev documents (1666–1690) with the gold, by kg eval's rules.

    .venv/bin/python tests/gold/agreement/second.py

`second/<id>.json` was written by five annotators (codes IA–IE, tests/gold/notes/NOTES-IA.md …) from each document's
text alone, by docs/ANNOTATION.md and blind to the first annotation, its notes and the system
(tests/gold/notes/BRIEF-agreement-v14.md). Scored as `kg eval` scores the extractor against the gold: mentions by type
and exact span, relations by (type, head, tail), recommendations one-to-one at character overlap (IoU) ≥ 0.5,
document directions as (document, direction) pairs. What the two annotations share is the ceiling a system scored
against either one can be expected to reach.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def matched_recommendations(first: list[dict], second: list[dict]) -> int:
    used: set[int] = set()
    for rec in second:
        scores = [(iou((rec["start"], rec["end"]), (g["start"], g["end"])), i) for i, g in enumerate(first) if i not in used]
        best = max(scores, default=(0.0, -1))
        if best[0] >= 0.5:
            used.add(best[1])
    return len(used)


def agreement(first: dict, second: dict) -> dict[str, tuple[int, int, int]]:
    """(both, only the second, only the first) for each kind of annotation of one document."""
    def sets(kind: str, doc: dict) -> set:
        if kind == "mentions":
            return {(m["type"], m["start"], m["end"]) for m in doc["mentions"]}
        if kind == "relations":
            return {(r["type"], r["head"].replace(" ", ""), r["tail"].replace(" ", "")) for r in doc["relations"]}
        return {d for d in doc["doc"]["directions"]}

    out = {}
    for kind in ("mentions", "relations", "directions"):
        a, b = sets(kind, first), sets(kind, second)
        out[kind] = (len(a & b), len(b - a), len(a - b))
    both = matched_recommendations(first["recommendations"], second["recommendations"])
    out["recommendations"] = (both, len(second["recommendations"]) - both, len(first["recommendations"]) - both)
    return out


def f1(both: int, only_second: int, only_first: int) -> float:
    return round(2 * both / (2 * both + only_second + only_first), 3) if both else 0.0


def main() -> None:
    totals: dict[str, list[int]] = {}
    paths = sorted((HERE / "second").glob("*.json"))
    for path in paths:
        first = json.loads((GOLD / path.name).read_text(encoding="utf-8"))
        second = json.loads(path.read_text(encoding="utf-8"))
        assert first["text"] == second["text"], path
        for kind, counts in agreement(first, second).items():
            totals[kind] = [x + y for x, y in zip(totals.get(kind, [0, 0, 0]), counts)]
    print(f"{len(paths)} documents annotated twice")
    for kind, (both, only_second, only_first) in totals.items():
        print(f"{kind:16s} F1 {f1(both, only_second, only_first):.3f}  (both {both}, only the second {only_second}, "
              f"only the first {only_first})")


if __name__ == "__main__":
    main()
