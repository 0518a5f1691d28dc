"""Agreement of two re-annotations of document directions with the gold and with each other.

    .venv/bin/python tests/gold/agreement/agreement.py

The ids (`ids.txt`: 50 dev documents drawn with random.seed(20261130)) were labelled again from their text alone
by two annotators, blind to the gold, to the system and to each other (`directions-A.tsv`, `directions-B.tsv`).
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent


def read(path: Path) -> dict[str, set[int]]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {i: {int(d) for d in dirs.split(",") if d.strip()} for i, dirs, *_ in (r.split("\t") for r in rows)}


def f1(x: dict[str, set[int]], y: dict[str, set[int]]) -> float:
    tp = sum(len(x[i] & y[i]) for i in x)
    wrong = sum(len(x[i] ^ y[i]) for i in x)
    return round(2 * tp / (2 * tp + wrong), 3)


def main() -> None:
    a, b = read(HERE / "directions-A.tsv"), read(HERE / "directions-B.tsv")
    gold = {i: set(json.loads((GOLD / f"{i}.json").read_text(encoding="utf-8"))["doc"]["directions"]) for i in a}
    print(f"A vs gold {f1(a, gold)}  B vs gold {f1(b, gold)}  A vs B {f1(a, b)}  (F1 over (document, direction) pairs)")
    try:
        from extractors.evaluate import _raw_for
        from extractors.pipeline import extract
    except ImportError:
        return
    system = {i: set(extract(_raw_for(json.loads((GOLD / f"{i}.json").read_text(encoding="utf-8")), Path.cwd()))
                     .document.directions) for i in a}
    print(f"system vs gold {f1(system, gold)}  vs A {f1(system, a)}  vs B {f1(system, b)}")


if __name__ == "__main__":
    main()
