"""Portions: grams from quantity and unit, per distinct (food, unit)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nutrigap.data import load_portions
from nutrigap.foods import match_foods, portion_grams, resolve_grams
from nutrigap.foods.portions import HANDFUL_GRAMS, MAX_GRAMS, canonical_unit, measure_head
from nutrigap.units import conversion_factor


@pytest.fixture(scope="module")
def sr28p():
    return load_portions("sr28")


def _sr28_weight(sr28p, food_id, measure):
    row = sr28p[(sr28p.food_id == food_id) & (sr28p.measure == measure)]
    return float(row["grams"].iloc[0] / row["amount"].iloc[0])


def _diary(rows):
    return pd.DataFrame(rows, columns=["food", "quantity", "unit"])


def test_usda_named_food_one_cup_is_the_sr28_cup_weight(sr28p, sr28_dir):
    # "Spinach, raw", 1.00 cup -> the SR28 weight of its "cup" measure, exactly
    m = match_foods(_diary([("Spinach, raw", 1.00, "cup")]), aliases={})
    assert m["food_id"].item() == "11457"
    assert m["grams"].item() == _sr28_weight(sr28p, "11457", "cup") == 30.0
    assert m["grams_method"].item() == "portion"
    # and that is what the raw USDA file says (WEIGHT.txt: NDB_No^Seq^Amount^Msre_Desc^Gm_Wgt)
    raw = (sr28_dir / "WEIGHT.txt").read_text(encoding="latin-1").splitlines()
    line = next(r for r in raw if r.startswith("~11457~") and "~cup~" in r)
    assert float(line.split("^")[4]) == 30.0


@pytest.mark.parametrize(
    ("food", "qty", "unit", "grams", "method"),
    [
        ("Bananas, raw", 1, "medium", 118.0, "portion"),
        ("Egg, whole, raw, fresh", 1, "large", 50.0, "portion"),
        ("Egg, whole, raw, fresh", 3, None, 150.0, "count"),  # default unit: large
        ("Bread, whole-wheat, commercially prepared", 2, "slices", 64.0, "portion"),
        ("Bread, whole-wheat, commercially prepared", 2, "slice", 64.0, "portion"),
        ("Butter, salted", 1, "Tablespoon", 14.2, "portion"),
        ("Nuts, almonds", 4, "oz", 4 * 28.349523125, "mass"),
        ("Nuts, almonds", 0.25, "kg", 250.0, "mass"),
        ("Nuts, almonds", 1, "handful", HANDFUL_GRAMS, "mass"),
        ("Bananas, raw", np.nan, None, 118.0, "default"),  # bare: 1 medium
        ("Bananas, raw", 1, "serving", 126.0, "portion"),  # NLEA serving
    ],
)
def test_household_measures(food, qty, unit, grams, method):
    m = match_foods(_diary([(food, qty, unit)]), aliases={})
    assert m["status"].item() == "matched", m["status_reason"].item()
    assert m["grams"].item() == pytest.approx(grams)
    assert m["grams_method"].item() == method


def test_measures_written_into_a_bare_text(sr28p):
    m = match_foods(
        _diary([("2 scrambled eggs", np.nan, None), ("handful of almonds", np.nan, None)]),
        aliases={},
        foods="sr28",  # SR28's egg measures
    )
    egg = m.iloc[0]
    assert egg["grams"] == 2 * _sr28_weight(sr28p, egg["food_id"], "large")
    assert egg["grams_method"] == "count"
    assert m["grams"].iloc[1] == pytest.approx(HANDFUL_GRAMS)


def _fixture_portions():
    return pd.DataFrame(
        {
            "food_id": ["A", "A", "A", "B", "B", "C", "D"],
            "seq": [1, 2, 3, 1, 2, 1, 1],
            "amount": [1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0],
            "measure": ["cup, chopped", "cup", "tbsp", "cup, sliced", "cup, diced", "slice", "oz"],
            "grams": [100.0, 80.0, 10.0, 150.0, 120.0, 25.0, 28.35],
        }
    )


def test_plain_measure_beats_qualified_then_usda_order():
    p = _fixture_portions()
    assert portion_grams("A", "cup", p) == (80.0, "portion", "")  # "cup" over "cup, chopped"
    assert portion_grams("B", "cups", p) == (150.0, "portion", "")  # first qualified by seq
    assert portion_grams("A", "tbsp", p) == (5.0, "portion", "")  # amount 2 -> per 1


def test_volume_through_the_foods_density_never_water():
    p = _fixture_portions()
    g, method, _ = portion_grams("A", "ml", p)  # density from the plain cup: 80 g / cup
    assert method == "volume"
    assert g == pytest.approx(80.0 / conversion_factor("cup", "ml"))
    g, method, _ = portion_grams("A", "tsp", p)  # tbsp is a portion of its own; tsp converts
    assert g == pytest.approx(80.0 / conversion_factor("cup", "tsp"))
    # a food without any volume measure: unresolved, with a reason; not 1 g per ml
    g, method, reason = portion_grams("C", "ml", p)
    assert np.isnan(g) and method == ""
    assert "no volume measure" in reason


def test_milk_in_ml_uses_the_cup_weight(sr28p):
    m = match_foods(
        _diary([("Milk, reduced fat, fluid, 2% milkfat, with added vitamin A", 250, "ml")]),
        aliases={},
        overrides={"Milk, reduced fat, fluid, 2% milkfat, with added vitamin A": "01079"},
    )
    cup = _sr28_weight(sr28p, "01079", "cup")
    assert m["grams"].item() == pytest.approx(250 * cup / conversion_factor("cup", "ml"))
    assert m["grams_method"].item() == "volume"


def test_unresolved_cases_say_why():
    p = _fixture_portions()
    d = pd.DataFrame(
        {
            "food_id": ["C", "A", "A", "D", None],
            "quantity": [1.0, 1.0, 100.0, 1.0, 1.0],
            "unit": ["bunch", "kcal", "cup", None, "cup"],
        }
    )
    r = resolve_grams(d.food_id, d.quantity, d.unit, p)
    assert r["grams"].isna().all()
    assert "no 'bunch' measure" in r["reason"].iloc[0] and "slice" in r["reason"].iloc[0]
    assert "not an amount of food" in r["reason"].iloc[1]
    assert f"{MAX_GRAMS:.0f} g" in r["reason"].iloc[2]  # 8 kg of food in one entry
    assert "no count" in r["reason"].iloc[3]  # only "oz": no count or default unit
    assert r["grams_method"].isna().all()


def test_unresolved_rows_in_a_matched_diary():
    m = match_foods(_diary([("Spinach, raw", 1, "slice"), ("Spinach, raw", 200, "cup")]))
    assert (m["status"] == "unresolved").all()
    assert m["food_id"].notna().all()
    assert m["status_reason"].str.len().gt(0).all()


def test_stated_grams_are_kept():
    d = pd.DataFrame(
        {
            "food": ["Bananas, raw", "xyzzy"],
            "quantity": [4.8, 1.0],
            "unit": ["oz", "cup"],
            "grams": [136.08, 50.0],
        }
    )
    m = match_foods(d, aliases={})
    assert m["grams"].tolist() == [136.08, 50.0]
    assert m["grams_method"].tolist() == ["stated", "stated"]
    assert m["status"].tolist() == ["matched", "unmatched"]


def test_unit_spellings_and_measure_heads():
    assert canonical_unit("Tablespoons") == "tbsp"
    assert canonical_unit("fl. oz") == "fl oz"
    assert canonical_unit(None) == ""
    assert measure_head('medium (7" to 7-7/8" long)') == ("medium", False)
    assert measure_head("cup, chopped") == ("cup", True)
    assert measure_head("1 piece, NFS") == ("piece", True)
    assert measure_head("Quantity not specified") == ("quantity not specified", False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["11457", "09040", "01123", "18075", "01079", "12061", None]),
            st.one_of(st.just(np.nan), st.floats(0.05, 50)),
            st.sampled_from([None, "cup", "medium", "large", "slice", "g", "oz", "ml", "tbsp"]),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_batch_equals_one_by_one(rows):
    p = load_portions()
    fid = [r[0] for r in rows]
    qty = [r[1] for r in rows]
    unit = [r[2] for r in rows]
    batch = resolve_grams(fid, qty, unit, p)
    for i, (f, q, u) in enumerate(rows):
        if f is None:
            assert np.isnan(batch["grams"].iloc[i])
            continue
        g, method, _ = portion_grams(f, u, p, bare=np.isnan(q) and u is None)
        want = g * (1.0 if np.isnan(q) else q)
        if not np.isfinite(want) or want > MAX_GRAMS:
            assert np.isnan(batch["grams"].iloc[i])
            assert batch["reason"].iloc[i]
        else:
            assert batch["grams"].iloc[i] == pytest.approx(want)
            assert batch["grams_method"].iloc[i] == method
