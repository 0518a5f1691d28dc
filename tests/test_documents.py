"""Tests for extractors.documents and the modules it composes: source file -> normalised text + metadata.

Fixtures are generated here (tmp_path): text files in every supported encoding, .docx with
python-docx, .pdf with reportlab's built-in CID font STSong-Light (no font file needed; the PDF
tests are skipped when reportlab is not installed), .html as strings.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import pickle
import random
import re
import time
import zipfile
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
import yaml

from extractors import documents, readers
from extractors.documents import RawDocument, ReadError, iter_paths, read_document
from extractors.encoding import decode_text, looks_chinese
from extractors.inference import infer_date, infer_doc_number, infer_issuers, infer_kind, infer_title
from extractors.readers.pdf import join_pdf_lines

REPO = Path(__file__).resolve().parents[1]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

SHORT = "中国科协"
SENTENCES = [
    "中共中央办公厅、国务院办公厅近日印发了《中国科协所属学会有序承接政府转移职能扩大试点工作实施方案》。",
    "方案指出，组织中国科协所属学会开展有序承接政府转移职能的试点，是落实中央深化行政审批制度改革部署的重要举措。",
    "——依照深化改革的相关政策规定，国家科技奖励推荐、科技评估、技术标准研制等工作，可全部或部分交给学会。",
    "各级科协要加强对学会的指导，鼓励学会创新工作方法；支持学会发挥自律作用！",
    "“十四五”期间，全国学会要完善治理结构，提升服务能力？",
]
LONG = "\n".join(SENTENCES * 12) + "\n\n（一）总体要求\n第一条　为规范管理，制定本办法。"
MIXED = "2015年7月17日，中国科协（CAST）召开2015年度工作会议，ISO 9001认证。\n第二行：国办发〔2015〕51号"


def write(tmp_path: Path, name: str, content: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def assert_read_error(path: Path | str, *words: str) -> ReadError:
    """read_document(path) raises ReadError whose message starts with the path and names the reason."""
    with pytest.raises(ReadError) as info:
        read_document(path)
    exc = info.value
    assert str(exc).startswith(f"{path}: ")
    assert "\n" not in str(exc)
    for word in words:
        assert word in exc.reason, (word, exc.reason)
    return exc


# --- ReadError and RawDocument --------------------------------------------------------------

def test_read_error_message_is_one_line_with_path_and_reason():
    exc = ReadError(Path("a/b.txt"), "cannot read:\n  permission denied")
    assert exc.path == "a/b.txt"
    assert exc.reason == "cannot read: permission denied"
    assert str(exc) == "a/b.txt: cannot read: permission denied"


def test_read_error_survives_pickling_for_worker_processes():
    exc = pickle.loads(pickle.dumps(ReadError("x.pdf", "PDF has no text layer")))
    assert (exc.path, exc.reason, str(exc)) == ("x.pdf", "PDF has no text layer", "x.pdf: PDF has no text layer")


def test_raw_document_is_frozen_and_keeps_the_path_as_given(tmp_path, monkeypatch):
    write(tmp_path, "sub/a.txt", "标题\n正文。")
    monkeypatch.chdir(tmp_path)
    doc = read_document("./sub/../sub/a.txt")
    assert doc.path == "./sub/../sub/a.txt"
    assert doc.sha256 == hashlib.sha256("标题\n正文。".encode()).hexdigest()
    with pytest.raises(FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]


def test_metadata_has_exactly_the_documented_keys(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "标题\n正文。"))
    assert set(type(doc.metadata).model_fields) == {"id", "title", "kind", "issuers", "date", "doc_number",
                                 "source_url", "source_kind", "retrieved", "summary", "synthetic"}
    assert doc.metadata.issuers == [] and doc.metadata.summary is False
    assert doc.warnings == ()


def test_metadata_that_breaks_its_type_is_a_read_error_naming_the_file(tmp_path, monkeypatch):
    """DocumentMetadata is checked where it is built: a bad value never reaches the graph."""
    monkeypatch.setattr("extractors.metadata.infer_kind", lambda title: "memo")
    assert_read_error(write(tmp_path, "a.txt", "标题\n正文。"), "invalid metadata: kind:")


# --- encodings ------------------------------------------------------------------------------

def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le+bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be+bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16-le+bom", "utf-16-be+bom",
             "utf-16-le", "utf-16-be"]
SAMPLES = {"short": SHORT, "long": LONG, "mixed": MIXED, "two": "科协", "punct": "《方案》。",
           "long-no-ascii": "".join(SENTENCES * 40),
           "title": "关于印发《科协系统深化改革实施方案》的通知"}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_text_encodings_are_detected(tmp_path, encoding, sample):
    text = SAMPLES[sample]
    data = _encode(text, encoding)
    doc = read_document(write(tmp_path, "doc.txt", data))
    assert doc.text == text
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16-le+bom", "utf-16-le", "utf-16-be"])
def test_markdown_and_html_use_the_same_detection(tmp_path, encoding):
    md = f"---\ntitle: 测试标题\n---\n{LONG}"
    assert read_document(write(tmp_path, "a.md", _encode(md, encoding))).text == LONG
    html = f"<html><body><p>{SHORT}召开会议。</p></body></html>"
    assert read_document(write(tmp_path, "a.html", _encode(html, encoding))).text == f"{SHORT}召开会议。"


def test_utf16_with_ascii_is_not_mistaken_for_valid_utf8():
    data = "2015年".encode("utf-16-le")
    assert data.decode("utf-8") == "2\x000\x001\x005\x00t^"  # valid UTF-8, wrong text
    assert decode_text(data) == "2015年"


def test_gb18030_four_byte_characters_and_traditional_text(tmp_path):
    text = LONG + "\n吉祥的“𠮷”字与㐀字。"
    assert read_document(write(tmp_path, "a.txt", text.encode("gb18030"))).text == text
    traditional = "國務院辦公廳關於印發《科協系統深化改革實施方案》的通知\n現將方案印發給你們。"
    assert read_document(write(tmp_path, "b.txt", traditional)).text == traditional  # UTF-8, kept


def test_short_gbk_is_not_left_to_a_statistical_guess():
    for text in ("中国", "学会", "科技社团改革", "国办发〔2015〕51号"):
        assert decode_text(text.encode("gbk")) == text


def test_looks_chinese():
    assert looks_chinese("中国科协召开会议。")
    assert looks_chinese("<p>只有一点中文</p>" + "x" * 500)  # markup does not dilute
    assert not looks_chinese("plain ascii text")
    assert not looks_chinese("café résumé".encode("latin-1").decode("gb18030", "replace"))
    assert not looks_chinese("한국어 텍스트입니다")


def test_binary_garbage_named_txt_is_refused(tmp_path):
    rng = random.Random(7)
    blob = bytes(rng.getrandbits(8) for _ in range(4096))
    for name in ("random.txt", "random.md", "random.html"):
        assert_read_error(write(tmp_path, name, blob), "binary")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + blob
    assert_read_error(write(tmp_path, "image.txt", png), "not a text file")
    assert_read_error(write(tmp_path, "zeros.txt", bytes(1000)), "binary")


def test_undetectable_encoding_is_a_read_error(tmp_path, monkeypatch):
    monkeypatch.setattr("extractors.encoding._decode_best_guess", lambda data: None)
    assert_read_error(write(tmp_path, "latin.txt", b"caf\xe9 \xff na\xefve"), "cannot detect the text encoding")


# --- normalisation --------------------------------------------------------------------------

def test_normalisation_is_minimal_and_documented(tmp_path):
    raw = ("\ufeff  \r\n标题\r\n第一行\r第二行\x00\x07\x1b\x0b\x0c\n"
           "零\u200b宽\u200c字\u200d符\u2060号\ufeff。\n\t缩进\t保留\n"
           "全角，标点！“引号”——破折号；繁體字保留；ｆｕｌｌｗｉｄｔｈ　全角空格。\n\n")
    doc = read_document(write(tmp_path, "n.txt", raw))
    assert doc.text == ("标题\n第一行\n第二行\n零宽字符号。\n\t缩进\t保留\n"
                        "全角，标点！“引号”——破折号；繁體字保留；ｆｕｌｌｗｉｄｔｈ　全角空格。")


def test_leading_ideographic_space_is_stripped_like_body_strip(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "\u3000\u3000第一条　内容。\n"))
    assert doc.text == "第一条　内容。" == "\u3000\u3000第一条　内容。\n".strip()


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u3000\n".encode(), codecs.BOM_UTF8,
                                     codecs.BOM_UTF16_LE, "\u200b\n\u200b".encode()])
def test_empty_files_are_refused(tmp_path, content):
    assert_read_error(write(tmp_path, "empty.txt", content), "empty")


def test_front_matter_without_body_is_empty(tmp_path):
    assert_read_error(write(tmp_path, "fm.md", "---\ntitle: 只有元数据\n---\n\n  \n"),
                      "empty (no text after the front matter)")
    assert_read_error(write(tmp_path, "blank.md", "  \n\n"), "empty (no text)")


def test_unsupported_suffix_is_refused(tmp_path):
    for name in ("a.doc", "a.rtf", "README"):
        assert_read_error(write(tmp_path, name, "正文"), "unsupported file type")


def test_missing_file_and_folder_named_like_a_file(tmp_path):
    assert_read_error(tmp_path / "missing.txt", "no such file")
    assert_read_error(f"{tmp_path}/nul\x00.txt", "invalid path")
    assert "invalid path" in list(iter_paths([f"{tmp_path}/nul\x00.txt"]))[0][1].reason
    (tmp_path / "folder.txt").mkdir()
    assert_read_error(tmp_path / "folder.txt", "folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_fifo_is_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert_read_error(tmp_path / "pipe.txt", "not a regular file")


def test_unreadable_file_real_permissions(tmp_path):
    path = write(tmp_path, "secret.txt", "机密")
    path.chmod(0)
    try:
        if IS_ROOT:
            pytest.skip("root reads files whatever their mode")
        assert_read_error(path, "permission denied")
    finally:
        path.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """Works as root too: the open() the module uses raises PermissionError."""
    path = write(tmp_path, "secret.txt", "机密")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(documents, "open", refuse, raising=False)
    assert_read_error(path, "permission denied")


def test_garbage_in_any_format_raises_only_read_error(tmp_path):
    rng = random.Random(11)
    docx_bytes = _docx_bytes(["标题", "正文。"])
    blobs = [bytes(rng.getrandbits(8) for _ in range(size)) for size in (1, 7, 300, 5000)]
    blobs += [docx_bytes[: len(docx_bytes) // 2], b"PK\x03\x04" + blobs[-1], b"%PDF-1.4\n" + blobs[-1]]
    for suffix in readers.suffixes():
        for i, blob in enumerate(blobs):
            path = write(tmp_path, f"g{i}{suffix}", blob)
            try:
                doc = read_document(path)
            except ReadError as exc:
                assert str(exc).startswith(f"{path}: ")
            else:
                assert isinstance(doc, RawDocument)


# --- markdown and front matter ----------------------------------------------------------------

def test_front_matter_fields(tmp_path):
    md = ("---\nid: \"042\"\ntitle: \"中共中央办公厅、国务院办公厅印发《某方案》\"\nkind: news\n"
          "issuer: \"中共中央办公厅、国务院办公厅 中国科协\"\ndate: 2015-07-17\n"
          "doc_number: \"中办发〔2015〕1号\"\nsource_url: \"http://example.org/a\"\nsummary: true\n"
          "directions: [3]\n---\n\n正文第一段。\r\n\r\n第二段。\n")
    doc = read_document(write(tmp_path, "a.md", md))
    assert doc.text == "正文第一段。\n\n第二段。"
    assert doc.metadata.model_dump() == {
        "id": "042", "title": "中共中央办公厅、国务院办公厅印发《某方案》", "kind": "news",
        "issuers": ["中共中央办公厅", "国务院办公厅", "中国科协"], "date": "2015-07-17",
        "doc_number": "中办发〔2015〕1号", "source_url": "http://example.org/a", "source_kind": None, "retrieved": None, "summary": True,
        "synthetic": False,
    }
    assert doc.warnings == ()


@pytest.mark.parametrize("value, iso", [("\"2015-07-17\"", "2015-07-17"), ("2015-07-17", "2015-07-17"),
                                        ("2015-07-17 10:30:00", "2015-07-17"), ("\"2015-07\"", "2015-07"),
                                        ("2015", "2015"), ("\"2015年7月17日\"", "2015-07-17")])
def test_front_matter_dates(tmp_path, value, iso):
    doc = read_document(write(tmp_path, "a.md", f"---\ndate: {value}\n---\n正文。"))
    assert doc.metadata.date == iso


def test_empty_front_matter_fields_count_as_missing(tmp_path):
    md = ("---\nid: \"\"\ntitle: \"\"\nkind: \"\"\nissuer: \"\"\ndate: \"\"\ndoc_number: \"\"\n"
          "source_url: \"\"\n---\n国务院办公厅关于印发某办法的通知\n国办发〔2015〕51号\n2015年7月17日印发。")
    meta = read_document(write(tmp_path, "a.md", md)).metadata
    # title, kind and issuers are inferred; an empty date or doc_number in the front matter means
    # "not known": the body of a summary cites other documents' dates and numbers
    assert meta.model_dump() == {"id": None, "title": "国务院办公厅关于印发某办法的通知", "kind": "policy",
                    "issuers": ["国务院办公厅"], "date": None, "doc_number": None,
                    "source_url": None, "source_kind": None, "retrieved": None, "summary": False, "synthetic": False}


def test_without_front_matter_date_and_number_come_from_the_text(tmp_path):
    md = "国务院办公厅关于印发某办法的通知\n国办发〔2015〕51号\n2015年7月17日印发。"
    meta = read_document(write(tmp_path, "a.txt", md)).metadata
    assert (meta.date, meta.doc_number) == ("2015-07-17", "国办发〔2015〕51号")


def test_unknown_kind_is_inferred_with_a_warning(tmp_path):
    doc = read_document(write(tmp_path, "a.md", "---\ntitle: 某学会案例\nkind: blog\n---\n正文。"))
    assert doc.metadata.kind == "case"
    assert any("blog" in w for w in doc.warnings)
    doc = read_document(write(tmp_path, "b.md", "---\ntitle: 某某通知\nkind: News\n---\n正文。"))
    assert doc.metadata.kind == "news"


def test_malformed_front_matter_keeps_the_body(tmp_path):
    md = "---\ntitle: \"未闭合的引号\nkind: [policy\n---\n中国科协关于某事的通知\n正文第一段。\n"
    doc = read_document(write(tmp_path, "bad.md", md))
    assert doc.text == "中国科协关于某事的通知\n正文第一段。"
    assert len(doc.warnings) == 1 and "malformed front matter" in doc.warnings[0]
    assert doc.metadata.title == "中国科协关于某事的通知"  # inferred from the body


def test_front_matter_that_is_not_a_mapping_or_has_a_bad_date(tmp_path):
    doc = read_document(write(tmp_path, "list.md", "---\n- a\n- b\n---\n正文。"))
    assert doc.text == "正文。" and "malformed front matter" in doc.warnings[0]
    doc = read_document(write(tmp_path, "date.md", "---\ntitle: 标题\ndate: 2015-02-30\n---\n正文。"))
    assert doc.text == "正文。" and doc.warnings  # PyYAML refuses the impossible date


def test_unrecognised_front_matter_date_is_left_unknown_with_a_warning(tmp_path):
    doc = read_document(write(tmp_path, "a.md", "---\ndate: 不详\n---\n2016年3月28日发布。"))
    assert doc.metadata.date is None
    assert any("不详" in w for w in doc.warnings)


def test_unclosed_front_matter_keeps_everything(tmp_path):
    md = "---\ntitle: 标题\n正文。"
    doc = read_document(write(tmp_path, "open.md", md))
    assert doc.text == md and "closing" in doc.warnings[0]


def test_markdown_without_front_matter_and_horizontal_rules(tmp_path):
    doc = read_document(write(tmp_path, "a.markdown", "# 中国科协召开座谈会\n\n-----\n正文。"))
    assert doc.text == "# 中国科协召开座谈会\n\n-----\n正文。"
    assert doc.metadata.title == "中国科协召开座谈会" and doc.metadata.kind == "news"
    assert doc.warnings == ()


def test_front_matter_with_crlf_and_bom(tmp_path):
    md = "\ufeff---\r\ntitle: 标题\r\ndate: \"2020-07-03\"\r\n---\r\n\r\n正文。\r\n"
    doc = read_document(write(tmp_path, "a.md", md.encode("utf-8")))
    assert (doc.text, doc.metadata.title, doc.metadata.date) == ("正文。", "标题", "2020-07-03")


# --- seed documents ---------------------------------------------------------------------------

def _seed_folder() -> Path | None:
    for folder in (REPO.parent / "shared" / "corpus" / "documents", Path("/work/shared/corpus/documents"),
                   REPO / "seed_data" / "documents"):
        if folder.is_dir() and any(folder.glob("*.md")):
            return folder
    return None


SEEDS = _seed_folder()
SEED_FILES = sorted(SEEDS.glob("*.md")) if SEEDS else []
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="seed documents not found")


def _split_seed(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    head, body = re.match(r"---\n(.*?)\n---\n(.*)", raw, re.S).groups()
    return yaml.safe_load(head), body


@needs_seeds
def test_there_are_36_seed_documents():
    assert len(SEED_FILES) == 36


@needs_seeds
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_document_text_is_body_strip(path):
    front, body = _split_seed(path)
    doc = read_document(path)
    assert doc.text == body.strip()
    assert doc.path == str(path)
    assert doc.metadata.id == front["id"]
    assert doc.metadata.title == front["title"]
    assert doc.metadata.kind == front["kind"]
    assert doc.metadata.summary is True
    if front["date"]:
        assert doc.metadata.date == front["date"]
    if front["doc_number"]:
        assert doc.metadata.doc_number == front["doc_number"]
    if front["issuer"]:
        assert doc.metadata.issuers == re.split(r"[、\s]+", front["issuer"])
    assert doc.warnings == ()


@needs_seeds
def test_seed_005_matches_the_annotation_guide():
    path = SEEDS / "005.md"
    raw = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    body = raw.split("\n---\n", 1)[1]
    doc = read_document(path)
    assert doc.text == body.strip()
    assert doc.text.startswith("据中国兰州网7月16日报道，中共中央办公厅、国务院办公厅近日印发了")
    assert doc.metadata.issuers == ["中共中央办公厅", "国务院办公厅"]
    assert doc.metadata.date == "2015-07-17" and doc.metadata.doc_number is None
    start = doc.text.index("中共中央办公厅")
    assert doc.text[start:start + 7] == "中共中央办公厅"


# --- metadata inference -------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("2015年7月17日", "2015-07-17"),
    ("于 2015 年 7 月 17 日印发", "2015-07-17"),
    ("2015-07-17", "2015-07-17"),
    ("2015.7.17", "2015-07-17"),
    ("2015/7/17", "2015-07-17"),
    ("二〇一五年七月十七日", "2015-07-17"),
    ("二〇二一年十二月二十一日", "2021-12-21"),
    ("一九九八年十月二十五日", "1998-10-25"),
    ("２０１５年７月１７日", "2015-07-17"),
    ("本课题实施周期：2020年4月-2020年9月", "2020-04"),
    ("二〇一五年七月", "2015-07"),
    ("2020年科协系统深化改革重点任务", "2020"),
    ("见2020年重点任务，2020年7月3日印发", "2020-07-03"),  # a full date wins over an earlier year
    ("2015年13月45日开会，2016年3月", "2016-03"),  # impossible dates are skipped
    ("7月16日报道", None),
    ("共1200余人", None),
    ("", None),
])
def test_infer_date(text, iso):
    assert infer_date(text) == iso


@pytest.mark.parametrize("text, number", [
    ("国办发〔2015〕51号", "国办发〔2015〕51号"),
    ("中国科协办公厅以科协办发学字〔2015〕31号印发", "科协办发学字〔2015〕31号"),
    ("根据中科协发〔2016〕2号文件", "中科协发〔2016〕2号"),
    ("国务院于2021年6月3日以国发〔2021〕9号文印发", "国发〔2021〕9号"),
    ("《某办法》（国办发[2015]51号）", "国办发[2015]51号"),
    ("国办发［2015］51号", "国办发［2015］51号"),
    ("国办发(2015)51号", "国办发(2015)51号"),
    ("国办发（2015）51号", "国办发（2015）51号"),
    ("苏办发〔2017〕51号", "苏办发〔2017〕51号"),
    ("中华人民共和国国务院令第250号公布", "中华人民共和国国务院令第250号"),
    ("国务院令第250号", "国务院令第250号"),
    ("规划(2021-2023年)的通知", None),
    ("第51号", None),
    ("没有字号", None),
])
def test_infer_doc_number(text, number):
    assert infer_doc_number(text) == number


@pytest.mark.parametrize("text, title", [
    ("国务院办公厅关于印发科协系统深化改革实施方案的通知\n国办发〔2015〕51号\n正文。", "国务院办公厅关于印发科协系统深化改革实施方案的通知"),
    ("\n\n  中国科协召开座谈会  \n正文。", "中国科协召开座谈会"),
    ("## 中国科协召开座谈会\n正文。", "中国科协召开座谈会"),
    ("附件1\n科技社团改革与国家治理现代化\n系列研究课题申报指南", "科技社团改革与国家治理现代化"),
    ("这是一段很长的正文，" * 10 + "\n第二行", None),
    ("各省、自治区、直辖市人民政府：\n正文。", None),
    ("2015年7月17日\n正文。", None),
    ("国办发〔2015〕51号\n正文。", None),
    ("", None),
])
def test_infer_title(text, title):
    assert infer_title(text) == title


def test_title_falls_back_to_the_file_name(tmp_path):
    doc = read_document(write(tmp_path, "政策原文.txt", "现将有关事项通知如下。\n一、总体要求。"))
    assert doc.metadata.title == "政策原文"


@pytest.mark.parametrize("title, issuers", [
    ("中共中央办公厅、国务院办公厅印发《关于某事的意见》", ["中共中央办公厅", "国务院办公厅"]),
    ("中共中央办公厅 国务院办公厅印发《关于加强科技伦理治理的意见》", ["中共中央办公厅", "国务院办公厅"]),
    ("中国科协办公厅关于开展“青年人才托举工程”项目实施工作的通知", ["中国科协办公厅"]),
    ("国务院关于印发全民科学素质行动规划纲要(2021—2035年)的通知", ["国务院"]),
    ("南昌市人民政府关于印发某实施方案的通知", ["南昌市人民政府"]),
    ("中国科学技术协会关于印发《会议纪要》的通知", ["中国科学技术协会"]),
    ("科技部、民政部、中国科协联合印发《某通知》", ["科技部", "民政部", "中国科协"]),
    ("中办 国办印发《关于进一步弘扬科学家精神加强作风和学风建设的意见》", ["中办", "国办"]),
    ("国务院办公厅发布《关于深化科技奖励制度改革的方案》", ["国务院办公厅"]),
    ("中共中央 国务院印发《国家创新驱动发展战略纲要》", ["中共中央", "国务院"]),
    ("人社部相关负责人就《关于分类推进人才评价机制改革的指导意见》答记者问", []),
    ("深入学习关于科技社团的论述", []),
    ("中国科协召开座谈会", []),
    (None, []),
])
def test_infer_issuers(title, issuers):
    assert infer_issuers(title) == issuers


@pytest.mark.parametrize("title, kind", [
    ("国务院办公厅关于印发某办法的通知", "policy"),
    ("关于进一步加强学会党委建设的指导意见", "policy"),
    ("山东省科协系统改革实施方案", "policy"),
    ("社会团体登记管理条例", "policy"),
    ("全民科学素质行动规划纲要", "policy"),
    ("在中国科协第十次全国代表大会上的讲话", "speech"),
    ("在年会开幕式上的致辞", "speech"),
    ("全国学会牵头组建产业科技服务团案例", "case"),
    ("中国科协召开深化全国学会党建工作改革座谈会", "news"),
    ("第二十一届中国科协年会科技社团发展与治理论坛举办", "news"),
    ("中国海洋湖沼学会获评全国学会科普工作优秀单位", "news"),
    ("科技社团改革与国家治理现代化系列研究课题申报指南", "guide"),
    ("中国科协创新驱动助力工程进展情况月报", "report"),
    (None, "report"),
])
def test_infer_kind(title, kind):
    assert infer_kind(title) == kind


def test_metadata_inferred_from_a_plain_text_policy(tmp_path):
    text = ("中国科协办公厅关于印发《2020年科协系统深化改革重点任务》的通知\n科协办发调字〔2020〕12号\n\n"
            "各全国学会：\n现将有关任务印发给你们。\n\n中国科协办公厅\n2020年7月3日\n")
    meta = read_document(write(tmp_path, "policy.txt", text.encode("gb18030"))).metadata
    assert meta.model_dump() == {"id": None, "title": "中国科协办公厅关于印发《2020年科协系统深化改革重点任务》的通知",
                    "kind": "policy", "issuers": ["中国科协办公厅"], "date": "2020-07-03",
                    "doc_number": "科协办发调字〔2020〕12号", "source_url": None, "source_kind": None, "retrieved": None, "summary": False,
                    "synthetic": False}


# --- .docx ------------------------------------------------------------------------------------

def _docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None, after: list[str] = ()) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in after:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    data = _docx_bytes(["中国科协关于印发《某方案》的通知", "科协发〔2020〕3号", "", "各全国学会："],
                       [["学会", "日期", "备注"], ["中国计算机学会", "2020年1月2日", "第一行\n第二行"]],
                       ["表后段落。"])
    doc = read_document(write(tmp_path, "a.docx", data))
    assert doc.text == ("中国科协关于印发《某方案》的通知\n科协发〔2020〕3号\n\n各全国学会：\n"
                        "学会\t日期\t备注\n中国计算机学会\t2020年1月2日\t第一行 第二行\n表后段落。")
    assert doc.metadata.doc_number == "科协发〔2020〕3号"
    assert doc.metadata.issuers == ["中国科协"] and doc.metadata.kind == "policy"
    assert doc.metadata.date == "2020-01-02"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_docx_merged_cells_are_read_once(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    grid = document.add_table(rows=2, cols=3)
    grid.cell(0, 0).merge(grid.cell(0, 2)).text = "合并标题"
    for c, value in enumerate(["甲", "乙", "丙"]):
        grid.cell(1, c).text = value
    path = tmp_path / "merged.docx"
    document.save(path)
    assert read_document(path).text == "合并标题\n甲\t乙\t丙"


def test_docx_bad_files(tmp_path):
    data = _docx_bytes(["标题", "正文。" * 200])
    assert_read_error(write(tmp_path, "half.docx", data[: len(data) // 2]), ".docx")
    assert_read_error(write(tmp_path, "random.docx", bytes(random.Random(3).getrandbits(8) for _ in range(2000))), ".docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert_read_error(write(tmp_path, "zip.docx", buffer.getvalue()), "not a valid .docx")
    assert_read_error(write(tmp_path, "empty.docx", _docx_bytes(["", "  "])), "empty")


# --- .pdf -------------------------------------------------------------------------------------

def _pdf_canvas(path: Path):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path)), pdfmetrics


class _Layout:
    """Lays out lines like a word processor: wrapped at a fixed width, first lines indented."""

    def __init__(self, path: Path, size: float = 12, left: float = 72, width: float = 360):
        self.canvas, self.metrics = _pdf_canvas(path)
        self.size, self.left, self.width, self.y = size, left, width, 780.0
        self.canvas.setFont("STSong-Light", size)

    def _w(self, text: str) -> float:
        return self.metrics.stringWidth(text, "STSong-Light", self.size)

    def line(self, text: str, x: float) -> None:
        self.canvas.drawString(x, self.y, text)
        self.y -= self.size * 1.5

    def centred(self, text: str) -> None:
        self.line(text, self.left + (self.width - self._w(text)) / 2)

    def paragraph(self, text: str, indent: bool = True, new_page_after: int = 0) -> None:
        """Wrap between characters (Chinese) or at spaces (Latin words), optionally turning the
        page after `new_page_after` lines."""
        x = self.left + (2 * self.size if indent else 0)
        current, count = "", 0
        for token in re.findall(r"[A-Za-z0-9]+ ?|.", text):
            if x + self._w((current + token).rstrip()) > self.left + self.width:
                self.line(current.rstrip(), x)
                x, current, count = self.left, "", count + 1
                if count == new_page_after:
                    self.page_number(new_page_after)
            current += token
        self.line(current, x)

    def page_number(self, number: int) -> None:
        self.canvas.drawString(self.left + self.width / 2, 40, f"- {number} -")
        self.canvas.showPage()
        self.canvas.setFont("STSong-Light", self.size)
        self.y = 780.0

    def save(self) -> None:
        self.canvas.save()


P1 = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
P2 = ("现将《科协系统深化改革实施方案》印发给你们，请认真贯彻执行。科技社团是党和政府团结凝聚科技工作者的桥梁纽带，"
      "是国家创新体系建设和社会治理能力提升的重要支撑")
P3 = "（一）指导思想。全面贯彻党的十八大和十八届三中、四中、五中全会精神，深入贯彻习近平总书记系列重要讲话精神，推动学会改革"
P4 = ("English words wrapped across lines are joined with one space between them, "
      "so a Latin paragraph reads as one line of text again")


P5 = "这一句从第一页开始一直写到页面的末尾然后在下一页继续写完中间没有任何标点符号能断开这一行文字所以它会跨页。"


def test_pdf_text_with_lines_joined_inside_paragraphs(tmp_path):
    path = tmp_path / "policy.pdf"
    layout = _Layout(path)
    layout.centred("国务院办公厅关于印发科协系统深化改革实施方案的通知")
    layout.centred("国办发〔2016〕12号")
    layout.paragraph(P1, indent=False)
    layout.paragraph(P2)
    layout.paragraph("一、总体要求", indent=False)
    layout.paragraph(P3)
    layout.paragraph(P4, indent=False)
    layout.paragraph(P5, new_page_after=1)
    layout.paragraph("国务院办公厅", indent=True)
    layout.paragraph("2016年3月28日", indent=True)
    layout.page_number(2)
    layout.save()
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert lines[:3] == ["国务院办公厅关于印发科协系统深化改革实施方案的通知", "国办发〔2016〕12号", P1]
    # P2's wrapped lines are joined, except after a line that happens to end with 。
    assert "".join(lines[3:lines.index("一、总体要求")]) == P2
    assert P3 in lines and P4 in lines
    assert "- 1 -" not in doc.text and "- 2 -" not in doc.text
    assert P5 in lines  # joined across the page break
    assert lines[-2:] == ["国务院办公厅", "2016年3月28日"]
    assert doc.metadata.title == "国务院办公厅关于印发科协系统深化改革实施方案的通知"
    assert doc.metadata.doc_number == "国办发〔2016〕12号"
    assert doc.metadata.date == "2016-03-28"
    assert doc.metadata.issuers == ["国务院办公厅"] and doc.metadata.kind == "policy"


def test_pdf_without_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    canvas, _ = _pdf_canvas(path)
    from PIL import Image

    image = Image.new("RGB", (60, 20), "white")
    canvas.drawInlineImage(image, 72, 600, width=300, height=100)
    canvas.rect(72, 400, 200, 100, fill=1)
    canvas.showPage()
    canvas.rect(72, 400, 200, 100, fill=0)
    canvas.save()
    assert_read_error(path, "no text layer", "OCR")


def test_pdf_bad_files(tmp_path):
    path = tmp_path / "good.pdf"
    layout = _Layout(path)
    layout.paragraph(P2 * 3)
    layout.save()
    data = path.read_bytes()
    assert_read_error(write(tmp_path, "half.pdf", data[: len(data) // 2]), "not a valid PDF")
    assert_read_error(write(tmp_path, "random.pdf", bytes(random.Random(5).getrandbits(8) for _ in range(3000))), "PDF")
    assert_read_error(write(tmp_path, "text.pdf", "这不是PDF文件"), "not a valid PDF")


def _lines(*specs: tuple[str, bool, bool]) -> list[dict]:
    return [{"text": text, "full": full, "indented": indented} for text, full, indented in specs]


def test_join_pdf_lines_rules():
    full, short, flush, indented = True, False, False, True
    assert join_pdf_lines(_lines(("科技社团是党和政府团结凝聚科技工作者的", full, indented),
                                 ("桥梁纽带。", short, flush))) == "科技社团是党和政府团结凝聚科技工作者的桥梁纽带。"
    # sentence-final punctuation (also before a closing quote) keeps the break
    for end in ("。", "！", "？", "；", "：", "。”", "。）"):
        text = join_pdf_lines(_lines((f"第一句{end}", full, flush), ("第二句", short, flush)))
        assert text == f"第一句{end}\n第二句"
    # a short line ends its paragraph; a heading-like or indented next line starts a new one
    assert join_pdf_lines(_lines(("标题", short, indented), ("正文", short, flush))) == "标题\n正文"
    for heading in ("一、总体要求", "（一）指导思想", "(2)措施", "第一条　总则", "第三章　附则", "1. 目标", "①其一", "附件", "——要求"):
        assert join_pdf_lines(_lines(("前一行没有标点", full, flush), (heading, short, flush))) == f"前一行没有标点\n{heading}"
    assert join_pdf_lines(_lines(("上一段最后一行很满", full, flush), ("新段落首行缩进", full, indented))) == \
        "上一段最后一行很满\n新段落首行缩进"
    # Latin words get a space, Chinese none; numbers like 2015.7 are not headings
    assert join_pdf_lines(_lines(("wrapped across", full, flush), ("lines", short, flush))) == "wrapped across lines"
    assert join_pdf_lines(_lines(("one, two,", full, flush), ("three", short, flush))) == "one, two, three"
    assert join_pdf_lines(_lines(("时间为", full, flush), ("2015.7.17发布", short, flush))) == "时间为2015.7.17发布"


# --- .html ------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>站点名称_新闻</title>
<style>p { color: red }</style><script>var tracking = "脚本";</script></head>
<body>
<header><div class="logo">网站首页</div></header>
<nav><ul><li><a href="/">首页</a></li><li>机构设置</li></ul></nav>
<div class="content">
  <h1>中国科协关于开展
      学会改革试点工作的通知</h1>
  <p>各全国学会：<br>现将有关事项通知如下。</p>
  <p>一、 试点&nbsp;范围 &amp; 目标</p>
  <table><tr><th>学会</th><th>日期</th></tr><tr><td>中国计算机学会</td><td>2020年7月3日</td></tr></table>
  <ul><li>推动学会改革；</li><li>完善治理结构。</li></ul>
  <div><span>Open</span>
       <span>Science</span> <!-- 注释 --></div>
  <form><label>搜索</label><input name="q"><button>提交</button></form>
  <aside>相关阅读</aside>
</div>
<footer>版权所有 中国科协</footer>
<script>document.write("尾部脚本")</script>
</body></html>"""


