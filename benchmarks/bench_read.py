"""Time the diary readers against plain ``pandas.read_csv`` of the same files.

nutrigap's readers do more than ``pandas.read_csv``: they keep the physical
line of every row, parse each distinct amount/date/unit string once, convert
nutrient columns to canonical units, check dates and limits and build the
rejected-rows table. Every case is timed against ``pandas.read_csv`` in the
same run (best of N) and the ratio is printed.

Cases
    * a 1,000,000-row generic CSV (person, date, meal, food, amount; ~2,000
      distinct foods), as made by ``benchmarks/_generate.py`` — goal: within
      ~1.5x ``pandas.read_csv``;
    * a 100-row generic CSV (one person's diary), timed over many reads —
      goal: a few milliseconds per file;
    * the 9,244-row real Cronometer servings export (skipped when
      ``/work/shared`` is absent) — goal: under 1 s.

Usage: ``python benchmarks/bench_read.py [--rows N] [--repeats R]``.

Figures on 2 shared cores (Python 3.11, pandas 3.1), read_diary:

======================  ==========  ==========  ========================
case                    before      after       pandas.read_csv
======================  ==========  ==========  ========================
1,000,000-row CSV       3.5-4.4 s   ~0.75 s     ~0.42 s (before 7x, now ~1.8x)
100-row CSV, per file   18-30 ms    ~1.3 ms     ~0.8 ms
======================  ==========  ==========  ========================
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nutrigap.io import read_cronometer, read_diary  # noqa: E402

CRONOMETER = (
    Path(__file__).resolve().parents[2] / "shared/samples/real/cronometer-servings-large.csv"
)


def best(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def row(label: str, ours: float, base: float, unit: str = "ms") -> None:
    scale = 1000.0
    print(f"  {label:28s} {ours * scale:9.2f} {unit}  ({ours / base:.2f}x pandas.read_csv)")


def generic_case(path: Path, repeats: int) -> None:
    read_diary(path)  # warm imports and caches once
    base = best(lambda: pd.read_csv(path), repeats)
    ours = best(lambda: read_diary(path), repeats)
    d = read_diary(path)
    print(f"{path.name}: {len(d):,} rows, {len(d.attrs['rejected'])} rejected")
    print(f"  {'pandas.read_csv (baseline)':28s} {base * 1000:9.2f} ms")
    row("read_diary", ours, base)


def small_case(path: Path, reads: int) -> None:
    read_diary(path)

    def many(fn):
        return lambda: [fn(path) for _ in range(reads)]

    base = best(many(pd.read_csv), 3) / reads
    ours = best(many(read_diary), 3) / reads
    print(f"{path.name}: 100-row file, per read (best of 3 x {reads} reads)")
    print(f"  {'pandas.read_csv (baseline)':28s} {base * 1000:9.2f} ms")
    row("read_diary", ours, base)
    print(f"  10,000 such files: ~{ours * 10_000:.0f} s reading")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows of the large CSV")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    from _generate import make_batch

    people = max(1, args.rows // 100)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / f"generic-{args.rows}.csv"
        frame = make_batch(people, 10, 10)
        frame.to_csv(big, index=False)
        small = Path(tmp) / "generic-100.csv"
        one = frame[frame["person"] == frame["person"].iloc[0]].drop(columns="person")
        one.to_csv(small, index=False)
        del frame
        generic_case(big, args.repeats)
        small_case(small, 200)
    if CRONOMETER.is_file():
        read_cronometer(CRONOMETER)
        base = best(lambda: pd.read_csv(CRONOMETER), args.repeats)
        ours = best(lambda: read_cronometer(CRONOMETER), args.repeats)
        print(f"{CRONOMETER.name}: real Cronometer servings export")
        print(f"  {'pandas.read_csv (baseline)':28s} {base * 1000:9.2f} ms")
        row("read_cronometer", ours, base)
        print("  goal < 1 s:", "met" if ours < 1.0 else "NOT met")


if __name__ == "__main__":
    main()
