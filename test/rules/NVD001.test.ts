// NVD001: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { notebook } from "../helpers/notebooks.js";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../../src/index.js";

const CODE = "NVD001";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "cpu-numpy-report": ["NVD001:1:1 fix"],
  "cpu-torch-setup-and-functions": ["NVD001:3:1 fix"],
  "crlf-line-endings": ["NVD001:1:1 fix"],
  "gpu-training-with-controls": ["NVD001:1:1 fix"],
  "has-docstring-no-change": [],
  "legacy-cells-no-heading": ["NVD001:1:1 fix"],
  "pep723-header-kept": ["NVD001:12:1 fix"],
};

describe(CODE, () => {
  it.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    expect(diagnostics(name)).toEqual(expected);
  });

  it("lists every fixture", () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith(".input.py")).map((f) => f.slice(0, -".input.py".length)).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(names);
  });

  it("stays silent on the guide-compliant notebooks", () => {
    for (const file of readdirSync("testfixtures/guide-compliant").filter((f) => f.endsWith(".py"))) {
      expect(lintSource(readFileSync(`testfixtures/guide-compliant/${file}`, "utf8"), { select: [CODE] }).diagnostics).toEqual([]);
    }
  });

  it("starts with the file name and underlines the title when the path is known", () => {
    const result = fixSource(read("gpu-training-with-controls"), { select: [CODE], unsafeFixes: true, path: "notebooks/mnist_train.py" });
    expect(result.output.startsWith('"""mnist_train.py\n\nMNIST Classifier Training on the GPU\n====================================\n\n')).toBe(true);
  });

  it("takes the title from the file name when no markdown heading exists", () => {
    const result = fixSource(read("legacy-cells-no-heading"), { select: [CODE], unsafeFixes: true, path: "tf_batch-size_demo.py" });
    expect(result.output.startsWith('"""tf_batch-size_demo.py\n\nTf batch size demo\n==================\n')).toBe(true);
  });

  it("keeps the shebang, comments and PEP 723 block above the docstring", () => {
    const output = fixSource(read("pep723-header-kept"), { select: [CODE], unsafeFixes: true }).output;
    expect(output.indexOf("# ///\n\n\"\"\"")).toBeGreaterThan(0);
    expect(output.startsWith("#!/usr/bin/env python\n")).toBe(true);
    expect(output).toContain('"""\n\nimport marimo\n');
  });

  it("lists the notebook's controls as features and its libraries as requirements", () => {
    const output = fixSource(read("gpu-training-with-controls"), { select: [CODE], unsafeFixes: true }).output;
    expect(output).toContain("- Interactive controls: Epochs (slider), Learning rate (number input), Train (run button)");
    expect(output).toContain("- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+");
    expect(output).toContain("- NumPy, PyTorch");
  });

  it("leaves GPU lines out of CPU notebooks", () => {
    const output = fixSource(read("cpu-numpy-report"), { select: [CODE], unsafeFixes: true }).output;
    expect(output).not.toContain("VRAM");
    expect(output).not.toContain("CUDA");
  });

  it("produces a docstring that incomplete-module-docstring only asks to fill in", () => {
    const output = fixSource(read("gpu-training-with-controls"), { select: [CODE], unsafeFixes: true }).output;
    const remaining = lintSource(output, { select: ["NVD002"] }).diagnostics;
    expect(remaining.map((d) => [d.code, d.fix === undefined])).toEqual([["NVD002", true]]);
    expect(remaining[0]!.message).toContain("placeholders");
  });
});

describe("NVD001 requirements", () => {
  it("writes GPU lines only for code that uses CUDA or a GPU-only library, and lists installable libraries, not local modules", () => {
    const cpu = notebook(["import torch\nimport numpy as np\nfrom tokenizer import encode\nx = torch.zeros(3)"]);
    const requirements = (source: string) => /Requirements:\n((?:- .*\n)+)/.exec(fixSource(source, { select: ["NVD001"], unsafeFixes: true }).output)?.[1] ?? "";
    expect(requirements(cpu)).not.toMatch(/VRAM|CUDA/);
    expect(requirements(cpu)).toContain("- PyTorch, NumPy\n");
    expect(requirements(cpu)).not.toContain("tokenizer");
    // In a string only, CUDA is prose; in the code, it is a requirement.
    expect(requirements(cpu.replace("x = torch.zeros(3)", 'x = torch.zeros(3)\n    note = "runs faster with CUDA"'))).not.toMatch(/VRAM/);
    expect(requirements(cpu.replace("x = torch.zeros(3)", "x = torch.zeros(3, device='cuda' if torch.cuda.is_available() else 'cpu')"))).toMatch(/VRAM/);
  });
});