def test_html_main_text_only(tmp_path):
    doc = read_document(write(tmp_path, "page.html", HTML))
    assert doc.text == ("中国科协关于开展学会改革试点工作的通知\n各全国学会：\n现将有关事项通知如下。\n"
                        "一、 试点\xa0范围 & 目标\n学会\t日期\n中国计算机学会\t2020年7月3日\n"
                        "推动学会改革；\n完善治理结构。\nOpen Science")
    for dropped in ("网站首页", "机构设置", "脚本", "搜索", "提交", "相关阅读", "版权所有", "注释", "站点名称"):
        assert dropped not in doc.text
    assert doc.metadata.title == "中国科协关于开展学会改革试点工作的通知"
    assert doc.metadata.date == "2020-07-03" and doc.metadata.issuers == ["中国科协"]


def test_html_prefers_main_and_reads_gbk_pages(tmp_path):
    html = ("<html><head><meta charset='gb2312'></head><body><div>侧边栏内容</div>"
            "<main><h2>科技社团改革</h2><p>正文第一段。</p></main></body></html>")
    doc = read_document(write(tmp_path, "page.htm", html.encode("gbk")))
    assert doc.text == "科技社团改革\n正文第一段。"


def test_html_deeply_nested_does_not_hit_the_recursion_limit(tmp_path):
    html = "<div>" * 3000 + "深层正文。" + "</div>" * 3000
    assert read_document(write(tmp_path, "deep.html", html)).text == "深层正文。"


