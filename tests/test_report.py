"""Report outputs: what a person sees in every format.

Every output (text, Markdown, HTML, Jupyter, JSON) shows the verdicts, the
"nothing lost" counts with the rows not counted and their reasons, the foods
that close the gaps, and the advice; diary strings are escaped; JSON is strict
and versioned; CSV cells cannot run as formulas; plots are Agg-safe.
"""

from __future__ import annotations

import io
import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nutrigap.analysis import analyze
from nutrigap.nutrients import NUTRIENTS, TRACKED
from nutrigap.reference import Profile
from nutrigap.report import ADVICE, JSON_SCHEMA_VERSION, Report, _jsonable, defuse_csv_cell

XSS = "<script>alert(1)</script>"
FORMATS = ["to_text", "to_markdown", "to_html", "_repr_html_"]


@pytest.fixture(scope="module")
def report() -> Report:
    d = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01"] * 4 + ["2024-01-02"] * 3),
            "meal": ["breakfast"] * 7,
            "food": [
                "white bread",
                "coffee",
                "cola",
                "=HYPERLINK(1)",
                "white bread",
                "coffee",
                XSS,
            ],
            "quantity": [2, 3, 1, 1, 2, 4, 1.0],
            "unit": ["slice", "cup", "can", "cup", "slice", "cup", "cup"],
            "source_file": ["d.csv"] * 7,
            "source_line": [2, 3, 4, 5, 6, 7, 8],
        }
    )
    d.attrs["rejected"] = pd.DataFrame(
        {"source_file": ["d.csv"], "source_line": [9], "raw": [XSS], "reason": ["no food name"]}
    )
    return analyze(d, Profile(35, "female"))


@pytest.fixture(scope="module")
def outputs(report) -> dict[str, str]:
    return {
        f: getattr(report, f)() if f != "to_html" else report.to_html(plots=False) for f in FORMATS
    }


def _table_row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(name))


def test_counts_add_up(report):
    c = report.counts
    assert c["input_rows"] == 8 and c["rejected"] == 1
    assert c["matched"] + c["given"] + c["unmatched"] + c["unresolved"] == 7
    assert len(report.unmatched) == c["unmatched"] + c["unresolved"] >= 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_has_verdicts_counts_and_advice(outputs, report, fmt):
    out = outputs[fmt]
    assert "Magnesium" in out and "likely short" in out
    c = report.counts
    # every "nothing lost" count, named
    for n, label in [
        (8, "diary rows"),
        (c["matched"], "matched to a food"),
        (c["given"], "with amounts given by the export"),
        (c["unmatched"], "unmatched"),
        (c["unresolved"], "without a known amount"),
        (1, "rejected"),
    ]:
        assert f"{n} {label}" in out, (fmt, label)
    assert "does not diagnose" in out and "two weeks" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_lists_rows_not_counted_with_reasons(outputs, report, fmt):
    out = outputs[fmt]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    food = XSS if fmt == "to_text" else escaped
    assert food in out  # the unmatched entry and the rejected line
    assert "no food name" in out  # the rejected line's reason
    reason = str(report.unmatched.loc[report.unmatched["food"] == XSS, "reason"].iloc[0])
    assert reason and (reason if fmt == "to_text" else reason.replace("<", "&lt;")) in out
    assert "=HYPERLINK(1)" in out


def test_ai_nutrients_show_no_fake_confidence(report, outputs):
    s = report.summary
    assert s.loc["potassium", "target_kind"] == "AI"
    assert s.loc["potassium", "status"] == "possibly short"
    text = outputs["to_text"]
    row = _table_row(text, "Potassium")
    assert "below AI" in row and "50%" not in row and "possibly short (" not in row
    # the headline shows the RDA/AI, and the percentage is of it
    assert "(AI)" in row
    assert "50%" not in _table_row(text, "Pantothenic acid")
    md_row = next(x for x in outputs["to_markdown"].splitlines() if x.startswith("| Potassium"))
    assert "below AI" in md_row and "| – |" in md_row
    assert "below AI" in outputs["to_html"] and "below the Adequate Intake" in outputs["to_html"]
    data = json.loads(report.to_json(suggestions=False))
    assert data["nutrients"]["potassium"]["verdict_label"] == "below AI"
    assert data["nutrients"]["potassium"]["confidence_label"] is None


