// Turns file outcomes into what the user reads: diagnostics, diffs, summaries, JSON, SARIF or
// GitHub workflow annotations. Output follows the sorted file order, whatever ran in parallel.
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
  readonly elapsedMs: number;
  readonly display: (path: string) => string;
}

export interface RenderedOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Version of the `--format json` schema (docs/json-output.md). */
export const JSON_SCHEMA_VERSION = 1;

export function formatOutcomes(outcomes: readonly FileOutcome[], options: OutputOptions): RenderedOutput {
  const sorted = [...outcomes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  switch (options.format) {
    case "json":
      return { stdout: JSON.stringify(toJson(sorted, options), null, 2) + "\n", stderr: "" };
    case "sarif":
      return { stdout: JSON.stringify(toSarif(sorted, options), null, 2) + "\n", stderr: "" };
    case "github":
      return { stdout: toGithub(sorted, options), stderr: "" };
    default:
      return toText(sorted, options);
  }
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

function toText(outcomes: readonly FileOutcome[], options: OutputOptions): RenderedOutput {
  const c = options.colors;
  let stdout = "";
  let stderr = "";
  let hiddenUnsafe = 0;
  const counts = new Map<string, { count: number; fixable: boolean; name: string }>();
  for (const outcome of outcomes) {
    const path = options.display(outcome.path);
    if (outcome.status === "failed") {
      stderr += `${path}${outcome.line ? `:${outcome.line}` : ""}: ${c.red(outcome.message ?? "failed")}\n`;
      continue;
    }
    if (options.dryRun && outcome.diff) stdout += colorDiff(outcome.diff, c);
    if (options.showFixes && outcome.applied.length > 0) {
      stdout += `${options.dryRun ? "Would fix" : "Fixed"} in ${c.bold(path)}:\n`;
      for (const fix of outcome.applied) stdout += `  ${path}:${fix.line}: ${c.bold(fix.code)} ${fix.description}\n`;
    }
    for (const d of outcome.diagnostics) {
      if (d.fixSafety === "unsafe" && !options.unsafeFixes) hiddenUnsafe++;
      const entry = counts.get(d.code) ?? { count: 0, fixable: false, name: d.name };
      entry.count++;
      entry.fixable ||= fixable(d, options.unsafeFixes);
      counts.set(d.code, entry);
      if (!options.statistics) stdout += `${c.bold(path)}:${d.line}:${d.column}: ${c.red(c.bold(d.code))} ${d.message}${fixable(d, options.unsafeFixes) ? " [*]" : ""}\n`;
    }
    for (const e of outcome.internalErrors) stderr += `${path}: ${c.yellow("warning")}: ${e.message}\n`;
  }
  if (options.statistics) {
    for (const [code, entry] of [...counts].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))) {
      stdout += `${String(entry.count).padStart(5)}\t${code}\t${entry.fixable ? "[*]" : "[ ]"} ${entry.name}\n`;
    }
  }
  stderr += summary(outcomes, options, hiddenUnsafe);
  return { stdout, stderr };
}

function summary(outcomes: readonly FileOutcome[], options: OutputOptions, hiddenUnsafe: number): string {
  const by = (status: FileOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const changed = by("changed");
  const fixes = outcomes.reduce((n, o) => n + o.applied.length, 0);
  const remaining = outcomes.reduce((n, o) => n + o.diagnostics.length, 0);
  const lines: string[] = [];
  const verb = options.dryRun ? "Would fix" : "Fixed";
  if (fixes > 0) lines.push(`${verb} ${plural(fixes, "violation")} in ${plural(changed, "file")}.`);
  if (remaining > 0) lines.push(`Found ${plural(remaining, "remaining violation")}${options.dryRun ? " that would not be fixed" : ""}.`);
  if (hiddenUnsafe > 0) lines.push(`${plural(hiddenUnsafe, "hidden fix", "es")} can be enabled with \`--unsafe-fixes\`.`);
  if (fixes === 0 && remaining === 0 && by("failed") === 0) lines.push("All checks passed.");
  const skipped = by("skipped");
  if (skipped > 0) lines.push(`Skipped ${plural(skipped, "file")} that ${skipped === 1 ? "is not a marimo notebook" : "are not marimo notebooks"}.`);
  const byRule = new Map<string, number>();
  for (const o of outcomes) for (const f of o.applied) byRule.set(f.code, (byRule.get(f.code) ?? 0) + 1);
  const ruleList = [...byRule].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${code} ×${n}`).join(", ");
  lines.push(
    `Scanned ${plural(outcomes.length, "file")} in ${(options.elapsedMs / 1000).toFixed(2)}s: ${changed} ${options.dryRun ? "would change" : "changed"}, ${by("unchanged")} unchanged, ${skipped} skipped, ${by("failed")} failed${ruleList ? `; fixes by rule: ${ruleList}` : ""}.`,
  );
  return lines.map((l) => l + "\n").join("");
}

function toJson(outcomes: readonly FileOutcome[], options: OutputOptions): unknown {
  return {
    version: JSON_SCHEMA_VERSION,
    files: outcomes.map((o) => ({
      path: options.display(o.path),
      status: o.status,
      message: o.message ?? null,
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
    })),
    summary: {
      files: outcomes.length,
      changed: outcomes.filter((o) => o.status === "changed").length,
      unchanged: outcomes.filter((o) => o.status === "unchanged").length,
      skipped: outcomes.filter((o) => o.status === "skipped").length,
      failed: outcomes.filter((o) => o.status === "failed").length,
      fixes: outcomes.reduce((n, o) => n + o.applied.length, 0),
      remaining: outcomes.reduce((n, o) => n + o.diagnostics.length, 0),
    },
  };
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function toSarif(outcomes: readonly FileOutcome[], options: OutputOptions): unknown {
  const results = outcomes.flatMap((o) =>
    o.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ALL_RULES.findIndex((r) => r.code === d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: options.display(o.path).split("\\").join("/") },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  );
  const notifications = outcomes
    .filter((o) => o.status === "failed")
    .map((o) => ({
      level: "error",
      message: { text: o.message ?? "failed" },
      locations: [{ physicalLocation: { artifactLocation: { uri: options.display(o.path).split("\\").join("/") }, ...(o.line ? { region: { startLine: o.line } } : {}) } }],
    }));
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
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function toGithub(outcomes: readonly FileOutcome[], options: OutputOptions): string {
  let out = "";
  for (const o of outcomes) {
    const file = escapeProperty(options.display(o.path));
    if (o.status === "failed") out += `::error file=${file}${o.line ? `,line=${o.line}` : ""},title=nvmarimo-fix::${escapeData(o.message ?? "failed")}\n`;
    for (const d of o.diagnostics) {
      const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      out += `::${level} file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`${d.code} ${d.name}`)}::${escapeData(`${d.code} ${d.message}`)}\n`;
    }
  }
  return out;
}
