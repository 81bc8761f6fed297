// Rule selection as in ruff: `--select` and `--ignore` take codes or prefixes (`NVG`, `NV`).
import type { Rule } from "./types.js";

export interface Selection {
  readonly select?: readonly string[];
  readonly extendSelect?: readonly string[];
  readonly ignore?: readonly string[];
}

function matchesAny(code: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => p === "ALL" || code.startsWith(p.toUpperCase()));
}

/** The rules a selection enables. Without `select`, every rule is enabled. */
export function selectRules(rules: readonly Rule[], selection: Selection = {}): Rule[] {
  const select = selection.select && selection.select.length > 0 ? selection.select : ["ALL"];
  const extend = selection.extendSelect ?? [];
  const ignore = selection.ignore ?? [];
  // A loop, not `filter` with an arrow function: this runs for every file, and a closure made
  // per call loses its optimized code at every forced collection (see notebook/shapes.ts).
  const selected: Rule[] = [];
  for (const rule of rules) {
    if ((matchesAny(rule.code, select) || matchesAny(rule.code, extend)) && !matchesAny(rule.code, ignore)) selected.push(rule);
  }
  return selected;
}

/** Codes or prefixes that match no rule, for a clear usage error. */
export function unknownSelectors(rules: readonly Rule[], selectors: readonly string[]): string[] {
  return selectors.filter((s) => s !== "ALL" && !rules.some((r) => r.code.startsWith(s.toUpperCase())));
}
