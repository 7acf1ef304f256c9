"""Generate realistic synthetic diaries for the benchmarks (not committed data).

``make_batch(people, days, entries, distinct)`` returns a generic-CSV diary
frame (person, date, meal, food, amount) whose food strings are drawn from
USDA descriptions and everyday names, with household and mass amounts, so that
reading, matching and portion resolution all do real work.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import nutrigap

OUT = Path(__file__).resolve().parent / "_data"

EVERYDAY = [
    "banana",
    "apple",
    "2% milk",
    "coffee",
    "egg",
    "almonds",
    "spinach",
    "salmon",
    "oatmeal",
    "greek yogurt",
    "whole wheat bread",
    "white rice",
    "brown rice",
    "black beans",
    "avocado",
    "orange juice",
    "peanut butter",
    "chicken breast",
    "broccoli",
    "potato",
    "sweet potato",
    "cheddar cheese",
    "tofu",
    "lentils",
    "pumpkin seeds",
    "orange",
    "blueberries",
    "carrot",
    "tomato",
    "pasta",
    "beer",
    "red wine",
    "green tea",
    "dark chocolate",
    "walnuts",
    "tuna",
]
AMOUNTS = [
    "1 cup",
    "2 cups",
    "100 g",
    "30g",
    "1 medium",
    "1 large",
    "1 tbsp",
    "2 tbsp",
    "1/2 cup",
    "1 oz",
    "4 oz",
    "150 g",
    "1 slice",
    "250 ml",
    "1",
]


def food_strings(distinct: int, seed: int = 0) -> list[str]:
    """``distinct`` food strings: everyday names first, then USDA descriptions."""
    rng = np.random.default_rng(seed)
    table = nutrigap.load_food_table()
    descr = table["description"].to_numpy()
    picks = rng.choice(len(descr), size=max(distinct - len(EVERYDAY), 0), replace=False)
    return (EVERYDAY + [str(d) for d in descr[picks]])[:distinct]


def make_batch(
    people: int, days: int, entries: int, distinct: int = 2000, seed: int = 0
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    foods = np.array(food_strings(distinct, seed))
    n = people * days * entries
    person = np.repeat([f"p{i:05d}" for i in range(people)], days * entries)
    day = np.tile(
        np.repeat(pd.date_range("2024-01-01", periods=days).strftime("%Y-%m-%d"), entries), people
    )
    meal = np.tile(
        np.array(["breakfast", "lunch", "dinner", "snack"])[np.arange(entries) % 4], people * days
    )
    # a Zipf-like popularity, as in real diaries
    weights = 1.0 / np.arange(1, len(foods) + 1)
    weights /= weights.sum()
    food = foods[rng.choice(len(foods), size=n, p=weights)]
    amount = np.array(AMOUNTS)[rng.integers(0, len(AMOUNTS), size=n)]
    return pd.DataFrame(
        {"person": person, "date": day, "meal": meal, "food": food, "amount": amount}
    )


def write_batch(scale: float = 1.0, out: Path = OUT, seed: int = 0) -> tuple[Path, Path]:
    """Write the benchmark batch: one CSV and one file per person (cached on disk).

    ``scale`` multiplies the number of people (10,000 at 1.0: 1,000,000 rows).
    Returns ``(single_csv, folder_of_files)``.
    """
    people = max(2, int(round(10_000 * scale)))
    tag = f"{people}p"
    single = out / f"batch-{tag}.csv"
    folder = out / f"files-{tag}"
    if single.exists() and folder.is_dir() and len(list(folder.glob("*.csv"))) == people:
        return single, folder
    out.mkdir(parents=True, exist_ok=True)
    df = make_batch(people, 10, 10, 2000, seed=seed)
    df.to_csv(single, index=False)
    folder.mkdir(exist_ok=True)
    cols = ["date", "meal", "food", "amount"]
    for person, part in df.groupby("person", sort=False):
        part[cols].to_csv(folder / f"{person}.csv", index=False)
    return single, folder
