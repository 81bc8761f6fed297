// Configuration from `[tool.nvmarimo-fix]` in a pyproject.toml (or a file given with --config;
// config-resolver.ts decides which file governs which path). Unknown keys and bad values stop
// the run with a message naming file and key.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { parse as parseToml, TomlError } from "smol-toml";
import { describeIoError } from "../api.js";
import { optionValueProblem, ruleOptionsProblem } from "../engine/options.js";
import type { Selection } from "../engine/select.js";
import { ALL_RULES, ruleByCode } from "../transforms/index.js";

export interface Config {
  /** The file the configuration came from, if any. */
  readonly path: string | undefined;
  /** `select`, `extend-select` and `ignore`: one layer of selection (engine/select.ts); `select = []` selects nothing. */
  readonly select?: string[];
  readonly ignore?: string[];
  readonly extendSelect?: string[];
  readonly unsafeFixes?: boolean;
  /** Apply `exclude` to paths named on the command line too (`--force-exclude`). */
  readonly forceExclude?: boolean;
  /** Glob → codes to ignore in matching files, after the selection is resolved (whatever its specificity). */
  readonly perFileIgnores: Readonly<Record<string, string[]>>;
  /**
   * Globs of paths a walk skips: `exclude` then `extend-exclude`, both added to the directories
   * skipped by default (discover.ts's DEFAULT_EXCLUDES), which neither replaces.
   */
  readonly exclude: string[];
  /** Rule options by code, e.g. `{ NVO001: { maxGlobals: 10 } }`, checked against the rules' declarations. */
  readonly ruleOptions: Record<string, Record<string, unknown>>;
  /**
   * The selections of the files this one extends (`extend`), outermost first: earlier layers
   * than this file's own, as ruff layers them. Each names its file, for error messages.
   */
  readonly inherited: ReadonlyArray<Selection & { readonly path: string }>;
}

export class ConfigError extends Error {}

const TABLE = "nvmarimo-fix";
const KNOWN_KEYS = new Set(["extend", "select", "ignore", "extend-select", "unsafe-fixes", "force-exclude", "per-file-ignores", "exclude", "extend-exclude", "max-globals", "rules"]);

/**
 * Whether a pyproject.toml configures the tool, in any TOML spelling (`[tool.nvmarimo-fix]`,
 * `[tool."nvmarimo-fix"]`, `nvmarimo-fix.select = ...` under `[tool]`). One that mentions the
 * tool but does not parse counts, so that its error is reported rather than skipped. One that
 * cannot be read is an error, as with ruff: skipping it would apply another configuration.
 */
export function hasTable(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: ${describeIoError(error)}`);
  }
  if (!text.includes(TABLE)) return false;
  try {
    const tool = (parseToml(text) as Record<string, unknown>).tool;
    return typeof tool === "object" && tool !== null && TABLE in tool;
  } catch {
    return true;
  }
}

function stringList(file: string, key: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new ConfigError(`${file}: \`${key}\` must be a list of strings`);
  }
  return value as string[];
}

function boolean(file: string, key: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new ConfigError(`${file}: \`${key}\` must be true or false`);
  return value;
}

/** The top-level `max-globals`: NVO001's `maxGlobals` option, checked by its declaration. */
function maxGlobals(file: string, key: string, value: unknown): Record<string, unknown> {
  const option = ruleByCode("NVO001")!.options!.find((o) => o.name === "maxGlobals")!;
  const problem = optionValueProblem(option, key, value);
  if (problem) throw new ConfigError(`${file}: ${problem}`);
  return { maxGlobals: value };
}

export const EMPTY_CONFIG: Config = { path: undefined, perFileIgnores: {}, exclude: [], ruleOptions: {}, inherited: [] };

/** One file's table as written, before `extend` merges it with the file it extends. */
interface Table {
  readonly file: string;
  readonly select?: string[];
  readonly ignore?: string[];
  readonly extendSelect?: string[];
  readonly unsafeFixes?: boolean;
  readonly forceExclude?: boolean;
  readonly perFileIgnores?: Record<string, string[]>;
  readonly exclude?: string[];
  readonly extendExclude: string[];
  readonly ruleOptions: Record<string, Record<string, unknown>>;
  readonly inherited: ReadonlyArray<Selection & { readonly path: string }>;
}

/**
 * Loads configuration from a file: a TOML file, or a pyproject.toml with our table (an error
 * without it). `extend = "path"` (relative to the file, `~` for the home directory) first loads
 * the file it names, as ruff does: this file's settings win, its selection is a later layer,
 * `exclude` and `per-file-ignores` replace the extended ones when set, `extend-exclude` adds, and
 * rule options merge option by option.
 */