def test_html_with_only_chrome_is_empty(tmp_path):
    html = "<html><body><nav>导航</nav><script>x()</script><footer>页脚</footer></body></html>"
    assert_read_error(write(tmp_path, "chrome.html", html), "empty")


# --- iter_paths -------------------------------------------------------------------------------

def _collect(paths) -> list[tuple[str, str | None]]:
    return [(str(p), None if err is None else err.reason) for p, err in iter_paths(paths)]


def test_iter_paths_expands_folders_sorted_and_recursively(tmp_path):
    for name in ("b.txt", "a.md", "sub/z.pdf", "sub/inner/c.docx", "x.jpg", "notes.doc", "d.HTML",
                 ".hidden.txt", ".git/config.txt", "~$lock.docx", "m.markdown", "n.htm"):
        write(tmp_path, name, "正文")
    found = _collect([tmp_path])
    rel = [(Path(p).relative_to(tmp_path).as_posix(), err) for p, err in found]
    assert rel == [("a.md", None), ("b.txt", None), ("d.HTML", None), ("m.markdown", None),
                   ("n.htm", None), ("sub/inner/c.docx", None), ("sub/z.pdf", None)]
    assert _collect([tmp_path]) == found  # deterministic


def test_iter_paths_explicit_files(tmp_path):
    good = write(tmp_path, "a.txt", "正文")
    odd = write(tmp_path, "a.doc", "正文")
    found = list(iter_paths([str(good), odd, tmp_path / "missing.md"]))
    assert found[0] == (good, None)
    assert found[1][0] == odd and "unsupported file type" in found[1][1].reason
    assert found[2][0] == tmp_path / "missing.md" and "no such file" in found[2][1].reason
    assert str(found[2][1]).startswith(f"{tmp_path / 'missing.md'}: ")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_iter_paths_survives_symlink_loops(tmp_path):
    write(tmp_path, "root/a.txt", "正文")
    write(tmp_path, "root/sub/b.txt", "正文")
    (tmp_path / "root/sub/back").symlink_to(tmp_path / "root", target_is_directory=True)
    (tmp_path / "root/self.txt").symlink_to(tmp_path / "root/self.txt")
    (tmp_path / "root/selfdir").symlink_to(tmp_path / "root/selfdir")
    (tmp_path / "root/dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "root/dangling.jpg").symlink_to(tmp_path / "nowhere.jpg")
    write(tmp_path, "root/zz/c.txt", "正文")
    (tmp_path / "root/alias").symlink_to(tmp_path / "root/zz", target_is_directory=True)
    (tmp_path / "root/alias2").symlink_to(tmp_path / "root/zz", target_is_directory=True)
    started = time.monotonic()
    found = _collect([tmp_path / "root"])
    assert time.monotonic() - started < 10
    rel = {Path(p).relative_to(tmp_path / "root").as_posix(): err for p, err in found}
    assert rel["a.txt"] is None and rel["sub/b.txt"] is None and rel["alias/c.txt"] is None
    assert "alias2/c.txt" not in rel and "zz/c.txt" not in rel  # the same folder reached twice is read once
    assert "symlink loop" in rel["sub/back"]
    assert "symlink loop" in rel["self.txt"] and "symlink loop" in rel["selfdir"]
    assert "no such file" in rel["dangling.md"]
    assert "dangling.jpg" not in rel
    with pytest.raises(ReadError, match="symlink loop"):
        read_document(tmp_path / "root/self.txt")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlink_inside_a_folder_that_leads_out_of_it_is_not_read(tmp_path):
    """A scraped or unpacked folder must not pull the machine's files into the graph: a link to a file or a folder
    outside the folder given is refused by name (a link inside it is read); a file named on the command line is
    read wherever it is, as its user asked."""
    write(tmp_path, "root/a.txt", "正文")
    write(tmp_path, "secret.txt", "口令")
    write(tmp_path, "outside/b.md", "正文")
    (tmp_path / "root/leak.txt").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "root/etc").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "root/inside.txt").symlink_to(tmp_path / "root/a.txt")
    rel = {Path(p).relative_to(tmp_path / "root").as_posix(): err for p, err in _collect([tmp_path / "root"])}
    assert rel["a.txt"] is None and rel["inside.txt"] is None
    assert "a symlink out of the folder" in str(rel["leak.txt"]) and str(tmp_path / "secret.txt") in str(rel["leak.txt"])
    assert "a symlink out of the folder" in str(rel["etc"]) and "etc/b.md" not in rel
    assert _collect([tmp_path / "root/leak.txt"]) == [(str(tmp_path / "root/leak.txt"), None)]


