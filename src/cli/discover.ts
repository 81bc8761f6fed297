// Finds the notebooks to check: files as given, directories walked for `*.py` (skipping
// DEFAULT_EXCLUDES, Python environments, `exclude` and `.gitignore` below the directories given),
// never following a symlink out of the given roots or around a loop.
import { existsSync } from "node:fs";
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import ignore, { type Ignore } from "ignore";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describeIoError } from "../api.js";
import { globToRegExp } from "./config.js";

export interface Discovery {
  /** Files to check, sorted, as paths relative to where the user pointed. */
  readonly files: string[];
  /** Paths that could not be read, with one-line reasons. */
  readonly errors: Array<{ path: string; message: string }>;
}

/**
 * Directories a walk never enters, by name: ruff's default `exclude` (as of ruff 0.17.6), then
 * `__pycache__` (compiled files only), `__marimo__` (marimo's cache, session state and
 * exports: pickles, JSON, HTML, never a notebook) and our own results cache. The configuration's `exclude` adds to these;
 * a directory named on the command line is searched all the same.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  ".bzr",
  ".direnv",
  ".eggs",
  ".git",
  ".git-rewrite",
  ".hg",
  ".ipynb_checkpoints",
  ".mypy_cache",
  ".nox",
  ".pants.d",
  ".pyenv",
  ".pytest_cache",
  ".pytype",
  ".ruff_cache",
  ".svn",
  ".tox",
  ".venv",
  ".vscode",
  "__pypackages__",
  "_build",
  "buck-out",
  "dist",
  "node_modules",
  "site-packages",
  "venv",
  "__pycache__",
  "__marimo__",
  ".nvmarimo_cache",
];
const SKIPPED_DIRECTORIES = new Set(DEFAULT_EXCLUDES);

/**
 * What makes a directory a Python environment, whatever its name: `pyvenv.cfg` (venv,
 * virtualenv, uv, tox's and nox's environments) or `conda-meta` (conda, mamba, pixi).
 */
const ENVIRONMENT_MARKERS = new Set(["pyvenv.cfg", "conda-meta"]);

/** Whether a directory's entries make it an environment: read from the listing the walk makes anyway, at no extra system call. */
function isEnvironment(entries: readonly { name: string }[]): boolean {
  return entries.some((entry) => ENVIRONMENT_MARKERS.has(entry.name));
}

/** Whether a directory is a Python environment, for a path that no walk listed (`--force-exclude`). */
export function isEnvironmentDirectory(directory: string): boolean {
  for (const marker of ENVIRONMENT_MARKERS) if (existsSync(join(directory, marker))) return true;
  return false;
}

/** Whether a directory of this name is never searched (unless named on the command line). */
export function isSkippedDirectoryName(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name);
}

export interface DiscoverOptions {
  /** Extra predicate for exclusion (configuration `exclude`). */
  readonly isExcluded?: (path: string, isDirectory: boolean) => boolean;
  /**
   * Whether a path named on the command line is left out as a path met in a walk would be
   * (`--force-exclude`; pre-commit names every file).
   */
  readonly isForceExcluded?: (path: string) => boolean;
  /** Respect `.gitignore` files in walked directories (default true). */
  readonly respectGitignore?: boolean;
}

/**
 * Ignore rules in force in a walk, and where they are anchored. A path is tested as `prefix` +
 * its path below `base`: `prefix` is empty for a file read in the walk (`base` is its directory)
 * and is where the walk's root sits below the directory of a file read above it (`base` is the
 * root as given).
 */
interface GitignoreScope {
  readonly base: string;
  readonly prefix: string;
  readonly rules: Ignore;
}

/** What is read from disk during one discovery, shared by every path given, so each is read once. */
interface ReadCache {
  /** Parsed ignore files by absolute path (undefined: missing or unreadable). */
  readonly ignoreFiles: Map<string, Promise<Ignore | undefined>>;
  /** Whether a directory (absolute path) holds `.git`, a directory or a file. */
  readonly repoRoots: Map<string, Promise<boolean>>;
}

function readIgnoreFile(cache: ReadCache, file: string): Promise<Ignore | undefined> {
  let rules = cache.ignoreFiles.get(file);
  if (!rules) {
    rules = readFile(file, "utf8").then(
      (text) => ignore().add(text),
      () => undefined,
    );
    cache.ignoreFiles.set(file, rules);
  }
  return rules;
}

