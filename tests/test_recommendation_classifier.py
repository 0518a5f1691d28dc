"""The recommendation classifier: trained by the script in the repo, deterministically, never on
the test part of the gold, and shipped as the script makes it."""
from __future__ import annotations

import json

import pytest

from extractors import recommendation_training as training
from extractors.evaluate import read_split
from extractors.recommendations import CLASSIFIER_TRIGGER, classifier, cue_features


@pytest.fixture(scope="module")
def data():
    return training.training_data()


def test_no_test_document_is_in_the_training_data(data):
    test_ids = {doc for doc, split in read_split(training.GOLD).items() if split == "test"}
    assert test_ids, "the gold has a test part"
    groups = {d.group for d in data}
    assert not {g for g in groups if g.startswith("gold/") and g.split("/", 1)[1] in test_ids}
    assert {g for g in groups if g.startswith("seed/")}, "the hand-labelled seed sentences are used"


def test_the_shipped_model_is_the_one_the_script_trains(data):
    retrained = training.train(data)
    sentences = [d.sentence for d in data[::25]]
    shipped = [doc.cats["REC"] for doc in classifier().pipe(cue_features(s) for s in sentences)]
    again = [doc.cats["REC"] for doc in retrained.pipe(cue_features(s) for s in sentences)]
    assert shipped == pytest.approx(again, abs=1e-6), "run scripts/train_recommendations.py and commit the model"


def test_labels_file_rejects_a_bad_label(tmp_path):
    bad = tmp_path / "sentences.jsonl"
    bad.write_text(json.dumps({"doc": "x", "start": 0, "end": 9, "label": 2, "why": "", "text": "要加强学会党建工作。"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sentences.jsonl:1: label must be 0 or 1"):
        training.from_labels(tmp_path)


def test_the_classifier_decides_and_the_trigger_says_why(seed_facts):
    """The classifier is not a copy of the cue rules: on the seed corpus it keeps some sentences the
    rules reject and drops some they accept; every trigger is a cue word of the sentence or the
    classifier's mark."""
    from extractors.recommendations import candidate, rule_trigger

    kept_without_cue = dropped_with_cue = 0
    for facts in seed_facts:
        text = facts.document.text
        found = {(r.start, r.end): r for r in facts.recommendations}
        for p in facts.passages:
            c = candidate(text, p.start, p.end)
            if c is None:
                continue
            rec = found.get((c.start, c.end))
            by_rules = rule_trigger(c.sentence) is not None
            kept_without_cue += bool(rec) and not by_rules
            dropped_with_cue += by_rules and not rec
            if rec is not None:
                assert rec.trigger == CLASSIFIER_TRIGGER or rec.trigger in c.sentence
    assert kept_without_cue > 0 and dropped_with_cue > 0
