// Turns file outcomes into what the user reads: diagnostics, diffs, summaries, JSON, SARIF or
// GitHub workflow annotations. Each file's part of the report is rendered where the file was
// processed (in its worker), and the main thread writes the parts in sorted file order as they
// come, keeping only counts for the end: a run over thousands of notebooks holds no report in
// memory. Parts rendered in a worker cross to the main thread as UTF-8 bytes (see
// `asBytes`), so the main thread only copies bytes to its streams.
import { isAbsolute, relative, resolve, sep } from "node:path";
import pc from "picocolors";
import { ALL_RULES } from "../transforms/index.js";
import { displayPath } from "./discover.js";
import type { FileOutcome, FileStatus, ReportedDiagnostic } from "./process.js";

type Colors = ReturnType<typeof pc.createColors>;

export const OUTPUT_FORMATS = ["text", "json", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** How to report; plain data, so it can be sent to a worker. */
export interface ReportOptions {
  readonly format: OutputFormat;
  readonly dryRun: boolean;
  readonly unsafeFixes: boolean;
  readonly statistics?: boolean;
  readonly showFixes?: boolean;
  /** `--quiet`: the report only, without the closing summary. */
  readonly quiet?: boolean;
  readonly color: boolean;
}

/** Report text: a string, or its UTF-8 bytes when it comes from a worker (see `asBytes`). */
export type ReportText = string | Uint8Array;

/** Where a report is written: stdout for the report, stderr for failures and the summary. */
export interface OutputStreams {
  readonly stdout: (text: ReportText) => void;
  readonly stderr: (text: ReportText) => void;
}

/** Version of the `--format json` schema (README, "Output formats"): an added optional field keeps it. */
export const JSON_SCHEMA_VERSION = 1;

/** What one file adds to the run's counts. */
export interface FileTally {
  readonly status: FileStatus;
  readonly fixes: number;
  readonly remaining: number;
  readonly hiddenUnsafe: number;
  /** Applied fixes per rule code. */
  readonly fixesByRule: ReadonlyArray<readonly [code: string, count: number]>;
  /** Remaining diagnostics per rule, for `--statistics`. */
  readonly byRule: ReadonlyArray<readonly [code: string, name: string, count: number, fixable: boolean]>;
}

/** One file's part of the report, rendered for its format. */
export interface FileReport {
  /** Text to write as it is (text and github formats). */
  readonly stdout: ReportText;
  readonly stderr: ReportText;
  /** Items of the document's array (json: the file; sarif: its results), indented for their place. */
  readonly items: readonly ReportText[];
  /** SARIF: the failure of a file and its warnings, reported with the run's invocation. */
  readonly notifications?: readonly unknown[];
  readonly tally: FileTally;
}

/**
 * A file's part of the report with its text as UTF-8 bytes, for sending from a worker. A string
 * sent to the main thread is copied into its heap, where V8 lets tens of megabytes of them pile
 * up between collections (a lint of 2,000 notebooks peaked 45 MB higher); bytes live outside
 * the heap and are freed with the small object that holds them.
 */
export function asBytes(report: FileReport): FileReport {
  const bytes = (text: ReportText) => (typeof text === "string" && text.length > 0 ? Buffer.from(text) : text);
  return { ...report, stdout: bytes(report.stdout), stderr: bytes(report.stderr), items: report.items.map(bytes) };
}

function fixable(d: ReportedDiagnostic, unsafeFixes: boolean): boolean {
  return d.fixSafety === "safe" || (d.fixSafety === "unsafe" && unsafeFixes);
}

function plural(n: number, word: string, suffix = "s"): string {
  return `${n} ${word}${n === 1 ? "" : suffix}`;
}

/**
 * `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep in a document printed
 * the same way, so a document written piece by piece reads exactly as one stringified whole.
 */
function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + "  ".repeat(depth));
}

/** Nesting of the arrays written item by item: `files` in JSON, `runs[0].results` in SARIF. */
const JSON_FILES_DEPTH = 1;
const SARIF_RESULTS_DEPTH = 3;

function tallyOf(outcome: FileOutcome, unsafeFixes: boolean): FileTally {
  const fixesByRule = new Map<string, number>();
  for (const f of outcome.applied) fixesByRule.set(f.code, (fixesByRule.get(f.code) ?? 0) + 1);
  const byRule = new Map<string, [string, string, number, boolean]>();
  let hiddenUnsafe = 0;
  for (const d of outcome.diagnostics) {
    if (d.fixSafety === "unsafe" && !unsafeFixes) hiddenUnsafe++;
    const entry = byRule.get(d.code) ?? [d.code, d.name, 0, false];
    entry[2]++;
    entry[3] ||= fixable(d, unsafeFixes);
    byRule.set(d.code, entry);
  }
  return { status: outcome.status, fixes: outcome.applied.length, remaining: outcome.diagnostics.length, hiddenUnsafe, fixesByRule: [...fixesByRule], byRule: [...byRule.values()] };
}

