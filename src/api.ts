// The programmatic API: lint or fix a notebook's source, or a file on disk.
import { constants as fsConstants, readFileSync } from "node:fs";
import { access, chmod, readFile, stat } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import { unifiedDiff } from "./engine/diff.js";
import { drain, fixPasses, type AppliedFix } from "./engine/fixer.js";
import { lintNotebook, type InternalError } from "./engine/lint.js";
import { ruleOptionsProblem } from "./engine/options.js";
import { selectRules, unknownSelectors, type Selection } from "./engine/select.js";
import { suppressionWarnings } from "./engine/suppressions.js";
import type { Diagnostic, Rule, RuleOptions } from "./engine/types.js";
import { parseNotebook, type Notebook } from "./notebook/model.js";
import { ALL_RULES } from "./transforms/index.js";

/**
 * Options of `lintSource` and `fixSource`. `select`, `extendSelect` and `ignore` are one layer of
 * selection, as one configuration file's are (engine/select.ts): every rule when `select` is
 * absent, none for `select: []`; within them the more specific selector wins (`select:
 * ["NVG003"], ignore: ["NVG"]` keeps NVG003), and at equal specificity `ignore` does.
 */
export interface LintOptions extends Selection {
  /** The rules to choose from (default: every rule). */
  readonly rules?: readonly Rule[];
  /** Per-rule options, by code; each must be one the rule declares (`TypeError` otherwise). */
  readonly ruleOptions?: RuleOptions;
  /** Path shown in diffs and errors. */
  readonly path?: string;
}

export interface FixSourceOptions extends LintOptions {
  readonly unsafeFixes?: boolean;
}

/** The UTF-8 byte-order mark, as the first character of a decoded string. */
export const BOM = "\uFEFF";

export type SourceErrorKind = "not-marimo" | "syntax-error" | "not-utf8" | "line-endings" | "io";

/** Input that cannot be linted: the message is one line, meant to follow `path: `. */
export class NotebookSourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "NotebookSourceError";
  }
}

export interface LintSourceResult {
  readonly diagnostics: Diagnostic[];
  readonly internalErrors: InternalError[];
}

export interface FixSourceResult {
  /** The fixed source (identical to the input when nothing was fixed). */
  readonly output: string;
  /** Diagnostics that remain in the output. */
  readonly diagnostics: Diagnostic[];
  /** The fixes applied, in order. */
  readonly applied: AppliedFix[];
  /** Unified diff from input to output ("" when unchanged). */
  readonly diff: string;
  readonly internalErrors: InternalError[];
  /** False when 10 passes did not reach a fixpoint. */
  readonly converged: boolean;
}

/**
 * The selected rules. Throws `TypeError` for a selection that is not a list of codes or prefixes
 * of the given rules (a typo would make every notebook look clean), and for options of an
 * unknown rule, an unknown option or a bad value.
 */
function activeRules(options: LintOptions): Rule[] {
  const rules = options.rules ?? ALL_RULES;
  for (const key of ["select", "extendSelect", "ignore"] as const) {
    const selectors: unknown = options[key];
    if (selectors === undefined) continue;
    if (!Array.isArray(selectors) || selectors.some((s) => typeof s !== "string")) throw new TypeError(`${key} must be an array of rule codes or prefixes`);
    const unknown = unknownSelectors(rules, selectors as string[]);
    if (unknown.length > 0) throw new TypeError(`${key}: unknown rule code or prefix: ${unknown.join(", ")}`);
  }
  const ruleOptions: unknown = options.ruleOptions;
  if (ruleOptions !== undefined && (typeof ruleOptions !== "object" || ruleOptions === null || Array.isArray(ruleOptions))) {
    throw new TypeError("ruleOptions must be an object of options by rule code");
  }
  // Checked against every rule given, not the selected ones: options for a rule left out are fine.
  const problem = options.ruleOptions && ruleOptionsProblem(rules, options.ruleOptions, "ruleOptions.");
  if (problem) throw new TypeError(problem);
  return selectRules(rules, options);
}

/** The source without its byte-order mark, which Python and marimo do not take for code. */
function withoutBom(source: unknown): { text: string; bom: string } {
  if (typeof source !== "string") throw new TypeError(`source must be a string, not ${source === null ? "null" : typeof source}`);
  return source.startsWith(BOM) ? { text: source.slice(1), bom: BOM } : { text: source, bom: "" };
}

const LONE_CR = /\r(?!\n)/;

function parseOrThrow(source: string): Notebook {
  const parsed = parseNotebook(source);
  if (parsed.ok) return parsed.notebook;
  // Python reads a lone CR as a line break, tree-sitter does not: such a file (classic Mac OS
  // line endings) would otherwise be reported as a syntax error, or not a notebook, at line 1.
  if (LONE_CR.test(source) && source.includes("marimo.App")) {
    throw new NotebookSourceError("line-endings", "CR line endings (classic Mac OS) are not supported: convert the file to LF or CRLF");
  }
  if (parsed.reason === "syntax-error") {
    throw new NotebookSourceError("syntax-error", `syntax error at line ${parsed.line ?? 1}`, parsed.line);
  }
  throw new NotebookSourceError("not-marimo", "not a marimo notebook");
}

/** Lints notebook source. Throws `NotebookSourceError` for input that is not a valid notebook. */
export function lintSource(source: string, options: LintOptions = {}): LintSourceResult {
  const notebook = parseOrThrow(withoutBom(source).text);
  const { diagnostics, internalErrors } = lintNotebook(notebook, activeRules(options), options.ruleOptions, undefined, options.path);
  return { diagnostics, internalErrors: [...suppressionWarnings(notebook, options.rules ?? ALL_RULES), ...internalErrors] };
}

