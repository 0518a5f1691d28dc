"""Word segmentation (jieba, with the gazetteer names as its user dictionary) for full-text search.

Chinese has no spaces, so searchable text is stored segmented into words joined by spaces, and
a user's query is segmented the same way; both stores then see the same tokens
(see `schema.constraints`).
"""
from __future__ import annotations

import logging
import re
from functools import cache

import jieba

from extractors.shadow import to_simplified

_TOKEN = re.compile(r"[0-9a-z\u4e00-\u9fff]+")
jieba.setLogLevel(logging.WARNING)


@cache
def tokenizer() -> jieba.Tokenizer:
    from extractors.gazetteer import load_gazetteer

    tk = jieba.Tokenizer()
    for name in load_gazetteer().all_names():
        tk.add_word(name, freq=2000, tag="nt")
    return tk


def words(text: str) -> list[str]:
    """Search tokens of `text`: simplified, lower-cased, words and their sub-words, no punctuation."""
    out: list[str] = []
    for word in tokenizer().cut_for_search(to_simplified(text).lower()):
        out.extend(_TOKEN.findall(word))
    return out


def search_field(text: str) -> str:
    return " ".join(words(text))


def fulltext_query(user_text: str) -> str:
    """A full-text query for the named search queries: the user's words, as plain terms.

    Only letters, digits and Chinese characters survive, so no Lucene syntax from the user can
    reach the engine; terms are OR-ed (both engines' default), ranked by score."""
    terms: list[str] = []
    for word in tokenizer().cut(to_simplified(user_text).lower()):
        for token in _TOKEN.findall(word):
            if token not in terms:
                terms.append(token)
    return " ".join(terms[:32])
