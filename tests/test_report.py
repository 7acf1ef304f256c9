"""Report outputs: every format shows verdicts, counts and advice; safe escaping."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from nutrigap.analysis import analyze
from nutrigap.reference import Profile
from nutrigap.report import ADVICE, Report, defuse_csv_cell

XSS = "<script>alert(1)</script>"


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
        }
    )
    d.attrs["rejected"] = pd.DataFrame(
        {"source_file": ["d.csv"], "source_line": [9], "raw": [XSS], "reason": ["no food"]}
    )
    return analyze(d, Profile(35, "female"))


def test_counts_add_up(report):
    c = report.counts
    assert c["input_rows"] == 8 and c["rejected"] == 1
    assert c["matched"] + c["given"] + c["unmatched"] + c["unresolved"] == 7
    assert len(report.unmatched) == c["unmatched"] + c["unresolved"] >= 2


@pytest.mark.parametrize("fmt", ["to_text", "to_markdown", "to_html", "_repr_html_"])
def test_every_output_has_verdicts_counts_and_advice(report, fmt):
    out = getattr(report, fmt)()
    assert "Magnesium" in out and "likely short" in out
    assert "8 diary rows" in out and "1 rejected" in out
    assert "does not diagnose" in out and "two weeks" in out


def test_json_and_csv_have_counts_and_advice(report):
    data = json.loads(report.to_json())
    assert data["counts"]["input_rows"] == 8
    assert data["advice"] == list(ADVICE)
    mag = next(r for r in data["summary"] if r["key"] == "magnesium")
    assert mag["status"] == "likely short"
    assert next(r for r in data["summary"] if r["key"] == "biotin")["mean_intake"] is None
    csv = report.to_csv()
    back = pd.read_csv(io.StringIO(csv))
    assert back["key"].tolist() == report.summary["key"].tolist()
    np.testing.assert_allclose(back["mean_intake"], report.summary["mean_intake"].to_numpy())


def test_html_escapes_diary_strings(report):
    for out in (report.to_html(plots=False), report._repr_html_(), report.to_markdown()):
        assert XSS not in out
    page = report.to_html(plots=False)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_csv_defuses_formulas(report, tmp_path):
    assert defuse_csv_cell("=1+1") == "'=1+1"
    assert defuse_csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert defuse_csv_cell("-2+3") == "'-2+3"
    assert defuse_csv_cell("bread") == "bread" and defuse_csv_cell(-1.5) == -1.5
    path = tmp_path / "unmatched.csv"
    report.to_csv(path, table="unmatched")
    text = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


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


def test_suggestions_from_the_report(report):
    s = report.suggestions
    assert s is report.suggestions  # computed once
    by = getattr(s, "by_nutrient", s)
    assert isinstance(by, pd.DataFrame)
    if len(by):
        assert set(by["nutrient"]) <= set(report.gaps.index)


def test_plots(report):
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt

    ax = report.plot()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("Magnesium" in t for t in labels)
    plt.close(ax.figure)
    ax = report.plot(kind="daily")
    assert len(ax.get_lines()) >= 1
    plt.close(ax.figure)
    with pytest.raises(ValueError):
        report.plot(kind="pie")
    page = report.to_html()
    assert "data:image/png;base64," in page


def test_to_frame_is_a_copy(report):
    f = report.to_frame()
    f.loc["magnesium", "mean_intake"] = -1
    assert report.summary.loc["magnesium", "mean_intake"] > 0