def test_iter_paths_reports_unreadable_folders(tmp_path, monkeypatch):
    write(tmp_path, "ok/a.txt", "正文")
    write(tmp_path, "locked/b.txt", "正文")
    real_listdir = os.listdir

    def listdir(path):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    found = _collect([tmp_path])
    assert found[0][0] == str(tmp_path / "locked") and "permission denied" in found[0][1]
    assert found[1] == (str(tmp_path / "ok" / "a.txt"), None)


def test_iter_paths_reports_unreadable_files(tmp_path, monkeypatch):
    locked = write(tmp_path, "locked.txt", "正文")
    write(tmp_path, "open.txt", "正文")
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path).name != "locked.txt")
    found = _collect([tmp_path, locked])
    assert found == [(str(locked), "cannot read: permission denied"), (str(tmp_path / "open.txt"), None),
                     (str(locked), "cannot read: permission denied")]


def test_iter_paths_feeds_read_document(tmp_path):
    write(tmp_path, "a.txt", "中国科协召开座谈会\n正文。")
    write(tmp_path, "b.md", "---\ntitle: 标题\n---\n正文。")
    write(tmp_path, "c.txt", "")
    results = {}
    for path, error in iter_paths([tmp_path]):
        try:
            results[path.name] = read_document(path).metadata.title if error is None else error.reason
        except ReadError as exc:
            results[path.name] = exc.reason
    assert results == {"a.txt": "中国科协召开座谈会", "b.md": "标题", "c.txt": "empty file"}


