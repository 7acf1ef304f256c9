"""``pip install .`` (not editable) gives a working install with the bundled data.

Builds the wheel, installs it into a fresh virtual environment (dependencies
from this environment via --system-site-packages) and imports nutrigap from a
folder outside the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_install_outside_source_tree(tmp_path):
    pytest.importorskip("hatchling")
    wheel_dir = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("nutrigap-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [py, "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import nutrigap, pathlib;"
        "from nutrigap.data import datasets_dir;"
        "f = nutrigap.load_food_table();"
        "print(pathlib.Path(nutrigap.__file__).resolve());"
        "print(datasets_dir());"
        "print(len(f), f.loc['12061', 'magnesium'])"
    )
    out = subprocess.run(
        [py, "-c", code], cwd=elsewhere, check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert str(env_dir) in out[0], "imported the source tree, not the installed wheel"
    assert out[1].endswith("nutrigap/datasets") and str(env_dir) in out[1]
    assert out[2] == "8789 270.0"
    # the README's main job runs from the installed console script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    main_job = next(ln for ln in readme.splitlines() if "pip install . &&" in ln)
    args = main_job.split("&&", 1)[1].split()
    assert args[0] == "nutrigap"
    run = subprocess.run(
        [env_dir / "bin" / "nutrigap", *args[1:]], cwd=elsewhere, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "Magnesium" in run.stdout and "likely short" in run.stdout
