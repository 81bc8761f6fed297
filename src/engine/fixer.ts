// The fix loop: lint, pick non-overlapping fixes, apply, regenerate changed cells, verify,
// repeat to a fixpoint (at most 10 passes). A pass that fails verification is never written:
// its fixes are retried one by one and those that still fail are reported as internal errors.
import { computeDataflow, type Dataflow } from "../notebook/dataflow.js";
import type { Notebook } from "../notebook/model.js";
import { applyEdits, regenerateCells } from "./apply.js";
import { lintNotebook, NameAllocator, type InternalError } from "./lint.js";
import type { Diagnostic, Edit, Rule, RuleOptions } from "./types.js";
import { findProblems, newProblems, type NotebookProblems } from "./verify.js";
import { keepShape } from "../notebook/shapes.js";

export const MAX_PASSES = 10;

export interface FixOptions {
  readonly rules: readonly Rule[];
  readonly unsafeFixes?: boolean;
  readonly ruleOptions?: RuleOptions;
  /** The file's path, passed on to the rules. */
  readonly path?: string;
}

export interface AppliedFix {
  readonly code: string;
  readonly description: string;
  readonly line: number;
}

export interface FixLoopResult {
  readonly output: string;
  readonly applied: AppliedFix[];
  readonly internalErrors: InternalError[];
  readonly converged: boolean;
  readonly passes: number;
  /**
   * The diagnostics of the output, from the loop's last lint, when it converged: that lint ran
   * on the output itself and found nothing more to fix, so the caller need not lint it again.
   */
  readonly remaining: Diagnostic[] | undefined;
}

function fixAllowed(d: Diagnostic, unsafe: boolean): boolean {
  if (!d.fix) return false;
  return d.fixSafety === "safe" || (unsafe && d.fixSafety === "unsafe");
}

interface Span {
  readonly start: number;
  readonly end: number;
  /** A text edit that inserts without replacing. */
  readonly insertion: boolean;
  /** A text edit that replaces at least one character. */
  readonly replacement: boolean;
}

function spansOf(notebook: Notebook, edits: readonly Edit[]): Span[] {
  return edits.map((edit) => {
    if (edit.kind === "text") return { start: edit.start, end: edit.end, insertion: edit.start === edit.end, replacement: edit.start < edit.end };
    const anchor = notebook.cells[edit.anchor];
    const at = anchor ? (edit.where === "after" ? anchor.end : anchor.start) : 0;
    return { start: at, end: at, insertion: false, replacement: false };
  });
}

/**
 * Overlapping or adjacent spans conflict: both would write at the same place. One exception:
 * text inserted where a replacement starts goes before the replacement's text (magic-string
 * keeps it with the text before that point), which is what an insertion before a statement
 * means: `mo.stop(...)` or `set_seed(seed)` at the top of a cell whose code another fix wraps
 * in `try`.
 */
function conflicts(a: Span, b: Span): boolean {
  if (!(a.start <= b.end && b.start <= a.end)) return false;
  if (a.insertion && b.replacement && a.start === b.start) return false;
  if (b.insertion && a.replacement && b.start === a.start) return false;
  return true;
}

/**
 * The edits of the chosen fixes, each once. Fixes share an edit when they hold the same object,
 * which a rule hands to several fixes that all need it made once (NVS001's seed cell, a group's
 * one fix). Equal edits that are separate objects are not shared: each fix may assume it alone
 * makes its part (two NVE004 fixes each remove the `import marimo as mo` line and write it back
 * in their own text), so they conflict and the later one waits for the next pass.
 */
function editsOf(fixes: readonly Diagnostic[]): Edit[] {
  return [...new Set(fixes.flatMap((d) => d.fix!.edits))];
}

/**
 * Chooses fixes whose edits neither overlap nor touch those already chosen, except for edits
 * they share with a fix already chosen (see `editsOf`).
 */
function chooseFixes(notebook: Notebook, candidates: readonly Diagnostic[], failed: (d: Diagnostic, error: Error) => void): Diagnostic[] {
  const chosen: Diagnostic[] = [];
  const taken: Span[] = [];
  const takenEdits = new Set<Edit>();
  for (const d of candidates) {
    let spans: Span[];
    let edits: readonly Edit[];
    try {
      // A lazy fix computes its edits here, on first read.
      edits = d.fix!.edits;
      spans = spansOf(notebook, edits);
    } catch (error) {
      failed(d, error as Error);
      continue;
    }
    const own = spans.filter((_, i) => !takenEdits.has(edits[i]!));
    // A fix made entirely of edits already chosen is left to the next lint, which no longer
    // reports its diagnostic: `applied` lists each change once.
    if (own.length === 0 && spans.length > 0) continue;
    if (own.some((s) => taken.some((t) => conflicts(s, t)))) continue;
    // Edits of one fix must not conflict with each other either.
    if (spans.some((s, i) => spans.some((t, j) => i < j && conflicts(s, t) && !(s.start === s.end && t.start === t.end && edits[i]!.kind === "cell" && edits[j]!.kind === "cell")))) continue;
    chosen.push(d);
    taken.push(...own);
    for (const edit of edits) takenEdits.add(edit);
  }
  return chosen;
}

type PassOutcome = { ok: true; notebook: Notebook; dataflow: Dataflow } | { ok: false; reason: string };

