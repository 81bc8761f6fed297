// Runs CPython's parser and real marimo over many files in one process (scripts/pycheck.py).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export interface PythonVerdict {
  /** CPython `ast.parse` error, or null. */
  readonly parse_error: string | null;
  /** marimo check's breaking issues (`MB00x message`). */
  readonly mb_issues: string[];
  /** What `marimo check --fix` writes for a copy of the file. */
  readonly fixed: string;
  /**
   * Names some cell reads that no cell, the setup cell, an `@app.function` or a builtin defines
   * (marimo's own analysis): a NameError at run time. Null when marimo could not load the file.
   */
  readonly undefined: string[] | null;
}

export const PYTHON = resolve(process.env.NVMARIMO_PYTHON ?? ".venv/bin/python");

export function checkWithPython(files: readonly string[]): Record<string, PythonVerdict> {
  if (!existsSync(PYTHON)) {
    throw new Error(`${PYTHON} is missing: run .ci/run (or create .venv with marimo) before the tests`);
  }
  const out = execFileSync(PYTHON, [resolve("scripts/pycheck.py")], {
    input: JSON.stringify({ files: files.map((f) => resolve(f)) }),
    maxBuffer: 512 * 1024 * 1024,
    encoding: "utf8",
  });
  const raw = JSON.parse(out) as Record<string, PythonVerdict>;
  const byGiven: Record<string, PythonVerdict> = {};
  for (const f of files) byGiven[f] = raw[resolve(f)]!;
  return byGiven;
}

/**
 * The entries of `after` that `before` lacks (breaking issues or undefined names a fix added);
 * undefined when `after` is missing, which no expectation of `[]` accepts.
 */
export function addedEntries(before: readonly string[] | null | undefined, after: readonly string[] | null | undefined): string[] | undefined {
  const had = new Set(before ?? []);
  return after?.filter((entry) => !had.has(entry));
}