def test_ai_confidence_is_the_probability_above_the_ai(report):
    """No stored 0.5 for "cannot conclude": the summary holds P(usual intake > AI)."""
    s = report.summary.loc["potassium"]
    assert s["verdict"] == "cannot conclude"
    assert s["confidence"] == s["probability"] < 0.5
    assert np.isnan(report.short.loc["potassium", "confidence"])  # no confidence of a shortfall
    data = json.loads(report.to_json(suggestions=False))
    assert data["nutrients"]["potassium"]["confidence"] == pytest.approx(s["probability"])
    # just above the AI, not confidently: "adequate (above AI)" with its real confidence
    banana = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01"]),
            "food": ["banana"],
            "food_id": ["09040"],  # SR28 Bananas, raw: 358 mg potassium per 100 g
            "grams": [760.0],  # 2,720.8 mg against an AI of 2,600 mg
            "status": ["matched"],
        }
    )
    r = analyze(banana, Profile(35, "female"), sd_within={"potassium": 1000.0})
    k = r.summary.loc["potassium"]
    assert k["verdict"] == "cannot conclude" and k["status"] == "adequate"
    assert k["confidence"] == pytest.approx(0.54808, abs=1e-5)  # Φ(120.8 / 1000)
    assert "adequate (above AI)" in _table_row(r.to_text(suggestions=False), "Potassium")
    assert re.search(r"adequate \(above AI\)\s+55%", r.to_text(suggestions=False))


def test_verdict_labels():
    row = pd.Series({"status": "adequate", "target_kind": "AI", "confidence": 0.97})
    assert Report._verdict(row) == ("adequate (above AI)", "97%")
    row = pd.Series({"status": "likely short", "target_kind": "EAR", "confidence": 0.9991})
    assert Report._verdict(row) == ("likely short", ">99%")
    row = pd.Series({"status": "possibly short", "target_kind": "EAR", "confidence": 0.5})
    assert Report._verdict(row) == ("possibly short", "–")
    row = pd.Series({"status": "possibly short", "target_kind": "AI", "confidence": 0.003})
    assert Report._verdict(row) == ("below AI", "–")
    row = pd.Series({"status": "adequate", "target_kind": "EAR", "confidence": 0.995})
    assert Report._verdict(row) == ("adequate", ">99%")  # as the assessment's own text


@pytest.mark.parametrize("fmt", FORMATS)
def test_suggestions_in_every_output(report, outputs, fmt):
    sug = report.suggestions
    assert not sug.by_nutrient.empty and not sug.plan.empty
    out = outputs[fmt]
    plan = sug.plan.iloc[0]
    esc = (lambda x: x) if fmt == "to_text" else (lambda x: x.replace("&", "&amp;"))
    assert esc(plan["description"]) in out and esc(plan["portion"]) in out
    if fmt != "_repr_html_":  # the compact display shows the plan only
        first = sug.by_nutrient.iloc[0]
        assert esc(first["description"]) in out
        assert f"{first['gap_share_pct']:.0f}%" in out  # the share of the gap one portion closes
        assert f"({first['portion_grams']:.0f} g)" in out


def test_suggestions_can_be_left_out(report):
    assert "Foods that would help" not in report.to_text(suggestions=False)
    assert "Foods that would help" not in report.to_markdown(suggestions=False)
    assert json.loads(report.to_json(suggestions=False))["suggestions"] is None


def test_suggestions_from_the_report(report):
    s = report.suggestions
    assert s is report.suggestions  # computed once
    assert set(s.by_nutrient["nutrient"]) <= set(report.gaps.index)


