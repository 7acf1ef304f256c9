"""The large-file path (pandas' C parser) reads exactly what the csv-module path reads.

Large texts are split by pandas when every record is one physical line
(``FAST_MIN_CHARS``); these tests force that path on small inputs and compare
every column, the line numbers and the rejected rows with the reference path.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutrigap.io import _common, read_csv_diary, rejected_rows
from nutrigap.io._common import read_table


def _both(monkeypatch, fn):
    monkeypatch.setattr(_common, "FAST_MIN_CHARS", 10**12)
    slow = fn()
    monkeypatch.setattr(_common, "FAST_MIN_CHARS", 0)
    fast = fn()
    return slow, fast


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(pd.DataFrame(rejected_rows(a)), pd.DataFrame(rejected_rows(b)))


MESSY = (
    "\n\nDate,Food,Amount,Meal\n"
    "2024-01-01, oatmeal ,1 cup,Breakfast\n"
    "\n"
    "2024-01-01,,2 tbsp,Lunch\n"
    ",,,\n"
    '2024-01-02,"cheese, cheddar",30g,\n'
    "2024-01-02,steak,-5 oz,Dinner\n"
    "yesterday,apple,1 medium,Snack\n"
    '2024-01-03,5" sub,1,Lunch\n'
    "2024-01-03,water,9000 g\n"
    "2024-02-30,rice,1/2 cup,Dinner\n"
    "2024-01-04,tea,a few,Dinner\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_fast_path_same_rows_lines_and_rejects(monkeypatch, newline):
    text = MESSY.replace("\n", newline)
    slow, fast = _both(monkeypatch, lambda: read_csv_diary(text))
    _same(slow, fast)
    assert list(fast["source_line"]) == [4, 8, 11]  # blank lines are not rows
    assert fast["food"].tolist() == ["oatmeal", "cheese, cheddar", '5" sub']
    rej = rejected_rows(fast)
    assert list(rej["source_line"]) == [6, 9, 10, 12, 13, 14]
    assert rej.set_index("source_line").loc[9, "raw"] == "2024-01-02,steak,-5 oz,Dinner"


def test_fast_path_used_only_when_records_are_single_lines(monkeypatch):
    monkeypatch.setattr(_common, "FAST_MIN_CHARS", 0)
    one_line = read_table("food,amount\negg,1\n", "<string>")
    assert isinstance(one_line.columns, _common._Columns) and one_line._factors
    quoted_nl = read_table('food,amount\n"egg\nfried",1\ntea,1\n', "<string>")
    assert not quoted_nl._factors  # the csv module handled it
    assert list(quoted_nl.lines) == [2, 4] and list(quoted_nl.ends) == [3, 4]
    too_many = read_table("food,amount\negg,1,extra\ntea,1\n", "<string>")
    assert list(too_many.lines) == [3]
    assert too_many.rejected[0][0] == 2


def test_fast_path_semicolon_decimal_comma_and_encodings(monkeypatch, tmp_path):
    rows = ["Datum;Lebensmittel;Menge;Einheit;Magnesium (mg)"] + [
        f"0{d}.01.2024;Käse {i % 7};0,5;Stück;{i},5" for i in range(300) for d in (1, 2)
    ]
    path = tmp_path / "de.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1252"))
    cols = {"food": "Lebensmittel", "quantity": "Menge", "unit": "Einheit"}
    slow, fast = _both(monkeypatch, lambda: read_csv_diary(path, columns=cols))
    _same(slow, fast)
    assert fast["quantity"].eq(0.5).all() and fast["food"].iloc[0] == "Käse 0"
    assert fast["magnesium"].iloc[3] == pytest.approx(1.5)


def test_large_file_takes_the_fast_path_and_numbers_lines(tmp_path):
    n = 20_000
    df = pd.DataFrame(
        {
            "person": [f"p{i % 50}" for i in range(n)],
            "date": ["2024-03-01"] * n,
            "food": ["banana", "WENDY'S, Double Stack", "milk"] * (n // 3) + ["egg"] * (n % 3),
            "amount": ["1 medium", "30g", "1/2 cup", "1"] * (n // 4),
        }
    )
    text = df.to_csv(index=False).replace("\n", "\n\n", 1)  # one blank line after the header
    text = text.replace("30g\n", "-30g\n", 1)
    assert len(text) >= _common.FAST_MIN_CHARS
    table = read_table(text, "<string>")
    assert table._factors  # pandas split it
    d = read_csv_diary(text)
    rej = rejected_rows(d)
    assert len(d) + len(rej) == n
    assert list(rej["source_line"]) == [4] and rej["reason"].iloc[0] == "negative quantity"
    assert d["source_line"].iloc[0] == 3 and d["source_line"].iloc[-1] == n + 2
    assert d["grams"].iloc[0] != d["grams"].iloc[0]  # 1 medium banana: no stated mass
    half = d["source_line"].sub(3).mod(4).eq(2)  # rows written with "1/2 cup"
    assert d.loc[half, "unit"].eq("cup").all() and d.loc[half, "quantity"].eq(0.5).all()
    assert d.loc[~half, "unit"].ne("cup").all()
    assert d["person"].nunique() == 50


CELL = st.text(st.sampled_from(list('ab ,;"\t\r\n-1/2éx')), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=4), max_size=8),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_fast_and_csv_paths_agree_on_any_text(rows, newline):
    import csv

    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(["date", "food", "amount"])
    w.writerows(rows)
    text = buf.getvalue()
    results = []
    for threshold in (10**12, 0):
        old = _common.FAST_MIN_CHARS
        _common.FAST_MIN_CHARS = threshold
        try:
            results.append(read_csv_diary(text))
        except Exception as exc:  # both paths must fail the same way
            results.append(repr(exc))
        finally:
            _common.FAST_MIN_CHARS = old
    slow, fast = results
    if isinstance(slow, str) or isinstance(fast, str):
        assert slow == fast
    else:
        _same(slow, fast)
        assert np.all(np.diff(fast["source_line"].to_numpy()) > 0)
