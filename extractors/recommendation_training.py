"""Training data and training for the recommendation classifier (`extractors.recommendations`).

Labelled sentences come from two places, never from the test part of the gold:
* the gold files of the dev split (`tests/gold`, `split.tsv`): a sentence is positive when a gold
  recommendation covers it (the same overlap the evaluation uses);
* `training/recommendations/*.jsonl`: sentences of seed documents that no gold file
  covers, labelled by hand with a short reason (`why`) by the rules of docs/ANNOTATION.md.

Training is deterministic (fixed seed, fixed order, CPU): the same data gives the same model.
`scripts/train_recommendations.py` writes the model into `extractors/models/recommendations` and
prints a cross-validated score beside the cue rules' score on the same sentences.
"""
from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extractors.recommendations import candidate, cue_features, rule_trigger

# Training reads the checkout, not package data: the labelled sentences and the gold files are
# development material, never shipped in the wheel (the trained model is: MODEL_DIR).
ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "training" / "recommendations"  # every *.jsonl file there
GOLD = ROOT / "tests" / "gold"
EPOCHS = 10
BATCH = 16
NGRAMS = 3


@dataclass(frozen=True)
class Labelled:
    group: str  # the document it comes from (folds never split a document)
    sentence: str  # as the classifier sees it: simplified, bullets skipped
    label: bool


def from_gold(gold_dir: Path = GOLD, split: str = "dev") -> list[Labelled]:
    from extractors.evaluate import _iou, _raw_for, gold_files
    from extractors.passages import split_passages
    from extractors.pipeline import to_document

    out = []
    for path in gold_files(gold_dir, split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = to_document(_raw_for(gold, path.parent))
        spans = [(g["start"], g["end"]) for g in gold["recommendations"]]
        for p in split_passages(doc.id, doc.text):
            c = candidate(doc.text, p.start, p.end)
            if c is not None:
                label = any(_iou((p.start, p.end), g) >= 0.5 for g in spans)
                out.append(Labelled(f"gold/{path.stem}", c.sentence, label))
    return out


def from_labels(folder: Path = LABELS) -> list[Labelled]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        out += _labelled(path)
    return out


def _labelled(path: Path) -> list[Labelled]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        if row.get("label") not in (0, 1):
            raise ValueError(f"{path}:{number}: label must be 0 or 1, not {row.get('label')!r}")
        c = candidate(row["text"], 0, len(row["text"]))
        if c is not None:
            out.append(Labelled(f"seed/{row['doc']}", c.sentence, bool(row["label"])))
    return out


def training_data() -> list[Labelled]:
    return from_gold() + from_labels()


def train(data: Iterable[Labelled], epochs: int = EPOCHS):  # -> spacy.Language
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(0)
    nlp = spacy.blank("zh")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": NGRAMS,
        "no_output_layer": False, "length": 2 ** 18}})
    textcat.add_label("REC")
    textcat.add_label("NOT")
    examples = [Example.from_dict(nlp.make_doc(cue_features(d.sentence)),
                                  {"cats": {"REC": float(d.label), "NOT": float(not d.label)}}) for d in data]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(0)
    for _ in range(epochs):
        order.shuffle(examples)
        for i in range(0, len(examples), BATCH):
            nlp.update(examples[i:i + BATCH], sgd=optimizer, drop=0.0)
    return nlp


def fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def cross_validate(data: list[Labelled], folds: int = 5, threshold: float | None = None) -> dict[str, dict[str, float]]:
    """Classifier and cue rules on the same held-out sentences, documents never split across folds."""
    from extractors.recommendations import THRESHOLD

    threshold = THRESHOLD if threshold is None else threshold
    truth, model, rules = [], [], []
    for k in range(folds):
        nlp = train([d for d in data if fold_of(d.group, folds) != k])
        held = [d for d in data if fold_of(d.group, folds) == k]
        for d, doc in zip(held, nlp.pipe(cue_features(d.sentence) for d in held)):
            truth.append(d.label)
            model.append(doc.cats["REC"] >= threshold)
            rules.append(rule_trigger(d.sentence) is not None)
    return {"classifier": prf(model, truth), "cue rules": prf(rules, truth)}


def prf(predicted: list[bool], truth: list[bool]) -> dict[str, float]:
    tp = sum(p and t for p, t in zip(predicted, truth))
    fp = sum(p and not t for p, t in zip(predicted, truth))
    fn = sum(t and not p for p, t in zip(predicted, truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def held_out_documents(folds: int = 5, gold_dir: Path = GOLD, show_errors: bool = False) -> dict:
    """The recommendation score of the whole extractor on the dev gold documents, each document
    scored by a classifier trained without it (k folds over documents): what `kg eval --split dev`
    would say if the classifier had not been trained on dev. The honest number to tune on."""
    import extractors.recommendations as recommendations
    from extractors.evaluate import Report, _raw_for, gold_files, score_document
    from extractors.pipeline import extract

    labels = from_labels()
    gold = from_gold(gold_dir)
    report = Report()
    saved = recommendations.classifier
    try:
        for k in range(folds):
            held = [p for p in gold_files(gold_dir, "dev") if fold_of(f"gold/{p.stem}", folds) == k]
            if not held:
                continue
            nlp = train(labels + [d for d in gold if fold_of(d.group, folds) != k])
            recommendations.classifier = lambda nlp=nlp: nlp
            for path in held:
                g = json.loads(path.read_text(encoding="utf-8"))
                score_document(report, extract(_raw_for(g, path.parent)), g)
    finally:
        recommendations.classifier = saved
    out = {"recommendations": report.recommendations.as_dict()}
    if show_errors:
        out["errors"] = [e for e in report.errors if e["kind"].startswith("recommendation")]
    return out
