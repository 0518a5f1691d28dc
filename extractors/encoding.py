"""Encoding detection for text files (.txt, .md, .markdown, .html, .htm), never assumed.

`decode_text` tries, in this order:
1. a BOM (UTF-8, UTF-16 LE/BE) decides;
2. UTF-16 without BOM when NUL bytes sit almost only at odd (LE) or even (BE) offsets;
   this runs before UTF-8 because UTF-16 text with ASCII in it is often *valid* UTF-8 too
   ("2015年" in UTF-16-LE is the valid UTF-8 "2\\x000\\x001\\x005\\x00t^");
3. strict UTF-8, unless the bytes look binary (C0 control bytes other than TAB, LF, VT, FF,
   CR, ESC make up more than 5% of the first 64 KiB);
4. UTF-16 without BOM and without NULs (Chinese with no ASCII at all), LE then BE, if the result
   looks Chinese (its low bytes often look like control bytes, hence before the binary verdict);
5. binary content -> ReadError "not a text file (binary content)";
6. strict GB18030 (a superset of GBK and GB2312) if the result looks Chinese;
7. charset-normalizer's best guess;
8. else ReadError "cannot detect the text encoding".
"Looks Chinese" (`looks_chinese`), on the first 4,000 characters: there are CJK ideographs, at
least 90% of the non-ASCII, non-space characters are ideographs, in GB2312 (CJK punctuation,
full-width forms, ①, pinyin letters …) or general punctuation (——, “”, …), and at least 70% of the ideographs are common ones (in
GB2312). Short Chinese texts fool statistical detectors; this test does not, and mis-decoded bytes
(Latin-1 read as GBK, GBK read as UTF-16) fail it because they give rare ideographs or Hangul.
"""
from __future__ import annotations

from pathlib import Path

from extractors.read_error import ReadError

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_BINARY_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1b")  # C0 but text ones


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec)
    return None


def _decode_utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without BOM, told by NULs (the high byte of ASCII) at one parity only."""
    sample = data[: 8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    enough = max(2, len(sample) // 100)
    if odd >= enough and odd > 4 * even:
        return _strict(data, "utf-16-le")
    if even >= enough and even > 4 * odd:
        return _strict(data, "utf-16-be")
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[: 65536]
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > 0.05 * len(sample)


def is_hanzi(ch: str) -> bool:
    """A CJK unified ideograph of the basic block (U+4E00-U+9FFF)."""
    return "\u4e00" <= ch <= "\u9fff"


def _in_gb2312(ch: str) -> bool:
    """Common simplified hanzi, CJK and full-width punctuation, pinyin letters, ①, №, …"""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def looks_chinese(text: str) -> bool:
    """True if the non-ASCII characters of the text's start read as Chinese: some ideographs,
    ≥ 90% ideographs or GB2312 characters, and ≥ 70% of the ideographs common (GB2312) ones."""
    chars = [c for c in text[:4000] if c > "\x7f" and not c.isspace()]
    hanzi = [c for c in chars if is_hanzi(c)]
    if not hanzi:
        return False
    common = sum(1 for c in hanzi if _in_gb2312(c))
    chinese = len(hanzi) + sum(1 for c in chars if not is_hanzi(c)
                               and ("\u2010" <= c <= "\u2027" or _in_gb2312(c)))
    return chinese >= 0.9 * len(chars) and common >= 0.7 * len(hanzi)


def _decode_if_chinese(data: bytes, codec: str) -> str | None:
    """Strictly decoded text if its start looks Chinese (checked on a sample first: cheap)."""
    if not looks_chinese(data[:8192].decode(codec, "ignore")):
        return None
    return _strict(data, codec)


def _decode_utf16_chinese(data: bytes) -> str | None:
    """UTF-16 without BOM and without NULs (no ASCII at all): LE, then BE, if it looks Chinese."""
    for codec in ("utf-16-le", "utf-16-be"):
        if (text := _decode_if_chinese(data, codec)) is not None:
            return text
    return None


def _decode_gb18030(data: bytes) -> str | None:
    return _decode_if_chinese(data, "gb18030")


def _decode_best_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def decode_text(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode a text file's bytes in the documented order; ReadError if that fails."""
    for step in (_decode_bom, _decode_utf16_by_nuls):
        if (text := step(data)) is not None:
            return text
    binary = _looks_binary(data)
    if not binary and (text := _strict(data, "utf-8")) is not None:
        return text
    if (text := _decode_utf16_chinese(data)) is not None:
        return text
    if binary:
        raise ReadError(path, "not a text file (binary content)")
    for step in (_decode_gb18030, _decode_best_guess):
        if (text := step(data)) is not None:
            return text
    raise ReadError(path, "cannot detect the text encoding")
