"""The food index's fast paths give what the plain ones gave (issue 5: matching speed)."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz, process

from nutrigap.data import load_food_table
from nutrigap.foods import matching
from nutrigap.foods.matching import FoodIndex, _count_in, _postings


@pytest.fixture(scope="module")
def index() -> FoodIndex:
    # SR28 and FNDDS rows, so that FNDDS synonyms and brands in parentheses are in
    both = load_food_table("both")
    table = pd.concat(
        [both[both["source"] == "sr28"].head(1500), both[both["source"] == "fndds"].head(1500)]
    )
    return FoodIndex.from_table(table)


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return a == b


def test_pickled_index_reads_back_equal(index):
    # the persisted index packs its position dicts and per-name word sets
    again = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert set(again.__dict__) == set(index.__dict__)
    for name, value in index.__dict__.items():
        assert _same(value, again.__dict__[name]), name
    assert again.brand_tokens and any(again.brand_tokens)


def test_postings_are_sorted_positions_in_order_of_first_appearance():
    rows = [{"b", "a"}, set(), ("c",), {"a"}, ["c", "b"]]
    got = _postings(rows)
    want: dict[str, list[int]] = {}
    for j, words in enumerate(rows):
        for t in words:
            want.setdefault(t, []).append(j)
    assert list(got) == list(want)
    assert {t: v.tolist() for t, v in got.items()} == want
    assert all(v.dtype == np.int64 for v in got.values())
    assert _postings([]) == {} and _postings([set(), ()]) == {}


def test_counts_on_candidates_match_a_search_among_them():
    rng = np.random.default_rng(5)
    for _ in range(50):
        cands = np.unique(rng.integers(0, 400, size=rng.integers(1, 60)))
        positions = rng.integers(0, 450, size=rng.integers(0, 200))
        weights = rng.choice([1.0, 1001.0, 1e4, 1e6, 1e8, 1e10], size=len(positions))
        idx = np.searchsorted(cands, positions)
        idx[idx == len(cands)] = 0
        hit = cands[idx] == positions
        for w in (None, weights):
            want = np.bincount(
                idx[hit], None if w is None else w[hit], minlength=len(cands)
            ).astype(np.float64)
            assert np.array_equal(_count_in(cands, positions, w), want)


def test_union_and_membership_match_numpy(index):
    rng = np.random.default_rng(7)
    words = list(index.postings)
    for _ in range(50):
        posts = [index.postings[t] for t in rng.choice(words, size=rng.integers(1, 5))]
        cands = index._union(posts)
        assert np.array_equal(cands, np.unique(np.concatenate(posts)))
        names = posts[0]
        assert np.array_equal(index._member(names, cands), np.isin(cands, names))


def test_typo_correction_looks_at_the_words_it_could_reach(index):
    # the vocabulary is narrowed by length; the best match is the same
    probes = set()
    for w in index.vocab[::7]:
        if len(w) >= 4:
            probes |= {w[:2] + w[3:], w[:3] + w[2:], w + "s", w[:1] + w[2] + w[1] + w[3:]}
    probes -= set(index.postings)
    assert len(probes) > 500
    for token in sorted(probes):
        cutoff = 85 if len(token) >= 8 else 88
        full = process.extractOne(token, index.vocab, scorer=fuzz.ratio, score_cutoff=cutoff)
        near = process.extractOne(
            token, index._vocab_near(len(token), cutoff), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        assert (full and full[:2]) == (near and near[:2]), token


def test_gc_is_restored_after_a_build(index):
    import gc

    assert gc.isenabled()
    gc.disable()
    try:
        matching.FoodIndex.from_table(load_food_table("sr28").head(50))
        assert not gc.isenabled()
    finally:
        gc.enable()
    matching.FoodIndex.from_table(load_food_table("sr28").head(50))
    assert gc.isenabled()
