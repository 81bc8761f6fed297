// Checks or fixes one file and returns a plain, serialisable outcome, so the same function runs
// in the main thread or in a worker.
import v8 from "node:v8";
import vm from "node:vm";
import { fixSourceAsync, lintSource, NotebookSourceError, readNotebookFileSync, writeNotebookFile, type FixSourceOptions } from "../api.js";
import type { AppliedFix } from "../engine/fixer.js";
import type { InternalError } from "../engine/lint.js";
import type { Diagnostic, FixSafety } from "../engine/types.js";
import { parsedSourceLength } from "../notebook/python.js";
import { cachedOutcome, isCacheable, keepOutcome, type CacheSettings } from "./cache.js";
import { releaseKept } from "../notebook/shapes.js";

export interface ProcessOptions {
  /**
   * The codes of the rules to run, already resolved from the configuration, the command line
   * and `per-file-ignores` (main.ts); `[]` runs none. Every rule when absent.
   */
  readonly select?: string[];
  readonly unsafeFixes: boolean;
  /** Compute fixes but write nothing. */
  readonly dryRun: boolean;
  /** Report only; do not compute fixes. */
  readonly check?: boolean;
  readonly ruleOptions?: Record<string, Record<string, unknown>>;
  /** The results cache (`--no-cache` leaves it out). */
  readonly cache?: CacheSettings;
}

export interface ReportedDiagnostic {
  readonly code: string;
  readonly name: string;
  readonly severity: Diagnostic["severity"];
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly cell: number | undefined;
  /** Safety of the fix this diagnostic offers ("none" when it has none). */
  readonly fixSafety: FixSafety;
  readonly fixDescription: string | undefined;
}

export type FileStatus = "unchanged" | "changed" | "skipped" | "failed";

export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  /** Diagnostics left after fixing (or all of them with `check`). */
  readonly diagnostics: ReportedDiagnostic[];
  readonly applied: AppliedFix[];
  readonly diff: string;
  /** One-line reason for skipped and failed files. */
  readonly message?: string;
  /** Line of a syntax error. */
  readonly line?: number;
  readonly internalErrors: InternalError[];
  /** The fixed text (stdin mode). */
  readonly output?: string;
}

function report(d: Diagnostic): ReportedDiagnostic {
  return {
    code: d.code,
    name: d.name,
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    cell: d.cell,
    fixSafety: d.fix ? d.fixSafety : "none",
    fixDescription: d.fix?.description,
  };
}

export async function processSource(path: string, source: string, options: ProcessOptions): Promise<FileOutcome> {
  const fixOptions: FixSourceOptions = {
    path,
    unsafeFixes: options.unsafeFixes,
    ...(options.select ? { select: options.select } : {}),
    ...(options.ruleOptions ? { ruleOptions: options.ruleOptions } : {}),
  };
  try {
    if (options.check) {
      const lint = lintSource(source, fixOptions);
      return { path, status: "unchanged", diagnostics: lint.diagnostics.map(report), applied: [], diff: "", internalErrors: lint.internalErrors, output: source };
    }
    const result = await fixSourceAsync(source, fixOptions, betweenFixPasses);
    return {
      path,
      status: result.output === source ? "unchanged" : "changed",
      diagnostics: result.diagnostics.map(report),
      applied: result.applied,
      // The diff is shown only for a dry run: not worth sending from a worker otherwise.
      diff: options.dryRun ? result.diff : "",
      internalErrors: result.internalErrors,
      output: result.output,
    };
  } catch (error) {
    return failure(path, error);
  }
}

function failure(path: string, error: unknown): FileOutcome {
  if (error instanceof NotebookSourceError) {
    const status: FileStatus = error.kind === "not-marimo" ? "skipped" : "failed";
    const message = error.kind === "syntax-error" ? "syntax error" : error.message;
    return { path, status, diagnostics: [], applied: [], diff: "", message, ...(error.line ? { line: error.line } : {}), internalErrors: [] };
  }
  const message = (error as Error)?.message?.split("\n")[0] ?? String(error);
  return { path, status: "failed", diagnostics: [], applied: [], diff: "", message: `internal error: ${message}`, internalErrors: [] };
}

let collectGarbage: (() => void) | null | undefined;
let parsedAtCollection = 0;
/**
 * Source parsed (in this thread) between two collections: about 7 MB of trees, a dozen
 * notebooks to lint or a pass or two of a fix. A full collection costs milliseconds, so not
 * after every file. Two workers linting 600 notebooks peaked at 231-240 MB with this, 267-271 MB
 * with twice as much, 214-222 MB with half as much (but 25% slower).
 */
const COLLECT_EVERY_CHARS = 128 * 1024;
/**
 * Between the passes of a fix, sooner: each pass parses a large notebook two or three times,
 * and two workers fixing 3,000-line notebooks otherwise hold some 300 MB between them.
 */
const FIX_COLLECT_EVERY_CHARS = 64 * 1024;

/**
 * Syntax trees live in native memory that V8 does not see, so its garbage collector runs too
 * rarely to free them on a long run: collect after every so much parsed source. The trees are
 * then freed by finalizers on a later turn of the event loop: the caller awaits one when this
 * returns true.
 */
function releaseSyntaxTrees(every: number): boolean {
  const parsed = parsedSourceLength();
  if (parsed - parsedAtCollection < every) return false;
  parsedAtCollection = parsed;
  if (collectGarbage === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      collectGarbage = vm.runInNewContext("gc") as () => void;
    } catch {
      collectGarbage = null;
    }
  }
  collectGarbage?.();
  // The latest notebook objects and closures were kept through this collection so that V8
  // kept their maps and optimized code; older ones may go at the next.
  releaseKept();
  return true;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A large file's fix passes parse it many times: release the trees of earlier passes. */
async function betweenFixPasses(): Promise<void> {
  releaseSyntaxTrees(FIX_COLLECT_EVERY_CHARS);
  await nextTurn();
}

export async function processFile(path: string, options: ProcessOptions): Promise<FileOutcome> {
  if (releaseSyntaxTrees(COLLECT_EVERY_CHARS)) await nextTurn();
  let read;
  try {
    read = readNotebookFileSync(path);
  } catch (error) {
    return failure(path, error);
  }
  const cache = options.cache;
  const cached = cache ? cachedOutcome(cache, path, read.source, read.bom, options) : undefined;
  if (cached?.outcome) return cached.outcome;
  const outcome = await processSource(path, read.source, options);
  if (cache && cached && isCacheable(outcome)) keepOutcome(cache, cached.key, outcome);
  const { output, ...rest } = outcome;
  if (outcome.status === "changed" && !options.dryRun && output !== undefined) {
    try {
      await writeNotebookFile(path, output, read.bom);
    } catch (error) {
      return failure(path, error);
    }
  }
  return rest;
}
