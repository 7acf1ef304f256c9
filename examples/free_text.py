"""Analyse free-text diary lines, as typed into a notes app.

    python examples/free_text.py [NOTES.txt]

nutrigap reads lines such as ``2 eggs``, ``salmon 150g``, ``a handful of
almonds`` or ``breakfast: 1 cup oatmeal``; a line holding only a date, or a
meal name followed by a colon, applies to the lines below it. Without an
argument this reads ``examples/data/free-text.txt`` (two days).

Free text is the least precise kind of diary, so the script shows the two
checks that matter: which lines were understood as what (quantity, unit,
matched food, grams), and which were not. Two texts the matcher gets wrong
are corrected with overrides; a line it cannot match is reported, never
guessed. The same works on a list of strings:
``nutrigap.analyze(["2 eggs", "1 cup spinach"], age=35, sex="female")``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nutrigap

NOTES = Path(__file__).resolve().parent / "data" / "free-text.txt"

# Corrections after reviewing nutrigap.match_report(): FNDDS ids of the dishes meant.
OVERRIDES = {
    "whole wheat toast": "18076",  # Bread, whole-wheat, commercially prepared, toasted
    "spaghetti with tomato sauce": "fndds:58146222",  # Pasta with tomato-based sauce, home recipe
    "lentil soup": "fndds:41603010",  # Lentil soup, home recipe, canned, or ready-to-serve
}


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else NOTES
    diary = nutrigap.read_text_diary(path)
    matched = nutrigap.match_foods(diary, foods="both", overrides=OVERRIDES)

    cols = ["source_line", "quantity", "unit", "food", "matched_description", "grams", "status"]
    shown = matched[cols].round(1)
    shown["matched_description"] = shown["matched_description"].str.slice(0, 40)
    print(f"{path.name}: how each line was read and matched")
    print(shown.to_string(index=False))

    not_counted = matched[~matched["status"].isin(["matched", "given"])]
    for row in not_counted.itertuples():
        print(f"line {row.source_line}: {row.food!r} is {row.status}: {row.status_reason}")

    report = nutrigap.analyze(matched, age=35, sex="female", foods="both")
    print()
    print(report.to_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
