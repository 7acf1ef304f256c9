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

JSON (:meth:`Report.to_dict`, :meth:`Report.to_json`) follows a versioned
schema (:data:`JSON_SCHEMA_VERSION`): missing values are ``null``, never
``NaN``, and nutrients are keyed by their catalog key
(:data:`nutrigap.nutrients.NUTRIENTS`) with their unit.
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

from nutrigap.assess import format_probability
from nutrigap.nutrients import NUTRIENTS

__all__ = ["Report", "ADVICE", "JSON_SCHEMA_VERSION", "VERDICT_LEGEND", "defuse_csv_cell"]

#: Version of the JSON layout written by :meth:`Report.to_dict`; raised on any
#: incompatible change (a removed or renamed field).
JSON_SCHEMA_VERSION = 1

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
#: Cell colours of the verdicts: light tints of the plots' Okabe-Ito colours
#: (:data:`nutrigap.plotting.STATUS_COLOURS`), dark text stays readable on them.
_STATUS_CSS = {
    "likely short": "#f7c9ae",
    "possibly short": "#fbe2a8",
    "uncertain": "#e2e2e2",
    "no data": "#e2e2e2",
    "no reference": "#e2e2e2",
    "adequate": "#bfe5d4",
}
_STATUS_EDGE = {
    "likely short": "#D55E00",
    "possibly short": "#E69F00",
    "adequate": "#009E73",
}
_UL_CSS = {"possible risk of excess": "#f8d0d0", "cannot tell": "#fdf0cf"}

#: What each verdict in the tables means (shown as the legend of every output).
VERDICT_LEGEND: dict[str, str] = {
    "likely short": "usual intake is probably below the Estimated Average Requirement (EAR); "
    "the confidence is that of this verdict (NASEM 2000)",
    "possibly short": "intake too close to the EAR to tell either way; more logged days "
    "would sharpen this (no confidence is given: it is about 50/50)",
    "below AI": "below the Adequate Intake (AI). An AI is an intake that seems adequate, not a "
    "requirement, so this is possibly short but no evidence of a deficiency; no confidence "
    "can be given",
    "adequate": "usual intake probably meets the requirement (EAR nutrients) or is above the "
    "AI (AI nutrients, 'adequate (above AI)'); the confidence is that of this verdict",
    "uncertain": "too little of the food eaten has data for this nutrient to assess it",
    "no data": "the food table has no values for this nutrient for these foods",
}

#: Display text of the UL verdicts of :func:`nutrigap.assess.assess_intakes`.
_UL_LABEL = {
    "safe": "below UL",
    "possible risk of excess": "may exceed UL",
    "cannot tell": "near UL",
    "no UL": "no UL",
    "not assessed": "not assessed",
    "not determinable": "not determinable",
    "no data": "no data",
}

#: Names of the "nothing lost" counts, in the order shown.
_COUNT_NAMES = (
    ("matched", "matched to a food"),
    ("given", "with amounts given by the export"),
    ("unmatched", "unmatched"),
    ("unresolved", "without a known amount"),
    ("rejected", "rejected"),
)
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
    """A confidence as a percentage, never "100%" (">99%"), as the assessment texts."""
    return format_probability(p)


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


