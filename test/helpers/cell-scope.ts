// A snippet's refs and defs as this tool computes them (src/notebook/scope.ts), for the tests
// that compare them with marimo's compiler.
import { cellVariables } from "../../src/notebook/dataflow.js";
import { parseNotebook } from "../../src/notebook/model.js";

/** The snippet's refs and defs, sorted, once it is made the body of a notebook's only cell. */
export function cellRefsAndDefs(code: string): { refs: string[]; defs: string[] } {
  const body = code.split("\n").map((line) => (line.trim() === "" ? "" : `    ${line}`)).join("\n");
  const source = `import marimo\napp = marimo.App()\n\n\n@app.cell\ndef _():\n${body}\n    return\n`;
  const parsed = parseNotebook(source);
  if (!parsed.ok) throw new Error(parsed.message);
  const variables = cellVariables(parsed.notebook.cells[0]!, source);
  return { refs: [...variables.refs].sort(), defs: [...variables.defs].sort() };
}
