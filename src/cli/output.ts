// Turns file outcomes into what the user reads: diagnostics, diffs, summaries, JSON, SARIF or
// GitHub workflow annotations. A reporter writes each file's part as soon as it is given one
// (in sorted file order, whatever ran in parallel) and keeps only counts for the end, so a run
// over thousands of notebooks holds no more than a file's report at a time.
import type pc from "picocolors";
import { ALL_RULES } from "../transforms/index.js";
import type { FileOutcome, ReportedDiagnostic } from "./process.js";

type Colors = ReturnType<typeof pc.createColors>;

export const OUTPUT_FORMATS = ["text", "json", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputOptions {
  readonly format: OutputFormat;
  readonly dryRun: boolean;
  readonly unsafeFixes: boolean;
  readonly statistics?: boolean;
  readonly showFixes?: boolean;
  readonly colors: Colors;
  readonly display: (path: string) => string;
}

/** Where a reporter writes: stdout for the report, stderr for failures and the summary. */
export interface OutputStreams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Version of the `--format json` schema (docs/json-output.md). */
export const JSON_SCHEMA_VERSION = 1;

/** What a run found, counted as files are reported: the summary and the exit status. */
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
  /** Remaining diagnostics per rule, for `--statistics`. */
  readonly byRule = new Map<string, { count: number; fixable: boolean; name: string }>();

  constructor(private readonly unsafeFixes: boolean) {}

  add(outcome: FileOutcome): void {
    this.files++;
    this[outcome.status]++;
    this.fixes += outcome.applied.length;
    this.remaining += outcome.diagnostics.length;
    for (const f of outcome.applied) this.fixesByRule.set(f.code, (this.fixesByRule.get(f.code) ?? 0) + 1);
    for (const d of outcome.diagnostics) {
      if (d.fixSafety === "unsafe" && !this.unsafeFixes) this.hiddenUnsafe++;
      const entry = this.byRule.get(d.code) ?? { count: 0, fixable: false, name: d.name };
      entry.count++;
      entry.fixable ||= fixable(d, this.unsafeFixes);
      this.byRule.set(d.code, entry);
    }
  }
}

export interface Reporter {
  /** Reports one file; files must come in the order they are to be shown. */
  file(outcome: FileOutcome): void;
  /** Writes what follows the last file (summary, statistics, closing brackets). */
  finish(elapsedMs: number): void;
  readonly tally: RunTally;
}

export function createReporter(options: OutputOptions, out: OutputStreams): Reporter {
  switch (options.format) {
    case "json":
      return new JsonReporter(options, out);
    case "sarif":
      return new SarifReporter(options, out);
    case "github":
      return new GithubReporter(options, out);
    default:
      return new TextReporter(options, out);
  }
}

abstract class BaseReporter implements Reporter {
  readonly tally: RunTally;

  constructor(
    protected readonly options: OutputOptions,
    protected readonly out: OutputStreams,
  ) {
    this.tally = new RunTally(options.unsafeFixes);
  }

  file(outcome: FileOutcome): void {
    this.tally.add(outcome);
    this.report(outcome);
  }

  protected abstract report(outcome: FileOutcome): void;
  abstract finish(elapsedMs: number): void;
}

function colorDiff(diff: string, c: Colors): string {
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

function fixable(d: ReportedDiagnostic, unsafeFixes: boolean): boolean {
  return d.fixSafety === "safe" || (d.fixSafety === "unsafe" && unsafeFixes);
}

function plural(n: number, word: string, suffix = "s"): string {
  return `${n} ${word}${n === 1 ? "" : suffix}`;
}

class TextReporter extends BaseReporter {
  protected report(outcome: FileOutcome): void {
    const { colors: c, display, dryRun, showFixes, statistics, unsafeFixes } = this.options;
    const path = display(outcome.path);
    if (outcome.status === "failed") {
      this.out.stderr(`${path}${outcome.line ? `:${outcome.line}` : ""}: ${c.red(outcome.message ?? "failed")}\n`);
      return;
    }
    let stdout = "";
    if (dryRun && outcome.diff) stdout += colorDiff(outcome.diff, c);
    if (showFixes && outcome.applied.length > 0) {
      stdout += `${dryRun ? "Would fix" : "Fixed"} in ${c.bold(path)}:\n`;
      for (const fix of outcome.applied) stdout += `  ${path}:${fix.line}: ${c.bold(fix.code)} ${fix.description}\n`;
    }
    if (!statistics) {
      for (const d of outcome.diagnostics) stdout += `${c.bold(path)}:${d.line}:${d.column}: ${c.red(c.bold(d.code))} ${d.message}${fixable(d, unsafeFixes) ? " [*]" : ""}\n`;
    }
    if (stdout) this.out.stdout(stdout);
    let stderr = "";
    for (const e of outcome.internalErrors) stderr += `${path}: ${c.yellow("warning")}: ${e.message}\n`;
    if (stderr) this.out.stderr(stderr);
  }

  finish(elapsedMs: number): void {
    const t = this.tally;
    if (this.options.statistics) {
      let stdout = "";
      for (const [code, entry] of [...t.byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))) {
        stdout += `${String(entry.count).padStart(5)}\t${code}\t${entry.fixable ? "[*]" : "[ ]"} ${entry.name}\n`;
      }
      if (stdout) this.out.stdout(stdout);
    }
    this.out.stderr(summary(t, this.options.dryRun, elapsedMs));
  }
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

/**
 * `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep in a document printed
 * the same way, so a document written piece by piece reads exactly as one stringified whole.
 */
function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + "  ".repeat(depth));
}

