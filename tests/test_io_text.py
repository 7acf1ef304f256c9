"""Free-text entries and diaries (nutrigap.io.text)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import nutrigap
from nutrigap.io import parse_entry, read_text_diary
from nutrigap.io._quantity import VULGAR, parse_amount, parse_number

DATA = Path(__file__).parent / "data" / "diaries"


@pytest.mark.parametrize(
    ("text", "quantity", "unit", "food"),
    [
        ("2 cups spinach", 2.0, "cup", "spinach"),
        ("almonds 30g", 30.0, "g", "almonds"),
        ("1 medium banana", 1.0, "medium", "banana"),
        ("3 eggs", 3.0, None, "eggs"),
        ("200 ml milk", 200.0, "ml", "milk"),
        ("1½ tbsp peanut butter", 1.5, "tbsp", "peanut butter"),
        ("1 ½ tbsp peanut butter", 1.5, "tbsp", "peanut butter"),
        ("1 1/2 cups oats", 1.5, "cup", "oats"),
        ("1-1/2 cups oats", 1.5, "cup", "oats"),
        ("a handful of almonds", 1.0, "handful", "almonds"),
        ("coffee", math.nan, None, "coffee"),
        ("⅔ c flour", 2 / 3, "cup", "flour"),
        ("0,5 l water", 0.5, "l", "water"),
        ("2-3 tbsp olive oil", 2.5, "tbsp", "olive oil"),
        ("two slices of toast", 2.0, "slice", "toast"),
        ("an apple", 1.0, None, "apple"),
        ("milk, 200 ml", 200.0, "ml", "milk"),
        ("rice (1 cup)", 1.0, "cup", "rice"),
        ("eggs x3", 3.0, None, "eggs"),
        ("3 garlic cloves, minced", 3.0, "clove", "garlic, minced"),
        ("1 lg clove garlic", 1.0, "clove", "garlic"),
        ("Pinch of salt", math.nan, "pinch", "salt"),
        ("1 carrot", 1.0, None, "carrot"),
    ],
)
def test_parse_entry(text, quantity, unit, food):
    e = parse_entry(text)
    if math.isnan(quantity):
        assert math.isnan(e.quantity)
    else:
        assert e.quantity == pytest.approx(quantity)
    assert e.unit == unit
    assert e.food == food


def test_parse_entry_grams_from_stated_mass():
    assert parse_entry("almonds 30g").grams == 30.0
    assert parse_entry("4.8 oz salmon").grams == pytest.approx(136.078, abs=1e-3)
    # containers of a stated size: quantity x size
    e = parse_entry("2 8 oz packages cream cheese")
    assert (e.quantity, e.unit) == (2.0, "package")
    assert e.grams == pytest.approx(2 * 226.796, abs=1e-2)
    e = parse_entry("1 (14-oz) can tomatoes")
    assert (e.unit, e.food) == ("can", "tomatoes")
    assert e.grams == pytest.approx(396.89, abs=1e-2)
    # a parenthesised mass after a volume is the total
    assert parse_entry("¼ c (1.5 oz) roasted crickets").grams == pytest.approx(42.52, abs=1e-2)
    # volumes are not masses: no grams
    assert math.isnan(parse_entry("200 ml milk").grams)


def test_vulgar_fractions_come_from_unicodedata():
    assert VULGAR["½"] == 0.5 and VULGAR["⅛"] == 0.125 and VULGAR["⅞"] == 0.875
    assert len(VULGAR) >= 18
    for ch, value in VULGAR.items():
        assert parse_number(ch) == pytest.approx(value)
        assert parse_number("2" + ch) == pytest.approx(2 + value)


def test_parse_number_forms():
    assert parse_number("3,436") == 3436.0
    assert parse_number("3,436", decimal_comma=True) == pytest.approx(3.436)
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1/0") != parse_number("1/0")  # NaN, not ZeroDivisionError
    assert math.isnan(parse_number("lots"))


def test_parse_amount_cells():
    assert parse_amount("30g") == (30.0, "g", 30.0)
    assert parse_amount("2 serving(s)")[:2] == (2.0, "serving")
    assert parse_amount("0,5 l", decimal_comma=True)[:2] == (0.5, "l")
    assert parse_amount("1 c")[:2] == (1.0, "cup")
    assert parse_amount("-2 cups").quantity == -2.0
    assert parse_amount("")[:2] == (parse_amount("").quantity, None)


def test_text_diary_from_lines_dates_and_meals():
    d = nutrigap.read_diary(
        ["2024-03-01 2 eggs", "breakfast: oatmeal", "", "2024-03-02", "lunch: 1 cup rice", "coffee"]
    )
    assert d.attrs["format"] == "text"
    assert list(d["food"]) == ["eggs", "oatmeal", "rice", "coffee"]
    assert list(d["source_line"]) == [1, 2, 5, 6]
    assert list(d["date"].dt.day) == [1, 1, 2, 2]
    assert list(d["meal"].fillna("-")) == ["-", "breakfast", "lunch", "-"]
    assert d.attrs["rejected"].empty


def test_bare_lines_have_no_date():
    d = read_text_diary(["3 eggs", "coffee"])
    assert d["date"].isna().all()
    assert str(d["date"].dtype) == "datetime64[ns]"


def test_text_file_with_rejects():
    d = nutrigap.read_diary(DATA / "diary.txt")
    assert d.attrs["format"] == "text"
    assert len(d) == 6
    rej = d.attrs["rejected"]
    assert list(rej["source_line"]) == [10]
    assert rej["reason"].iloc[0] == "not a date"  # 30 February
    # every non-blank, non-header, non-comment line is accounted for
    assert sorted([*d["source_line"], *rej["source_line"]]) == [3, 4, 5, 7, 8, 9, 10]
    row = d.set_index("source_line").loc[8]
    assert (row["food"], row["unit"], row["meal"]) == ("almonds", "handful", "lunch")
    assert row["date"].day == 2


def test_absurd_text_entries_rejected():
    d = read_text_diary(["45 kg rice", "2 cups", "-1 cup milk", "1 cup milk"])
    reasons = dict(
        zip(d.attrs["rejected"]["source_line"], d.attrs["rejected"]["reason"], strict=True)
    )
    assert list(d["source_line"]) == [4]
    assert "5000" in reasons[1]
    assert reasons[2] == "no food named"
    assert reasons[3] == "negative quantity"


def test_quantity_benchmark_agreement(real_samples):
    import importlib.util

    path = real_samples / "ingredient-lines-tastecooking.csv"
    if not path.is_file():
        pytest.skip("ingredient lines absent")
    bench = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_quantity_parsing.py"
    spec = importlib.util.spec_from_file_location("bench_quantity_parsing", bench)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = mod.score(path)
    assert r["lines"] == 6320
    assert r["quantity"] >= 0.95
    assert r["unit"] >= 0.95
