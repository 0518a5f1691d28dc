"""Counting a trained model's character n-grams in texts, in numpy instead of one Python string per n-gram.

Both classifiers (`extractors.recommendations`, `extractors.document_directions`) read runs of one to three adjacent
characters. Building every n-gram of a text as a Python string, counting them in a `Counter` and looking each up in
the model's dictionary was the largest share of their time (docs/PERFORMANCE.md). `NgramCounter` knows the model's
vocabulary instead: each character it contains gets a small number, each n-gram of those numbers one integer key,
and a text's n-grams are found by array arithmetic and one sorted search. An n-gram the vocabulary lacks is never
built; the counts of the ones it has are exactly those of the string path (tests/test_ngrams.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

SEPARATOR = "\x00"  # between the texts of one call: no vocabulary n-gram holds it, so none crosses two texts


class NgramCounter:
    """The n-grams (of `sizes` characters) of a fixed vocabulary, counted in texts. `vocabulary[i]` is term i; a term
    whose length is not one of `sizes`, or that holds SEPARATOR or a character outside `alphabet` (when given), is
    never counted (the caller counts such features its own way)."""

    def __init__(self, vocabulary: Sequence[str], sizes: Iterable[int] = (1, 2, 3), alphabet: str | None = None):
        self.sizes = tuple(sorted(set(sizes)))
        if not self.sizes or self.sizes[0] < 1 or self.sizes[-1] > 3:
            raise ValueError(f"n-gram sizes must be between 1 and 3, got {self.sizes}")
        allowed = None if alphabet is None else set(alphabet)
        counted = [(i, t) for i, t in enumerate(vocabulary)
                   if len(t) in self.sizes and SEPARATOR not in t and (allowed is None or set(t) <= allowed)]
        chars = sorted({c for _, t in counted for c in t})
        self.base = len(chars) + 1  # character numbers 1…len(chars); 0: a character no counted term holds
        self.table = np.zeros(max((ord(c) for c in chars), default=0) + 1, dtype=np.int64)
        for number, c in enumerate(chars, start=1):
            self.table[ord(c)] = number
        self.offsets = {3: 0, 2: self.base ** 3, 1: self.base ** 3 + self.base ** 2}  # one key range per size
        keys, terms = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        for size in self.sizes:
            group = [(i, t) for i, t in counted if len(t) == size]
            if group:
                numbers = self._numbers("".join(t for _, t in group)).reshape(-1, size)
                key = np.zeros(len(group), dtype=np.int64)
                for j in range(size):
                    key = key * self.base + numbers[:, j]
                keys.append(key + self.offsets[size])
                terms.append(np.array([i for i, _ in group], dtype=np.int64))
        key_array, term_array = np.concatenate(keys), np.concatenate(terms)
        order = np.argsort(key_array, kind="stable")
        self.keys = key_array[order]
        self.terms = term_array[order]

    def _numbers(self, text: str) -> np.ndarray:
        """The character numbers of `text` (0 for a character no counted term holds)."""
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        inside = codes < len(self.table)
        return np.where(inside, self.table[np.where(inside, codes, 0)], 0)

    def occurrences(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text index, term index) of every occurrence of a counted term in `texts`, in no particular order."""
        if not texts or not len(self.keys):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        numbers = self._numbers(SEPARATOR.join(texts))
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        row_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths + 1)[:len(numbers)]
        rows, terms = [], []
        for size in self.sizes:
            count = len(numbers) - size + 1
            if count <= 0:
                continue
            key = np.zeros(count, dtype=np.int64)
            known = np.ones(count, dtype=bool)
            for j in range(size):
                part = numbers[j:j + count]
                key = key * self.base + part
                known &= part > 0
            key = key[known] + self.offsets[size]
            at = np.searchsorted(self.keys, key)
            at[at == len(self.keys)] = 0
            found = self.keys[at] == key
            rows.append(row_of[:count][known][found])
            terms.append(self.terms[at[found]])
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(rows), np.concatenate(terms)

    def counts(self, texts: Sequence[str], size: int) -> np.ndarray:
        """How often each term (of a vocabulary of `size` terms) occurs in all of `texts` together."""
        _, terms = self.occurrences(texts)
        return np.bincount(terms, minlength=size)