def test_iter_paths_unreadable_folder_real_permissions(tmp_path):
    if IS_ROOT:
        pytest.skip("root lists folders whatever their mode")
    write(tmp_path, "locked/b.txt", "正文")
    (tmp_path / "locked").chmod(0)
    try:
        found = _collect([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert found == [(str(tmp_path / "locked"), "cannot read folder: permission denied")]


# --- size -------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_50_mb_text_file_is_accepted(tmp_path, encoding):
    line = ("中共中央办公厅、国务院办公厅印发了《中国科协所属学会有序承接政府转移职能扩大试点工作实施方案》，"
            "要求各地区、各部门联系实际抓好落实。\r\n")
    unit = len(line.encode(encoding))
    count = 50 * 1024 * 1024 // unit + 1
    path = tmp_path / "big.txt"
    with open(path, "w", encoding=encoding, newline="") as handle:
        handle.write("科协系统深化改革实施方案\r\n")
        for _ in range(count // 10_000 + 1):
            handle.write(line * 10_000)
    assert path.stat().st_size > 50 * 1024 * 1024
    started = time.monotonic()
    doc = read_document(path)
    elapsed = time.monotonic() - started
    assert doc.text.startswith("科协系统深化改革实施方案\n中共中央办公厅")
    assert "\r" not in doc.text[:10_000]
    assert doc.metadata.title == "科协系统深化改革实施方案"
    assert elapsed < 30, elapsed


def test_source_kind_is_read_and_an_unknown_one_is_ignored_with_a_warning(tmp_path):
    good = read_document(write(tmp_path, "a.md", "---\ntitle: 标题\nsource_kind: Repost\n---\n正文。"))
    assert good.metadata.source_kind == "repost" and good.warnings == ()
    bad = read_document(write(tmp_path, "b.md", "---\ntitle: 标题\nsource_kind: rumour\n---\n正文。"))
    assert bad.metadata.source_kind is None and any("source_kind" in w for w in bad.warnings)


def test_the_date_a_source_was_read_is_kept(tmp_path):
    doc = read_document(write(tmp_path, "a.md", "---\ntitle: 标题\nsource_kind: repost\nretrieved: 2026-11-20\n---\n正文。"))
    assert doc.metadata.retrieved == "2026-11-20"


# --- adding a format ----------------------------------------------------------------------------

def test_a_new_format_needs_only_a_registered_reader(tmp_path, monkeypatch):
    """What a new module in extractors/readers/ does, as a test: register a reader for a suffix.
    read_document and iter_paths then read such files like any other (made-up format .kgt: a
    "KGT1" line, then UTF-8 text)."""
    monkeypatch.setattr(readers.registry, "_FORMATS", dict(readers.registry._FORMATS))  # undone afterwards
    good = write(tmp_path, "notes/a.kgt", "KGT1\r\n中国科协关于开展学会改革试点工作的通知\r\n2020年7月3日\r\n")
    bad = write(tmp_path, "notes/b.KGT", "not kgt")
    assert _collect([tmp_path]) == []  # unknown suffix: skipped inside folders
    assert_read_error(good, "unsupported file type '.kgt'")

    @readers.register(".kgt")
    def read_kgt(name: str, data: bytes) -> str:
        magic, _, text = data.partition(b"\n")
        if magic.strip() != b"KGT1":
            raise ReadError(name, "not a .kgt file (no KGT1 line)")
        return text.decode("utf-8")

    assert readers.reader_for(good).read is read_kgt and ".kgt" in readers.suffixes()
    assert _collect([tmp_path]) == [(str(good), None), (str(bad), None)]
    doc = read_document(good)  # normalised, stripped, metadata inferred as for the built-in formats
    assert doc.text == "中国科协关于开展学会改革试点工作的通知\n2020年7月3日"
    assert doc.sha256 == hashlib.sha256(good.read_bytes()).hexdigest()
    assert doc.metadata.title == "中国科协关于开展学会改革试点工作的通知"
    assert (doc.metadata.kind, doc.metadata.date, doc.metadata.issuers) == ("policy", "2020-07-03", ["中国科协"])
    assert_read_error(bad, "not a .kgt file")
    with pytest.raises(ValueError, match="already registered"):
        readers.register(".KGT")(read_kgt)