export function loadConfig(file: string): Config {
  const table = readTable(file, []);
  return {
    path: file,
    ...(table.select ? { select: table.select } : {}),
    ...(table.ignore ? { ignore: table.ignore } : {}),
    ...(table.extendSelect ? { extendSelect: table.extendSelect } : {}),
    ...(table.unsafeFixes !== undefined ? { unsafeFixes: table.unsafeFixes } : {}),
    ...(table.forceExclude !== undefined ? { forceExclude: table.forceExclude } : {}),
    perFileIgnores: table.perFileIgnores ?? {},
    exclude: [...(table.exclude ?? []), ...table.extendExclude],
    ruleOptions: table.ruleOptions,
    inherited: table.inherited,
  };
}

/** `extend`'s value as a path: relative to the extending file, `~` for the home directory. */
function extendedPath(file: string, key: string, value: unknown): string {
  if (typeof value !== "string" || value === "") throw new ConfigError(`${file}: \`${key}\` must be the path of a configuration file`);
  const expanded = value === "~" || value.startsWith("~/") ? homedir() + value.slice(1) : value;
  return resolve(dirname(resolve(file)), expanded);
}

/**
 * A glob of the extended file (whose globs are relative to `fromRoot`) made relative to the
 * extending file's directory `toRoot`; undefined when it can match nothing there. A glob
 * without `/` (a name) or starting with `**` and a slash matches at any depth and is kept as written.
 */
function rebaseGlob(glob: string, fromRoot: string, toRoot: string): string | undefined {
  const written = glob.replace(/^\.\//, "");
  if (fromRoot === toRoot || !written.includes("/") || written.startsWith("**/")) return written;
  const parts = written.split("/");
  let literal = 0;
  while (literal < parts.length - 1 && !/[*?[\]{}!]/.test(parts[literal]!)) literal++;
  const moved = relative(toRoot, resolve(fromRoot, ...parts.slice(0, literal))).split(sep).join("/");
  if (moved === ".." || moved.startsWith("../")) return undefined;
  const rest = parts.slice(literal).join("/");
  return moved === "" ? rest : `${moved}/${rest}`;
}

function rebaseGlobs(globs: readonly string[], fromRoot: string, toRoot: string): string[] {
  return globs.flatMap((glob) => rebaseGlob(glob, fromRoot, toRoot) ?? []);
}

function readTable(file: string, extending: readonly string[]): Table {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: ${describeIoError(error)}`);
  }
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    // smol-toml's message is several lines (the offending line, a caret); keep the first and say where.
    const at = error instanceof TomlError ? `:${error.line}:${error.column}` : "";
    throw new ConfigError(`${file}${at}: ${(error as Error).message.split("\n")[0]}`);
  }
  const isPyproject = file.endsWith("pyproject.toml");
  const table = isPyproject ? ((data.tool as Record<string, unknown> | undefined)?.[TABLE] as Record<string, unknown> | undefined) : data;
  // The search only finds files with the table: this one was named with `--config`.
  if (!table) throw new ConfigError(`${file}: no [tool.${TABLE}] table`);
  const prefix = isPyproject ? `tool.${TABLE}.` : "";

  for (const key of Object.keys(table)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`${file}: unknown key \`${prefix}${key}\``);
  }
  let base: Table | undefined;
  if (table.extend !== undefined) {
    const extended = extendedPath(file, prefix + "extend", table.extend);
    const chain = [...extending, resolve(file)];
    if (chain.includes(extended)) throw new ConfigError(`${file}: \`${prefix}extend\` makes a cycle: ${[...chain, extended].join(" -> ")}`);
    base = readTable(extended, chain);
  }
  const own: { -readonly [K in keyof Table]: Table[K] } = { file, extendExclude: [], ruleOptions: {}, inherited: [] };
  if (table.select !== undefined) own.select = stringList(file, prefix + "select", table.select);
  if (table.ignore !== undefined) own.ignore = stringList(file, prefix + "ignore", table.ignore);
  if (table["extend-select"] !== undefined) own.extendSelect = stringList(file, prefix + "extend-select", table["extend-select"]);
  if (table.exclude !== undefined) own.exclude = stringList(file, prefix + "exclude", table.exclude);
  // ruff's `extend-exclude`, accepted so that a ruff-style table works: ours adds as `exclude` does.
  if (table["extend-exclude"] !== undefined) own.extendExclude = stringList(file, prefix + "extend-exclude", table["extend-exclude"]);
  if (table["unsafe-fixes"] !== undefined) own.unsafeFixes = boolean(file, prefix + "unsafe-fixes", table["unsafe-fixes"]);
  if (table["force-exclude"] !== undefined) own.forceExclude = boolean(file, prefix + "force-exclude", table["force-exclude"]);
  if (table["per-file-ignores"] !== undefined) {
    const value = table["per-file-ignores"];
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${file}: \`${prefix}per-file-ignores\` must be a table of glob = [codes]`);
    const map: Record<string, string[]> = {};
    for (const [glob, codes] of Object.entries(value)) map[glob] = stringList(file, `${prefix}per-file-ignores."${glob}"`, codes);
    own.perFileIgnores = map;
  }
  if (table["max-globals"] !== undefined) own.ruleOptions.NVO001 = maxGlobals(file, prefix + "max-globals", table["max-globals"]);
  if (table.rules !== undefined) {
    const value = table.rules;
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${file}: \`${prefix}rules\` must be a table of rule code = { options }`);
    const problem = ruleOptionsProblem(ALL_RULES, value as Record<string, Record<string, unknown>>, `${prefix}rules.`);
    if (problem) throw new ConfigError(`${file}: ${problem}`);
    const nvo001 = (value as Record<string, Record<string, unknown> | undefined>).NVO001;
    if (table["max-globals"] !== undefined && nvo001?.maxGlobals !== undefined) {
      // Two spellings of one setting: neither may silently win.
      throw new ConfigError(`${file}: \`${prefix}max-globals\` and \`${prefix}rules.NVO001.maxGlobals\` set the same option: keep one`);
    }
    for (const [code, options] of Object.entries(value)) own.ruleOptions[code] = { ...own.ruleOptions[code], ...(options as Record<string, unknown>) };
  }
  return base ? extendTable(base, own) : own;
}

