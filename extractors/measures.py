"""The words and the text a measure is made of: what support links between recommendations and
passages rest on.

A measure is named by its nouns and verbal nouns (团体标准, 承接, 科技评价, 人才托举): the words jieba
tags n, nz, nt, nl, ng or vn, in simplified script, two characters or more, without the generic
words of `seed_data/rules/measure_stop_words.tsv`. Gazetteer names are single words (jieba's user
dictionary), so 中国科协青年人才托举工程 is one term. A passage `has figures` when it states counts,
shares or money (12家, 35%, 1.2亿元): what a `data` support link needs.

The *measure text* of a sentence is what is compared character by character (`measure_grams`, its
2- and 3-character pieces): the sentence in simplified script without policy titles (《…》) and
without the boilerplate phrases of `seed_data/rules/support_boilerplate.tsv` (指导思想, 高质量发展,
报道称 …). A sentence that matches a `clause` row of that file (a guiding-thought, purpose or
study clause) is `boilerplate`: it neither gets nor gives support.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from extractors.rules import RulesError, rules_dir, tsv_rows
from extractors.segment import pos_tokenizer
from extractors.shadow import to_simplified

KEPT_TAGS = frozenset({"n", "nz", "nt", "nl", "ng", "vn"})
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# a count, share or sum in digits (12家, 35%, 1.2亿元); not years (2025年) or ages, and not the
# numbered slogans of policy language (四个意识, 两个维护)
FIGURES = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％)|"
                     r"\d+(?:\.\d+)?\s*(?:万|亿|余|多)?\s*(?:元|家|个|人|项|名|次|所|篇|场|部|种|件|条|门|期|批|届|位)")
_TITLE = re.compile(r"《[^》]{0,80}》")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
GRAM_SIZES = (2, 3)


@cache
def stop_words() -> frozenset[str]:
    path = rules_dir() / "measure_stop_words.tsv"
    return frozenset(to_simplified(row[0].strip()) for _, row in tsv_rows(path, ["word"], "support links"))


@cache
def boilerplate() -> tuple[tuple[str, ...], re.Pattern[str] | None, re.Pattern[str] | None]:
    """(phrases cut out of the measure text, longest first; the pattern of boilerplate clauses; the pattern
    of phrases written in several ways, cut out too)."""
    path = rules_dir() / "support_boilerplate.tsv"
    phrases: set[str] = set()
    clauses: list[str] = []
    variants: list[str] = []
    for where, row in tsv_rows(path, ["kind", "pattern"], "support links"):
        if len(row) < 2 or not row[1].strip():
            raise RulesError(f"{where}: expected kind, pattern (and a note), got {row}")
        kind, pattern = row[0].strip(), to_simplified(row[1].strip())
        if kind == "phrase":
            phrases.add(pattern)
        elif kind in ("clause", "pattern"):
            try:
                re.compile(pattern)
            except re.error as e:
                raise RulesError(f"{where}: not a regular expression ({e}): {pattern}") from e
            (clauses if kind == "clause" else variants).append(f"(?:{pattern})")
        else:
            raise RulesError(f"{where}: unknown kind {kind!r} (phrase, pattern or clause)")
    return (tuple(sorted(phrases, key=lambda p: (-len(p), p))), re.compile("|".join(clauses)) if clauses else None,
            re.compile("|".join(variants)) if variants else None)


def measure_terms(text: str) -> tuple[str, ...]:
    """The measure words of `text`, sorted, each once."""
    stop = stop_words()
    return tuple(sorted({pair.word for pair in pos_tokenizer().cut(to_simplified(text), HMM=False)
                         if pair.flag in KEPT_TAGS and _WORD.match(pair.word) and pair.word not in stop}))


def measure_text(text: str) -> str:
    """`text` in simplified script without policy titles and boilerplate phrases: its runs of Han
    characters, joined by `|` where something was cut or punctuation stood."""
    simplified = _TITLE.sub("|", to_simplified(text))
    phrases, _, variants = boilerplate()
    if variants is not None:
        simplified = variants.sub("|", simplified)
    for phrase in phrases:
        simplified = simplified.replace(phrase, "|")
    return "|".join(_HAN.findall(simplified))


def measure_grams(text: str) -> Counter[str]:
    """The 2- and 3-character pieces of the measure text (none spans a cut), with their counts."""
    grams: Counter[str] = Counter()
    for run in measure_text(text).split("|"):
        for n in GRAM_SIZES:
            grams.update(run[i:i + n] for i in range(len(run) - n + 1))
    return grams


def is_boilerplate(text: str) -> bool:
    """A guiding-thought, purpose or study clause (the `clause` rows of support_boilerplate.tsv)."""
    pattern = boilerplate()[1]
    return pattern is not None and pattern.search(to_simplified(text)) is not None


def has_figures(text: str) -> bool:
    return FIGURES.search(text) is not None
