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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from extractors.model_file import fit_logistic_regression
from extractors.recommendations import (NGRAMS, SECOND_FEATURES, Context, FirstLook, RecommendationClassifier, SecondLook,
                                        candidate, contexts, rule_trigger, second_features, sentence_features)

# Training reads the checkout, not package data: the labelled sentences and the gold files are
# development material, never shipped in the wheel (the trained model is: MODEL_PATH).
ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "training" / "recommendations"  # every *.jsonl file there
GOLD = ROOT / "tests" / "gold"
SEED_DOCUMENTS = ROOT / "seed_data" / "documents"
# chosen on dev by 5-fold cross-validation over documents (`scripts/train_recommendations.py --grid` prints the grid)
C = 20.0  # the inverse of the L2 regularisation's strength (first look)
SECOND_C = 1.0  # … of the second look (four weights)
THRESHOLD = 0.35  # the second look's probability from which a sentence is one
FOLDS = 5  # the second look learns from first probabilities of documents the first look was trained without
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


@dataclass(frozen=True)
class TrainingData:
    labels: list[Labelled]  # hand-labelled sentences of seed documents (not whole documents)
    gold: list[Labelled]  # every candidate sentence of the dev gold documents, document by document, in order

    @property
    def all(self) -> list[Labelled]:
        return self.labels + self.gold


def training_data() -> TrainingData:
    return TrainingData(from_labels(), from_gold())


FEATURES = (f"first look: the cue rules' marks and character 1–{NGRAMS}-grams of the simplified sentence, the character "
            "pairs of its document's title (T:) and of its heading (H:), marks for cued neighbours; (1 + log tf) × idf, "
            "scaled to length 1; a logistic regression. Second look: the log-odds of the first probability of the "
            "sentence, of the one before and of the one after, and the mean first probability of its document's other "
            "sentences; a logistic regression")


def train(data: TrainingData, c: float = C, threshold: float = THRESHOLD) -> RecommendationClassifier:
    """Both looks: the first on every labelled sentence, the second on the first probabilities of the dev gold
    documents, each by a first look trained without its document's fold (what the first look says of unseen text)."""
    every = data.all
    held_out = held_out_first(data, c)[1]
    return RecommendationClassifier(features=FEATURES, sentences=len(every),
                                    recommendations=sum(d.label for d in every), first=first_look(every, c),
                                    second=second_look(data.gold, held_out, threshold))


def first_look(data: Iterable[Labelled], c: float = C, start: FirstLook | None = None) -> FirstLook:
    """A logistic regression over `sentence_features` (scikit-learn: tf-idf with sublinear counts, L2-normalised;
    L-BFGS; deterministic), as the extractor reads it. With `start`, a first look of the same features, the solver
    begins at its weights (the same optimum: `fit_logistic_regression`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    data = list(data)
    vectorizer = TfidfVectorizer(analyzer=_as_is, min_df=MIN_SENTENCES, sublinear_tf=True)
    x = vectorizer.fit_transform([d.features() for d in data])
    names = vectorizer.get_feature_names_out()
    begin = None
    if start is not None and set(start.terms) == set(names):
        begin = ([start.terms[f][1] for f in names], start.bias)
    fitted = fit_logistic_regression(x, [int(d.label) for d in data], c, begin)
    return FirstLook(c=c, bias=round(float(fitted.intercept_[0]), DECIMALS),
                     terms={f: (round(float(i), DECIMALS), round(float(w), DECIMALS))
                            for f, i, w in zip(names, vectorizer.idf_, fitted.coef_[0])})


def held_out_first(data: TrainingData, c: float = C, folds: int = FOLDS) -> tuple[list[FirstLook], list[float]]:
    """The first look trained without each fold of the gold documents (the seed labels always in), and each gold
    sentence's first probability by the one trained without its document."""
    looks, out = [], [0.0] * len(data.gold)
    for k in range(folds):
        look = first_look(data.labels + [d for d in data.gold if fold_of(d.group, folds) != k], c)
        looks.append(look)
        for i, d in enumerate(data.gold):
            if fold_of(d.group, folds) == k:
                out[i] = look.probability(d.features())
    return looks, out


