"""Command line interface (placeholder until the analysis lands)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Print a few foods of the bundled table."""
    from nutrigap import load_food_table

    foods = load_food_table()
    cols = ["description", "magnesium", "calcium", "potassium"]
    print("nutrigap: bundled USDA SR28 table, per 100 g")
    print(foods.loc[["11457", "12061", "09040", "01123"], cols].to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
