"""Sample food diaries bundled with nutrigap, for trying it out.

Each is a week of a made-up person's meals in the generic CSV format
(``date,meal,food,quantity,unit``); see ``datasets/samples/README.md``.

Examples
--------
>>> list_samples()
['balanced', 'low-magnesium', 'supplements']
>>> sample_path("low-magnesium").name
'low-magnesium.csv'
"""

from __future__ import annotations

from pathlib import Path

from nutrigap.data import dataset_path, datasets_dir

__all__ = ["sample_path", "list_samples"]


def list_samples() -> list[str]:
    """Names of the bundled sample diaries (without ``.csv``), sorted."""
    folder = datasets_dir() / "samples"
    return sorted(p.stem for p in folder.glob("*.csv"))


def sample_path(name: str) -> Path:
    """Path of a bundled sample diary, e.g. ``sample_path("low-magnesium")``.

    Raises
    ------
    ValueError
        For an unknown name (the message lists the samples).
    """
    stem = name[:-4] if name.endswith(".csv") else name
    if stem not in list_samples():
        raise ValueError(f"no sample diary {name!r}; samples: {', '.join(list_samples())}")
    return dataset_path("samples", f"{stem}.csv")
