"""The HTML report renders in a real browser (headless Chromium; skipped without it)."""

from __future__ import annotations

import shutil
import subprocess

import pandas as pd
import pytest

from nutrigap.analysis import analyze
from nutrigap.reference import Profile

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def test_verdict_table_is_rendered_and_scripts_are_inert(tmp_path):
    d = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-02"]),
            "food": ["white bread", "<script>document.title='pwned'</script>", "coffee"],
            "quantity": [2.0, 1.0, 3.0],
            "unit": ["slice", "cup", "cup"],
        }
    )
    page = tmp_path / "report.html"
    analyze(d, Profile(35, "female")).to_html(page)
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert '<table class="nutrigap-verdicts" id="verdicts">' in dom
    assert dom.count('<tr data-status="') == 12  # one row per tracked nutrient
    assert "Magnesium" in dom and dom.count('class="verdict"') == 12
    assert any(f">{v}" in dom for v in ("likely short", "possibly short", "uncertain"))
    assert "pwned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;" in dom  # shown as text
    assert dom.count("data:image/png;base64,") == 2  # both charts embedded, nothing fetched
    assert '<details class="not-counted" open=""><summary>Nothing lost' in dom
    assert 'class="legend"' in dom and "<b>uncertain</b>: too little" in dom


def test_page_renders_to_a_screenshot(tmp_path):
    d = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
            "food": ["white bread", "coffee"],
            "quantity": [2.0, 3.0],
            "unit": ["slice", "cup"],
        }
    )
    page = tmp_path / "report.html"
    analyze(d, Profile(35, "female")).to_html(page)
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--screenshot={shot}",
            "--window-size=1000,1400",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page with content
