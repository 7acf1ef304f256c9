"""A canonical diary of food texts for the matching tests (no amounts, no units)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def food_diary(foods, quantity=None, unit=None) -> pd.DataFrame:
    """A diary with one entry per food text; ``quantity`` and ``unit`` default to none."""
    n = len(foods)
    return pd.DataFrame(
        {
            "food": foods,
            "quantity": quantity if quantity is not None else [np.nan] * n,
            "unit": unit if unit is not None else [None] * n,
        }
    )
