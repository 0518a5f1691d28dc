"""Training of the document-direction classifier (`extractors.document_directions`).

Labelled documents are the dev part of tests/gold (`split.tsv`), never the test part: each gold file's
`doc.directions`. Training is scikit-learn's: one L2-regularised logistic regression per direction (L-BFGS,
deterministic), so the same data gives the same model. The regularisation (C), the
probability threshold and the ratio to the best are chosen by 5-fold cross-validation over documents (F1 of
(document, direction) pairs, as `kg eval` counts them); the term profiles' directions are scored on the same
folds beside it, and both numbers are kept in the model file.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from extractors.document_directions import (DIRECTIONS, DirectionClassifier, document_grams, pair_weight,
                                            pick_directions, profile_features, PROFILE_WEIGHT)
from extractors.model_file import fit_logistic_regression

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"  # development material, never shipped in the wheel (the model is)
FOLDS = 5
MIN_DOCUMENTS = 3  # a character pair in fewer training documents than this is no feature
C_GRID = (10.0, 30.0, 100.0, 300.0)  # the inverse of the L2 regularisation's strength
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
RATIOS = (0.0, 0.5)
DECIMALS = 6
FEATURES = ("single characters, pairs and triples of adjacent Chinese characters of the simplified title (counted 3 "
            f"times) and text, and the term profiles' directions (profile:N, counted {PROFILE_WEIGHT} times); "
            "(1 + log tf) * idf, scaled to length 1; one logistic regression per direction")


@dataclass(frozen=True)
class LabelledDocument:
    id: str
    pairs: Counter[str]
    directions: frozenset[int]
    rules: tuple[int, ...]  # what the guide's term profiles say (extractors.pipeline.profile_directions)


def dev_files(gold_dir: Path = GOLD) -> list[Path]:
    from extractors.evaluate import gold_files

    return gold_files(gold_dir, "dev")


def trained_on(gold_dir: Path = GOLD) -> str:
    """Digest of the dev gold documents' ids, texts, titles and directions: what a model was trained on."""
    digest = hashlib.sha256()
    for path in dev_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        digest.update(json.dumps([path.stem, gold["text"], gold["doc"].get("title") or "",
                                  sorted(gold["doc"].get("directions", []))], ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def gold_documents(gold_dir: Path = GOLD) -> list[LabelledDocument]:
    from extractors.evaluate import _raw_for
    from extractors.passages import split_passages
    from extractors.pipeline import direction_model, direction_totals, profile_directions, to_document

    model = direction_model()
    out = []
    for path in dev_files(gold_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = to_document(_raw_for(gold, path.parent))
        clear, loose = direction_totals(doc, split_passages(doc.id, doc.text), model)  # as the pipeline counts them
        rules = profile_directions(dict(clear or loose))
        out.append(LabelledDocument(path.stem, document_grams(doc.title, doc.text) + profile_features(rules),
                                    frozenset(gold["doc"].get("directions", [])), rules))
    return out


def fold_of(doc_id: str, folds: int = FOLDS) -> int:
    return int(hashlib.sha256(f"gold/{doc_id}".encode()).hexdigest(), 16) % folds


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))


def _features(docs: list[LabelledDocument], vocabulary: list[str], idf: np.ndarray) -> csr_matrix:
    """One row per document, as the classifier weighs it (pair_weight), scaled to length 1."""
    from scipy.sparse import csr_matrix  # scikit-learn's own dependency (the train and test extras)

    index = {p: i for i, p in enumerate(vocabulary)}
    rows, columns, values = [], [], []
    for row, doc in enumerate(docs):
        known = [(index[pair], pair_weight(n, idf[index[pair]])) for pair, n in doc.pairs.items()
                 if pair in index and n > 0]
        norm = math.sqrt(sum(v * v for _, v in known)) or 1.0
        for column, value in sorted(known):
            rows.append(row)
            columns.append(column)
            values.append(value / norm)
    return csr_matrix((values, (rows, columns)), shape=(len(docs), len(vocabulary)))


@dataclass(frozen=True)
class Fitted:
    vocabulary: list[str]
    idf: np.ndarray
    weights: np.ndarray  # features × 4
    bias: np.ndarray

    def probabilities(self, docs: list[LabelledDocument]) -> np.ndarray:
        return _sigmoid(_features(docs, self.vocabulary, self.idf) @ self.weights + self.bias)


def fit(docs: list[LabelledDocument], c: float, start: DirectionClassifier | None = None) -> Fitted:
    """One logistic regression per direction over the documents' features (scikit-learn, L-BFGS). With `start`, a
    model of the same features, the solver begins at its weights (the same optimum: `fit_logistic_regression`)."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.pairs.keys())
    vocabulary = sorted(p for p, n in df.items() if n >= MIN_DOCUMENTS)
    idf = np.array([math.log(1 + len(docs) / df[p]) for p in vocabulary])
    x = _features(docs, vocabulary, idf)
    weights, bias = np.zeros((len(vocabulary), len(DIRECTIONS))), np.zeros(len(DIRECTIONS))
    begin = start if start is not None and set(start.weights) == set(vocabulary) else None
    for k, code in enumerate(DIRECTIONS):
        y = [int(int(code) in doc.directions) for doc in docs]
        fitted = fit_logistic_regression(x, y, c, None if begin is None else (
            [begin.weights[p][k] for p in vocabulary], begin.bias[k]))
        weights[:, k], bias[k] = fitted.coef_[0], fitted.intercept_[0]
    return Fitted(vocabulary, idf, weights, bias)


def pairs_f1(predicted: dict[str, tuple[int, ...]], docs: list[LabelledDocument]) -> float:
    got = {(d, c) for d, codes in predicted.items() for c in codes}
    truth = {(doc.id, c) for doc in docs for c in doc.directions}
    tp = len(got & truth)
    if not tp:
        return 0.0
    precision, recall = tp / len(got), tp / len(truth)
    return round(2 * precision * recall / (precision + recall), 3)


def cross_validate(docs: list[LabelledDocument]) -> tuple[dict[str, float], float, float, float]:
    """(F1 of each setting and of the term profiles on the same held-out documents, best C, threshold, ratio)."""
    scores: dict[str, float] = {"term profiles": pairs_f1({d.id: d.rules for d in docs}, docs)}
    best = (-1.0, 0.0, 0.0, 0.0)
    for c in C_GRID:
        held: dict[str, np.ndarray] = {}
        for k in range(FOLDS):
            train = [d for d in docs if fold_of(d.id) != k]
            test = [d for d in docs if fold_of(d.id) == k]
            if train and test:
                held.update(zip((d.id for d in test), fit(train, c).probabilities(test)))
        for threshold in THRESHOLDS:
            for ratio in RATIOS:
                f1 = pairs_f1({i: pick_directions(p, threshold, ratio) for i, p in held.items()}, docs)
                scores[f"C={c:g} threshold={threshold:g} ratio={ratio:g}"] = f1
                best = max(best, (f1, -c, threshold, ratio))  # ties: the stronger regularisation, then the higher bars
    return scores, -best[1], best[2], best[3]


def train(gold_dir: Path = GOLD) -> DirectionClassifier:
    docs = gold_documents(gold_dir)
    scores, c, threshold, ratio = cross_validate(docs)
    fitted = fit(docs, c)
    return DirectionClassifier(
        features=FEATURES, trained_on=trained_on(gold_dir), documents=len(docs), c=c, threshold=threshold,
        ratio=ratio, bias=tuple(round(float(b), DECIMALS) for b in fitted.bias),
        idf={p: round(float(v), DECIMALS) for p, v in zip(fitted.vocabulary, fitted.idf)},
        weights={p: tuple(round(float(v), DECIMALS) for v in row) for p, row in zip(fitted.vocabulary, fitted.weights)},
        cross_validated=scores)

