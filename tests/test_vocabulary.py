"""One vocabulary (schema/vocabulary.py): every layer derives its types from the table, the model
enforces relationship signatures, and a new entity type is one row plus its data."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from pydantic import ValidationError

from extractors.rules import RulesError, read_relation_triggers
from schema import vocabulary
from schema.model import Evidence, Relation
from tests.conftest import ROOT, SEED


def test_every_layer_names_every_type_from_the_table():
    from dashboards import graphview, i18n
    from extractors.gazetteer import GAZETTEER_FILES
    from kg.check import EVIDENCED_TYPES
    from schema.constraints import UNIQUE_ID_LABELS
    from schema.ids import make_id

    for node in vocabulary.NODE_TYPES:
        assert i18n.label_name(node.name, "zh") == node.zh and i18n.label_name(node.name, "en") == node.en
        assert graphview.colour(node.name) == node.colour != graphview.OTHER_COLOUR
        assert node.name in UNIQUE_ID_LABELS
        if node.kind == "entity":
            assert make_id(node.name, "名").startswith(node.prefix + "-")
    for rel in vocabulary.RELATIONSHIP_TYPES:
        assert i18n.rel_name(rel.name, "zh") == rel.zh
    assert set(EVIDENCED_TYPES) == {r.name for r in vocabulary.RELATIONSHIP_TYPES if r.evidenced}
    assert {label for label in GAZETTEER_FILES.values()} == {n.name for n in vocabulary.NODE_TYPES if n.gazetteer}
    for filename in GAZETTEER_FILES:
        assert (SEED / "gazetteers" / filename).is_file(), filename


def _relation(rtype: str, head_label: str, tail_label: str) -> Relation:
    return Relation(type=rtype, head_id="h", tail_id="t", head_label=head_label, tail_label=tail_label,
                    head="甲", tail="乙", evidence=Evidence(start=0, end=2, passage_id="p", extractor="test",
                                                           confidence=0.9))


def test_the_model_enforces_relationship_signatures():
    assert _relation("UNDERTAKES", "Society", "GovernmentFunction").type == "UNDERTAKES"
    with pytest.raises(ValidationError, match="UNDERTAKES joins Society to GovernmentFunction"):
        _relation("UNDERTAKES", "Agency", "GovernmentFunction")
    with pytest.raises(ValidationError):
        _relation("MENTIONS", "Society", "Society")  # not a fact stated in a passage


def test_a_relation_trigger_outside_its_signature_fails_at_load_with_file_and_line(tmp_path):
    rules = tmp_path / "relation_triggers.tsv"
    rules.write_text("type\theads\ttails\torder\tmax_gap\tconfidence\ttriggers\n"
                     "RUNS\tSociety\tTalentProgram\thead_first\t20\t0.8\t设立\n"
                     "RUNS\tSociety\tGovernmentFunction\thead_first\t20\t0.8\t设立\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"relation_triggers.tsv.*3.*RUNS joins Society\|Agency to TalentProgram"):
        read_relation_triggers(rules)


NEW_ROW = 'NodeType("Award", "award", "奖项", "Award", "#123456", "entity", "awards.tsv"),\n'
PROBE = r"""
import json, sys
from pathlib import Path
from dashboards import graphview, i18n
from kg.check import run_checks
from kg.ingest import ingest
from kg.stores.embedded import EmbeddedStore

store = EmbeddedStore(Path(sys.argv[1]) / "graph.kgl", writer=True)
report = ingest(store, [sys.argv[2]])
rows = store.read("MATCH (e:Award)<-[:MENTIONS]-(p:Passage) RETURN DISTINCT e.id AS id, e.name AS name")
failed = [c.name for c in run_checks(store) if not c.ok and not getattr(c, "report_only", False)]
print(json.dumps({"rejected": report.rejected, "rows": rows, "failed": failed, "zh": i18n.label_name("Award", "zh"),
                  "colour": graphview.colour("Award")}, ensure_ascii=False))
"""


def test_a_new_entity_type_is_one_row_plus_its_gazetteer(tmp_path):
    """The change a new type needs, made for real: one row in a copy of schema/vocabulary.py and a
    gazetteer file; extraction, ids, the store, kg check and the dashboard's names and colours follow."""
    overlay = tmp_path / "overlay"
    shutil.copytree(ROOT / "schema", overlay / "schema", ignore=shutil.ignore_patterns("__pycache__"))
    source = (overlay / "schema" / "vocabulary.py").read_text(encoding="utf-8")
    anchor = 'NodeType("Policy", '
    assert source.count(anchor) == 1
    (overlay / "schema" / "vocabulary.py").write_text(source.replace(anchor, NEW_ROW + "    " + anchor),
                                                       encoding="utf-8")
    gazetteers = tmp_path / "gazetteers"
    shutil.copytree(SEED / "gazetteers", gazetteers)
    (gazetteers / "awards.tsv").write_text("name\taliases\tgeneric\tnote\n青藤之星\t\tfalse\ttest row\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "award.md").write_text("# 青藤之星评选\n\n2024年，中国科学技术协会设立青藤之星，表彰青年科技工作者。\n",
                                   encoding="utf-8")
    (tmp_path / "data").mkdir()
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(overlay), str(ROOT)]),
                        "KG_GAZETTEER_DIR": str(gazetteers), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "data"), str(docs / "award.md")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["rejected"] == []
    assert [r["name"] for r in result["rows"]] == ["青藤之星"]
    assert result["rows"][0]["id"].startswith("award-")
    assert result["failed"] == []
    assert (result["zh"], result["colour"]) == ("奖项", "#123456")