/** A pass's starting point: the notebook, its dataflow and its problems, computed once per pass. */
class PassStart {
  private problems: NotebookProblems | undefined;

  constructor(
    readonly notebook: Notebook,
    readonly dataflow: Dataflow,
  ) {
    keepShape(this);
  }

  get knownProblems(): NotebookProblems {
    return (this.problems ??= findProblems(this.notebook, this.dataflow));
  }
}

function tryPass(start: PassStart, fixes: readonly Diagnostic[]): PassOutcome {
  const applied = applyEdits(start.notebook, editsOf(fixes));
  const regenerated = regenerateCells(start.notebook, start.dataflow, applied);
  if (!regenerated.ok) return regenerated;
  const problem = newProblems(start.knownProblems, findProblems(regenerated.notebook, regenerated.dataflow));
  if (problem) return { ok: false, reason: problem };
  return { ok: true, notebook: regenerated.notebook, dataflow: regenerated.dataflow };
}

/** Fixes a parsed notebook. The caller has already rejected files that do not parse. */
export function runFixLoop(initial: Notebook, options: FixOptions): FixLoopResult {
  return drain(fixPasses(initial, options));
}

/** Runs a generator that yields between steps to its end, synchronously. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The fix loop, pausing after each pass and each retry. Every attempt parses the notebook twice, and
 * a syntax tree's native memory is freed only after a turn of the event loop: a caller that fixes
 * large files (the CLI) awaits one between passes; `runFixLoop` runs straight through.
 */
export function* fixPasses(initial: Notebook, options: FixOptions): Generator<void, FixLoopResult> {
  const unsafe = options.unsafeFixes ?? false;
  const applied: AppliedFix[] = [];
  const internalErrors: InternalError[] = [];
  // Fixes that failed verification, by rule and the text they pointed at, are not retried.
  const poisoned = new Set<string>();
  const keyOf = (nb: Notebook, d: Diagnostic) => `${d.code}\u0000${nb.source.slice(d.start, d.end)}`;
  let notebook = initial;
  // The current notebook's dataflow, when the previous pass computed it.
  let flow: Dataflow | undefined;
  let passes = 0;
  let converged = false;
  let remaining: Diagnostic[] | undefined;

  while (passes < MAX_PASSES) {
    const names = new NameAllocator(notebook.source);
    const lint = lintNotebook(notebook, options.rules, options.ruleOptions, names, options.path, flow);
    flow ??= lint.dataflow;
    if (passes === 0) internalErrors.push(...lint.internalErrors);
    const candidates = lint.diagnostics.filter((d) => fixAllowed(d, unsafe) && !poisoned.has(keyOf(notebook, d)));
    if (candidates.length === 0) {
      converged = true;
      remaining = lint.diagnostics;
      break;
    }
    passes++;
    const priority = new Map(options.rules.map((r) => [r.code, r.fixPriority ?? 0]));
    candidates.sort((a, b) => (priority.get(a.code) ?? 0) - (priority.get(b.code) ?? 0) || a.start - b.start);
    let fixes = chooseFixes(notebook, candidates, (d, error) => {
      poisoned.add(keyOf(notebook, d));
      internalErrors.push({ code: d.code, message: `${d.code} crashed computing its fix at line ${d.line}: ${error.message}` });
    });
    if (fixes.length === 0) continue;
    const start = new PassStart(notebook, (flow ??= computeDataflow(notebook)));
    let outcome = tryPass(start, fixes);
    if (!outcome.ok) {
      // Find the culprits: keep each fix that verifies on its own.
      const good: Diagnostic[] = [];
      for (const fix of fixes) {
        const alone = tryPass(start, [fix]);
        yield;
        if (alone.ok) good.push(fix);
        else {
          poisoned.add(keyOf(notebook, fix));
          internalErrors.push({ code: fix.code, message: `${fix.code} fix at line ${fix.line} was not applied: ${alone.reason}` });
        }
      }
      fixes = good;
      if (fixes.length === 0) continue;
      outcome = tryPass(start, fixes);
      if (!outcome.ok) {
        // Each verifies alone but not all together (e.g. two rules that each add
        // `import marimo as mo` in a different cell): apply a compatible subset, chosen greedily
        // in priority order; the others are linted again on the next pass, against the new source.
        const compatible: Diagnostic[] = [];
        for (const fix of fixes) {
          const attempt = tryPass(start, [...compatible, fix]);
          yield;
          if (attempt.ok) {
            compatible.push(fix);
            outcome = attempt;
          }
        }
        fixes = compatible;
        if (!outcome.ok) continue; // Unreachable: the first fix verified alone.
      }
    }
    const made = new Set<Edit>();
    for (const d of fixes) {
      const edits = d.fix!.edits;
      const shares = edits.some((edit) => made.has(edit));
      applied.push({ code: d.code, description: (shares ? d.fix!.sharedDescription : undefined) ?? d.fix!.description, line: d.line });
      for (const edit of edits) made.add(edit);
    }
    // The verified pass parsed its result already: the next pass starts from it.
    notebook = outcome.notebook;
    flow = outcome.dataflow;
    yield;
  }
  return { output: notebook.source, applied, internalErrors, converged, passes, remaining };
}
