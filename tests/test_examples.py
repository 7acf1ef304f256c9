"""Every example script and the walkthrough notebook run, so the examples cannot rot.

Each script runs in a fresh interpreter from an unrelated working directory (they must find
their data relative to ``__file__``), with MPLBACKEND=Agg and without FDC_API_KEY (the FDC
example must then explain itself and exit 0 without touching the network).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOK = EXAMPLES / "walkthrough.ipynb"

# what each script must print: the part of its output a reader relies on
EXPECTED = {
    "analyse_csv.py": ["read 41 entries from week.csv", "likely short", "Magnesium"],
    "cronometer_export.py": ["30 entries over 3 days", "Magnesium Glycinate", "supplements only"],
    "batch_folder.py": [
        "chloe.csv, line 19: rejected: column 'date'",
        "ana.html, ben.html, chloe.html, errors.csv, summary.csv",
    ],
    "free_text.py": ['line 24: "something I can\'t remember" is unmatched', "2 days logged"],
    "fdc_client.py": ["FDC_API_KEY is not set"],
}


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FDC_API_KEY"}
    env["TMPDIR"] = str(tmp)  # scripts that write to a temporary folder write here
    env["MPLBACKEND"] = "Agg"
    env["PYTHONWARNINGS"] = "ignore"
    # the package under test, wherever the interpreter is started from
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_every_script_has_expectations():
    assert NOTEBOOK.exists()
    assert {p.name for p in SCRIPTS} == set(EXPECTED)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_runs(script, tmp_path):
    cwd, tmp = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    proc = subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        env=_env(tmp),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    for text in EXPECTED[script.name]:
        assert text in proc.stdout, f"{script.name} did not print {text!r}"
    assert list(cwd.iterdir()) == [], "examples must not write into the working directory"


def test_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on failure
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("Magnesium" in h and "likely short" in h for h in html), "report HTML display"
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot was displayed"
