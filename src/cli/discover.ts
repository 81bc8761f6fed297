// Finds the notebooks to check: files as given, directories walked for `*.py`, never following
// a symlink out of the given roots or around a loop.
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import ignore, { type Ignore } from "ignore";
import { join, relative, resolve, sep } from "node:path";
import { describeIoError } from "../api.js";
import { globToRegExp } from "./config.js";

export interface Discovery {
  /** Files to check, sorted, as paths relative to where the user pointed. */
  readonly files: string[];
  /** Paths that could not be read, with one-line reasons. */
  readonly errors: Array<{ path: string; message: string }>;
}

const SKIPPED_DIRECTORIES = new Set([".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", "__marimo__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".ipynb_checkpoints"]);

export interface DiscoverOptions {
  /** Extra predicate for exclusion (configuration `exclude`). */
  readonly isExcluded?: (path: string, isDirectory: boolean) => boolean;
  /** Respect `.gitignore` files in walked directories (default true). */
  readonly respectGitignore?: boolean;
}

/** The `.gitignore` rules in force in a directory, each with the directory it is relative to. */
interface GitignoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

async function loadGitignore(dir: string): Promise<GitignoreScope | undefined> {
  try {
    const text = await readFile(join(dir, ".gitignore"), "utf8");
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function gitignored(scopes: readonly GitignoreScope[], path: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const rel = relative(scope.base, path).split(sep).join("/");
    if (rel && !rel.startsWith("..") && scope.rules.ignores(isDirectory ? rel + "/" : rel)) return true;
  }
  return false;
}

export async function discoverFiles(paths: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const files = new Set<string>();
  const errors: Array<{ path: string; message: string }> = [];
  for (const given of paths) {
    if (/[*?[]/.test(given) && !(await exists(given))) {
      await expandGlob(given, files, errors, options);
      continue;
    }
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      errors.push({ path: given, message: describeIoError(error) });
      continue;
    }
    if (info.isFile()) {
      files.add(given);
      continue;
    }
    if (!info.isDirectory()) {
      errors.push({ path: given, message: "not a regular file or directory" });
      continue;
    }
    const root = await realpath(given);
    await walk(given, root, new Set([root]), files, errors, options, []);
  }
  return { files: [...files].sort(), errors };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A glob such as `notebooks/**` + `/*.py`: walks the part before the first wildcard, keeps matches. */
async function expandGlob(pattern: string, files: Set<string>, errors: Array<{ path: string; message: string }>, options: DiscoverOptions): Promise<void> {
  const parts = pattern.split("/");
  const firstWild = parts.findIndex((p) => /[*?[]/.test(p));
  const base = parts.slice(0, firstWild).join("/") || ".";
  const matcher = globToRegExp(pattern.replace(/^\.\//, ""));
  const found = new Set<string>();
  let root: string;
  try {
    root = await realpath(base);
  } catch (error) {
    errors.push({ path: pattern, message: describeIoError(error) });
    return;
  }
  // A glob names files explicitly, so .gitignore does not apply to it (as with a file path).
  await walk(base, root, new Set([root]), found, errors, { ...options, respectGitignore: false }, []);
  for (const file of found) if (matcher.test(file.replace(/^\.\//, ""))) files.add(file);
}

async function walk(dir: string, root: string, seen: Set<string>, files: Set<string>, errors: Array<{ path: string; message: string }>, options: DiscoverOptions, parentScopes: readonly GitignoreScope[]): Promise<void> {
  const own = options.respectGitignore === false ? undefined : await loadGitignore(dir);
  const scopes = own ? [...parentScopes, own] : parentScopes;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push({ path: dir, message: describeIoError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
        const info = await stat(target);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      } catch (error) {
        errors.push({ path, message: describeIoError(error) });
        continue;
      }
      // Never leave the root, never go round a loop.
      if (target !== root && !target.startsWith(root + sep)) continue;
      if (isDirectory && seen.has(target)) continue;
      if (isDirectory) seen.add(target);
    } else if (isDirectory) {
      const real = resolve(dir, entry.name);
      if (seen.has(real)) continue;
      seen.add(real);
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (options.isExcluded?.(path, true) || gitignored(scopes, path, true)) continue;
      await walk(path, root, seen, files, errors, options, scopes);
    } else if (isFile && entry.name.endsWith(".py")) {
      if (options.isExcluded?.(path, false) || gitignored(scopes, path, false)) continue;
      files.add(path);
    }
  }
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
