// Every rule's fixes at once over every fixture input and every example, with the safe fixes only
// (the default) and with unsafe ones too: the per-rule fixture test cannot see two rules' fixes
// meeting in one cell. For each notebook and setting that
// changes: no internal error, CPython parses the output, `marimo check` finds no breaking (MB)
// issue the input did not have, no cell reads a name nothing defines (marimo's analysis) unless
// the input did too, the touched cells are in marimo's exact form, and a second run changes
// nothing.
//
// NVMARIMO_CORPUS=DIR runs the same checks over the notebooks in DIR instead (real notebooks
// from other repositories, say): `NVMARIMO_CORPUS=~/nbs npx vitest run test/all-rules.test.ts`.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixSource, type FixSourceResult } from "../src/index.js";
import { parseNotebook } from "../src/notebook/model.js";
import { tempDir } from "./helpers/cli.js";
import { FIXTURE_ROOT, fixturePairs } from "./helpers/fixtures.js";
import { cellsNotInMarimoForm } from "./helpers/marimo-form.js";
import { addedEntries, checkWithPython, type PythonVerdict } from "./helpers/python.js";

const corpus = process.env.NVMARIMO_CORPUS;

function notebookFiles(): string[] {
  if (corpus) {
    return readdirSync(corpus)
      .filter((f) => f.endsWith(".py"))
      .sort()
      .map((f) => join(corpus, f))
      .filter((f) => parseNotebook(readFileSync(f, "utf8")).ok);
  }
  const examples = readdirSync("examples").filter((f) => f.endsWith(".py")).sort().map((f) => join("examples", f));
  return [...fixturePairs().map((p) => p.input), ...examples];
}

interface Case {
  readonly name: string;
  readonly unsafeFixes: boolean;
  readonly input: string;
  readonly result: FixSourceResult;
  /** Where the input and the output were copied for marimo. */
  readonly inputCopy: string;
  readonly outputCopy: string;
}

const scratch = tempDir("nvmarimo-all-rules-");
const cases: Case[] = notebookFiles().flatMap((file, i) => {
  const input = readFileSync(file, "utf8");
  const name = corpus ? basename(file) : file.replace(`${FIXTURE_ROOT}/`, "");
  return [false, true].map((unsafeFixes) => {
    const stem = `${i}_${basename(file, ".py")}`;
    const result = fixSource(input, { unsafeFixes });
    const outputCopy = join(scratch, `${stem}.${unsafeFixes ? "unsafe" : "safe"}.output.py`);
    return { name: `${name} (${unsafeFixes ? "unsafe fixes" : "safe fixes"})`, unsafeFixes, input, result, inputCopy: join(scratch, `${stem}.input.py`), outputCopy };
  });
});
const changed = cases.filter((c) => c.result.output !== c.input);

let verdicts: Record<string, PythonVerdict> = {};
beforeAll(() => {
  for (const c of changed) {
    writeFileSync(c.inputCopy, c.input);
    writeFileSync(c.outputCopy, c.result.output);
  }
  verdicts = checkWithPython([...new Set(changed.flatMap((c) => [c.inputCopy, c.outputCopy]))]);
}, 900_000);

it("has notebooks that all rules change", () => {
  expect(changed.length).toBeGreaterThan(corpus ? 0 : 250);
});

describe.each(cases)("$name", (c) => {
  it("fixes without internal errors", () => {
    expect(c.result.internalErrors).toEqual([]);
  });

  it("a second run changes nothing", () => {
    expect(fixSource(c.result.output, { unsafeFixes: c.unsafeFixes }).output).toBe(c.result.output);
  });
});

/**
 * Whether the checking Python parses the input. Every fixture and example does (the suite's
 * venv); a corpus notebook may need a newer Python than NVMARIMO_PYTHON (PEP 701 f-strings
 * need 3.12), and then marimo, running on that Python, cannot load its cells either.
 */
const inputParses = (c: Case) => verdicts[c.inputCopy]?.parse_error === null;

describe.each(changed)("$name, as changed", (c) => {
  it("the output parses with CPython whenever the input does, and marimo finds no new breaking issue", () => {
    if (inputParses(c)) expect(verdicts[c.outputCopy]?.parse_error).toBeNull();
    else expect(corpus, `${c.name}: the suite's own notebooks must parse with ${basename(process.env.NVMARIMO_PYTHON ?? "the venv's python")}`).toBeDefined();
    expect(addedEntries(verdicts[c.inputCopy]?.mb_issues, verdicts[c.outputCopy]?.mb_issues ?? [])).toEqual([]);
  });

  it("every name a cell reads is still defined somewhere (when the checking Python parses the input)", () => {
    if (inputParses(c)) expect(addedEntries(verdicts[c.inputCopy]?.undefined, verdicts[c.outputCopy]?.undefined)).toEqual([]);
  });

  it("touched cells are in marimo's exact form (when the checking Python parses the input)", () => {
    if (inputParses(c)) expect(cellsNotInMarimoForm(c.input, c.result.output, verdicts[c.outputCopy]!.fixed)).toEqual([]);
  });
});
