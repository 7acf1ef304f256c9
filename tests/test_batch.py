"""nutrigap.analyze_many: many diaries, the same numbers as analyze() per person."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

import nutrigap
from nutrigap import Profile
from nutrigap.batch import BATCH_COLUMNS, ERROR_COLUMNS, analyze_many, load_profiles
from nutrigap.samples import sample_path

NUM = ["mean_intake", "n_days", "target", "percent_of_target", "z", "probability",
       "confidence", "coverage", "gap", "ul", "ul_intake"]  # fmt: skip
TXT = ["target_kind", "verdict", "status", "ul_scope", "ul_status"]

PROFILES = {
    "balanced": Profile(35, "female"),
    "low-magnesium": Profile(70, "male"),
    "supplements": Profile(28, "female", pregnant=True),
}


def assert_same_as_analyze(summary: pd.DataFrame, person: str, report) -> None:
    a = report.summary
    b = summary[summary["person"] == person].set_index("nutrient").loc[a.index]
    for c in NUM:
        np.testing.assert_allclose(
            b[c].astype(float), a[c].astype(float), rtol=1e-9, atol=1e-9, err_msg=f"{person} {c}"
        )
    for c in TXT:
        assert b[c].astype(object).fillna("").tolist() == a[c].astype(object).fillna("").tolist(), (
            person,
            c,
        )


@pytest.fixture(scope="module")
def diaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("diaries")
    for name in PROFILES:
        shutil.copy(sample_path(name), folder / f"{name}.csv")
    return folder


@pytest.fixture(scope="module")
def batch(diaries):
    return analyze_many(diaries, PROFILES)


def test_same_numbers_as_analyze_for_each_person(batch):
    assert list(batch.columns) == list(BATCH_COLUMNS)
    assert sorted(batch["person"].unique()) == sorted(PROFILES)
    for person, prof in PROFILES.items():
        assert_same_as_analyze(batch, person, nutrigap.analyze(sample_path(person), prof))
    # each person was assessed against their own life stage
    stages = batch.groupby("person")["life_stage"].first().to_dict()
    assert stages == {p: prof.life_stage for p, prof in PROFILES.items()}
    assert batch.attrs["errors"].empty


def test_one_csv_with_person_column_matches_per_person_analysis():
    # two people in one frame, one of them with an undated free-text day
    a = nutrigap.read_diary(sample_path("low-magnesium")).assign(person="ann")
    b = nutrigap.read_diary(["2 eggs", "1 cup spinach", "1 banana", "250 ml milk"])
    b = b.assign(person="bob")
    both = pd.concat([a, b], ignore_index=True)
    prof = Profile(40, "f")
    s = analyze_many(both, profile=prof)
    assert_same_as_analyze(s, "ann", nutrigap.analyze(a, prof))
    assert_same_as_analyze(s, "bob", nutrigap.analyze(b, prof))
    # bob's undated entries are one day
    assert (s.loc[s.person == "bob", "n_days"] == 1).all()


def test_exports_with_given_amounts_and_summary_rows(real_samples):
    files = [
        real_samples / "cronometer-servings-large.csv",
        real_samples / "myfitnesspal-nutrition-summary-2018.csv",
    ]
    prof = Profile(30, "male")
    s = analyze_many(files, profile=prof)
    for f in files:
        assert_same_as_analyze(s, f.stem, nutrigap.analyze(f, prof))


def test_broken_diary_is_recorded_and_others_processed(diaries, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(diaries, folder)
    (folder / "broken.csv").write_text("nothing,here\n1,2\n", encoding="utf-8")
    (folder / "bad-lines.csv").write_text(
        "date,food,quantity,unit\n2024-01-01,banana,1,medium\n2024-01-45,apple,1,medium\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    s = analyze_many(folder, profile=Profile(35, "f"), outdir=out, formats=("json",))
    assert set(s["person"]) == {*PROFILES, "bad-lines"}
    err = pd.read_csv(out / "errors.csv")
    assert list(err.columns) == list(ERROR_COLUMNS)
    broken = err[err["file"].str.endswith("broken.csv")]
    assert len(broken) == 1 and "unknown diary layout" in broken["reason"].iloc[0]
    bad = err[err["file"].str.endswith("bad-lines.csv")]
    assert bad["line"].tolist() == [3] and "not a date" in bad["reason"].iloc[0]
    assert len(err) == 2  # nothing else failed (every report was written)
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == len(s) == 4 * len(nutrigap.TRACKED)
    assert sorted(p.name for p in out.glob("*.json")) == sorted(
        f"{p}.json" for p in [*PROFILES, "bad-lines"]
    )


def test_profiles_csv_with_bad_row_and_person_without_profile(diaries, tmp_path):
    prof = tmp_path / "profiles.csv"
    prof.write_text(
        "person,age,sex,pregnant,lactating\n"
        "balanced,35,female,,\n"
        "low-magnesium,70,M,no,no\n"
        "supplements,abc,f,yes,\n",
        encoding="utf-8",
    )
    profiles, errors = load_profiles(prof)
    assert profiles == {"balanced": Profile(35, "female"), "low-magnesium": Profile(70, "male")}
    assert errors[0]["line"] == 4 and "age" in errors[0]["reason"]
    s = analyze_many(diaries, prof)
    assert set(s["person"]) == {"balanced", "low-magnesium"}
    reasons = " ".join(s.attrs["errors"]["reason"])
    assert "no profile for person 'supplements'" in reasons
    # a default profile covers everyone not in the file
    s2 = analyze_many(diaries, prof, profile=Profile(50, "f"))
    assert s2.loc[s2.person == "supplements", "life_stage"].iloc[0] == "female_31_50"
    assert s2.loc[s2.person == "low-magnesium", "life_stage"].iloc[0] == "male_51_70"


def test_jobs_2_gives_the_same_summary(diaries, batch):
    s2 = analyze_many(diaries, PROFILES, jobs=2)
    pd.testing.assert_frame_equal(s2, batch)


def test_csv_outputs_defuse_formulas(tmp_path):
    d = pd.DataFrame(
        {
            "date": ["2024-01-01"] * 2,
            "food": ['=HYPERLINK("http://x")', "banana"],
            "quantity": [1.0, 1.0],
            "unit": ["cup", "medium"],
        }  # fmt: skip
    )
    f = tmp_path / "=cmd.csv"
    d.to_csv(f, index=False)
    s = analyze_many([f], profile=Profile(35, "f"), outdir=tmp_path / "o", formats=())
    text = (tmp_path / "o" / "summary.csv").read_text(encoding="utf-8")
    assert "\n'=cmd," in text and "\n=cmd" not in text
    assert s["person"].iloc[0] == "=cmd"  # the frame keeps the real value


def test_without_any_profile_is_an_error(diaries):
    with pytest.raises(nutrigap.ProfileError):
        analyze_many(diaries)


def test_no_files_is_an_error(tmp_path):
    with pytest.raises(nutrigap.NutrigapError, match="no diary files"):
        analyze_many(tmp_path / "*.csv", profile=Profile(35, "f"))


def test_sd_within_and_ai_confidence_as_analyze(diaries):
    # the batch evaluates nutrigap.assess's rules (assess_matrix), so caller SDs and the
    # AI's "cannot conclude" confidence (the probability of being above the AI, not 0.5)
    # come out as analyze() gives them
    sd = {"magnesium": 40.0, "potassium": 300.0, "calcium": 0.0}
    s = analyze_many(diaries, PROFILES, sd_within=sd)
    for person, prof in PROFILES.items():
        assert_same_as_analyze(s, person, nutrigap.analyze(sample_path(person), prof, sd_within=sd))
    below = s[(s.verdict == "cannot conclude") & (s.mean_intake < s.target)]
    assert len(below) and (below["confidence"] < 0.5).all()
    np.testing.assert_array_equal(below["confidence"], below["probability"])
    with pytest.raises(nutrigap.UnknownNutrientError):
        analyze_many(diaries, PROFILES, sd_within={"zinc": 1.0})