/** Writes the items of a JSON array one at a time, as `JSON.stringify(array, null, 2)` would. */
class JsonArrayWriter {
  private count = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly depth: number,
  ) {}

  item(value: unknown): void {
    const indent = "  ".repeat(this.depth + 1);
    this.write(`${this.count++ === 0 ? "" : ","}\n${indent}${nestedJson(value, this.depth + 1)}`);
  }

  /** The text that closes the array. */
  close(): string {
    return this.count === 0 ? "]" : `\n${"  ".repeat(this.depth)}]`;
  }
}

class JsonReporter extends BaseReporter {
  private readonly files = new JsonArrayWriter(this.out.stdout, 1);

  constructor(options: OutputOptions, out: OutputStreams) {
    super(options, out);
    out.stdout(`{\n  "version": ${JSON_SCHEMA_VERSION},\n  "files": [`);
  }

  protected report(o: FileOutcome): void {
    this.files.item({
      path: this.options.display(o.path),
      status: o.status,
      message: o.message ?? null,
      applied: o.applied.map((f) => ({ code: f.code, line: f.line, description: f.description })),
      diff: this.options.dryRun ? o.diff : null,
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
    });
  }

  finish(): void {
    const t = this.tally;
    const summary = { files: t.files, changed: t.changed, unchanged: t.unchanged, skipped: t.skipped, failed: t.failed, fixes: t.fixes, remaining: t.remaining };
    this.out.stdout(`${this.files.close()},\n  "summary": ${nestedJson(summary, 1)}\n}\n`);
  }
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note" } as const;
const RULE_INDEX = new Map(ALL_RULES.map((r, i) => [r.code, i]));
/** Stands in for the results in the document's head, which is written before any file. */
const RESULTS_SLOT = "\u0000results";

function sarifUri(options: OutputOptions, path: string): string {
  return options.display(path).split("\\").join("/");
}

class SarifReporter extends BaseReporter {
  private readonly results = new JsonArrayWriter(this.out.stdout, 3);
  /** Failed files, reported after the results; short, and few. */
  private readonly notifications: unknown[] = [];
  private readonly tail: string;

  constructor(options: OutputOptions, out: OutputStreams) {
    super(options, out);
    const document = {
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
          results: RESULTS_SLOT,
        },
      ],
    };
    const text = JSON.stringify(document, null, 2);
    const slot = text.indexOf(JSON.stringify(RESULTS_SLOT));
    out.stdout(text.slice(0, slot) + "[");
    this.tail = text.slice(slot + JSON.stringify(RESULTS_SLOT).length);
  }

  protected report(o: FileOutcome): void {
    const uri = sarifUri(this.options, o.path);
    for (const d of o.diagnostics) {
      this.results.item({
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
      });
    }
    if (o.status === "failed") {
      this.notifications.push({
        level: "error",
        message: { text: o.message ?? "failed" },
        locations: [{ physicalLocation: { artifactLocation: { uri }, ...(o.line ? { region: { startLine: o.line } } : {}) } }],
      });
    }
  }

  finish(): void {
    const invocations = [{ executionSuccessful: this.notifications.length === 0, toolExecutionNotifications: this.notifications }];
    // The results are the run's last member so far: close them, add the invocations after them
    // and close the run and the document.
    this.out.stdout(`${this.results.close()},\n      "invocations": ${nestedJson(invocations, 3)}${this.tail}\n`);
  }
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

class GithubReporter extends BaseReporter {
  protected report(o: FileOutcome): void {
    const file = escapeProperty(this.options.display(o.path));
    let out = "";
    if (o.status === "failed") out += `::error file=${file}${o.line ? `,line=${o.line}` : ""},title=nvmarimo-fix::${escapeData(o.message ?? "failed")}\n`;
    for (const d of o.diagnostics) {
      const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      out += `::${level} file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`${d.code} ${d.name}`)}::${escapeData(`${d.code} ${d.message}`)}\n`;
    }
    if (out) this.out.stdout(out);
  }

  finish(): void {}
}
