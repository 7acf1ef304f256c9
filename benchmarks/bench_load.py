"""Time loading the bundled food tables against a plain ``pandas.read_csv`` of the same files.

Usage::

    python benchmarks/bench_load.py [--repeat N]   # nutrigap installed, or PYTHONPATH=.

For each source (``sr28``, ``fndds``, ``both``) it prints

* ``baseline``: ``pandas.read_csv`` of the gzipped CSV(s) with default options (for ``both``,
  both files read and concatenated), measured in the same run;
* ``cold``: :func:`nutrigap.load_food_table` / :func:`nutrigap.load_portions` with the
  per-process cache cleared (what the first call in a process costs);
* ``warm``: the same calls once the tables are cached (every later call: a copy, and for
  ``both`` a concatenation).

Times are the minimum over ``--repeat`` runs; ratios are against the baseline.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import pandas as pd

from nutrigap import data
from nutrigap.data import dataset_path, load_food_table, load_portions


def best(fn: Callable[[], object], repeat: int, setup: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def clear_cache() -> None:
    data._read_foods.cache_clear()
    data._read_portions.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat

    def baseline(sources: tuple[str, ...]) -> Callable[[], object]:
        def run() -> object:
            return [
                pd.concat([pd.read_csv(dataset_path(s, f"{kind}.csv.gz")) for s in sources])
                for kind in ("foods", "portions")
            ]

        return run

    def ours(source: str) -> Callable[[], object]:
        return lambda: (load_food_table(source), load_portions(source))

    print(f"foods + portions, best of {repeat} (ms); ratio = time / baseline")
    print(
        f"{'source':<7} {'rows':>13} {'baseline':>9} {'cold':>9} {'ratio':>6} {'warm':>9} {'ratio':>6}"
    )
    for source, parts in (("sr28", ("sr28",)), ("fndds", ("fndds",)), ("both", ("sr28", "fndds"))):
        base = best(baseline(parts), repeat)
        cold = best(ours(source), repeat, setup=clear_cache)
        ours(source)()  # fill the cache
        warm = best(ours(source), repeat)
        foods, portions = ours(source)()
        rows = f"{len(foods)}+{len(portions)}"
        print(
            f"{source:<7} {rows:>13} {base * 1e3:9.1f} {cold * 1e3:9.1f} {cold / base:6.2f}"
            f" {warm * 1e3:9.1f} {warm / base:6.3f}"
        )


if __name__ == "__main__":
    main()
