"""Many diaries at once: :func:`analyze_many`.

A study or a clinic has hundreds or thousands of diaries: one file per person,
or one long CSV with a ``person`` column. :func:`analyze_many` reads them all,
matches each distinct food text once, and assesses every person against the
Dietary Reference Intakes of their own profile, returning one tidy frame with a
row per person and nutrient. It never stops on a broken diary: the file (or
line) and the reason go to ``summary.attrs["errors"]`` and the batch goes on.

The arithmetic is the one of :func:`nutrigap.analyze` (same numbers; the tests
compare the two person by person), done for everyone at once:

1. **read** every file (in worker processes with ``jobs > 1``);
2. **match** once per distinct entry (food text, quantity, unit, stated grams,
   supplement flag, exported amounts): a million rows of a realistic batch hold
   a few tens of thousands of distinct entries, so matching and the per-entry
   amounts (:func:`nutrigap.intake.entry_contributions`) are computed on those
   and gathered back to the rows by an integer index;
3. **totals** per person and day with one ``numpy.bincount`` per nutrient
   (:func:`nutrigap.intake.daily_totals` semantics: missing is not zero, a
   day's total is NaN only when no entry of the day has a value), and the
   coverage per day (:func:`nutrigap.intake.daily_coverage`);
4. **assessment** vectorised over person x nutrient for each distinct profile
   (NASEM 2000 method, :mod:`nutrigap.assess`), then the report statuses of
   :mod:`nutrigap.analysis`.

Per-person reports (HTML, Markdown, JSON) are built only when asked for
(``outdir`` and ``formats``), from each person's rows of the matched batch.
"""

from __future__ import annotations

import csv
import glob
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nutrigap.exceptions import NutrigapError, ProfileError

__all__ = [
    "analyze_many",
    "load_profiles",
    "expand_inputs",
    "write_csv",
    "BATCH_COLUMNS",
    "ERROR_COLUMNS",
    "REPORT_FORMATS",
]

#: Columns of the frame :func:`analyze_many` returns (one row per person and nutrient).
BATCH_COLUMNS: tuple[str, ...] = (
    "person",
    "nutrient",
    "name",
    "unit",
    "mean_intake",
    "n_days",
    "target_kind",
    "target",
    "percent_of_target",
    "z",
    "probability",
    "verdict",
    "confidence",
    "coverage",
    "status",
    "gap",
    "ul",
    "ul_scope",
    "ul_intake",
    "ul_status",
    "age",
    "sex",
    "life_stage",
)

#: Columns of ``summary.attrs["errors"]`` (and ``errors.csv``).
ERROR_COLUMNS: tuple[str, ...] = ("file", "line", "reason")

#: Report formats :func:`analyze_many` can write per person (file extension).
REPORT_FORMATS: dict[str, str] = {"html": "html", "markdown": "md", "json": "json", "text": "txt"}

_DIARY_SUFFIXES = {".csv", ".tsv", ".txt"}
_TRUE = {"1", "true", "t", "yes", "y"}
_FALSE = {"", "0", "false", "f", "no", "n", "nan", "none"}


# ---------------------------------------------------------------------- inputs
def expand_inputs(inputs: str | os.PathLike | Iterable[str | os.PathLike]) -> list[Path]:
    """Diary files named by a path, a directory, a glob pattern or a list of them.

    A directory gives its ``.csv``, ``.tsv`` and ``.txt`` files (not
    recursively), sorted. A path that does not exist is kept (reading it then
    records an error) so that nothing asked for is dropped silently. Duplicates
    are removed, order kept.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    out: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            out.extend(
                sorted(
                    q for q in p.iterdir() if q.is_file() and q.suffix.lower() in _DIARY_SUFFIXES
                )
            )
        elif not p.exists() and any(ch in str(item) for ch in "*?["):
            out.extend(sorted(Path(x) for x in glob.glob(str(item))))
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def _parse_bool(value: Any, what: str) -> bool:
    s = str(value).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ProfileError(f"{what} must be true or false (yes/no, 1/0), got {value!r}")


def load_profiles(profiles: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Profiles per person from a CSV file, a DataFrame or a mapping.

    Parameters
    ----------
    profiles : str, Path, DataFrame or mapping
        A CSV (or frame) with columns ``person``, ``age``, ``sex`` and
        optionally ``pregnant``, ``lactating`` (true/false, yes/no, 1/0, blank
        = false); or a mapping person -> :class:`~nutrigap.reference.Profile`
        (or a dict of its fields).

    Returns
    -------
    profiles : dict
        person -> Profile, for every valid row.
    errors : list of dict
        One ``{file, line, reason}`` per invalid row (bad age, unknown sex,
        duplicate person ...): those persons then have no profile.

    Raises
    ------
    ProfileError
        If the file cannot be read or lacks a needed column.
    """
    from nutrigap.reference import Profile

    if isinstance(profiles, Mapping):
        out = {}
        for person, p in profiles.items():
            out[str(person)] = p if isinstance(p, Profile) else Profile(**p)
        return out, []
    name = "<profiles>"
    if isinstance(profiles, pd.DataFrame):
        df = profiles.astype(object)
        first_line = 1
    else:
        name = str(profiles)
        try:
            df = pd.read_csv(profiles, dtype=str, keep_default_na=False, skipinitialspace=True)
        except FileNotFoundError:
            raise ProfileError(f"{name}: profiles file not found") from None
        except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise ProfileError(f"{name}: cannot read profiles CSV: {exc}") from None
        first_line = 2  # line 1 is the header
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in ("person", "age", "sex") if c not in df.columns]
    if missing:
        raise ProfileError(
            f"{name}: profiles need columns person, age, sex (optional pregnant, lactating); "
            f"missing {missing}, columns seen: {list(df.columns)}"
        )
    out: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for i, row in enumerate(df.to_dict("records")):
        line = i + first_line
        person = str(row["person"]).strip()
        try:
            if not person:
                raise ProfileError("empty person")
            if person in out:
                raise ProfileError(f"person {person!r} given twice")
            try:
                age = float(str(row["age"]).strip())
            except ValueError:
                raise ProfileError(f"age must be a number of years, got {row['age']!r}") from None
            out[person] = Profile(
                age,
                str(row["sex"]),
                pregnant=_parse_bool(row.get("pregnant", ""), "pregnant"),
                lactating=_parse_bool(row.get("lactating", ""), "lactating"),
            )
        except ProfileError as exc:
            errors.append({"file": name, "line": line, "reason": f"profile: {exc}"})
    return out, errors