/** Renders one file's part of the report. */
export function reportFile(outcome: FileOutcome, options: ReportOptions): FileReport {
  const tally = tallyOf(outcome, options.unsafeFixes);
  switch (options.format) {
    // A file that could not be processed also gets its line on stderr, as in the text format:
    // a CI log shows why the run failed without reading the document.
    case "json":
      return { stdout: "", stderr: failureLine(outcome, NO_COLOR) + warningLines(outcome, NO_COLOR), items: [nestedJson(jsonFile(outcome, options), JSON_FILES_DEPTH + 1)], tally };
    case "sarif":
      return { stdout: "", stderr: failureLine(outcome, NO_COLOR) + warningLines(outcome, NO_COLOR), ...sarifFile(outcome), tally };
    case "github":
      return { stdout: githubFile(outcome), stderr: "", items: [], tally };
    default:
      return { ...textFile(outcome, options), items: [], tally };
  }
}

function colorDiff(diff: string, c: Colors): string {
  if (!c.isColorSupported) return diff;
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return c.bold(line);
      if (line.startsWith("@@")) return c.cyan(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      return line;
    })
    .join("\n");
}

/** `path:line:col: CODE message`, with ` [*]` when a fix would be applied. */
function diagnosticLine(path: string, d: ReportedDiagnostic, unsafeFixes: boolean, c: Colors): string {
  return `${c.bold(path)}:${d.line}:${d.column}: ${c.red(c.bold(d.code))} ${d.message}${fixable(d, unsafeFixes) ? " [*]" : ""}`;
}

const NO_COLOR = pc.createColors(false);

/** `path:line: reason` for a file that could not be processed, else nothing. */
function failureLine(outcome: FileOutcome, c: Colors): string {
  if (outcome.status !== "failed") return "";
  return `${displayPath(outcome.path)}${outcome.line ? `:${outcome.line}` : ""}: ${c.red(outcome.message ?? "failed")}\n`;
}

/**
 * `path: warning: message` for each of the file's warnings: a suppression comment that names no
 * rule, a rule that failed on this file (its other rules ran). In every format they go to stderr,
 * so that a CI log shows them whatever the document.
 */
function warningLines(outcome: FileOutcome, c: Colors): string {
  let lines = "";
  for (const e of outcome.internalErrors) lines += `${displayPath(outcome.path)}: ${c.yellow("warning")}: ${e.message}\n`;
  return lines;
}

function textFile(outcome: FileOutcome, options: ReportOptions): { stdout: string; stderr: string } {
  const c = pc.createColors(options.color);
  const path = displayPath(outcome.path);
  if (outcome.status === "failed") return { stdout: "", stderr: failureLine(outcome, c) };
  let stdout = "";
  if (options.dryRun && outcome.diff) stdout += colorDiff(outcome.diff, c);
  if (options.showFixes && outcome.applied.length > 0) {
    stdout += `${options.dryRun ? "Would fix" : "Fixed"} in ${c.bold(path)}:\n`;
    for (const fix of outcome.applied) stdout += `  ${path}:${fix.line}: ${c.bold(fix.code)} ${fix.description}\n`;
  }
  if (!options.statistics) {
    for (const d of outcome.diagnostics) stdout += `${diagnosticLine(path, d, options.unsafeFixes, c)}\n`;
  }
  return { stdout, stderr: warningLines(outcome, c) };
}

function jsonFile(o: FileOutcome, options: ReportOptions): unknown {
  return {
    path: displayPath(o.path),
    status: o.status,
    message: o.message ?? null,
    // Where a failed file broke, when known (a syntax error): the line the text format shows.
    ...(o.line ? { line: o.line } : {}),
    applied: o.applied.map((f) => ({ code: f.code, line: f.line, description: f.description })),
    diff: options.dryRun ? o.diff : null,
    diagnostics: o.diagnostics.map((d) => ({
      code: d.code,
      name: d.name,
      severity: d.severity,
      message: d.message,
      location: { line: d.line, column: d.column },
      end_location: { line: d.endLine, column: d.endColumn },
      cell: d.cell ?? null,
      fix: d.fixSafety === "none" ? null : { applicability: d.fixSafety, message: d.fixDescription ?? null },
    })),
    warnings: o.internalErrors.map((e) => ({ code: e.code, message: e.message })),
  };
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note" } as const;
const RULE_INDEX = new Map(ALL_RULES.map((r, i) => [r.code, i]));

/**
 * The path GitHub reads in annotations and code-scanning results: relative to the repository's
 * checkout (`GITHUB_WORKSPACE`, as ruff does) when it is set and holds the file, so that a step
 * run in a subdirectory (`working-directory:`) still points at the right file; else as shown.
 */
function repositoryPath(path: string): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (workspace) {
    const inside = relative(resolve(workspace), resolve(path));
    if (inside !== "" && !inside.startsWith("..") && !isAbsolute(inside)) return inside.split(sep).join("/");
  }
  return displayPath(path);
}

