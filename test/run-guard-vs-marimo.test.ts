// Which cells a notebook has, against marimo's own parser: marimo reads no cell after its run
// guard, and takes any `if` whose test compares `__name__` for that guard (its AST comparison
// stops at the first field), whatever the body. A rule that fixed a cell below the guard would
// fix a cell marimo never loads, and the dataflow would see definitions marimo does not.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../src/notebook/model.js";
import { PYTHON } from "./helpers/python.js";

const GUARDS = [
  'if __name__ == "__main__":\n    app.run()',
  "if __name__ == '__main__':  # run the app\n    app.run()",
  'if __name__ == "__main__": app.run()',
  'if __name__ == "__main__":\n    app.run(port=2718)',
  'if (__name__ == "__main__"):\n    app.run()\nelse:\n    pass',
  'if ( # the guard\n    __name__ == "__main__"\n):\n    app.run()',
  'if (__name__) in ("__main__",):\n    app.run()',
  'if __name__ != "__main__":\n    print("imported")',
  'if "__main__" == __name__:\n    app.run()',
  "if __name__:\n    app.run()",
  'if __name__ == "__main__" and DEBUG:\n    app.run()',
];

function notebook(guard: string): string {
  const cell = (name: string) => `@app.cell\ndef _():\n    ${name} = 1\n    return (${name},)\n`;
  return `import marimo\n\napp = marimo.App()\n\n\n${cell("a")}\n\n${guard}\n\n\n${cell("b")}\n\n${cell("c")}`;
}

const MARIMO_CELLS = `
import json, sys
from marimo._ast.parse import parse_notebook
json.dump([len(parse_notebook(source).cells) for source in json.load(sys.stdin)], sys.stdout)
`;
const marimo = JSON.parse(execFileSync(PYTHON, ["-c", MARIMO_CELLS], { input: JSON.stringify(GUARDS.map(notebook)), encoding: "utf8" })) as number[];

describe("cells after the run guard, as marimo reads them", () => {
  it("has cases on both sides", () => {
    expect(new Set(marimo)).toEqual(new Set([1, 3]));
  });
  it.each(GUARDS.map((guard, i) => [guard, marimo[i]!] as const))("%j: %i cells", (guard, cells) => {
    const parsed = parseNotebook(notebook(guard));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.notebook.cells.length).toBe(cells);
  });
});
