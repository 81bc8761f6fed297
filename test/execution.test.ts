// The fixes keep notebooks runnable: every testfixtures/<RULE>/cpu-*.input.py runs with
// `python notebook.py` (exit 0) before the fix, in its expected output, and after all rules'
// fixes with --unsafe-fixes. PyTorch's CPU build and numpy are in .venv (installed by .ci/run).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../src/index.js";
import { FIXTURE_ROOT } from "./helpers/fixtures.js";
import { PYTHON } from "./helpers/python.js";
import { tempDir } from "./helpers/cli.js";

interface Run {
  readonly code: number;
  readonly stderr: string;
}

function runPython(file: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [file], { env: { ...process.env, CUDA_VISIBLE_DEVICES: "" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code: code ?? -1, stderr: stderr.slice(-2000) }));
  });
}

/** Runs at most `limit` Python processes at once (2 cores). */
async function runAll(files: readonly string[], limit = 2): Promise<Map<string, Run>> {
  const results = new Map<string, Run>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      results.set(file, await runPython(file));
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const cases = readdirSync(FIXTURE_ROOT)
  .filter((dir) => /^NV[A-Z]\d{3}$/.test(dir))
  .flatMap((rule) =>
    readdirSync(join(FIXTURE_ROOT, rule))
      .filter((f) => f.startsWith("cpu-") && f.endsWith(".input.py"))
      .map((f) => ({ rule, name: f.slice(0, -".input.py".length), input: join(FIXTURE_ROOT, rule, f), output: join(FIXTURE_ROOT, rule, f.replace(".input.py", ".output.py")) })),
  )
  .sort((a, b) => (a.input < b.input ? -1 : 1));

/**
 * Unsafe fixes change behaviour on purpose. Where a notebook relies on a practice another rule
 * reports, the combined fixes may stop it from running; each exception names that rule, and the
 * test checks the rule does report the input.
 */
const KNOWN_BEHAVIOUR_CHANGES: Record<string, { code: string; why: string }> = {
  "testfixtures/NVS004/cpu-append-and-item-assignment.input.py": {
    code: "NVS004",
    why: "NVR003 gates the training cell, so its cross-cell mutation of `metrics` no longer happens before the display cell reads it",
  },
};

const scratch = tempDir("nvmarimo-exec-");
const allRulesOutput = (input: string) => join(scratch, input.replace(/[/\\]/g, "__").replace(".input.py", ".all-rules.py"));
let runs = new Map<string, Run>();

beforeAll(async () => {
  const files: string[] = [];
  for (const c of cases) {
    const fixed = fixSource(readFileSync(c.input, "utf8"), { unsafeFixes: true });
    writeFileSync(allRulesOutput(c.input), fixed.output);
    files.push(c.input, c.output, allRulesOutput(c.input));
  }
  runs = await runAll(files);
}, 900_000);

it("has at least six notebooks that run on a CPU", () => {
  expect(cases.length).toBeGreaterThanOrEqual(6);
});

describe.each(cases)("$rule/$name", (c) => {
  it("runs before the fix", () => {
    const run = runs.get(c.input)!;
    expect(run.code, run.stderr).toBe(0);
  });
  it("runs after the rule's fix (the expected output)", () => {
    const run = runs.get(c.output)!;
    expect(run.code, run.stderr).toBe(0);
  });
  it("runs after every rule's fixes with --unsafe-fixes", () => {
    const known = KNOWN_BEHAVIOUR_CHANGES[c.input.split("\\").join("/")];
    if (known) {
      // The notebook relies on what `known.code` reports: that rule must say so.
      expect(lintSource(readFileSync(c.input, "utf8")).diagnostics.map((d) => d.code), known.why).toContain(known.code);
      return;
    }
    const run = runs.get(allRulesOutput(c.input))!;
    expect(run.code, run.stderr).toBe(0);
  });
});
