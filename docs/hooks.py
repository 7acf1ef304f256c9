"""MkDocs hooks: fill placeholders in the pages from nutrigap's own data.

Declared in ``mkdocs.yml`` under ``hooks:`` (MkDocs >= 1.4). Placeholders:

``{{ nutrient_table }}``
    One section per nutrient of :data:`nutrigap.NUTRIENTS` (role, how a
    shortfall relates to twitching, deficiency signs, excess, food sources),
    so the twitch page shows the same text as nutrigap's reports.
``{{ dataset_readme:NAME }}``
    The provenance README of ``datasets/NAME/`` with its headings demoted by
    one level, so the data page cannot drift from the files that ship.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_README = re.compile(r"\{\{\s*dataset_readme:([a-z0-9_]+)\s*\}\}")
_TABLE = re.compile(r"\{\{\s*nutrient_table\s*\}\}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render_nutrient_table() -> str:
    """Markdown for every nutrient of the catalog: an overview table, then sections."""
    import nutrigap

    t = nutrigap.nutrient_table()
    tracked = t[t["kind"] == "tracked"]
    context = t[t["kind"] == "context"]
    lines = [
        "| Nutrient | Unit | USDA SR nutrient no. | FDC nutrient id |",
        "|---|---|---|---|",
    ]
    for key, row in t.iterrows():
        sr = row["sr_number"] or "—"
        lines.append(
            f"| [{row['name']}](#{key.replace('_', '-')}) | {row['display_unit']} "
            f"| {sr} | {row['fdc_id']} |"
        )
    lines.append("")
    fields = [
        ("role", "What it does"),
        ("twitch", "Twitches"),
        ("deficiency", "Signs of deficiency"),
        ("excess", "Too much"),
        ("sources", "Good sources"),
    ]
    for title, frame in (("Tracked nutrients", tracked), ("Context: diet and lifestyle", context)):
        lines += [f"### {title}", ""]
        for key, row in frame.iterrows():
            lines += [f"#### {row['name']} {{#{key.replace('_', '-')}}}", ""]
            lines.append(f"*Key* `{key}`, amounts in {row['display_unit']}.")
            lines.append("")
            for col, label in fields:
                if row[col]:
                    lines += [label, f":   {_one_line(row[col])}", ""]
    return "\n".join(lines)


def render_dataset_readme(name: str) -> str:
    """The README of ``datasets/<name>/`` with headings demoted one level."""
    path = ROOT / "datasets" / name / "README.md"
    text = path.read_text(encoding="utf-8")
    out = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and re.match(r"#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Replace the placeholders (MkDocs ``on_page_markdown`` event)."""
    if _TABLE.search(markdown):
        markdown = _TABLE.sub(lambda _: render_nutrient_table(), markdown)
    return _README.sub(lambda m: render_dataset_readme(m.group(1)), markdown)
