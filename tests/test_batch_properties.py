"""Property: analyze_many's vectorised totals equal analyze() run on each person alone."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nutrigap
from nutrigap import Profile
from nutrigap.batch import analyze_many

NUM = ["mean_intake", "n_days", "target", "percent_of_target", "z", "probability",
       "confidence", "coverage", "gap", "ul", "ul_intake"]  # fmt: skip
TXT = ["target_kind", "verdict", "status", "ul_scope", "ul_status"]

FOODS = ["banana", "spinach, raw", "whole milk", "almonds", "2 eggs", "salmon",
         "oatmeal", "coffee", "xyzzy unknown food", "magnesium citrate"]  # fmt: skip
AMOUNTS = ["", "1 cup", "30g", "1 medium", "2 tbsp", "100 ml", "0.5 cup", "3 oz", "1 tablet"]
DATES = ["2024-01-01", "2024-01-02", "2024-01-03"]
PERSONS = ["ann", "bob", "cy"]

rows = st.tuples(
    st.sampled_from(PERSONS), st.sampled_from(DATES), st.sampled_from(FOODS),
    st.sampled_from(AMOUNTS),
)  # fmt: skip


def _csv(records) -> str:
    lines = ["person,date,food,amount"]
    lines += [f'{p},{d},"{f}",{a}' for p, d, f, a in records]
    return "\n".join(lines) + "\n"


def _check(summary: pd.DataFrame, diary: pd.DataFrame, prof: Profile) -> None:
    for person in sorted(set(diary["person"])):
        report = nutrigap.analyze(diary[diary["person"] == person], prof)
        a = report.summary
        b = summary[summary["person"] == person].set_index("nutrient").loc[a.index]
        for c in NUM:
            np.testing.assert_allclose(
                b[c].astype(float), a[c].astype(float), rtol=1e-9, atol=1e-9, err_msg=f"{c}"
            )
        for c in TXT:
            assert (
                b[c].astype(object).fillna("").tolist() == a[c].astype(object).fillna("").tolist()
            ), (person, c)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(rows, min_size=1, max_size=25),
    free_text=st.lists(st.sampled_from(FOODS), max_size=4),
    age=st.sampled_from([8, 25, 45, 75]),
    sex=st.sampled_from(["female", "male"]),
)
def test_batch_equals_analyze_per_person(records, free_text, age, sex):
    diary = nutrigap.read_diary(_csv(records))
    if free_text:  # an undated free-text diary: its rows form one day
        extra = nutrigap.read_diary(list(free_text)).assign(person="dee")
        diary = pd.concat([diary, extra], ignore_index=True)
    prof = Profile(age, sex)
    s = analyze_many(diary, profile=prof, formats=())
    assert sorted(s["person"].unique()) == sorted(set(diary["person"]))
    assert len(s) == diary["person"].nunique() * len(nutrigap.TRACKED)
    _check(s, diary, prof)


@pytest.mark.parametrize("patterns", [0, 1])
def test_rare_nutrient_patterns_summed_column_by_column_agree(monkeypatch, patterns):
    # coverage sums the commonest patterns of present nutrients on a grid and the
    # rest column by column: both routes give the same numbers
    records = [(p, d, f, a) for p in PERSONS for d in DATES for f, a in
               zip(FOODS, AMOUNTS[1:] + AMOUNTS[:1], strict=False)]  # fmt: skip
    diary = nutrigap.read_diary(_csv(records))
    prof = Profile(40, "female")
    full = analyze_many(diary, profile=prof, formats=())
    monkeypatch.setattr("nutrigap.batch._GRID_PATTERNS", patterns)
    pd.testing.assert_frame_equal(analyze_many(diary, profile=prof, formats=()), full)
    _check(full, diary, prof)
