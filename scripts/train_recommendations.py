"""Train the recommendation classifier and write it to extractors/models/recommendations.json.

    .venv/bin/python scripts/train_recommendations.py [--cv | --grid] [--dev-cv [--errors]]

--cv first prints a 5-fold cross-validated score of the classifier (as trained: C and threshold of
extractors.recommendation_training) beside the cue rules' score on the same sentences (documents never split
across folds); --grid prints it for a grid of C and thresholds (any sentence, a cue-backed one), the way they were chosen.
--dev-cv prints the whole extractor's recommendation score on the dev gold documents, each scored
by a classifier trained without it (the honest dev number: `kg eval --split dev` scores a classifier
trained on dev); --dev-cv --errors lists what it got wrong. Nothing is written with --dev-cv.

Deterministic: the same data gives the same model. Never trained on the test part of tests/gold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.recommendation_training import (  # noqa: E402
    cross_validate, held_out_documents, train, training_data)
from extractors.model_file import write_model  # noqa: E402
from extractors.recommendations import MODEL_PATH  # noqa: E402

GRID = (3.0, 10.0, 20.0, 30.0)
THRESHOLDS = tuple((t, r) for t in (0.25, 0.3, 0.35, 0.4, 0.45) for r in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35) if r <= t)


def main(argv: list[str]) -> int:
    if "--dev-cv" in argv:
        print(json.dumps(held_out_documents(show_errors="--errors" in argv), ensure_ascii=False, indent=1))
        return 0
    data = training_data()
    print(f"{len(data)} labelled sentences, {sum(d.label for d in data)} recommendations")
    if "--grid" in argv:
        print(json.dumps(cross_validate(data, grid=GRID, thresholds=THRESHOLDS), ensure_ascii=False, indent=1))
    elif "--cv" in argv:
        print(json.dumps(cross_validate(data), ensure_ascii=False, indent=1))
    write_model(train(data), MODEL_PATH)
    print(f"model written to {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
