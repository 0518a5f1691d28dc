"""Which of the guide's four research directions a whole document bears on: a small trained classifier.

One logistic regression per direction over the document's Chinese character n-grams (single characters, pairs
and triples of the simplified title, counted three times, and text) and the directions the guide's term profiles
give it (`profile_features`), each weighted `(1 + log tf) × idf` and the vector scaled to length 1.
The document bears on its most probable direction and on every other whose probability reaches `threshold` and
`ratio` of the best. A document with no known character pair (no Chinese text) bears on none.

Trained by `scripts/train_directions.py` on the dev part of tests/gold (never the test part), which also chose
the threshold and ratio by cross-validation over documents; the model is a JSON file shipped in the package
(`extractors/models/directions.json`), read once, deterministic. It replaced the guide's term profiles for
documents because it wins on text the rules were not written from (tests/gold/README.md, "v0.9"); sentences and
recommendations keep the term profiles (`extractors.directions`), whose matched terms a drafter can read.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from extractors.ngrams import NgramCounter
from extractors.shadow import to_simplified
from extractors.model_file import read_model
from seed_data import resource

MODEL_PATH = resource("models", "directions.json", package="extractors", check=False)
DIRECTIONS = ("1", "2", "3", "4")
TITLE_WEIGHT = 3
_HAN = re.compile(r"[\u4e00-\u9fff]+")
HAN_CHARACTERS = "".join(map(chr, range(0x4E00, 0xA000)))  # the characters of _HAN


GRAMS = (1, 2, 3)  # characters, pairs and triples: 0.804 against pairs alone 0.795 (dev, 5-fold; tests/gold/README.md)


def character_grams(text: str, weight: int = 1) -> Counter[str]:
    """The runs of one, two and three adjacent Chinese characters (GRAMS) of the simplified text, none across other
    characters: the classifier's features."""
    pairs: Counter[str] = Counter()
    for run in _HAN.findall(to_simplified(text)):
        for n in GRAMS:
            pairs.update(run[i:i + n] for i in range(len(run) - n + 1))
    if weight != 1:
        for pair in pairs:
            pairs[pair] *= weight
    return pairs


def document_grams(title: str, text: str) -> Counter[str]:
    """A document's features as the classifier counts them: the title three times, then the text."""
    return character_grams(title, TITLE_WEIGHT) + character_grams(text)


PROFILE_WEIGHT = 10  # how often the term profiles' verdict counts: 0.803 against 0.798 without (dev, 5-fold; 1 and 3: 0.798, 0.801)


def profile_features(directions: Sequence[int]) -> Counter[str]:
    """The directions the guide's term profiles give the whole document (`extractors.pipeline.profile_directions`),
    as features of the classifier beside the characters: `profile:2`, PROFILE_WEIGHT times (no Chinese
    character, so no n-gram of the text is one)."""
    return Counter({f"profile:{d}": PROFILE_WEIGHT for d in directions})


def pair_weight(count: int, idf: float) -> float:
    """A feature's value before the vector is scaled to length 1: (1 + log tf) × idf."""
    return (1.0 + math.log(count)) * idf


def pick_directions(probabilities: Sequence[float], threshold: float, ratio: float) -> tuple[int, ...]:
    """Directions 1–4 from their probabilities: the best, and every other of at least `threshold` and `ratio` × best."""
    best = max(probabilities)
    return tuple(k + 1 for k, p in enumerate(probabilities) if p == best or (p >= threshold and p >= ratio * best))


