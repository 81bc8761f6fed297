// Runs rules over a parsed notebook and collects their diagnostics.
import { computeDataflow, type Dataflow } from "../notebook/dataflow.js";
import { cellAt, type Cell, type Notebook } from "../notebook/model.js";
import { endOf, startOf } from "../notebook/python.js";
import { lineStartOf } from "../notebook/text.js";
import type { Diagnostic, Fix, ReportInput, Rule, RuleContext, RuleOptions } from "./types.js";
import { keepShape } from "../notebook/shapes.js";
import { isFileSuppressed, isSuppressed, parseSuppressions, type Suppressions } from "./suppressions.js";

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

/** What all rules of one pass share: the notebook, its dataflow, fresh names, suppressions. */
class LintPass {
  readonly diagnostics: Diagnostic[] = [];
  dataflow: Dataflow | undefined;
  readonly suppressions: Suppressions;

  constructor(
    readonly notebook: Notebook,
    readonly allocator: NameAllocator,
    knownDataflow: Dataflow | undefined,
  ) {
    this.dataflow = knownDataflow;
    this.suppressions = parseSuppressions(notebook);
    keepShape(this);
  }
}

/**
 * One rule's view of a pass. A class, not an object literal of arrow functions made per rule:
 * with the latest instance kept (see notebook/shapes.ts), the functions below keep their
 * optimized code across the CLI's forced collections. They are arrow functions so that a custom
 * rule may take them out of the context (`const { report } = context`).
 */
class RuleRun implements RuleContext {
  readonly notebook: Notebook;
  readonly options: Readonly<Record<string, unknown>>;

  constructor(
    private readonly pass: LintPass,
    private readonly rule: Rule,
    options: RuleOptions,
    readonly path: string | undefined,
  ) {
    this.notebook = pass.notebook;
    this.options = options[rule.code] ?? {};
    keepShape(this);
  }

  readonly dataflow = (): Dataflow => (this.pass.dataflow ??= computeDataflow(this.notebook));

  readonly freshName = (base: string): string => this.pass.allocator.fresh(base);

  readonly cellAt = (offset: number): Cell | undefined => cellAt(this.notebook, offset);

  readonly report = (input: ReportInput): void => {
    const { notebook, rule } = this;
    const start = input.node ? startOf(input.node) : (input.start ?? 0);
    const end = input.node ? endOf(input.node) : (input.end ?? start);
    const cell = cellAt(notebook, start);
    if (isSuppressed(this.pass.suppressions, notebook, rule.code, start, cell)) return;
    const fix = rule.fix === "none" || !input.fix || editsUnparsableCell(notebook, input.fix) ? undefined : input.fix;
    this.pass.diagnostics.push({
      code: rule.code,
      name: rule.name,
      severity: rule.severity,
      message: input.message,
      line: notebook.lineOf(start),
      column: start - lineStartOf(notebook.source, start) + 1,
      endLine: notebook.lineOf(end),
      endColumn: end - lineStartOf(notebook.source, end) + 1,
      start,
      end,
      cell: cell?.index,
      fixSafety: fix ? rule.fix : "none",
      fix,
    });
  };
}

/**
 * Whether a fix edits the text of a cell marimo cannot parse (`app._unparsable_cell`, or a cell
 * with a `return` of its own before its last line): marimo keeps such a cell's text as it is, so
 * a fix there would leave a cell that is neither the author's nor in marimo's form.
 */
function editsUnparsableCell(notebook: Notebook, fix: Fix): boolean {
  if (!notebook.cells.some((cell) => cell.kind === "unparsable")) return false;
  return fix.edits.some((edit) => {
    if (edit.kind !== "text") return false;
    return notebook.cells.some((cell) => cell.kind === "unparsable" && edit.start < cell.end && edit.end > cell.start);
  });
}

function bySourceOrder(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.code.localeCompare(b.code);
}

/** `knownDataflow`: the notebook's dataflow when the caller has it already (the fix loop). */
export function lintNotebook(notebook: Notebook, rules: readonly Rule[], options: RuleOptions = {}, names?: NameAllocator, path?: string, knownDataflow?: Dataflow): LintResult {
  const internalErrors: InternalError[] = [];
  const pass = new LintPass(notebook, names ?? new NameAllocator(notebook.source), knownDataflow);
  for (const rule of rules) {
    // `# nvmarimo: ignore-file` (or `ignore-file[CODES]` naming it): the rule does not run.
    if (isFileSuppressed(pass.suppressions, rule.code)) continue;
    try {
      rule.check(new RuleRun(pass, rule, options, path));
    } catch (error) {
      internalErrors.push({ code: rule.code, message: `${rule.code} crashed: ${(error as Error).message}` });
    }
  }
  const diagnostics = pass.diagnostics.sort(bySourceOrder);
  return { diagnostics, internalErrors, dataflow: pass.dataflow };
}