/** Fixes notebook source. Throws `NotebookSourceError` for input that is not a valid notebook. */
export function fixSource(source: string, options: FixSourceOptions = {}): FixSourceResult {
  return drain(fixSteps(source, options));
}

/**
 * `fixSource`, yielding to the event loop between passes so that the syntax trees of earlier
 * passes can be freed while a large file is fixed.
 */
export async function fixSourceAsync(source: string, options: FixSourceOptions = {}, betweenPasses: () => Promise<void> = nextTurn): Promise<FixSourceResult> {
  const steps = fixSteps(source, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await betweenPasses();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function* fixSteps(input: string, options: FixSourceOptions): Generator<void, FixSourceResult> {
  // A byte-order mark stays in front of the output (fixes insert at the top of the file).
  const { text: source, bom } = withoutBom(input);
  const notebook = parseOrThrow(source);
  const rules = activeRules(options);
  const loop = yield* fixPasses(notebook, { rules, unsafeFixes: options.unsafeFixes ?? false, ...(options.ruleOptions ? { ruleOptions: options.ruleOptions } : {}), ...(options.path !== undefined ? { path: options.path } : {}) });
  // Suppression comments are judged as the file was read (their lines are the input's).
  const internalErrors = [...suppressionWarnings(notebook, options.rules ?? ALL_RULES), ...loop.internalErrors];
  if (!loop.converged) internalErrors.push({ code: "NV000", message: `fixes did not converge after ${loop.passes} passes` });
  let diff: string | undefined;
  const remaining = loop.remaining ?? lintNotebook(loop.output === source ? notebook : parseOrThrow(loop.output), rules, options.ruleOptions, undefined, options.path).diagnostics;
  return {
    output: bom + loop.output,
    diagnostics: remaining,
    applied: loop.applied,
    // Computed when read: a run that writes files never shows it.
    get diff() {
      return (diff ??= unifiedDiff(options.path ?? "notebook.py", source, loop.output));
    },
    internalErrors,
    converged: loop.converged,
  };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Reads a file as UTF-8 text; a byte-order mark is split off so it can be written back. */
export async function readNotebookFile(path: string): Promise<{ source: string; bom: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new NotebookSourceError("io", describeIoError(error));
  }
  return decodeNotebook(bytes);
}

/**
 * `readNotebookFile`, blocking. A worker thread that lints one file after another has nothing
 * else to do while it reads, and a synchronous read of a small file skips the round trip
 * through the I/O thread pool (about a millisecond per file).
 */
export function readNotebookFileSync(path: string): { source: string; bom: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new NotebookSourceError("io", describeIoError(error));
  }
  return decodeNotebook(bytes);
}

/** Decodes a notebook's bytes as UTF-8; a byte-order mark is split off so it can be written back. */
export function decodeNotebook(bytes: Uint8Array): { source: string; bom: boolean } {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // A legacy script in another encoding (`# -*- coding: latin-1 -*-`) is not a notebook, to
    // skip like any other script; a notebook (marimo writes UTF-8) that is not UTF-8 is an error.
    if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("marimo.App")) throw new NotebookSourceError("not-marimo", "not a marimo notebook");
    throw new NotebookSourceError("not-utf8", "not UTF-8 text");
  }
  return text.startsWith(BOM) ? { source: text.slice(1), bom: true } : { source: text, bom: false };
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file or directory";
    case "EISDIR":
      return "is a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return (error as Error).message.split("\n")[0] ?? "I/O error";
  }
}

/** Replaces a file whole (temporary file, then rename), keeping its mode. */
export async function writeNotebookFile(path: string, source: string, bom: boolean): Promise<void> {
  try {
    const { mode } = await stat(path);
    // Replacing the file by a rename would go round its read-only mode (a Perforce checkout, a
    // file locked on purpose): a file that cannot be written, or has no write bit at all (which
    // root could write anyway), is refused, as ruff refuses it.
    await access(path, fsConstants.W_OK);
    if ((mode & 0o222) === 0) throw Object.assign(new Error("read-only file"), { code: "EACCES" });
    await writeFileAtomic(path, (bom ? BOM : "") + source, { encoding: "utf8", mode: mode & 0o7777 });
    await chmod(path, mode & 0o7777);
  } catch (error) {
    throw new NotebookSourceError("io", describeIoError(error));
  }
}

export interface FixFileResult extends FixSourceResult {
  readonly path: string;
  readonly written: boolean;
}

/** Fixes a file in place (unless `dryRun`). Throws `NotebookSourceError`; never half-writes. */
export async function fixFile(path: string, options: FixSourceOptions & { dryRun?: boolean } = {}): Promise<FixFileResult> {
  const { source, bom } = await readNotebookFile(path);
  const result = await fixSourceAsync(source, { ...options, path });
  const changed = result.output !== source;
  if (changed && !options.dryRun) await writeNotebookFile(path, result.output, bom);
  return { ...result, path, written: changed && !options.dryRun };
}

/** Lints a file. Throws `NotebookSourceError`. */
export async function lintFile(path: string, options: LintOptions = {}): Promise<LintSourceResult & { path: string }> {
  const { source } = await readNotebookFile(path);
  return { ...lintSource(source, { ...options, path }), path };
}
