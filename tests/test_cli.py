"""The nutrigap command: main([...]) in process, exit codes through a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from nutrigap.cli import colorize, main
from nutrigap.samples import sample_path

COMMANDS = [[], ["analyze"], ["batch"], ["foods"], ["foods", "search"], ["match"]]


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "nutrigap", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c) or "nutrigap")
def test_help_of_every_command_has_an_example(cmd, capsys):
    assert main([*cmd, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert f"nutrigap {cmd[0] if cmd else 'analyze'}" in out


def test_no_arguments_prints_help_and_exits_0(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: nutrigap") and "analyze" in out and "batch" in out


def test_version(capsys):
    import nutrigap

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"nutrigap {nutrigap.__version__}"


def test_analyze_sample_prints_a_table(capsys):
    assert main(["analyze", "--sample", "low-magnesium", "--age", "35", "--sex", "female"]) == 0
    out = capsys.readouterr().out
    assert "Females 31–50 years" in out
    mg = next(line for line in out.splitlines() if line.startswith("Magnesium "))
    assert "likely short" in mg
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_analyze_formats_to_files(tmp_path):
    diary = str(sample_path("supplements"))
    base = [diary, "--age", "40", "--sex", "m"]
    assert main(["analyze", *base, "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["profile"]["life_stage"] == "male_31_50" and "magnesium" in data["nutrients"]
    assert main(["analyze", *base, "--format", "csv", "-o", str(tmp_path / "r.csv")]) == 0
    assert len(pd.read_csv(tmp_path / "r.csv")) == 12
    assert main(["analyze", *base, "--format", "html", "-o", str(tmp_path / "r.html")]) == 0
    assert (
        (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")
    )


def test_colour_only_changes_the_look():
    text = "Magnesium  146 mg  likely short  >99%\nCalcium  adequate\n"
    col = colorize(text)
    assert "\x1b[1;31mlikely short\x1b[0m" in col
    assert pd.Series([col]).str.replace(r"\x1b\[[0-9;]*m", "", regex=True)[0] == text


def test_usage_errors_exit_2(capsys):
    assert main(["analyze", "--sample", "low-magnesium"]) == 2  # no age/sex
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("nutrigap: error: ")
    assert "--age" in err
    assert main(["analyze", "--sample", "nope", "--age", "3", "--sex", "f"]) == 2
    assert "low-magnesium" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert main(["analyze", "--sample", "balanced", "--age", "35", "--sex", "f", "--pregnant",
                 "--lactating"]) == 2  # fmt: skip


def test_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,here\n1,2\n", encoding="utf-8")
    r = run("analyze", str(bad), "--age", "35", "--sex", "female")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"nutrigap: error: {bad}, line 1: unknown diary layout")
    missing = run("analyze", str(tmp_path / "none.csv"), "--age", "35", "--sex", "f")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "no such file" in missing.stderr
    dbg = run("analyze", str(bad), "--age", "35", "--sex", "female", "--debug")
    assert dbg.returncode == 1 and "Traceback" in dbg.stderr
    assert run("--version").returncode == 0
    assert run("analyze", "--age", "x").returncode == 2


def test_batch_with_broken_diary_exits_1_and_lists_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("balanced", "low-magnesium"):
        shutil.copy(sample_path(name), folder / f"{name}.csv")
    (folder / "broken.csv").write_text("nothing,here\n1,2\n", encoding="utf-8")
    profiles = tmp_path / "profiles.csv"
    profiles.write_text(
        "person,age,sex\nbalanced,35,female\nlow-magnesium,70,male\nbroken,40,f\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = run("batch", str(folder), "--profiles", str(profiles), "-o", str(out), "--format",
            "markdown", "--jobs", "2")  # fmt: skip
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    err = pd.read_csv(out / "errors.csv")
    assert err["file"].str.endswith("broken.csv").tolist() == [True]
    summary = pd.read_csv(out / "summary.csv")
    assert sorted(summary["person"].unique()) == ["balanced", "low-magnesium"]
    assert {"mean_intake", "target", "verdict", "probability"} <= set(summary.columns)
    assert sorted(p.name for p in out.glob("*.md")) == ["balanced.md", "low-magnesium.md"]
    # all good: exit 0
    (folder / "broken.csv").unlink()
    ok = main(["batch", str(folder), "--profiles", str(profiles), "-o", str(out), "--format",
               "none", "--no-progress"])  # fmt: skip
    assert ok == 0


def test_batch_needs_a_profile(tmp_path, capsys):
    assert main(["batch", str(sample_path("balanced")), "-o", str(tmp_path)]) == 2
    assert "--age" in capsys.readouterr().err


def test_foods_search_bundled(capsys):
    assert main(["foods", "search", "raw spinach", "-n", "3"]) == 0
    out = capsys.readouterr().out
    assert "11457" in out and "Spinach, raw" in out
    assert len(out.strip().splitlines()) == 2 + 3


def test_match_report_to_csv(tmp_path, capsys):
    out = tmp_path / "m.csv"
    assert main(["match", str(sample_path("low-magnesium")), "-o", str(out)]) == 0
    rep = pd.read_csv(out, dtype={"food_id": str})
    assert {"food", "food_id", "status", "score"} <= set(rep.columns)
    assert rep["food"].is_unique
    assert main(["match", str(sample_path("low-magnesium"))]) == 0
    assert "matched_description" in capsys.readouterr().out


def test_match_a_recipe_names_foods_as_bought(tmp_path):
    recipe = tmp_path / "recipe.txt"
    recipe.write_text("1 cup jasmine rice\n8 oz ground beef\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    assert main(["match", str(recipe), "--recipe", "-o", str(out)]) == 0
    got = dict(pd.read_csv(out, dtype={"food_id": str})[["food", "food_id"]].values)
    assert got == {"jasmine rice": "20044", "ground beef": "23567"}
    assert main(["match", str(recipe), "-o", str(out)]) == 0
    got = dict(pd.read_csv(out, dtype={"food_id": str})[["food", "food_id"]].values)
    assert got["jasmine rice"] == "20045"  # a diary's rice is cooked