def _jsonable(v: Any) -> Any:
    """Plain JSON types all the way down: NaN and infinities become None."""
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray, pd.Index, pd.Series)):
        return [_jsonable(x) for x in list(v)]
    v = _plain(v)
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return str(v)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict("records"):
        out.append({str(k): _jsonable(v) for k, v in rec.items()})
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
        :func:`nutrigap.assess.assess_intakes`; for AI nutrients always the
        probability that usual intake is above the AI, which is not a
        confidence of a shortfall), ``confidence_text``,
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
        ``confidence`` (of the shortfall: Φ(-z) when likely short, 0.5 when
        too close to the EAR to tell, NaN below an AI, which gives none),
        ``gap``, ``wording``, ``role``, ``deficiency``, ``twitch``,
        ``sources``.
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
        # below an AI, no confidence of a shortfall exists (the summary's confidence is then
        # the probability that usual intake is above the AI)
        sel["confidence"] = sel["confidence"].where(sel["target_kind"] != "AI", np.nan)
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
                from nutrigap.suggestions import suggest
            except ImportError:
                self._suggestions = pd.DataFrame()
            else:
                self._suggestions = suggest(self)
        return self._suggestions

    def _sugg(self) -> Any:
        """The Suggestions when there are gaps to close and the module is available, else None."""
        if self.gaps.empty:
            return None
        s = self.suggestions
        if getattr(s, "by_nutrient", None) is None:
            return None
        return s

    # ------------------------------------------------------------- plain text
    def _counts_line(self) -> str:
        c = self.counts
        parts = [f"{c.get(k, 0)} {label}" for k, label in _COUNT_NAMES]
        return (
            f"{c.get('input_rows', 0)} diary rows: "
            + ", ".join(parts)
            + f"; {c.get('days', 0)} days logged"
        )

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

    def _source_line(self) -> str:
        src = [Path(str(x)).name for x in self.meta.get("source") or []]
        if not src:
            return ""
        fmt = self.meta.get("format")
        more = f" and {len(src) - 3} more" if len(src) > 3 else ""
        return "Diary: " + ", ".join(src[:3]) + more + (f" ({fmt})" if fmt else "")

    @staticmethod
    def _verdict(r: pd.Series) -> tuple[str, str]:
        """Verdict label and confidence text of one summary row (no fake percentages)."""
        st, kind = str(r["status"]), r["target_kind"]
        if st == "likely short":
            return st, _conf(r["confidence"])
        if st == "possibly short":
            return ("below AI", "–") if kind == "AI" else (st, "–")
        if st == "adequate":
            return ("adequate (above AI)" if kind == "AI" else st), _conf(r["confidence"])
        return st, "–"

    _HEADER = [
        "Nutrient",
        "Mean/day",
        "EAR",
        "RDA/AI",
        "% of RDA/AI",
        "Verdict",
        "Confidence",
        "Coverage",
        "UL",
    ]

    def _rows(self) -> list[list[str]]:
        rows = []
        for _, r in self.summary.iterrows():
            verdict, conf = self._verdict(r)
            goal_is_ai = not np.isfinite(r["rda"]) and np.isfinite(r["ai"])
            goal = r["ai"] if goal_is_ai else r["rda"]
            rows.append(
                [
                    str(r["name"]),
                    f"{_num(r['mean_intake'])} {r['unit']}"
                    if np.isfinite(r["mean_intake"])
                    else "–",
                    _num(r["ear"]),
                    _num(goal) + (" (AI)" if goal_is_ai else ""),
                    _pct(r["percent_of_target"]),
                    verdict,
                    conf,
                    _pct(r["coverage"] * 100 if np.isfinite(r["coverage"]) else np.nan),
                    _UL_LABEL.get(str(r["ul_status"]), str(r["ul_status"])),
                ]
            )
        return rows

    def _legend_lines(self) -> list[str]:
        shown = {self._verdict(r)[0].split(" (")[0] for _, r in self.summary.iterrows()}
        out = [f"{k}: {v}." for k, v in VERDICT_LEGEND.items() if k in shown]
        out.append(
            "Units: the nutrient's unit per day; % of RDA/AI = mean intake / RDA (or AI) x 100; "
            "coverage = share of the food eaten (by mass) with data for the nutrient; "
            f"under {self.meta.get('min_coverage', 0.7):.0%} it is not assessed. Method: DRI: "
            "Applications in Dietary Assessment (National Academies, 2000)."
        )
        return out

    def _short_lines(self, r: pd.Series) -> tuple[str, str]:
        """Headline and gap sentence of one short nutrient."""
        head = (
            f"{_num(r['mean_intake'])} {r['unit']}/day ({_pct(r['percent_of_target'])} of the "
            f"{'AI' if r['target_kind'] == 'AI' else 'RDA'}) — {r['wording']}"
        )
        goal = self.summary.loc[r["key"], "rda"]
        if not np.isfinite(goal):
            goal = self.summary.loc[r["key"], "ai"]
        gap = ""
        if np.isfinite(r["gap"]):
            gap = (
                f"About {_num(r['gap'])} {r['unit']} more a day would reach the "
                f"{'AI' if r['target_kind'] == 'AI' else 'RDA'} ({_num(goal)} {r['unit']})."
            )
        return head, gap

    def _suggestion_text(self, top: int = 3) -> list[str]:
        sug = self._sugg()
        if sug is None:
            return []
        out = ["", "Foods that would help (one portion each; share of the daily gap it closes):"]
        by = sug.by_nutrient
        for key, grp in by.groupby("nutrient", sort=False):
            nut = NUTRIENTS[key]
            out.append(
                f"* {nut.name} ({_num(self.gaps.get(key, np.nan))} {nut.display_unit} short a day):"
            )
            for r in grp.head(top).itertuples():
                out.append(
                    f"    {r.description} — {r.portion} ({r.portion_grams:.0f} g): "
                    f"{_num(r.amount)} {nut.display_unit}, {r.gap_share_pct:.0f}% of the gap, "
                    f"{r.energy_kcal:.0f} kcal"
                )
        missing = [k for k in self.gaps.index if k not in set(by["nutrient"])]
        if missing:
            out.append("* No food suggestion for: " + ", ".join(NUTRIENTS[k].name for k in missing))
        if not sug.plan.empty:
            kcal = float(sug.plan["energy_kcal"].sum())
            out += [
                "",
                f"A combined plan ({int(sug.plan['portions'].sum())} portions, "
                f"{kcal:.0f} kcal a day):",
            ]
            for r in sug.plan.itertuples():
                out.append(
                    f"* {r.description} — {int(r.portions)} x {r.portion} ({r.grams:.0f} g, "
                    f"{r.energy_kcal:.0f} kcal)"
                )
            if not sug.coverage.empty:
                closed = [
                    f"{NUTRIENTS[k].name} {_closed(c.closed_pct)}"
                    for k, c in sug.coverage.iterrows()
                ]
                out.append("  Share of each gap it closes: " + ", ".join(closed))
        if sug.notes:
            out += ["", "About these suggestions:"] + [f"* {n}" for n in sug.notes]
        return out

    def unmatched_summary(self) -> pd.DataFrame:
        """The entries not counted, one row per distinct (food, status, reason).

        Columns: ``food``, ``status``, ``reason``, ``candidates``, ``entries``
        (how many diary rows), ``lines`` (their source lines, e.g.
        "week.csv: 4, 21, 35").
        """
        cols = ["food", "status", "reason", "candidates", "entries", "lines"]
        if self.unmatched.empty:
            return pd.DataFrame(columns=cols)
        u = self.unmatched
        keys = [c for c in ("food", "status", "reason") if c in u]
        g = u.assign(
            _line=[_line_of(r) for _, r in u.iterrows()],
            _file=[_file_of(r) for _, r in u.iterrows()],
        ).astype({k: object for k in keys})
        rows = []
        for vals, grp in g.groupby(keys, sort=False, dropna=False):
            vals = vals if isinstance(vals, tuple) else (vals,)
            rec = dict(zip(keys, vals, strict=True))
            lines = [x for x in grp["_line"] if x]
            shown = ", ".join(lines[:10]) + (
                f", … ({len(lines) - 10} more)" if len(lines) > 10 else ""
            )
            files = sorted({f for f in grp["_file"] if f})
            rows.append(
                {
                    "food": rec.get("food", ""),
                    "status": rec.get("status", ""),
                    "reason": rec.get("reason", ""),
                    "candidates": grp["candidates"].iloc[0] if "candidates" in grp else "",
                    "entries": len(grp),
                    "lines": (f"{files[0]}: " if len(files) == 1 else "") + shown,
                }
            )
        return pd.DataFrame(rows, columns=cols)

    def _not_counted_text(self, limit: int = 20) -> list[str]:
        out = []
        if len(self.unmatched):
            groups = self.unmatched_summary()
            out += ["", f"Entries not counted ({len(self.unmatched)}):"]
            for _, r in groups.head(limit).iterrows():
                n = f"{r['entries']} entries" if r["entries"] > 1 else "1 entry"
                out.append(f"* {r['food']!s}: {r['status']} ({n}; {r['lines']}) — {r['reason']}")
            if len(groups) > limit:
                out.append(f"  … and {len(groups) - limit} more foods (see report.unmatched)")
        if len(self.rejected):
            out += ["", f"Rejected lines ({len(self.rejected)}):"]
            for _, r in self.rejected.head(limit).iterrows():
                out.append(f"* {_where(r)}{r.get('raw', '')!s} ({r.get('reason', '')})")
            if len(self.rejected) > limit:
                out.append(f"  … and {len(self.rejected) - limit} more (see report.rejected)")
        return out

    def to_text(self, suggestions: bool = True) -> str:
        """A plain-text report for a terminal.

        Parameters
        ----------
        suggestions : bool, default True
            Include the foods that close the gaps (:attr:`suggestions`).
        """
        rows = self._rows()
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(self._HEADER)]

        def line(cells: list[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        out = ["nutrigap report" + (f" — {self._title()}" if self._title() else ""), ""]
        out.append("Nothing lost: " + self._counts_line())
        if self._source_line():
            out.append(self._source_line())
        out.append("")
        out.append(line(self._HEADER))
        out.append(line(["-" * w for w in widths]))
        out += [line(r) for r in rows]
        out.append("")
        out += [f"  {x}" for x in self._legend_lines()]
        short = self.short
        if len(short):
            out += ["", "Short:"]
            for _, r in short.iterrows():
                head, gap = self._short_lines(r)
                out.append(f"* {r['name']}: {head}")
                if gap:
                    out.append(f"  {gap}")
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
        if suggestions:
            out += self._suggestion_text()
        out += ["", "Lifestyle:"]
        for _, r in self.lifestyle.iterrows():
            out.append(f"* {r['name']}: {r['message']}")
        out += self._not_counted_text()
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

    # ------------------------------------------------------------- markdown
    def _suggestion_markdown(self) -> list[str]:
        sug = self._sugg()
        if sug is None:
            return []
        out = ["", "## Foods that would help", ""]
        out.append(
            "One realistic portion of each; *of gap* is the share of the daily gap it closes."
        )
        for key, grp in sug.by_nutrient.groupby("nutrient", sort=False):
            nut = NUTRIENTS[key]
            out += [
                "",
                f"### {nut.name} ({_num(self.gaps.get(key, np.nan))} {nut.display_unit} short a day)",
                "",
                "| Food | Portion | Amount | Of gap | kcal |",
                "|---|---|---:|---:|---:|",
            ]
            for r in grp.itertuples():
                out.append(
                    f"| {_md(r.description)} | {_md(r.portion)} ({r.portion_grams:.0f} g) | "
                    f"{_num(r.amount)} {nut.display_unit} | {r.gap_share_pct:.0f}% | "
                    f"{r.energy_kcal:.0f} |"
                )
        if not sug.plan.empty:
            kcal = float(sug.plan["energy_kcal"].sum())
            out += ["", f"### A combined plan ({kcal:.0f} kcal a day)", ""]
            out += ["| Portions a day | Food | Grams | kcal |", "|---:|---|---:|---:|"]
            for r in sug.plan.itertuples():
                out.append(
                    f"| {int(r.portions)} x {_md(r.portion)} | {_md(r.description)} | "
                    f"{r.grams:.0f} | {r.energy_kcal:.0f} |"
                )
            if not sug.coverage.empty:
                out += ["", "| Nutrient | Gap | Closed by the plan |", "|---|---:|---:|"]
                for k, c in sug.coverage.iterrows():
                    out.append(
                        f"| {NUTRIENTS[k].name} | {_num(c.gap)} {NUTRIENTS[k].display_unit} | "
                        f"{_closed(c.closed_pct)} |"
                    )
        if sug.notes:
            out.append("")
            out += [f"- {_md(n)}" for n in sug.notes]
        return out

    def to_markdown(self, suggestions: bool = True) -> str:
        """A Markdown report (diary strings HTML-escaped).

        Parameters
        ----------
        suggestions : bool, default True
            Include the foods that close the gaps.
        """
        rows = self._rows()
        out = ["# nutrigap report", ""]
        if self._title():
            out += [f"**{_md(self._title())}**", ""]
        out += [f"Nothing lost: {self._counts_line()}."]
        if self._source_line():
            out += ["", _md(self._source_line())]
        out.append("")
        out.append("| " + " | ".join(self._HEADER) + " |")
        out.append("|---|" + "|".join("---:" for _ in self._HEADER[1:5]) + "|---|---:|---:|---|")
        out += ["| " + " | ".join(_md(c) for c in r) + " |" for r in rows]
        out.append("")
        out += [f"- {_md(x)}" for x in self._legend_lines()]
        short = self.short
        out += ["", "## Short", ""]
        if len(short):
            for _, r in short.iterrows():
                head, gap = self._short_lines(r)
                out.append(f"- **{r['name']}**: {_md(head)}.")
                if gap:
                    out.append(f"  {gap}")
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
        if suggestions:
            out += self._suggestion_markdown()
        out += ["", "## Lifestyle", ""]
        out += [f"- **{r['name']}**: {_md(r['message'])}" for _, r in self.lifestyle.iterrows()]
        out += ["", "## Entries not counted", "", f"{self._counts_line()}."]
        if len(self.unmatched):
            out += ["", f"### Unmatched or without amount ({len(self.unmatched)})", ""]
            out += ["| Food | Status | Entries | Lines | Reason |", "|---|---|---:|---|---|"]
            for _, r in self.unmatched_summary().iterrows():
                out.append(
                    f"| {_md(r['food'])} | {_md(r['status'])} | {r['entries']} | "
                    f"{_md(r['lines'])} | {_md(r['reason'])} |"
                )
        if len(self.rejected):
            out += ["", f"### Rejected lines ({len(self.rejected)})", ""]
            out += ["| File | Line | Text | Reason |", "|---|---:|---|---|"]
            for _, r in self.rejected.iterrows():
                out.append(
                    f"| {_md(_file_of(r))} | {_md(_line_of(r))} | {_md(r.get('raw'))} | "
                    f"{_md(r.get('reason'))} |"
                )
        out += ["", "## Please note", ""] + [f"- {a}" for a in ADVICE]
        return "\n".join(out) + "\n"

    # --------------------------------------------------------------- frames
    def to_frame(self) -> pd.DataFrame:
        """The summary table (a copy), indexed by nutrient key."""
        return self.summary.copy()

    _CSV_TABLES = (
        "summary",
        "daily",
        "entries",
        "unmatched",
        "rejected",
        "lifestyle",
        "suggestions",
        "plan",
    )

    def to_csv(self, path: str | Path | None = None, table: str = "summary") -> str | None:
        """Write a table as CSV (UTF-8), with spreadsheet formulas defused.

        Every text cell a spreadsheet would run as a formula (starting with
        ``=``, ``+``, ``-``, ``@``, tab or carriage return), and such column
        names, get a leading ``'`` (:func:`defuse_csv_cell`); numbers stay
        numbers.

        Parameters
        ----------
        path : str or Path, optional
            Where to write; None returns the CSV text.
        table : {"summary", "daily", "entries", "unmatched", "rejected", "lifestyle", \
"suggestions", "plan"}
            ``"suggestions"`` is :attr:`Suggestions.by_nutrient`, ``"plan"`` the
            combined plan (empty tables when there is no gap).
        """
        if table not in self._CSV_TABLES:
            raise ValueError(f"unknown table {table!r}; choose from {', '.join(self._CSV_TABLES)}")
        if table in ("suggestions", "plan"):
            sug = self._sugg()
            df = (
                pd.DataFrame()
                if sug is None
                else (sug.by_nutrient if table == "suggestions" else sug.plan)
            )
            if "other_gaps" in df:
                df = df.assign(other_gaps=[";".join(x) for x in df["other_gaps"]])
        else:
            df = getattr(self, table)
        df = df.reset_index() if table == "lifestyle" else df
        text = _defuse_frame(df).to_csv(index=False, lineterminator="\n")
        if path is None:
            return text
        Path(path).write_text(text, encoding="utf-8")
        return None

    def to_dict(self, suggestions: bool = True) -> dict[str, Any]:
        """Everything in plain JSON types (missing values None), as :meth:`to_json` writes.

        Layout (``schema_version`` :data:`JSON_SCHEMA_VERSION`):

        - ``schema`` ("nutrigap.report"), ``schema_version`` (int),
          ``nutrigap_version``;
        - ``profile`` (age, sex, pregnant, lactating, life_stage), ``meta``;
        - ``counts``: input_rows, rows, matched, given, unmatched, unresolved,
          rejected, counted, days;
        - ``nutrients``: catalog key -> every column of :attr:`summary` (the
          amounts per day in ``unit``) plus ``verdict_label`` and
          ``confidence_label`` as shown in the tables;
        - ``short``: list of {key, status, wording, gap, unit}, most severe
          first; ``over``: list of {key, ul_intake, ul, unit, ul_scope,
          ul_status, ul_text}; ``gaps``: key -> amount per day;
        - ``suggestions``: :meth:`Suggestions.to_dict` (by_nutrient, plan,
          coverage, notes, method), or None without gaps or when not asked;
        - ``lifestyle``: signal -> fields; ``daily``: list of per-day totals
          (``units`` gives each nutrient column's unit);
        - ``unmatched``, ``rejected``: the rows not counted, with reasons;
          ``advice``: list of str.
        """
        from nutrigap import __version__

        nutrients: dict[str, Any] = {}
        for key, r in self.summary.iterrows():
            rec = {c: _jsonable(r[c]) for c in self.summary.columns if c != "key"}
            label, conf = self._verdict(r)
            rec["verdict_label"] = label
            rec["confidence_label"] = None if conf == "–" else conf
            nutrients[str(key)] = rec
        short = self.short
        sug = self._sugg() if suggestions else None
        life = self.lifestyle.reset_index()
        lkey = "signal" if "signal" in life else life.columns[0]
        units = {k: NUTRIENTS[k].display_unit for k in self.daily.columns if k in NUTRIENTS}
        out = {
            "schema": "nutrigap.report",
            "schema_version": JSON_SCHEMA_VERSION,
            "nutrigap_version": str(__version__),
            "profile": None
            if self.profile is None
            else {
                "age": self.profile.age,
                "sex": self.profile.sex,
                "pregnant": self.profile.pregnant,
                "lactating": self.profile.lactating,
                "life_stage": self.profile.life_stage,
            },
            "meta": self.meta,
            "counts": {k: int(v) for k, v in self.counts.items()},
            "nutrients": nutrients,
            "short": [
                {
                    "key": k,
                    "status": r["status"],
                    "wording": r["wording"],
                    "gap": r["gap"],
                    "unit": r["unit"],
                }
                for k, r in short.iterrows()
            ],
            "over": _records(
                self.over[["key", "ul_intake", "ul", "unit", "ul_scope", "ul_status", "ul_text"]]
            ),
            "gaps": dict(self.gaps.items()),
            "suggestions": None if sug is None else sug.to_dict(),
            "lifestyle": {str(r[lkey]): r for r in _records(life)},
            "units": units,
            "daily": _records(self.daily),
            "unmatched": _records(self.unmatched),
            "rejected": _records(self.rejected),
            "advice": list(ADVICE),
        }
        return _jsonable(out)

    def to_json(
        self, path: str | Path | None = None, indent: int | None = 2, suggestions: bool = True
    ) -> str:
        """The report as strict JSON (missing values ``null``); also written to ``path``.

        See :meth:`to_dict` for the layout.
        """
        text = json.dumps(
            self.to_dict(suggestions=suggestions),
            indent=indent,
            ensure_ascii=False,
            allow_nan=False,
        )
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    # ----------------------------------------------------------------- HTML
    def _html_table(self, caption: bool = True) -> str:
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in self._HEADER)
        body = []
        for (_, r), cells in zip(self.summary.iterrows(), self._rows(), strict=True):
            bg = _STATUS_CSS.get(r["status"], "#ffffff")
            ulbg = _UL_CSS.get(r["ul_status"], "transparent")
            tds = [f'<th scope="row">{_e(cells[0])}</th>']
            tds += [f'<td class="num">{_e(c)}</td>' for c in cells[1:5]]
            tds.append(
                f'<td class="verdict" style="background:{bg};border-left:5px solid '
                f'{_STATUS_EDGE.get(r["status"], "#999999")}" title="{_e(r["confidence_text"])}">'
                f"{_e(cells[5])}</td>"
            )
            tds += [f'<td class="num">{_e(c)}</td>' for c in cells[6:8]]
            tds.append(
                f'<td style="background:{ulbg}" title="{_e(r["ul_text"])}">{_e(cells[8])}</td>'
            )
            body.append(f'<tr data-status="{_e(r["status"])}">' + "".join(tds) + "</tr>")
        cap = (
            "<caption>Mean daily intake against the Dietary Reference Intakes "
            f"({self.counts.get('days', 0)} days logged)</caption>"
            if caption
            else ""
        )
        return (
            '<table class="nutrigap-verdicts" id="verdicts">'
            + cap
            + "<thead><tr>"
            + head
            + "</tr></thead><tbody>"
            + "".join(body)
            + "</tbody></table>"
        )

    def _legend_html(self) -> str:
        shown = {self._verdict(r)[0].split(" (")[0] for _, r in self.summary.iterrows()}
        css = {**_STATUS_CSS, "below AI": _STATUS_CSS["possibly short"]}
        items = "".join(
            f'<li><span class="swatch" style="background:{css.get(k, "#eee")}"></span>'
            f"<b>{_e(k)}</b>: {_e(v)}.</li>"
            for k, v in VERDICT_LEGEND.items()
            if k in shown
        )
        return (
            f'<ul class="legend" aria-label="What the verdicts mean">{items}</ul>'
            f'<p class="small">{_e(self._legend_lines()[-1])}</p>'
        )

    def _advice_html(self) -> str:
        return (
            '<div class="advice" role="note">'
            + "".join(f"<p>{_e(a)}</p>" for a in ADVICE)
            + "</div>"
        )

    def _counts_html(self) -> str:
        c = self.counts
        cells = "".join(
            f'<tr><th scope="row">{_e(label)}</th><td class="num">{c.get(k, 0)}</td></tr>'
            for k, label in (("input_rows", "diary rows"), *_COUNT_NAMES, ("days", "days logged"))
        )
        return f'<table class="counts-table"><tbody>{cells}</tbody></table>'

    def _not_counted_html(self, open_: bool | None = None) -> str:
        n_bad = len(self.unmatched) + len(self.rejected)
        is_open = (n_bad > 0) if open_ is None else open_
        parts = [
            f'<details class="not-counted"{" open" if is_open else ""}>',
            f"<summary>Nothing lost: {_e(self._counts_line())} "
            f"({len(self.unmatched)} not counted, {len(self.rejected)} rejected)</summary>",
            self._counts_html(),
        ]
        if len(self.unmatched):
            parts.append(f"<h3>Entries not counted ({len(self.unmatched)})</h3>")
            parts.append(
                self._frame_html(
                    self.unmatched_summary()[["food", "status", "entries", "lines", "reason"]]
                )
            )
        if len(self.rejected):
            cols = [
                c for c in ("source_file", "source_line", "raw", "reason") if c in self.rejected
            ]
            parts.append(f"<h3>Rejected lines ({len(self.rejected)})</h3>")
            parts.append(self._frame_html(self.rejected[cols]))
        if not n_bad:
            parts.append("<p>Every diary row was counted.</p>")
        parts.append("</details>")
        return "".join(parts)

    def _suggestion_html(self) -> str:
        sug = self._sugg()
        if sug is None:
            return ""
        p = ['<section class="suggestions"><h2>Foods that would help</h2>']
        if not sug.plan.empty:
            kcal = float(sug.plan["energy_kcal"].sum())
            p.append(
                f"<h3>A combined plan <small>({int(sug.plan['portions'].sum())} portions, "
                f"{kcal:.0f} kcal a day)</small></h3>"
            )
            rows = "".join(
                f"<tr><td>{_e(r.description)}</td>"
                f'<td class="num">{int(r.portions)} x {_e(r.portion)}</td>'
                f'<td class="num">{r.grams:.0f}</td><td class="num">{r.energy_kcal:.0f}</td></tr>'
                for r in sug.plan.itertuples()
            )
            p.append(
                '<table class="plan"><thead><tr><th scope="col">Food</th>'
                '<th scope="col">Portions a day</th><th scope="col">Grams</th>'
                f'<th scope="col">kcal</th></tr></thead><tbody>{rows}</tbody></table>'
            )
            if not sug.coverage.empty:
                closed = ", ".join(
                    f"{_e(NUTRIENTS[k].name)} {_e(_closed(c.closed_pct))}"
                    for k, c in sug.coverage.iterrows()
                )
                p.append(f"<p>Share of each gap the plan closes: {closed}.</p>")
        p.append(
            "<details open><summary>Foods per nutrient</summary>"
            "<p>One realistic portion of each; <i>of gap</i> is the share of the daily gap to "
            "the RDA (or AI) that one portion closes.</p>"
        )
        for key, grp in sug.by_nutrient.groupby("nutrient", sort=False):
            nut = NUTRIENTS[key]
            u = _e(nut.display_unit)
            rows = "".join(
                f"<tr><td>{_e(r.description)}</td><td>{_e(r.portion)} "
                f'({r.portion_grams:.0f} g)</td><td class="num">{_e(_num(r.amount))} {u}</td>'
                f'<td class="num">{r.gap_share_pct:.0f}%</td>'
                f'<td class="num">{r.energy_kcal:.0f}</td></tr>'
                for r in grp.itertuples()
            )
            p.append(
                '<table class="suggest"><caption>'
                f"{_e(nut.name)}: {_e(_num(self.gaps.get(key, np.nan)))} {u} short a day"
                '</caption><thead><tr><th scope="col">Food</th>'
                '<th scope="col">Portion</th><th scope="col">Amount</th>'
                '<th scope="col">Of gap</th><th scope="col">kcal</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            )
        p.append("</details>")
        if sug.notes:
            p.append("<ul>" + "".join(f"<li>{_e(n)}</li>" for n in sug.notes) + "</ul>")
        p.append("</section>")
        return "".join(p)

    def _repr_html_(self) -> str:
        """Compact display for Jupyter: verdict table, short list, plan, counts, advice."""
        title = self._title()
        parts = ['<div class="nutrigap-report">']
        parts.append(f"<strong>nutrigap report</strong>{' — ' + _e(title) if title else ''}")
        parts.append(self._html_table(caption=False))
        short = self.short
        if len(short):
            items = "; ".join(
                f"<b>{_e(r['name'])}</b> ({_e(self._verdict(self.summary.loc[k])[0])})"
                for k, r in short.iterrows()
            )
            parts.append(f"<p>Short: {items}.</p>")
        over = self.over
        if len(over):
            items = "; ".join(
                f"<b>{_e(r['name'])}</b>: {_e(r['ul_text'])}" for _, r in over.iterrows()
            )
            parts.append(f"<p>Possibly over the upper limit: {items}.</p>")
        sug = self._sugg()
        if sug is not None and not sug.plan.empty:
            plan = "; ".join(
                f"{int(r.portions)} x {_e(r.portion)} {_e(r.description)}"
                for r in sug.plan.itertuples()
            )
            parts.append(f"<p>Foods that would help (report.suggestions): {plan}.</p>")
        parts.append(self._not_counted_html(open_=False))
        parts.append(f'<p style="font-size:smaller">{" ".join(_e(a) for a in ADVICE)}</p>')
        parts.append("</div>")
        return "".join(parts)

    _CSS = (
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1000px;"
        "margin:2em auto;padding:0 1em;color:#1b1b1b;line-height:1.45}"
        "h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}"
        "table{border-collapse:collapse;margin:.8em 0;font-size:14px}"
        "caption{text-align:left;font-weight:600;padding:.3em 0}"
        "th,td{border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top}"
        "thead th{background:#f1f1f1;white-space:nowrap}table.suggest,table.plan{width:100%}tbody th{font-weight:600;background:#fafafa}"
        "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
        ".advice{background:#eef4fb;border-left:4px solid #3a78c3;padding:.5em 1em;margin:1.5em 0}"
        ".counts,.small{color:#4a4a4a;font-size:13px}img{max-width:100%;height:auto}"
        ".legend{list-style:none;padding:0;font-size:13px}.legend li{margin:.2em 0}"
        ".swatch{display:inline-block;width:1em;height:1em;border:1px solid #888;"
        "vertical-align:-.15em;margin-right:.4em}"
        "details{margin:1em 0;border:1px solid #ddd;border-radius:4px;padding:.4em .8em}"
        "summary{cursor:pointer;font-weight:600}figure{margin:1em 0}"
        "figcaption{font-size:13px;color:#4a4a4a}"
        "@media print{details{border:none}details>*{display:block}}"
    )

    def to_html(
        self, path: str | Path | None = None, plots: bool = True, suggestions: bool = True
    ) -> str:
        """A self-contained HTML page (no external resources; plots embedded as PNG).

        Parameters
        ----------
        path : str or Path, optional
            Also write the page there (UTF-8).
        plots : bool, default True
            Embed the figures (a note replaces them without matplotlib).
        suggestions : bool, default True
            Include the foods that close the gaps.
        """
        title = self._title()
        p = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">']
        p.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
        p.append(f"<title>nutrigap report{(' — ' + _e(title)) if title else ''}</title>")
        p.append(f"<style>{self._CSS}</style></head><body><main>")
        p.append(f"<h1>nutrigap report</h1><p><b>{_e(title)}</b></p>")
        p.append(f'<p class="counts">Nothing lost: {_e(self._counts_line())}.')
        if self._source_line():
            p.append(f"<br>{_e(self._source_line())}")
        p.append("</p>")
        p.append(self._advice_html())
        p.append("<h2>Nutrients</h2>")
        p.append(self._html_table())
        p.append(self._legend_html())
        if plots:
            p += self._plots_html()
        short = self.short
        p.append("<h2>Short</h2>")
        if len(short):
            for _, r in short.iterrows():
                head, gap = self._short_lines(r)
                p.append(
                    f"<h3>{_e(r['name'])}</h3><p>{_e(head)}. {_e(gap)}</p>"
                    f"<ul><li><b>Role:</b> {_e(r['role'])}</li>"
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
        if suggestions:
            p.append(self._suggestion_html())
        p.append("<h2>Caffeine, alcohol and water</h2><ul>")
        for _, r in self.lifestyle.iterrows():
            p.append(f"<li><b>{_e(r['name'])}</b>: {_e(r['message'])}</li>")
        p.append("</ul>")
        p.append("<h2>Diary rows</h2>")
        p.append(self._not_counted_html())
        p.append(self._daily_html())
        p.append("</main></body></html>")
        text = "\n".join(p)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def _daily_html(self) -> str:
        keys = [k for k in self.summary.index if k in self.daily]
        cols = [c for c in ("date", "n_entries") if c in self.daily] + keys
        df = self.daily[cols].rename(
            columns={
                "n_entries": "entries",
                **{k: f"{NUTRIENTS[k].name} ({NUTRIENTS[k].display_unit})" for k in keys},
            }
        )
        return (
            f"<details><summary>Daily totals ({len(df)} days)</summary>"
            + self._frame_html(df)
            + "</details>"
        )

    @staticmethod
    def _frame_html(df: pd.DataFrame) -> str:
        head = "".join(f'<th scope="col">{_e(c)}</th>' for c in df.columns)
        rows = []
        for rec in df.itertuples(index=False):
            cells = []
            for v in rec:
                if isinstance(v, pd.Timestamp):
                    cells.append(f"<td>{_e(v.strftime('%Y-%m-%d'))}</td>")
                elif isinstance(v, (float, np.floating, int, np.integer)) and not isinstance(
                    v, bool
                ):
                    cells.append(
                        f'<td class="num">{_e(_num(v) if isinstance(v, float) else v)}</td>'
                    )
                else:
                    cells.append(f"<td>{_e(v)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

    def _plots_html(self) -> list[str]:
        try:
            from nutrigap.plotting import (
                daily_alt_text,
                figure_bytes,
                plot_daily,
                plot_targets,
                targets_alt_text,
            )

            figs = [
                (
                    figure_bytes(plot_targets(self, _pyplot=False)),
                    targets_alt_text(self),
                    "Mean intake as % of the RDA (or AI); ticks mark the EAR and the UL.",
                )
            ]
            if len(self.daily) > 1:
                figs.append(
                    (
                        figure_bytes(plot_daily(self, _pyplot=False)),
                        daily_alt_text(self),
                        "Each day's intake against the EAR, the RDA (or AI) and the mean.",
                    )
                )
        except ImportError:
            return ['<p class="counts">(Install matplotlib for charts.)</p>']
        out = ["<h2>Charts</h2>"]
        for b, alt, cap in figs:
            data = base64.b64encode(b).decode("ascii")
            out.append(
                f'<figure><img alt="{_e(alt)}" src="data:image/png;base64,{data}">'
                f"<figcaption>{_e(cap)}</figcaption></figure>"
            )
        return out

    # ---------------------------------------------------------------- plots
    def plot(self, kind: str = "targets", ax: Any = None, **kwargs: Any) -> Any:
        """Draw the report with matplotlib (never calls ``plt.show()``).

        Parameters
        ----------
        kind : {"targets", "daily"}
            ``"targets"``: mean intake as % of the RDA/AI per nutrient with
            EAR, RDA/AI and UL marks (:func:`nutrigap.plotting.plot_targets`);
            ``"daily"``: each day's intake per nutrient
            (:func:`nutrigap.plotting.plot_daily`; ``nutrients=`` to choose,
            default the short ones; ``percent=True`` for one Axes).
        ax : matplotlib Axes, optional
            Draw on it (``"daily"``: all nutrients as % of the RDA/AI).

        Returns
        -------
        matplotlib.axes.Axes, or a NumPy array of Axes (``"daily"`` panels)
            ``.figure`` of an Axes (``axes[0].figure``) is the Figure.
        """
        from nutrigap.plotting import plot_daily, plot_targets

        if kind == "targets":
            if kwargs:
                raise TypeError(f"unexpected arguments for kind='targets': {sorted(kwargs)}")
            return plot_targets(self, ax=ax)
        if kind == "daily":
            return plot_daily(self, ax=ax, **kwargs)
        raise ValueError(f"kind must be 'targets' or 'daily', got {kind!r}")


def _line_of(r: pd.Series) -> str:
    v = r.get("source_line")
    try:
        return "" if v is None or pd.isna(v) else str(int(v))
    except (TypeError, ValueError):
        return str(v)


def _file_of(r: pd.Series) -> str:
    v = r.get("source_file")
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else Path(str(v)).name


def _where(r: pd.Series) -> str:
    """ "file:line: " for a row that has them, else ""."""
    f, line = _file_of(r), _line_of(r)
    if not (f or line):
        return ""
    return f"{f}:{line}: " if f else f"line {line}: "


def _closed(pct: Any) -> str:
    """Share of a gap closed, capped for display (">999%")."""
    v = float(pct)
    if not math.isfinite(v):
        return "–"
    return ">999%" if v > 999 else f"{v:.0f}%"
