"""Checks many notebooks with CPython and real marimo in one process, for the test suite.

Usage: python scripts/pycheck.py < request.json > result.json

The request is {"files": ["a.py", ...]}. For every file the result holds:
  parse_error   CPython's ast.parse error ("line N: msg"), or null
  mb_issues     marimo check's breaking (MB) issues: ["MB002 message", ...]
  fixed         the text `marimo check --fix` writes for a copy of the file
  undefined     names some cell reads that no cell (nor the setup cell, an @app.function or a
                builtin) defines, by marimo's own analysis: a NameError when the notebook runs
marimo runs once for all files (check, then check --fix on copies), so the suite stays fast.
"""

from __future__ import annotations

import ast
import builtins
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def marimo_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("marimo")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "marimo"]


def parse_error(text: str) -> str | None:
    try:
        ast.parse(text)
    except SyntaxError as error:
        return f"line {error.lineno}: {error.msg}"
    return None


def undefined_names(path: str) -> list[str] | None:
    from marimo._ast.load import load_app

    # Loading compiles every cell, and marimo warns on each that pytest is missing.
    logging.getLogger("marimo").setLevel(logging.ERROR)

    try:
        app = load_app(path)
    except Exception:
        return None
    if app is None:
        return None
    defs: set[str] = set()
    refs: set[str] = set()
    for data in app._cell_manager.cell_data():
        if data.cell is None:
            continue
        defs |= data.cell._cell.defs
        refs |= data.cell._cell.refs
    return sorted(refs - defs - set(dir(builtins)))


def main() -> None:
    request = json.load(sys.stdin)
    files: list[str] = request["files"]
    result: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        copies: dict[str, str] = {}
        for i, path in enumerate(files):
            text = Path(path).read_text(encoding="utf-8")
            error = parse_error(text)
            result[path] = {
                "parse_error": error,
                "mb_issues": [],
                "fixed": None,
                "undefined": None if error else undefined_names(path),
            }
            copy = os.path.join(tmp, f"nb_{i}.py")
            shutil.copyfile(path, copy)
            copies[copy] = path

        checked = subprocess.run(
            [*marimo_cmd(), "check", "--format", "json", *copies.keys()],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        try:
            report = json.loads(checked.stdout)
        except json.JSONDecodeError:
            sys.stderr.write(checked.stdout + checked.stderr)
            raise
        for issue in report.get("issues", []):
            code = issue.get("code") or ""
            name = issue.get("filename")
            original = copies.get(name) or copies.get(os.path.join(tmp, os.path.basename(name or "")))
            if original and code.startswith("MB"):
                result[original]["mb_issues"].append(f"{code} {issue.get('message', '')}")

        subprocess.run(
            [*marimo_cmd(), "check", "--fix", *copies.keys()],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        for copy, original in copies.items():
            result[original]["fixed"] = Path(copy).read_text(encoding="utf-8")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
