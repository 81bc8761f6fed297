// Rule options: how a rule declares them, and the one check that configuration files and the
// API share, so that a typo or a bad value stops the run instead of silently using the default.
import type { Rule, RuleOption, RuleOptions } from "./types.js";

export interface IntegerOption extends RuleOption {
  readonly defaultValue: number;
  /** The configured value, or the default when it is unset (or invalid, if it got past the check). */
  read(value: unknown): number;
}

/** An integer option with a lower bound. */
export function integerOption(spec: { name: string; description: string; minimum: number; defaultValue: number }): IntegerOption {
  const { minimum, defaultValue } = spec;
  const accepts = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= minimum;
  return {
    name: spec.name,
    description: spec.description,
    expected: minimum === 0 ? "a non-negative integer" : minimum === 1 ? "a positive integer" : `an integer of at least ${minimum}`,
    defaultValue,
    accepts,
    read: (value) => (accepts(value) ? value : defaultValue),
  };
}

export interface StringListOption extends RuleOption {
  readonly defaultValue: readonly string[];
  read(value: unknown): readonly string[];
}

/** A list of strings, empty by default. */
export function stringListOption(spec: { name: string; description: string }): StringListOption {
  const accepts = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");
  return { name: spec.name, description: spec.description, expected: "a list of strings", defaultValue: [], accepts, read: (value) => (accepts(value) ? value : []) };
}

/** "takes: a, b" or "takes no options", to follow a rule code in a message. */
function optionsTaken(rule: Rule): string {
  const names = (rule.options ?? []).map((o) => o.name);
  return names.length > 0 ? `takes: ${names.join(", ")}` : "takes no options";
}

/** Why `value` is not a valid setting of `option` (`key` is its full name for the message). */
export function optionValueProblem(option: RuleOption, key: string, value: unknown): string | undefined {
  return option.accepts(value) ? undefined : `\`${key}\` must be ${option.expected}`;
}

/**
 * The first problem with options given by rule code, as a one-line message, or undefined. Keys
 * in the message start with `keyPrefix` (e.g. `tool.nvmarimo-fix.rules.`).
 */
export function ruleOptionsProblem(rules: readonly Rule[], ruleOptions: RuleOptions, keyPrefix: string): string | undefined {
  for (const [code, options] of Object.entries(ruleOptions)) {
    if (options === undefined) continue;
    const rule = rules.find((r) => r.code === code);
    if (!rule) return `unknown rule code \`${keyPrefix}${code}\``;
    if (typeof options !== "object" || options === null || Array.isArray(options)) return `\`${keyPrefix}${code}\` must be a table of options`;
    for (const [key, value] of Object.entries(options)) {
      const option = rule.options?.find((o) => o.name === key);
      const problem = option ? optionValueProblem(option, `${keyPrefix}${code}.${key}`, value) : `unknown option \`${keyPrefix}${code}.${key}\` (${code} ${optionsTaken(rule)})`;
      if (problem) return problem;
    }
  }
  return undefined;
}
