"""Training data and training for the recommendation classifier (`extractors.recommendations`).

Labelled sentences come from two places, never from the test part of the gold:
* the gold files of the dev split (`tests/gold`, `split.tsv`): a sentence is positive when a gold
  recommendation covers it (the same overlap the evaluation uses);
* `training/recommendations/*.jsonl`: sentences of seed documents that no gold file
  covers, labelled by hand with a short reason (`why`) by the rules of docs/ANNOTATION.md.

Training is deterministic (L-BFGS to the optimum, fixed order): the same data gives the same model.
`scripts/train_recommendations.py` writes the model into `extractors/models/recommendations.json` and
prints a cross-validated score beside the cue rules' score on the same sentences.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from extractors.model_file import fit_logistic_regression
from extractors.recommendations import (NGRAMS, Context, RecommendationClassifier, candidate, contexts, rule_trigger,
                                        sentence_features)

# Training reads the checkout, not package data: the labelled sentences and the gold files are
# development material, never shipped in the wheel (the trained model is: MODEL_PATH).
ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "training" / "recommendations"  # every *.jsonl file there
GOLD = ROOT / "tests" / "gold"
SEED_DOCUMENTS = ROOT / "seed_data" / "documents"
# chosen on dev by 5-fold cross-validation over documents (`scripts/train_recommendations.py --grid` prints the grid)
C = 20.0  # the inverse of the L2 regularisation's strength
THRESHOLD = 0.4  # the probability from which a sentence is one
RULE_THRESHOLD = 0.2  # … when the cue rules call it one (0.25 scores 0.003 more, within noise, but drops plain mandates: 推动学会有序承接…)
MIN_SENTENCES = 2  # a feature seen in fewer training sentences is not one
DECIMALS = 6  # of the stored idf and weights


@dataclass(frozen=True)
class Labelled:
    group: str  # the document it comes from (folds never split a document)
    sentence: str  # as the classifier sees it: simplified, bullets skipped
    label: bool
    context: Context = Context()  # its document's title, its heading, its neighbours' cues

    def features(self) -> list[str]:
        return sentence_features(self.sentence, context=self.context)


def _document_sentences(text: str, title: str, doc_id: str) -> list[tuple[int, int, str, Context]]:
    """The candidate sentences of a document as the extractor sees them: (start, end, sentence, context)."""
    from extractors.passages import split_passages, statements

    spans = [(s[0].start, s[-1].end) for s in statements(text, split_passages(doc_id, text))]
    found = [candidate(text, s, e) for s, e in spans]
    triggers = [None if c is None else rule_trigger(c.sentence) for c in found]
    return [(s, e, c.sentence, x) for (s, e), c, x in zip(spans, found, contexts(text, title, spans, found, triggers))
            if c is not None]


def from_gold(gold_dir: Path = GOLD, split: str = "dev") -> list[Labelled]:
    from extractors.evaluate import _iou, _raw_for, gold_files
    from extractors.pipeline import to_document

    out = []
    for path in gold_files(gold_dir, split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = to_document(_raw_for(gold, path.parent))
        spans = [(g["start"], g["end"]) for g in gold["recommendations"]]
        for start, end, sentence, context in _document_sentences(doc.text, doc.title, doc.id):
            label = any(_iou((start, end), g) >= 0.5 for g in spans)
            out.append(Labelled(f"gold/{path.stem}", sentence, label, context))
    return out


def from_labels(folder: Path = LABELS, documents: Path = SEED_DOCUMENTS) -> list[Labelled]:
    """The hand-labelled sentences of seed documents, read in their documents (for their context)."""
    from extractors.documents import read_document
    from extractors.pipeline import to_document

    rows: dict[str, dict[tuple[int, int], bool]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for (doc, start, end), label in _labelled(path).items():
            rows.setdefault(doc, {})[(start, end)] = label
    out = []
    for name, labels in rows.items():
        source = documents / f"{name}.md"
        if not source.exists():
            raise ValueError(f"{folder}: labelled sentences of {name}, but no document {source}")
        doc = to_document(read_document(source))
        for start, end, sentence, context in _document_sentences(doc.text, doc.title, doc.id):
            if (start, end) in labels:
                out.append(Labelled(f"seed/{name}", sentence, labels[(start, end)], context))
    return out


def _labelled(path: Path) -> dict[tuple[str, int, int], bool]:
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        if row.get("label") not in (0, 1):
            raise ValueError(f"{path}:{number}: label must be 0 or 1, not {row.get('label')!r}")
        out[(row["doc"], row["start"], row["end"])] = bool(row["label"])
    return out


def training_data() -> list[Labelled]:
    return from_gold() + from_labels()


def train(data: Iterable[Labelled], c: float = C, threshold: float = THRESHOLD,
          rule_threshold: float = RULE_THRESHOLD) -> RecommendationClassifier:
    """A logistic regression over `sentence_features` (scikit-learn: tf-idf with sublinear counts, L2-normalised;
    L-BFGS; deterministic), as the model the extractor reads."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    data = list(data)
    vectorizer = TfidfVectorizer(analyzer=_as_is, min_df=MIN_SENTENCES, sublinear_tf=True)
    x = vectorizer.fit_transform([d.features() for d in data])
    fitted = fit_logistic_regression(x, [int(d.label) for d in data], c)
    return RecommendationClassifier(
        features=f"the cue rules' marks and character 1–{NGRAMS}-grams of the simplified sentence, the character pairs "
                 "of its document's title (T:) and of its heading (H:), marks for cued neighbours; (1 + log tf) × idf, "
                 "scaled to length 1; a logistic regression",
        sentences=len(data), recommendations=sum(d.label for d in data), c=c, threshold=threshold,
        rule_threshold=rule_threshold,
        bias=round(float(fitted.intercept_[0]), DECIMALS),
        terms={f: (round(float(i), DECIMALS), round(float(w), DECIMALS))
               for f, i, w in zip(vectorizer.get_feature_names_out(), vectorizer.idf_, fitted.coef_[0])})


