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
import re
from collections.abc import Iterator, Sequence
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


SPACY_PIECE = 16_000  # characters per spaCy call: its Chinese tokenizer's cost grows faster than
                     # linearly with the length of one call (0.8 s for 200k characters, 0.05 s as 16k pieces)


def _raw_sentences(text: str) -> list[list[int]]:
    """[start, end) of spaCy's sentences, read from the token arrays: iterating tokens or
    `doc.text` would build a Python object per character. The text goes to spaCy in pieces
    that end at line breaks, where a sentence ends anyway."""
    out: list[list[int]] = []
    pieces = windows(text, SPACY_PIECE)
    for (offset, end), doc in zip(pieces, sentence_pipeline().pipe(text[s:e] for s, e in pieces), strict=True):
        if len(doc) == 0:
            continue
        arr = doc.to_array([IDX, SENT_START]).astype(np.int64)
        starts = (arr[np.flatnonzero(arr[:, 1] == 1), 0] + offset).tolist()
        out += [[s, e] for s, e in zip(starts, starts[1:] + [end], strict=True)]
    return out


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
        para = bisect.bisect_right(line_starts, s) - 1
        for a, b in _bounded(text, s, e):
            yield from ((para, x, y) for x, y in _without_debris(text, a, b))


# scraping debris that no fact may quote: converter bookmarks, a site's navigation trail
# (首页 > 新闻中心 > 正文) and runs of ASCII letters with no space (text of another file run together)
DEBRIS = re.compile(r"\[bookmark:[^\]\n]*\]|(?:[\w\u4e00-\u9fff]{1,10}[ \t]*[>›»][ \t]*){2,}[\w\u4e00-\u9fff]{1,10}"
                    r"|[A-Za-z][A-Za-z0-9._,]{23,}")


def _without_debris(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """[s, e) with scraping debris cut out: the pieces around it, trimmed, that hold a word."""
    for m in DEBRIS.finditer(text, s, e):
        yield from _trimmed(text, s, m.start())
        s = m.end()
    yield from _trimmed(text, s, e)


def _trimmed(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and (text[s].isspace() or text[s] in "，,、；;：:"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if any(ch.isalnum() for ch in text[s:e]):
        yield s, e


MAX_SENTENCE = 1_000  # characters; longer "sentences" (a list without a full stop, scraped text run
                      # together, a hostile line) are split at commas, so every later stage, which
                      # pairs the mentions of a sentence, stays linear in the length of a document


def _bounded(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """[s, e) in pieces of at most MAX_SENTENCE characters, cut after the last comma, enumeration
    comma, colon or space of each piece's second half (else exactly at the limit), trimmed."""
    while e - s > MAX_SENTENCE:
        cut = _soft_cut(text, s, s + MAX_SENTENCE)
        a, b = s, cut
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        yield s, e


def split_passages(doc_id: str, text: str, window: tuple[int, int] | None = None, first_index: int = 0,
                   first_paragraph: int = 0) -> list[Passage]:
    """The passages of `text`, or of the window [start, end) of it (a window starts and ends at
    line breaks; `first_index` and `first_paragraph` number its passages after earlier windows)."""
    offset, end = window or (0, len(text))
    part = text[offset:end]
    return [
        Passage(id=Passage.make_id(doc_id, offset + s, offset + e), doc_id=doc_id, index=first_index + i,
                paragraph=first_paragraph + para, start=offset + s, end=offset + e, text=part[s:e],
                search=search_field(part[s:e]))
        for i, (para, s, e) in enumerate(sentence_spans(part))
    ]


def statements(text: str, passages: Sequence[Passage]) -> list[list[Passage]]:
    """The passages grouped into sentences as the annotation guide reads them (docs/ANNOTATION.md, Recommendations):
    a sentence ends at 。；！？ or a line break, while a half-width ';' on a line (the joint of a scraped page's
    一是…;二是… plan) joins the passages it separates. `split_passages` does cut there, so that no relation pairs
    names across it; a recommendation is read from the whole."""
    groups: list[list[Passage]] = []
    for p in passages:
        if groups and text[groups[-1][-1].end - 1] == ";" and "\n" not in text[groups[-1][-1].end:p.start]:
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def passage_at(passages: list[Passage], offset: int) -> Passage | None:
    """The passage holding character `offset`, or None (between passages, or past the end).
    `passages` in document order, as `split_passages` makes them; found by binary search."""
    i = bisect.bisect_right(passages, offset, key=lambda p: p.end)  # the first that ends after offset
    if i < len(passages) and passages[i].start <= offset:
        return passages[i]
    return None


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """Consecutive [start, end) windows of about `size` characters, so a long document is processed
    in bounded pieces. A window ends at the first line break after `size` characters when one
    comes within another `size`; a longer line (a scraped page with no line breaks, a hostile
    file) is cut at its last sentence end, else its last comma or space, in the window's second
    half, else exactly at `size`: no window is ever longer than 2 × `size`, which keeps every later
    stage linear (spaCy's Chinese tokenizer is not)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        limit = start + size
        if limit >= n:
            end = n
        else:
            cut = text.find("\n", limit, limit + size)
            end = cut + 1 if cut != -1 else _soft_cut(text, start, limit)
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def _soft_cut(text: str, start: int, limit: int) -> int:
    """Where to cut a line with no break near `limit`: after the last line break, sentence end,
    comma or space in the second half of [start, limit), else at `limit`."""
    half = start + (limit - start) // 2
    newline = text.rfind("\n", half, limit)
    if newline != -1:
        return newline + 1
    for marks in ("。！？；!?;…", "，,、：: \t\u3000"):
        best = max(text.rfind(mark, half, limit) for mark in marks)
        if best != -1:
            return best + 1
    return limit
