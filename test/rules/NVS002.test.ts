// NVS002 nondeterministic-cudnn is lint-only: the fixtures' outputs equal their inputs, so the
// exact diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVS002/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVS002"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

function notebook(cell: string): string {
  const body = cell.split("\n").map((l) => (l ? `    ${l}` : l)).join("\n");
  return `import marimo\n\napp = marimo.App()\n\n\n@app.cell\ndef _():\n${body}\n    return\n\n\nif __name__ == "__main__":\n    app.run()\n`;
}

describe("NVS002 nondeterministic-cudnn", () => {
  it("reports the first seed of a GPU notebook that never makes cuDNN deterministic", () => {
    expect(diagnostics("cpu-seeded-without-deterministic")).toEqual(["NVS002:23"]);
  });

  it("understands aliases (`import torch as t`, `from torch import manual_seed`, `from torch.backends import cudnn`) and reports `benchmark = True`", () => {
    expect(diagnostics("aliases-and-benchmark-enabled")).toEqual(["NVS002:15", "NVS002:16"]);
  });

  it("reports `transformers.set_seed` without determinism and `cudnn.deterministic = False` (async cell, tabs)", () => {
    expect(diagnostics("transformers-seed-only")).toEqual(["NVS002:18", "NVS002:28"]);
  });

  it("accepts the guide's set_seed, Lightning's deterministic Trainer, generator seeds and CPU-only notebooks", () => {
    expect(diagnostics("cpu-guide-set-seed-no-change")).toEqual([]);
    expect(diagnostics("lightning-and-transformers-seeders")).toEqual([]);
    expect(diagnostics("cpu-only-notebook-no-change")).toEqual([]);
  });

  it("accepts torch.use_deterministic_algorithms(True) and ignores strings and comments", () => {
    const deterministic = notebook('import torch\ntorch.manual_seed(0)\ntorch.use_deterministic_algorithms(True)\nx = torch.ones(1, device="cuda")');
    expect(lintSource(deterministic, { select: ["NVS002"] }).diagnostics).toEqual([]);
    const mentions = notebook('import torch\n# torch.manual_seed(0)\nnote = "torch.manual_seed(0)"\nx = torch.ones(1, device="cuda")');
    expect(lintSource(mentions, { select: ["NVS002"] }).diagnostics).toEqual([]);
  });

  it("is a warning without a fix, naming the remedy", () => {
    const [first] = lintSource(readFileSync("testfixtures/NVS002/cpu-seeded-without-deterministic.input.py", "utf8"), { select: ["NVS002"] }).diagnostics;
    expect(first?.severity).toBe("warning");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("torch.backends.cudnn.deterministic = True");
  });
});
