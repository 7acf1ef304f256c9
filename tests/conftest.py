"""Shared fixtures.

``shared_dir`` is the workplace's ``../shared`` folder next to the repository
(the raw USDA files and real exports). Tests that need it skip where it is
absent, so CI passes on a clone without it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NUTRIGAP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def sr28_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "usda-sr28"
    if not (path / "FOOD_DES.txt").is_file():
        pytest.skip("raw SR28 files are absent")
    return path


@pytest.fixture(scope="session")
def fndds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "usda-fndds-2017-2018"
    if not (path / "fndds_nutrient_values.csv").is_file():
        pytest.skip("raw FNDDS files are absent")
    return path


@pytest.fixture(scope="session")
def real_samples(shared_dir: Path) -> Path:
    path = shared_dir / "samples" / "real"
    if not path.is_dir():
        pytest.skip("real sample exports are absent")
    return path
