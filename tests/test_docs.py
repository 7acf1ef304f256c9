"""The documentation builds without warnings and its code runs as printed.

- ``mkdocs build --strict`` (broken links, missing pages, bad API references fail);
- every ```` ```pycon ```` block of a page is a doctest: the output shown must be the
  output produced (blocks of one page share a namespace, in order);
- every ```` ```python ```` block is executed;
- every ```` ```console ```` block is a transcript: each ``$ nutrigap ...`` line is run
  (``nutrigap.cli.main`` in-process, stdout and stderr together, NO_COLOR set) in a scratch
  folder where ``examples/`` is the repository's, and must print the lines below it (doctest
  rules: ``...`` matches anything, whitespace is normalised);
- a block is skipped when the line before its fence is ``<!-- no-test -->`` (snippets needing
  an API key or a network, or illustrations).

Snippets run from the repository root, with FDC_API_KEY unset and MPLBACKEND=Agg.

When the library's numbers change on purpose, ``NUTRIGAP_UPDATE_DOCS=1 python -m pytest
tests/test_docs.py`` rewrites the expected output of every failing example in place (an
expected output ending in a ``...`` line keeps that many leading lines and the ``...``); read
the diff before committing it.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[a-z]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
UPDATE = os.environ.get("NUTRIGAP_UPDATE_DOCS") == "1"


class _Runner(doctest.DocTestRunner):
    """Records (example, got) of failing examples, for the update mode."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.failed_examples: list[tuple[doctest.Example, str]] = []

    def report_failure(self, out, test, example, got):
        self.failed_examples.append((example, got))
        super().report_failure(out, test, example, got)


def _new_want(want: str, got: str) -> list[str]:
    got_lines = [ln.rstrip() or "<BLANKLINE>" for ln in got.rstrip("\n").splitlines()]
    want_lines = want.rstrip("\n").splitlines()
    if want_lines and want_lines[-1].strip() == "...":
        return [*got_lines[: len(want_lines) - 1], "..."]
    return got_lines


def _update(page: Path, fixes: list[tuple[int, int, int, list[str]]]) -> None:
    """Replace expected-output line ranges [start, end) (0-based file lines), bottom up."""
    lines = page.read_text(encoding="utf-8").split("\n")
    for start, end, indent, new in sorted(fixes, reverse=True):
        lines[start:end] = [" " * indent + ln for ln in new]
    page.write_text("\n".join(lines), encoding="utf-8")


def _blocks(text: str) -> list[tuple[str, str, int, int]]:
    """(language, dedented body, fence line, indent) of every fenced block not marked no-test."""
    out = []
    for m in FENCE.finditer(text):
        before = text[: m.start()].rstrip().splitlines()
        if before and before[-1].strip() == "<!-- no-test -->":
            continue
        indent = len(m.group("indent"))
        body = "\n".join(ln[indent:] for ln in m.group("body").splitlines())
        out.append((m.group("lang"), body + "\n", text.count("\n", 0, m.start()) + 1, indent))
    return out


def test_pages_with_code_are_found():
    names = {p.relative_to(DOCS).as_posix() for p in PAGES_WITH_CODE}
    assert {"quickstart.md", "guide/method.md", "guide/cli.md", "guide/diaries.md"} <= names


def test_every_page_is_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES:
        assert page.relative_to(DOCS).as_posix() in nav, f"{page} is not in mkdocs.yml nav"


def test_hook_fills_the_nutrient_table():
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    md = hooks.on_page_markdown("a\n{{ nutrient_table }}\nb", None, None, None)
    assert "{{" not in md
    import nutrigap

    for key in nutrigap.TRACKED + nutrigap.CONTEXT:
        n = nutrigap.NUTRIENTS[key]
        assert f"#### {n.name} {{#{key.replace('_', '-')}}}" in md
        assert " ".join(n.twitch.split()) in md
    readme = hooks.on_page_markdown("{{ dataset_readme:sr28 }}", None, None, None)
    assert readme.startswith("## SR28 food table")


def _transcript(body: str, first: int) -> list[tuple[str, str, int, int]]:
    """(command, expected output, first and end 0-based file line of the output) per ``$``."""
    lines = body.rstrip("\n").split("\n")
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("$ "):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("$ "):
                j += 1
            want = "\n".join(lines[i + 1 : j]) + "\n" if j > i + 1 else ""
            out.append((ln[2:], want, first + i + 1, first + j))
    return out


def _run_console(command: str, cwd: Path, monkeypatch) -> str:
    """Run ``nutrigap ...`` in-process (as the console script does); stdout+stderr."""
    from nutrigap.cli import main

    argv = shlex.split(command)
    assert argv[0] == "nutrigap", f"console blocks run nutrigap commands only: {command}"
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            main(argv[1:])
        except SystemExit:  # argparse usage errors and --help
            pass
    monkeypatch.chdir(ROOT)
    return out.getvalue()


LANGS = ("python", "pycon", "console")
PAGES_WITH_CODE = [
    p for p in PAGES if any(b[0] in LANGS for b in _blocks(p.read_text(encoding="utf-8")))
]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_snippets_run(page, monkeypatch, tmp_path):
    blocks = [b for b in _blocks(page.read_text(encoding="utf-8")) if b[0] in LANGS]
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("FDC_API_KEY", raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    globs: dict = {"__name__": "__docs__"}
    parser = doctest.DocTestParser()
    checker = doctest.OutputChecker()
    scratch = tmp_path / "console"
    scratch.mkdir()
    (scratch / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    failed, fixes = [], []
    for lang, body, line, indent in blocks:
        name = f"{page.relative_to(ROOT)}:{line}"
        if lang == "console":
            for command, want, start, end in _transcript(body, line):
                got = _run_console(command, scratch, monkeypatch)
                if not checker.check_output(want, got, FLAGS):
                    failed.append(f"{name}: $ {command}")
                    print(f"$ {command}\nExpected:\n{want}Got:\n{got}")
                    fixes.append((start, end, indent, _new_want(want, got)))
            continue
        if lang == "python":
            exec(compile(body, name, "exec"), globs)
            continue
        runner = _Runner(optionflags=FLAGS)
        test = parser.get_doctest(body, globs, name, str(page), line)
        result = runner.run(test, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy of the namespace
        if result.failed:
            failed.append(name)
        for example, got in runner.failed_examples:
            start = line + example.lineno + example.source.count("\n")  # 0-based: body = line
            end = start + len(example.want.rstrip("\n").splitlines())
            fixes.append((start, end, indent, _new_want(example.want, got)))
    if UPDATE and fixes:
        _update(page, fixes)
    assert not failed, f"doctests failed in {failed} (see output above)"


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="mkdocs not installed")
def test_mkdocs_build_strict(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "FDC_API_KEY"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    site = tmp_path / "site"
    assert (site / "index.html").exists()
    twitches = (site / "twitches" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in twitches and "Magnesium" in twitches
    api = (site / "api" / "assess" / "index.html").read_text(encoding="utf-8")
    assert "assess_intake" in api
