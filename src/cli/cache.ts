// The results cache, as ruff's: a file whose content, path, settings and tool are those of an
// earlier run gets that run's outcome without being parsed again. Only outcomes that are a pure
// function of those inputs are kept: a notebook with nothing to fix (or, with --check, its
// diagnostics) and a file that is not a notebook. Entries are files named by the key, written
// whole (a temporary file, then a rename), so threads and concurrent runs never read half of one.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileOutcome, ProcessOptions } from "./process.js";

/** Where the cache lives and what identifies the tool that wrote it. */
export interface CacheSettings {
  readonly dir: string;
  /** A digest of the tool's own code and the versions of its parser: any change empties the cache. */
  readonly fingerprint: string;
}

/** The directory a run uses unless told otherwise: `.nvmarimo_cache` in the working directory. */
export const DEFAULT_CACHE_DIR = ".nvmarimo_cache";

let toolFingerprint: string | undefined;

/**
 * The digest of this package's compiled code and of the dependency versions in its package.json
 * (ast-grep's parser among them). Development builds keep one version number while their code
 * changes, so the code itself is hashed: about 1 MB, read once per run.
 */
export function fingerprint(): string {
  if (toolFingerprint !== undefined) return toolFingerprint;
  const hash = createHash("sha256");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  walk(root);
  for (const file of files.sort()) hash.update(file.slice(root.length)).update("\0").update(readFileSync(file)).update("\0");
  hash.update(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url))));
  return (toolFingerprint = hash.digest("hex"));
}

/** The key of a file's outcome: everything the outcome depends on. */
function keyOf(settings: CacheSettings, path: string, source: string, bom: boolean, options: ProcessOptions): string {
  const { cache: _, ...settingsThatMatter } = options;
  return createHash("sha256")
    .update(settings.fingerprint)
    .update("\0")
    .update(JSON.stringify(settingsThatMatter))
    .update("\0")
    .update(resolve(path))
    .update(bom ? "\0bom\0" : "\0\0")
    .update(source)
    .digest("hex");
}

function entryPath(settings: CacheSettings, key: string): string {
  return join(settings.dir, key.slice(0, 2), `${key.slice(2)}.json`);
}

/** The outcome an earlier run kept for this file as it is now, if any. */
export function cachedOutcome(settings: CacheSettings, path: string, source: string, bom: boolean, options: ProcessOptions): { key: string; outcome?: FileOutcome } {
  const key = keyOf(settings, path, source, bom, options);
  try {
    const outcome = JSON.parse(readFileSync(entryPath(settings, key), "utf8")) as FileOutcome;
    return { key, outcome: { ...outcome, path } };
  } catch {
    return { key };
  }
}

/** Whether an outcome depends only on the key's inputs (no write, no passing failure). */
export function isCacheable(outcome: FileOutcome): boolean {
  return (outcome.status === "unchanged" || outcome.status === "skipped") && outcome.internalErrors.length === 0;
}

/** Keeps an outcome; a cache that cannot be written (read-only, full) is silently not used. */
export function keepOutcome(settings: CacheSettings, key: string, outcome: FileOutcome): void {
  const { output: _, path: __, ...kept } = outcome;
  try {
    ensureCacheDir(settings.dir);
    const file = entryPath(settings, key);
    mkdirSync(join(file, ".."), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, JSON.stringify(kept));
    renameSync(temporary, file);
  } catch {
    // Not fatal: the next run computes the outcome again.
  }
}

const prepared = new Set<string>();

/** Creates the cache directory with a `.gitignore` of `*`, as ruff does, so it is never committed. */
function ensureCacheDir(dir: string): void {
  if (prepared.has(dir)) return;
  let exists = false;
  try {
    exists = statSync(dir).isDirectory();
  } catch {
    // Made below.
  }
  if (!exists) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ".gitignore"), "# Made by nvmarimo-fix: the results cache.\n*\n");
  }
  prepared.add(dir);
}
