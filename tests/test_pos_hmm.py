"""The part-of-speech HMM on arrays (`extractors.pos_hmm`) finds jieba's own path: the same states, the same
probability, the same choice between equals, and so the same words and tags from the shared tagger."""
from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path

from jieba import posseg
from jieba.posseg.viterbi import viterbi

from extractors.pos_hmm import ArrayPOSTokenizer, PosHmm, pos_hmm
from extractors.segment import pos_tokenizer

GOLD = Path(__file__).resolve().parent / "gold"


def gold_runs(count: int, seed: int) -> list[str]:
    """Runs of one to eight Chinese characters of the gold texts: what the tagger's HMM step is given."""
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(GOLD.glob("*.json"))[::40]]
    runs = sorted({r for t in texts for r in re.findall("[\u4e00-\u9fff]{1,8}", t)})
    return random.Random(seed).sample(runs, count)


def test_the_path_and_its_probability_are_jiebas_on_real_text():
    model = pos_hmm()
    for run in gold_runs(400, seed=11) + ["𠀀", "ABC", "中国科协"]:
        assert model.viterbi(run) == viterbi(run, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P,
                                             posseg.emit_P), run


def test_equal_paths_are_decided_as_jieba_decides_them():
    """A toy model in which every path has the same probability: jieba's `max` over (probability, state) keeps the
    greatest state at every step, and so must the arrays."""
    states = [("B", "x"), ("E", "x"), ("S", "x"), ("S", "y"), ("S", "z")]
    trans = {s: {t: -1.0 for t in states} for s in states}
    start = {s: -1.0 for s in states}
    emit = {s: {} for s in states}  # every character unknown in every state: MIN_FLOAT
    model = PosHmm({}, start, trans, emit)
    for obs in ("甲", "甲乙", "甲乙丙丁"):
        assert model.viterbi(obs) == viterbi(obs, {}, start, trans, emit)
    trans[("S", "z")] = {}  # a state with no way on is never a predecessor
    model = PosHmm({"乙": [("S", "x"), ("S", "z")]}, start, trans, emit)
    for obs in ("甲乙", "乙乙", "甲乙丙"):
        assert model.viterbi(obs) == viterbi(obs, {"乙": [("S", "x"), ("S", "z")]}, start, trans, emit)


def test_the_shared_tagger_cuts_and_tags_as_jiebas_own_step_does():
    tagger = pos_tokenizer()
    assert isinstance(tagger, ArrayPOSTokenizer)
    windows = [w[:16] for w in gold_runs(300, seed=5)] + ["中国计算机学会党委书记王某某在会上讲话", "江西省植物学会"]
    arrays = [[(w.word, w.flag) for w in tagger.cut(x)] for x in windows]
    original = ArrayPOSTokenizer._POSTokenizer__cut
    try:
        ArrayPOSTokenizer._POSTokenizer__cut = posseg.POSTokenizer._POSTokenizer__cut  # jieba's own HMM step
        assert arrays == [[(w.word, w.flag) for w in tagger.cut(x)] for x in windows]
    finally:
        ArrayPOSTokenizer._POSTokenizer__cut = original
    assert any(len(words) > 1 for words in arrays) and len(set(itertools.chain(*arrays))) > 100


def test_every_cache_keyed_by_text_is_emptied_by_forget_texts_and_answers_the_same_after():
    """The benchmark reads its corpus twice; the caches keyed by text would make the second pass a memory test."""
    from extractors.pos_hmm import hmm_route
    from extractors.shadow import to_simplified
    from extractors.shapes import window_words
    from extractors.text_caches import forget_texts

    calls = [(window_words, "省科协学会学术部部长"), (hmm_route, "贺军科"), (to_simplified, "學會黨建")]
    before = [f(x) for f, x in calls]
    assert all(f.cache_info().currsize > 0 for f, _ in calls)
    forget_texts()
    assert [f.cache_info().currsize for f, _ in calls] == [0, 0, 0]
    assert [f(x) for f, x in calls] == before
