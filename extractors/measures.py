"""The words a measure is made of: what support links between recommendations and passages rest on.

A measure is named by its nouns and verbal nouns (团体标准, 承接, 科技评价, 人才托举): the words jieba
tags n, nz, nt, nl, ng or vn, in simplified script, two characters or more, without the generic
words of `seed_data/rules/measure_stop_words.tsv`. Gazetteer names are single words (jieba's user
dictionary), so 中国科协青年人才托举工程 is one term. A passage `has figures` when it states counts,
shares or money (12家, 35%, 1.2亿元): what a `data` support link needs.
"""
from __future__ import annotations

import re
from functools import cache

from extractors.rules import rules_dir, tsv_rows
from extractors.segment import pos_tokenizer
from extractors.shadow import to_simplified

KEPT_TAGS = frozenset({"n", "nz", "nt", "nl", "ng", "vn"})
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# a count, share or sum in digits (12家, 35%, 1.2亿元); not years (2025年) or ages, and not the
# numbered slogans of policy language (四个意识, 两个维护)
FIGURES = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％)|"
                     r"\d+(?:\.\d+)?\s*(?:万|亿|余|多)?\s*(?:元|家|个|人|项|名|次|所|篇|场|部|种|件|条|门|期|批|届|位)")


@cache
def stop_words() -> frozenset[str]:
    path = rules_dir() / "measure_stop_words.tsv"
    return frozenset(to_simplified(row[0].strip()) for _, row in tsv_rows(path, ["word"], "support links"))


def measure_terms(text: str) -> tuple[str, ...]:
    """The measure words of `text`, sorted, each once."""
    stop = stop_words()
    return tuple(sorted({pair.word for pair in pos_tokenizer().cut(to_simplified(text), HMM=False)
                         if pair.flag in KEPT_TAGS and _WORD.match(pair.word) and pair.word not in stop}))


def has_figures(text: str) -> bool:
    return FIGURES.search(text) is not None
