"""Generate the self-authored golden notebooks with marimo itself.

Run with the project's venv (marimo 0.25.2):

    .venv/bin/python test/golden/_generator/make_golden.py

Each case is a list of cells (name, code, config). marimo's own codegen
(`marimo._ast.codegen.generate_filecontents`) writes the file; afterwards the
file is passed through `marimo check --fix` once (same path as the CLI:
load -> MarimoConvert.from_ir(...).to_py()) so the golden is exactly what
marimo writes on a save. Signatures and returns in the golden files are never
written by hand: only the cell bodies below are.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from marimo._ast.app_config import _AppConfig
from marimo._ast.cell import CellConfig
from marimo._ast.codegen import generate_filecontents

GOLDEN = Path(__file__).resolve().parent.parent
MARIMO = Path(sys.executable).with_name("marimo")


def c(code: str, name: str = "_", **config: object):
    return (name, textwrap.dedent(code).strip("\n"), CellConfig(**config))


def pad(prefix: str, n: int, fill: str = "x") -> str:
    assert len(prefix) <= n, (prefix, n)
    return prefix + fill * (n - len(prefix))


CASES: dict[str, dict] = {}


def case(filename: str, cells: list, **app: object) -> None:
    CASES[filename] = {"cells": cells, "app": app}


# ---------------------------------------------------------------- builtins
case(
    "gen_shadowed_builtins.py",
    [
        c(
            """
            type = "shadowed type"
            input = 3
            """,
            name="defines_builtins",
        ),
        c(
            """
            # `type` and `input` are defined by a cell: ordinary parameters.
            # `print`, `len`, `list` are not redefined: never parameters.
            print(type, input, len(list(range(input))))
            """
        ),
        c(
            """
            # a cell that reads a shadowed builtin and an unshadowed one
            sorted_input = sorted([input, 1])
            """
        ),
    ],
)

# ---------------------------------------------------------- 79/80 columns
# Every length below is the full line length, indentation included.
# marimo keeps a line when len(line) < 80 and wraps it when len(line) >= 80.
_s79 = (pad("sig79_first_", 34), pad("sig79_second_", 35))  # def _(a, b): == 79
_s80 = (pad("sig80_first_", 35), pad("sig80_second_", 35))  # == 80
_r79 = (pad("ret79_first_", 33), pad("ret79_second_", 33))  # "    return a, b" == 79
_r80 = (pad("ret80_first_", 33), pad("ret80_second_", 34))  # == 80
_one79 = pad("single_return_79_", 65)  # "    return (n,)" == 79
_one80 = pad("single_return_80_", 66)  # == 80
_p79 = pad("single_param_79_", 71)  # "def _(n):" == 79
_p80 = pad("single_param_80_", 72)  # == 80
_a79 = (pad("async79_first_", 32), pad("async79_second_", 31))  # async def _(a, b): == 79
_a80 = (pad("async80_first_", 32), pad("async80_second_", 32))  # == 80
_n79 = pad("named79_", 52)  # def named_cell_signature(n): == 79
_n80 = pad("named80_", 53)
_t79 = pad("typed79_", 66)  # def _(n: int): == 79
_t80 = pad("typed80_", 67)

for _pair, _total in ((_s79, 79), (_s80, 80)):
    assert len(f"def _({_pair[0]}, {_pair[1]}):") == _total
for _pair, _total in ((_r79, 79), (_r80, 80)):
    assert len(f"    return {_pair[0]}, {_pair[1]}") == _total
assert len(f"    return ({_one79},)") == 79 and len(f"    return ({_one80},)") == 80
assert len(f"def _({_p79}):") == 79 and len(f"def _({_p80}):") == 80
for _pair, _total in ((_a79, 79), (_a80, 80)):
    assert len(f"async def _({_pair[0]}, {_pair[1]}):") == _total
assert len(f"def named_cell_signature({_n79}):") == 79
assert len(f"def named_cell_signature({_n80}):") == 80
assert len(f"def _({_t79}: int):") == 79 and len(f"def _({_t80}: int):") == 80

case(
    "gen_wrap_79_stays_on_one_line.py",
    [
        c(
            f"""
            # defines the names read below
            {_s79[0]} = 1
            {_s79[1]} = 2
            {_p79} = 3
            {_a79[0]} = 4
            {_a79[1]} = 5
            {_n79} = 6
            {_t79}: int = 7
            """
        ),
        c(f"# signature is 79 columns\nprint({_s79[0]}, {_s79[1]})"),
        c(f"# single parameter, 79 columns\nprint({_p79})"),
        c(
            f"# async signature, 79 columns\nimport asyncio\n"
            f"await asyncio.sleep(0)\nprint({_a79[0]}, {_a79[1]})"
        ),
        c(f"print({_n79})", name="named_cell_signature"),
        c(f"# annotated parameter, 79 columns\nprint({_t79})"),
        c(f"# return line is 79 columns\n{_r79[0]} = 1\n{_r79[1]} = 2"),
        c(f"# single-name return, 79 columns\n{_one79} = 1"),
        c(f"print({_r79[0]}, {_r79[1]}, {_one79})"),
    ],
)

case(
    "gen_wrap_80_wraps.py",
    [
        c(
            f"""
            # defines the names read below
            {_s80[0]} = 1
            {_s80[1]} = 2
            {_p80} = 3
            {_a80[0]} = 4
            {_a80[1]} = 5
            {_n80} = 6
            {_t80}: int = 7
            """
        ),
        c(f"# signature would be 80 columns\nprint({_s80[0]}, {_s80[1]})"),
        c(f"# single parameter, 80 columns\nprint({_p80})"),
        c(
            f"# async signature, 80 columns\nimport asyncio\n"
            f"await asyncio.sleep(0)\nprint({_a80[0]}, {_a80[1]})"
        ),
        c(f"print({_n80})", name="named_cell_signature"),
        c(f"# annotated parameter, 80 columns\nprint({_t80})"),
        c(f"# return line would be 80 columns\n{_r80[0]} = 1\n{_r80[1]} = 2"),
        c(f"# single-name return, 80 columns\n{_one80} = 1"),
        c(f"print({_r80[0]}, {_r80[1]}, {_one80})"),
    ],
)

# ------------------------------------------------------------------ async
case(
    "gen_async_cells.py",
    [
        c(
            """
            import asyncio
            import contextlib
            """
        ),
        c(
            """
            # top-level await: async cell
            await asyncio.sleep(0)
            awaited = 1
            """
        ),
        c(
            """
            async def ticks(n):
                for i in range(n):
                    yield i


            # async for only inside a nested function: NOT an async cell
            async def consume():
                total = 0
                async for t in ticks(3):
                    total += t
                return total


            nested_only = consume
            """
        ),
        c(
            """
            # top-level async for: async cell
            collected = []
            async for _t in ticks(awaited + 2):
                collected.append(_t)
            """
        ),
        c(
            """
            # top-level async with: async cell
            @contextlib.asynccontextmanager
            async def manager():
                yield "entered"


            async with manager() as entered:
                print(entered, collected, nested_only)
            """
        ),
        c(
            """
            # await inside a top-level comprehension: async cell
            results = [await asyncio.sleep(0, result=_i) for _i in range(2)]
            """,
            hide_code=True,
        ),
        c(
            """
            # await only inside a nested async def: not an async cell
            def later():
                async def inner():
                    await asyncio.sleep(0)

                return inner


            print(results, later)
            """
        ),
    ],
)

# ------------------------------------------ setup / function / class_definition
case(
    "gen_setup_function_class.py",
    [
        c(
            """
            import math

            import marimo as mo

            SCALE: float = 2.0
            """,
            name="setup",
        ),
        c(
            """
            def scaled(x: float) -> float:
                return math.sqrt(x) * SCALE
            """
        ),
        c(
            """
            class Point:
                def __init__(self, x, y):
                    self.x = x
                    self.y = y

                def norm(self):
                    return scaled(self.x**2 + self.y**2)
            """
        ),
        c(
            """
            def uses_cell_variable():
                return offset + 1
            """
        ),
        c(
            """
            offset = 10
            origin = Point(0, 0)
            """
        ),
        c(
            """
            # setup names (math, mo, SCALE), @app.function and
            # @app.class_definition names are never parameters
            mo.md(f"{scaled(offset)} {Point(3, 4).norm()} {math.pi * SCALE}")
            """
        ),
        c(
            """
            uses_cell_variable() + origin.x
            """,
            name="reads_demoted_function",
        ),
        c(
            """
            def hidden_helper(v):
                return v * 2
            """,
            hide_code=True,
        ),
        c("hidden_helper(offset)"),
    ],
    width="medium",
)

# ------------------------------------------------------------ annotations
case(
    "gen_annotations.py",
    [
        c(
            """
            from typing import Optional

            import numpy as np
            """,
            name="setup",
        ),
        c(
            """
            import pandas as pd


            class Local:
                pass
            """
        ),
        c(
            """
            # reads `count`, which a later cell defines as `count: int = 1`
            count * 2
            """
        ),
        c(
            """
            count: int = 1
            ratio: float = 0.5
            maybe: Optional[str] = None
            array: np.ndarray = np.zeros(2)
            frame: pd.DataFrame = pd.DataFrame()
            local: Local = Local()
            mapping: dict[str, "Local"] = {}
            nested: dict[pd.Series, "Local"] = {}
            declared_only: int
            plain = 3
            """
        ),
        c(
            """
            # setup names and builtins in an annotation stay bare;
            # names that are not visible are quoted
            print(count, ratio, maybe, array, frame, local, mapping, nested)
            print(plain, declared_only)
            """
        ),
    ],
)

# ---------------------------------------------- blank line before return
case(
    "gen_blank_line_before_return.py",
    [
        c("import os"),
        c("from pathlib import Path"),
        c(
            """
            base = Path(os.getcwd())


            def child(name):
                return base / name
            """
        ),
        c(
            """
            async def fetch():
                return child("a")


            print(fetch)
            """
        ),
        c(
            """
            print(child("x"))


            async def fetch_later():
                return child("b")
            """
        ),
        c(
            """
            shape = child("c")


            class Shape:
                where = shape
            """
        ),
        c(
            """
            import json  # a trailing comment on the import line
            """
        ),
        c(
            """
            import csv

            # a comment after the last import: no blank line before return
            """
        ),
        c(
            """
            if json:
                import re
            """
        ),
        c(
            """
            @staticmethod
            def decorated():
                return base


            decorated
            """
        ),
        c(
            """
            print(csv, Shape, fetch_later)


            @functools_like
            def last_is_decorated_def():
                return re
            """
        ),
    ],
)

# ---------------------------------------------- comments before return
case(
    "gen_comments_before_return.py",
    [
        c(
            """
            value = 1
            # a comment between the last statement and the return
            """
        ),
        c(
            """
            doubled = value * 2

            # several comments
            # after a blank line


            """
        ),
        c(
            """
            # leading comment
            print(doubled)  # trailing inline comment
            """
        ),
        c(
            """
            def helper():
                return doubled
                # comment inside the function body, at the end
            """
        ),
        c(
            """
            # only comments in this cell
            # nothing else
            """
        ),
        c(
            '''
            """A docstring-like expression as the last statement."""
            '''
        ),
    ],
)

# ------------------------------------------------------------ scoping
case(
    "gen_scoping_defs.py",
    [
        c(
            """
            import os.path
            import collections.abc as cabc
            from math import floor as fl, ceil
            for loop_var in range(2):
                pass
            with open(os.devnull) as handle:
                pass
            if (walrus := 10) > 5:
                pass
            counter = 0
            counter += 1
            aug_only_elsewhere = 0
            """
        ),
        c(
            """
            match {"kind": "pt", "xy": [1, 2]}:
                case {"kind": kind, "xy": [px, py]}:
                    pass
                case [first, *rest]:
                    pass
                case Point_like(x=captured) if captured:
                    pass
                case other:
                    pass
            """
        ),
        c(
            """
            def set_global():
                global made_global
                made_global = 1


            set_global()
            """
        ),
        c(
            """
            squares = [sq * sq for sq in range(3)]
            evens = {ev for ev in range(4) if ev % 2 == 0}
            pairs = {pk: pv for pk, pv in zip("ab", "cd")}
            gen = list(g for g in range(2))
            try:
                1 / 0
            except ZeroDivisionError as err:
                caught = str(err)
            """
        ),
        c(
            """
            holder = {}
            holder["key"] = 1
            holder.update(a=1)
            obj = type("O", (), {})()
            obj.attr = 2
            """
        ),
        c(
            """
            print(
                os, cabc, fl, ceil, loop_var, handle, walrus, counter,
                kind, px, py, first, rest, captured, other, made_global,
                squares, evens, pairs, gen, caught, holder, obj,
            )
            """
        ),
        c(
            """
            # names bound only inside comprehensions / except are not defs
            print(sq, err)
            """
        ),
    ],
)

case(
    "gen_scoping_refs.py",
    [
        c(
            """
            x = 1
            y = 2
            z = 3
            to_delete = [1]
            shared = 0
            """
        ),
        c(
            """
            # reads a name defined in no cell: still a parameter
            print(defined_nowhere, x)
            """
        ),
        c(
            """
            # deletes a name defined by another cell
            del to_delete
            """
        ),
        c(
            """
            # read, then bound in the same cell: both a ref and a def; a
            # name the cell itself defines is never a parameter, and the
            # cell's own read is enough to put it in the return
            print(rebound)
            rebound = y
            y_copy = y
            """
        ),
        c(
            """
            # a nested function reading a name bound later at top level
            def use_later():
                return later_bound + z


            later_bound = 5
            """
        ),
        c(
            """
            # names read only inside a comprehension, lambda and class body
            cube = [x**3 for _ in range(2)]
            fn = lambda q: q + z
            class Holder:
                attr = shared
                def method(self):
                    return y
            """
        ),
        c(
            """
            _private = 1
            __dunder__ = 2
            __mangled_like = 3
            __ = 4
            _ = 5
            """
        ),
        c(
            """
            # __dunder__ and __mangled_like are public; _private, _ and __ are not
            print(__dunder__, __mangled_like)
            """
        ),
        c(
            """
            # another cell reusing the same private names
            _private = "again"
            print(_private, cube, fn, Holder, use_later, y_copy)
            """
        ),
    ],
)

# --------------------------------------------------------------- sorting
case(
    "gen_sort_order.py",
    [
        c(
            """
            zeta = 1
            Zeta = 2
            alpha = 3
            Alpha = 4
            ALPHA = 5
            a_b = 6
            aB = 7
            a1 = 8
            A_ = 9
            Z9 = 10
            __dunder__ = 11
            __x = 12
            b = 13
            B = 14
            """
        ),
        c(
            """
            # code-point order: digits < uppercase < '_' < lowercase
            print(zeta, Zeta, alpha, Alpha, ALPHA, a_b, aB, a1, A_, Z9, __dunder__, __x, b, B)
            """
        ),
    ],
)

case(
    "gen_non_ascii_identifiers.py",
    [
        c(
            """
            café = 1
            naïve = 2
            Δt = 0.1
            résumé = "cv"
            变量 = 3
            ñandú = 4
            Ωmega = 5
            zebra = 6
            Zebra = 7
            _ünder = 8
            """
        ),
        c(
            """
            # non-ASCII names sort after ASCII ones (code point order)
            print(café, naïve, Δt, résumé, 变量, ñandú, Ωmega, zebra, Zebra, _ünder)
            """
        ),
        c(
            """
            # a signature whose length is counted in code points
            print(变量, résumé, café, naïve, ñandú, Ωmega, Δt, zebra, Zebra)
            """
        ),
    ],
)

# Astral-plane identifiers (UTF-16 surrogate pairs in JavaScript) and a name
# above U+E000 inside the BMP: Python sorts by code point, which differs from
# JavaScript's UTF-16 code-unit `<` for these two. Also NFKC normalization:
# Python folds `ﬁ` (U+FB01) to `fi`, so the def is spelled differently from
# the source text.
_astral79 = pad("\U00010400_astral79_", 71)  # def _(n): == 79 code points
_astral80 = pad("\U00010400_astral80_", 72)
assert len(f"def _({_astral79}):") == 79 and len(f"def _({_astral80}):") == 80

case(
    "gen_non_ascii_astral_nfkc.py",
    [
        c(
            """
            𐐀lpha = 1
            﨎tree = 2
            mid = 3
            """
        ),
        c("print(𐐀lpha, 﨎tree, mid)"),
        c("ﬁle_count = 4"),
        c("print(file_count)"),
        c(f"{_astral79} = 5\n{_astral80} = 6"),
        c(f"# 79 code points (80 UTF-16 units): stays on one line\nprint({_astral79})"),
        c(f"# 80 code points: wraps\nprint({_astral80})"),
    ],
)

# ---------------------------------------------------------------- markdown
case(
    "gen_markdown_cells.py",
    [
        c("import marimo as mo"),
        c(
            '''
            mo.md(
                """
                # A heading

                Some *indented* markdown that marimo dedents.
                """
            )
            '''
        ),
        c('mo.md(r"A raw string with a backslash: \\alpha")', hide_code=True),
        c(
            '''
            title = "dynamic"
            mo.md(f"""
            ## {title}
            """)
            '''
        ),
        c(
            '''
            mo.md("""
            Quotes: "double" and 'single'.
            """)
            '''
        ),
        c("mo.md(f'{title} again')"),
    ],
)

# ------------------------------------------------------------ cell config
case(
    "gen_cell_configs.py",
    [
        c("import marimo as mo\nslider = mo.ui.slider(1, 10)", hide_code=True),
        c("slider", column=0),
        c("doubled = slider.value * 2", disabled=True),
        c("print(doubled)", column=1, hide_code=True),
        c("mo.md(f'{doubled}')", name="summary", expand_output=True),
        c(
            """
            await_free = doubled
            tail = [await_free]
            """,
            column=1,
            disabled=True,
            hide_code=True,
        ),
        c("tail"),
    ],
)

# -------------------------------------------- unused defs and empty cells
case(
    "gen_unused_defs_and_empty_cells.py",
    [
        c(
            """
            used = 1
            unused = 2
            also_unused = 3
            """
        ),
        c("print(used)"),
        c(""),
        c("pass"),
        c("# just a comment"),
        c(
            """
            def never_called(a):
                return a + used
            """
        ),
        c("nobody_reads_this = used + 1", name="named_unused"),
    ],
)

# -------------------------------------------------------------- class body
case(
    "gen_class_bodies.py",
    [
        c(
            """
            import dataclasses

            factor = 3
            """
        ),
        c(
            """
            # class in a regular cell: reads a cell variable, so it stays a cell
            @dataclasses.dataclass
            class Config:
                size: int = factor
                label: str = "cfg"

                def scaled(self):
                    return self.size * factor
            """
        ),
        c(
            """
            class Plain:
                class_attr = 1
                other = class_attr + 1

                def method(self):
                    return other_global


            other_global = Config().scaled()
            """
        ),
        c(
            """
            print(Plain().method(), Config)


            class Trailing(Plain):
                pass
            """
        ),
        c("Trailing"),
    ],
)

# ------------------------------------------------------ unparsable mixed
case(
    "gen_unparsable_mixed.py",
    [
        c("ok = 1"),
        c("this is not python (\nnor_is = this"),
        c("print(ok, nor_is)"),
        c('s = """unterminated\nok2 = 2'),
        c("x = 1\n    bad_indent = 2"),
        c("print(ok)\nreturn ok"),
    ],
)


def main() -> None:
    for filename, spec in CASES.items():
        names = [n for n, _, _ in spec["cells"]]
        codes = [code for _, code, _ in spec["cells"]]
        configs = [cfg for _, _, cfg in spec["cells"]]
        contents = generate_filecontents(
            codes,
            names,
            configs,
            config=_AppConfig(**spec["app"]),
        )
        path = GOLDEN / filename
        path.write_text(contents, encoding="utf-8")
        # One pass of `marimo check --fix` (lint fixes such as markdown
        # dedenting are kept).
        subprocess.run(
            [str(MARIMO), "check", "--fix", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print("wrote", path.relative_to(GOLDEN))


if __name__ == "__main__":
    main()
