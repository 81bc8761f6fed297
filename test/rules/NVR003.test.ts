// NVR003 expensive-cell-without-stop: cells below a gate. The fixtures pin the fixed outputs;
// here, what a lint (check mode, no fix applied) reports, and that it agrees with the fix loop.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../../src/index.js";

const DIR = "testfixtures/NVR003";

function read(file: string): string {
  return readFileSync(`${DIR}/${file}`, "utf8");
}

function diagnostics(source: string): string[] {
  return lintSource(source, { select: ["NVR003"] }).diagnostics.map((d) => `${d.line}${d.fix ? " fix" : ""}`);
}

describe("NVR003 and the author's own click logic", () => {
  const source = read("author-click-logic-across-cells-no-change.input.py");

  it("a loop over settings named epochs is not training; a cell gated by a click variable of another cell, with results set before its if, is left alone", () => {
    expect(diagnostics(source)).toEqual([]);
  });

  it("the click variable of another cell alone is enough (the settings loop no longer gates the cells below)", () => {
    const withoutSettingsLoop = source.replace(/    for _name, _target in [^\n]*\n(?:        [^\n]*\n)+/, "");
    expect(withoutSettingsLoop).not.toContain("for _name");
    expect(diagnostics(withoutSettingsLoop)).toEqual([]);
  });

  it("an if on the button itself is left alone when what the cells below read is set before it; else it becomes a mo.stop", () => {
    const direct = source.replace("if train_clicked:", "if train_button.value:").replace("def _(settings, torch, train_clicked):", "def _(settings, torch, train_button):");
    expect(diagnostics(direct)).toEqual([]);
    const notSetBefore = direct.replace("    results = None\n", "");
    expect(diagnostics(notSetBefore)).toEqual(["43 fix"]);
  });
});

