"""Batch analysis against what a user would hand-write, measured in the same run.

Data (``benchmarks/_data/``, git-ignored, made by ``_generate.write_batch``):
10,000 people x 10 days x 10 entries = 1,000,000 rows with 2,000 distinct food
strings (everyday names and USDA descriptions, Zipf-like popularity) and
household or mass amounts ("1 cup", "30g", "1 medium" ...), as one CSV with a
``person`` column and as 10,000 files.

Baseline: ``pandas.read_csv`` + exact merge on the food name with the food table
+ ``groupby(person).sum()`` (no portions, no fuzzy matching, no days, no
assessment: the wrong answer, quickly). nutrigap: ``analyze_many`` on the same
CSV (read, match once per distinct entry, grams, totals per person and day,
coverage, NASEM assessment per person x nutrient, statuses). Each measurement
runs in a fresh subprocess (imports excluded, cold caches included) that reports
its wall time and peak memory (``ru_maxrss``). nutrigap's modules are imported
before the clock starts, as pandas is for the baseline (the import time, once per
process, is printed on its own line).

Usage: ``python benchmarks/bench_batch.py [--scale 0.1] [--skip-files]``.
Goals: single CSV within 3x the baseline, peak memory under 2 GB; the
10,000-file batch faster with ``--jobs 2``. For the file batch the script also
prints the CPU time used (parent and workers) and the load average when the run
started: on a machine whose cores other processes use, a speed-up below 2x with
about one core busy on average means the cores were not free, not that the work
does not split.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BASELINE = """
import pandas as pd, nutrigap
foods = nutrigap.load_food_table().reset_index()
cols = ["magnesium", "calcium", "potassium", "vitamin_d", "thiamin", "riboflavin", "niacin",
        "pantothenic_acid", "vitamin_b6", "biotin", "folate", "vitamin_b12"]
T0 = time.perf_counter()
df = pd.read_csv(PATH)
m = df.merge(foods[["description", *cols]], left_on="food", right_on="description", how="left")
totals = m.groupby("person")[cols].sum()
RESULT = {"persons": len(totals), "rows": len(df)}
"""

# nutrigap's modules are imported before the clock starts, as pandas is for the baseline;
# their import time (once per process) is reported on its own line
IMPORTS = """
import pandas
T_IMP = time.perf_counter()
import nutrigap, nutrigap.io, nutrigap.foods, nutrigap.intake, nutrigap.analysis, nutrigap.assess
from nutrigap.batch import analyze_many
T_IMPORT = time.perf_counter() - T_IMP
"""

NUTRIGAP_CSV = (
    IMPORTS
    + """
T0 = time.perf_counter()
d = nutrigap.read_diary(PATH)
T_READ = time.perf_counter() - T0
s = analyze_many(d, profile=nutrigap.Profile(35, "female"), jobs=JOBS, formats=())
RESULT = {"persons": int(s["person"].nunique()), "rows": len(d), "read_s": T_READ,
          "import_s": T_IMPORT, "errors": len(s.attrs["errors"]),
          "likely_short": int((s["status"] == "likely short").sum())}
"""
)

NUTRIGAP_FILES = (
    IMPORTS
    + """
T0 = time.perf_counter()
s = analyze_many(PATH, profile=nutrigap.Profile(35, "female"), jobs=JOBS, formats=())
RESULT = {"persons": int(s["person"].nunique()), "errors": len(s.attrs["errors"])}
"""
)

RUNNER = """
import json, resource, sys, time
PATH, JOBS = sys.argv[1], int(sys.argv[2])
import os
LOAD = os.getloadavg()[0]  # other users of the cores: a shared machine shows it here
CPU0 = sum(
    r.ru_utime + r.ru_stime
    for r in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
)
{body}
elapsed = time.perf_counter() - T0
RESULT["seconds"] = elapsed
RESULT["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
RESULT["children_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
_cpu = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
RESULT["cpu_s"] = sum(r.ru_utime + r.ru_stime for r in _cpu) - CPU0
RESULT["load"] = LOAD
print("RESULT" + json.dumps(RESULT))
"""


def measure(body: str, path: Path, jobs: int = 1) -> dict:
    code = RUNNER.format(body=body)
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), str(jobs)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if out.returncode != 0:
        sys.exit(f"benchmark subprocess failed:\n{out.stderr}")
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT"))
    return json.loads(line[len("RESULT") :])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the 10,000 people")
    ap.add_argument("--skip-files", action="store_true", help="skip the one-file-per-person run")
    args = ap.parse_args()

    # generate in a subprocess: Linux carries a parent's peak RSS (ru_maxrss) into the
    # children it forks, so the parent must stay small for the memory figures to mean much
    made = subprocess.run(
        [sys.executable, "-c",
         f"from _generate import write_batch; print(*write_batch({args.scale!r}), sep='\\n')"],
        cwd=HERE, capture_output=True, text=True, check=True,
    ).stdout.split("\n")  # fmt: skip
    single, folder = Path(made[0]), Path(made[1])
    print(f"data: {single.name} ({single.stat().st_size / 1e6:.0f} MB) and {folder.name}/")

    base = measure(BASELINE, single)
    ours = measure(NUTRIGAP_CSV, single)
    print(f"rows {base['rows']:,}, persons {base['persons']:,}")
    print(f"baseline (read_csv + exact merge + groupby): {base['seconds']:6.2f} s, "
          f"peak {base['peak_mb']:6.0f} MB")  # fmt: skip
    print(f"nutrigap analyze_many, single CSV, jobs 1:   {ours['seconds']:6.2f} s, "
          f"peak {ours['peak_mb']:6.0f} MB  (read_diary {ours['read_s']:.2f} s)")  # fmt: skip
    ratio = ours["seconds"] / base["seconds"]
    print(
        f"ratio {ratio:.2f}x baseline (goal <= 3x: {'met' if ratio <= 3 else 'NOT met'}); "
        f"peak memory goal < 2 GB: {'met' if ours['peak_mb'] < 2048 else 'NOT met'}"
    )
    print(f"persons {ours['persons']:,}, likely-short person x nutrient {ours['likely_short']:,}, "
          f"errors {ours['errors']}")  # fmt: skip
    print(f"(not timed: importing nutrigap's modules, once per process, "
          f"{ours['import_s']:.2f} s; pandas' import is not in the baseline either)")  # fmt: skip

    if not args.skip_files:
        one = measure(NUTRIGAP_FILES, folder, jobs=1)
        two = measure(NUTRIGAP_FILES, folder, jobs=2)
        print(f"{one['persons']:,} files, jobs 1: {one['seconds']:6.2f} s, "
              f"peak {one['peak_mb']:.0f} MB")  # fmt: skip
        print(f"{two['persons']:,} files, jobs 2: {two['seconds']:6.2f} s, "
              f"peak {two['peak_mb']:.0f} MB (+ workers {two['children_peak_mb']:.0f} MB each "
              f"at most); speed-up {one['seconds'] / two['seconds']:.2f}x")  # fmt: skip
        for j, r in ((1, one), (2, two)):
            print(f"  jobs {j}: CPU time {r['cpu_s']:.1f} s over {r['seconds']:.1f} s wall "
                  f"({r['cpu_s'] / r['seconds']:.2f} cores busy on average); load average "
                  f"{r['load']:.2f} at the start (other users of the {os.cpu_count()} cores)")  # fmt: skip


if __name__ == "__main__":
    main()
