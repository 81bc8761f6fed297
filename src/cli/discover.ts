// Finds the notebooks to check: files as given, directories walked for `*.py`, never following
// a symlink out of the given roots or around a loop.
import { readdir, realpath, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { describeIoError } from "../api.js";

export interface Discovery {
  /** Files to check, sorted, as paths relative to where the user pointed. */
  readonly files: string[];
  /** Paths that could not be read, with one-line reasons. */
  readonly errors: Array<{ path: string; message: string }>;
}

const SKIPPED_DIRECTORIES = new Set([".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", "__marimo__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".ipynb_checkpoints"]);

export interface DiscoverOptions {
  /** Extra predicate for exclusion (configuration `exclude`, `.gitignore`). */
  readonly isExcluded?: (path: string, isDirectory: boolean) => boolean;
}

export async function discoverFiles(paths: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const files = new Set<string>();
  const errors: Array<{ path: string; message: string }> = [];
  for (const given of paths) {
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
    await walk(given, root, new Set([root]), files, errors, options);
  }
  return { files: [...files].sort(), errors };
}

async function walk(dir: string, root: string, seen: Set<string>, files: Set<string>, errors: Array<{ path: string; message: string }>, options: DiscoverOptions): Promise<void> {
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
      if (options.isExcluded?.(path, true)) continue;
      await walk(path, root, seen, files, errors, options);
    } else if (isFile && entry.name.endsWith(".py")) {
      if (options.isExcluded?.(path, false)) continue;
      files.add(path);
    }
  }
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
