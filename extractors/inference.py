"""Metadata inferred from a document's text, for what its front matter does not give.

- title: the first non-empty line (skipping "附件1"), if ≤ 80 characters and title-like (no
  sentence punctuation at its end, not just a date or 发文字号); the caller falls back to the
  file name's stem;
- date: the first full date (2015年7月17日, 2015-07-17, 2015.7.17, 二〇一五年七月十七日), else the first
  year-month (2015年7月), else the first year (2015年), as ISO 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY';
- doc_number: the first 发文字号 (国办发〔2015〕51号, 国务院令第250号; brackets 〔〕[]［］()（）【】),
  exactly as written;
- issuers: the organisations named before 关于/印发/发布 in the title, split on 、 and spaces;
- kind: by cue words in the title (通知/意见/方案… policy, 讲话/致辞 speech, 案例 case,
  召开/举办/举行/报道/获评 news, 指南 guide, else report).
"""
from __future__ import annotations

import datetime as _dt
import re

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_DATE = re.compile(  # the leading look-ahead lets the regex engine skip fast (50 MB files)
    r"(?=[\d〇零○一二三四五六七八九])(?:(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?<![\d.\-/])(?P<y2>\d{4})(?P<sep>[-./])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)"
    r"|(?P<y3>[〇零○一二三四五六七八九]{4})年(?P<m3>[一二三四五六七八九十]{1,2})月"
    r"(?:(?P<d3>[一二三四五六七八九十]{1,3})[日号])?"
    r"|(?<!\d)(?P<y4>\d{4})\s*年\s*(?P<m4>\d{1,2})\s*月"
    r"|(?<!\d)(?P<y5>\d{4})\s*年)")


def _cn_number(text: str) -> int:
    """一 .. 三十一 (small Chinese numerals as used in dates)."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _date_parts(m: re.Match) -> tuple[int, int | None, int | None]:
    g = m.groupdict()
    if g["y3"]:
        year = int("".join(str(_CN_DIGITS[c]) for c in g["y3"]))
        return year, _cn_number(g["m3"]), _cn_number(g["d3"]) if g["d3"] else None
    y, mo, d = (g["y"] or g["y2"] or g["y4"] or g["y5"], g["m"] or g["m2"] or g["m4"], g["d"] or g["d2"])
    return int(y), int(mo) if mo else None, int(d) if d else None


def iso_date(year: int, month: int | None, day: int | None) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None outside 1900-2100 or for an impossible date."""
    if not 1900 <= year <= 2100 or (month is not None and not 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    try:
        return _dt.date(year, month or 1, day).isoformat()
    except ValueError:
        return None


def infer_date(text: str) -> str | None:
    """The first full date in the text as ISO; else the first year-month; else the first year."""
    best: dict[int, str] = {}
    for match in _DATE.finditer(text):
        iso = iso_date(*_date_parts(match))
        if iso is None:
            continue
        precision = iso.count("-")
        best.setdefault(precision, iso)
        if precision == 2:
            break
    return best[max(best)] if best else None


_DOC_NUMBER_TAIL = re.compile(
    r"(?:[〔［\[（(【]\s*\d{4}\s*[〕］\]）)】]|(?<=令)第)\s*\d{1,5}\s*号")
_CODE_CHARS = re.compile(r"[\u4e00-\u9fff]{1,12}$")
_NOT_IN_CODE = re.compile(r".*[以据照按依的及与是为在将对由见即于自从把向年月日号]")


def infer_doc_number(text: str) -> str | None:
    """The first 发文字号 (国办发〔2015〕51号, 国务院令第250号 …), exactly as written."""
    for match in _DOC_NUMBER_TAIL.finditer(text):
        code = _CODE_CHARS.search(text, max(0, match.start() - 12), match.start())
        if code is None:
            continue
        agency = _NOT_IN_CODE.sub("", code.group())  # "…办公厅以科协办发调字" -> "科协办发调字"
        if agency and agency != "令":
            return text[match.start() - len(agency): match.end()]
    return None


_TITLE_END_PUNCT = tuple("。，；：、！？,;:!?")
_ATTACHMENT_LINE = re.compile(r"^附件\s*\d*\s*[:：]?$")


def infer_title(text: str) -> str | None:
    """The first non-empty line, if short (≤ 80 characters) and title-like."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip().lstrip("#").strip()
        if not line or _ATTACHMENT_LINE.match(line):
            continue
        title_like = (len(line) <= 80 and not line.endswith(_TITLE_END_PUNCT)
                      and len(re.findall(r"[\u4e00-\u9fffA-Za-z]", line)) >= 2
                      and not _DATE.fullmatch(line) and infer_doc_number(line) != line)
        return line if title_like else None
    return None


_ISSUER_PREFIX = re.compile(r"^(?P<who>[\u4e00-\u9fff、 \u3000（）()]+?)(?:联合)?(?:关于|印发|发布|颁布)")
_ORG_ENDINGS = ("办公厅", "办公室", "中央", "国务院", "政府", "委员会", "部", "委", "局", "院",
                "会", "协", "厅", "署", "办", "党组", "司", "银行")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")  # 中国科协机关党委(学会党建办公室)


def infer_issuers(title: str | None) -> list[str]:
    """Issuers named before 关于/印发/发布 in a title, split on 、 and spaces; organisations only."""
    match = _ISSUER_PREFIX.match(title or "")
    if match is None:
        return []
    names = [n for n in re.split(r"[、\s]+", match.group("who")) if n]
    return [n for n in names if _TRAILING_NOTE.sub("", n).endswith(_ORG_ENDINGS)]


_KIND_CUES = (
    ("policy", ("通知", "意见", "方案", "办法", "条例", "规定", "规划", "纲要", "决定", "细则")),
    ("speech", ("讲话", "致辞")),
    ("case", ("案例",)),
    ("news", ("召开", "举办", "举行", "报道", "获评")),
    ("guide", ("指南",)),
)


def infer_kind(title: str | None) -> str:
    """policy/speech/case/news/guide by cue words in the title (first cue group wins), else report."""
    for kind, cues in _KIND_CUES:
        if any(cue in (title or "") for cue in cues):
            return kind
    return "report"
