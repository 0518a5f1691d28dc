"""The English glosses of the guide's items (seed_data/lexicon/guide_en.tsv): one for every code the
parser finds in the bundled guide, read loudly (a bad row names its file and line), shown only in
English mode."""
from __future__ import annotations

import re

import pytest

from dashboards import i18n
from extractors.guide import parse_guide
from extractors.passages import split_passages
from seed_data import DataError, resource

HEADER = "code\tlabel\tenglish\tnote\n"


def guide_items():
    text = resource("guide-2020.txt").read_text(encoding="utf-8").replace("\r\n", "\n").strip()
    items, _ = parse_guide("guide", text, split_passages("guide", text))
    return items


def test_every_item_of_the_bundled_guide_has_an_english_gloss_and_nothing_else():
    items = guide_items()
    by_label = {label: sum(1 for i in items if i.label == label) for label in i18n.GUIDE_LABELS}
    assert by_label == {"ResearchDirection": 4, "ResearchContent": 20, "Indicator": 24}
    glosses = i18n.read_guide_glosses(resource("lexicon", "guide_en.tsv"))
    assert sorted(glosses) == sorted(i.code for i in items)
    for item in items:
        gloss = glosses[item.code]
        assert gloss and not re.search(r"[\u4e00-\u9fff]", gloss), item.code
        assert gloss != item.name


def test_the_table_says_it_is_the_projects_translation():
    head = resource("lexicon", "guide_en.tsv").read_text(encoding="utf-8").splitlines()[:2]
    assert "the project's own translations" in "\n".join(head)
    assert "guide_en.tsv" in resource("lexicon", "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rows, line, message", [
    ("1\tResearchDirection\tA direction\t\n1.x\tIndicator\tAn indicator\t\n", 3, "not the code of a Indicator"),
    ("1\tResearchDirection\tA direction\t\n2\tDirection\tAnother\t\n", 3, "label must be one of"),
    ("# a comment\n\n1.c3\tResearchContent\t\t\n", 4, "no English gloss"),
    ("1.4\tIndicator\t提出举措\t\n", 2, "not English"),
    ("1.4\tIndicator\tMeasures\t\n1.4\tIndicator\tMeasures again\t\n", 3, "glossed twice"),
    ("1.4\tIndicator\n", 2, "a row needs code"),
])
def test_a_bad_row_names_its_file_and_line(tmp_path, rows, line, message):
    bad = tmp_path / "guide_en.tsv"
    bad.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(f"{bad}:{line}: ") + ".*" + re.escape(message)):
        i18n.read_guide_glosses(bad)


def test_a_wrong_header_or_a_missing_file_is_loud(tmp_path):
    bad = tmp_path / "guide_en.tsv"
    bad.write_text("code\tenglish\n1\tA direction\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(f"{bad}:1: the header")):
        i18n.read_guide_glosses(bad)
    with pytest.raises(DataError, match="missing"):
        i18n.read_guide_glosses(tmp_path / "none.tsv")


def test_guide_name_is_chinese_in_chinese_mode_and_the_gloss_in_english():
    name = next(i.name for i in guide_items() if i.code == "3.4")
    assert i18n.guide_name("3.4", name, "zh") == name
    english = i18n.guide_name("3.4", name, "en")
    assert english.startswith("Propose feasible measures") and english == i18n.guide_glosses()["3.4"]
    assert i18n.guide_note("zh") == "" and "(translation)" in i18n.guide_note("en")
