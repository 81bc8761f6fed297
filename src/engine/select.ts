// Rule selection as in ruff: `select`, `extend-select` and `ignore` take codes or prefixes
// (`NVG`, `NV`) or `ALL`, and are resolved in layers (the configuration, then the command line),
// the more specific selector winning within a layer.
import type { Rule } from "./types.js";

/** One layer of selection: a configuration file's, the command line's, or an API call's. */
export interface Selection {
  /** Replaces what earlier layers enabled; `[]` enables nothing. */
  readonly select?: readonly string[];
  /** Enables rules on top of what `select` (or the earlier layers) enabled. */
  readonly extendSelect?: readonly string[];
  /** Disables rules, unless a more specific selector of the same layer enables them. */
  readonly ignore?: readonly string[];
}

/**
 * The specificity of the most specific selector of `selectors` that matches `code`, or -1 when
 * none does: `ALL` is the least specific (0), then a longer prefix is a more specific one
 * (`NV` < `NVG` < `NVG0` < `NVG003`), as ruff ranks linter, prefix and rule selectors.
 */
function strongestMatch(code: string, selectors: readonly string[] | undefined): number {
  let best = -1;
  if (selectors === undefined) return best;
  for (const selector of selectors) {
    if (selector === "ALL") {
      if (best < 0) best = 0;
    } else if (selector.length > best && code.startsWith(selector.toUpperCase())) {
      best = selector.length;
    }
  }
  return best;
}

/**
 * The rules enabled by layers of selection applied in order, over every rule at the start
 * (this tool's default), as ruff resolves its configuration and then its command line:
 *
 * - Within a layer, each rule follows the most specific selector that matches it: `select` and
 *   `extendSelect` enable, `ignore` disables, and at equal specificity `ignore` wins. So
 *   `select = ["NVG003"], ignore = ["NVG"]` keeps NVG003, `select = ["NVG"], ignore = ["NVG003"]`
 *   drops it, and `select = ["NVG003"], ignore = ["NVG003"]` drops it.
 * - A layer with `select` replaces what the earlier layers enabled (`select: []` enables
 *   nothing); a layer without one enables and disables on top of them.
 * - As in ruff, a layer whose only list is a non-empty `ignore` next to `select: []` hands that
 *   `ignore` on to the next layer (so a configuration's `select = [], ignore = [...]` still
 *   disables those rules under a command-line `--select`, by the same specificity rule).
 */
export function resolveSelection(rules: readonly Rule[], layers: readonly Selection[]): Rule[] {
  const enabled = new Array<boolean>(rules.length).fill(true);
  let carriedIgnore: readonly string[] = [];
  // Loops, not `filter` with arrow functions: this runs for every file, and a closure made per
  // call loses its optimized code at every forced collection (see notebook/shapes.ts).
  for (const layer of layers) {
    const ignore = carriedIgnore.length > 0 ? [...(layer.ignore ?? []), ...carriedIgnore] : layer.ignore;
    const replaces = layer.select !== undefined;
    for (let i = 0; i < rules.length; i++) {
      const code = rules[i]!.code;
      const on = Math.max(strongestMatch(code, layer.select), strongestMatch(code, layer.extendSelect));
      const off = strongestMatch(code, ignore);
      if (on > off) enabled[i] = true;
      else if (off >= 0) enabled[i] = false;
      else if (replaces) enabled[i] = false;
    }
    carriedIgnore =
      layer.select !== undefined && layer.select.length === 0 && (layer.extendSelect ?? []).length === 0 && (layer.ignore ?? []).length > 0 ? layer.ignore! : [];
  }
  const selected: Rule[] = [];
  for (let i = 0; i < rules.length; i++) if (enabled[i]) selected.push(rules[i]!);
  return selected;
}

/**
 * The rules one layer of selection enables (the API's options): every rule without `select`,
 * then `extendSelect` and `ignore` as described for `resolveSelection`.
 */
export function selectRules(rules: readonly Rule[], selection: Selection = {}): Rule[] {
  return resolveSelection(rules, [selection]);
}

/** Whether a rule code is matched by any of the selectors (codes, prefixes, `ALL`), whatever their specificity. */
export function matchesAnySelector(code: string, selectors: readonly string[]): boolean {
  return strongestMatch(code, selectors) >= 0;
}

/** Codes or prefixes that match no rule, for a clear usage error. */
export function unknownSelectors(rules: readonly Rule[], selectors: readonly string[]): string[] {
  return selectors.filter((s) => s !== "ALL" && !rules.some((r) => r.code.startsWith(s.toUpperCase())));
}
