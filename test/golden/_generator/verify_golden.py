"""Check that every golden notebook is exactly what marimo writes.

Run: .venv/bin/python test/golden/_generator/verify_golden.py

For each test/golden/*.py: (1) in-process, the contents `marimo check --fix`
would write are byte-identical to the file; (2) `marimo check --fix` on a copy
leaves it byte-identical; (3) with every @app.cell parameter list erased
(`def _():`) and its final return replaced by a bare `return`, `marimo check
--fix` restores the file byte-for-byte. Exit status 1 on any mismatch.
"""

import ast, shutil, subprocess, sys, tempfile
from pathlib import Path
from marimo._lint.linter import Linter
from marimo._ast.load import get_notebook_status

G = Path(__file__).resolve().parent.parent
V = Path(tempfile.mkdtemp(prefix="golden-verify-"))
MARIMO = str(Path(sys.executable).with_name("marimo"))

def erase(src: str) -> str:
    """Erase each @app.cell's parameter list and final return statement."""
    lines = src.split("\n")
    mod = ast.parse(src)
    edits = []  # (start, end, replacement lines), 0-based inclusive
    for node in mod.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        decs = [ast.unparse(d) for d in node.decorator_list]
        if not any(d.startswith("app.cell") for d in decs):
            continue
        body0 = node.body[0].lineno - 1
        # include comment lines between signature and first stmt: find line ending with "):"
        start = node.lineno - 1
        end = start
        while not lines[end].rstrip().endswith(":"):
            end += 1
        prefix = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
        ret = node.body[-1]
        assert isinstance(ret, ast.Return), node.name
        edits.append((ret.lineno - 1, ret.end_lineno - 1, ["    return"]))
        edits.append((start, end, [f"{prefix} {node.name}():"]))
    for s, e, rep in sorted(edits, reverse=True):
        lines[s : e + 1] = rep
    return "\n".join(lines)

ok = True
for f in sorted(G.glob("*.py")):
    text = f.read_text(encoding="utf-8")
    # 1. in-process: exactly what `marimo check --fix` would write
    status = get_notebook_status(str(f))
    regenerated = Linter._generate_file_contents_from_notebook(status.notebook, str(f))
    same_inproc = regenerated == text
    # 2. CLI check --fix on a copy
    cp = V / f.name
    shutil.copy(f, cp)
    r = subprocess.run([MARIMO, "check", "--fix", str(cp)], capture_output=True, text=True)
    same_cli = cp.read_text(encoding="utf-8") == text
    # 3. erase params+returns, let marimo rewrite, compare
    er = V / ("erased_" + f.name)
    er.write_text(erase(text), encoding="utf-8")
    changed = er.read_text(encoding="utf-8") != text
    subprocess.run([MARIMO, "check", "--fix", str(er)], capture_output=True, text=True)
    same_erased = er.read_text(encoding="utf-8") == text
    flag = same_inproc and same_cli and same_erased
    ok &= flag
    print(f"{'OK ' if flag else 'BAD'} {f.name:45} inproc={same_inproc} cli={same_cli}(rc={r.returncode}) erased_roundtrip={same_erased} erase_changed={changed}")
print("ALL OK" if ok else "FAILURES")
sys.exit(0 if ok else 1)
