"""`kg eval GOLD_DIR`: precision, recall and F1 of the extractors against hand-annotated gold files
(format: docs/ANNOTATION.md).

Matching:
* mentions — exact (type, start, end);
* relations — (type, head, tail) per document, surface texts compared in simplified script
  (CITES by its tail only: its head is the document);
* recommendations — one-to-one by character overlap (IoU ≥ 0.5), so a bullet mark or a closing
  mark more or less does not count as a miss;
* directions — per document, (document, direction) pairs; and per matched recommendation;
* indicators — per matched recommendation.

`split.tsv` in the gold folder puts each file in `dev` (rules may be tuned on it) or `test` (never
looked at while tuning); `--leave-names-out` removes every name the scored gold documents mark from
the gazetteers before extracting, so a score cannot come from memory.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.documents import RawDocument, ReadError, read_document
from extractors.gazetteer import Gazetteer, load_gazetteer
from extractors.metadata import DocumentMetadata
from extractors.pipeline import extract
from extractors.segment import names_unknown
from extractors.shadow import to_simplified
from schema.model import Facts


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    documents: int = 0
    mentions: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    recommendations: Score = field(default_factory=Score)
    directions: Score = field(default_factory=Score)
    recommendation_directions: Score = field(default_factory=Score)
    indicators: Score = field(default_factory=Score)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def total(scores: dict[str, Score]) -> Score:
        s = Score()
        for v in scores.values():
            s.tp, s.fp, s.fn = s.tp + v.tp, s.fp + v.fp, s.fn + v.fn
        return s

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "mentions": {"all": self.total(self.mentions).as_dict(),
                         **{k: v.as_dict() for k, v in sorted(self.mentions.items())}},
            "relations": {"all": self.total(self.relations).as_dict(),
                          **{k: v.as_dict() for k, v in sorted(self.relations.items())}},
            "recommendations": self.recommendations.as_dict(),
            "directions": self.directions.as_dict(),
            "recommendation_directions": self.recommendation_directions.as_dict(),
            "indicators": self.indicators.as_dict(),
        }


def _raw_for(gold: dict[str, Any], base: Path) -> RawDocument:
    """The gold document as the pipeline reads it; the gold text wins if the file differs."""
    path = Path(gold["doc"].get("path", ""))
    for candidate in (path, base / path):
        if candidate.is_file():
            try:
                raw = read_document(candidate)
            except ReadError:
                break
            if raw.text == gold["text"]:
                return raw
    text = gold["text"]
    return RawDocument(path=str(path), text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                       metadata=DocumentMetadata(id=gold["doc"].get("id"), title=gold["doc"].get("title") or ""), warnings=())


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _norm(text: str) -> str:
    return to_simplified(text).strip()


def score_document(report: Report, facts: Facts, gold: dict[str, Any]) -> None:
    doc_id = gold["doc"].get("id", facts.document.id)
    report.documents += 1
    predicted = [m for m in facts.mentions if m.source != "inner"]
    for label in {m.type for m in predicted} | {m["type"] for m in gold["mentions"]}:
        report.mentions[label].add({(m.start, m.end) for m in predicted if m.type == label},
                                   {(m["start"], m["end"]) for m in gold["mentions"] if m["type"] == label})
        for m in predicted:
            if m.type == label and not any(g["start"] == m.start and g["end"] == m.end and g["type"] == label
                                           for g in gold["mentions"]):
                report.errors.append({"doc": doc_id, "kind": "mention-fp", "type": label, "text": m.text,
                                      "start": m.start})
        for g in gold["mentions"]:
            if g["type"] == label and not any(m.start == g["start"] and m.end == g["end"] and m.type == label
                                              for m in predicted):
                report.errors.append({"doc": doc_id, "kind": "mention-fn", "type": label, "text": g["text"],
                                      "start": g["start"]})

    def rel_key(rtype: str, head: str, tail: str) -> tuple[str, str, str]:
        return (rtype, "" if rtype == "CITES" else _norm(head), _norm(tail))

    extracted = [r for r in facts.relations if r.type not in ("HAS_CONTENT", "HAS_INDICATOR")]
    # the names of each entity in each sentence: a relation between two entities is found by any of
    # their names in its sentence (《…指导意见》（简称《意见》）: one ISSUED, which the gold writes for each name)
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in facts.mentions:
        names[(m.entity_id, m.passage_id)].add(m.text)

    def keys(r) -> set[tuple[str, str, str]]:
        heads = names.get((r.head_id, r.evidence.passage_id), set()) | {r.head}
        tails = names.get((r.tail_id, r.evidence.passage_id), set()) | {r.tail}
        return {rel_key(r.type, h, t) for h in heads for t in tails}

    for rtype in {r.type for r in extracted} | {r["type"] for r in gold["relations"]}:
        g = {rel_key(r["type"], r["head"], r["tail"]) for r in gold["relations"] if r["type"] == rtype}
        # a predicted relation counts once: as the gold key it matches, else as its own names
        p = set()
        for r in extracted:
            if r.type == rtype:
                ks = keys(r)
                p |= (ks & g) or {rel_key(r.type, r.head, r.tail)}
        g = {rel_key(r["type"], r["head"], r["tail"]) for r in gold["relations"] if r["type"] == rtype}
        report.relations[rtype].add(p, g)
        report.errors += [{"doc": doc_id, "kind": "relation-fp", "key": k} for k in sorted(p - g)]
        report.errors += [{"doc": doc_id, "kind": "relation-fn", "key": k} for k in sorted(g - p)]

    gold_recs = gold["recommendations"]
    used: set[int] = set()
    for rec in facts.recommendations:
        best, best_iou = None, 0.0
        for i, g in enumerate(gold_recs):
            if i not in used and (iou := _iou((rec.start, rec.end), (g["start"], g["end"]))) > best_iou:
                best, best_iou = i, iou
        if best is not None and best_iou >= 0.5:
            used.add(best)
            report.recommendations.tp += 1
            g = gold_recs[best]
            report.recommendation_directions.add({(rec.id, d) for d in rec.directions},
                                                 {(rec.id, d) for d in g["directions"]})
            report.indicators.add({(rec.id, i) for i in rec.indicators}, {(rec.id, i) for i in g["indicators"]})
        else:
            report.recommendations.fp += 1
            report.errors.append({"doc": doc_id, "kind": "recommendation-fp", "text": rec.text, "start": rec.start})
    for i, g in enumerate(gold_recs):
        if i not in used:
            report.recommendations.fn += 1
            report.errors.append({"doc": doc_id, "kind": "recommendation-fn", "text": g["text"], "start": g["start"]})
    report.directions.add({(doc_id, d) for d in facts.document.directions},
                          {(doc_id, d) for d in gold["doc"].get("directions", [])})


SPLITS = ("dev", "test")


def read_split(gold_dir: Path) -> dict[str, str]:
    """`{doc id: "dev" | "test"}` from `split.tsv` in the gold folder (empty when there is none).
    dev is what the rules may be tuned on; test is never looked at while tuning."""
    path = Path(gold_dir) / "split.tsv"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in SPLITS:
            raise ValueError(f"{path}:{number}: expected 'id<TAB>dev|test', got {line!r}")
        out[parts[0]] = parts[1]
    return out


def gold_files(gold_dir: Path, split: str | None = None) -> list[Path]:
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise ValueError(f"{gold_dir}: no gold .json files")
    if split is None:
        return files
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: one of {', '.join(SPLITS)}")
    splits = read_split(gold_dir)
    missing = [p.stem for p in files if p.stem not in splits]
    if missing:
        raise ValueError(f"{gold_dir}/split.tsv does not place {', '.join(missing)}")
    return [p for p in files if splits[p.stem] == split]


def names_left_out(golds: list[dict[str, Any]]) -> set[str]:
    """Every name the gold documents mark (generic kinds such as 全国学会 or 党委 are vocabulary,
    not names, and stay), in simplified script."""
    return {to_simplified(m["text"]).strip() for g in golds for m in g["mentions"] if not m.get("generic")}


def gazetteer_without(names: set[str]) -> Gazetteer:
    """The project's gazetteer minus every entry any of whose names (canonical or alias) is in `names`."""
    entries = [e for e in load_gazetteer().entries
               if to_simplified(e.canonical) not in names and not any(to_simplified(a) in names for a in e.aliases)]
    return Gazetteer(entries)


def evaluate(gold_dir: Path, split: str | None = None, leave_names_out: bool = False) -> Report:
    """Score the extractors on the gold files (of one split). With `leave_names_out`, every name
    the gold documents mark is first removed from the gazetteers, so what is found is found by shape
    and context, not remembered."""
    report = Report()
    golds = [(path, json.loads(path.read_text(encoding="utf-8"))) for path in gold_files(gold_dir, split)]
    names = names_left_out([g for _, g in golds]) if leave_names_out else set()
    gazetteer = gazetteer_without(names) if leave_names_out else None
    with names_unknown(names):  # the segmenter's dictionary forgets them too
        for path, gold in golds:
            facts = extract(_raw_for(gold, Path.cwd()), gazetteer=gazetteer)
            if facts.document.text != gold["text"]:
                raise ValueError(f"{path}: the gold text differs from the extracted document's text")
            score_document(report, facts, gold)
    return report
