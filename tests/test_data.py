"""The bundled data is found through one accessor (seed_data.resource), and missing or malformed
data fails loudly with its path (and line), never as an empty gazetteer or lexicon."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import seed_data
from extractors import corpus, directions, gazetteer
from extractors.gazetteer import GAZETTEER_FILES, load_gazetteer
from extractors.rules import RulesError
from seed_data import DataError, resource
from tests.conftest import ROOT, SEED


@pytest.fixture
def fresh_gazetteer():
    """load_gazetteer() caches its result: start and end with an empty cache."""
    load_gazetteer.cache_clear()
    yield
    load_gazetteer.cache_clear()


def test_resource_is_a_real_path_inside_the_package():
    assert resource() == SEED
    assert resource("gazetteers", "societies.tsv") == SEED / "gazetteers" / "societies.tsv"
    assert resource("models", package="extractors").is_dir()
    assert resource("models", "recommendations.json", package="extractors").is_file()
    assert isinstance(resource("guide-2020.txt"), Path)  # glob and the path-keyed caches need one


def test_a_missing_resource_names_its_path():
    with pytest.raises(DataError, match=r"seed_data/gazetteers/nope\.tsv: missing"):
        resource("gazetteers", "nope.tsv")
    assert resource("gazetteers", "nope.tsv", check=False) == SEED / "gazetteers" / "nope.tsv"


def test_data_not_on_disk_is_refused(monkeypatch, tmp_path):
    archive = tmp_path / "kg.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("seed_data/__init__.py", "")
    monkeypatch.setattr(seed_data, "files", lambda package: zipfile.Path(archive, "seed_data/"))
    with pytest.raises(DataError, match="not on disk"):
        resource("guide-2020.txt")


def test_an_empty_gazetteer_dir_names_the_missing_file(tmp_path, monkeypatch, fresh_gazetteer):
    monkeypatch.setenv("KG_GAZETTEER_DIR", str(tmp_path))
    with pytest.raises(RulesError, match=rf"{tmp_path}/{next(iter(GAZETTEER_FILES))}: missing \(the gazetteer"):
        load_gazetteer()


def test_a_missing_gazetteer_dir_is_named(tmp_path, monkeypatch, fresh_gazetteer):
    monkeypatch.setenv("KG_GAZETTEER_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(DataError, match=rf"{tmp_path}/nowhere: missing"):
        load_gazetteer()


def test_one_missing_gazetteer_file_is_named(tmp_path, monkeypatch, fresh_gazetteer):
    for name in GAZETTEER_FILES:
        shutil.copy(SEED / "gazetteers" / name, tmp_path / name)
    (tmp_path / "agencies.tsv").unlink()
    monkeypatch.setenv("KG_GAZETTEER_DIR", str(tmp_path))
    with pytest.raises(RulesError, match=r"agencies\.tsv: missing"):
        load_gazetteer()


def test_a_gazetteer_dir_override_is_read(tmp_path, monkeypatch, fresh_gazetteer):
    for name in GAZETTEER_FILES:
        (tmp_path / name).write_text("name\taliases\tgeneric\tnote\n", encoding="utf-8")
    (tmp_path / "societies.tsv").write_text("name\taliases\tgeneric\tnote\n测试学会\t测学\tfalse\t\n", encoding="utf-8")
    monkeypatch.setenv("KG_GAZETTEER_DIR", str(tmp_path))
    found = load_gazetteer()
    assert [e.canonical for e in found.entries] == ["测试学会"] and found.lookup("测学").label == "Society"


@pytest.mark.parametrize(("row", "reason"), [
    ("某某学会\t\tmaybe\tnote", "generic must be true or false"),
    ("\t某某\tfalse\tnote", "empty name"),
    ("某某学会\t\tfalse\tnote\textra", "got 5 columns"),
    ("某某学会", "got 1 columns"),
])
def test_a_malformed_gazetteer_row_names_its_file_and_line(tmp_path, row, reason):
    path = tmp_path / "societies.tsv"
    path.write_text(f"name\taliases\tgeneric\tnote\n中国科协\t\tfalse\t\n{row}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"{re.escape(str(path))}:3: .*{reason}"):
        gazetteer.read_tsv(path, "Society")


def test_a_gazetteer_header_is_checked(tmp_path):
    path = tmp_path / "societies.tsv"
    path.write_text("名称\taliases\tgeneric\tnote\n中国科协\t\tfalse\t\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"{path}:1: the header"):
        gazetteer.read_tsv(path, "Society")


def test_kg_extract_reports_a_missing_gazetteer_in_one_line(tmp_path):
    env = {**os.environ, "KG_GAZETTEER_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "kg.cli", "extract", "seed_data/documents/005.md"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stdout == ""
    assert f"{tmp_path}/societies.tsv: missing" in result.stderr and "Traceback" not in result.stderr


def test_the_lexicon_is_read_and_checked(tmp_path):
    terms = directions.read_lexicon(resource("lexicon", "direction_terms.tsv"))
    assert sorted(terms) == ["1", "2", "3", "4"] and terms == directions.lexicon()
    with pytest.raises(RulesError, match=rf"{tmp_path}/none\.tsv: missing \(the direction classifier"):
        directions.read_lexicon(tmp_path / "none.tsv")
    bad = tmp_path / "terms.tsv"
    bad.write_text("term\tdirection\tweight\treason\n党建\t1\t3\t\n托举\t2\tlots\tx\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"{bad}:3: weight must be a number"):
        directions.read_lexicon(bad)
    bad.write_text("term\tdirection\tweight\treason\n党建\t5\t3\t\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"{bad}:2: direction must be 1, 2, 3 or 4"):
        directions.read_lexicon(bad)


def test_a_missing_guide_or_corpus_folder_is_named(tmp_path):
    from extractors.pipeline import direction_model

    with pytest.raises(DataError, match=rf"{tmp_path}/guide\.txt: missing \(the direction model"):
        direction_model(tmp_path / "guide.txt")
    with pytest.raises(DataError, match=rf"{tmp_path}/documents: missing \(the corpus"):
        corpus.load_corpus(tmp_path / "documents")


def test_an_empty_query_folder_is_an_error(tmp_path, monkeypatch):
    from kg import queries

    monkeypatch.setattr(queries, "QUERY_DIR", tmp_path)
    queries.library.cache_clear()
    try:
        with pytest.raises(DataError, match=rf"{tmp_path}: no \.cypher files"):
            queries.library()
    finally:
        queries.library.cache_clear()

