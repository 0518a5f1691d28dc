"""Passages: the sentences of a document with exact offsets and paragraph numbers.

spaCy's blank `zh` pipeline (character segmentation, nothing to download) with a sentencizer
configured for Chinese sentence ends (。！？； and their half-width forms — spaCy's default list
ignores ；), run paragraph by paragraph (a line break always ends a passage). The sentencizer is
`zh_sentencizer` below: the same rule as spaCy's `sentencizer` (a sentence starts at the first token
after a run of end marks), computed on the token arrays with numpy instead of token by token, which
made it ~100× faster (see docs/PERFORMANCE.md). Closing quotes and brackets right after a sentence
end stay with the sentence they close; an opening one goes with the sentence it opens.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

import numpy as np
import spacy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractors.segment import search_field
from schema.model import Passage

SENTENCE_ENDS = ["。", "！", "？", "；", "!", "?", ";", "…"]
CLOSERS = "”’」』）)》】"
OPENERS = "“‘「『（(《【"


@Language.factory("zh_sentencizer", default_config={"punct_chars": SENTENCE_ENDS})
def make_zh_sentencizer(nlp: Language, name: str, punct_chars: list[str]) -> "ZhSentencizer":
    return ZhSentencizer(nlp, punct_chars)


class ZhSentencizer:
    """Sets sentence starts: the first token after a run of sentence-end tokens (a line break is
    one too), computed on the token arrays with numpy."""

    def __init__(self, nlp: Language, punct_chars: list[str]) -> None:
        self.strings = nlp.vocab.strings
        self.ends = np.array([nlp.vocab.strings.add(c) for c in punct_chars], dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array([ORTH, IS_SPACE])
        orth = arr[:, 0]
        spaces = np.unique(orth[arr[:, 1] == 1])
        breaks = np.array([h for h in spaces.tolist() if "\n" in self.strings[h]], dtype=np.uint64)
        is_end = np.isin(orth, self.ends) | np.isin(orth, breaks)
        starts = np.full(len(doc), -1, dtype=np.int64)
        starts[1:][is_end[:-1] & ~is_end[1:]] = 1
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype(np.uint64).reshape(-1, 1))
        return doc


@cache
def sentence_pipeline() -> Language:
    nlp = spacy.blank("zh")  # default character segmentation: nothing to download
    nlp.add_pipe("zh_sentencizer")
    nlp.max_length = 100_000_000
    return nlp


def paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """(paragraph number, start, end) of every non-blank line."""
    number = 0
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield number, start + lead, start + lead + len(stripped)
            number += 1
        start = end + 1


def _raw_sentences(text: str) -> list[list[int]]:
    """[start, end) of spaCy's sentences over the whole text (one pass, as bare tokenisation
    does), read from the token arrays: iterating tokens or `doc.text` would build a Python
    object per character."""
    doc = sentence_pipeline()(text)
    if len(doc) == 0:
        return []
    arr = doc.to_array([IDX, SENT_START]).astype(np.int64)
    starts = arr[np.flatnonzero(arr[:, 1] == 1), 0].tolist()
    return [[s, e] for s, e in zip(starts, starts[1:] + [len(text)], strict=True)]


def sentence_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(paragraph, start, end) of every sentence, whitespace trimmed; a sentence never crosses a
    line break; closing quotes stay with the sentence they close, opening ones with the next."""
    spans: list[list[int]] = []
    for s, e in _raw_sentences(text):
        # trim whitespace (a line break ends the previous sentence and is in neither)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        # a closing quote/bracket at the start of this sentence closes the previous one (same line)
        while spans and s < e and text[s] in CLOSERS and "\n" not in text[spans[-1][1]:s]:
            spans[-1][1] = s + 1
            s += 1
        if s < e:
            spans.append([s, e])
    for k in range(len(spans) - 1):
        while spans[k][1] - 1 > spans[k][0] and text[spans[k][1] - 1] in OPENERS \
                and "\n" not in text[spans[k][1]:spans[k + 1][0]]:
            spans[k][1] -= 1
            spans[k + 1][0] -= 1
    line_starts = [start for _, start, _ in paragraphs(text)]
    for s, e in spans:
        yield bisect.bisect_right(line_starts, s) - 1, s, e


def split_passages(doc_id: str, text: str) -> list[Passage]:
    return [
        Passage(id=Passage.make_id(doc_id, start, end), doc_id=doc_id, index=i, paragraph=para,
                start=start, end=end, text=text[start:end], search=search_field(text[start:end]))
        for i, (para, start, end) in enumerate(sentence_spans(text))
    ]
