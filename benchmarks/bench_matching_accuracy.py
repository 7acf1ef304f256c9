"""Real-world matching accuracy of :func:`nutrigap.match_foods`.

Reads the hand labels in ``benchmarks/match_labels.csv`` (one row per food text:
``file``, ``line``, ``column``, ``expected_food_id``, ``note``, ``text``,
``expected_fndds``), pulls each text from the real exports in
``/work/shared/samples/real`` by file and physical line (the texts themselves are
not in the repository; rows with ``file`` "own" carry their text), matches them
all in one diary and prints:

- **top-1 accuracy**: the chosen food is one of the acceptable ids, or the row
  may be left unmatched and was;
- **unmatched rate**: no food chosen (``food_id`` NA);
- **wrong-confident rate**: a food was chosen and it is not an acceptable id
  (for rows where only "unmatched" is acceptable, any match);

overall, for the tuning (even line) and held-out (odd line) halves, per file and
per match method, then the errors with ``--show-errors``.

Two label columns, judged by the table matched against:

- ``expected_food_id``: acceptable **SR28** ids separated by ``|``;
- ``expected_fndds``: acceptable **FNDDS 2017-2018** ids (``fndds:<code>``),
  separated by ``|``.

In either column ``none`` means no food of that table is a good answer
(supplements, brands, recipes, foods the table lacks), and ``none`` next to ids
means both an id and "unmatched" are acceptable. The rule per ``--source``:

- ``sr28``: acceptable = the SR28 ids; unmatched is acceptable iff
  ``expected_food_id`` has ``none``;
- ``fndds``: the same with ``expected_fndds``;
- ``both``: acceptable = the union of both columns' ids; unmatched is acceptable
  only when **both** columns allow ``none``.

A chosen SR28 or FNDDS id outside the acceptable set is wrong (an SR28 answer
under ``--source fndds`` included). Only ids from neither table (e.g. ``fdc:``
from an FDC lookup) are counted apart as "not judged" and left out of the rates.
``--source compare`` (the default) runs ``sr28`` and ``both`` and ends with the
two side by side.

Second tuning set (``benchmarks/match_labels_fresh.csv``, ``--labels-fresh``,
same columns, all rows real): labelled on 2026-11-29 as a held-out set and
**used for tuning since**, so it no longer measures generalisation; it is
printed as the second tuning set. Its provenance, kept for the record, follows.
It was labelled blind and held out at first. The matcher was
not run on these texts before the labels were committed. Sampling rule
(seed 20261129, ``numpy.random.default_rng``):

- files: the five real files of ``match_labels.csv``, same column per file;
- candidates of a file: records whose text is not blank, whose (file, line) is
  not in ``match_labels.csv`` and whose normalised text (lower case, stripped)
  equals no text labelled there nor an earlier candidate (first line kept);
- quota of a file: ``round(160 * share of the 399 real rows of match_labels.csv)``;
  a file with fewer candidates gives all it has and the shortfall goes to the
  others in proportion to their quotas. Every distinct text of
  cronometer-servings-grams-no-vitd.csv and myfitnesspal-printable-diary-foods.csv
  and all but 3 of cronometer-servings-branded.csv were labelled already, so the
  set is 3 branded + 65 cronometer-servings-large + 91 tastecooking = 159 rows;
- per file (sorted by name): ``rng.choice(len(candidates), quota,
  replace=False)`` over the candidates in file order.

Labels follow the conventions of ``match_labels.csv`` (raw recipe ingredients
get raw foods and FNDDS ``none`` where FNDDS has the food only cooked; user
recipe names, supplements and pseudo-foods ``none``; branded foods the nearest
generic food plus ``none``).

Third tuning set (``benchmarks/match_labels_round2.csv``, ``--labels-round2``,
same columns, all rows real): labelled blind on 2026-11-29 (round 2) and held
out, its errors unread, until round 3 replaced it; measured seven times for
reporting only, then used for tuning. Sampling rule (seed 20261130,
``numpy.random.default_rng``):

- files: the five real files of ``match_labels.csv``, same column per file;
- candidates of a file: records whose text is not blank, whose (file, line) is
  in neither ``match_labels.csv`` nor ``match_labels_fresh.csv`` and whose
  normalised text (lower case, stripped) equals no text labelled in either
  file (``own`` texts included) nor an earlier candidate of any file (files
  taken by name, first line kept);
- every distinct text of cronometer-servings-branded.csv,
  cronometer-servings-grams-no-vitd.csv and myfitnesspal-printable-diary-foods.csv
  is labelled already (0 candidates), so the 160 rows split between
  cronometer-servings-large.csv (411 candidates) and
  ingredient-lines-tastecooking.csv (6,061) in proportion to their real rows
  in ``match_labels.csv`` (108 : 150): ``round(160 * 108 / 258)`` = 67 and 93;
- per file (sorted by name): ``rng.choice(len(candidates), quota,
  replace=False)`` over the candidates in file order.

Labelled with the same conventions (same food in the same state; raw recipe
ingredients get raw foods; FNDDS only where it has that form; brand-only
products, supplements, drugs, recipe names and headings ``none``; several ids
where equally right).

Held-out set (``benchmarks/match_labels_round3.csv``, ``--labels-heldout``,
same columns, all rows real): labelled blind on 2026-11-29 (round 3) by two
helpers who searched the tables themselves, committed before the matcher was
run on these texts, and **never used for tuning**: neither ``--show-errors``
nor anything else here lists its individual errors. Sampling rule (seed
20261201, ``numpy.random.default_rng``): as round 2, with candidates also
excluding every line and text of rounds 1 and 2 (344 candidates left in
cronometer-servings-large.csv, 5,968 in ingredient-lines-tastecooking.csv);
200 rows split 108 : 150 as before, 84 and 116.

Second held-out set (``benchmarks/match_labels_round4.csv``,
``--labels-heldout2``, same columns, all rows real): labelled blind on
2026-11-29 (round 4, in the evening) by two helpers who searched the tables
themselves and never ran the matcher; committed before the matcher was run on
these texts, and never used for tuning. Sampling rule (seed 20261202,
``numpy.random.default_rng``): the two files of round 3, same columns; a
file's candidates are its records whose text is not blank, whose (file, line)
is in none of the four earlier label files and whose normalised text (lower
case, stripped) equals no text labelled in them nor an earlier candidate
(files by name, first line kept: 260 candidates left in
cronometer-servings-large.csv, 5,852 in ingredient-lines-tastecooking.csv);
``rng.choice(len(candidates), quota, replace=False)`` per file (sorted by
name) over the candidates in file order, quotas 84 and 116 as in round 3.

Fourth tuning set (``benchmarks/match_labels_round5.csv``, ``--labels-round5``,
same columns, all rows real): labelled blind on 2026-11-29 (round 5, the next
session) by four helpers who searched the tables and never ran the matcher;
committed (``8e137d7``) before the matcher saw the texts and measured once
with the matcher of the session's start, then **used as the development set**
of that session (its errors read; one label mended after the first measure:
FNDDS "Pesto sauce" exists, the labeller had missed it). Sampling rule (seed
20261203, ``numpy.random.default_rng``): as round 4, candidates excluding
every line and text of rounds 1-4 (176 left in cronometer-servings-large.csv,
5,736 in ingredient-lines-tastecooking.csv); quotas 120 and 180.

Third held-out set (``benchmarks/match_labels_round6.csv``,
``--labels-heldout3``, same columns, all rows real): labelled blind in the same
session by four more helpers (searching the tables, never running the matcher,
not shown rounds 3-5), committed (``cd896af``) before the matcher saw the
texts, **measured twice**: aggregate figures only, with the session's first
matcher as its baseline and with its last. Sampling rule (seed 20261204): as
round 5, excluding rounds 1-5 (the last 56 Cronometer candidates, 5,556
recipe lines); quotas 56 and 144.

Second held-out set now (``benchmarks/match_labels_round7.csv``,
``--labels-heldout4``, same columns, all rows real, recipe lines only):
labelled blind in the sixth session by four helpers (searching the tables,
never running the matcher, not shown round 6), committed (``69e893f``) before
the matcher saw the texts, and measured three times, aggregate figures only:
with the session's first matcher as its baseline, midway and at the end.
Sampling rule (seed 20261205): as round 6, excluding every line and text of
rounds 1-6 (5,412 recipe lines left; the Cronometer candidates were used up);
quota 200. In the same session rounds 3 and 4, held out for earlier sessions,
became its development sets (their errors were read).

Run::

    python benchmarks/bench_matching_accuracy.py [--source sr28|fndds|both|compare]
        [--show-errors] [--samples DIR] [--no-aliases] [--labels-fresh PATH]
        [--labels-round2 PATH] [--labels-heldout PATH] [--labels-heldout2 PATH]
        [--labels-round5 PATH] [--labels-heldout3 PATH] [--labels-heldout4 PATH]
        [--labels-round8 PATH] [--context files|diary]

Goals (issue 5): top-1 >= 90 %, wrong-confident <= 2 %.

Results (2026-11-29, bundled aliases; top-1 / unmatched / wrong-confident).
The even/odd halves of ``match_labels.csv`` were a tuning/held-out split until
the morning; the rules of the morning (weighted coverage, soft and part words,
aliases inside longer texts, ties, states and forms) were tuned on both halves
and on the second tuning set, those of the afternoon (alternatives, raw forms,
recipe-line cleaning, opposites, brand segments, 300 aliases; see
:mod:`nutrigap.foods.matching`) on all three tuning sets. Only the round-3
held-out set measures generalisation; it was measured three times: when new,
after the afternoon's rules, and at the end, after 228 more aliases:

====================================  =====================  =====================
set                                   sr28                   both (the default)
====================================  =====================  =====================
match_labels.csv, start of day        71.1 / 41.6 / 4.3 %    72.7 / -- / 3.6 % (1)
match_labels.csv, morning             82.6 / 32.3 / 2.6 %    80.3 / 31.0 / 3.5 %
match_labels.csv, afternoon           87.2 / 27.5 / 2.4 %    84.8 / 26.2 / 3.3 %
second tuning set (159), morning      83.6 / 35.2 / 3.8 %    81.1 / 35.8 / 3.1 %
second tuning set, afternoon          87.4 / 32.1 / 2.5 %    86.2 / 31.4 / 1.9 %
its first measure, untuned (2)        76.1 / 40.3 / 6.9 %    73.6 / 37.1 / 8.2 %
third tuning set (160), morning (3)   75.0 / 51.9 / 5.0 %    72.5 / 50.6 / 5.0 %
third tuning set, afternoon           84.4 / 42.5 / 4.4 %    81.9 / 41.2 / 4.4 %
held-out round 3 (200), when new (4)  75.0 / 48.0 / 7.0 %    74.0 / 47.5 / 6.5 %
held-out round 3, afternoon rules     76.5 / 45.5 / 7.5 %    77.0 / 44.0 / 6.5 %
held-out round 3, end (more aliases)  77.5 / 44.0 / 8.0 %    78.0 / 42.5 / 7.0 %
match_labels.csv, evening (5)         --                     89.8 / 22.8 / 2.2 %
second tuning set, evening            --                     90.6 / 27.0 / 1.9 %
third tuning set, evening             --                     91.9 / 32.5 / 2.5 %
held-out round 3, evening (6)         80.0 / 42.5 / 7.5 %    80.5 / 40.5 / 7.0 %
held-out round 4 (200), when new (7)  80.5 / 48.0 / 6.0 %    79.5 / 48.5 / 5.5 %
held-out round 4, evening             82.0 / 46.5 / 5.5 %    80.5 / 46.0 / 5.5 %
round 5 (300), when new (8)           82.3 / 38.7 / 6.3 %    77.7 / 38.7 / 6.0 %
round 6 (200), when new (9)           84.0 / 29.0 / 7.0 %    80.5 / 29.5 / 6.5 %
match_labels.csv, next session        --                     90.0 / 22.8 / 2.0 %
second tuning set, next session       --                     92.5 / 25.2 / 1.9 %
third tuning set, next session        --                     92.5 / 31.9 / 2.5 %
round 5, dev set, next session (10)   89.3 / 33.0 / 5.0 %    86.7 / 32.0 / 3.7 %
held-out round 3, next session (11)   83.0 / 40.5 / 6.5 %    83.0 / 38.0 / 6.5 %
held-out round 4, next session        83.5 / 45.5 / 5.0 %    83.0 / 44.0 / 5.0 %
held-out round 6, next session        87.5 / 25.5 / 6.5 %    84.5 / 26.5 / 5.5 %
match_labels.csv, sixth session       93.3 / 22.3 / 1.5 %    91.3 / 21.5 / 2.0 %
second tuning set, sixth session      94.3 / 27.0 / 1.3 %    93.7 / 25.8 / 0.6 %
third tuning set, sixth session       93.8 / 33.8 / 1.9 %    93.1 / 31.9 / 1.9 %
round 5, sixth session                90.7 / 33.0 / 4.0 %    88.3 / 31.0 / 3.0 %
round 3, now a dev set (12)           93.0 / 34.0 / 3.5 %    93.5 / 30.5 / 3.5 %
round 4, now a dev set                92.5 / 38.5 / 3.5 %    92.5 / 37.5 / 3.0 %
held-out round 6, sixth session       88.5 / 24.0 / 7.0 %    85.5 / 25.0 / 6.0 %
round 7 (200), when new (13)          89.0 / 18.5 / 5.0 %    88.5 / 19.0 / 5.0 %
held-out round 7, sixth session       90.0 / 17.5 / 5.0 %    90.0 / 17.5 / 5.0 %
round 8 (300), when new (14)          92.7 / 14.0 / 4.0 %    92.3 / 12.7 / 4.7 %
match_labels.csv, seventh session     95.2 / 20.2 / 1.7 %    94.1 / 18.9 / 1.7 %
second tuning set, seventh session    96.9 / 23.9 / 0.6 %    96.9 / 21.4 / 0.0 %
third tuning set, seventh session     96.2 / 30.6 / 1.9 %    97.5 / 28.1 / 0.6 %
round 5, seventh session              94.7 / 29.7 / 2.7 %    95.7 / 24.0 / 1.3 %
round 3, seventh session              93.5 / 31.5 / 3.5 %    95.0 / 28.5 / 2.5 %
round 4, seventh session              96.0 / 37.0 / 2.0 %    96.5 / 33.0 / 1.5 %
round 8, seventh session (dev set)    97.0 / 10.7 / 1.7 %    97.3 / 9.3 / 1.7 %
held-out round 6, seventh (15)        92.0 / 24.0 / 3.5 %    89.5 / 24.5 / 2.5 %
held-out round 7, seventh             94.0 / 16.0 / 2.0 %    94.0 / 16.0 / 2.0 %
====================================  =====================  =====================

(1) FNDDS answers were not judged then. (2) Measured once when the set was
new, with the matcher of that hour. (3) Blind then, as round 2 held-out set:
these are its figures before it was tuned on. (4) With the matcher of the
morning (``2f65be6``), before the afternoon's changes. (5) The evening's rules
(see :mod:`nutrigap.foods.matching`, "States, opposites and alternatives")
and 1,070 aliases from four helpers who never saw the labels; several alias
examples given to the helpers were texts of the tuning sets, so the tuning
sets overstate the gain. (6) Sixth measure of round 3 (the fifth, an hour
earlier, 80.0 / 40.5 / 7.5 %); between the fourth and the fifth, aggregate figures of the two held-out sets by match method, score
band and file were looked at (never their texts or errors), which motivated
the held-back brand and joined-text rule (:data:`~nutrigap.foods.matching.BRANDED_BELOW`).
(7) Labelled blind in the evening and measured with the matcher of the
session's start (``bd6c57c``) as its baseline.
(8) Measured once, blind, with the matcher of the next session's start
(``931ee90``), then the development set of that session. (9) With the same
matcher, aggregate figures only, as the baseline of its one later measure.
(10) The next session's rules (recipe-line purposes, vague amounts and steps;
alcohol-free beer and wine; dried and moist foods apart; places as soft
words; FNDDS where SR28 has no food; frozen kinds of produce; weighed amounts
with vulgar fractions; see :mod:`nutrigap.foods.matching` and
:func:`nutrigap.foods.normalize.clean_query`), each checked on 8,942 unlabelled
regression texts and reviewed by three helpers with 4,048 adversarial texts of
their own. (11) Rounds 3 and 4 were measured once each at the end of that
session (aggregates by match method and score band were looked at, never
texts). (12) Rounds 3 and 4 became the sixth session's development sets: their
errors were read and mended (83.0 % top-1 each before). (13) Blind, with the
matcher of the sixth session's start (``c35c077``). (14) Round 8: 300 recipe
lines (seed 20261129), labelled blind by four helpers and measured once with
the matcher of the seventh session's start (``a69edbd``, all texts read as a
diary), then that session's development set. (15) From the seventh session on,
texts of recipe ingredient files are matched with ``context="recipe"`` (their
labels name foods as bought; ``--context diary`` reads every text as a
diary's): the rows marked "seventh" use it. Read as a diary, the two held-out
sets give 88.0 / 24.5 / 4.0 % (round 6) and 92.0 / 16.0 / 4.0 % (round 7) with
both tables. Each held-out set was measured twice that session (midway and at
the end, each time both ways), aggregates only.

The sixth session's rules (kinds and examples, toasted nuts, peeled produce,
full-fat dairy, steps and parts after the food, second amounts, fresh and
dry; see :mod:`nutrigap.foods.matching`) lifted the development sets 5 to 10
points of top-1 and the two blind sets 1 and 1.5 points (round 6 84.5 →
85.5 %, round 7 88.5 → 90.0 %), with wrong-confident matches unchanged (5.0
%) or up half a point (round 6, 5.5 → 6.0 %). On those 400 blind texts, 17 of
the 22 wrong answers came from the alias path (the alias table's choice, a
brand's product or a state the labels read otherwise), 5 from fuzzy scoring;
27 texts were left unmatched that a food of the tables would have answered.
Neither goal is met on unseen text.

The seventh session changed how errors were found: instead of reading a
labelled set's errors, six helpers judged the matcher's answers on about
6,000 unlabelled recipe lines and 644 Cronometer names (about 750 wrong or
missed answers), and rules and aliases were written for what recurred; half
the wrong answers on recipe lines were a cooked food for one a recipe buys raw
or dry, which the recipe context answers. Two reviewers wrote about 6,000 texts
of their own and two auditors judged all 563 real texts whose answer changed;
their regressions were mended. The blind sets rose 4 points of top-1 each
(round 6 85.5 → 89.5 %, round 7 90.0 → 94.0 %) and their wrong-confident rates
fell by more than half (6.0 → 2.5 %, 5.0 → 2.0 %); read as diaries, 88.0 / 4.0 %
and 92.0 / 4.0 %. Round 7 meets both goals; round 6 misses the wrong-confident
goal by half a point (5 wrong of 200), on the 400 blind texts together 91.8 %
top-1 and 2.25 % wrong-confident.

The afternoon's rules lifted the tuning sets by 3 to 9 points of top-1; on
the unseen round-3 texts top-1 rose 4 points and the unmatched rate fell
5 points, while wrong-confident matches went from 6.5 to 7.0 %: the rules carry
to new texts only in part, and the errors they leave are the ones no rule of
this kind reaches (brands, varieties, long USDA descriptions).

Rounds 2 and 3 have more recipe ingredient lines (93 of 160, 116 of 200) than
the tuning file, and they are the hardest texts (tuning file: 70 % top-1 on
them in the morning). A
fuzzy match is right about 85 % of the time at any score from 75 to 100, so a
higher threshold trades right matches for wrong ones almost one for one
(threshold 90: 77.4 / 38.4 / 2.0 % on the tuning file in the morning); 75 is
kept. With both tables, FNDDS competing for every text raised the
wrong-confident rate (round 2, then held out: 7.5 %; its "as eaten" dishes and cooked forms won texts naming an
ingredient); scoring texts that name no dish against SR28 only (the default since)
gives the figures above. With both tables a dish FNDDS has must be found, so
top-1 is not comparable across the columns. Neither goal (top-1 >= 90 %,
wrong-confident <= 2 %) is met on held-out texts.

The next session's rules lifted the three blind sets by 2.5 to 4 points of
top-1 (rounds 3 and 4 to 83 %, round 6 to 84.5 %) and lowered their
wrong-confident rates by 0.5 to 1 point (6.5, 5.0 and 5.5 %); the dev set rose
9 points. On the 600 blind texts, alias answers were right 93 % of the time
(276 of 297), fuzzy answers 72 % (33 of 46), and 65 texts (10.8 %) were left
unmatched that a food of the tables would have answered. Neither goal is met
on unseen text.

The evening repeated the afternoon's lesson: the tuning sets rose 5 to 10
points of top-1 to about 90 %, the two blind sets 1 to 2.5 points (80.5 %
each), and wrong-confident matches stayed at 5.5-7.0 %. On held-out text,
alias answers were right about 9 times in 10, fuzzy answers about 2 times in
3; recipe lines were the weaker half (about 76 % top-1 against 81-85 % for
Cronometer names), most often left unmatched.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import nutrigap
from nutrigap.foods.matching import (
    DEFAULT_THRESHOLD,
    FAMILY_MARGIN,
    MIN_MARGIN,
    UNCERTAIN_BELOW,
)

HERE = Path(__file__).resolve().parent
LABELS = HERE / "match_labels.csv"
LABELS_FRESH = HERE / "match_labels_fresh.csv"
LABELS_ROUND2 = HERE / "match_labels_round2.csv"
LABELS_HELDOUT = HERE / "match_labels_round3.csv"
FRESH_TITLE = "second tuning set (fresh labels of 2026-11-29, used for tuning since)"
ROUND2_TITLE = "third tuning set (round 2 of 2026-11-29, held out until round 3)"
HELDOUT_TITLE = "round 3 (held out for five sessions, the sixth session's development set)"
LABELS_HELDOUT2 = HERE / "match_labels_round4.csv"
HELDOUT2_TITLE = "round 4 (held out for two sessions, the sixth session's development set)"
LABELS_ROUND5 = HERE / "match_labels_round5.csv"
ROUND5_TITLE = "fourth tuning set (round 5, blind when measured first, then the dev set)"
LABELS_HELDOUT3 = HERE / "match_labels_round6.csv"
HELDOUT3_TITLE = "held-out set, round 6 (never used for tuning)"
LABELS_HELDOUT4 = HERE / "match_labels_round7.csv"
HELDOUT4_TITLE = "held-out set, round 7 (recipe lines, never used for tuning)"
LABELS_ROUND8 = HERE / "match_labels_round8.csv"
ROUND8_TITLE = (
    "fifth tuning set (round 8, recipe lines, blind when measured first, then the dev set)"
)
#: Label files of recipe ingredient lists: matched with ``context="recipe"``
#: (the labels name each food as bought), unless ``--context diary``.
RECIPE_FILE_PREFIX = "ingredient-lines"
DEFAULT_SAMPLES = Path("/work/shared/samples/real")
GOAL_TOP1 = 0.90
GOAL_WRONG = 0.02


def read_labels(path: Path = LABELS) -> pd.DataFrame:
    """Read the label file (all columns as text, ``line`` as int)."""
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    labels["line"] = labels["line"].astype(int)
    return labels


def _physical_lines(path: Path, column: str) -> dict[int, str]:
    """Map the 1-based physical start line of each CSV record to its ``column``."""
    out: dict[int, str] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if column not in header:
            sys.exit(f"{path}: no column {column!r} (columns: {header})")
        col = header.index(column)
        start = reader.line_num + 1
        for row in reader:
            out[start] = row[col] if col < len(row) else ""
            start = reader.line_num + 1
    return out


def attach_texts(labels: pd.DataFrame, samples: Path) -> pd.DataFrame:
    """Add a ``food`` column: the labelled text, read from ``samples`` by file and line."""
    real = labels["file"] != "own"
    if real.any() and not samples.is_dir():
        sys.exit(
            f"real samples not found at {samples}: the labels point into those files "
            "(pass --samples DIR, or run where /work/shared is mounted)"
        )
    texts = labels["text"].copy()
    for (name, column), idx in labels[real].groupby(["file", "column"]).groups.items():
        path = samples / name
        if not path.is_file():
            sys.exit(f"labelled file missing: {path}")
        by_line = _physical_lines(path, column)
        for i in idx:
            line = labels.at[i, "line"]
            if line not in by_line:
                sys.exit(f"{path}:{line}: no CSV record starts on that line")
            texts.at[i] = by_line[line]
    out = labels.copy()
    out["food"] = texts
    return out


def build_diary(labelled: pd.DataFrame) -> pd.DataFrame:
    """A canonical diary (GUIDE contract) with one food entry per labelled text."""
    n = len(labelled)
    source_file = np.where(labelled["file"] == "own", "<own>", labelled["file"])
    return pd.DataFrame(
        {
            "date": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
            "meal": pd.Series(pd.NA, index=range(n), dtype="str"),
            "food": labelled["food"].to_numpy(),
            "quantity": np.full(n, np.nan),
            "unit": pd.Series(pd.NA, index=range(n), dtype="str"),
            "grams": np.full(n, np.nan),
            "supplement": np.zeros(n, dtype=bool),
            "entry_type": "food",
            "source_file": source_file,
            "source_line": labelled["line"].to_numpy(),
        }
    )


def acceptable(expected_sr28: str, expected_fndds: str, source: str) -> tuple[set[str], bool]:
    """Acceptable ids and whether "unmatched" is acceptable for one label row.

    ``source`` "sr28" or "fndds" uses that table's column; "both" takes the union
    of the ids and allows "unmatched" only when both columns list ``none``.
    """
    sr = set(expected_sr28.split("|"))
    fn = set(expected_fndds.split("|"))
    if source == "sr28":
        cols = [sr]
    elif source == "fndds":
        cols = [fn]
    else:
        cols = [sr, fn]
    ids = set().union(*cols) - {"none", ""}
    return ids, all("none" in c for c in cols)


def _table_of(food_id: str) -> str | None:
    """ "sr28" or "fndds" for an id of a bundled table, else None (e.g. ``fdc:``)."""
    if food_id.isdigit():
        return "sr28"
    if food_id.startswith("fndds:"):
        return "fndds"
    return None


def judge(labelled: pd.DataFrame, matched: pd.DataFrame, source: str) -> pd.DataFrame:
    """One row per label with the chosen food and the verdict.

    ``outcome`` is "correct", "unmatched" (wrongly: an id was expected),
    "wrong" (a food of SR28 or FNDDS was chosen and it is not acceptable) or
    "unjudged" (an id from neither bundled table, e.g. ``fdc:``).
    ``expected`` holds the acceptable ids for ``source`` (plus ``none`` when
    unmatched is acceptable).
    """
    out = labelled[["file", "line", "food", "expected_food_id", "expected_fndds", "note"]].copy()
    out["food_id"] = matched["food_id"].to_numpy()
    out["matched_description"] = matched["matched_description"].to_numpy()
    out["match_method"] = matched["match_method"].to_numpy()
    out["match_score"] = matched["match_score"].to_numpy()
    out["status"] = matched["status"].to_numpy()
    out["status_reason"] = matched["status_reason"].to_numpy()
    out["suggested_id"] = matched["runner_up_id"].to_numpy()
    outcome, expected, none_only = [], [], []
    for fid, e_sr, e_fn in zip(
        out["food_id"], out["expected_food_id"], out["expected_fndds"], strict=True
    ):
        ids, none_ok = acceptable(e_sr, e_fn, source)
        expected.append("|".join(sorted(ids) + (["none"] if none_ok else [])))
        none_only.append(not ids)
        if pd.isna(fid):
            outcome.append("correct" if none_ok else "unmatched")
        elif str(fid) in ids:
            outcome.append("correct")
        elif _table_of(str(fid)) is None:
            outcome.append("unjudged")
        else:
            outcome.append("wrong")
    out["expected"] = expected
    out["none_only"] = none_only
    out["outcome"] = outcome
    return out


def rates(j: pd.DataFrame) -> dict[str, float]:
    """Top-1, unmatched and wrong-confident rates over the judged rows."""
    judged = j[j["outcome"] != "unjudged"]
    n = len(judged)
    if n == 0:
        return {"n": 0, "top1": np.nan, "unmatched": np.nan, "wrong": np.nan, "unjudged": len(j)}
    return {
        "n": n,
        "top1": (judged["outcome"] == "correct").mean(),
        "unmatched": judged["food_id"].isna().mean(),
        "wrong": (judged["outcome"] == "wrong").mean(),
        "unjudged": len(j) - n,
    }


def _fmt(r: dict[str, float], label: str) -> str:
    return (
        f"{label:40s} n={r['n']:4d}  top-1 {r['top1']:6.1%}  unmatched {r['unmatched']:6.1%}  "
        f"wrong-confident {r['wrong']:6.1%}"
        + (f"  other tables, not judged {r['unjudged']}" if r["unjudged"] else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        choices=["sr28", "fndds", "both", "compare"],
        default="compare",
        help="food table; 'compare' (default) runs sr28 and both",
    )
    parser.add_argument("--show-errors", action="store_true", help="list every wrong/unmatched row")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument(
        "--labels-fresh",
        type=Path,
        default=LABELS_FRESH,
        help="second tuning set: the fresh labels of 2026-11-29, used for tuning since "
        "(skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-round2",
        type=Path,
        default=LABELS_ROUND2,
        help="third tuning set: round 2 of 2026-11-29, the held-out set until round 3 "
        "(skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-heldout",
        type=Path,
        default=LABELS_HELDOUT,
        help="round 3: held out until the sixth session, its development set since "
        "(skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-heldout2",
        type=Path,
        default=LABELS_HELDOUT2,
        help="round 4: held out until the sixth session, its development set since "
        "(skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-round5",
        type=Path,
        default=LABELS_ROUND5,
        help="fourth tuning set: round 5, blind when first measured, the dev set since "
        "(skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-heldout3",
        type=Path,
        default=LABELS_HELDOUT3,
        help="held-out labels (round 6), never used for tuning; only overall figures "
        "are printed (skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-heldout4",
        type=Path,
        default=LABELS_HELDOUT4,
        help="held-out labels (round 7, recipe lines), never used for tuning; only overall "
        "figures are printed (skipped when the file is absent)",
    )
    parser.add_argument(
        "--labels-round8",
        type=Path,
        default=LABELS_ROUND8,
        help="fifth tuning set: round 8 (recipe lines), blind when first measured, the dev "
        "set since (skipped when the file is absent)",
    )
    parser.add_argument(
        "--context",
        choices=["files", "diary"],
        default="files",
        help="'files' (default): texts of recipe ingredient files (ingredient-lines-*) are "
        "matched with context='recipe', as their labels name foods as bought; 'diary': "
        "every text as a diary's",
    )
    parser.add_argument(
        "--no-aliases", action="store_true", help="match without the alias table (baseline)"
    )
    args = parser.parse_args(argv)

    labelled = attach_texts(read_labels(args.labels), args.samples)
    extra: dict[str, tuple[str, pd.DataFrame]] = {}
    for key, path, title in (
        ("fresh", args.labels_fresh, FRESH_TITLE),
        ("round2", args.labels_round2, ROUND2_TITLE),
        ("heldout", args.labels_heldout, HELDOUT_TITLE),
        ("round5", args.labels_round5, ROUND5_TITLE),
        ("heldout2", args.labels_heldout2, HELDOUT2_TITLE),
        ("round8", args.labels_round8, ROUND8_TITLE),
        ("heldout3", args.labels_heldout3, HELDOUT3_TITLE),
        ("heldout4", args.labels_heldout4, HELDOUT4_TITLE),
    ):
        if path is not None and path.is_file():
            extra[key] = (title, attach_texts(read_labels(path), args.samples))
    sources = ["sr28", "both"] if args.source == "compare" else [args.source]
    results = {source: run(labelled, source, args, extra) for source in sources}
    if args.source == "compare":
        print("\ncompare (same labels; sr28 judged on expected_food_id, both on the union):")
        names = {
            "main": "tuned",
            "fresh": "2nd tuning",
            "round2": "3rd tuning",
            "heldout": "round 3 (dev)",
            "heldout2": "round 4 (dev)",
            "round5": "4th tuning",
            "round8": "5th tuning (r8)",
            "heldout3": "held-out r6",
            "heldout4": "held-out r7",
        }
        sets = [(names[key], key) for key in ["main", *extra]]
        print(f"  {'':20s} {'top-1':>7s} {'unmatched':>10s} {'wrong-confident':>16s}")
        for name, key in sets:
            for source, r in results.items():
                r = r[key]
                print(
                    f"  {name + ' ' + source:20s} {r['top1']:7.1%} {r['unmatched']:10.1%} "
                    f"{r['wrong']:16.1%}"
                )
            before, after = results["sr28"][key], results["both"][key]
            print(
                f"  {name + ' change':20s} {after['top1'] - before['top1']:+7.1%} "
                f"{after['unmatched'] - before['unmatched']:+10.1%} "
                f"{after['wrong'] - before['wrong']:+16.1%}"
            )
        for key, title in (("heldout3", HELDOUT3_TITLE), ("heldout4", HELDOUT4_TITLE)):
            if key in extra:
                print(f"  ({names[key]} = {title})")
    return 0


def _judge_set(
    labelled: pd.DataFrame, source: str, args: argparse.Namespace
) -> tuple[pd.DataFrame, float]:
    """Match one label set against ``source``; the judged rows and match_foods seconds."""
    diary = build_diary(labelled)
    foods = nutrigap.load_food_table(source)
    kwargs = {"aliases": {}} if args.no_aliases else {}
    recipe = labelled["file"].astype(str).str.startswith(RECIPE_FILE_PREFIX).to_numpy().copy()
    if getattr(args, "context", "files") == "diary":
        recipe[:] = False
    t0 = time.perf_counter()
    parts = [
        nutrigap.match_foods(
            diary[mask].reset_index(drop=True),
            foods=foods,
            context="recipe" if is_recipe else "diary",
            **kwargs,
        ).set_index(np.flatnonzero(mask))
        for is_recipe, mask in ((False, ~recipe), (True, recipe))
        if mask.any()
    ]
    matched = pd.concat(parts).sort_index()
    elapsed = time.perf_counter() - t0
    return judge(labelled, matched, source), elapsed


def run(
    labelled: pd.DataFrame,
    source: str,
    args: argparse.Namespace,
    extra: dict[str, tuple[str, pd.DataFrame]] | None = None,
) -> dict[str, dict[str, float]]:
    """Match the labelled texts against one table and print the figures.

    Returns ``{"main": rates}`` plus one entry per set of ``extra``
    (``{key: (title, labelled)}``, e.g. ``"fresh"``, ``"heldout"``); of those
    sets only the overall line is printed, never their errors.
    """
    j, elapsed = _judge_set(labelled, source, args)

    print(
        f"\nmatching accuracy: {len(j)} labelled texts, source={source}, "
        f"aliases={'off' if args.no_aliases else 'bundled'}, match_foods {elapsed:.2f} s"
    )
    overall = rates(j)
    print(_fmt(overall, "overall"))
    # hold-out: rules were tuned looking at even lines only; odd lines check them
    even = j["line"] % 2 == 0
    print(_fmt(rates(j[even]), "  tuning half (even line numbers)"))
    print(_fmt(rates(j[~even]), "  held-out half (odd line numbers)"))
    for name, g in j.groupby("file", sort=False):
        print(_fmt(rates(g), f"  {name}"))
    print("by match method (share of judged rows; correct within method):")
    judged = j[j["outcome"] != "unjudged"]
    for method, g in judged.groupby("match_method", sort=False):
        print(
            f"  {method:10s} {len(g):4d} rows  correct {(g['outcome'] == 'correct').mean():6.1%}"
            f"  wrong {(g['outcome'] == 'wrong').sum():3d}"
        )
    # fuzzy candidates above the threshold that the acceptance rule held back
    # (left unmatched, listed as suggestions in match_report)
    held = j[j["status_reason"].str.contains("not accepted", regex=False, na=False)]
    if len(held):
        ok = [
            str(s) in set(e.split("|"))
            for s, e in zip(held["suggested_id"], held["expected"], strict=True)
        ]
        print(
            f"fuzzy held back as suggestions (score >= {DEFAULT_THRESHOLD:.0f}, lead < "
            f"{MIN_MARGIN:.0f} below {UNCERTAIN_BELOW:.0f}, or lead < {FAMILY_MARGIN:.0f} over "
            f"another food family): {len(held)} rows, suggestion right in {sum(ok)}"
        )
    none_rows = judged[judged["none_only"]]
    if len(none_rows):
        print(
            f"only 'unmatched' acceptable: {len(none_rows)} rows, left unmatched "
            f"{none_rows['food_id'].isna().mean():.1%}"
        )
    goal_ok = overall["top1"] >= GOAL_TOP1 and overall["wrong"] <= GOAL_WRONG
    print(
        f"goals: top-1 >= {GOAL_TOP1:.0%} and wrong-confident <= {GOAL_WRONG:.0%}: "
        f"{'met' if goal_ok else 'NOT met'}"
    )
    out = {"main": overall}
    for key, (title, labelled_set) in (extra or {}).items():
        js, _ = _judge_set(labelled_set, source, args)
        out[key] = rates(js)
        print(_fmt(out[key], title))
    if args.show_errors:
        bad = j[j["outcome"].isin(["wrong", "unmatched"])]
        print(f"\nerrors ({len(bad)}):")
        with pd.option_context("display.width", 250, "display.max_colwidth", 60):
            for r in bad.itertuples(index=False):
                got = (
                    "UNMATCHED"
                    if pd.isna(r.food_id)
                    else f"{r.food_id} {r.matched_description} [{r.match_method} {r.match_score:.0f}]"
                )
                print(
                    f"  {r.file}:{r.line}  {r.food[:60]!r}\n      expected {r.expected}  got {got}"
                )
        unj = j[j["outcome"] == "unjudged"]
        if len(unj):
            print(f"\nmatched to other tables, not judged ({len(unj)}):")
            for r in unj.itertuples(index=False):
                print(
                    f"  {r.food[:50]!r} -> {r.food_id} {r.matched_description} (expected {r.expected})"
                )
    return out


if __name__ == "__main__":
    sys.exit(main())
