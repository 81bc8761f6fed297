// Turns file outcomes into what the user reads: diagnostics, diffs, summaries, JSON, or GitHub
// workflow annotations. Output order is the sorted file order, whatever ran in parallel.
import type pc from "picocolors";

type Colors = ReturnType<typeof pc.createColors>;
import type { FileOutcome } from "./process.js";

export type OutputFormat = "text" | "json" | "github";

export interface OutputOptions {
  readonly format: OutputFormat;
  readonly dryRun: boolean;
  readonly unsafeFixes: boolean;
  readonly colors: Colors;
  readonly elapsedMs: number;
  readonly display: (path: string) => string;
}

export interface RenderedOutput {
  readonly stdout: string;
  readonly stderr: string;
}

export const JSON_SCHEMA_VERSION = 1;

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

function fixMark(d: FileOutcome["diagnostics"][number], unsafeFixes: boolean): string {
  if (d.fixSafety === "safe" || (d.fixSafety === "unsafe" && unsafeFixes)) return " [*]";
  return "";
}

export function formatOutcomes(outcomes: readonly FileOutcome[], options: OutputOptions): RenderedOutput {
  const sorted = [...outcomes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.format === "json") return { stdout: JSON.stringify(toJson(sorted, options), null, 2) + "\n", stderr: "" };
  if (options.format === "github") return { stdout: toGithub(sorted, options), stderr: "" };
  return toText(sorted, options);
}

function toText(outcomes: readonly FileOutcome[], options: OutputOptions): RenderedOutput {
  const c = options.colors;
  let stdout = "";
  let stderr = "";
  let hiddenUnsafe = 0;
  for (const outcome of outcomes) {
    const path = options.display(outcome.path);
    if (outcome.status === "failed") {
      stderr += `${c.red("error")}: ${path}: ${outcome.message}\n`;
      continue;
    }
    if (options.dryRun && outcome.diff) stdout += colorDiff(outcome.diff, c);
    for (const d of outcome.diagnostics) {
      if (d.fixSafety === "unsafe" && !options.unsafeFixes) hiddenUnsafe++;
      stdout += `${c.bold(path)}:${d.line}:${d.column}: ${c.red(c.bold(d.code))} ${d.message}${fixMark(d, options.unsafeFixes)}\n`;
    }
    for (const e of outcome.internalErrors) stderr += `${c.yellow("warning")}: ${path}: ${e.message}\n`;
  }
  const skipped = outcomes.filter((o) => o.status === "skipped").length;
  const changed = outcomes.filter((o) => o.status === "changed");
  const fixes = changed.reduce((n, o) => n + o.applied.length, 0);
  const remaining = outcomes.reduce((n, o) => n + o.diagnostics.length, 0);
  const lines: string[] = [];
  if (options.dryRun) {
    if (fixes > 0) lines.push(`Would fix ${fixes} violation${fixes === 1 ? "" : "s"} in ${changed.length} file${changed.length === 1 ? "" : "s"}.`);
  } else if (fixes > 0) {
    lines.push(`Fixed ${fixes} violation${fixes === 1 ? "" : "s"} in ${changed.length} file${changed.length === 1 ? "" : "s"}.`);
  }
  if (remaining > 0) lines.push(`Found ${remaining} remaining violation${remaining === 1 ? "" : "s"}${options.dryRun ? " that would not be fixed" : ""}.`);
  if (hiddenUnsafe > 0) lines.push(`${hiddenUnsafe} hidden fix${hiddenUnsafe === 1 ? "" : "es"} can be enabled with \`--unsafe-fixes\`.`);
  if (fixes === 0 && remaining === 0) lines.push("All checks passed.");
  if (skipped > 0) lines.push(`Skipped ${skipped} file${skipped === 1 ? "" : "s"} that ${skipped === 1 ? "is not a marimo notebook" : "are not marimo notebooks"}.`);
  stderr += lines.map((l) => l + "\n").join("");
  return { stdout, stderr };
}

function toJson(outcomes: readonly FileOutcome[], options: OutputOptions): unknown {
  return {
    version: JSON_SCHEMA_VERSION,
    files: outcomes.map((o) => ({
      path: options.display(o.path),
      status: o.status,
      ...(o.message ? { message: o.message } : {}),
      applied: o.applied,
      ...(options.dryRun ? { diff: o.diff } : {}),
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
      skipped: outcomes.filter((o) => o.status === "skipped").length,
      failed: outcomes.filter((o) => o.status === "failed").length,
      fixes: outcomes.reduce((n, o) => n + o.applied.length, 0),
      remaining: outcomes.reduce((n, o) => n + o.diagnostics.length, 0),
    },
  };
}

function escapeGithub(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function toGithub(outcomes: readonly FileOutcome[], options: OutputOptions): string {
  let out = "";
  for (const o of outcomes) {
    const file = options.display(o.path).replace(/,/g, "%2C").replace(/:/g, "%3A");
    if (o.status === "failed") out += `::error file=${file},title=nvmarimo-fix::${escapeGithub(o.message ?? "failed")}\n`;
    for (const d of o.diagnostics) {
      const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      out += `::${level} file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${d.code} ${d.name}::${escapeGithub(`${d.code} ${d.message}`)}\n`;
    }
  }
  return out;
}
