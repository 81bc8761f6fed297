// The contract between the engine and the rules. The engine knows rules only through these types.
import type { Cell, Notebook } from "../notebook/model.js";
import type { Dataflow } from "../notebook/dataflow.js";
import type { PyNode } from "../notebook/python.js";

/** ruff's fix safety: safe fixes apply by default, unsafe ones need `--unsafe-fixes`. */
export type FixSafety = "safe" | "unsafe" | "none";
export type Severity = "error" | "warning" | "info";

export interface RuleMeta {
  /** `NV` + family letter + three digits, e.g. `NVG003`. */
  readonly code: string;
  /** kebab-case name, e.g. `del-without-empty-cache`. */
  readonly name: string;
  /** Section of the NVIDIA + marimo best-practices guide, e.g. `3.3`. */
  readonly section: string;
  readonly severity: Severity;
  readonly fix: FixSafety;
  /** One line for `--list-rules`. */
  readonly summary: string;
  /** Markdown: What it does / Why is this bad? / Example / Fix / Fix safety. */
  readonly docs: string;
  /**
   * When fixes of several rules compete for the same place in one pass, lower goes first
   * (default 0). Gates (`mo.stop`) go before rewrites that wrap code in `try`.
   */
  readonly fixPriority?: number;
  /**
   * The options the rule reads from `context.options` (none when omitted). Configuration and
   * the API reject any other key, and values these do not accept; the docs list them.
   */
  readonly options?: readonly RuleOption[];
}

/** One option of a rule, as `[tool.nvmarimo-fix.rules.CODE]` sets it. */
export interface RuleOption {
  /** The key, e.g. `maxGlobals`. */
  readonly name: string;
  /** One sentence for the docs. */
  readonly description: string;
  /** What a valid value is, completing "must be ...", e.g. `a positive integer`. */
  readonly expected: string;
  /** The value the rule uses when the option is not set. */
  readonly defaultValue: number | string | boolean | readonly string[];
  /** Whether a value (from TOML or the API) is a valid setting. */
  accepts(value: unknown): boolean;
}

/**
 * A text edit on the source. Offsets index the JS string. `text` uses `\n`; the engine
 * converts it to the file's line ending.
 */
export interface TextEdit {
  readonly kind: "text";
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A new `@app.cell` before or after an existing cell; its signature and return are generated. */
export interface CellInsertion {
  readonly kind: "cell";
  readonly anchor: number;
  readonly where: "before" | "after";
  /** The cell's code at column 0, LF line breaks, without `def` or `return`. */
  readonly code: string;
  /** Decorator options, e.g. `hide_code=True`. */
  readonly options?: string;
}

export type Edit = TextEdit | CellInsertion;

export interface Fix {
  /** What the fix does, for `--show-fixes`. */
  readonly description: string;
  /**
   * An edit object held by several fixes (the same object, not an equal one) is made once when
   * they are applied in the same pass; equal but separate edits conflict.
   */
  readonly edits: readonly Edit[];
  /**
   * What the fix does when a fix applied before it in the same pass has made the edits they
   * share: the description without that part.
   */
  readonly sharedDescription?: string | undefined;
}

export interface Diagnostic {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based line and column of the start, and of the end. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly start: number;
  readonly end: number;
  /** Index of the cell the diagnostic is in, when it is in one. */
  readonly cell: number | undefined;
  readonly fixSafety: FixSafety;
  readonly fix: Fix | undefined;
}

export interface ReportInput {
  /** The node to point at (or give `start`/`end`). */
  readonly node?: PyNode;
  readonly start?: number;
  readonly end?: number;
  readonly message: string;
  /** Omit when this occurrence cannot be fixed (say why in the message). */
  readonly fix?: Fix;
}

export interface RuleOptions {
  /** Rule options from configuration, by rule code. */
  readonly [code: string]: Readonly<Record<string, unknown>> | undefined;
}

export interface RuleContext {
  readonly notebook: Notebook;
  /** Notebook dataflow, computed on first use and shared by all rules of a pass. */
  dataflow(): Dataflow;
  /** A name no cell uses yet: `base`, else `base_2`, `base_3`, ... (unique within the pass). */
  freshName(base: string): string;
  /** The cell containing an offset. */
  cellAt(offset: number): Cell | undefined;
  /** Options for the running rule. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The notebook's file path as given to the linter (undefined for unnamed sources). */
  readonly path: string | undefined;
  report(diagnostic: ReportInput): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
