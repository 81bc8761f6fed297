// Runs rules over a parsed notebook and collects their diagnostics.
import { computeDataflow, type Dataflow } from "../notebook/dataflow.js";
import { cellAt, type Notebook } from "../notebook/model.js";
import { endOf, startOf } from "../notebook/python.js";
import { lineStartOf } from "../notebook/text.js";
import type { Diagnostic, ReportInput, Rule, RuleContext, RuleOptions } from "./types.js";
import { isSuppressed, parseSuppressions } from "./suppressions.js";

export interface InternalError {
  readonly code: string;
  readonly message: string;
}

export interface LintResult {
  readonly diagnostics: Diagnostic[];
  readonly internalErrors: InternalError[];
  /** The dataflow, if a rule asked for it. */
  readonly dataflow: Dataflow | undefined;
}

/** Hands out fresh names for one pass so two fixes never pick the same one. */
export class NameAllocator {
  private readonly taken = new Set<string>();
  constructor(private readonly source: string) {}
  fresh(base: string): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}_${n}`;
      if (this.taken.has(candidate)) continue;
      if (new RegExp(`(?<![\\w.])${candidate}(?!\\w)`, "u").test(this.source)) continue;
      this.taken.add(candidate);
      return candidate;
    }
  }
}

/** `knownDataflow`: the notebook's dataflow when the caller has it already (the fix loop). */
export function lintNotebook(notebook: Notebook, rules: readonly Rule[], options: RuleOptions = {}, names?: NameAllocator, path?: string, knownDataflow?: Dataflow): LintResult {
  const diagnostics: Diagnostic[] = [];
  const internalErrors: InternalError[] = [];
  let dataflow: Dataflow | undefined = knownDataflow;
  const allocator = names ?? new NameAllocator(notebook.source);
  const suppressions = parseSuppressions(notebook.source);

  for (const rule of rules) {
    if (suppressions.file) break;
    const context: RuleContext = {
      notebook,
      dataflow: () => (dataflow ??= computeDataflow(notebook)),
      freshName: (base) => allocator.fresh(base),
      cellAt: (offset) => cellAt(notebook, offset),
      options: options[rule.code] ?? {},
      path,
      report: (input: ReportInput) => {
        const start = input.node ? startOf(input.node) : (input.start ?? 0);
        const end = input.node ? endOf(input.node) : (input.end ?? start);
        const cell = cellAt(notebook, start);
        if (isSuppressed(suppressions, notebook, rule.code, start, cell)) return;
        const line = notebook.lineOf(start);
        const endLine = notebook.lineOf(end);
        diagnostics.push({
          code: rule.code,
          name: rule.name,
          severity: rule.severity,
          message: input.message,
          line,
          column: start - lineStartOf(notebook.source, start) + 1,
          endLine,
          endColumn: end - lineStartOf(notebook.source, end) + 1,
          start,
          end,
          cell: cell?.index,
          fixSafety: input.fix ? rule.fix : "none",
          fix: rule.fix === "none" ? undefined : input.fix,
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      internalErrors.push({ code: rule.code, message: `${rule.code} crashed: ${(error as Error).message}` });
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return { diagnostics, internalErrors, dataflow };
}