def test_no_gaps_no_suggestion_section():
    d = pd.DataFrame({"date": pd.to_datetime(["2024-01-01"]), "food": ["xyzzy"], "quantity": [1.0]})
    r = analyze(d, Profile(35, "female"))
    assert r.gaps.empty
    assert "Foods that would help" not in r.to_text()
    assert json.loads(r.to_json())["suggestions"] is None


def test_json_is_strict_versioned_and_keyed_by_nutrient(report):
    text = report.to_json()

    def no_constants(name):
        raise AssertionError(f"non-standard JSON constant {name}")

    data = json.loads(text, parse_constant=no_constants)
    assert data["schema"] == "nutrigap.report" and data["schema_version"] == JSON_SCHEMA_VERSION
    assert data["counts"]["input_rows"] == 8
    assert data["advice"] == list(ADVICE)
    assert list(data["nutrients"]) == list(TRACKED)
    for key, rec in data["nutrients"].items():
        assert rec["unit"] == NUTRIENTS[key].display_unit
    mag = data["nutrients"]["magnesium"]
    assert mag["status"] == "likely short" and mag["mean_intake"] > 0
    assert data["nutrients"]["biotin"]["mean_intake"] is None  # NaN -> null
    assert [x["key"] for x in data["short"]] == list(report.short.index)
    assert set(data["gaps"]) == set(report.gaps.index)
    assert data["units"]["magnesium"] == "mg"
    assert {r["food"] for r in data["unmatched"]} >= {XSS, "=HYPERLINK(1)"}
    assert data["rejected"][0]["reason"] == "no food name"
    first = data["suggestions"]["by_nutrient"][0]
    assert first["portion"] and first["gap_share_pct"] > 0
    assert set(data["lifestyle"]) == set(report.lifestyle.index)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["daily"][0]["date"])


