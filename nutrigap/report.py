"""The result of an analysis: frames, and ways to show them.

A :class:`Report` holds what :func:`nutrigap.analyze` computed (it computes
nothing itself beyond selecting and formatting) and renders it for Jupyter
(``_repr_html_``), Markdown, a terminal, a self-contained HTML page, JSON and
CSV, and as matplotlib figures.

Every output shows what happened to each diary row ("nothing lost": matched,
given by the export, unmatched, unresolved, rejected) and the advice that
nutrigap informs and does not diagnose.

Safety: every string that comes from a diary (food names, meal names, file
names) is HTML-escaped in HTML and Markdown output, and CSV cells that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading ``'`` (OWASP, *CSV Injection*).
"""

from __future__ import annotations

import base64
import html
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nutrigap.nutrients import NUTRIENTS

__all__ = ["Report", "ADVICE", "defuse_csv_cell"]

#: Shown in every output.
ADVICE: tuple[str, ...] = (
    "nutrigap informs; it does not diagnose. A food diary estimates intake only roughly, "
    "and most muscle twitches are harmless.",
    "See a doctor or other healthcare professional if twitches are persistent or severe, "
    "last more than two weeks, or come with weakness, muscle loss (wasting), numbness, "
    "or difficulty swallowing or speaking.",
    "Talk to a healthcare professional before taking supplements, especially with kidney "
    "disease, during pregnancy, or with other medicines.",
)

