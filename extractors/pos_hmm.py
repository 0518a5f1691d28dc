"""jieba's part-of-speech HMM for words its dictionary lacks, computed with numpy: the same path, faster.

On real text half of extraction's time was jieba's part-of-speech tagger (docs/PERFORMANCE.md), and most of that was
one function: the Viterbi search (`jieba.posseg.viterbi.viterbi`, jieba 0.42.1) that tags a run of characters the
dictionary does not know (a person's or a place's name, an unknown organisation), over 256 states (B/M/E/S × part of
speech), one Python tuple comparison per pair of states per character. `PosHmm.viterbi` runs the same search on arrays:
the same sums in the same order, so the same probabilities bit for bit, and the same tie-breaking (jieba's `max` over
(probability, state) keeps the greatest state among equals; here the states are ordered from the greatest and
`argmax` keeps the first). `tests/test_pos_hmm.py` compares both on every run of unknown characters of the gold texts.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

import numpy as np
from jieba import posseg
from jieba.posseg.viterbi import MIN_FLOAT, MIN_INF

from extractors.text_caches import text_cache

State = tuple[str, str]  # (B, M, E or S; a part of speech)


class PosHmm:
    """The model of `jieba.posseg` (start, transition and emission log probabilities, the states each character may
    take) as arrays, and its Viterbi search."""

    def __init__(self, char_states: Mapping[str, Sequence[State]], start: Mapping[State, float],
                 trans: Mapping[State, Mapping[State, float]], emit: Mapping[State, Mapping[str, float]]):
        self.states: list[State] = sorted(trans)  # index order = state order: the greatest state last
        index = {s: i for i, s in enumerate(self.states)}
        size = len(self.states)
        self.trans = np.full((size, size), MIN_INF)
        self.follows = np.zeros((size, size), dtype=bool)  # the states a state has a transition to
        for x, targets in trans.items():
            for y, p in targets.items():
                self.trans[index[x], index[y]] = p
                self.follows[index[x], index[y]] = True
        self.has_next = self.follows.any(axis=1)
        self.start = np.array([start.get(s, np.nan) for s in self.states])
        self._char_states, self._emit, self._index = char_states, emit, index
        self.every_state = np.ones(size, dtype=bool)
        self.character = lru_cache(maxsize=16_384)(self._character)  # bounded: one entry per character seen

    def _character(self, char: str) -> tuple[np.ndarray, np.ndarray]:
        """The states `char` may take (all, when the model does not list it) and its emission log probability in
        each state (MIN_FLOAT where none)."""
        listed = self._char_states.get(char)
        if listed is None:
            allowed = self.every_state
        else:
            allowed = np.zeros(len(self.states), dtype=bool)
            allowed[[self._index[s] for s in listed]] = True
        return allowed, np.array([self._emit[s].get(char, MIN_FLOAT) for s in self.states])

    def viterbi(self, obs: str) -> tuple[float, list[State]]:
        """The most probable states of the characters of `obs` and the path's log probability: what
        `jieba.posseg.viterbi.viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P)` returns."""
        allowed, emit = self.character(obs[0])
        keys = np.flatnonzero(allowed)
        values = self.start[keys] + emit[keys]
        back: list[tuple[np.ndarray, np.ndarray]] = []  # per later character: its states, each one's predecessor
        for char in obs[1:]:
            going = self.has_next[keys]
            prev, prev_values = keys[going][::-1], values[going][::-1]  # the greatest state first
            expected = self.follows[prev].any(axis=0)
            allowed, emit = self.character(char)
            states = allowed & expected
            if not states.any():
                states = expected if expected.any() else self.every_state
            ys = np.flatnonzero(states)
            scores = (prev_values[:, None] + self.trans[np.ix_(prev, ys)]) + emit[ys][None, :]
            best = np.argmax(scores, axis=0)  # jieba: max((score, state)); the first of equals is the greatest
            values = scores[best, np.arange(len(ys))]
            back.append((ys, prev[best]))
            keys = ys
        order = np.argsort(keys)[::-1]
        last = order[int(np.argmax(values[order]))]
        state, prob = int(keys[last]), float(values[last])
        route = [0] * len(obs)
        for i in range(len(obs) - 1, 0, -1):
            route[i] = state
            ys, predecessor = back[i - 1]
            state = int(predecessor[int(np.searchsorted(ys, state))])
        route[0] = state
        return prob, [self.states[s] for s in route]


@cache
def pos_hmm() -> PosHmm:
    """jieba's own model, as arrays (read once)."""
    return PosHmm(posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)


@text_cache(maxsize=16_384)  # bounded; the windows the name finder cuts overlap: 59 % of the runs on real text recur
def hmm_route(sentence: str) -> tuple[tuple[str, str], ...]:
    """The HMM's states for a run of characters the dictionary lacks (jieba's model alone: no user word moves it)."""
    return tuple(pos_hmm().viterbi(sentence)[1])


class ArrayPOSTokenizer(posseg.POSTokenizer):
    """jieba's `POSTokenizer` with its HMM step (`__cut`, jieba 0.42.1) on `PosHmm.viterbi`: the same words and tags
    (tests/test_pos_hmm.py)."""

    def _POSTokenizer__cut(self, sentence: str):  # jieba's private `__cut`, which `__cut_detail` calls
        route = hmm_route(sentence)
        begin = after = 0
        for i, (mark, flag) in enumerate(route):
            if mark == "B":
                begin = i
            elif mark in ("E", "S"):
                start = begin if mark == "E" else i
                yield posseg.pair(sentence[start:i + 1], flag)
                after = i + 1
        if after < len(sentence):
            yield posseg.pair(sentence[after:], route[after][1])
