"""Experiment (issue 9): a small trained spaCy `ner` component against the rules, on the gold's test split.

    .venv/bin/python scripts/experiment_ner.py [--epochs 12] [--no-silver]

Trains a character-level `ner` (spaCy blank `zh`, its default tok2vec) on the sentences of the dev
gold (hand labels) and, unless --no-silver, of the seed documents no gold file covers, labelled by the
rules (silver). Then scores mention F1 on the test split — the model, the rules, and the rules plus
the model's names the rules do not overlap — by the scorer of `kg eval` (exact span and type).
Nothing here is shipped: it reports a measurement (see README, "Extraction"). Deterministic (fixed
seed, fixed order). The test split is only scored, never trained or tuned on.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.evaluate import _raw_for, gold_files  # noqa: E402
from extractors.passages import split_passages  # noqa: E402
from extractors.pipeline import extract, to_document  # noqa: E402


def sentences_with_spans(text: str, doc_id: str, spans: list[tuple[int, int, str]]):
    """(sentence text, [(start, end, label)] relative to it) for each sentence of the text."""
    for p in split_passages(doc_id, text):
        inside = [(s - p.start, e - p.start, label) for s, e, label in spans if s >= p.start and e <= p.end]
        yield text[p.start:p.end], inside


def gold_examples(split: str):
    out = []
    for path in gold_files(ROOT / "tests" / "gold", split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        spans = [(m["start"], m["end"], m["type"]) for m in gold["mentions"]]
        out += list(sentences_with_spans(gold["text"], gold["doc"]["id"], spans))
    return out


def silver_examples():
    from extractors.documents import read_document

    covered = {p.stem for p in (ROOT / "tests" / "gold").glob("*.json")}
    out = []
    for path in sorted((ROOT / "seed_data" / "documents").glob("*.md")):
        if path.stem in covered:
            continue
        facts = extract(read_document(path))
        spans = [(m.start, m.end, m.type) for m in facts.mentions if m.source != "inner"]
        out += list(sentences_with_spans(facts.document.text, facts.document.id, spans))
    return out


def train(examples, epochs: int):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(0)
    nlp = spacy.blank("zh")
    ner = nlp.add_pipe("ner")
    data = []
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents, taken = [], set()
        for s, e, label in sorted(spans):
            if taken & set(range(s, e)):
                continue
            span = doc.char_span(s, e, label=label)
            if span is not None:
                ents.append((s, e, label))
                taken |= set(range(s, e))
                ner.add_label(label)
        data.append(Example.from_dict(doc, {"entities": ents}))
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(0)
    for epoch in range(epochs):
        order.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}", flush=True)
    return nlp


def f1(pred: set, gold: set) -> dict[str, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--epochs", type=int, default=12)
    args.add_argument("--no-silver", action="store_true")
    opts = args.parse_args(argv)
    examples = gold_examples("dev") + ([] if opts.no_silver else silver_examples())
    print(f"{len(examples)} training sentences, {sum(len(s) for _, s in examples)} spans")
    nlp = train(examples, opts.epochs)
    gold_set, model_set, rules_set, union_set = set(), set(), set(), set()
    for path in gold_files(ROOT / "tests" / "gold", "test"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_id = gold["doc"]["id"]
        gold_set |= {(doc_id, m["start"], m["end"], m["type"]) for m in gold["mentions"]}
        facts = extract(_raw_for(gold, ROOT))
        rules = {(doc_id, m.start, m.end, m.type) for m in facts.mentions if m.source != "inner"}
        model = set()
        for p in split_passages(to_document(_raw_for(gold, ROOT)).id, gold["text"]):
            for ent in nlp(gold["text"][p.start:p.end]).ents:
                model.add((doc_id, p.start + ent.start_char, p.start + ent.end_char, ent.label_))
        rules_set |= rules
        model_set |= model
        taken = {(d, i) for d, s, e, _ in rules for i in range(s, e)}
        union_set |= rules | {m for m in model if not any((m[0], i) in taken for i in range(m[1], m[2]))}
    print(json.dumps({"test split, mention F1 (exact span and type)": {
        "rules": f1(rules_set, gold_set), "model": f1(model_set, gold_set),
        "rules + the model's names the rules do not overlap": f1(union_set, gold_set)}}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
