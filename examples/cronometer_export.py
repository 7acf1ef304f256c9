"""Analyse a Cronometer export, supplements included.

    python examples/cronometer_export.py [servings.csv]

In Cronometer: *More → Account → Export Data → Food & Recipe Entries*
("servings"). The export carries Cronometer's own nutrient amounts for every
entry, so nutrigap uses them as they are (``status`` "given") instead of
matching the food names again. Without an argument this reads
``examples/data/cronometer-servings.csv``, a small made-up export in
Cronometer's layout: three days of a 42-year-old woman's meals and a
magnesium supplement on two of them.

The supplement rows (Cronometer's ``Supplements`` category, or a dose form
such as "2.00 capsule") count towards intake like food, and they are what the
magnesium Tolerable Upper Intake Level covers: 350 mg a day from supplements
and medicines, never from food.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nutrigap

EXPORT = Path(__file__).resolve().parent / "data" / "cronometer-servings.csv"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else EXPORT
    diary = nutrigap.read_cronometer(path)
    days = diary["date"].dt.date.nunique()
    print(f"{path.name}: {len(diary)} entries over {days} days ({diary.attrs['format']})")

    supplements = diary[diary["supplement"]]
    print(f"\nsupplement entries ({len(supplements)}):")
    print(supplements[["date", "food", "quantity", "unit", "magnesium"]].to_string(index=False))

    report = nutrigap.analyze(diary, age=42, sex="female")
    s = report.summary
    print(
        "\nmagnesium: mean {:.0f} mg/day, of which {:.0f} mg/day from supplements".format(
            s.loc["magnesium", "mean_intake"], s.loc["magnesium", "ul_intake"]
        )
    )
    print(f"  vs EAR: {s.loc['magnesium', 'confidence_text']}")
    print(f"  vs UL (350 mg, supplements only): {s.loc['magnesium', 'ul_text']}")

    print("\nall nutrients:")
    print(report.to_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
