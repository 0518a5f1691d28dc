"""Train the recommendation classifier and write it to extractors/models/recommendations.json.

    .venv/bin/python scripts/train_recommendations.py [--cv | --grid] [--dev-cv [--errors]]

--cv first prints, on the dev gold sentences with each document held out (5 folds, documents never split), the
score of the cue rules, of the first look alone and of both looks (as trained: C and threshold of
extractors.recommendation_training); --grid prints it for a grid of C and thresholds, the way they were chosen.
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

GRID = (10.0, 20.0, 30.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5)


def main(argv: list[str]) -> int:
    if "--dev-cv" in argv:
        print(json.dumps(held_out_documents(show_errors="--errors" in argv), ensure_ascii=False, indent=1))
        return 0
    data = training_data()
    print(f"{len(data.all)} labelled sentences, {sum(d.label for d in data.all)} recommendations")
    if "--grid" in argv:
        print(json.dumps(cross_validate(data, grid=GRID, thresholds=THRESHOLDS), ensure_ascii=False, indent=1))
    elif "--cv" in argv:
        print(json.dumps(cross_validate(data, thresholds=THRESHOLDS), ensure_ascii=False, indent=1))
    write_model(train(data), MODEL_PATH)
    print(f"model written to {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