function sarifFile(o: FileOutcome): { items: string[]; notifications: unknown[] } {
  const uri = pathToUri(repositoryPath(o.path));
  const items = o.diagnostics.map((d) =>
    nestedJson(
      {
        ruleId: d.code,
        ruleIndex: RULE_INDEX.get(d.code) ?? -1,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
      },
      SARIF_RESULTS_DEPTH + 1,
    ),
  );
  const notifications: unknown[] = o.internalErrors.map((e) => ({
    level: "warning",
    message: { text: e.message },
    locations: [{ physicalLocation: { artifactLocation: { uri } } }],
  }));
  if (o.status === "failed") {
    notifications.unshift({
      level: "error",
      message: { text: o.message ?? "failed" },
      locations: [{ physicalLocation: { artifactLocation: { uri }, ...(o.line ? { region: { startLine: o.line } } : {}) } }],
    });
  }
  return { items, notifications };
}

/**
 * A path as a SARIF `uri`, which must be an RFC 3986 URI reference: each segment
 * percent-encoded as UTF-8 (spaces, `%`, `#`, `?`, line breaks, non-ASCII), `/` between them.
 * `:` is encoded too, so a relative path whose first segment has one is not read as a scheme.
 */
function pathToUri(path: string): string {
  // Only Windows separates with a backslash; elsewhere it is a character of the name.
  const segments = (sep === "\\" ? path.replace(/\\/g, "/") : path).split("/");
  return segments.map(encodeSegment).join("/");
}