# ------------------------------------------------------------------- reading
def _error_of(exc: BaseException, file: str) -> dict[str, Any]:
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    msg = str(getattr(exc, "reason", None) or exc)
    if column is not None and f"column {column}" not in msg:
        msg = f"column {column}: {msg}"
    return {"file": str(getattr(exc, "file", None) or file), "line": line, "reason": msg}


def _read_one(path: str, read_kwargs: dict[str, Any]) -> tuple[pd.DataFrame | None, list[dict]]:
    """Read one diary: (frame with person, error rows). Never raises for bad input."""
    from nutrigap.io import read_diary

    try:
        d = read_diary(path, **read_kwargs)
    except (NutrigapError, OSError, ValueError, UnicodeError, pd.errors.ParserError) as exc:
        return None, [_error_of(exc, path)]
    errors = []
    rej = d.attrs.get("rejected")
    if isinstance(rej, pd.DataFrame) and len(rej):
        for r in rej.to_dict("records"):
            line = r.get("source_line")
            errors.append(
                {
                    "file": str(r.get("source_file") or path),
                    "line": None if pd.isna(line) else int(line),
                    "reason": f"rejected: {r.get('reason', '')} ({str(r.get('raw', ''))[:80]})",
                }
            )
    stem = Path(path).stem
    fmt = d.attrs.get("format", "")
    # attrs off first: pandas deep-copies them (the rejected frame too) on every
    # operation, which cost more than reading a 100-row file
    d.attrs = {}
    if "person" in d.columns:
        col = d["person"].astype(object)
        person = col.where(col.notna(), stem).astype(str).to_numpy(dtype=object)
    else:
        person = np.full(len(d), stem, dtype=object)
    d["person"] = person
    d.attrs = {"format": fmt, "rejected": rej}
    return d, errors


def _read_chunk(paths: list[str], read_kwargs: dict[str, Any]):
    """Read several files in a worker; one concatenated frame crosses the process boundary."""
    results = [_read_one(p, read_kwargs) for p in paths]
    frames = [d for d, _ in results if d is not None]
    errors = [e for _, err in results for e in err]
    if not frames:
        return [(None, errors)]
    rejected = [
        d.attrs["rejected"]
        for d in frames
        if isinstance(d.attrs.get("rejected"), pd.DataFrame) and len(d.attrs["rejected"])
    ]
    kinds = sorted({str(d.attrs.get("format", "")) for d in frames} - {""})
    for d in frames:
        d.attrs = {}
    out = pd.concat(frames, ignore_index=True, sort=False)
    out.attrs = {
        "format": kinds[0] if len(kinds) == 1 else ("mixed" if kinds else ""),
        "rejected": pd.concat(rejected, ignore_index=True) if rejected else None,
    }
    return [(out, errors)] + [(None, [])] * (len(paths) - 1)


def _progress(total: int, desc: str, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="file", disable=not enabled, leave=False)


def _chunks(seq: Sequence, n: int) -> list[Sequence]:
    return [seq[i : i + n] for i in range(0, len(seq), n)]