function isRepoRoot(cache: ReadCache, dir: string): Promise<boolean> {
  let answer = cache.repoRoots.get(dir);
  if (answer === undefined) {
    answer = exists(join(dir, ".git"));
    cache.repoRoots.set(dir, answer);
  }
  return answer;
}

/**
 * `info/exclude` of the repository at `root`. In a worktree or submodule `.git` is a file naming
 * the git directory, and a worktree's `commondir` leads to the shared one that holds `info/`.
 */
async function gitExcludeFile(root: string): Promise<string | undefined> {
  const dotGit = join(root, ".git");
  try {
    if ((await stat(dotGit)).isDirectory()) return join(dotGit, "info", "exclude");
    const gitdir = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, "utf8"))?.[1];
    if (!gitdir) return undefined;
    const dir = resolve(root, gitdir);
    const common = await readFile(join(dir, "commondir"), "utf8").then(
      (text) => resolve(dir, text.trim()),
      () => dir,
    );
    return join(common, "info", "exclude");
  } catch {
    return undefined;
  }
}

/** The rules of the ignore files `files`, in that order, tested from `base` with `prefix`. */
async function scopesOf(cache: ReadCache, files: readonly (string | undefined)[], base: string, prefix: string): Promise<GitignoreScope[]> {
  const scopes: GitignoreScope[] = [];
  for (const file of files) {
    const rules = file === undefined ? undefined : await readIgnoreFile(cache, file);
    if (rules) scopes.push({ base, prefix, rules });
  }
  return scopes;
}

/**
 * The rules a walk of `given` (real path `realRoot`) inherits from above it: inside a git
 * repository, `info/exclude` and the `.gitignore` of every directory from the repository root
 * down to the root's parent, so that the same files are found wherever the walk starts (as git,
 * ruff and ripgrep do). Outside a repository, nothing: like ripgrep, only a repository ties
 * directories together.
 */
async function inheritedScopes(cache: ReadCache, given: string, realRoot: string): Promise<GitignoreScope[]> {
  if (await isRepoRoot(cache, realRoot)) return []; // the walk reads the repository's own files
  const above: string[] = []; // from the root's parent up to the repository root
  for (let dir = dirname(realRoot); ; dir = dirname(dir)) {
    above.push(dir);
    if (await isRepoRoot(cache, dir)) break;
    if (dirname(dir) === dir) return [];
  }
  const scopes: GitignoreScope[] = [];
  for (const [index, dir] of above.reverse().entries()) {
    const files = index === 0 ? [await gitExcludeFile(dir), join(dir, ".gitignore")] : [join(dir, ".gitignore")];
    const prefix = relative(dir, realRoot).split(sep).join("/");
    // A directory named on the command line is searched even if these rules exclude it (as an
    // explicit file is, and as ripgrep does); they would exclude everything in it, so drop them.
    for (const scope of await scopesOf(cache, files, given, prefix)) if (!scope.rules.ignores(prefix + "/")) scopes.push(scope);
  }
  return scopes;
}

/** The rules in force in a walked directory: its own, after those of its parents unless it is a repository's root. */
async function scopesIn(cache: ReadCache, dir: string, realDir: string, repoRoot: boolean, parentScopes: readonly GitignoreScope[]): Promise<readonly GitignoreScope[]> {
  // A repository is a boundary: the rules of directories above it do not reach into it.
  const inherited = repoRoot ? [] : parentScopes;
  const files = repoRoot ? [await gitExcludeFile(realDir), join(realDir, ".gitignore")] : [join(realDir, ".gitignore")];
  const own = await scopesOf(cache, files, dir, "");
  return own.length > 0 ? [...inherited, ...own] : inherited;
}

function gitignored(scopes: readonly GitignoreScope[], path: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const below = relative(scope.base, path).split(sep).join("/");
    if (!below || below.startsWith("..")) continue;
    const rel = scope.prefix ? `${scope.prefix}/${below}` : below;
    if (scope.rules.ignores(isDirectory ? rel + "/" : rel)) return true;
  }
  return false;
}

/**
 * Found files by real path, each with the first spelling met: `x.py`, `./x.py`, `d/../x.py`, an
 * absolute path, a symlink or a directory holding it all name one file, checked and counted once.
 */
