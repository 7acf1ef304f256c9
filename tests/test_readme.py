"""The README's two commands stay true and CI runs the test command verbatim."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines[:12] if ln.startswith("    ")]


def test_readme_starts_with_two_commands():
    cmds = _commands()
    assert len(cmds) == 2
    assert cmds[0].startswith("python -m pip install . && nutrigap analyze --sample")
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _commands()[1] in [ln.strip() for ln in ci]


def test_readme_example_prints_what_it_shows(tmp_path):
    """The README's Python example, run as is, prints its 'Output' block."""
    import re
    import subprocess
    import sys

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    shown = re.search(r"Output:\n\n```text\n(.*?)```", text, re.S).group(1)
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert run.stdout == shown
    assert (tmp_path / "report.html").is_file()