describe("NVR003 cells below a gate", () => {
  it.each([
    // Below a gate this run adds: only the model cell.
    ["downstream-of-gate-added-in-same-pass", ["38 fix"]],
    // The sampling cell sits above the training cell in the file, below it in the dataflow.
    ["downstream-above-its-gate-in-file", ["78 fix"]],
    // The training cell is below the data download; the ResNet download depends on nothing.
    ["independent-expensive-cell-still-gated", ["19 fix", "46 fix"]],
    // Training, a fit and generation below the data download: its message names them.
    ["gate-message-names-work-below", ["19 fix"]],
    // Below an `if button.value:` that becomes `mo.stop`.
    ["downstream-of-if-gate-converted-in-same-pass", ["53 fix"]],
    // The model cell's diagnostic is suppressed, so it gets no gate: the cell below needs one.
    ["downstream-of-suppressed-cell-still-gated", ["44 fix"]],
    // Below gates the notebook has: only a top-level stop on a button or form counts.
    ["downstream-of-existing-form-gate-no-change", []],
    ["ancestor-gated-no-change", []],
    ["downstream-of-conditional-gate-still-gated", ["63 fix"]],
    ["downstream-of-text-input-stop-still-gated", ["35 fix"]],
  ])("%s", (name, expected) => {
    expect(diagnostics(read(`${name}.input.py`))).toEqual(expected);
  });

  it("a lint of every fixed output reports only what the input reported as not fixable", () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith(".input.py"))) {
      // Those say why in parentheses; a fix waiting for the next pass (one `import marimo as mo`
      // per pass) has no fix yet and no reason.
      const unfixable = lintSource(read(file), { select: ["NVR003"] }).diagnostics.filter((d) => !d.fix && d.message.endsWith(")"));
      const remaining = lintSource(read(file.replace(".input.py", ".output.py")), { select: ["NVR003"] }).diagnostics;
      expect({ file, remaining: remaining.map((d) => d.message) }).toEqual({ file, remaining: unfixable.map((d) => d.message) });
    }
  });

  it("recognises the gates it writes, whatever the order of the cells", () => {
    // The loader gets its button; the generation cell, above it in the file, does not.
    const source = [
      "import marimo",
      "",
      "app = marimo.App()",
      "",
      "with app.setup:",
      "    import marimo as mo",
      "    from transformers import AutoModelForCausalLM, AutoTokenizer",
      "",
      "",
      "@app.cell",
      "def _(lm, tokenizer):",
      '    replies = [tokenizer.decode(lm.generate(**tokenizer(_p, return_tensors="pt"))[0]) for _p in ["Hi", "Bye"]]',
      "    return",
      "",
      "",
      "@app.cell",
      "def _():",
      '    tokenizer = AutoTokenizer.from_pretrained("gpt2")',
      '    lm = AutoModelForCausalLM.from_pretrained("gpt2")',
      "    return lm, tokenizer",
      "",
      "",
      'if __name__ == "__main__":',
      "    app.run()",
      "",
    ].join("\n");
    expect(diagnostics(source)).toEqual(["18 fix"]);
    const once = fixSource(source, { select: ["NVR003"], unsafeFixes: true }).output;
    expect(once.match(/run_button\(/g)).toHaveLength(1);
    expect(diagnostics(once)).toEqual([]);
  });

  it("without a marimo import, a cell below one whose fix waits for the next pass is not reported either", () => {
    // The first fix adds `import marimo as mo`; the loader's fix waits for the next pass, and
    // the generation below the loader is reported in neither pass.
    const source = [
      "import marimo",
      "",
      "app = marimo.App()",
      "",
      "",
      "@app.cell",
      "def _():",
      "    import subprocess",
      "",
      '    subprocess.run("pip install --quiet accelerate", shell=True, check=True)',
      "    return",
      "",
      "",
      "@app.cell",
      "def _():",
      "    from transformers import AutoModelForCausalLM, AutoTokenizer",
      "",
      '    tokenizer = AutoTokenizer.from_pretrained("gpt2")',
      '    lm = AutoModelForCausalLM.from_pretrained("gpt2")',
      "    return lm, tokenizer",
      "",
      "",
      "@app.cell",
      "def _(lm, tokenizer):",
      "    for _p in [\"Hi\", \"Bye\"]:",
      '        print(tokenizer.decode(lm.generate(**tokenizer(_p, return_tensors="pt"))[0]))',
      "    return",
      "",
      "",
      'if __name__ == "__main__":',
      "    app.run()",
      "",
    ].join("\n");
    expect(diagnostics(source)).toEqual(["10 fix", "18"]);
    const result = fixSource(source, { select: ["NVR003"], unsafeFixes: true });
    expect(result.applied.map((a) => a.code)).toEqual(["NVR003", "NVR003"]);
    expect(result.output.match(/run_button\(/g)).toHaveLength(2);
    expect(diagnostics(result.output)).toEqual([]);
  });

  it("buttons added over two passes (one `import marimo as mo` per pass) get labels as distinct as in one pass", () => {
    // The first pass writes the tokenizer's button and leaves the model's to the next pass; both
    // say what they download, though only the second pass sees the two.
    const source = [
      "import marimo",
      "",
      "app = marimo.App()",
      "",
      "",
      "@app.cell",
      "def _():",
      "    from transformers import AutoModelForCausalLM, AutoTokenizer",
      "    return AutoModelForCausalLM, AutoTokenizer",
      "",
      "",
      "@app.cell",
      "def _(AutoTokenizer):",
      '    tokenizer = AutoTokenizer.from_pretrained("gpt2")',
      "    return (tokenizer,)",
      "",
      "",
      "@app.cell",
      "def _(AutoModelForCausalLM):",
      '    lm = AutoModelForCausalLM.from_pretrained("gpt2")',
      "    return (lm,)",
      "",
      "",
      'if __name__ == "__main__":',
      "    app.run()",
      "",
    ].join("\n");
    expect(diagnostics(source)).toEqual(["14 fix", "20"]);
    const output = fixSource(source, { select: ["NVR003"], unsafeFixes: true }).output;
    expect(output.match(/label="[^"]*"/g)).toEqual(['label="📥 Download model: tokenizer"', 'label="📥 Download model: lm"']);
    expect(fixSource(output, { select: ["NVR003"], unsafeFixes: true }).output).toBe(output);
  });
});
