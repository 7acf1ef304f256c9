"""Time reading the 9,244-row Cronometer servings export against plain pandas.

nutrigap's reader does more than ``pandas.read_csv``: it keeps the physical line
of every row, parses each distinct ``Amount`` string once, converts nutrient
columns to canonical units (Vitamin D IU → µg), checks dates and limits and
builds the rejected-rows table. Both are timed in the same run (best of N) and
the ratio is printed. Goal: under 1 s.

Usage: ``python benchmarks/bench_read.py [path] [repeats]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

from nutrigap.io import read_cronometer, read_diary

DEFAULT = Path(__file__).resolve().parents[2] / "shared/samples/real/cronometer-servings-large.csv"


def best(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    if not path.is_file():
        sys.exit(f"{path} not found")
    read_cronometer(path)  # warm caches and imports once
    base = best(lambda: pd.read_csv(path), repeats)
    ours = best(lambda: read_cronometer(path), repeats)
    auto = best(lambda: read_diary(path), repeats)
    d = read_cronometer(path)
    print(f"{path.name}: {len(d):,} rows, {len(d.attrs['rejected'])} rejected")
    print(f"pandas.read_csv (baseline): {base * 1000:7.1f} ms")
    print(f"read_cronometer:            {ours * 1000:7.1f} ms  ({ours / base:.1f}x baseline)")
    print(f"read_diary (auto-detect):   {auto * 1000:7.1f} ms  ({auto / base:.1f}x baseline)")
    print("goal < 1 s:", "met" if ours < 1.0 else "NOT met")


if __name__ == "__main__":
    main()
