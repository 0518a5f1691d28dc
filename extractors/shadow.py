"""A matching view of the text: simplified script, pinyin glosses, conversion junk and the spaces of a
letter-spaced line removed, with an exact map back to the original offsets.

Matchers run on `Shadow.text`; `Shadow.span(start, end)` turns a shadow span into the span of the
original text it came from, so `Document.text[start:end]` stays the quoted string even for
`中國計算機學會` or `學(xué)會`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import opencc

from extractors.text_caches import text_cache

# 協(xié), 会（huì）: a pinyin gloss right after a Chinese character
_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# the first letter may be a capital (學會(Huì)), no other: （AAAS） is an acronym, not a gloss
# and a space may stand before the bracket closes (會(huì ): a page's markup left it there)
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][A-Z{_PINYIN}][{_PINYIN}]{{0,6}}[1-5]? ?[)）]")
# a pinyin gloss carries a tone mark (協(xié)); an acronym or a list's letter in brackets does not
TONE = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")
# conversion noise such as [bookmark: _Hlk35809711]
_JUNK = re.compile(r"\[bookmark:[^\]\n]*\]")
# the spaces of a letter-spaced line (a notice's signature: 中 共 武 汉 市 委): every character spaced
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff] [\u4e00-\u9fff])|"
                     r"(?<=[\u4e00-\u9fff] [\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@text_cache(maxsize=8_192)  # bounded; the stages of one document convert the same passages, names and terms again
def to_simplified(text: str) -> str:
    """Simplified script; falls back to character by character when phrase conversion would
    change the length (so offsets can always be mapped)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    chars = []
    for ch in text:
        c = _t2s().convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


@dataclass(frozen=True)
class Shadow:
    text: str
    _orig: tuple[int, ...] | None  # shadow index -> original index; None when identical
    source: str = ""  # the original text

    def start(self, i: int) -> int:
        return i if self._orig is None else self._orig[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the shadow span [start, end)."""
        if self._orig is None:
            return start, end
        return self._orig[start], self._orig[end - 1] + 1

    def name_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of a name at the shadow span [start, end), with the pinyin gloss of its last character
        when one follows it (省科協(xié): the gloss is read with the name; a gap of 3 to 9 removed characters right
        after it is a gloss, not a letter-spaced line's space nor a conversion's junk)."""
        first, last = self.span(start, end)
        if self._orig is not None and end < len(self._orig) and 3 <= self._orig[end] - last <= 9 \
                and TONE.search(self.source, last, self._orig[end]):  # not an acronym or a list's letter: (cast), (a)
            return first, self._orig[end]
        return first, last

    def to_shadow(self, original_index: int) -> int:
        """The first shadow index at or after an original index (for passage boundaries)."""
        if self._orig is None:
            return original_index
        import bisect

        return bisect.bisect_left(self._orig, original_index)


def make_shadow(text: str) -> Shadow:
    simplified = to_simplified(text)
    removals = [m.span() for rx in (_GLOSS, _JUNK, _SPACED) for m in rx.finditer(simplified)]
    if not removals:
        return Shadow(simplified, None, text)
    removals.sort()
    keep: list[int] = []
    pos = 0
    for start, end in removals:
        if start < pos:
            continue
        keep.extend(range(pos, start))
        pos = end
    keep.extend(range(pos, len(simplified)))
    return Shadow("".join(simplified[i] for i in keep), tuple(keep), text)


def matching_text(text: str) -> str:
    """What matchers read of a short piece of text: simplified, without pinyin glosses and
    conversion junk (設(shè)立 reads 设立). No offsets: for tests on the words between two mentions."""
    return make_shadow(text).text
