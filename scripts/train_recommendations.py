"""Train the recommendation classifier and write it to extractors/models/recommendations.

    .venv/bin/python scripts/train_recommendations.py [--cv]

--dev-cv prints the whole extractor's recommendation score on the dev gold documents, each scored
by a classifier trained without it (the honest dev number: `kg eval --split dev` scores a classifier
trained on dev); --dev-cv --errors lists what it got wrong. Nothing is written.

--cv first prints a 5-fold cross-validated score of the classifier beside the cue rules' score
on the same sentences (documents never split across folds). Deterministic: the same data gives
the same model. Never trained on the test part of tests/gold.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.recommendation_training import (  # noqa: E402
    cross_validate, held_out_documents, train, training_data)
from extractors.recommendations import MODEL_DIR  # noqa: E402


def main(argv: list[str]) -> int:
    if "--dev-cv" in argv:
        print(json.dumps(held_out_documents(show_errors="--errors" in argv), ensure_ascii=False, indent=1))
        return 0
    data = training_data()
    print(f"{len(data)} labelled sentences, {sum(d.label for d in data)} recommendations")
    if "--cv" in argv:
        print(json.dumps(cross_validate(data), ensure_ascii=False, indent=1))
    nlp = train(data)
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    MODEL_DIR.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(MODEL_DIR)
    print(f"model written to {MODEL_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