@given(
    st.recursive(
        st.one_of(
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(),
            st.text(max_size=5),
            st.none(),
            st.sampled_from([pd.NA, pd.NaT, np.float64("nan"), np.int64(3), np.bool_(True)]),
        ),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=3), children, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_jsonable_never_writes_nan(value):
    json.dumps(_jsonable(value), allow_nan=False)


def test_csv_defuses_formulas(report, tmp_path):
    assert defuse_csv_cell("=1+1") == "'=1+1"
    assert defuse_csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert defuse_csv_cell("-2+3") == "'-2+3"
    assert defuse_csv_cell("\t=1") == "'\t=1"
    assert defuse_csv_cell("bread") == "bread" and defuse_csv_cell(-1.5) == -1.5
    path = tmp_path / "unmatched.csv"
    report.to_csv(path, table="unmatched")
    text = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
    csv = report.to_csv()
    back = pd.read_csv(io.StringIO(csv))
    assert back["key"].tolist() == report.summary["key"].tolist()
    np.testing.assert_allclose(back["mean_intake"], report.summary["mean_intake"].to_numpy())


def test_csv_of_suggestions_and_plan(report):
    back = pd.read_csv(io.StringIO(report.to_csv(table="suggestions")), dtype={"food_id": str})
    assert len(back) == len(report.suggestions.by_nutrient)
    assert back["food_id"].tolist() == report.suggestions.by_nutrient["food_id"].tolist()
    plan = pd.read_csv(io.StringIO(report.to_csv(table="plan")))
    assert plan["portions"].sum() == report.suggestions.plan["portions"].sum()
    with pytest.raises(ValueError, match="choose from"):
        report.to_csv(table="nope")


def test_html_is_self_contained_accessible_and_escaped(report, outputs):
    page = report.to_html()
    assert XSS not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert page.count('<th scope="row">') >= len(TRACKED)
    assert '<th scope="col">Verdict</th>' in page and "<caption>" in page
    assert 'class="legend"' in page  # the colour legend, with words for each colour
    imgs = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,', page)
    assert len(imgs) == 2 and all(len(a) > 40 for a in imgs)
    assert "Magnesium" in imgs[0] and "likely short" in imgs[0]
    # the rows not counted are in a collapsible section, open when there are any
    assert re.search(r"<details class=\"not-counted\" open><summary>Nothing lost", page)
    for out in (outputs["_repr_html_"], outputs["to_markdown"]):
        assert XSS not in out


def test_repr_html_is_compact(report, outputs):
    r = outputs["_repr_html_"]
    assert len(r) < len(outputs["to_html"]) / 2
    assert "<img" not in r and "<h1" not in r and "<html" not in r
    assert '<details class="not-counted">' in r  # collapsed


def test_unmatched_summary_groups_repeated_foods(report):
    g = report.unmatched_summary()
    assert g["entries"].sum() == len(report.unmatched)
    assert g["food"].is_unique
    row = g[g["food"] == XSS].iloc[0]
    assert row["entries"] == 1 and row["lines"] == "d.csv: 8"


def test_short_over_gaps(report):
    short = report.short
    assert short.index[0] in ("magnesium", "vitamin_d", "calcium", "vitamin_b12", "vitamin_b6")
    ranks = (short["status"] == "possibly short").astype(int).tolist()
    assert ranks == sorted(ranks)
    assert set(report.gaps.index) <= set(short.index)
    assert (report.gaps > 0).all()
    assert report.over.empty
    for col in ("role", "deficiency", "twitch", "sources"):
        assert short[col].str.len().gt(10).all()


@pytest.fixture
def agg():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt

    before = set(plt.get_fignums())
    yield plt
    for n in set(plt.get_fignums()) - before:
        plt.close(n)


def test_plot_targets(report, agg, monkeypatch):
    monkeypatch.setattr(agg, "show", lambda *a, **k: pytest.fail("plt.show() called"))
    ax = report.plot()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == list(report.summary["name"])
    texts = [t.get_text() for t in ax.texts]
    pct = report.summary.loc["magnesium", "percent_of_target"]
    assert any(t.startswith(f"{pct:.0f}%") and "mg/day" in t for t in texts)
    assert "no data" in texts  # biotin
    legend = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert any(t.startswith("likely short") for t in legend)
    assert {"EAR", "RDA or AI (100%)", "UL (all sources)"} <= set(legend)
    # the vitamin B6 UL (100 mg) is far beyond the axis: shown at the edge with its value
    b6 = next(
        t
        for t in texts
        if t.startswith(f"{report.summary.loc['vitamin_b6', 'percent_of_target']:.0f}%")
    )
    assert re.search(r"\(UL [\d,]+%\)$", b6)
    assert ax.get_xlim()[1] <= 300 * 1.35 + 1e-9


def test_plot_on_given_axes(report, agg):
    fig, (a1, a2) = agg.subplots(1, 2)
    assert report.plot(ax=a1) is a1
    assert report.plot(kind="daily", ax=a2) is a2
    assert len(a2.get_lines()) >= len(report.short)
    with pytest.raises(ValueError):
        report.plot(kind="pie")
    with pytest.raises(TypeError):
        report.plot(nutrients=["magnesium"])


def test_plot_daily_panels(report, agg):
    axes = report.plot(kind="daily")
    visible = [a for a in axes if a.get_visible()]
    assert len(visible) == len(report.short)
    assert visible[0].get_title().startswith(report.short["name"].iloc[0])
    assert visible[0].get_ylabel() == f"{report.short['unit'].iloc[0]} per day"
    one = report.plot(kind="daily", nutrients=["calcium"])
    line = one[0].get_lines()[0]  # the data; the reference lines follow
    np.testing.assert_allclose(line.get_ydata(), report.daily["calcium"].to_numpy(dtype=float))
    with pytest.raises(ValueError, match="not nutrients"):
        report.plot(kind="daily", nutrients=["iron"])


def test_html_plots_leave_no_figure_open(report, agg):
    before = agg.get_fignums()
    page = report.to_html()
    assert agg.get_fignums() == before
    assert page.count("data:image/png;base64,") == 2


def test_to_frame_is_a_copy(report):
    f = report.to_frame()
    f.loc["magnesium", "mean_intake"] = -1
    assert report.summary.loc["magnesium", "mean_intake"] > 0
    assert not math.isnan(report.summary.loc["magnesium", "mean_intake"])
