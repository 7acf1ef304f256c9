"""Matplotlib figures of a :class:`~nutrigap.report.Report`.

matplotlib is an optional dependency (``pip install nutrigap[plot]``); this
module imports it only when a figure is drawn, and raises an ImportError naming
the extra otherwise.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["plot_targets", "plot_daily", "figure_bytes", "STATUS_COLOURS"]

#: Colour of each status (colour-blind-safe Okabe-Ito palette).
STATUS_COLOURS: dict[str, str] = {
    "likely short": "#D55E00",
    "possibly short": "#E69F00",
    "uncertain": "#999999",
    "no data": "#BBBBBB",
    "adequate": "#009E73",
    "no reference": "#BBBBBB",
}

_CAP = 300.0  # percent shown at most; longer bars are clipped with their value printed


def _plt():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plots need matplotlib: pip install 'nutrigap[plot]' (or pip install matplotlib)"
        ) from exc
    return plt


def plot_targets(report: Any, ax: Any = None) -> Any:
    """Mean intake as percent of the RDA (or AI) per nutrient, with EAR, RDA/AI and UL marks.

    Bars are coloured by status; the EAR is drawn as a thin tick, 100 % (the
    RDA or AI) as a dashed line and an all-sources UL as a red tick. Nutrients
    without data are listed with an empty bar labelled "no data".

    Returns
    -------
    matplotlib.axes.Axes
    """
    plt = _plt()
    s = report.summary
    goal = s["rda"].where(s["rda"].notna(), s["ai"]).to_numpy(dtype=float)
    mean = s["mean_intake"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = mean / goal * 100.0
        ear_pct = s["ear"].to_numpy(dtype=float) / goal * 100.0
        ul_pct = np.where(
            s["ul_scope"].to_numpy(dtype=object) == "all sources",
            s["ul"].to_numpy(dtype=float) / goal * 100.0,
            np.nan,
        )
    labels = [f"{n} ({u})" for n, u in zip(s["name"], s["unit"], strict=True)]
    y = np.arange(len(s))[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * len(s) + 1.4))
    colours = [STATUS_COLOURS.get(st, "#999999") for st in s["status"]]
    shown = np.clip(np.nan_to_num(pct), 0, _CAP)
    ax.barh(y, shown, color=colours, height=0.6)
    ax.axvline(100, color="black", linestyle="--", linewidth=1, label="RDA / AI (100%)")
    ax.scatter(ear_pct, y, marker="|", s=250, color="black", label="EAR", zorder=3)
    ax.scatter(
        np.clip(ul_pct, 0, _CAP), y, marker="|", s=250, color="#CC0000", label="UL", zorder=3
    )
    for yi, p, st in zip(y, pct, s["status"], strict=True):
        text = "no data" if not np.isfinite(p) or st == "no data" else f"{p:.0f}%"
        if st == "uncertain":
            text += " (uncertain)"
        ax.text(min(np.nan_to_num(p), _CAP) + 3, yi, text, va="center", fontsize=8)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, _CAP + 40)
    ax.set_xlabel("mean daily intake, % of RDA (or AI)")
    ax.set_title("Intake compared with the Dietary Reference Intakes")
    ax.legend(loc="lower right", fontsize=8)
    ax.figure.tight_layout()
    return ax


def plot_daily(report: Any, nutrients: list[str] | None = None, ax: Any = None) -> Any:
    """Daily intake per nutrient as percent of the RDA (or AI), one line each.

    Parameters
    ----------
    nutrients : list of str, optional
        Keys to draw; default the short nutrients, else all with data.

    Returns
    -------
    matplotlib.axes.Axes
    """
    plt = _plt()
    s = report.summary
    if nutrients is None:
        nutrients = list(report.short.index) or [
            k for k in s.index if s.loc[k, "status"] not in ("no data",)
        ]
    daily = report.daily
    x = daily["date"]
    use_dates = x.notna().all() and len(x) > 0
    xs = pd.to_datetime(x) if use_dates else pd.Series(np.arange(1, len(daily) + 1))
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    for k in nutrients:
        goal = s.loc[k, "rda"] if np.isfinite(s.loc[k, "rda"]) else s.loc[k, "ai"]
        if not np.isfinite(goal) or k not in daily:
            continue
        ax.plot(
            xs, daily[k].to_numpy(dtype=float) / goal * 100.0, marker="o", label=s.loc[k, "name"]
        )
    ax.axhline(100, color="black", linestyle="--", linewidth=1)
    ax.set_ylabel("% of RDA (or AI)")
    ax.set_xlabel("date" if use_dates else "day")
    ax.set_title("Daily intake")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return ax


def figure_bytes(ax: Any, fmt: str = "png") -> bytes:
    """Render the figure of ``ax`` to PNG or SVG bytes and close it."""
    plt = _plt()
    buf = io.BytesIO()
    ax.figure.savefig(buf, format=fmt, dpi=100)
    plt.close(ax.figure)
    return buf.getvalue()
