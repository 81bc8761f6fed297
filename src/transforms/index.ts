// The rule registry: every rule, in code order. Adding a rule = one file + one line here.
import type { Rule } from "../engine/types.js";
import { delWithoutEmptyCache } from "./del-without-empty-cache.js";
import { expensiveCellWithoutStop } from "./expensive-cell-without-stop.js";
import { gpuWorkWithoutOomGuard } from "./gpu-work-without-oom-guard.js";
import { onChangeCallback } from "./on-change-callback.js";
import { unseededRandomness } from "./unseeded-randomness.js";

export const ALL_RULES: readonly Rule[] = [
  delWithoutEmptyCache,
  expensiveCellWithoutStop,
  gpuWorkWithoutOomGuard,
  onChangeCallback,
  unseededRandomness,
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

export function ruleByCode(code: string): Rule | undefined {
  return ALL_RULES.find((r) => r.code === code.toUpperCase() || r.name === code);
}