class DirectionClassifier(BaseModel):
    """The trained model as stored: per feature its idf and one weight per direction."""
    model_config = ConfigDict(frozen=True, extra="forbid")

    features: str  # what the features are, for a reader of the file
    trained_on: str  # digest of the dev gold documents it was trained on (extractors.direction_training)
    documents: int
    c: float  # the inverse of the L2 regularisation's strength it was trained with
    threshold: float
    ratio: float
    bias: tuple[float, float, float, float]
    idf: dict[str, float]
    weights: dict[str, tuple[float, float, float, float]]
    cross_validated: dict[str, float]  # F1 of the classifier and of the term profiles on the same folds

    @field_validator("threshold", "ratio")
    @classmethod
    def _probability(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"must be between 0 and 1, got {value}")
        return value

    @model_validator(mode="after")
    def _same_features(self) -> DirectionClassifier:
        if set(self.idf) != set(self.weights):
            raise ValueError("idf and weights must name the same features")
        return self

    @cached_property
    def _arrays(self) -> tuple[NgramCounter, dict[str, int], np.ndarray, np.ndarray]:
        """The features as arrays: their n-gram counter (Chinese characters only, as `character_grams`), their index,
        idf, and weights (one column per direction)."""
        names = list(self.idf)
        return (NgramCounter(names, GRAMS, alphabet=HAN_CHARACTERS), {n: i for i, n in enumerate(names)},
                np.array([self.idf[n] for n in names], dtype=np.float64),
                np.array([self.weights[n] for n in names], dtype=np.float64).reshape(len(names), len(DIRECTIONS)))

    def gram_counts(self, text: str, weight: int = 1) -> np.ndarray:
        """How often each feature of the model occurs among the `character_grams` of `text` (times `weight`),
        counted in numpy: add the counts of a document's title and text windows, then `classify_counts`."""
        counter, index, _, _ = self._arrays
        return counter.counts([to_simplified(text)], len(index)) * weight

    def title_counts(self, title: str) -> np.ndarray:
        """`gram_counts` of a document's title, which counts TITLE_WEIGHT times (`document_grams`)."""
        return self.gram_counts(title, TITLE_WEIGHT)

    def feature_counts(self, features: Counter[str]) -> np.ndarray:
        """`features` (character grams, profile features) as counts of the model's features; unknown ones dropped."""
        _, index, _, _ = self._arrays
        counts = np.zeros(len(index), dtype=np.int64)
        for feature, n in features.items():
            if n > 0 and (at := index.get(feature)) is not None:
                counts[at] += n
        return counts

    def probabilities(self, pairs: Counter[str]) -> dict[str, float] | None:
        """P(direction) for each of the four, or None when no feature of the model occurs."""
        return self.probabilities_of_counts(self.feature_counts(pairs))

    def probabilities_of_counts(self, counts: np.ndarray) -> dict[str, float] | None:
        """`probabilities` of a document given as counts of the model's features (`gram_counts`, `feature_counts`)."""
        _, _, idf, weights = self._arrays
        known = np.flatnonzero(counts)
        if not len(known):
            return None
        values = (1.0 + np.log(counts[known])) * idf[known]  # pair_weight
        norm = math.sqrt(float(np.sum(values * values)))
        sums = np.sum(values[:, None] * weights[known], axis=0)  # numpy's own summation: the same sums on every run
        z = np.clip(np.asarray(self.bias) + sums / norm, -60.0, 60.0)
        return {code: float(1.0 / (1.0 + math.exp(-z[k]))) for k, code in enumerate(DIRECTIONS)}

    def classify(self, pairs: Counter[str]) -> tuple[int, ...]:
        return self.classify_counts(self.feature_counts(pairs))

    def classify_counts(self, counts: np.ndarray) -> tuple[int, ...]:
        probabilities = self.probabilities_of_counts(counts)
        if probabilities is None:
            return ()
        return pick_directions([probabilities[c] for c in DIRECTIONS], self.threshold, self.ratio)


def read_classifier(path: Path) -> DirectionClassifier:
    """DataError naming the file and the reason for a missing or malformed model."""
    return read_model(path, DirectionClassifier, "document-direction classifier", "scripts/train_directions.py")


@cache
def direction_classifier() -> DirectionClassifier:
    return read_classifier(MODEL_PATH)
