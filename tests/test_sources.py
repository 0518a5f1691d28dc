"""Source kinds from the domain table (extractors.sources) and the front matter."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import sources
from extractors.corpus import load_corpus
from extractors.rules import RulesError

SEED = Path(__file__).resolve().parent.parent / "seed_data"


@pytest.mark.parametrize("url, kind", [
    ("https://www.henan.gov.cn/2017/x.html", "official"),  # any government body
    ("http://paper.people.com.cn/rmrb/x.htm", "official"),  # a state medium of record
    ("https://cacsi.cast.org.cn/", "official"),  # a unit of 中国科协
    ("https://news.ecust.edu.cn/x", "media"),  # university news
    ("https://www.ccf.org.cn/x", "society"),
    ("https://taximeter.com.cn/news/1.html", "repost"),  # a content farm: unknown standing
    ("https://notgov.cn/x", "repost"),  # the end of a host name, not any substring
    ("javascript:alert(1)", None),
    ("", None),
])
def test_the_domain_table_names_the_kind_of_page(url, kind):
    assert sources.kind_of_url(url) == kind


# Where the researcher, reading the page, judged otherwise than the domain (the front matter wins):
KNOWN_DISAGREEMENTS = {
    "239": "a repost of another site's article on a university page",
    "244": "a news report in a channel of 人民网, labelled media",
    "309": "a CAST notice copied by 光明网's science channel: a repost on a site of record",
    "361": "a repost of a certification rule on a university page",
    "364": "a news report on 新华网's Fujian channel, labelled media",
    "400": "CAST's work plan copied on a society's site",
    "404": "a 光明日报 article copied on a CAST site",
    "475": "a province's policy copied on a college's research-office page",
    "476": "CAST's work points copied on a society's site",
    "534": "a 人民日报 article carried by 中国新闻网: a repost on a news site",
}


def test_the_table_agrees_with_the_researchers_who_read_the_pages():
    """Where the table knows a domain, it says what the researcher wrote in the front matter."""
    corpus = load_corpus(SEED / "documents")
    checked, disagree = 0, set()
    for doc in corpus:
        if doc.source_kind and doc.source_url:
            inferred = sources.kind_of_url(doc.source_url)
            if inferred != "repost":  # a known domain
                checked += 1
                if inferred != doc.source_kind:
                    disagree.add(doc.id)
    assert disagree == set(KNOWN_DISAGREEMENTS)
    assert checked >= 40


def test_every_shared_corpus_document_gets_a_source_kind_from_its_url():
    from extractors.documents import read_document
    from extractors.pipeline import to_document

    for path in sorted((SEED / "documents").glob("0*.md")):
        doc = to_document(read_document(path))
        assert (doc.source_kind is not None) == bool(doc.source_url), path


def test_a_bad_row_names_its_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "source_domains.tsv").write_text("domain\tkind\tnote\ngov.cn\tofficialish\tx\n", encoding="utf-8")
    monkeypatch.setenv("KG_RULES_DIR", str(tmp_path))
    sources.domain_table.cache_clear()
    try:
        with pytest.raises(RulesError, match=r"source_domains.tsv:2: kind 'officialish'"):
            sources.domain_table()
    finally:
        monkeypatch.delenv("KG_RULES_DIR")
        sources.domain_table.cache_clear()
