"""Properties of the readers: nothing lost, any encoding/delimiter, lossless CSV round trip."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nutrigap.io import read_csv_diary, read_diary, rejected_rows
from nutrigap.io._common import load_text, sniff_delimiter

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1"]
DELIMITERS = [",", ";", "\t"]
# characters every supported encoding can write
ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 ,;\"'\t\n-éüñçß()/"))
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def diary_rows(draw):
    n = draw(st.integers(min_value=0, max_value=12))
    rows = []
    for _ in range(n):
        date = draw(
            st.one_of(
                st.dates(
                    min_value=pd.Timestamp("2000-01-01").date(),
                    max_value=pd.Timestamp("2030-12-31").date(),
                ).map(str),
                st.sampled_from(["2024-02-30", "yesterday", ""]),
            )
        )
        food = draw(st.text(ALPHABET, min_size=0, max_size=20))
        qty = draw(
            st.one_of(
                st.decimals(min_value=-5, max_value=20000, places=2, allow_nan=False),
                st.sampled_from(["", "lots"]),
            )
        )
        unit = draw(st.sampled_from(["cup", "g", "tbsp", "medium", "", "slices"]))
        meal = draw(st.sampled_from(["Breakfast", "lunch", "", "Snack time"]))
        rows.append((date, food, qty, unit, meal))
    return rows


def _write(rows, encoding: str, delimiter: str) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(["Date", "Food", "Quantity", "Unit", "Meal"])
    for date, food, qty, unit, meal in rows:
        q = str(qty)
        if delimiter == ";" and q not in {"", "lots"}:
            q = q.replace(".", ",")  # a semicolon file writes decimal commas
        w.writerow([date, food, q, unit, meal])
    return buf.getvalue().encode(encoding)


@SETTINGS
@given(
    rows=diary_rows(), encoding=st.sampled_from(ENCODINGS), delimiter=st.sampled_from(DELIMITERS)
)
def test_rows_read_plus_rejected_equals_lines_written(rows, encoding, delimiter):
    data = _write(rows, encoding, delimiter)
    d = read_csv_diary(io.BytesIO(data))
    rej = rejected_rows(d)
    assert len(d) + len(rej) == len(rows)
    # each written row is at most one of the two, at the line where it starts
    assert not set(d["source_line"]) & set(rej["source_line"])
    for (date, food, qty, _unit, _meal), line in zip(rows, _starts(rows), strict=True):
        row = d[d["source_line"] == line]
        if len(row):
            assert row["food"].iloc[0] == food.strip()
            assert row["date"].iloc[0] == pd.Timestamp(date)
            if qty not in {"", "lots"}:
                assert row["quantity"].iloc[0] == pytest.approx(float(qty))


def _starts(rows) -> list[int]:
    line, out = 2, []
    for r in rows:
        out.append(line)
        line += sum(c.count("\n") for c in map(str, r)) + 1
    return out


@st.composite
def canonical_diaries(draw):
    n = draw(st.integers(min_value=1, max_value=10))
    food = st.text(ALPHABET, min_size=1, max_size=15).map(str.strip).filter(bool)
    qty = st.one_of(st.just(math.nan), st.floats(min_value=0, max_value=5000, allow_nan=False))
    rows = []
    for _ in range(n):
        unit = draw(st.sampled_from(["cup", "tbsp", "medium", "slice", "g", None]))
        q = draw(qty)
        grams = q if unit == "g" else draw(st.one_of(st.just(math.nan), st.floats(0, 4999)))
        rows.append(
            {
                "date": pd.Timestamp(
                    draw(
                        st.dates(
                            min_value=pd.Timestamp("1990-01-01").date(),
                            max_value=pd.Timestamp("2090-01-01").date(),
                        )
                    )
                ),
                "meal": draw(st.sampled_from(["Breakfast", "Dinner", None])),
                "food": draw(food),
                "quantity": q,
                "unit": unit,
                "grams": grams,
                "supplement": draw(st.booleans()),
                "magnesium": draw(st.one_of(st.just(math.nan), st.floats(0, 1e4))),
            }
        )
    d = pd.DataFrame(rows)
    d["date"] = d["date"].astype("datetime64[ns]")
    return d


@SETTINGS
@given(diary=canonical_diaries())
def test_csv_round_trip_is_lossless(diary):
    text = diary.to_csv(index=False)
    back = read_csv_diary(text)
    assert rejected_rows(back).empty
    cols = ["date", "meal", "food", "quantity", "unit", "grams", "supplement", "magnesium"]
    got = back[cols].astype({"meal": object, "food": object, "unit": object})
    want = diary[cols].astype({"meal": object, "food": object, "unit": object})
    for c in ["meal", "unit"]:
        got[c] = got[c].where(got[c].notna(), None)
        want[c] = want[c].where(want[c].notna(), None)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("delimiter", DELIMITERS)
def test_encodings_and_delimiters(encoding, delimiter):
    rows = [
        ("2024-03-01", "Crème brûlée", "1.5", "cup", "Dinner"),
        ("2024-03-02", "Tofu", "200", "g", ""),
    ]
    d = read_diary(io.BytesIO(_write(rows, encoding, delimiter)))
    assert list(d["food"]) == ["Crème brûlée", "Tofu"]
    assert list(d["quantity"]) == [1.5, 200.0]
    assert d["grams"].iloc[1] == 200.0


def test_utf16_with_bom():
    text = "date,food,amount\n2024-03-01,Crème,1 cup\n"
    d = read_diary(io.BytesIO(text.encode("utf-16")))
    assert d["food"].iloc[0] == "Crème"


def test_decoding_order():
    assert load_text("é\n".encode("utf-8-sig"))[0] == "é\n"
    assert load_text("€\n".encode("cp1252"))[0] == "€\n"
    assert load_text(b"\x81\n")[0] == "\x81\n"  # not cp1252: latin-1


def test_sniff_delimiter_ignores_quoted():
    assert sniff_delimiter('"a;b;c",d,e') == ","
    assert sniff_delimiter("a;b;c") == ";"
    assert sniff_delimiter("a\tb") == "\t"
    assert sniff_delimiter("food") == ","


def test_decimal_comma_only_when_not_comma_delimited():
    semi = read_diary("date;food;grams\n2024-01-01;rice;1,5\n")
    assert semi["grams"].iloc[0] == 1.5
    comma = read_diary('date,food,grams\n2024-01-01,rice,"1,500"\n')
    assert comma["grams"].iloc[0] == 1500.0


def test_duplicate_headers_first_wins():
    with pytest.warns(UserWarning, match="duplicate"):
        d = read_diary("date,food,food,grams\n2024-01-01,rice,beans,50\n")
    assert d["food"].iloc[0] == "rice"


def test_unterminated_quote_names_line():
    from nutrigap.exceptions import DiaryFormatError

    text = 'date,food\n2024-01-01,rice\n2024-01-02,"beans\n'
    try:
        d = read_diary(text)
    except DiaryFormatError as err:
        assert err.line == 3
    else:  # the csv module reads to the end: one row, nothing lost
        assert len(d) + len(rejected_rows(d)) == 2
        assert list(d["source_line"])[-1] == 3


def test_large_cronometer_reads_fast_enough(real_samples):
    import time

    path = real_samples / "cronometer-servings-large.csv"
    t = time.perf_counter()
    d = read_diary(path)
    elapsed = time.perf_counter() - t
    assert len(d) == 9244
    assert elapsed < 5.0  # generous on a loaded CI box; benchmarks/bench_read.py measures
    raw = pd.read_csv(path)
    assert np.isfinite(d["energy"]).sum() == raw["Energy (kcal)"].notna().sum()


def test_diaries_survive_concat_and_astype():
    """pandas compares attrs on concat/astype; the rejected table must not break that."""
    a = read_diary("date,food\n2024-01-01,rice\nbad,beans\n")
    b = read_diary("date,food\n2024-01-01,rice\nbad,beans\n")
    both = pd.concat([a, b], ignore_index=True)
    assert len(both) == 2
    assert len(rejected_rows(both)) == 1  # same rejected table on both: kept
    assert a.astype({"food": object}).attrs["format"] == "csv"
    rej = rejected_rows(a)
    assert (rej["source_line"] == 3).all()  # element-wise comparisons are unchanged
