"""Access to the bundled datasets (the one module that reads ``datasets/``).

The bundled tables live in the repository's ``datasets/`` folder, each in a
sub-folder with the script that built it and a README of its provenance. A
wheel carries the same folder as ``nutrigap/datasets``; a source checkout or an
editable install reads it from the repository root. :func:`datasets_dir` finds
whichever is there.

Tables are parsed once per process and cached; the public loaders return
copies, so callers may modify what they get.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

from nutrigap.exceptions import FoodTableError
from nutrigap.nutrients import NUTRIENTS

__all__ = [
    "datasets_dir",
    "dataset_path",
    "load_food_table",
    "load_portions",
    "FOOD_SOURCES",
    "AUX_COLUMNS",
]

#: Food-table sources that :func:`load_food_table` knows, in preference order.
FOOD_SOURCES: tuple[str, ...] = ("sr28", "fndds")

#: Auxiliary per-100 g columns (µg) that some tables carry, used for the ULs
#: that cover synthetic forms only: folic acid (SR 431) and added B12 (SR 578).
AUX_COLUMNS: tuple[str, ...] = ("folic_acid", "vitamin_b12_added")


def datasets_dir() -> Path:
    """Return the folder holding the bundled datasets.

    Returns
    -------
    pathlib.Path
        ``nutrigap/datasets`` inside an installed wheel, else ``datasets/`` at
        the root of a source checkout.

    Raises
    ------
    FoodTableError
        If neither exists (a broken install).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "datasets", here.parent / "datasets"):
        if (candidate / "sr28" / "foods.csv.gz").is_file():
            return candidate
    raise FoodTableError(
        f"bundled datasets not found next to {here}; reinstall nutrigap (pip install nutrigap)"
    )


def dataset_path(*parts: str) -> Path:
    """Return the path of a bundled file, e.g. ``dataset_path("dri", "dri.csv")``.

    Raises
    ------
    FoodTableError
        If the file does not exist.
    """
    path = datasets_dir().joinpath(*parts)
    if not path.exists():
        raise FoodTableError(f"bundled dataset file missing: {path}")
    return path


def _check_source(source: str) -> tuple[str, ...]:
    if source == "both":
        return tuple(s for s in FOOD_SOURCES if (datasets_dir() / s / "foods.csv.gz").is_file())
    if source not in FOOD_SOURCES:
        raise FoodTableError(
            f"unknown food table source {source!r}; choose one of {(*FOOD_SOURCES, 'both')}"
        )
    return (source,)


@functools.cache
def _read_foods(source: str) -> pd.DataFrame:
    path = dataset_path(source, "foods.csv.gz")
    float_cols = [*NUTRIENTS, *AUX_COLUMNS]
    dtypes = {c: np.float64 for c in float_cols}
    df = pd.read_csv(
        path,
        dtype={**dtypes, "food_id": str, "description": str},
        keep_default_na=False,
        na_values=[""],
    )
    missing = [c for c in NUTRIENTS if c not in df.columns]
    if missing:
        raise FoodTableError(f"{path} lacks nutrient columns {missing}")
    for c in AUX_COLUMNS:
        if c not in df.columns:
            df[c] = np.nan
    df["food_group"] = df["food_group"].astype("category")
    df["source"] = source
    df = df.set_index("food_id")
    df.index.name = "food_id"
    return df


@functools.cache
def _read_portions(source: str) -> pd.DataFrame:
    path = dataset_path(source, "portions.csv.gz")
    df = pd.read_csv(
        path,
        dtype={
            "food_id": str,
            "measure": str,
            "amount": np.float64,
            "grams": np.float64,
            "subcode": "Int64",
            "subcode_description": str,
        },
        keep_default_na=False,
        na_values=[""],
    )
    return df


def load_food_table(source: str = "sr28") -> pd.DataFrame:
    """Load the bundled food composition table.

    Parameters
    ----------
    source : {"sr28", "fndds", "both"}, default "sr28"
        ``"sr28"``: USDA National Nutrient Database for Standard Reference,
        Release 28 (8,789 foods, ids are 5-digit NDB numbers such as
        ``"11457"``). Other sources are added as their tables are bundled;
        ``"both"`` concatenates every bundled table.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``food_id`` (str). Columns: ``description``, ``food_group``
        (category), one float column per nutrient key of
        :data:`nutrigap.NUTRIENTS` holding the amount **per 100 g of food in the
        nutrient's canonical unit** (NaN where the source has no value: missing
        is not zero), ``folate_derivation`` (how µg DFE was obtained),
        ``folic_acid`` and ``vitamin_b12_added`` (µg per 100 g, synthetic
        forms), and ``source``.

    Notes
    -----
    Parsed once per process (about 50 ms), then copied from memory.

    References
    ----------
    .. [1] US Department of Agriculture, Agricultural Research Service, Nutrient
       Data Laboratory (2016). USDA National Nutrient Database for Standard
       Reference, Release 28. Public domain.

    Examples
    --------
    >>> foods = load_food_table()
    >>> float(foods.loc["11457", "magnesium"])  # spinach, raw: mg per 100 g
    79.0
    """
    parts = [_read_foods(s) for s in _check_source(source)]
    if len(parts) == 1:
        return parts[0].copy()
    return pd.concat(parts, axis=0).astype({"food_group": "category"})


def load_portions(source: str = "sr28") -> pd.DataFrame:
    """Load the household portions of the bundled food table.

    Parameters
    ----------
    source : {"sr28", "fndds", "both"}, default "sr28"

    Returns
    -------
    pandas.DataFrame
        One row per portion: ``food_id``, ``seq``, ``amount`` (how many of the
        measure), ``measure`` (e.g. ``"cup"``, ``"medium (7\\" to 7-7/8\\" long)"``),
        ``grams`` (gram weight of ``amount`` × ``measure``).

    Examples
    --------
    >>> p = load_portions()
    >>> p[(p.food_id == "01123") & (p.measure == "large")].grams.item()  # egg
    50.0
    """
    parts = [_read_portions(s) for s in _check_source(source)]
    if len(parts) == 1:
        return parts[0].copy()
    return pd.concat(parts, axis=0, ignore_index=True)
