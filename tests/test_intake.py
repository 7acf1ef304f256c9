"""Per-entry contributions, daily totals and coverage (nutrigap.intake)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nutrigap.data import load_food_table
from nutrigap.intake import (
    DFE_PER_FOLIC_ACID,
    coverage,
    daily_coverage,
    daily_totals,
    entry_contributions,
)

FOODS = load_food_table()

# Day 1 of datasets/samples/low-magnesium.csv, by hand: (food, SR28 NDB number, grams,
# magnesium mg/100 g, caffeine mg/100 g) as printed in SR28 NUT_DATA (nutrients 304, 262).
DAY1 = [
    ("white bread", "18069", 58.0, 23.0, 0.0),
    ("butter", "01001", 14.2, 2.0, 0.0),
    ("strawberry jam", "09316", 9.5, 13.0, 0.0),
    ("coffee", "14209", 237.0, 3.0, 40.0),
    ("half and half", "01049", 15.0, 10.0, 0.0),
    ("coffee", "14209", 237.0, 3.0, 40.0),
    ("ham", "07029", 56.0, 22.0, 0.0),
    ("white bread", "18069", 58.0, 23.0, 0.0),
    ("mayonnaise", "04025", 13.8, 1.0, 0.0),
    ("potato chips", "19411", 28.349523125, 63.0, 0.0),
    ("cola", "14148", 370.0, 0.0, 9.0),
    ("coffee", "14209", 237.0, 3.0, 40.0),
    ("chocolate chip cookies", "18159", 25.8, 41.0, 11.0),
    ("pasta", "20121", 248.0, 18.0, 0.0),
    ("tomato sauce", "11549", 122.5, 15.0, 0.0),
    ("cola", "14148", 370.0, 0.0, 9.0),
    ("coffee", "14209", 237.0, 3.0, 40.0),
]
# 2 x 13.34 + 0.284 + 1.235 + 4 x 7.11 + 1.5 + 12.32 + 0.138 + 17.860 + 10.578 + 44.64 + 18.375
DAY1_MAGNESIUM = 162.0501996
# 4 x 94.8 (coffee) + 2 x 33.3 (cola) + 2.838 (cookies)
DAY1_CAFFEINE = 448.638


def matched(rows, date="2024-03-04", **extra) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "date": pd.to_datetime([date] * len(rows)),
            "food": [r[0] for r in rows],
            "food_id": [r[1] for r in rows],
            "grams": [r[2] for r in rows],
            "status": ["matched"] * len(rows),
            "supplement": [False] * len(rows),
            "entry_type": ["food"] * len(rows),
        }
    )
    for k, v in extra.items():
        df[k] = v
    return df


def test_literals_are_the_table_values():
    for _, fid, _, mg, caf in DAY1:
        assert FOODS.loc[fid, "magnesium"] == mg
        assert FOODS.loc[fid, "caffeine"] == caf


def test_day_total_by_hand():
    e = entry_contributions(matched(DAY1), FOODS)
    assert e["magnesium"].iloc[0] == pytest.approx(58 * 23 / 100)
    d = daily_totals(e)
    assert len(d) == 1
    assert d["magnesium"].iloc[0] == pytest.approx(DAY1_MAGNESIUM, rel=1e-9)
    assert d["caffeine"].iloc[0] == pytest.approx(DAY1_CAFFEINE, rel=1e-9)
    assert d["n_entries"].iloc[0] == len(DAY1)
    assert d["grams"].iloc[0] == pytest.approx(sum(r[2] for r in DAY1))


def test_missing_is_not_zero_and_biotin_has_no_data():
    e = entry_contributions(matched(DAY1), FOODS)
    assert e["biotin"].isna().all()  # SR28 has no biotin values
    d = daily_totals(e)
    assert np.isnan(d["biotin"].iloc[0])
    assert coverage(e)["biotin"] == 0.0
    assert coverage(e)["magnesium"] == 1.0


def test_coverage_is_mass_weighted_and_counts_unmatched_as_no_data():
    # spinach 100 g (vitamin D known), a food without vitamin D, and an unmatched entry
    no_vd = FOODS.index[FOODS["vitamin_d"].isna() & FOODS["magnesium"].notna()][0]
    rows = [("spinach", "11457", 100.0), ("x", no_vd, 300.0), ("mystery", None, 600.0)]
    m = pd.DataFrame(
        {
            "food": [r[0] for r in rows],
            "food_id": [r[1] for r in rows],
            "grams": [r[2] for r in rows],
            "status": ["matched", "matched", "unmatched"],
        }
    )
    cov = coverage(entry_contributions(m, FOODS))
    assert cov["magnesium"] == pytest.approx(400 / 1000)
    assert cov["vitamin_d"] == pytest.approx(100 / 1000)


def test_unknown_grams_weigh_the_median():
    m = pd.DataFrame(
        {
            "food": ["a", "b", "c", "d"],
            "food_id": ["11457", "11457", "11457", None],
            "grams": [10.0, 30.0, 50.0, np.nan],
            "status": ["matched", "matched", "matched", "unresolved"],
        }
    )
    e = entry_contributions(m, FOODS)
    assert e["mass_g"].iloc[3] == 30.0
    assert coverage(e)["magnesium"] == pytest.approx(90 / 120)


def test_given_rows_use_the_exports_amounts():
    m = pd.DataFrame(
        {
            "food": ["Cronometer food", "spinach"],
            "food_id": [None, "11457"],
            "grams": [np.nan, 100.0],
            "status": ["given", "matched"],
            "magnesium": [42.0, np.nan],
            "vitamin_d": [np.nan, np.nan],
        }
    )
    e = entry_contributions(m, FOODS)
    assert e["magnesium"].tolist() == [42.0, 79.0]
    assert np.isnan(e["vitamin_d"].iloc[0])


def test_undated_rows_form_one_day_per_person():
    m = matched(DAY1[:3], date=None, person=["ann", "ann", "bob"])
    d = daily_totals(entry_contributions(m, FOODS))
    assert d["person"].tolist() == ["ann", "bob"]
    assert d["date"].isna().all()
    assert d["n_entries"].tolist() == [2, 1]


def test_summary_rows_count_only_on_days_without_entries():
    m = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02"]),
            "meal": ["lunch", pd.NA, "lunch", "dinner"],
            "food": ["spinach", "TOTAL", "Lunch", "Dinner"],
            "food_id": ["11457", None, None, None],
            "grams": [100.0, np.nan, np.nan, np.nan],
            "status": ["matched", "given", "given", "given"],
            "entry_type": ["food", "summary", "summary", "summary"],
            "magnesium": [np.nan, 999.0, 100.0, 50.0],
        }
    )
    d = daily_totals(entry_contributions(m, FOODS))
    assert d["magnesium"].tolist() == [79.0, 150.0]


def test_supplements_and_folic_acid():
    m = pd.DataFrame(
        {
            "food": ["white bread", "folic acid tablet", "magnesium"],
            "food_id": ["18069", None, None],
            "grams": [100.0, np.nan, np.nan],
            "status": ["matched", "given", "given"],
            "supplement": [False, True, True],
            "folate": [np.nan, 680.0, np.nan],
            "magnesium": [np.nan, np.nan, 400.0],
        }
    )
    d = daily_totals(entry_contributions(m, FOODS))
    # bread: SR28 431 folic acid 86 µg/100 g; tablet 680 µg DFE = 400 µg folic acid
    assert FOODS.loc["18069", "folic_acid"] == 86.0
    assert d["folic_acid"].iloc[0] == pytest.approx(86 + 680 / DFE_PER_FOLIC_ACID)
    assert d["supplement_magnesium"].iloc[0] == 400.0
    assert d["magnesium"].iloc[0] == pytest.approx(400 + 23)
    assert d["supplement_niacin"].iloc[0] == 0.0


def test_daily_coverage_rows_match_daily_totals():
    m = pd.concat([matched(DAY1), matched(DAY1[:2], date="2024-03-05")], ignore_index=True)
    e = entry_contributions(m, FOODS)
    a, b = daily_totals(e), daily_coverage(e)
    assert a["date"].tolist() == b["date"].tolist()
    assert (b["magnesium"] == 1.0).all()


# ------------------------------------------------------------------ properties
IDS = ["11457", "18069", "14209", "20121", "01077", "09040", "12061"]
entry = st.tuples(
    st.sampled_from(IDS),
    st.floats(1, 500, allow_nan=False),
    st.sampled_from(["2024-01-01", "2024-01-02", "2024-01-03"]),
)


def _frame(rows) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime([r[2] for r in rows]),
            "food": [r[0] for r in rows],
            "food_id": [r[0] for r in rows],
            "grams": [r[1] for r in rows],
            "status": ["matched"] * len(rows),
        }
    )


KEYS = ["magnesium", "calcium", "potassium", "folate", "caffeine", "water", "energy"]


def _totals(rows) -> pd.DataFrame:
    return daily_totals(entry_contributions(_frame(rows), FOODS)).set_index("date")[KEYS]


@settings(max_examples=15, deadline=None)
@given(st.lists(entry, min_size=1, max_size=12))
def test_doubling_amounts_doubles_totals(rows):
    doubled = [(f, g * 2, d) for f, g, d in rows]
    pd.testing.assert_frame_equal(_totals(doubled), _totals(rows) * 2, rtol=1e-9)


@settings(max_examples=15, deadline=None)
@given(st.lists(entry, min_size=1, max_size=12), st.integers(0, 11), st.floats(0.05, 0.95))
def test_splitting_an_entry_keeps_totals(rows, i, share):
    i %= len(rows)
    f, g, d = rows[i]
    split = [*rows[:i], (f, g * share, d), (f, g * (1 - share), d), *rows[i + 1 :]]
    pd.testing.assert_frame_equal(_totals(split), _totals(rows), rtol=1e-9)


@settings(max_examples=15, deadline=None)
@given(st.lists(entry, min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_row_order_changes_nothing(rows, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    pd.testing.assert_frame_equal(_totals(shuffled), _totals(rows), rtol=1e-9)
    a = coverage(entry_contributions(_frame(rows), FOODS))
    b = coverage(entry_contributions(_frame(shuffled), FOODS))
    pd.testing.assert_series_equal(a, b, rtol=1e-12)


def _mfp_like() -> pd.DataFrame:
    """A MyFitnessPal-like per-food export: potassium and calcium columns only."""
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-03-01"] * 3),
            "food": ["Spinach, raw", "Bananas, raw", "xqzzy mystery bar"],
            "quantity": [1.0, 1.0, 1.0],
            "unit": ["cup", "medium", "bar"],
            "grams": np.nan,
            "entry_type": "food",
            "source_file": "mfp.csv",
            "potassium": [999.0, 422.0, 100.0],
            "calcium": [30.0, np.nan, 50.0],
        }
    )


def test_mfp_like_export_takes_missing_nutrients_from_the_table():
    from nutrigap.foods import match_foods

    m = match_foods(_mfp_like(), aliases={})
    # the export lacks magnesium (and 9 other tracked nutrients): its rows are matched
    assert m["status"].tolist() == ["matched", "matched", "unmatched"]
    assert m["food_id"].iloc[0] == "11457" and m["grams"].iloc[0] == 30.0  # 1 cup = 30 g
    e = entry_contributions(m, FOODS)
    # potassium from the export (999, not SR28's 558 mg/100 g x 0.3 = 167.4) ...
    assert e["potassium"].tolist() == [999.0, 422.0, 100.0]
    # ... magnesium from the table: spinach 79 mg/100 g x 30 g, banana 27 x 118 g
    assert e["magnesium"].iloc[0] == pytest.approx(79 * 0.30)
    assert e["magnesium"].iloc[1] == pytest.approx(27 * 1.18)
    # a blank cell in a column the export has stays no data (not the table's value)
    assert np.isnan(e["calcium"].iloc[1])
    # the unmatched row keeps its own values, counts, and has nothing else
    assert np.isnan(e["magnesium"].iloc[2]) and e["counted"].all()
    assert e["amount_source"].tolist() == ["mixed", "mixed", "export"]
    d = daily_totals(e)
    assert d["potassium"].iloc[0] == pytest.approx(999 + 422 + 100)
    assert d["magnesium"].iloc[0] == pytest.approx(79 * 0.30 + 27 * 1.18)


def test_export_columns_are_judged_per_source_file():
    # vitamin D blank in every row of a.csv (no such column there) but exported in b.csv
    m = pd.DataFrame(
        {
            "food": ["spinach", "spinach", "spinach"],
            "food_id": ["11457", "11457", "11457"],
            "grams": [100.0, 100.0, 100.0],
            "status": ["matched", "matched", "matched"],
            "source_file": ["a.csv", "b.csv", "b.csv"],
            "magnesium": [50.0, 60.0, 70.0],
            "vitamin_d": [np.nan, np.nan, 2.0],
            "potassium": [np.nan, np.nan, np.nan],
        }
    )
    e = entry_contributions(m, FOODS)
    assert e["magnesium"].tolist() == [50.0, 60.0, 70.0]
    # a.csv: from SR28 (spinach 0 µg); b.csv: the export's value, blank stays blank
    assert e["vitamin_d"].iloc[0] == FOODS.loc["11457", "vitamin_d"]
    assert np.isnan(e["vitamin_d"].iloc[1]) and e["vitamin_d"].iloc[2] == 2.0
    # potassium blank everywhere: from the table (SR28 558 mg/100 g)
    assert e["potassium"].tolist() == [558.0] * 3
    assert e["amount_source"].tolist() == ["mixed", "mixed", "mixed"]
