"""Search tokens for Chinese full-text search, and the jieba tokenizer used by the extractors.

Chinese has no spaces, so every searchable node carries a `search` field holding its text as
tokens joined by spaces, and a user's query is tokenised the same way; both stores then index and
query the same tokens (see `schema.constraints`). The tokens are overlapping character bigrams of
each run of Chinese characters (as Lucene's CJKAnalyzer does), plus ASCII words, lower-cased, in
simplified script: a word is found wherever it occurs, whatever a segmenter would have made of its
context, and tokenising costs ~1 µs per character — jieba's word segmentation, tried first, ran at
~450k chars/s and was half of all extraction time (docs/PERFORMANCE.md).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

import jieba
from jieba import posseg

from extractors.pos_hmm import ArrayPOSTokenizer
from extractors.shadow import to_simplified

F = TypeVar("F", bound=Callable[..., Any])
_RUN = re.compile(r"[\u4e00-\u9fff]+|[0-9a-z]+")
MAX_QUERY_TOKENS = 64
jieba.setLogLevel(logging.WARNING)


_left_out: frozenset[str] = frozenset()  # names the dictionary must not know (kg eval --leave-names-out)
_dependent_caches: list[Callable[[], None]] = []  # cache_clear of what caches the tokenizers' output


def caches_words(cached: F) -> F:
    """Mark a cached function whose results depend on the dictionary (`names_unknown` clears it)."""
    _dependent_caches.append(cached.cache_clear)
    return cached


@cache
def tokenizer() -> jieba.Tokenizer:
    """jieba with every gazetteer name as a user word (tagged `nt`): finds where names start."""
    from extractors.gazetteer import load_gazetteer

    tk = jieba.Tokenizer()
    for name in load_gazetteer().all_names():
        if to_simplified(name) not in _left_out:
            tk.add_word(name, freq=2000, tag="nt")
    return tk


@contextmanager
def names_unknown(names: Iterable[str]) -> Iterator[None]:
    """Within the block, the tokenizers' dictionary holds none of `names` (simplified script): a name
    left out of the gazetteers for an evaluation is not remembered by the segmenter either."""
    global _left_out
    before, wanted = _left_out, frozenset(names)
    if wanted == before:
        yield
        return

    def forget() -> None:
        for clear in (tokenizer.cache_clear, pos_tokenizer.cache_clear, *_dependent_caches):
            clear()

    _left_out = wanted
    forget()
    try:
        yield
    finally:
        _left_out = before
        forget()


@cache
def pos_tokenizer() -> posseg.POSTokenizer:
    """The one part-of-speech tagger over `tokenizer()`. jieba hands the tags of user words (the
    gazetteer names, `nt`) to the first POSTokenizer that cuts, and empties them on the way, so a
    second tagger would see those names untagged: one shared tagger, loaded here, keeps every
    stage's words independent of which stage ran first."""
    tagger = ArrayPOSTokenizer(tokenizer())  # jieba's tagger, its HMM step on arrays (extractors/pos_hmm.py)
    tagger.makesure_userdict_loaded()
    return tagger


def words(text: str) -> list[str]:
    """Search tokens of `text`: bigrams of Chinese runs (a lone character stays), ASCII words."""
    out: list[str] = []
    for run in _RUN.findall(to_simplified(text).lower()):
        if len(run) < 3 or run.isascii():
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return out


def search_field(text: str) -> str:
    return " ".join(words(text))


def fulltext_query(user_text: str) -> str:
    """A full-text query for the named search queries: the user's tokens as plain terms.

    Only letters, digits and Chinese characters survive, so no Lucene syntax from the user can
    reach the engine; terms are OR-ed (both engines' default) and hits ranked by score."""
    terms = list(dict.fromkeys(words(user_text[:1000])))
    return " ".join(terms[:MAX_QUERY_TOKENS])