function encodeSegment(segment: string): string {
  // A lone surrogate (possible in Windows file names) would make encodeURIComponent throw.
  return encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function githubFile(o: FileOutcome): string {
  const file = escapeProperty(repositoryPath(o.path));
  let out = "";
  if (o.status === "failed") out += `::error file=${file}${o.line ? `,line=${o.line}` : ""},title=nvmarimo-fix::${escapeData(o.message ?? "failed")}\n`;
  for (const e of o.internalErrors) out += `::warning file=${file},title=nvmarimo-fix::${escapeData(e.message)}\n`;
  for (const d of o.diagnostics) {
    const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
    out += `::${level} file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`${d.code} ${d.name}`)}::${escapeData(`${d.code} ${d.message}`)}\n`;
  }
  return out;
}

/** What a run found, summed over its files: the summary and the exit status. */
export class RunTally {
  files = 0;
  changed = 0;
  unchanged = 0;
  skipped = 0;
  failed = 0;
  fixes = 0;
  remaining = 0;
  hiddenUnsafe = 0;
  readonly fixesByRule = new Map<string, number>();
  readonly byRule = new Map<string, { count: number; fixable: boolean; name: string }>();

  add(t: FileTally): void {
    this.files++;
    this[t.status]++;
    this.fixes += t.fixes;
    this.remaining += t.remaining;
    this.hiddenUnsafe += t.hiddenUnsafe;
    for (const [code, n] of t.fixesByRule) this.fixesByRule.set(code, (this.fixesByRule.get(code) ?? 0) + n);
    for (const [code, name, count, fixable] of t.byRule) {
      const entry = this.byRule.get(code) ?? { count: 0, fixable: false, name };
      entry.count += count;
      entry.fixable ||= fixable;
      this.byRule.set(code, entry);
    }
  }
}

/** Writes the items of a JSON array one at a time, as `JSON.stringify(array, null, 2)` would. */
class JsonArrayWriter {
  private count = 0;

  constructor(
    private readonly write: (text: ReportText) => void,
    private readonly depth: number,
  ) {}

  /** An item already rendered by `nestedJson(item, depth + 1)`. */
  item(rendered: ReportText): void {
    this.write(`${this.count++ === 0 ? "" : ","}\n${"  ".repeat(this.depth + 1)}`);
    this.write(rendered);
  }

  /** The text that closes the array. */
  close(): string {
    return this.count === 0 ? "]" : `\n${"  ".repeat(this.depth)}]`;
  }
}

/** Stands in for the SARIF results in the document's head, which is written before any file. */
const RESULTS_SLOT = JSON.stringify("\u0000results");

/**
 * Writes a run's report: the document's head when created, each file's part as it is given
 * one (in the order they are to be shown), then the summary or the document's end.
 */
export class Report {
  readonly tally = new RunTally();
  private readonly array: JsonArrayWriter | undefined;
  /** SARIF: what follows the results, and the failures reported after them. */
  private sarifTail = "";
  private readonly notifications: unknown[] = [];

  constructor(
    private readonly options: ReportOptions,
    private readonly out: OutputStreams,
  ) {
    if (options.format === "json") {
      out.stdout(`{\n  "version": ${JSON_SCHEMA_VERSION},\n  "files": [`);
      this.array = new JsonArrayWriter(out.stdout, JSON_FILES_DEPTH);
    } else if (options.format === "sarif") {
      const head = JSON.stringify(sarifDocument(), null, 2);
      const slot = head.indexOf(RESULTS_SLOT);
      out.stdout(head.slice(0, slot) + "[");
      this.sarifTail = head.slice(slot + RESULTS_SLOT.length);
      this.array = new JsonArrayWriter(out.stdout, SARIF_RESULTS_DEPTH);
    }
  }

  add(report: FileReport): void {
    this.tally.add(report.tally);
    if (report.stdout.length > 0) this.out.stdout(report.stdout);
    if (report.stderr.length > 0) this.out.stderr(report.stderr);
    for (const item of report.items) this.array!.item(item);
    if (report.notifications) this.notifications.push(...report.notifications);
  }

  finish(elapsedMs: number): void {
    const t = this.tally;
    switch (this.options.format) {
      case "json": {
        const summary = { files: t.files, changed: t.changed, unchanged: t.unchanged, skipped: t.skipped, failed: t.failed, fixes: t.fixes, remaining: t.remaining };
        // As `ruff check --statistics --output-format json`: one object per rule, most frequent first.
        const statistics = this.options.statistics
          ? `,\n  "statistics": ${nestedJson(ruleCounts(t).map(([code, e]) => ({ code, name: e.name, count: e.count, fixable: e.fixable })), 1)}`
          : "";
        this.out.stdout(`${this.array!.close()},\n  "summary": ${nestedJson(summary, 1)}${statistics}\n}\n`);
        return;
      }
      case "sarif": {
        // The results are the run's last member so far: close them, add the invocation after
        // them, then close the run and the document.
        // Warnings (a suppression that names no rule, a rule that failed on one file) do not make
        // the run unsuccessful; a file that could not be processed does.
        const failed = this.notifications.some((n) => (n as { level: string }).level === "error");
        const invocations = [{ executionSuccessful: !failed, toolExecutionNotifications: this.notifications }];
        this.out.stdout(`${this.array!.close()},\n      "invocations": ${nestedJson(invocations, SARIF_RESULTS_DEPTH)}${this.sarifTail}\n`);
        return;
      }
      case "github":
        return;
      default:
        if (this.options.statistics) {
          let stdout = "";
          for (const [code, entry] of ruleCounts(t)) {
            stdout += `${String(entry.count).padStart(5)}\t${code}\t${entry.fixable ? "[*]" : "[ ]"} ${entry.name}\n`;
          }
          if (stdout) this.out.stdout(stdout);
        }
        if (!this.options.quiet) this.out.stderr(summary(t, this.options.dryRun, elapsedMs));
    }
  }
}

/** Remaining diagnostics per rule, most frequent first (then by code). */
function ruleCounts(t: RunTally) {
  return [...t.byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
}

function sarifDocument(): unknown {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "nvmarimo-fix",
            informationUri: "https://github.com/nvmarimo-fix/nvmarimo-fix",
            rules: ALL_RULES.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.docs.trim() },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { fixSafety: r.fix, guideSection: r.section },
            })),
          },
        },
        results: JSON.parse(RESULTS_SLOT) as string,
      },
    ],
  };
}

function summary(t: RunTally, dryRun: boolean, elapsedMs: number): string {
  const lines: string[] = [];
  const verb = dryRun ? "Would fix" : "Fixed";
  if (t.fixes > 0) lines.push(`${verb} ${plural(t.fixes, "violation")} in ${plural(t.changed, "file")}.`);
  if (t.remaining > 0) lines.push(`Found ${plural(t.remaining, "remaining violation")}${dryRun ? " that would not be fixed" : ""}.`);
  if (t.hiddenUnsafe > 0) lines.push(`${plural(t.hiddenUnsafe, "hidden fix", "es")} can be enabled with \`--unsafe-fixes\`.`);
  if (t.fixes === 0 && t.remaining === 0 && t.failed === 0) lines.push("All checks passed.");
  if (t.skipped > 0) lines.push(`Skipped ${plural(t.skipped, "file")} that ${t.skipped === 1 ? "is not a marimo notebook" : "are not marimo notebooks"}.`);
  const ruleList = [...t.fixesByRule].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${code} ×${n}`).join(", ");
  lines.push(
    `Scanned ${plural(t.files, "file")} in ${(elapsedMs / 1000).toFixed(2)}s: ${t.changed} ${dryRun ? "would change" : "changed"}, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed${ruleList ? `; fixes by rule: ${ruleList}` : ""}.`,
  );
  return lines.map((l) => l + "\n").join("");
}
