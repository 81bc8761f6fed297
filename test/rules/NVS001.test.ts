// NVS001 unseeded-randomness: draws that make a new seed on purpose are not unseeded randomness.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

/** `NVS001:<line>`, with `!` when the diagnostic has no fix. */
function diagnostics(source: string): string[] {
  return lintSource(source, { select: ["NVS001"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : "!"}`);
}

function fixture(name: string): string {
  return readFileSync(`testfixtures/NVS001/${name}.input.py`, "utf8");
}

function lineOf(source: string, text: string): number {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`not in the source: ${text}`);
  return source.slice(0, at).split("\n").length;
}

/** A notebook that imports `random`, NumPy and PyTorch, then the given cells (bodies, 4-space indented). */
function notebook(...cells: string[]): string {
  const body = cells.map((c) => `@app.cell\ndef _(np, random, torch):\n${c.replace(/^/gm, "    ")}\n    return\n`).join("\n\n");
  return (
    `import marimo\n\n__generated_with = "0.25.2"\napp = marimo.App()\n\n\n` +
    `@app.cell\ndef _():\n    import numpy as np\n    import random\n    import torch\n\n    return np, random, torch\n\n\n` +
    `${body}\n\nif __name__ == "__main__":\n    app.run()\n`
  );
}

describe("NVS001 unseeded-randomness: seeds drawn on purpose", () => {
  it("does not report a seed drawn for a generator, a global seeder or a default_rng, in a function or a cell", () => {
    // Only the ordinary `torch.randn` cell at the end is reported (and fixed).
    const source = fixture("seed-drawn-on-purpose");
    expect(diagnostics(source)).toEqual([`NVS001:${lineOf(source, "latents = torch.randn")}`]);
  });

  it("reports cells that draw a seed on purpose besides other draws without a fix, and ordinary draws with one", () => {
    const source = fixture("seed-draw-beside-unseeded-draw");
    expect(diagnostics(source)).toEqual([
      `NVS001:${lineOf(source, "walk = dream(4)")}!`,
      `NVS001:${lineOf(source, "dropout_mask = torch.rand")}!`,
      `NVS001:${lineOf(source, "lucky_number = random.randint")}`,
    ]);
    const messages = lintSource(source, { select: ["NVS001"] }).diagnostics.map((d) => d.message);
    expect(messages[1]).toContain("The cell also draws a new seed on purpose (`random.randint()`)");
  });

  it("follows the drawn value through int(), .item(), arithmetic, conditionals and walrus", () => {
    expect(diagnostics(notebook("_s = int(np.random.randint(0, 2**31 - 1)) % 1000\ntorch.manual_seed(_s)"))).toEqual([]);
    expect(diagnostics(notebook("_s = torch.randint(0, 2**31 - 1, (1,)).item()\nnp.random.seed(_s)"))).toEqual([]);
    expect(diagnostics(notebook("_g = torch.Generator().manual_seed(_s := random.getrandbits(32))"))).toEqual([]);
    expect(diagnostics(notebook("_rng = np.random.default_rng(seed=random.randint(0, 100))"))).toEqual([]);
    expect(diagnostics(notebook("_rng = random.Random(random.randint(0, 100))"))).toEqual([]);
  });

  it("still reports a draw whose value is no seed", () => {
    // Named like a seed but only shown; passed to a seeding call before it is drawn; passed to
    // another call; a list is no seed.
    for (const [cell, draw] of [
      ["_seed = random.randint(0, 100)\n_seed", "_seed = random"],
      ["_s = 0\ntorch.manual_seed(_s)\n_s = random.randint(0, 100)", "_s = random"],
      ["_n = random.randint(0, 100)\nprint(_n)", "_n = random"],
      ["_x = [random.random()]\ntorch.manual_seed(_x)", "_x = [random"],
    ] as const) {
      const source = notebook(cell);
      expect(diagnostics(source)).toEqual([`NVS001:${lineOf(source, draw)}`]);
    }
  });

  it("follows a cell's global seed into other cells, not a private one", () => {
    const global = notebook("noise_seed = random.randint(0, 10_000)", "torch.manual_seed(noise_seed)\n_noise = torch.randn(3)");
    expect(diagnostics(global.replace("def _(np, random, torch):\n    torch.manual_seed", "def _(noise_seed, np, random, torch):\n    torch.manual_seed"))).toEqual([]);
    const local = notebook("_seed = random.randint(0, 10_000)", "torch.manual_seed(_seed)");
    expect(diagnostics(local)).toEqual([`NVS001:${lineOf(local, "_seed = random")}`]);
  });

  it("takes a notebook function's seed from its first argument only when it has one parameter, else from seed=", () => {
    const sampler = "def sample(n, model, seed=None):\n    if seed is not None:\n        torch.manual_seed(seed)\n    return model(torch.randn(n))";
    // `sample(4, _m)` passes a model, not a seed (a real notebook: a model built at random, then sampled from).
    const model = notebook(sampler, "_m = random.choice([abs, round])\nsample(4, _m)");
    expect(diagnostics(model)).toEqual([`NVS001:${lineOf(model, "_m = random")}`]);
    expect(diagnostics(notebook(sampler, "_s = random.randint(0, 99)\nsample(4, abs, seed=_s)"))).toEqual([]);
    expect(diagnostics(notebook("def reseed(s):\n    torch.manual_seed(s)", "_s = random.randint(0, 99)\nreseed(_s)"))).toEqual([]);
  });

  it("does not reuse a function that draws a new seed as the seeding function", () => {
    const source = notebook(
      "def reseed(randomize):\n    torch.manual_seed(random.randint(0, 100) if randomize else 0)",
      "_w = torch.randn(3)",
    );
    const result = lintSource(source, { select: ["NVS001"] });
    expect(result.diagnostics.map((d) => d.line)).toEqual([lineOf(source, "_w = torch.randn")]);
    expect(result.diagnostics[0]!.message).toContain("set_seed(seed)");
  });
});
