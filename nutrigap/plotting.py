"""Matplotlib figures of a :class:`~nutrigap.report.Report`.

matplotlib is an optional dependency (``pip install nutrigap[plot]``); this
module imports it only when a figure is drawn, and raises an ImportError naming
the extra otherwise.

Nothing here calls ``plt.show()`` or changes the backend: the functions draw
and return Axes, so they work the same in Jupyter, in scripts and under the
non-interactive Agg backend. With ``ax=None`` a new figure is made through
pyplot (so that Jupyter displays it); :func:`figure_bytes` and the HTML report
draw on a bare :class:`matplotlib.figure.Figure` instead, which touches no
global pyplot state (safe in servers and threads, nothing left open).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "plot_targets",
    "plot_daily",
    "figure_bytes",
    "targets_alt_text",
    "daily_alt_text",
    "STATUS_COLOURS",
    "STATUS_LABELS",
]

#: Colour of each status (colour-blind-safe Okabe-Ito palette).
STATUS_COLOURS: dict[str, str] = {
    "likely short": "#D55E00",
    "possibly short": "#E69F00",
    "uncertain": "#999999",
    "no data": "#BBBBBB",
    "adequate": "#009E73",
    "no reference": "#BBBBBB",
}

#: Legend text of each status.
STATUS_LABELS: dict[str, str] = {
    "likely short": "likely short (below the EAR)",
    "possibly short": "possibly short (near the EAR, or below an AI)",
    "uncertain": "uncertain (too little food data)",
    "no data": "no data",
    "adequate": "adequate",
    "no reference": "no reference value",
}

_CAP = 300.0  # percent shown at most; longer bars are clipped with their value printed
_UL_COLOUR = "#B2182B"


def _plt():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plots need matplotlib: pip install 'nutrigap[plot]' (or pip install matplotlib)"
        ) from exc
    return plt


def _new_axes(
    figsize: tuple[float, float], nrows: int = 1, ncols: int = 1, pyplot: bool = True, **kw: Any
) -> Any:
    """New Axes (or array of Axes): through pyplot for users, a bare Figure otherwise."""
    if pyplot:
        _, axes = _plt().subplots(nrows, ncols, figsize=figsize, layout="constrained", **kw)
        return axes
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plots need matplotlib: pip install 'nutrigap[plot]' (or pip install matplotlib)"
        ) from exc
    fig = Figure(figsize=figsize, layout="constrained")
    return fig.subplots(nrows, ncols, **kw)


def _goal(s: pd.DataFrame) -> np.ndarray:
    """The RDA, else the AI, per nutrient (the 100 % line)."""
    return s["rda"].where(s["rda"].notna(), s["ai"]).to_numpy(dtype=float)


def _target_percents(s: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    goal = _goal(s)
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = s["mean_intake"].to_numpy(dtype=float) / goal * 100.0
        ear_pct = s["ear"].to_numpy(dtype=float) / goal * 100.0
        # only an all-sources UL can be compared with total intake
        ul_pct = np.where(
            s["ul_scope"].astype(object).to_numpy() == "all sources",
            s["ul"].to_numpy(dtype=float) / goal * 100.0,
            np.nan,
        )
    return pct, ear_pct, ul_pct


def plot_targets(report: Any, ax: Any = None, *, _pyplot: bool = True) -> Any:
    """Mean intake as percent of the RDA (or AI) per nutrient, with EAR, RDA/AI and UL marks.

    Bars are coloured by status (colour-blind-safe palette, with a legend) and
    labelled with the percentage and the mean intake per day. The EAR is a
    black tick, 100 % (the RDA, or the AI where there is no RDA) a dashed line,
    and an all-sources Tolerable Upper Intake Level (UL) a red tick (a UL
    beyond the axis is written in the bar's label); bars of nutrients that may
    exceed their UL (any scope) have a red outline and a red label.
    Bars beyond 300 % are clipped and end in an arrow. Nutrients without data
    show "no data"; "uncertain" bars are hatched.

    Parameters
    ----------
    report : Report
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    s = report.summary
    pct, ear_pct, ul_pct = _target_percents(s)
    n = len(s)
    y = np.arange(n)[::-1]
    own_figure = ax is None
    if own_figure:
        ax = _new_axes((8.5, 0.42 * n + 2.6), pyplot=_pyplot)
    status = s["status"].astype(object).to_numpy()
    finite = pct[np.isfinite(pct)]
    top = float(min(_CAP, max(150.0, *(finite * 1.08)) if finite.size else 150.0))
    xmax = top * 1.35  # room for the value labels
    shown = np.clip(np.nan_to_num(pct), 0, top)
    colours = [STATUS_COLOURS.get(st, "#999999") for st in status]
    bars = ax.barh(y, shown, color=colours, height=0.62, edgecolor="white", linewidth=0.5)
    for bar, st in zip(bars, status, strict=True):
        if st == "uncertain":
            bar.set_hatch("///")
            bar.set_edgecolor("#555555")
    ax.axvline(100, color="black", linestyle="--", linewidth=1, zorder=2)
    ax.scatter(ear_pct, y, marker="|", s=260, linewidths=2, color="black", zorder=3)
    inside = np.isfinite(ul_pct) & (ul_pct <= xmax)
    beyond = np.isfinite(ul_pct) & (ul_pct > xmax)  # written in the bar's label instead
    ax.scatter(
        ul_pct[inside], y[inside], marker="|", s=260, linewidths=2, color=_UL_COLOUR, zorder=3
    )
    units = s["unit"].astype(object).to_numpy()
    means = s["mean_intake"].to_numpy(dtype=float)
    over = s["ul_status"].astype(object).to_numpy() == "possible risk of excess"
    for bar, o in zip(bars, over, strict=True):
        if o:
            bar.set_edgecolor(_UL_COLOUR)
            bar.set_linewidth(2)
    rows = zip(y, pct, ear_pct, ul_pct, beyond, over, status, means, units, strict=True)
    for yi, p, e, ulp, far, o, st, m, u in rows:
        if not np.isfinite(p) or st == "no data":
            text = "no data"
        else:
            text = f"{p:.0f}%  ({_short_num(m)} {u}/day)"
            if p > top:
                text = "→ " + text
            if st == "uncertain":
                text += "  uncertain"
        if o:
            text += "  may exceed UL"
        elif far:
            text += f"  (UL {ulp:,.0f}%)"
        # right of the bar and of the EAR tick, so that neither hides the label
        x0 = max(min(np.nan_to_num(p), top), np.nan_to_num(e) if np.nan_to_num(e) <= top else 0)
        ax.text(
            x0 + xmax * 0.012,
            yi,
            text,
            va="center",
            fontsize=8,
            color=_UL_COLOUR if o else "black",
            fontweight="bold" if o else "normal",
        )
    ax.set_yticks(y, list(s["name"]))
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(0, xmax)
    ax.set_xlabel("mean daily intake, % of the RDA (or of the AI where there is no RDA)")
    ax.set_title("Intake compared with the Dietary Reference Intakes")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    present = [st for st in STATUS_COLOURS if st in set(status)]
    handles = [
        Patch(
            facecolor=STATUS_COLOURS[st],
            hatch="///" if st == "uncertain" else None,
            edgecolor="#555555" if st == "uncertain" else STATUS_COLOURS[st],
            label=STATUS_LABELS[st],
        )
        for st in present
    ]
    if over.any():
        handles.append(
            Patch(facecolor="white", edgecolor=_UL_COLOUR, linewidth=2, label="may exceed its UL")
        )
    handles += [
        Line2D([], [], color="black", linestyle="--", linewidth=1, label="RDA or AI (100%)"),
        Line2D([], [], color="black", marker="|", linestyle="", markersize=12, label="EAR"),
        Line2D(
            [],
            [],
            color=_UL_COLOUR,
            marker="|",
            linestyle="",
            markersize=12,
            label="UL (all sources)",
        ),
    ]
    if own_figure:
        ax.figure.legend(
            handles=handles, loc="outside lower center", ncol=2, fontsize=8, frameon=False
        )
    else:
        ax.legend(handles=handles, loc="best", fontsize=7)
    return ax


def _short_num(v: float) -> str:
    if not np.isfinite(v):
        return "–"
    a = abs(v)
    if a >= 100:
        return f"{v:,.0f}"
    if a >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def _default_daily(report: Any) -> list[str]:
    s = report.summary
    short = list(report.short.index)
    return short or [k for k in s.index if s.loc[k, "status"] not in ("no data", "no reference")]


def _x_values(daily: pd.DataFrame) -> tuple[Any, bool]:
    x = daily["date"] if "date" in daily else pd.Series([pd.NaT] * len(daily))
    use_dates = len(x) > 0 and bool(x.notna().all())
    xs = pd.to_datetime(x).to_numpy() if use_dates else np.arange(1, len(daily) + 1)
    return xs, use_dates


def _format_dates(ax: Any, use_dates: bool) -> None:
    if use_dates:
        import matplotlib.dates as mdates

        loc = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    else:
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot_daily(
    report: Any,
    nutrients: Sequence[str] | None = None,
    ax: Any = None,
    *,
    percent: bool | None = None,
    _pyplot: bool = True,
) -> Any:
    """Daily intake per nutrient: its trend across the logged days.

    Without ``ax``: one small panel per nutrient, in the nutrient's own unit,
    with the day's total (dots and line), the mean over the days (grey), the
    EAR (dotted), the RDA or AI (dashed) and an all-sources UL (red) when it is
    within reach. With ``ax`` (or ``percent=True``): all nutrients on one
    Axes as percent of the RDA (or AI).

    Parameters
    ----------
    report : Report
    nutrients : list of str, optional
        Nutrient keys to draw; default the short nutrients, else all with data.
    ax : matplotlib.axes.Axes, optional
        Draw everything on this Axes (as percent of the RDA/AI).
    percent : bool, optional
        One Axes in percent of the RDA/AI (default when ``ax`` is given).

    Returns
    -------
    matplotlib.axes.Axes or numpy.ndarray of Axes
        One Axes in percent mode, else the array of panels (``axes.flat``;
        unused panels are hidden).
    """
    s = report.summary
    keys = [k for k in (list(nutrients) if nutrients is not None else _default_daily(report))]
    unknown = [k for k in keys if k not in s.index]
    if unknown:
        raise ValueError(f"not nutrients of the report: {unknown}; choose from {list(s.index)}")
    daily = report.daily
    xs, use_dates = _x_values(daily)
    goal = pd.Series(_goal(s), index=s.index)
    if percent is None:
        percent = ax is not None
    if percent:
        if ax is None:
            ax = _new_axes((8.5, 4.2), pyplot=_pyplot)
        for k in keys:
            if not np.isfinite(goal[k]) or k not in daily:
                continue
            ax.plot(
                xs,
                daily[k].to_numpy(dtype=float) / goal[k] * 100.0,
                marker="o",
                markersize=4,
                label=str(s.loc[k, "name"]),
            )
        ax.axhline(100, color="black", linestyle="--", linewidth=1, label="RDA or AI")
        ax.set_ylabel("% of the RDA (or AI)")
        ax.set_ylim(bottom=0)
        ax.set_xlabel("date" if use_dates else "day")
        ax.set_title("Daily intake")
        _format_dates(ax, use_dates)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        return ax

    n = max(len(keys), 1)
    ncols = 1 if n == 1 else 2 if n <= 4 else 3
    nrows = -(-n // ncols)
    axes = np.atleast_1d(
        _new_axes((4.0 * ncols + 0.6, 2.6 * nrows + 0.6), nrows, ncols, pyplot=_pyplot, sharex=True)
    ).ravel()
    for a, k in zip(axes, keys, strict=False):
        row = s.loc[k]
        unit = str(row["unit"])
        vals = daily[k].to_numpy(dtype=float) if k in daily else np.full(len(daily), np.nan)
        colour = STATUS_COLOURS.get(str(row["status"]), "#444444")
        a.plot(xs, vals, marker="o", markersize=4, color=colour, linewidth=1.5)
        lines = [
            (row["mean_intake"], "#666666", "-", "mean"),
            (row["ear"], "black", ":", "EAR"),
            (goal[k], "black", "--", "RDA" if np.isfinite(row["rda"]) else "AI"),
        ]
        hi = np.nanmax(np.append(vals, [goal[k], row["ear"], 0.0]).astype(float))
        if row["ul_scope"] == "all sources" and np.isfinite(row["ul"]) and row["ul"] <= 1.5 * hi:
            lines.append((row["ul"], _UL_COLOUR, "-", "UL"))
        for value, c, ls, label in lines:
            if np.isfinite(value):
                a.axhline(value, color=c, linestyle=ls, linewidth=1)
                a.annotate(
                    label,
                    (1.0, value),
                    xycoords=("axes fraction", "data"),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                    color=c,
                    annotation_clip=False,
                )
        a.set_title(f"{row['name']} ({row['status']})", fontsize=9)
        a.set_ylabel(f"{unit} per day", fontsize=8)
        a.set_ylim(bottom=0)
        a.tick_params(labelsize=7)
        for side in ("top", "right"):
            a.spines[side].set_visible(False)
        _format_dates(a, use_dates)
    for a in axes[len(keys) :]:
        a.set_visible(False)
    # the lowest visible panel of each column carries the dates
    for a in axes[max(len(keys) - ncols, 0) : len(keys)]:
        a.xaxis.set_tick_params(labelbottom=True)
        a.set_xlabel("date" if use_dates else "day", fontsize=8)
    axes[0].figure.suptitle("Daily intake (dots) against the reference intakes", fontsize=10)
    return axes


def figure_bytes(artist: Any, fmt: str = "png", dpi: int = 100) -> bytes:
    """Render the figure of an Axes, an array of Axes or a Figure to PNG or SVG bytes.

    A figure made through pyplot is closed afterwards (nothing stays open).
    """
    if hasattr(artist, "savefig"):
        fig = artist
    else:
        fig = np.ravel(np.asarray(artist, dtype=object))[0].figure
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi)
    plt = sys.modules.get("matplotlib.pyplot")  # never import pyplot just to close
    if plt is not None and plt.fignum_exists(getattr(fig, "number", -1)):
        plt.close(fig)
    return buf.getvalue()


def targets_alt_text(report: Any) -> str:
    """A text equivalent of :func:`plot_targets` (for ``alt`` attributes and screen readers)."""
    s = report.summary
    pct, _, _ = _target_percents(s)
    parts = []
    for name, p, st in zip(s["name"], pct, s["status"], strict=True):
        parts.append(f"{name} {p:.0f}% ({st})" if np.isfinite(p) else f"{name} no data")
    return (
        "Bar chart of mean daily intake as percent of the RDA (or AI) per nutrient: "
        + "; ".join(parts)
        + "."
    )


def daily_alt_text(report: Any, nutrients: Sequence[str] | None = None) -> str:
    """A text equivalent of :func:`plot_daily`: the range of the daily totals per nutrient."""
    s = report.summary
    keys = list(nutrients) if nutrients is not None else _default_daily(report)
    d = report.daily
    parts = []
    for k in keys:
        if k not in d or d[k].notna().sum() == 0:
            continue
        v = d[k].astype(float)
        parts.append(
            f"{s.loc[k, 'name']} from {_short_num(v.min())} to {_short_num(v.max())} "
            f"{s.loc[k, 'unit']} a day (mean {_short_num(v.mean())})"
        )
    return (
        f"Line charts of daily intake over {len(d)} days: " + "; ".join(parts) + "."
        if parts
        else "No daily data."
    )
