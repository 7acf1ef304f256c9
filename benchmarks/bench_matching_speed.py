"""Time food matching against an exact pandas merge measured in the same run.

Usage::

    python benchmarks/bench_matching_speed.py [--distinct 10000] [--rows 1000000]
                                              [--diary-distinct 2000] [--repeat 3]

Two workloads, both from deterministic synthetic strings built out of the
bundled SR28 descriptions (segments reordered, lower-cased, plurals, noise words
such as "organic", quantities such as "2 cups" left in the text, a few typos):

1. ``--distinct`` distinct food strings, one row each (target: under 10 s on 2
   cores). Baseline: ``pandas.merge`` of the strings on the descriptions (an
   exact-text join: what matching costs when nothing has to be understood).
2. A ``--rows``-row diary holding ``--diary-distinct`` distinct strings, with
   quantities and units (target: under 5 s). Baseline: ``pandas.merge`` of the
   diary on a ``--diary-distinct``-row lookup table keyed by the text.

``rebuild`` includes building the food index (first use, or disk cache
disabled); ``cold`` reads the index persisted in the user cache directory, as
a new process does (measured in the same process after ``rebuild``, so the
text normalisation caches are already warm: a new process takes a little
longer); ``warm`` is every later call in the process, with texts new to the
matcher in workload 1. Both workloads match without the alias table (the cost
of understanding free text: an alias answers in a dictionary lookup). Times are the minimum over
``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np
import pandas as pd

from nutrigap.data import load_food_table
from nutrigap.foods import match_foods
from nutrigap.foods import matching as _matching

NOISE = ["organic", "fresh", "homemade", "large", "2 cups", "1/2 cup", "100 g", "a handful of"]
UNITS = [None, "g", "cup", "medium", "slice", "oz", "ml", "tbsp", "large", "serving"]


def make_strings(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct, realistic-looking food strings derived from SR28 descriptions."""
    rng = np.random.default_rng(seed)
    desc = load_food_table("sr28")["description"].to_numpy()
    out: dict[str, None] = {}
    while len(out) < n:
        segs = [s.strip() for s in str(desc[rng.integers(len(desc))]).split(",") if s.strip()]
        k = int(rng.integers(1, min(3, len(segs)) + 1))
        picked = segs[:k]
        if rng.random() < 0.5:
            picked = picked[::-1]
        text = " ".join(picked).lower()
        if rng.random() < 0.3:
            text = text + "s"
        if rng.random() < 0.3:
            text = f"{NOISE[rng.integers(len(NOISE))]} {text}"
        if rng.random() < 0.05 and len(text) > 5:
            i = int(rng.integers(1, len(text) - 1))
            text = text[:i] + text[i + 1 :]  # a typo
        if rng.random() < 0.5:
            text = text + f" {int(rng.integers(1, 999))}"  # keep strings distinct
        out.setdefault(text, None)
    return list(out)


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--distinct", type=int, default=10_000)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--diary-distinct", type=int, default=2_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    foods = load_food_table("sr28")
    lookup = pd.DataFrame({"food": foods["description"].str.lower(), "food_id": foods.index})

    # ---- 1. many distinct strings ------------------------------------------
    texts = make_strings(args.distinct, seed=1)
    diary1 = pd.DataFrame({"food": texts, "quantity": 1.0, "unit": "cup"})
    base1 = best_of(lambda: diary1.merge(lookup, on="food", how="left"), args.repeat)
    # cold, rebuilding the index (no disk cache), then cold reading the
    # persisted index (a new process after the first): per-text results are
    # cached on the index, so each cold run starts from a fresh index
    _matching.clear_index_cache()
    saved = os.environ.get("NUTRIGAP_CACHE_DIR")
    os.environ["NUTRIGAP_CACHE_DIR"] = ""
    t0 = time.perf_counter()
    m1 = match_foods(diary1, aliases={})
    rebuild1 = time.perf_counter() - t0
    if saved is None:
        del os.environ["NUTRIGAP_CACHE_DIR"]
    else:
        os.environ["NUTRIGAP_CACHE_DIR"] = saved
    _matching.clear_index_cache()
    _matching.food_index("sr28")  # writes the disk cache if absent
    _matching.clear_index_cache()
    t0 = time.perf_counter()
    m1 = match_foods(diary1, aliases={})
    cold1 = time.perf_counter() - t0
    # warm: index cached, but every text is new to the matcher (no per-text cache)
    texts_b = make_strings(args.distinct, seed=2)
    diary1b = pd.DataFrame({"food": texts_b, "quantity": 1.0, "unit": "cup"})
    warm1 = best_of(lambda: match_foods(diary1b, aliases={}), 1)
    share = (m1["status"] != "unmatched").mean()
    print(f"1. {args.distinct:,} distinct strings")
    print(f"   baseline exact merge   {base1 * 1e3:9.1f} ms")
    print(f"   match_foods rebuild    {rebuild1 * 1e3:9.1f} ms   ratio {rebuild1 / base1:8.0f}x")
    print(f"   match_foods cold       {cold1 * 1e3:9.1f} ms   ratio {cold1 / base1:8.0f}x")
    print(f"   match_foods warm       {warm1 * 1e3:9.1f} ms   ratio {warm1 / base1:8.0f}x")
    worst = max(rebuild1, cold1, warm1)
    print(f"   target < 10 s: {'ok' if worst < 10 else 'MISSED'}; matched {share:.0%}")

    # ---- 2. a big diary with few distinct strings ---------------------------
    rng = np.random.default_rng(3)
    pool = np.array(make_strings(args.diary_distinct, seed=4), dtype=object)
    diary2 = pd.DataFrame(
        {
            "food": pool[rng.integers(len(pool), size=args.rows)],
            "quantity": rng.uniform(0.25, 4, size=args.rows).round(2),
            "unit": np.array(UNITS, dtype=object)[rng.integers(len(UNITS), size=args.rows)],
        }
    )
    lookup2 = pd.DataFrame({"food": pool, "food_id": np.arange(len(pool)).astype(str)})
    base2 = best_of(lambda: diary2.merge(lookup2, on="food", how="left"), args.repeat)
    _matching.clear_index_cache()
    t0 = time.perf_counter()
    m2 = match_foods(diary2, aliases={})
    cold2 = time.perf_counter() - t0
    # warm: the same diary again (index and per-text results cached)
    warm2 = best_of(lambda: match_foods(diary2, aliases={}), args.repeat)
    assert len(m2) == len(diary2)
    print(f"2. {args.rows:,} rows, {args.diary_distinct:,} distinct strings")
    print(f"   baseline exact merge   {base2 * 1e3:9.1f} ms")
    print(f"   match_foods cold       {cold2 * 1e3:9.1f} ms   ratio {cold2 / base2:8.1f}x")
    print(f"   match_foods warm       {warm2 * 1e3:9.1f} ms   ratio {warm2 / base2:8.1f}x")
    print(f"   target < 5 s: {'ok' if cold2 < 5 else 'MISSED'}")
    counts = m2["status"].value_counts().to_dict()
    print(f"   statuses: {counts}")


if __name__ == "__main__":
    main()
