// The results cache (src/cli/cache.ts): a later run gives an unchanged file the outcome an
// earlier run kept, and anything the outcome depends on makes it compute again.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers/cli.js";
import { DEL_WITHOUT_EMPTY_CACHE } from "./helpers/notebooks.js";

/** The cache's entry files (not its .gitignore). */
function entries(cacheDir: string): string[] {
  if (!existsSync(cacheDir)) return [];
  return readdirSync(cacheDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(cacheDir, name));
}

function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "nb.py"), DEL_WITHOUT_EMPTY_CACHE);
  writeFileSync(join(dir, "script.py"), "print('not a notebook')\n");
  return dir;
}

describe("results cache", () => {
  it("a second run takes an unchanged file's outcome from the cache; an edit, other settings or --no-cache compute it again", () => {
    const dir = project();
    const first = runCli(["--check", "--select", "NVG003", "."], { cwd: dir });
    expect(first.status).toBe(1);
    const cacheDir = join(dir, ".nvmarimo_cache");
    expect(readFileSync(join(cacheDir, ".gitignore"), "utf8")).toContain("*\n");
    // The notebook's diagnostics and the script's "not a notebook".
    const kept = entries(cacheDir);
    expect(kept).toHaveLength(2);
    // Proof that the next run reads the entry: change the message it holds.
    const entry = kept.find((file) => readFileSync(file, "utf8").includes("NVG003"))!;
    writeFileSync(entry, readFileSync(entry, "utf8").replace("keeps the GPU memory reserved", "CACHED MESSAGE"));
    expect(runCli(["--check", "--select", "NVG003", "."], { cwd: dir }).stdout).toContain("CACHED MESSAGE");
    expect(runCli(["--check", "--select", "NVG003", "--no-cache", "."], { cwd: dir }).stdout).not.toContain("CACHED MESSAGE");
    // Another selection is another key, and so is an edited notebook.
    expect(runCli(["--check", "--select", "NVG003,NVD001", "."], { cwd: dir }).stdout).not.toContain("CACHED MESSAGE");
    writeFileSync(join(dir, "nb.py"), DEL_WITHOUT_EMPTY_CACHE + "\n");
    const edited = runCli(["--check", "--select", "NVG003", "."], { cwd: dir });
    expect(edited.stdout).not.toContain("CACHED MESSAGE");
    expect(edited.stdout).toContain("keeps the GPU memory reserved");
  });

  it("a notebook fixed in place is checked afresh; what is kept is the same outcome a run without the cache gives", () => {
    const dir = project();
    expect(runCli(["--select", "NVG003", "."], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "nb.py"), "utf8")).toContain("torch.cuda.empty_cache()");
    for (const format of ["text", "json"]) {
      const args = ["--check", "--format", format, "."];
      const computed = runCli(args, { cwd: dir }).stdout;
      expect(runCli(args, { cwd: dir }).stdout).toBe(computed);
      expect(runCli([...args, "--no-cache"], { cwd: dir }).stdout).toBe(computed);
    }
  });

  it("--cache-dir and NVMARIMO_CACHE_DIR move it; stdin does not use it; a cache that cannot be written is not an error", () => {
    const dir = project();
    runCli(["--check", "--cache-dir", "build/cache", "."], { cwd: dir });
    expect(entries(join(dir, "build/cache"))).toHaveLength(2);
    runCli(["--check", "."], { cwd: dir, env: { NVMARIMO_CACHE_DIR: join(dir, "from-env") } });
    expect(entries(join(dir, "from-env"))).toHaveLength(2);
    expect(existsSync(join(dir, ".nvmarimo_cache"))).toBe(false);
    runCli(["--check", "-", "--stdin-filename", "nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(existsSync(join(dir, ".nvmarimo_cache"))).toBe(false);
    // A file where the directory should be.
    writeFileSync(join(dir, "blocked"), "");
    const blocked = runCli(["--check", "--select", "NVG003", "--cache-dir", "blocked", "."], { cwd: dir });
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).not.toContain("nvmarimo-fix:");
    expect(blocked.stdout).toContain("NVG003");
  });
});
