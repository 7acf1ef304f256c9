"""Agreement of :func:`nutrigap.parse_entry` with labelled recipe ingredient lines.

Data: ``shared/samples/real/ingredient-lines-tastecooking.csv`` (6,320 lines
from strangetom/ingredient-parser, labelled by hand; fractions written
``#3$4`` = 3/4, ``1#1$2`` = 1 1/2; several quantities or units in one label
are space-separated, e.g. ``"#1$4 1.5"`` / ``"c oz"`` for ``¼ c (1.5 oz)``).

Scoring, per line:

* quantity agrees when parse_entry's quantity equals the first labelled
  quantity (to 1 %), or lies within a labelled range ``2-3``; both missing
  agrees. The word ``few`` counts as unlabelled.
* unit agrees when parse_entry's unit equals the first labelled unit after
  both are put in canonical spelling (``c`` → ``cup``, ``pound`` → ``lb``), or
  any labelled unit when the label lists several (``ounce can`` for
  ``1 15-ounce can``: nutrigap reports the can and its grams); a size word
  (``lg``, ``medium``) that the label files under *size* rather than *unit*
  agrees with a missing unit; size words inside a unit label are dropped
  (``lg clove`` → ``clove``).

Prints the agreement on quantity, on unit and on both, and the time per line.
Usage: ``python benchmarks/bench_quantity_parsing.py [path]``.
"""

from __future__ import annotations

import math
import re
import sys
import time
from pathlib import Path

import pandas as pd

from nutrigap.io import parse_entry
from nutrigap.io._quantity import SIZE_WORDS, canonical_unit

DEFAULT = (
    Path(__file__).resolve().parents[2] / "shared/samples/real/ingredient-lines-tastecooking.csv"
)


def _label_number(tok: str) -> float | tuple[float, float]:
    t = re.sub(r"#(\d+)\$(\d+)", lambda m: f" {m.group(1)}/{m.group(2)}", tok).strip()
    if re.fullmatch(r"[\d./ ]+-[\d./ ]+", t):
        a, b = t.split("-")
        return (_num(a), _num(b))
    return _num(t)


def _num(t: str) -> float:
    t = t.strip()
    parts = t.split()
    total = 0.0
    for p in parts:
        if "/" in p:
            n, d = p.split("/")
            total += float(n) / float(d)
        else:
            try:
                total += float(p)
            except ValueError:
                return math.nan
    return total if parts else math.nan


def _label_units(u: object, size: object) -> list[str]:
    if not isinstance(u, str) or not u.strip():
        return []
    toks = [canonical_unit(t) for t in u.split()]
    rest = [t for t in toks if t not in SIZE_WORDS]
    return rest or toks


def score(path: Path) -> dict[str, float]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    n = len(df)
    t0 = time.perf_counter()
    parsed = [parse_entry(s) for s in df["input"]]
    elapsed = time.perf_counter() - t0
    q_ok = u_ok = both = 0
    for (q, u, _f, _g), lq, lu, size in zip(
        parsed, df["quantity"], df["unit"], df["size"], strict=True
    ):
        first = lq.split(" ")[0] if lq and lq != "few" else ""
        if "-" in lq.split(" ")[0] if lq else False:
            first = lq.split(" ")[0]
        want = _label_number(first) if first else math.nan
        if isinstance(want, tuple):
            qa = not math.isnan(q) and want[0] - 1e-9 <= q <= want[1] + 1e-9
        elif math.isnan(want):
            qa = math.isnan(q)
        else:
            qa = not math.isnan(q) and abs(q - want) <= 0.01 * max(abs(want), 1e-9) + 0.005
        units = _label_units(lu, size)
        if not units:
            ua = u is None or (u in SIZE_WORDS and bool(size))
        elif len(units) == 1:
            ua = u == units[0]
        else:
            ua = u in units
        q_ok += qa
        u_ok += ua
        both += qa and ua
    return {
        "lines": n,
        "quantity": q_ok / n,
        "unit": u_ok / n,
        "both": both / n,
        "us_per_line": elapsed / n * 1e6,
    }


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        sys.exit(f"{path} not found")
    r = score(path)
    print(f"{r['lines']} labelled lines from {path.name}")
    print(f"quantity agreement: {r['quantity']:.1%}")
    print(f"unit agreement:     {r['unit']:.1%}")
    print(f"both agree:         {r['both']:.1%}")
    print(f"parse_entry: {r['us_per_line']:.0f} µs per line")


if __name__ == "__main__":
    main()
