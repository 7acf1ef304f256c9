"""The bundled SR28 table: fixed values and a comparison with the raw files."""

from __future__ import annotations

import gzip
import io

import numpy as np
import pandas as pd
import pytest

from nutrigap import NUTRIENTS, load_food_table, load_portions
from nutrigap.exceptions import FoodTableError


@pytest.fixture(scope="module")
def foods():
    return load_food_table()


def test_shape_and_dtypes(foods):
    assert len(foods) == 8789
    assert foods.index.is_unique and foods.index.name == "food_id"
    assert all(len(i) == 5 and i.isdigit() for i in foods.index[:100])
    for key in NUTRIENTS:
        assert foods[key].dtype == np.float64, key


@pytest.mark.parametrize(
    "food_id, key, value",
    [
        ("11457", "magnesium", 79.0),  # spinach, raw
        ("11457", "potassium", 558.0),
        ("11457", "calcium", 99.0),
        ("11457", "folate", 194.0),
        ("12061", "magnesium", 270.0),  # almonds
        ("09040", "potassium", 358.0),  # banana, raw
        ("01123", "vitamin_d", 2.0),  # egg, whole, raw: 2.0 µg (82 IU)
        ("01123", "vitamin_b12", 0.89),
        ("14209", "caffeine", 40.0),  # coffee, brewed
        ("15236", "vitamin_d", 11.0),  # salmon, Atlantic, farmed, raw
        ("16015", "magnesium", 70.0),  # black beans, boiled
    ],
)
def test_well_known_values(foods, food_id, key, value):
    assert foods.loc[food_id, key] == pytest.approx(value)


def test_vitamin_d_is_micrograms_not_iu(foods):
    # farmed salmon 15236 has 441 IU = 11.0 µg; a table in IU would hold 441
    assert foods.loc["15236", "vitamin_d"] < 50
    assert foods["vitamin_d"].max() < 1000  # cod liver oil 250 µg is the max


def test_missing_is_not_zero(foods):
    assert foods["biotin"].isna().all()  # SR28 has no biotin
    assert foods["vitamin_d"].isna().sum() > 1000


def test_portions():
    p = load_portions()
    assert len(p) == 15438
    egg = p[p.food_id == "01123"].set_index("measure")["grams"]
    assert egg["large"] == 50.0
    spinach = p[p.food_id == "11457"].set_index("measure")["grams"]
    assert spinach["cup"] == 30.0
    assert set(p.food_id) <= set(load_food_table().index)


def test_returns_copies():
    a = load_food_table()
    a.loc["11457", "magnesium"] = -1
    assert load_food_table().loc["11457", "magnesium"] == 79.0


def test_unknown_source():
    with pytest.raises(FoodTableError, match="unknown food table source"):
        load_food_table("nope")


def _read_raw(path, names):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as fh:
        text = fh.read().decode("latin-1")
    return pd.read_csv(
        io.StringIO(text),
        sep="^",
        quotechar="~",
        header=None,
        names=names,
        usecols=range(len(names)),
        dtype=str,
    )


def test_matches_raw_sr28(sr28_dir, foods):
    """Every tracked nutrient of 200 random foods equals the raw NUT_DATA value."""
    raw = _read_raw(sr28_dir / "NUT_DATA.txt.gz", ["food_id", "nut", "value"])
    raw["value"] = raw["value"].astype(float)
    sample = foods.sample(200, random_state=1).index
    raw = raw[raw.food_id.isin(sample)].set_index(["food_id", "nut"])["value"]
    checked = 0
    for fid in sample:
        for key, n in NUTRIENTS.items():
            if not n.sr_number:
                assert np.isnan(foods.loc[fid, key])
                continue
            want = raw.get((fid, n.sr_number), np.nan)
            got = foods.loc[fid, key]
            if key == "folate" and np.isnan(want):
                continue  # derived from 417/431/432, tested below
            if np.isnan(want):
                assert np.isnan(got), (fid, key)
            else:
                assert got == pytest.approx(want, rel=1e-5), (fid, key)
                checked += 1
    assert checked > 1500
    des = _read_raw(sr28_dir / "FOOD_DES.txt", ["food_id", "fdgrp", "description"])
    assert len(des) == len(foods)
    assert (
        des.set_index("food_id")["description"].reindex(foods.index) == foods["description"]
    ).all()


def test_folate_derivation(foods):
    derived = foods[foods.folate_derivation == "food+1.7*fa"]
    assert len(derived) > 100
    assert (derived.folate >= 0).all()
    assert foods.loc[foods.folate_derivation.isna(), "folate"].isna().all()