type FoundFiles = Map<string, string>;

function addFile(files: FoundFiles, real: string, spelling: string): void {
  if (!files.has(real)) files.set(real, spelling);
}

export async function discoverFiles(paths: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const files: FoundFiles = new Map();
  const errors: Array<{ path: string; message: string }> = [];
  const cache: ReadCache = { ignoreFiles: new Map(), repoRoots: new Map() };
  for (const given of paths) {
    if (/[*?[{]/.test(given) && !(await exists(given))) {
      await expandGlob(given, files, errors, options, cache);
      continue;
    }
    let info, root;
    try {
      info = await stat(given);
      root = await realpath(given);
    } catch (error) {
      errors.push({ path: given, message: describeIoError(error) });
      continue;
    }
    if (options.isForceExcluded?.(given)) continue;
    if (info.isFile()) {
      // A file named on the command line is checked even if ignored (as ruff does).
      addFile(files, root, given);
      continue;
    }
    if (!info.isDirectory()) {
      errors.push({ path: given, message: "not a regular file or directory" });
      continue;
    }
    const walk: Walk = { root, seen: new Set([root]), files, errors, options, cache };
    const inherited = options.respectGitignore === false ? [] : await inheritedScopes(cache, given, root);
    await walkDirectory(walk, given, root, inherited);
  }
  return { files: [...files.values()].sort(), errors };
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
async function expandGlob(pattern: string, files: FoundFiles, errors: Array<{ path: string; message: string }>, options: DiscoverOptions, cache: ReadCache): Promise<void> {
  const parts = pattern.split("/");
  const firstWild = parts.findIndex((p) => /[*?[{]/.test(p));
  const base = parts.slice(0, firstWild).join("/") || ".";
  const matcher = globToRegExp(pattern.replace(/^\.\//, ""));
  let root: string;
  try {
    root = await realpath(base);
  } catch (error) {
    errors.push({ path: pattern, message: describeIoError(error) });
    return;
  }
  // A glob names files explicitly, so .gitignore does not apply to it (as with a file path).
  const keep = (file: string) => matcher.test(file.replace(/^\.\//, ""));
  const walk: Walk = { root, seen: new Set([root]), files, keep, errors, options: { ...options, respectGitignore: false }, cache };
  await walkDirectory(walk, base, root, []);
}

/** One walk from a root given on the command line. */
interface Walk {
  /** The root's real path: symlinks are followed only inside it. */
  readonly root: string;
  /** Real paths of the directories entered, against symlink loops. */
  readonly seen: Set<string>;
  readonly files: FoundFiles;
  /** Which files found to keep (a glob's matches); filtered before two names of a file are merged. */
  readonly keep?: (path: string) => boolean;
  readonly errors: Array<{ path: string; message: string }>;
  readonly options: DiscoverOptions;
  readonly cache: ReadCache;
}

/** Walks `dir` (as spelled from the root given), whose real path is `realDir`. */
async function walkDirectory(walk: Walk, dir: string, realDir: string, parentScopes: readonly GitignoreScope[]): Promise<void> {
  const { root, seen, files, errors, options } = walk;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push({ path: dir, message: describeIoError(error) });
    return;
  }
  // A Python environment below the root is not searched (installed packages ship `*.py`
  // notebooks: marimo's own tutorials); one named on the command line is.
  if (realDir !== root && isEnvironment(entries)) return;
  const repoRoot = entries.some((entry) => entry.name === ".git");
  const scopes = options.respectGitignore === false ? [] : await scopesIn(walk.cache, dir, realDir, repoRoot, parentScopes);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let real = join(realDir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        real = await realpath(path);
        const info = await stat(real);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      } catch (error) {
        errors.push({ path, message: describeIoError(error) });
        continue;
      }
      // Never leave the root.
      if (real !== root && !real.startsWith(root + sep)) continue;
    }
    if (isDirectory) {
      // Never go round a loop.
      if (seen.has(real)) continue;
      seen.add(real);
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (options.isExcluded?.(path, true) || gitignored(scopes, path, true)) continue;
      await walkDirectory(walk, path, real, scopes);
    } else if (isFile && entry.name.endsWith(".py")) {
      if (options.isExcluded?.(path, false) || gitignored(scopes, path, false) || walk.keep?.(path) === false) continue;
      addFile(files, real, path);
    }
  }
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