def _as_is(features: list[str]) -> list[str]:
    return features


def fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def held_out_probabilities(data: list[Labelled], folds: int = 5, c: float = C) -> list[float]:
    """Each sentence's probability by a model trained without its document's fold (documents never split)."""
    out = [0.0] * len(data)
    for k in range(folds):
        model = train([d for d in data if fold_of(d.group, folds) != k], c)
        for i, d in enumerate(data):
            if fold_of(d.group, folds) == k:
                out[i] = model.probability(d.features())
    return out


def cross_validate(data: list[Labelled], folds: int = 5, grid: Iterable[float] = (C,),
                   thresholds: Iterable[tuple[float, float]] = ((THRESHOLD, RULE_THRESHOLD),)
                   ) -> dict[str, dict[str, float]]:
    """Classifier (each C and pair of thresholds: any sentence, a cue-backed one) and cue rules on the same
    held-out sentences."""
    truth = [d.label for d in data]
    backed = [rule_trigger(d.sentence) is not None for d in data]
    out = {"cue rules": prf(backed, truth)}
    for c in grid:
        probabilities = held_out_probabilities(data, folds, c)
        for threshold, rule_threshold in thresholds:
            said = [p >= (rule_threshold if b else threshold) for p, b in zip(probabilities, backed)]
            out[f"classifier C={c:g} threshold={threshold:g} cue-backed={rule_threshold:g}"] = prf(said, truth)
    return out


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
            model = train(labels + [d for d in gold if fold_of(d.group, folds) != k])
            recommendations.classifier = lambda model=model: model
            for path in held:
                g = json.loads(path.read_text(encoding="utf-8"))
                score_document(report, extract(_raw_for(g, path.parent)), g)
    finally:
        recommendations.classifier = saved
    out = {"recommendations": report.recommendations.as_dict()}
    if show_errors:
        out["errors"] = [e for e in report.errors if e["kind"].startswith("recommendation")]
    return out
