"""Passages: the sentences of a document with exact offsets and paragraph numbers.

spaCy's blank `zh` pipeline with a sentencizer configured for Chinese sentence ends
(。！？； and their half-width forms — spaCy's default list ignores ；), run paragraph by
paragraph (a line break always ends a passage). Closing quotes and brackets right after a
sentence end stay with the sentence they close.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import spacy
from spacy.language import Language

from extractors.segment import search_field
from schema.model import Passage

SENTENCE_ENDS = ["。", "！", "？", "；", "!", "?", ";", "…"]
CLOSERS = "”’」』）)》】"
OPENERS = "“‘「『（(《【"


@cache
def sentence_pipeline() -> Language:
    nlp = spacy.blank("zh")  # default character segmentation: nothing to download
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    nlp.max_length = 10_000_000
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


def sentence_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(paragraph, start, end) of every sentence, whitespace trimmed."""
    paras = list(paragraphs(text))
    nlp = sentence_pipeline()
    docs = nlp.pipe((text[s:e] for _, s, e in paras), batch_size=64)
    for (number, p_start, _), doc in zip(paras, docs, strict=True):
        spans: list[list[int]] = []
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            # a closing quote/bracket that spaCy put at the start of this sentence closes the last one
            while spans and s < e and doc.text[s] in CLOSERS:
                spans[-1][1] = s + 1
                s += 1
            if s < e:
                spans.append([s, e])
        # an opening quote/bracket that spaCy left at the end of a sentence opens the next one
        for k in range(len(spans) - 1):
            while spans[k][1] - 1 > spans[k][0] and doc.text[spans[k][1] - 1] in OPENERS:
                spans[k][1] -= 1
                spans[k + 1][0] -= 1
        for s, e in spans:
            chunk = doc.text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if e - trail > s + lead:
                yield number, p_start + s + lead, p_start + e - trail


def split_passages(doc_id: str, text: str) -> list[Passage]:
    return [
        Passage(id=Passage.make_id(doc_id, start, end), doc_id=doc_id, index=i, paragraph=para,
                start=start, end=end, text=text[start:end], search=search_field(text[start:end]))
        for i, (para, start, end) in enumerate(sentence_spans(text))
    ]
