"""Helpers shared by the dataset build scripts (``datasets/*/build.py``)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd


def write_csv_gz(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` as gzipped CSV, byte-for-byte reproducibly.

    No timestamp or file name in the gzip header (``mtime=0``), floats with six
    significant digits (``%.6g``, as precise as the USDA sources), ``\\n`` line
    ends.
    """
    text = df.to_csv(index=False, float_format="%.6g", lineterminator="\n")
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(text.encode("utf-8"))