/** `own` on top of the table it extends (see `loadConfig`). */
function extendTable(base: Table, own: Table): Table {
  const fromRoot = dirname(resolve(base.file));
  const toRoot = dirname(resolve(own.file));
  const baseLayer: Selection & { path: string } = {
    path: base.file,
    ...(base.select ? { select: base.select } : {}),
    ...(base.ignore ? { ignore: base.ignore } : {}),
    ...(base.extendSelect ? { extendSelect: base.extendSelect } : {}),
  };
  const ruleOptions: Record<string, Record<string, unknown>> = { ...base.ruleOptions };
  for (const [code, options] of Object.entries(own.ruleOptions)) ruleOptions[code] = { ...ruleOptions[code], ...options };
  const basePerFileIgnores = base.perFileIgnores
    ? Object.fromEntries(Object.entries(base.perFileIgnores).flatMap(([glob, codes]) => rebaseGlobs([glob], fromRoot, toRoot).map((moved) => [moved, codes])))
    : undefined;
  const perFileIgnores = own.perFileIgnores ?? basePerFileIgnores;
  const exclude = own.exclude ?? (base.exclude ? rebaseGlobs(base.exclude, fromRoot, toRoot) : undefined);
  const unsafeFixes = own.unsafeFixes ?? base.unsafeFixes;
  const forceExclude = own.forceExclude ?? base.forceExclude;
  return {
    ...own,
    ...(unsafeFixes !== undefined ? { unsafeFixes } : {}),
    ...(forceExclude !== undefined ? { forceExclude } : {}),
    ...(perFileIgnores ? { perFileIgnores } : {}),
    ...(exclude ? { exclude } : {}),
    extendExclude: [...own.extendExclude, ...rebaseGlobs(base.extendExclude, fromRoot, toRoot)],
    ruleOptions,
    inherited: [...base.inherited, baseLayer],
  };
}

/**
 * A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) as a RegExp matched against a `/`-separated relative
 * path, by picomatch; `*` matches names that start with a dot too, as in `.gitignore`.
 */
export function globToRegExp(glob: string): RegExp {
  // Compiled once per glob: a walk tests every entry against every `exclude` glob.
  let re = compiledGlobs.get(glob);
  if (!re) compiledGlobs.set(glob, (re = picomatch.makeRe(glob, { dot: true })));
  return re;
}
const compiledGlobs = new Map<string, RegExp>();

/**
 * Whether a file or directory met in a walk is excluded: the glob matches its relative path, or
 * its name when the glob has no `/`. Its parents are not tested: the walk tested those it
 * entered, and a directory named on the command line is searched even if excluded, as with
 * ruff (and as for `.gitignore`).
 */
export function excludes(relativePath: string, glob: string): boolean {
  const re = globToRegExp(glob.replace(/^\.\//, "").replace(/\/$/, ""));
  return re.test(relativePath) || (!glob.includes("/") && re.test(relativePath.slice(relativePath.lastIndexOf("/") + 1)));
}

/** Whether a relative path (or any of its parent directories, or its base name) matches a glob. */
export function matchesGlob(relativePath: string, glob: string): boolean {
  const re = globToRegExp(glob.replace(/^\.\//, "").replace(/\/$/, ""));
  const parts = relativePath.split("/");
  for (let i = 1; i <= parts.length; i++) if (re.test(parts.slice(0, i).join("/"))) return true;
  if (!glob.includes("/")) return parts.some((p) => re.test(p));
  return false;
}
