"""Counting a model's n-grams in numpy (`extractors.ngrams`) gives the numbers of the string path it replaced in
extraction: the same counts, and through them the same probabilities in both classifiers."""
from __future__ import annotations

import math
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from extractors.document_directions import (character_grams, direction_classifier, document_grams,
                                            pair_weight)
from extractors.ngrams import NgramCounter
from extractors.recommendations import Context, classifier, sentence_features, sentence_parts

SEED = Path(__file__).resolve().parent.parent / "seed_data" / "documents"


def string_counts(texts: list[str], vocabulary: list[str]) -> Counter[tuple[int, str]]:
    """(text, term) → count the plain way: every 1–3-gram as a string, kept when the vocabulary has it."""
    known = set(vocabulary)
    return Counter((row, text[i:i + n]) for row, text in enumerate(texts)
                   for n in (1, 2, 3) for i in range(len(text) - n + 1) if text[i:i + n] in known)


def test_the_counter_finds_each_vocabulary_ngram_as_often_as_the_string_path_does():
    rng = random.Random(7)
    alphabet = "学会科协党建普及a1。 \n\x00𠀀😀"  # a separator, a character of another plane, an emoji
    vocabulary = sorted({"".join(rng.choice(alphabet[:-2]) for _ in range(rng.randint(1, 3))) for _ in range(300)})
    vocabulary += ["𠀀学", "😀"]
    counter = NgramCounter(vocabulary)
    for _ in range(50):
        texts = ["".join(rng.choice(alphabet + "外") for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(1, 6))]
        rows, terms = counter.occurrences(texts)
        found = Counter((int(r), vocabulary[t]) for r, t in zip(rows, terms))
        expected = Counter({(r, g): n for (r, g), n in string_counts(texts, vocabulary).items() if "\x00" not in g})
        assert found == expected


def test_an_alphabet_keeps_the_counter_to_its_characters():
    counter = NgramCounter(["科普", "a科", "普"], alphabet="科普")
    assert counter.counts(["a科普普"], 3).tolist() == [1, 0, 2]


def test_the_recommendation_first_look_gives_the_same_probabilities_counted_in_numpy():
    model = classifier().first
    sentences = [line.strip() for path in sorted(SEED.glob("*.md"))[:30]
                 for line in path.read_text(encoding="utf-8").split("。") if 6 <= len(line.strip()) <= 200]
    contexts = [Context(title="关于加强学会建设的意见", heading="下一步工作" if i % 2 else "", before=i % 3 == 0,
                        after=i % 5 == 0) for i in range(len(sentences))]
    assert len(sentences) > 100
    fast = model.probabilities([sentence_parts(s, None, c) for s, c in zip(sentences, contexts)])
    slow = [model.probability(sentence_features(s, None, c)) for s, c in zip(sentences, contexts)]
    assert fast == pytest.approx(slow, abs=1e-12)
    assert min(slow) < 0.2 and max(slow) > 0.8  # sentences of both kinds were compared
    assert model.probabilities([]) == []
    # the documented formula, term by term: (1 + log tf) × idf, scaled to length 1, the logistic regression
    for features in (sentence_features(s, None, c) for s, c in list(zip(sentences, contexts))[:20]):
        values = [((1.0 + math.log(n)) * model.terms[f][0], model.terms[f][1])
                  for f, n in Counter(features).items() if f in model.terms]
        norm = math.sqrt(sum(v * v for v, _ in values)) or 1.0
        expected = 1.0 / (1.0 + math.exp(-(model.bias + sum(v * w for v, w in values) / norm)))
        assert model.probability(features) == pytest.approx(expected, abs=1e-12)


def test_document_grams_counted_in_numpy_are_the_counter_of_character_grams():
    model = direction_classifier()
    for path in sorted(SEED.glob("*.md"))[:10]:
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        counts = model.title_counts(title) + model.gram_counts(text)
        assert counts.tolist() == model.feature_counts(document_grams(title, text)).tolist()
    assert model.gram_counts("學會").tolist() == model.feature_counts(character_grams("学会")).tolist()


def test_the_direction_probabilities_follow_the_documented_formula():
    """(1 + log tf) × idf, scaled to length 1, a logistic regression per direction: computed here term by term."""
    model = direction_classifier()
    text = (SEED / "001.md").read_text(encoding="utf-8")
    pairs = document_grams("", text)
    known = {p: pair_weight(n, model.idf[p]) for p, n in pairs.items() if p in model.idf}
    norm = math.sqrt(sum(v * v for v in known.values()))
    expected = [1.0 / (1.0 + math.exp(-(model.bias[k] + sum(v * model.weights[p][k] for p, v in known.items()) / norm)))
                for k in range(4)]
    assert list(model.probabilities(pairs).values()) == pytest.approx(expected, abs=1e-12)
    assert model.probabilities_of_counts(np.zeros(len(model.idf), dtype=np.int64)) is None
