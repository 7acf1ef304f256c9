"""Spelled-out quantities in free text and ``read_diary(columns=...)`` in auto mode."""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nutrigap.io import QuantityWarning, parse_amount, parse_entry, read_diary
from nutrigap.io._quantity import CARDINALS

WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
WORDS += ["eleven", "twelve"]


@pytest.mark.parametrize(
    ("text", "quantity", "unit", "food"),
    [
        ("one and a half cups rice", 1.5, "cup", "rice"),
        ("two and a quarter cups flour", 2.25, "cup", "flour"),
        ("one-and-a-half cups rice", 1.5, "cup", "rice"),
        ("one and one half cups rice", 1.5, "cup", "rice"),
        ("1 and a half cups rice", 1.5, "cup", "rice"),
        ("two and three quarters cups milk", 2.75, "cup", "milk"),
        ("a half cup milk", 0.5, "cup", "milk"),
        ("half a cup milk", 0.5, "cup", "milk"),
        ("half an avocado", 0.5, None, "avocado"),
        ("three quarters cup sugar", 0.75, "cup", "sugar"),
        ("a dozen eggs", 12.0, None, "eggs"),
        ("half a dozen eggs", 6.0, None, "eggs"),
        ("2 dozen eggs", 24.0, None, "eggs"),
        ("a couple of eggs", 2.0, None, "eggs"),
        ("two to three eggs", 2.5, None, "eggs"),
        ("a pinch or two of kosher salt", 1.5, "pinch", "kosher salt"),
        ("2 cups and a half rice", 2.5, "cup", "rice"),
        ("an apple", 1.0, None, "apple"),
        ("twelve almonds", 12.0, None, "almonds"),
    ],
)
def test_spelled_out_quantities(text, quantity, unit, food):
    e = parse_entry(text)
    assert e.quantity == pytest.approx(quantity)
    assert e.unit == unit
    assert e.food == food


@given(
    n=st.sampled_from(WORDS),
    frac=st.sampled_from([("a half", 0.5), ("a quarter", 0.25), ("one half", 0.5)]),
    sep=st.sampled_from([" and ", " & ", "-and-"]),
)
def test_whole_and_fraction_words(n, frac, sep):
    text = f"{n}{sep}{frac[0]} cups rice".replace("-and-a ", "-and-a-")
    e = parse_entry(text)
    assert e.quantity == pytest.approx(CARDINALS[n] + frac[1])
    assert (e.unit, e.food) == ("cup", "rice")


def test_amount_cell_reads_words():
    a = parse_amount("one and a half cups")
    assert (a.quantity, a.unit) == (1.5, "cup")
    assert parse_amount("one and a half oz").grams == pytest.approx(1.5 * 28.349523125)
    assert parse_amount("two and a quarter tbsp").quantity == 2.25
    assert parse_amount("a dozen").quantity == 12.0


def test_half_and_half_is_a_food():
    e = parse_entry("2 tbsp half and half")
    assert (e.quantity, e.unit, e.food) == (2.0, "tbsp", "half and half")
    e = parse_entry("half-and-half")
    assert math.isnan(e.quantity) and e.food == "half-and-half"


@pytest.mark.parametrize("text", ["one and a bit cups rice", "one and a cup rice"])
def test_unreadable_number_words_warn_and_keep_no_quantity(text):
    with pytest.warns(QuantityWarning, match="quantity words not understood"):
        e = parse_entry(text)
    assert math.isnan(e.quantity) and e.unit is None and e.food == text


def test_plain_entries_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for t in ["a few almonds", "coffee", "2 eggs", "1 one-inch piece ginger"]:
            parse_entry(t)


def test_text_diary_rejects_unreadable_number_words():
    d = read_diary(["one and a bit cups rice", "one and a half cups rice"])
    assert d["food"].tolist() == ["rice"]
    assert d["quantity"].tolist() == [1.5]
    rej = d.attrs["rejected"]
    assert rej["source_line"].tolist() == [1]
    assert "quantity words not understood" in rej["reason"].iloc[0]


def test_read_diary_auto_uses_columns_map(tmp_path):
    text = "Thing,How much,When\napple,1 medium,2024-03-01\nrice,one and a half cups,2024-03-01\n"
    cols = {"food": "Thing", "amount": "How much", "date": "When"}
    for source in (text, tmp_path / "d.csv"):
        if not isinstance(source, str):
            source.write_text(text)
        d = read_diary(source, columns=cols)
        assert d.attrs["format"] == "csv"
        assert d["food"].tolist() == ["apple", "rice"]
        assert d["quantity"].tolist() == [1.0, 1.5]
        assert d["unit"].tolist() == ["medium", "cup"]


def test_read_diary_auto_columns_on_txt_file(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("Thing,How much\nmilk,200 ml\n")
    d = read_diary(p, columns={"food": "Thing", "amount": "How much"})
    assert (d["food"].tolist(), d["unit"].tolist()) == (["milk"], ["ml"])