def _documents(gold: list[Labelled]) -> dict[str, list[int]]:
    """The positions of each document's sentences, in order."""
    out: dict[str, list[int]] = {}
    for i, d in enumerate(gold):
        out.setdefault(d.group, []).append(i)
    return out


EVERY_DOCUMENT: Callable[[str], bool] = lambda group: True


def _second_rows(gold: list[Labelled], first: list[float], keep: Callable[[str], bool] = EVERY_DOCUMENT
                 ) -> tuple[list[tuple[float, float, float, float]], list[int], list[int]]:
    """The second look's rows of the documents `keep` accepts, their labels, and where each row's sentence is in
    `gold`."""
    rows: list[tuple[float, float, float, float]] = []
    labels: list[int] = []
    where: list[int] = []
    for group, positions in _documents(gold).items():
        if keep(group):
            rows += second_features([first[i] for i in positions])
            labels += [int(gold[i].label) for i in positions]
            where += positions
    return rows, labels, where


def second_look(gold: list[Labelled], first: list[float], threshold: float = THRESHOLD,
                keep: Callable[[str], bool] = EVERY_DOCUMENT) -> SecondLook:
    """The second look fitted to the gold documents' held-out first probabilities (`keep`: which documents)."""
    rows, labels, _ = _second_rows(gold, first, keep)
    fitted = fit_logistic_regression(rows, labels, SECOND_C)
    return SecondLook(features=SECOND_FEATURES, weights=tuple(round(float(w), DECIMALS) for w in fitted.coef_[0]),
                      bias=round(float(fitted.intercept_[0]), DECIMALS), threshold=threshold)


def _as_is(features: list[str]) -> list[str]:
    return features


def fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def cross_validate(data: TrainingData, grid: Iterable[float] = (C,), thresholds: Iterable[float] = (THRESHOLD,),
                   folds: int = FOLDS) -> dict[str, dict[str, float]]:
    """On the gold sentences, each document held out (k folds): the cue rules, the first look alone and both looks,
    for each C and threshold. The second look of fold k is fitted on the other folds' held-out first probabilities."""
    gold = data.gold
    truth = [d.label for d in gold]
    out = {"cue rules": prf([rule_trigger(d.sentence) is not None for d in gold], truth)}
    thresholds = list(thresholds)
    for c in grid:
        first = held_out_first(data, c, folds)[1]
        both = [0.0] * len(gold)
        for k in range(folds):
            look = second_look(gold, first, keep=lambda g, k=k: fold_of(g, folds) != k)
            rows, _, where = _second_rows(gold, first, keep=lambda g, k=k: fold_of(g, folds) == k)
            for i, p in zip(where, look.of_rows(rows)):
                both[i] = p
        for threshold in thresholds:
            out[f"first look C={c:g} threshold={threshold:g}"] = prf([p >= threshold for p in first], truth)
            out[f"both looks C={c:g} threshold={threshold:g}"] = prf([p >= threshold for p in both], truth)
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


def held_out_documents(folds: int = FOLDS, show_errors: bool = False) -> dict:
    """The recommendation score of the whole extractor on the dev gold documents, each document
    scored by a classifier trained without it (k folds over documents): what `kg eval --split dev`
    would say if the classifier had not been trained on dev. The honest number to tune on. (The second look of fold k
    learns from the other folds' held-out first probabilities; the first looks that made those saw fold k — four
    weights, a negligible leak.)"""
    import extractors.recommendations as recommendations
    from extractors.evaluate import Report, _raw_for, gold_files, score_document
    from extractors.pipeline import extract

    data = training_data()
    looks, first = held_out_first(data, C, folds)
    report = Report()
    saved = recommendations.classifier
    try:
        for k in range(folds):
            held = [p for p in gold_files(GOLD, "dev") if fold_of(f"gold/{p.stem}", folds) == k]
            if not held:
                continue
            model = RecommendationClassifier(features=FEATURES, sentences=0, recommendations=0, first=looks[k],
                                             second=second_look(data.gold, first,
                                                                keep=lambda g, k=k: fold_of(g, folds) != k))
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
