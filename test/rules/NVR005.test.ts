// NVR005 run-button-unused is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVR005/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVR005"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

function notebook(...cells: string[]): string {
  const body = cells.map((cell) => `@app.cell\ndef _():\n${cell.split("\n").map((l) => (l ? `    ${l}` : l)).join("\n")}\n    return\n`).join("\n\n");
  return `import marimo\n\napp = marimo.App()\n\nwith app.setup:\n    import marimo as mo\n\n\n${body}\n\nif __name__ == "__main__":\n    app.run()\n`;
}

describe("NVR005 run-button-unused", () => {
  it("reports a button no cell reads, and one bound to a private name", () => {
    expect(diagnostics("cpu-button-never-read")).toEqual(["NVR005:20", "NVR005:38"]);
  });

  it("reports a button only displayed elsewhere (`from marimo import ui`, setup cell) and one read only in its own cell", () => {
    expect(diagnostics("crlf-tabs-legacy-setup-ui-import")).toEqual(["NVR005:13", "NVR005:27"]);
  });

  it("skips buttons inside containers and factories, counts keyword hand-overs as reads, and reports display-only uses", () => {
    expect(diagnostics("containers-factories-and-keyword-use")).toEqual(["NVR005:22", "NVR005:23"]);
  });

  it("accepts buttons that gate a cell with mo.stop or are handed to a helper", () => {
    expect(diagnostics("cpu-buttons-gate-cells-no-diagnostic")).toEqual([]);
  });

  it("ignores strings and comments that mention `.value`", () => {
    const source = notebook('go = mo.ui.run_button(label="Go")\ngo', '# go.value\nnote = "mo.stop(not go.value)"');
    expect(lintSource(source, { select: ["NVR005"] }).diagnostics.map((d) => d.line)).toEqual([11]);
  });

  it("is a warning without a fix that names the gate to write", () => {
    const [first] = lintSource(readFileSync("testfixtures/NVR005/cpu-button-never-read.input.py", "utf8"), { select: ["NVR005"] }).diagnostics;
    expect(first?.severity).toBe("warning");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("mo.stop(not train_button.value, ...)");
  });
});
