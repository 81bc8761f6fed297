// Which block is the setup cell, against marimo's own parser (its `is_setup_cell` and
// `parse_setup`): `with` or `async with`, one item that is `app.setup` or a call of it, before
// every other cell. Its names are in no cell's parameters, so taking the wrong block for it (or
// missing it) gives touched cells signatures that marimo rewrites when it saves.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../src/notebook/model.js";
import { PYTHON } from "./helpers/python.js";

const CELL = "@app.cell\ndef _():\n    a = 1\n    return (a,)\n";
const NOTEBOOKS: Record<string, string> = {
  "with app.setup": `with app.setup:\n    import os\n\n\n${CELL}`,
  "async with app.setup": `async with app.setup:\n    import os\n    await os.sleep(0)\n\n\n${CELL}`,
  "async with app.setup(hide_code=True)": `async with app.setup(hide_code=True):\n    import os\n\n\n${CELL}`,
  "with app.setup() as target": `with app.setup() as setup_context:\n    import os\n\n\n${CELL}`,
  "with (app.setup)": `with (app.setup):\n    import os\n\n\n${CELL}`,
  "with app . setup": `with app . setup:\n    import os\n\n\n${CELL}`,
  "two items": `with app.setup, open("f") as f:\n    import os\n\n\n${CELL}`,
  "not app": `with other.setup:\n    import os\n\n\n${CELL}`,
  "after a cell": `${CELL}\n\nwith app.setup:\n    import os\n\n\n${CELL.replace("a = 1", "b = 1").replace("(a,)", "(b,)")}`,
  "a second setup": `with app.setup:\n    import os\n\n\nwith app.setup:\n    import sys\n\n\n${CELL}`,
};

const MARIMO_CELLS = `
import json, sys
from marimo._ast.parse import parse_notebook
json.dump([[cell.name for cell in parse_notebook(source).cells] for source in json.load(sys.stdin)], sys.stdout)
`;
const sources = Object.values(NOTEBOOKS).map((body) => `import marimo\n\napp = marimo.App()\n\n${body}`);
const marimo = JSON.parse(execFileSync(PYTHON, ["-c", MARIMO_CELLS], { input: JSON.stringify(sources), encoding: "utf8" })) as string[][];

describe("the setup cell, as marimo reads it", () => {
  it("has cases with and without a setup cell", () => {
    expect(new Set(marimo.map((names) => names[0] === "setup"))).toEqual(new Set([true, false]));
  });
  it.each(Object.keys(NOTEBOOKS).map((label, i) => [label, marimo[i]!] as const))("%s: %j", (label, names) => {
    const parsed = parseNotebook(sources[Object.keys(NOTEBOOKS).indexOf(label)]!);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.notebook.cells.map((cell) => (cell.kind === "setup" ? "setup" : cell.name))).toEqual(names);
  });
});
