// marimo's own golden notebooks (test/golden, written by marimo 0.25.2): our signature and
// return codegen must reproduce every cell byte for byte, from the file as it is and after
// erasing every parameter list and return and writing every decorator in another form.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MagicString from "magic-string";
import { describe, expect, it } from "vitest";
import { formatCellDecorator, formatCellDefinition } from "../src/notebook/codegen.js";
import { byCodePoint, computeDataflow } from "../src/notebook/dataflow.js";
import { parseNotebook } from "../src/notebook/model.js";

const GOLDEN = "test/golden";
const files = readdirSync(GOLDEN).filter((f) => f.endsWith(".py")).sort();

/** Rewrites every `@app.cell` from its decorator to the end of its return with our codegen. */
function regenerateAll(source: string): string {
  const parsed = parseNotebook(source);
  if (!parsed.ok) throw new Error(parsed.message);
  const nb = parsed.notebook;
  const flow = computeDataflow(nb);
  const ms = new MagicString(source);
  for (const cell of nb.cells) {
    if (cell.kind !== "cell") continue;
    const isAsync = flow.variables.get(cell.index)?.hasTopLevelAwait ?? false;
    const decorator = formatCellDecorator(cell.options);
    if (decorator === undefined) throw new Error(`cannot read the options of cell ${cell.index}: ${cell.options}`);
    ms.overwrite(cell.start, cell.signatureStart, `${decorator}\n`);
    ms.overwrite(cell.signatureStart, cell.end, formatCellDefinition(cell, source, flow.params(cell), flow.returns(cell), isAsync));
  }
  return ms.toString();
}

/**
 * Erases parameters and returns (`def _():` and a bare `return`) and writes each decorator as
 * marimo would not: options reversed, defaults spelled out, `()`, trailing spaces, a blank line.
 */
function eraseSignatures(source: string): string {
  const parsed = parseNotebook(source);
  if (!parsed.ok) throw new Error(parsed.message);
  const ms = new MagicString(source);
  for (const cell of parsed.notebook.cells) {
    if (cell.kind !== "cell") continue;
    const options = cell.options.split(",").map((o) => o.trim()).filter((o) => o !== "").reverse();
    for (const [key, value] of [["disabled", "False"], ["column", "None"]] as const) if (!options.some((o) => o.startsWith(key))) options.push(`${key}=${value}`);
    ms.overwrite(cell.start, cell.signatureStart, `@app.cell(${options.join(",")})  \n\n`);
    ms.overwrite(cell.signatureStart, cell.signatureEnd, `${cell.isAsync ? "async " : ""}def ${cell.name}():`);
    if (cell.returnStatement) ms.overwrite(cell.returnStatement.range().start.index, cell.returnStatement.range().end.index, "return");
  }
  return ms.toString();
}

describe("marimo golden codegen", () => {
  it("has golden files", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
  describe.each(files)("%s", (file) => {
    const golden = readFileSync(join(GOLDEN, file), "utf8");
    it("regenerates every cell byte for byte", () => {
      expect(regenerateAll(golden)).toBe(golden);
    });
    it("restores erased parameters and returns", () => {
      expect(regenerateAll(eraseSignatures(golden))).toBe(golden);
    });
  });
});

describe("code-point order", () => {
  it("sorts uppercase, then underscore, then lowercase, and astral characters last", () => {
    expect(["b", "_a", "B", "a", "\u{10400}lpha", "\uFA0Etree", "mid"].sort(byCodePoint)).toEqual(["B", "_a", "a", "b", "mid", "\uFA0Etree", "\u{10400}lpha"]);
  });
});