_SHORT = ("likely short", "possibly short")
_STATUS_CSS = {
    "likely short": "#fbe3d6",
    "possibly short": "#fdf0cf",
    "uncertain": "#eeeeee",
    "no data": "#eeeeee",
    "no reference": "#eeeeee",
    "adequate": "#d9f2e6",
}
_UL_CSS = {"possible risk of excess": "#f8d0d0", "cannot tell": "#fdf0cf"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_csv_cell(value: Any) -> Any:
    """Prefix ``'`` to a string a spreadsheet would treat as a formula.

    Examples
    --------
    >>> defuse_csv_cell("=HYPERLINK(\\"http://x\\")"), defuse_csv_cell("bread"), defuse_csv_cell(-1.5)
    ('\\'=HYPERLINK("http://x")', 'bread', -1.5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _defuse_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[c]) or pd.api.types.is_bool_dtype(out[c])):
            if pd.api.types.is_datetime64_any_dtype(out[c]):
                continue
            out[c] = out[c].astype(object).map(defuse_csv_cell)
    out.columns = [defuse_csv_cell(str(c)) for c in out.columns]
    return out


def _num(x: Any, digits: int | None = None) -> str:
    """A number for people: thousands separators, sensible precision, '–' for NaN."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return "" if x is None else str(x)
    if not math.isfinite(v):
        return "–"
    if digits is not None:
        return f"{v:,.{digits}f}"
    a = abs(v)
    if a >= 100:
        return f"{v:,.0f}"
    if a >= 10:
        return f"{v:,.1f}"
    return f"{v:,.2f}"


def _conf(p: Any) -> str:
    """A confidence as a percentage, never "100%" (">99%")."""
    try:
        v = float(p)
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(v):
        return "–"
    return ">99%" if v >= 0.995 else f"{v:.0%}"


def _pct(x: Any) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return "–"
    return "–" if not math.isfinite(v) else f"{v:.0f}%"


def _e(x: Any) -> str:
    return html.escape("" if x is None or (isinstance(x, float) and math.isnan(x)) else str(x))


def _md(x: Any) -> str:
    """Escape a string for a Markdown table cell (HTML and pipes)."""
    return _e(x).replace("|", "\\|").replace("\n", " ")


def _plain(v: Any) -> Any:
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if not math.isfinite(float(v)) else float(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    if v is pd.NaT or v is pd.NA or v is None:
        return None
    return v


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict("records"):
        out.append({str(k): _plain(v) for k, v in rec.items()})
    return out


class Report:
    """One person's gap analysis (returned by :func:`nutrigap.analyze`).

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per tracked nutrient, indexed by key, columns
        :data:`nutrigap.analysis.SUMMARY_COLUMNS`: ``key``, ``name``, ``unit``,
        ``mean_intake`` (per day, canonical unit), ``n_days``, ``target_kind``
        ("EAR" or "AI") and ``target`` (its value), ``ear``, ``rda``, ``ai``,
        ``percent_of_target`` (% of the RDA, or AI), ``z``, ``probability``,
        ``verdict`` and ``confidence`` (NASEM 2000, from
        :func:`nutrigap.assess.assess_intakes`), ``confidence_text``,
        ``status`` (:data:`nutrigap.analysis.STATUSES`), ``gap`` (per day to
        the RDA/AI, short nutrients only), ``ul``, ``ul_scope``, ``ul_intake``
        (the intake the UL covers), ``ul_status``, ``ul_text``, ``coverage``
        (0-1), ``note``.
    daily : pandas.DataFrame
        Totals per day (:func:`nutrigap.intake.daily_totals`).
    entries : pandas.DataFrame
        The matched diary with each entry's contribution per nutrient.
    unmatched : pandas.DataFrame
        Entries left unmatched or unresolved, with ``reason`` and
        ``candidates``.
    rejected : pandas.DataFrame
        Lines the reader rejected (``source_file``, ``source_line``, ``raw``,
        ``reason``).
    lifestyle : pandas.DataFrame
        Caffeine, alcohol and water signals (:mod:`nutrigap.lifestyle`).
    coverage_daily : pandas.DataFrame
        Coverage per day and nutrient.
    reference : pandas.DataFrame
        The person's DRIs (:func:`nutrigap.reference_intakes`).
    profile : Profile
    counts : dict
        ``input_rows`` = ``rows`` + ``rejected``; ``rows`` = ``matched`` +
        ``given`` + ``unmatched`` + ``unresolved``; ``counted``, ``days``.
    meta : dict
        ``person``, ``format``, ``source``, ``min_coverage``, ``life_stage``.
    """

    def __init__(
        self,
        summary: pd.DataFrame,
        daily: pd.DataFrame,
        entries: pd.DataFrame,
        unmatched: pd.DataFrame,
        rejected: pd.DataFrame,
        lifestyle: pd.DataFrame,
        *,
        coverage_daily: pd.DataFrame | None = None,
        reference: pd.DataFrame | None = None,
        profile: Any = None,
        counts: dict[str, int] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.summary = summary
        self.daily = daily
        self.entries = entries
        self.unmatched = unmatched
        self.rejected = rejected
        self.lifestyle = lifestyle
        self.coverage_daily = coverage_daily
        self.reference = reference
        self.profile = profile
        self.counts = dict(counts or {})
        self.meta = dict(meta or {})
        self._suggestions: Any = None

    # ------------------------------------------------------------------ views
    @property
    def short(self) -> pd.DataFrame:
        """Nutrients likely or possibly short, most severe first, with twitch context.

        "likely short" (EAR nutrients assessed inadequate) come first, by
        increasing probability of adequacy; then "possibly short" (intake too
        close to the EAR to tell, or below an AI), by increasing percent of
        target. Columns: ``key``, ``name``, ``unit``, ``mean_intake``,
        ``target_kind``, ``target``, ``percent_of_target``, ``status``,
        ``confidence``, ``gap``, ``wording``, ``role``, ``deficiency``,
        ``twitch``, ``sources``.
        """
        s = self.summary
        sel = s[s["status"].isin(_SHORT)].copy()
        sel["_rank"] = (sel["status"] == "possibly short").astype(int)
        sel = sel.sort_values(["_rank", "probability", "percent_of_target"], kind="stable")
        wording = []
        for _, r in sel.iterrows():
            if r["status"] == "likely short":
                wording.append(
                    f"likely short: usual intake is probably below the requirement "
                    f"({_conf(r['confidence'])} confidence)"
                )
            elif r["target_kind"] == "AI":
                wording.append(
                    "possibly short: below the Adequate Intake (an AI is an intake that seems "
                    "adequate, not a requirement, so this is not evidence of a deficiency)"
                )
            else:
                wording.append(
                    "possibly short: too close to the average requirement to tell; more "
                    "logged days would sharpen this"
                )
        sel["wording"] = wording
        for attr in ("role", "deficiency", "twitch", "sources"):
            sel[attr] = [getattr(NUTRIENTS[k], attr) for k in sel.index]
        cols = [
            "key",
            "name",
            "unit",
            "mean_intake",
            "target_kind",
            "target",
            "percent_of_target",
            "status",
            "confidence",
            "gap",
            "wording",
            "role",
            "deficiency",
            "twitch",
            "sources",
        ]
        return sel[cols]

    @property
    def over(self) -> pd.DataFrame:
        """Nutrients whose intake may exceed the Tolerable Upper Intake Level.

        Rows with ``ul_status`` "possible risk of excess", or "cannot tell"
        with the UL-scoped intake above the UL. Columns: ``key``, ``name``,
        ``unit``, ``ul_intake``, ``ul``, ``ul_scope``, ``ul_status``,
        ``ul_text``, ``excess`` (risks of over-supplementation).
        """
        s = self.summary
        risky = (s["ul_status"] == "possible risk of excess") | (
            (s["ul_status"] == "cannot tell") & (s["ul_intake"] > s["ul"])
        )
        sel = s[risky].copy()
        sel["excess"] = [NUTRIENTS[k].excess for k in sel.index]
        return sel[
            ["key", "name", "unit", "ul_intake", "ul", "ul_scope", "ul_status", "ul_text", "excess"]
        ]

    @property
    def gaps(self) -> pd.Series:
        """Amount per day (canonical unit) needed to reach the RDA/AI, short nutrients only."""
        g = self.summary.loc[self.summary["status"].isin(_SHORT), "gap"].astype(float)
        g = g[g > 0]
        g.name = "gap"
        return g

    @property
    def advice(self) -> pd.DataFrame:
        """The advice shown in every output (one column ``advice``)."""
        return pd.DataFrame({"advice": list(ADVICE)})

    @property
    def suggestions(self) -> Any:
        """Foods that close the gaps (:func:`nutrigap.suggest`), computed on first use.

        An empty DataFrame when the suggestions module is not available.
        """
        if self._suggestions is None:
            try:
                from nutrigap.suggest import suggest
            except ImportError:
                self._suggestions = pd.DataFrame()
            else:
                self._suggestions = suggest(self)
        return self._suggestions

    # ------------------------------------------------------------- plain text
    def _counts_line(self) -> str:
        c = self.counts
        parts = [
            f"{c.get('input_rows', 0)} diary rows",
            f"{c.get('matched', 0)} matched",
        ]
        if c.get("given"):
            parts.append(f"{c['given']} with the export's own amounts")
        parts += [
            f"{c.get('unmatched', 0)} unmatched",
            f"{c.get('unresolved', 0)} without known amount",
            f"{c.get('rejected', 0)} rejected",
        ]
        return ", ".join(parts) + f"; {c.get('days', 0)} days logged"

    def _title(self) -> str:
        p = self.profile
        who = ""
        if p is not None:
            who = f"{self.meta.get('life_stage') or p.life_stage_label}, age {p.age:g}"
            if p.pregnant:
                who += ", pregnant"
            if p.lactating:
                who += ", lactating"
        person = self.meta.get("person")
        if person:
            who = f"{person}: {who}" if who else str(person)
        return who

    def _rows(self) -> list[list[str]]:
        rows = []
        for _, r in self.summary.iterrows():
            conf = "" if not np.isfinite(r["confidence"]) else f" ({_conf(r['confidence'])})"
            verdict = r["status"] + (conf if r["status"] in (*_SHORT, "adequate") else "")
            rows.append(
                [
                    str(r["name"]),
                    f"{_num(r['mean_intake'])} {r['unit']}",
                    f"{r['target_kind'] or ''} {_num(r['target'])}".strip(),
                    _pct(r["percent_of_target"]),
                    verdict,
                    _pct(r["coverage"] * 100 if np.isfinite(r["coverage"]) else np.nan),
                    str(r["ul_status"]),
                ]
            )
        return rows

    _HEADER = ["Nutrient", "Mean/day", "Target", "% RDA/AI", "Verdict", "Coverage", "UL"]

    def to_text(self) -> str:
        """A plain-text report for a terminal."""
        rows = self._rows()
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(self._HEADER)]

        def line(cells: list[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        out = ["nutrigap report" + (f" — {self._title()}" if self._title() else ""), ""]
        out.append(self._counts_line())
        out.append("")
        out.append(line(self._HEADER))
        out.append(line(["-" * w for w in widths]))
        out += [line(r) for r in rows]
        short = self.short
        if len(short):
            out += ["", "Short:"]
            for _, r in short.iterrows():
                out.append(
                    f"* {r['name']}: {_num(r['mean_intake'])} {r['unit']}/day "
                    f"({_pct(r['percent_of_target'])} of target) — {r['wording']}"
                )
                if np.isfinite(r["gap"]):
                    out.append(f"  about {_num(r['gap'])} {r['unit']} more a day would reach it.")
                out.append(f"  Twitches: {r['twitch']}")
                out.append(f"  Sources: {r['sources']}")
        else:
            out += ["", "No nutrient is likely or possibly short."]
        over = self.over
        if len(over):
            out += ["", "Possibly over the upper limit:"]
            for _, r in over.iterrows():
                out.append(
                    f"* {r['name']}: {_num(r['ul_intake'])} {r['unit']}/day vs UL {_num(r['ul'])} "
                    f"({r['ul_scope']}) — {r['excess']}"
                )
        unc = self.summary[self.summary["status"].isin(["uncertain", "no data"])]
        if len(unc):
            out += ["", "Not assessed (too little data): " + ", ".join(unc["name"])]
        out += ["", "Lifestyle:"]
        for _, r in self.lifestyle.iterrows():
            out.append(f"* {r['name']}: {r['message']}")
        if len(self.unmatched):
            out += ["", f"Entries not counted ({len(self.unmatched)}):"]
            for _, r in self.unmatched.head(20).iterrows():
                out.append(
                    f"* {r.get('food', '')!s}: {r.get('status', '')} ({r.get('reason', '')})"
                )
            if len(self.unmatched) > 20:
                out.append(f"  … and {len(self.unmatched) - 20} more (see report.unmatched)")
        out += [""] + [f"Note: {a}" for a in ADVICE]
        return "\n".join(out) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        short = ", ".join(self.short["name"]) or "none"
        return (
            f"<nutrigap.Report {self._title() or 'unknown profile'}: "
            f"{self.counts.get('days', 0)} days; short: {short}>"
        )

    def to_markdown(self) -> str:
        """A Markdown report (diary strings HTML-escaped)."""
        rows = self._rows()
        out = ["# nutrigap report", ""]
        if self._title():
            out += [f"**{_md(self._title())}**", ""]
        out += [f"Nothing lost: {self._counts_line()}.", ""]
        out.append("| " + " | ".join(self._HEADER) + " |")
        out.append("|" + "|".join("---" for _ in self._HEADER) + "|")
        out += ["| " + " | ".join(_md(c) for c in r) + " |" for r in rows]
        short = self.short
        out += ["", "## Short", ""]
        if len(short):
            for _, r in short.iterrows():
                out.append(
                    f"- **{r['name']}**: {_num(r['mean_intake'])} {r['unit']}/day "
                    f"({_pct(r['percent_of_target'])} of target), {r['wording']}."
                )
                if np.isfinite(r["gap"]):
                    out.append(
                        f"  About {_num(r['gap'])} {r['unit']} more a day reaches the target."
                    )
                out.append(f"  *Role:* {r['role']} *Signs of lack:* {r['deficiency']}")
                out.append(f"  *Twitches:* {r['twitch']} *Sources:* {r['sources']}")
        else:
            out.append("No nutrient is likely or possibly short.")
        over = self.over
        if len(over):
            out += ["", "## Possibly over the upper limit", ""]
            for _, r in over.iterrows():
                out.append(
                    f"- **{r['name']}**: {_num(r['ul_intake'])} {r['unit']}/day, UL "
                    f"{_num(r['ul'])} ({r['ul_scope']}). {r['excess']}"
                )
        out += ["", "## Lifestyle", ""]
        out += [f"- **{r['name']}**: {_md(r['message'])}" for _, r in self.lifestyle.iterrows()]
        if len(self.unmatched):
            out += ["", f"## Entries not counted ({len(self.unmatched)})", ""]
            out += ["| Food | Status | Reason | Candidates |", "|---|---|---|---|"]
            for _, r in self.unmatched.iterrows():
                out.append(
                    f"| {_md(r.get('food'))} | {_md(r.get('status'))} | {_md(r.get('reason'))} "
                    f"| {_md(r.get('candidates'))} |"
                )
        if len(self.rejected):
            out += ["", f"## Rejected lines ({len(self.rejected)})", ""]
            out += ["| Line | Reason |", "|---|---|"]
            for _, r in self.rejected.iterrows():
                out.append(f"| {_md(r.get('source_line'))} | {_md(r.get('reason'))} |")
        out += ["", "## Please note", ""] + [f"- {a}" for a in ADVICE]
        return "\n".join(out) + "\n"

    # --------------------------------------------------------------- frames
    def to_frame(self) -> pd.DataFrame:
        """The summary table (a copy), indexed by nutrient key."""
        return self.summary.copy()

    def to_csv(self, path: str | Path | None = None, table: str = "summary") -> str | None:
        """Write a table as CSV, with spreadsheet formulas defused.

        Parameters
        ----------
        path : str or Path, optional
            Where to write; None returns the CSV text.
        table : {"summary", "daily", "entries", "unmatched", "rejected", "lifestyle"}
        """
        if table not in ("summary", "daily", "entries", "unmatched", "rejected", "lifestyle"):
            raise ValueError(f"unknown table {table!r}")
        df = getattr(self, table)
        df = df.reset_index() if table == "lifestyle" else df
        text = _defuse_frame(df).to_csv(index=False, lineterminator="\n")
        if path is None:
            return text
        Path(path).write_text(text, encoding="utf-8")
        return None

    def to_dict(self) -> dict[str, Any]:
        """Everything in plain Python types (NaN -> None), as :meth:`to_json` writes."""
        summ = self.summary.drop(columns=[], errors="ignore")
        return {
            "profile": None
            if self.profile is None
            else {
                "age": self.profile.age,
                "sex": self.profile.sex,
                "pregnant": self.profile.pregnant,
                "lactating": self.profile.lactating,
                "life_stage": self.profile.life_stage,
            },
            "meta": {k: _plain(v) for k, v in self.meta.items()},
            "counts": dict(self.counts),
            "summary": _records(summ),
            "short": _records(self.short),
            "over": _records(self.over),
            "gaps": {k: _plain(v) for k, v in self.gaps.items()},
            "lifestyle": _records(self.lifestyle.reset_index()),
            "daily": _records(self.daily),
            "unmatched": _records(self.unmatched),
            "rejected": _records(self.rejected),
            "advice": list(ADVICE),
        }

    def to_json(self, path: str | Path | None = None, indent: int | None = 2) -> str:
        """The report as JSON (NaN written as null); also written to ``path`` if given."""
        text = json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    # ----------------------------------------------------------------- HTML
    def _html_table(self) -> str:
        head = "".join(f"<th>{_e(h)}</th>" for h in self._HEADER)
        body = []
        for (_, r), cells in zip(self.summary.iterrows(), self._rows(), strict=True):
            bg = _STATUS_CSS.get(r["status"], "#ffffff")
            ulbg = _UL_CSS.get(r["ul_status"], "transparent")
            tds = [f"<td>{_e(c)}</td>" for c in cells[:4]]
            tds.append(f'<td class="verdict" style="background:{bg}">{_e(cells[4])}</td>')
            tds.append(f"<td>{_e(cells[5])}</td>")
            tds.append(f'<td style="background:{ulbg}">{_e(cells[6])}</td>')
            body.append(f'<tr data-status="{_e(r["status"])}">' + "".join(tds) + "</tr>")
        return (
            '<table class="nutrigap-verdicts" id="verdicts"><thead><tr>'
            + head
            + "</tr></thead><tbody>"
            + "".join(body)
            + "</tbody></table>"
        )

    def _advice_html(self) -> str:
        return '<div class="advice">' + "".join(f"<p>{_e(a)}</p>" for a in ADVICE) + "</div>"

    def _repr_html_(self) -> str:
        title = self._title()
        parts = ['<div class="nutrigap-report">']
        parts.append(f"<strong>nutrigap report</strong>{' — ' + _e(title) if title else ''}")
        parts.append(f"<p>Nothing lost: {_e(self._counts_line())}.</p>")
        parts.append(self._html_table())
        short = self.short
        if len(short):
            items = "".join(
                f"<li><b>{_e(r['name'])}</b>: {_e(r['wording'])}. {_e(r['twitch'])}</li>"
                for _, r in short.iterrows()
            )
            parts.append(f"<p><b>Short</b></p><ul>{items}</ul>")
        over = self.over
        if len(over):
            items = "".join(
                f"<li><b>{_e(r['name'])}</b>: {_e(r['ul_text'])}</li>" for _, r in over.iterrows()
            )
            parts.append(f"<p><b>Possibly over the upper limit</b></p><ul>{items}</ul>")
        life = "".join(
            f"<li><b>{_e(r['name'])}</b>: {_e(r['message'])}</li>"
            for _, r in self.lifestyle.iterrows()
        )
        parts.append(f"<p><b>Lifestyle</b></p><ul>{life}</ul>")
        parts.append(f'<p style="font-size:smaller">{" ".join(_e(a) for a in ADVICE)}</p>')
        parts.append("</div>")
        return "".join(parts)

    def to_html(self, path: str | Path | None = None, plots: bool = True) -> str:
        """A self-contained HTML page (plots embedded as base64 PNG when matplotlib is available).

        Parameters
        ----------
        path : str or Path, optional
            Also write the page there.
        plots : bool, default True
            Embed the figures (skipped silently without matplotlib).
        """
        title = self._title()
        css = (
            "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:960px;"
            "margin:2em auto;padding:0 1em;color:#222}"
            "table{border-collapse:collapse;margin:1em 0;font-size:14px}"
            "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            "th{background:#f4f4f4}.advice{background:#eef4fb;border-left:4px solid #3a78c3;"
            "padding:.5em 1em;margin:1.5em 0}.counts{color:#555}img{max-width:100%}"
        )
        p = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">']
        p.append(f"<title>nutrigap report{(' — ' + _e(title)) if title else ''}</title>")
        p.append(f"<style>{css}</style></head><body>")
        p.append(f"<h1>nutrigap report</h1><p><b>{_e(title)}</b></p>")
        p.append(f'<p class="counts">Nothing lost: {_e(self._counts_line())}.</p>')
        p.append(self._advice_html())
        p.append("<h2>Nutrients</h2>")
        p.append(self._html_table())
        p.append(
            '<p class="counts">Verdicts follow the National Academies\' method for individuals '
            "(DRI: Applications in Dietary Assessment, 2000). Coverage is the share of the food "
            f"eaten with data for the nutrient; under {self.meta.get('min_coverage', 0.7):.0%} "
            "the nutrient is marked uncertain.</p>"
        )
        short = self.short
        p.append("<h2>Short</h2>")
        if len(short):
            for _, r in short.iterrows():
                gap = (
                    f" About {_e(_num(r['gap']))} {_e(r['unit'])} more a day reaches the target."
                    if np.isfinite(r["gap"])
                    else ""
                )
                p.append(
                    f"<h3>{_e(r['name'])}</h3><p>{_e(_num(r['mean_intake']))} {_e(r['unit'])} a "
                    f"day ({_e(_pct(r['percent_of_target']))} of target): {_e(r['wording'])}."
                    f"{gap}</p><ul><li><b>Role:</b> {_e(r['role'])}</li>"
                    f"<li><b>Signs of lack:</b> {_e(r['deficiency'])}</li>"
                    f"<li><b>Twitches:</b> {_e(r['twitch'])}</li>"
                    f"<li><b>Food sources:</b> {_e(r['sources'])}</li></ul>"
                )
        else:
            p.append("<p>No nutrient is likely or possibly short.</p>")
        over = self.over
        if len(over):
            p.append("<h2>Possibly over the upper limit</h2><ul>")
            for _, r in over.iterrows():
                p.append(
                    f"<li><b>{_e(r['name'])}</b>: {_e(_num(r['ul_intake']))} {_e(r['unit'])} a day, "
                    f"UL {_e(_num(r['ul']))} ({_e(r['ul_scope'])}). {_e(r['excess'])}</li>"
                )
            p.append("</ul>")
        p.append("<h2>Caffeine, alcohol and water</h2><ul>")
        for _, r in self.lifestyle.iterrows():
            p.append(f"<li><b>{_e(r['name'])}</b>: {_e(r['message'])}</li>")
        p.append("</ul>")
        if plots:
            p += self._plots_html()
        if len(self.unmatched):
            p.append(f"<h2>Entries not counted ({len(self.unmatched)})</h2>")
            cols = [
                c for c in ("date", "food", "status", "reason", "candidates") if c in self.unmatched
            ]
            p.append(self._frame_html(self.unmatched[cols]))
        if len(self.rejected):
            p.append(f"<h2>Rejected lines ({len(self.rejected)})</h2>")
            p.append(self._frame_html(self.rejected))
        p.append("<h2>Daily totals</h2>")
        dcols = ["date", "n_entries", *[k for k in self.summary.index if k in self.daily]]
        p.append(self._frame_html(self.daily[dcols]))
        p.append("</body></html>")
        text = "\n".join(p)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    @staticmethod
    def _frame_html(df: pd.DataFrame) -> str:
        head = "".join(f"<th>{_e(c)}</th>" for c in df.columns)
        rows = []
        for rec in df.itertuples(index=False):
            cells = []
            for v in rec:
                if isinstance(v, pd.Timestamp):
                    v = v.strftime("%Y-%m-%d")
                elif isinstance(v, (float, np.floating)):
                    v = _num(v)
                cells.append(f"<td>{_e(v)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

    def _plots_html(self) -> list[str]:
        try:
            from nutrigap.plotting import figure_bytes, plot_daily, plot_targets

            imgs = [figure_bytes(plot_targets(self))]
            if len(self.daily) > 1:
                imgs.append(figure_bytes(plot_daily(self)))
        except ImportError:
            return ['<p class="counts">(Install matplotlib for charts.)</p>']
        out = ["<h2>Charts</h2>"]
        for b in imgs:
            data = base64.b64encode(b).decode("ascii")
            out.append(f'<p><img alt="nutrigap chart" src="data:image/png;base64,{data}"></p>')
        return out

    # ---------------------------------------------------------------- plots
    def plot(self, kind: str = "targets", ax: Any = None, **kwargs: Any) -> Any:
        """Draw the report with matplotlib.

        Parameters
        ----------
        kind : {"targets", "daily"}
            ``"targets"``: mean intake as % of the RDA/AI per nutrient with
            EAR, RDA/AI and UL marks; ``"daily"``: daily trend per nutrient
            (``nutrients=`` to choose; default the short ones).
        ax : matplotlib Axes, optional

        Returns
        -------
        matplotlib.axes.Axes
        """
        from nutrigap.plotting import plot_daily, plot_targets

        if kind == "targets":
            return plot_targets(self, ax=ax)
        if kind == "daily":
            return plot_daily(self, ax=ax, **kwargs)
        raise ValueError(f"kind must be 'targets' or 'daily', got {kind!r}")