def _read_all(files: list[Path], jobs: int, pool, progress: bool, read_kwargs):
    frames: list[pd.DataFrame] = []
    errors: list[dict] = []
    paths = [str(f) for f in files]
    bar = _progress(len(paths), "reading", progress)
    try:
        if pool is None or len(paths) < 2:
            results = (_read_one(p, read_kwargs) for p in paths)
            for d, err in results:
                if d is not None:
                    frames.append(d)
                errors.extend(err)
                bar.update(1)
        else:
            size = max(1, min(200, len(paths) // (jobs * 8) or 1))
            futures = [pool.submit(_read_chunk, c, read_kwargs) for c in _chunks(paths, size)]
            for fut in futures:
                for d, err in fut.result():
                    if d is not None:
                        frames.append(d)
                    errors.extend(err)
                    bar.update(1)
    finally:
        bar.close()
    return frames, errors


# ------------------------------------------------------------------ matching
_ROW_ONLY = ("source_file", "source_line", "person", "date", "meal")


def _codes(col: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes (missing values get a code of their own) and distinct values of a column.

    pandas hashes a ``str`` column faster as the Series than as an object array.
    """
    codes, uniq = pd.factorize(col, use_na_sentinel=False)
    return codes.astype(np.int64, copy=False), np.asarray(uniq, dtype=object)


def _first_rows(codes: np.ndarray) -> np.ndarray:
    """Row of the first occurrence of each code of :func:`pandas.factorize` (``sort=False``).

    Such codes are numbered in order of first appearance, so code ``j`` first
    occurs where the running maximum first reaches ``j``.
    """
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    top = np.maximum.accumulate(codes)
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    np.greater(top[1:], top[:-1], out=new[1:])
    return np.flatnonzero(new)


def _distinct_entries(
    diary: pd.DataFrame, known: Mapping[str, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Index of the first row of each distinct entry, each row's entry, key columns.

    ``known`` maps column -> codes already computed (person, date), reused
    instead of hashing a million strings again. Entries are numbered in order
    of first appearance.
    """
    known = dict(known or {})
    summary = False
    if "entry_type" in diary:
        codes, uniq = _codes(diary["entry_type"])
        known["entry_type"] = codes
        summary = "summary" in set(uniq.tolist())
    # summary rows count per person and day: keep the day in the key then
    skip = ("source_file", "source_line") if summary else _ROW_ONLY
    keys = [c for c in diary.columns if c not in skip]
    combined = np.zeros(len(diary), dtype=np.int64)
    for c in keys:
        codes = known[c] if c in known else _codes(diary[c])[0]
        k = int(codes.max(initial=0)) + 1
        combined = combined * k + codes
        if combined.max(initial=0) > 2**40:  # re-number to keep it small
            combined = pd.factorize(combined)[0].astype(np.int64)
    inverse = pd.factorize(combined)[0].astype(np.int64, copy=False)
    return _first_rows(inverse), inverse, keys


def _match_part(part: pd.DataFrame, match_kwargs: dict[str, Any]) -> pd.DataFrame:
    from nutrigap.foods import match_foods

    return match_foods(part, **match_kwargs)


def _match(small: pd.DataFrame, pool, jobs: int, match_kwargs: dict[str, Any]) -> pd.DataFrame:
    """match_foods on the distinct entries, split by food text over workers."""
    from nutrigap.foods import match_foods

    texts = small["food"].astype(object).fillna("")
    n_texts = texts.nunique()
    if pool is None or jobs < 2 or n_texts < 400 or match_kwargs.get("fdc") is not None:
        return match_foods(small, **match_kwargs)
    codes = pd.factorize(texts)[0]
    part_of = codes % jobs
    parts = [small[part_of == j] for j in range(jobs)]
    futures = [pool.submit(_match_part, p, match_kwargs) for p in parts]
    done = [f.result() for f in futures]
    out = pd.concat(done).reindex(small.index)
    cands: dict = {}
    for d in done:
        cands.update(d.attrs.get("match_candidates", {}))
    out.attrs = dict(small.attrs)
    out.attrs["match_candidates"] = cands
    return out


# -------------------------------------------------------------------- totals
_DAY_NS = 86_400 * 10**9


def _date_codes(diary: pd.DataFrame) -> np.ndarray | None:
    """Code of each row's calendar day (NaT one code of its own); None without dates."""
    if "date" not in diary.columns:
        return None
    col = diary["date"]
    if isinstance(col.dtype, np.dtype) and col.dtype.kind == "M":
        ns = col.to_numpy(dtype="datetime64[ns]").view(np.int64)
        nat = ns == np.iinfo(np.int64).min
        day = np.where(nat, np.iinfo(np.int64).min, ns // _DAY_NS)  # floor: midnight
    else:  # text, objects or time-zone aware: pandas' own normalisation
        day = pd.to_datetime(col).dt.normalize().to_numpy(dtype="datetime64[ns]").view(np.int64)
    return pd.factorize(day)[0].astype(np.int64, copy=False)


def _packed(mask: np.ndarray) -> np.ndarray:
    """Each row of a boolean matrix (at most 62 columns) as the bits of one integer."""
    if mask.shape[1] > 62:  # pragma: no cover - a few dozen columns at most
        raise ValueError("too many columns for a bit pattern")
    return mask.astype(np.int64) @ (np.int64(1) << np.arange(mask.shape[1], dtype=np.int64))


def _unpacked(packed: np.ndarray, n_cols: int) -> np.ndarray:
    return ((packed[:, None] >> np.arange(n_cols, dtype=np.int64)) & 1).astype(bool)


#: Patterns of present nutrients summed as one (day x pattern) grid by :func:`_sum_by_pattern`.
_GRID_PATTERNS = 8


def _sum_by_pattern(
    day: np.ndarray, g: int, mask_s: np.ndarray, inv: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Per day and column j: the sum of ``weights`` over rows whose entry has ``mask_s[:, j]``.

    Entries share few patterns of present nutrients, and a few patterns hold
    most rows (in the benchmark, 2 of 64 hold 87% of a million rows). Rows of
    the :data:`_GRID_PATTERNS` commonest patterns are summed by one
    ``numpy.bincount`` over (day, pattern) and spread to the columns by the
    patterns; the other rows column by column. This replaces one masked pass
    over every row per column.
    """
    n_cols = mask_s.shape[1]
    codes, uniq = pd.factorize(_packed(mask_s))
    pats = _unpacked(np.asarray(uniq, dtype=np.int64), n_cols).astype(np.float64)
    row_pat = codes[inv]
    rows_of = np.bincount(row_pat, minlength=len(pats))
    top = np.argsort(-rows_of, kind="stable")[:_GRID_PATTERNS]
    n_top = len(top)
    rank = np.full(len(pats), n_top, dtype=np.int64)
    rank[top] = np.arange(n_top)
    r = rank[row_pat]
    grid = np.bincount(day * (n_top + 1) + r, weights=weights, minlength=g * (n_top + 1))
    out = grid.reshape(g, n_top + 1)[:, :n_top] @ pats[top]
    rest = np.flatnonzero(r == n_top)
    if len(rest):
        d_r, w_r, m_r = day[rest], weights[rest], mask_s[inv[rest]]
        for j in range(n_cols):
            out[:, j] += np.bincount(d_r, weights=np.where(m_r[:, j], w_r, 0.0), minlength=g)
    return out


def _person_totals(
    pcode: np.ndarray,
    n_persons: int,
    dcode: np.ndarray,
    inv: np.ndarray,
    contrib: pd.DataFrame,
) -> dict[str, Any]:
    """Daily totals and coverage for every person at once, then per-person means.

    Mirrors :func:`nutrigap.intake.daily_totals`, :func:`~nutrigap.intake.daily_coverage`
    and the means of :func:`nutrigap.analysis.analyze_matched`. ``pcode`` and
    ``dcode`` are the rows' person and calendar-day codes, ``inv`` their
    distinct entry (a row of ``contrib``). Values live per entry and are
    gathered to the rows by ``inv``; sums per day are ``numpy.bincount``.
    """
    from nutrigap.intake import EXTRA_KEYS, NOMINAL_GRAMS
    from nutrigap.nutrients import TRACKED

    keys = list(TRACKED)
    # day of each row: (person, date); NaT rows of a person form one day
    n_dates = int(dcode.max(initial=0)) + 1
    day, day_uniq = pd.factorize(pcode * n_dates + dcode)
    day = day.astype(np.int64, copy=False)
    g = len(day_uniq)
    day_person = (np.asarray(day_uniq) // n_dates).astype(np.int64)

    counted_s = contrib["counted"].to_numpy(dtype=bool)
    food_entry_s = contrib["food_entry"].to_numpy(dtype=bool)
    supp_s = (
        contrib["supplement"].fillna(False).astype(bool).to_numpy()
        if "supplement" in contrib
        else np.zeros(len(contrib), dtype=bool)
    )
    grams_s = pd.to_numeric(contrib["grams"], errors="coerce").to_numpy(dtype=np.float64)
    sum_keys = [*keys, *EXTRA_KEYS]
    vals_s = contrib[sum_keys].to_numpy(dtype=np.float64)  # entries x nutrients
    has_s = ~np.isnan(vals_s) & counted_s[:, None]

    # per day: is any row counted, and which nutrients have a value in some counted row
    flags = np.zeros(g, dtype=np.int64)
    np.bitwise_or.at(flags, day, _packed(np.column_stack([counted_s, has_s]))[inv])
    flags = _unpacked(flags, 1 + has_s.shape[1])
    logged = flags[:, 0]
    day_has = flags[:, 1:]

    def day_sum(j: int) -> np.ndarray:
        tot = np.bincount(day, weights=np.where(has_s[:, j], vals_s[:, j], 0.0)[inv], minlength=g)
        return np.where(day_has[:, j], tot, np.nan)

    totals = {k: day_sum(j) for j, k in enumerate(keys)}
    extra = {}
    for j, c in enumerate(EXTRA_KEYS, start=len(keys)):
        t = day_sum(j)
        extra[c] = np.nan_to_num(t, nan=0.0) if c.startswith("supplement_") else t

    # mass for coverage: the person's median known grams stands in for unknown grams
    food_entry = food_entry_s[inv]
    grams = grams_s[inv]
    known = food_entry & ~np.isnan(grams) & (grams > 0)
    nominal = np.full(n_persons, NOMINAL_GRAMS)
    if known.any():
        med = pd.Series(grams[known]).groupby(pcode[known]).median()
        nominal[med.index.to_numpy()] = med.to_numpy()
    mass = np.where(np.isnan(grams), nominal[pcode], grams)
    food = food_entry & ~supp_s[inv]
    mass_f = np.where(food, mass, 0.0)
    den = np.bincount(day, weights=mass_f, minlength=g)
    cf_s = counted_s & food_entry_s & ~supp_s
    num = _sum_by_pattern(day, g, has_s[:, : len(keys)] & cf_s[:, None], inv, mass_f)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov_day = np.where(den[:, None] > 0, num / den[:, None], np.nan)

    # per person: means over days (NaN days skipped), days with data, UL intakes
    def per_person_mean(x: np.ndarray, mask: np.ndarray | None = None):
        ok = ~np.isnan(x) if mask is None else mask & ~np.isnan(x)
        s = np.bincount(day_person, weights=np.where(ok, x, 0.0), minlength=n_persons)
        c = np.bincount(day_person, weights=ok, minlength=n_persons)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(c > 0, s / c, np.nan), c

    mean = np.empty((n_persons, len(keys)))
    n_ok = np.empty((n_persons, len(keys)))
    cov = np.empty((n_persons, len(keys)))
    for j, k in enumerate(keys):
        mean[:, j], n_ok[:, j] = per_person_mean(totals[k])
        cov[:, j] = per_person_mean(cov_day[:, j])[0]
    n_days = np.bincount(day_person, minlength=n_persons)
    n_logged = np.bincount(day_person, weights=logged, minlength=n_persons)
    ul_in = np.full((n_persons, len(keys)), np.nan)
    ul_given = np.zeros((n_persons, len(keys)), dtype=bool)
    has_logged = n_logged > 0
    for key, col in (("magnesium", "supplement_magnesium"), ("niacin", "supplement_niacin")):
        j = keys.index(key)
        ul_in[:, j] = per_person_mean(extra[col], logged)[0]
        ul_given[:, j] = has_logged
    fa = extra["folic_acid"]
    j = keys.index("folate")
    fa_known = np.bincount(day_person, weights=logged & ~np.isnan(fa), minlength=n_persons) > 0
    ul_in[:, j] = np.where(fa_known, per_person_mean(np.nan_to_num(fa), logged)[0], np.nan)
    ul_given[:, j] = fa_known
    return {
        "mean": mean,
        "n": np.clip(n_ok, 1, None),
        "n_days": n_days,
        "coverage": cov,
        "ul_in": ul_in,
        "ul_given": ul_given,
    }


# ---------------------------------------------------------------- assessment
_BLOCK_COLUMNS = (
    "mean_intake",
    "n_days",
    "target_kind",
    "target",
    "ear",
    "rda",
    "ai",
    "percent_of_target",
    "z",
    "probability",
    "verdict",
    "confidence",
    "ul",
    "ul_scope",
    "ul_intake",
    "ul_verdict",
)


def _summary_frame(
    persons: list[str],
    profiles: list[Any],
    tot: dict[str, Any],
    sd_within: Any,
    min_coverage: float,
) -> pd.DataFrame:
    from nutrigap.analysis import report_status, unsure_ul
    from nutrigap.assess import assess_matrix
    from nutrigap.nutrients import NUTRIENTS, TRACKED

    keys = list(TRACKED)
    P, K = len(persons), len(keys)
    cols: dict[str, np.ndarray] = {}
    groups: dict[Any, list[int]] = {}
    for i, p in enumerate(profiles):
        groups.setdefault(p, []).append(i)
    for prof, rows in groups.items():
        # the NASEM rules of nutrigap.assess, for everyone of this profile at once
        idx = np.asarray(rows)
        block = assess_matrix(
            tot["mean"][idx],
            tot["n"][idx],
            prof,
            keys,
            sd_within=sd_within,
            ul_intake=tot["ul_in"][idx],
            ul_given=tot["ul_given"][idx],
            texts=False,
        )
        for c in _BLOCK_COLUMNS:
            v = block[c]
            if c not in cols:
                cols[c] = np.empty((P, K), dtype=v.dtype)
            cols[c][idx] = v
    flat = {c: v.reshape(-1) for c, v in cols.items()}
    s = pd.DataFrame(flat)
    s.insert(0, "person", np.repeat(np.asarray(persons, dtype=object), K))
    s.insert(1, "nutrient", np.tile(np.asarray(keys, dtype=object), P))
    s.insert(2, "name", np.tile(np.asarray([NUTRIENTS[k].name for k in keys], object), P))
    s.insert(3, "unit", np.tile(np.asarray([NUTRIENTS[k].display_unit for k in keys], object), P))
    s["coverage"] = tot["coverage"].reshape(-1)
    s["status"] = report_status(s, min_coverage)
    goal = s["rda"].where(s["rda"].notna(), s["ai"])
    short = s["status"].isin(["likely short", "possibly short"])
    s["gap"] = (goal - s["mean_intake"]).clip(lower=0).where(short, np.nan)
    uls = s.pop("ul_verdict").to_numpy(dtype=object).copy()
    uls[unsure_ul(s, uls, min_coverage)] = "cannot tell"
    s["ul_status"] = uls
    s["n_days"] = s["n_days"].astype(float)
    # per distinct profile, not per person (life_stage is computed on each access)
    age = np.empty(P, dtype=float)
    sex = np.empty(P, dtype=object)
    stage = np.empty(P, dtype=object)
    for prof, rows in groups.items():
        age[rows], sex[rows], stage[rows] = prof.age, prof.sex, prof.life_stage
    s["age"] = np.repeat(age, K)
    s["sex"] = np.repeat(sex, K)
    s["life_stage"] = np.repeat(stage, K)
    for c in ("name", "unit", "target_kind", "verdict", "status", "ul_scope", "ul_status", "sex"):
        s[c] = s[c].astype("str")
    s["person"] = s["person"].astype("str")
    s["nutrient"] = s["nutrient"].astype("str")
    s["life_stage"] = s["life_stage"].astype("str")
    return s[list(BATCH_COLUMNS)]


# ------------------------------------------------------------------- reports
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _file_stem(person: str, used: set[str]) -> str:
    stem = _UNSAFE.sub("_", person).strip("._") or "person"
    stem = stem[:100]
    out, i = stem, 1
    while out.lower() in used:
        i += 1
        out = f"{stem}-{i}"
    used.add(out.lower())
    return out


def _write_report(args) -> tuple[list[str], list[dict]]:
    person, matched, profile, formats, outdir, stem, analysis_kwargs = args
    from nutrigap.analysis import _food_table, analyze_matched

    try:
        foods = analysis_kwargs.pop("foods", None)
        table = _food_table(foods)
        report = analyze_matched(matched, profile, table, **analysis_kwargs)
        written = []
        for fmt in formats:
            path = Path(outdir) / f"{stem}.{REPORT_FORMATS[fmt]}"
            if fmt == "html":
                report.to_html(path)
            elif fmt == "markdown":
                path.write_text(report.to_markdown(), encoding="utf-8")
            elif fmt == "json":
                report.to_json(path)
            else:
                path.write_text(report.to_text(), encoding="utf-8")
            written.append(str(path))
        return written, []
    except Exception as exc:  # one person's report must not stop the batch
        files = sorted({str(x) for x in matched.get("source_file", pd.Series(dtype=str))})
        return [], [
            {
                "file": ";".join(files) or person,
                "line": None,
                "reason": f"report for {person!r} failed: {type(exc).__name__}: {exc}",
            }
        ]


def _write_report_chunk(items):
    return [_write_report(a) for a in items]


# --------------------------------------------------------------------- output
def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` as UTF-8 CSV with spreadsheet formulas defused.

    Text cells starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
    return get a leading ``'`` (:func:`nutrigap.report.defuse_csv_cell`), so a
    food called ``=HYPERLINK(...)`` cannot run in a spreadsheet.
    """
    from nutrigap.report import defuse_csv_cell

    out = df.copy()
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            continue
        if pd.api.types.is_datetime64_any_dtype(col):
            continue
        obj = col.astype(object)
        uniq = pd.unique(obj.dropna())
        risky = {u for u in uniq if isinstance(u, str) and defuse_csv_cell(u) != u}
        if risky:
            out[c] = obj.map(defuse_csv_cell)
    out.columns = [defuse_csv_cell(str(c)) for c in out.columns]
    out.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def _errors_frame(errors: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(errors, columns=list(ERROR_COLUMNS))
    df["line"] = pd.array(
        [
            None if (x is None or (isinstance(x, float) and math.isnan(x))) else int(x)
            for x in df["line"]
        ],
        dtype="Int64",
    )
    df["file"] = df["file"].astype("str")
    df["reason"] = df["reason"].astype("str")
    return df


# ----------------------------------------------------------------------- main
def analyze_many(
    inputs: Any,
    profiles: Any = None,
    *,
    profile: Any = None,
    jobs: int = 1,
    outdir: str | Path | None = None,
    formats: Sequence[str] = ("html",),
    progress: bool = False,
    foods: pd.DataFrame | str | None = None,
    overrides: Any = None,
    fdc: Any = None,
    sd_within: float | Mapping[str, float] | None = None,
    min_coverage: float | None = None,
    read_kwargs: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Analyse many people's diaries; one row per person and nutrient.

    Parameters
    ----------
    inputs : path, directory, glob, list of them, or DataFrame
        Diary files in any format :func:`nutrigap.read_diary` reads (a
        directory gives its ``.csv``/``.tsv``/``.txt`` files), or a diary
        frame. The person of a row is the file's ``person`` column where it
        has one, else the file name without extension; rows of the same
        person in several files are pooled.
    profiles : str, Path, DataFrame or mapping, optional
        Profile per person (see :func:`load_profiles`): a CSV with columns
        ``person, age, sex[, pregnant, lactating]``.
    profile : Profile or dict, optional
        Profile for every person not in ``profiles``.
    jobs : int, default 1
        Worker processes for reading, matching and reports (``0``: one per
        CPU).
    outdir : str or Path, optional
        Folder for ``summary.csv``, ``errors.csv`` and one report per person
        in each of ``formats``.
    formats : sequence of {"html", "markdown", "json", "text"}, default ("html",)
        Report formats written to ``outdir`` (empty: no reports).
    progress : bool, default False
        Show a progress bar on stderr (tqdm).
    foods, overrides, fdc, sd_within, min_coverage
        As for :func:`nutrigap.analyze`.
    read_kwargs : mapping, optional
        Passed to :func:`nutrigap.read_diary` for every file.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BATCH_COLUMNS`: ``person``, ``nutrient``, ``name``,
        ``unit``, ``mean_intake`` (per day, canonical unit), ``n_days``,
        ``target_kind`` (EAR/AI), ``target``, ``percent_of_target`` (of the
        RDA or AI), ``z``, ``probability`` (that usual intake meets the
        requirement, or is above the AI), ``verdict``, ``confidence``,
        ``coverage``, ``status``, ``gap``, ``ul``, ``ul_scope``,
        ``ul_intake``, ``ul_status``, ``age``, ``sex``, ``life_stage``; the
        same numbers as :attr:`Report.summary` of :func:`nutrigap.analyze` on
        each person alone. ``attrs["errors"]`` lists everything that failed
        (``file``, ``line``, ``reason``: unreadable files, rejected lines,
        persons without a profile, failed reports); ``attrs["reports"]`` the
        files written.

    Raises
    ------
    ProfileError
        If the profiles file cannot be read, or neither ``profiles`` nor
        ``profile`` is given.
    NutrigapError
        If ``inputs`` names no file at all.

    Examples
    --------
    >>> from nutrigap import Profile
    >>> s = analyze_many("diaries/", "profiles.csv", outdir="out", jobs=2)  # doctest: +SKIP
    >>> s[s.status == "likely short"].groupby("nutrient").size()  # doctest: +SKIP
    """
    from nutrigap.analysis import MIN_COVERAGE, make_profile

    min_coverage = MIN_COVERAGE if min_coverage is None else float(min_coverage)
    if not 0 <= min_coverage <= 1:
        raise ValueError(f"min_coverage must be between 0 and 1, got {min_coverage!r}")
    formats = tuple(formats or ())
    bad = [f for f in formats if f not in REPORT_FORMATS]
    if bad:
        raise ValueError(f"unknown report format(s) {bad}; choose from {list(REPORT_FORMATS)}")
    if profiles is None and profile is None:
        raise ProfileError(
            "the Dietary Reference Intakes depend on age and sex: pass profiles (a CSV with "
            "person, age, sex) or one profile for everyone (profile=Profile(35, 'female'))"
        )
    default = make_profile(profile) if profile is not None else None
    per_person, errors = ({}, []) if profiles is None else load_profiles(profiles)
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, int(jobs))
    read_kwargs = dict(read_kwargs or {})

    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        if isinstance(inputs, pd.DataFrame):
            diary = inputs.copy(deep=False)  # copy-on-write: the caller's frame is safe
            if "person" not in diary.columns:
                diary["person"] = pd.array(["diary"], dtype="str").take(
                    np.zeros(len(diary), dtype=np.intp)
                )
            elif not isinstance(diary["person"].dtype, pd.StringDtype) or bool(
                diary["person"].hasnans
            ):
                diary["person"] = diary["person"].astype(object).fillna("diary").astype(str)
            rej = inputs.attrs.get("rejected")
            if isinstance(rej, pd.DataFrame):
                for r in rej.to_dict("records"):
                    errors.append(
                        {
                            "file": str(r.get("source_file", "")),
                            "line": r.get("source_line"),
                            "reason": f"rejected: {r.get('reason', '')}",
                        }
                    )
            diary.attrs = {"format": inputs.attrs.get("format", ""), "rejected": rej}
        else:
            files = expand_inputs(inputs)
            if not files:
                raise NutrigapError(f"no diary files found for {inputs!r}")
            frames, read_errors = _read_all(files, jobs, pool, progress, read_kwargs)
            errors.extend(read_errors)
            rejected = [
                f.attrs["rejected"]
                for f in frames
                if isinstance(f.attrs.get("rejected"), pd.DataFrame) and len(f.attrs["rejected"])
            ]
            kinds = sorted({str(f.attrs.get("format", "")) for f in frames} - {"", "mixed"})
            if any(f.attrs.get("format") == "mixed" for f in frames):
                kinds.append("mixed")
            frames = [f for f in frames if len(f)]
            for f in frames:
                f.attrs = {}
            diary = pd.concat(frames, ignore_index=True, sort=False) if frames else pd.DataFrame()
            diary.attrs = {
                "format": kinds[0] if len(kinds) == 1 else "mixed",
                "rejected": pd.concat(rejected, ignore_index=True) if rejected else None,
            }
            if len(diary) and "supplement" in diary:
                diary["supplement"] = diary["supplement"].fillna(False).astype(bool)
        summary, reports = _analyze_frame(
            diary,
            per_person,
            default,
            errors,
            pool=pool,
            jobs=jobs,
            foods=foods,
            overrides=overrides,
            fdc=fdc,
            sd_within=sd_within,
            min_coverage=min_coverage,
            outdir=outdir,
            formats=formats,
            progress=progress,
        )
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    err = _errors_frame(errors)
    summary.attrs["errors"] = err
    summary.attrs["reports"] = reports
    if outdir is not None:
        out = Path(outdir)
        out.mkdir(parents=True, exist_ok=True)
        write_csv(summary, out / "summary.csv")
        write_csv(err, out / "errors.csv")
    return summary


def _analyze_frame(
    diary: pd.DataFrame,
    per_person: dict[str, Any],
    default: Any,
    errors: list[dict],
    *,
    pool,
    jobs: int,
    foods,
    overrides,
    fdc,
    sd_within,
    min_coverage: float,
    outdir,
    formats: tuple[str, ...],
    progress: bool,
) -> tuple[pd.DataFrame, list[str]]:
    from nutrigap.analysis import _food_table
    from nutrigap.intake import entry_contributions

    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in BATCH_COLUMNS})
    if not len(diary) or "food" not in diary.columns:
        return empty, []
    # persons and their profiles
    # persons: factorized once; the codes serve the entry key and the day key too
    pcode, persons = pd.factorize(diary["person"], sort=True)
    pcode = pcode.astype(np.int64, copy=False)
    persons = [str(p) for p in persons]
    profs: list[Any] = []
    keep = np.ones(len(persons), dtype=bool)
    for i, p in enumerate(persons):
        prof = per_person.get(p, default)
        if prof is None:
            keep[i] = False
            files = diary.loc[pcode == i, "source_file"] if "source_file" in diary else []
            errors.append(
                {
                    "file": ";".join(sorted({str(x) for x in pd.unique(files)})) or p,
                    "line": None,
                    "reason": f"no profile for person {p!r} (add it to the profiles CSV, "
                    "or give --age/--sex for everyone)",
                }
            )
        profs.append(prof)
    if not keep.all():
        rows = keep[pcode]
        diary = diary[rows].reset_index(drop=True)
        remap = np.cumsum(keep) - 1
        pcode = remap[pcode[rows]]
        persons = [p for p, k in zip(persons, keep, strict=True) if k]
        profs = [p for p, k in zip(profs, keep, strict=True) if k]
        if not len(diary):
            return empty, []

    # match and amounts once per distinct entry
    table = _food_table(foods)  # the same default table as analyze()
    dcode = _date_codes(diary)
    known = {"person": pcode} if dcode is None else {"person": pcode, "date": dcode}
    first, inv, keys = _distinct_entries(diary, known)
    small = diary.iloc[first][keys].reset_index(drop=True)
    small.attrs = {}
    match_kwargs = {
        "foods": foods if isinstance(foods, str) else table,
        "overrides": overrides,
        "fdc": fdc,
        # texts an alias or a description answers need no fuzzy search (no
        # runner-up for them in the reports)
        "candidates": False,
    }
    matched_small = _match(small, pool, jobs, match_kwargs)
    contrib = entry_contributions(matched_small, table)

    if dcode is None:
        dcode = np.zeros(len(diary), dtype=np.int64)
    tot = _person_totals(pcode, len(persons), dcode, inv, contrib)
    summary = _summary_frame(persons, profs, tot, sd_within, min_coverage)

    reports: list[str] = []
    if outdir is not None and formats:
        Path(outdir).mkdir(parents=True, exist_ok=True)
        reports = _reports(
            diary,
            pcode,
            persons,
            profs,
            inv,
            matched_small,
            errors,
            outdir=outdir,
            formats=formats,
            pool=pool,
            jobs=jobs,
            progress=progress,
            analysis_kwargs={
                "foods": foods if isinstance(foods, str) or foods is None else table,
                "sd_within": sd_within,
                "min_coverage": min_coverage,
            },
        )
    return summary, reports


def _reports(
    diary,
    pcode,
    persons,
    profs,
    inv,
    matched_small,
    errors,
    *,
    outdir,
    formats,
    pool,
    jobs,
    progress,
    analysis_kwargs,
) -> list[str]:
    from nutrigap.foods import MATCH_COLUMNS

    match_cols = [c for c in MATCH_COLUMNS if c != "grams"]
    added = matched_small[[*match_cols, "grams"]]
    base = diary.drop(columns=[c for c in ("grams", *match_cols) if c in diary.columns])
    cands = matched_small.attrs.get("match_candidates", {}) or {}
    rejected = diary.attrs.get("rejected")
    rej_files = (
        rejected["source_file"].astype(str)
        if isinstance(rejected, pd.DataFrame) and len(rejected) and "source_file" in rejected
        else None
    )
    order = np.argsort(pcode, kind="stable")
    bounds = np.searchsorted(pcode[order], np.arange(len(persons) + 1))
    used: set[str] = set()
    items = []
    for i, person in enumerate(persons):
        rows = order[bounds[i] : bounds[i + 1]]
        m = base.iloc[rows].reset_index(drop=True)
        extra = added.iloc[inv[rows]].reset_index(drop=True)
        m = pd.concat([m, extra], axis=1)
        texts = set(m["food"].dropna().astype(str))
        m.attrs = {
            "format": diary.attrs.get("format", ""),
            "match_candidates": {t: c for t, c in cands.items() if t in texts},
        }
        if rej_files is not None and "source_file" in m:
            own = rej_files.isin(set(m["source_file"].dropna().astype(str)))
            if own.any():
                m.attrs["rejected"] = rejected[own.to_numpy()].reset_index(drop=True)
        if "fdc_foods" in matched_small.attrs:
            m.attrs["fdc_foods"] = matched_small.attrs["fdc_foods"]
        stem = _file_stem(person, used)
        items.append((person, m, profs[i], formats, str(outdir), stem, dict(analysis_kwargs)))
    written: list[str] = []
    bar = _progress(len(items), "reports", progress)
    try:
        if pool is None or len(items) < 2:
            results = map(_write_report, items)
            for paths, err in results:
                written.extend(paths)
                errors.extend(err)
                bar.update(1)
        else:
            size = max(1, min(50, len(items) // (jobs * 8) or 1))
            futures = [pool.submit(_write_report_chunk, c) for c in _chunks(items, size)]
            for fut in futures:
                for paths, err in fut.result():
                    written.extend(paths)
                    errors.extend(err)
                    bar.update(1)
    finally:
        bar.close()
    return written
