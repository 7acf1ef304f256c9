"""Format readers on hand-written fixtures and the real exports in shared/samples/real."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nutrigap
from nutrigap.exceptions import DiaryFormatError
from nutrigap.io import (
    CANONICAL_COLUMNS,
    REJECTED_COLUMNS,
    read_cronometer,
    read_csv_diary,
    read_diaries,
    read_diary,
    read_myfitnesspal,
    rejected_rows,
)

DATA = Path(__file__).parent / "data" / "diaries"
CORE = [c for c in CANONICAL_COLUMNS if c != "person"]


def _data_lines(path: Path) -> int:
    """Records after the header that are not blank (csv module count)."""
    import csv

    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c.strip() for c in r)]
    return len(rows) - 1


def _check_contract(d: pd.DataFrame) -> None:
    assert list(d.columns[: len(CORE)]) == CORE or list(d.columns[1 : len(CORE) + 1]) == CORE
    assert str(d["date"].dtype) == "datetime64[ns]"
    assert d["quantity"].dtype == "float64" and d["grams"].dtype == "float64"
    assert d["supplement"].dtype == bool
    assert d["source_line"].dtype == "int64"
    assert set(d["entry_type"]) <= {"food", "summary"}
    assert list(rejected_rows(d).columns) == REJECTED_COLUMNS
    assert isinstance(d.attrs["format"], str)


# --- generic CSV ---------------------------------------------------------------


def test_generic_csv_flexible_headers_and_amounts():
    d = read_diary(DATA / "generic.csv")
    _check_contract(d)
    assert d.attrs["format"] == "csv"
    assert "person" not in d.columns
    by = d.set_index("food")
    assert by.loc["Almonds", ["quantity", "unit", "grams"]].tolist() == [30.0, "g", 30.0]
    assert by.loc["Peanut butter", "quantity"] == 1.5
    assert by.loc["Spinach", ["quantity", "unit"]].tolist() == [0.5, "cup"]
    assert by.loc["Eggs", "quantity"] == 3.0 and pd.isna(by.loc["Eggs", "unit"])
    assert by.loc["Magnesium glycinate", "supplement"]
    assert not by.loc["Almonds", "supplement"]
    assert by.loc["Oatmeal", "meal"] == "Breakfast"
    assert list(d["source_line"]) == list(range(2, 10))


def test_generic_semicolon_decimal_comma_cp1252():
    d = read_csv_diary(DATA / "generic_semicolon_cp1252.csv")
    assert list(d["food"]) == ["Crème fraîche", "Vollmilch", "Käse – Gouda"]
    assert d["grams"].iloc[0] == 30.5
    assert d["quantity"].iloc[1] == 0.5 and d["unit"].iloc[1] == "l"
    assert d["date"].iloc[2] == pd.Timestamp("2024-03-02")  # 02.03.2024 is day first


def test_generic_tab_bom_person_column():
    d = read_diary(DATA / "generic_tab_bom.tsv")
    assert d.columns[0] == "person"
    assert list(d["person"]) == ["ana", "ana", "ben"]
    assert d["unit"].iloc[0] == "slice" and d["grams"].iloc[0] == 64.0


def test_generic_latin1_fallback():
    d = read_diary(DATA / "generic_latin1.csv")
    assert d["food"].iloc[0].startswith("Jalapeño")
    assert d["food"].iloc[1] == "Café au lait"


def test_explicit_columns_map_wins():
    text = "When,What I ate,How much\n2024-01-01,toast,2 slices\n"
    with pytest.raises(DiaryFormatError, match="What I ate"):
        read_diary(text)
    d = read_csv_diary(text, columns={"date": "When", "food": "What I ate", "amount": "How much"})
    assert d[["food", "quantity", "unit"]].iloc[0].tolist() == ["toast", 2.0, "slice"]


def test_messy_file_nothing_lost():
    with pytest.warns(UserWarning, match="duplicate column"):
        d = read_diary(DATA / "messy.csv")
    rej = rejected_rows(d)
    # 9 data records (one spans 2 lines, one 3 lines); blank lines are not data
    assert len(d) + len(rej) == 9 == _data_lines(DATA / "messy.csv")
    assert d["food"].iloc[0] == "Porridge\nwith honey"
    assert list(d["source_line"]) == [2, 5, 12]  # the line where each record starts
    reasons = dict(zip(rej["source_line"], rej["reason"], strict=True))
    assert reasons == {
        6: "column 'date': not a date '2024-03-45'",
        7: "more than 5000 g in one entry (limit MAX_GRAMS)",
        8: "7 fields, the header has 5",
        9: "missing food",
        10: "negative quantity",
        15: "column 'amount': no quantity in 'some'",
    }
    assert rej.set_index("source_line").loc[8, "raw"] == "2024-03-02,Tea,1 cup,x,,extra,cells"


def test_generic_nutrient_columns_converted():
    text = "date,food,grams,Magnesium (mg),vitamin_d_iu,Potassium\n2024-01-01,salmon,100,30,400,\n"
    d = read_csv_diary(text)
    assert d["magnesium"].iloc[0] == 30.0
    assert d["vitamin_d"].iloc[0] == pytest.approx(10.0)  # 400 IU = 10 µg
    assert math.isnan(d["potassium"].iloc[0])  # blank is missing, not zero


def test_ffill_dates_option():
    text = "date,food\n2024-01-01,toast\n,jam\n2024-01-02,tea\n"
    assert rejected_rows(read_csv_diary(text))["reason"].tolist() == ["missing date"]
    d = read_csv_diary(text, ffill_dates=True)
    assert list(d["date"].dt.day) == [1, 1, 2]


# --- Cronometer ----------------------------------------------------------------


def test_cronometer_servings_fixture():
    d = read_diary(DATA / "cronometer_servings.csv")
    _check_contract(d)
    assert d.attrs["format"] == "cronometer-servings"
    by = d.set_index("food")
    # Vitamin D (IU) -> µg at 40 IU/µg, once per column
    assert by.loc["Milk, Whole", "vitamin_d"] == pytest.approx(124.44 / 40)
    assert by.loc["Vitamin D3", "vitamin_d"] == pytest.approx(50.0)
    assert by.loc["Vitamin D3", ["quantity", "unit"]].tolist() == [2000.0, "iu"]
    # blank cells are missing, not zero
    assert math.isnan(by.loc["Oats, Rolled", "biotin"])
    assert math.isnan(by.loc["Lentil Soup", "magnesium"])
    assert by.loc["Lentil Soup", ["unit", "grams"]].tolist() == ["full recipe", 151.0]
    # Category "Supplements" or a dose form => supplement; the Group named
    # "Supplements" holds strawberries too and does not decide
    assert by.loc["Vitamin D3", "supplement"]
    assert by.loc["Magnesium Citrate", "supplement"]
    assert not by.loc["Strawberries, Fresh", "supplement"]
    assert by.loc["Strawberries, Fresh", "meal"] == "Supplements"
    assert by.loc["Banana, Fresh", ["quantity", "unit"]].tolist() == [1.0, "medium"]
    assert by.loc["Oats, Rolled", "grams"] == 40.0
    assert by.loc["Oats, Rolled", "thiamin"] == 0.18
    assert {"energy", "water", "caffeine", "alcohol", "folate", "vitamin_b12"} <= set(d.columns)
    assert "iron" not in d.columns and "Sodium (mg)" not in d.columns


def test_cronometer_old_export_without_time_and_group():
    d = read_cronometer(DATA / "cronometer_servings_old.csv")
    assert d["meal"].isna().all()
    assert d[["quantity", "unit"]].iloc[0].tolist() == [16.0, "fl oz"]  # 2.00 x 8.0 fl oz


def test_cronometer_daily_summary():
    d = read_diary(DATA / "cronometer_dailysummary.csv")
    assert d.attrs["format"] == "cronometer-summary"
    assert set(d["entry_type"]) == {"summary"}
    assert d["vitamin_d"].iloc[0] == pytest.approx(667 / 40)
    assert math.isnan(d["magnesium"].iloc[1])


def test_cronometer_real_exports(real_samples):
    big = read_diary(real_samples / "cronometer-servings-large.csv")
    assert len(big) + len(rejected_rows(big)) == 9244
    assert len(big) == 9244
    assert big["source_line"].iloc[-1] == 9245
    assert big["vitamin_d"].max() < 1000  # µg, not IU
    assert big["supplement"].sum() >= 470  # at least the "Supplements" category rows
    assert big["date"].min() == pd.Timestamp("2023-09-17")
    # each Amount string parsed: every row has a quantity or stated grams
    assert (big["quantity"].notna() | big["grams"].notna()).all()
    raw = pd.read_csv(real_samples / "cronometer-servings-large.csv")
    np.testing.assert_allclose(big["magnesium"], raw["Magnesium (mg)"], equal_nan=True)
    np.testing.assert_allclose(big["vitamin_d"] * 40, raw["Vitamin D (IU)"], equal_nan=True)
    summary = read_diary(real_samples / "cronometer-dailysummary-large.csv")
    assert len(summary) == 294 and set(summary["entry_type"]) == {"summary"}
    branded = read_diary(real_samples / "cronometer-servings-branded.csv")
    assert len(branded) == 437
    assert branded["magnesium"].isna().sum() > 50  # branded foods: blank, not zero
    grams = read_diary(real_samples / "cronometer-servings-grams-no-vitd.csv")
    assert "vitamin_d" not in grams.columns
    assert (grams["unit"] == "g").all() and grams["grams"].notna().all()


# --- MyFitnessPal --------------------------------------------------------------


def test_mfp_summary_calcium_is_percent_dv():
    d = read_diary(DATA / "mfp_summary.csv")
    assert d.attrs["format"] == "myfitnesspal-summary"
    assert list(d["food"]) == ["Breakfast (meal total)", "Lunch (meal total)"]
    assert set(d["entry_type"]) == {"summary"}
    assert list(d["calcium_pct_dv"]) == [6.0, 25.0]
    assert list(d["calcium"]) == [60.0, 250.0]  # 1,000 mg old Daily Value
    assert list(d["potassium"]) == [498.0, 358.0]  # mg as written
    assert list(d["energy"]) == [751.0, 971.2]
    kept = read_myfitnesspal(DATA / "mfp_summary.csv", calcium_dv_mg=None)
    assert kept["calcium"].isna().all() and list(kept["calcium_pct_dv"]) == [6.0, 25.0]


def test_mfp_summary_month_first_dates_with_time_and_note():
    d = read_diary(DATA / "mfp_summary_mdy.csv")
    assert list(d["date"]) == [pd.Timestamp("2023-01-13")] * 2
    assert math.isnan(d["potassium"].iloc[1])
    assert d["calcium"].iloc[0] == pytest.approx(703.0)


def test_mfp_food_diary():
    d = read_diary(DATA / "mfp_foods.csv")
    assert d.attrs["format"] == "myfitnesspal-foods"
    assert d["grams"].iloc[0] == pytest.approx(136.078, abs=1e-3)
    assert d[["quantity", "unit"]].iloc[1].tolist() == [2.0, "serving"]
    assert d[["quantity", "unit"]].iloc[2].tolist() == [0.5, "cup"]  # from the item text
    assert d["energy"].iloc[3] == 1080.0  # thousands separator
    assert d["date"].iloc[0] == pd.Timestamp("2019-01-01")


def test_mfp_real_exports(real_samples):
    for name, n in [
        ("myfitnesspal-nutrition-summary-2018.csv", 295),
        ("myfitnesspal-nutrition-summary-mdy.csv", 2966),
        ("myfitnesspal-printable-diary-foods.csv", 464),
    ]:
        d = read_diary(real_samples / name)
        assert len(d) + len(rejected_rows(d)) == n, name
        assert d["date"].notna().all()
    d = read_diary(real_samples / "myfitnesspal-nutrition-summary-2018.csv")
    raw = pd.read_csv(
        real_samples / "myfitnesspal-nutrition-summary-2018.csv", encoding="utf-8-sig"
    )
    np.testing.assert_allclose(d["calcium_pct_dv"], raw["Calcium"])
    np.testing.assert_allclose(d["calcium"], raw["Calcium"] * 10)
    np.testing.assert_allclose(d["potassium"], raw["Potassium"])


# --- auto-detection, errors, many files -------------------------------------------


def test_unknown_layout_lists_columns_seen_and_needed():
    with pytest.raises(DiaryFormatError) as err:
        read_diary("colour,size\nred,3\n")
    msg = str(err.value)
    assert "['colour', 'size']" in msg and "Food Name" in msg and "food" in msg
    assert err.value.line == 1


def test_unreadable_sources_name_file_and_line(tmp_path):
    with pytest.raises(DiaryFormatError, match="no such file"):
        read_diary(tmp_path / "missing.csv")
    p = tmp_path / "bin.csv"
    p.write_bytes(b"date,food\n2024-01-01,toast\n\x00\x01\x02")
    with pytest.raises(DiaryFormatError, match="line 3"):
        read_diary(p)
    p.write_bytes(b"")
    with pytest.raises(DiaryFormatError, match="empty"):
        read_diary(p)


def test_file_objects_and_strings():
    text = (DATA / "generic.csv").read_text(encoding="utf-8")
    a = read_diary(io.StringIO(text))
    b = read_diary(io.BytesIO(text.encode("utf-8")))
    c = read_diary(text)
    assert c["source_file"].iloc[0] == "<string>"
    pd.testing.assert_frame_equal(a.drop(columns="source_file"), c.drop(columns="source_file"))
    pd.testing.assert_frame_equal(b.drop(columns="source_file"), c.drop(columns="source_file"))


def test_read_diaries_person_from_stem(tmp_path):
    (tmp_path / "alice.csv").write_text("date,food,amount\n2024-01-01,toast,2 slices\n")
    (tmp_path / "bob.csv").write_text("date,food,amount\n2024-01-01,tea,1 cup\nbad,tea,1 cup\n")
    (tmp_path / "group.csv").write_text("date,person,food\n2024-01-01,carol,egg\n")
    d = read_diaries(tmp_path)
    assert d.columns[0] == "person"
    assert list(d["person"]) == ["alice", "bob", "carol"]
    rej = rejected_rows(d)
    assert len(rej) == 1 and rej["source_file"].iloc[0].endswith("bob.csv")
    assert d.attrs["format"] == "csv"
    d2 = read_diaries(str(tmp_path / "[ab]*.csv"))
    assert sorted(d2["person"].unique()) == ["alice", "bob"]
    with pytest.raises(DiaryFormatError):
        read_diaries(tmp_path / "nothing*.csv")


def test_public_names_exported():
    assert nutrigap.read_diary is read_diary
    assert nutrigap.parse_entry("3 eggs").quantity == 3.0
