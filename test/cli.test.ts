// The command line as users drive it: flags, formats, exit statuses, configuration, bulk runs.
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/cli/config.js";
import { ALL_RULES } from "../src/index.js";
import { BIN, runCli, tempDir } from "./helpers/cli.js";
import { DEL_WITHOUT_EMPTY_CACHE, notebook } from "./helpers/notebooks.js";

const require = createRequire(import.meta.url);

/**
 * A temporary tree. Unless the test brings its own pyproject.toml, only NVG003 is selected, so
 * these tests exercise the CLI and not the catalogue (rules have their own fixture tests).
 */
function tree(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  if (!("pyproject.toml" in files) && !("custom.toml" in files)) writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The official SARIF 2.1.0 schema, compiled once. */
const validateSarif = (() => {
  const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  // The official schema has a pattern that is invalid with the `u` flag; formats (uri) are checked.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
})();

const CLEAN = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", "    del model\n    torch.cuda.empty_cache()\n").replace("def _(model):", "def _(model, torch):");

describe("fixing files", () => {
  it("--dry-run prints a unified diff, writes nothing and exits 1", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--dry-run", "nb.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("--- a/nb.py");
    expect(r.stdout).toContain("+++ b/nb.py");
    expect(r.stdout).toContain("+    torch.cuda.empty_cache()");
    expect(r.stdout).not.toContain("\x1b[");
    expect(readFileSync(join(dir, "nb.py"), "utf8")).toBe(DEL_WITHOUT_EMPTY_CACHE);
  });

  it("writes fixes, keeps the file mode, and a second run is clean (exit 0)", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    chmodSync(join(dir, "nb.py"), 0o640);
    const first = runCli(["nb.py"], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("Fixed 1 violation in 1 file.");
    expect(readFileSync(join(dir, "nb.py"), "utf8")).toBe(CLEAN);
    expect(statSync(join(dir, "nb.py")).mode & 0o777).toBe(0o640);
    const second = runCli(["nb.py"], { cwd: dir });
    expect(second.status).toBe(0);
    expect(second.stderr).toContain("All checks passed.");
  });

  it("refuses to replace a read-only file (a rename would go round its mode), as ruff does", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE, "other.py": DEL_WITHOUT_EMPTY_CACHE });
    chmodSync(join(dir, "nb.py"), 0o444);
    const r = runCli(["."], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^nb\.py: permission denied\n/m);
    expect(readFileSync(join(dir, "nb.py"), "utf8")).toBe(DEL_WITHOUT_EMPTY_CACHE);
    expect(statSync(join(dir, "nb.py")).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(dir, "other.py"), "utf8")).toBe(CLEAN);
    // Reading it is fine.
    expect(runCli(["--check", "nb.py"], { cwd: dir }).status).toBe(1);
  });

  it("keeps CRLF line endings and a byte-order mark", () => {
    const crlf = "\uFEFF" + DEL_WITHOUT_EMPTY_CACHE.replace(/\n/g, "\r\n");
    const dir = tree({ "nb.py": crlf });
    runCli(["nb.py"], { cwd: dir });
    const after = readFileSync(join(dir, "nb.py"), "utf8");
    expect(after.startsWith("\uFEFF")).toBe(true);
    expect(after).toBe("\uFEFF" + CLEAN.replace(/\n/g, "\r\n"));
  });

  it("--check reports with ruff-style lines and [*] for fixable ones; exit 1", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "nb.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^nb\.py:21:5: NVG003 .* \[\*\]$/m);
  });

  it("--select and --ignore take codes and family prefixes", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    expect(runCli(["--check", "--select", "NVG", "nb.py"], { cwd: dir }).status).toBe(1);
    expect(runCli(["--check", "--ignore", "NVG003", "nb.py"], { cwd: dir }).status).toBe(0);
    expect(runCli(["--check", "--select", "NVR", "nb.py"], { cwd: dir }).status).toBe(0);
    const bad = runCli(["--check", "--select", "XYZ9", "nb.py"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown rule code or prefix");
  });

  it("--statistics counts per rule and --show-fixes lists applied fixes", () => {
    const dir = tree({ "a.py": DEL_WITHOUT_EMPTY_CACHE, "b.py": DEL_WITHOUT_EMPTY_CACHE });
    const stats = runCli(["--check", "--statistics", "--select", "NVG003", "."], { cwd: dir });
    expect(stats.stdout).toMatch(/^\s+2\tNVG003\t\[\*\] del-without-empty-cache$/m);
    // In JSON, as ruff's `--statistics --output-format json`, beside the files and the summary.
    const json = JSON.parse(runCli(["--check", "--statistics", "--format", "json", "--select", "NVG003,NVD001", "."], { cwd: dir }).stdout);
    expect(json.statistics).toEqual([
      { code: "NVD001", name: "missing-module-docstring", count: 2, fixable: false },
      { code: "NVG003", name: "del-without-empty-cache", count: 2, fixable: true },
    ]);
    expect(json.summary.remaining).toBe(4);
    expect(JSON.parse(runCli(["--check", "--format", "json", "."], { cwd: dir }).stdout).statistics).toBeUndefined();
    const sarif = runCli(["--check", "--statistics", "--format", "sarif", "."], { cwd: dir });
    expect(sarif.status).toBe(2);
    expect(sarif.stderr).toBe("nvmarimo-fix: --statistics prints text or json, not sarif\n");
    const shown = runCli(["--dry-run", "--show-fixes", "--select", "NVG003", "."], { cwd: dir });
    expect(shown.stdout).toContain("Would fix in a.py:");
    expect(shown.stdout).toMatch(/a\.py:21: NVG003 Insert/);
  });

  it("an unknown flag is a usage error (exit 2)", () => {
    const r = runCli(["--frobnicate", "x.py"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown argument");
  });
});

describe("rules at hand", () => {
  it("--list-rules lists every rule with its safety", () => {
    const r = runCli(["--list-rules"]);
    expect(r.status).toBe(0);
    for (const rule of ALL_RULES) expect(r.stdout).toContain(`${rule.code}  ${rule.name}`);
    const json = runCli(["--list-rules", "--format", "json"]);
    expect(JSON.parse(json.stdout).map((rule: { code: string; fix: string }) => [rule.code, rule.fix])).toEqual(ALL_RULES.map((rule) => [rule.code, rule.fix]));
    expect(runCli(["--list-rules", "--format", "sarif"]).status).toBe(2);
  });

  it("--explain prints the rule's documentation", () => {
    const r = runCli(["--explain", "NVG003"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("## What it does");
    expect(r.stdout).toContain("## Fix safety");
    expect(runCli(["--explain", "NVX999"]).status).toBe(2);
  });
});

describe("output formats", () => {
  it("--format json follows the documented schema", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE, "script.py": "print(1)\n" });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    const data = JSON.parse(r.stdout);
    expect(data.version).toBe(1);
    expect(data.summary).toMatchObject({ files: 2, skipped: 1, remaining: 1 });
    const nb = data.files.find((f: { path: string }) => f.path === "nb.py");
    expect(nb.diagnostics[0]).toMatchObject({ code: "NVG003", location: { line: 21, column: 5 }, fix: { applicability: "safe" } });
  });

  it("--format json gives a failed file's line when it is known, as the text format does", () => {
    const dir = tree({ "broken.py": DEL_WITHOUT_EMPTY_CACHE.replace("del model", "del (") });
    const text = runCli(["--check", "broken.py"], { cwd: dir });
    const line = Number(/^broken\.py:(\d+): syntax error/m.exec(text.stderr)?.[1]);
    expect(line).toBeGreaterThan(1);
    const files = JSON.parse(runCli(["--check", "--format", "json", "broken.py", "missing.py"], { cwd: dir }).stdout).files;
    expect(files[0]).toMatchObject({ path: "broken.py", status: "failed", line });
    // No line to give: no key.
    expect(files[1]).toMatchObject({ path: "missing.py", status: "failed" });
    expect(files[1]).not.toHaveProperty("line");
  });

  it("--format sarif validates against the official SARIF 2.1.0 schema", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE, "broken.py": DEL_WITHOUT_EMPTY_CACHE.replace("del model", "del (") });
    const r = runCli(["--check", "--format", "sarif", "."], { cwd: dir });
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: "NVG003", level: "warning" });
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it("a notebook that starts with a blank line is reported at column 1, and its SARIF validates", () => {
    const dir = tree({ "nb.py": `\n${DEL_WITHOUT_EMPTY_CACHE}`, "bom.py": `\ufeff\n${DEL_WITHOUT_EMPTY_CACHE}` });
    const log = JSON.parse(runCli(["--check", "--select", "NVS003", "--format", "sarif", "."], { cwd: dir }).stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const regions = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { region: unknown } }> }) => r.locations[0]!.physicalLocation.region);
    expect(regions).toEqual([expect.objectContaining({ startLine: 1, startColumn: 1 }), expect.objectContaining({ startLine: 1, startColumn: 1 })]);
    expect(runCli(["--check", "--select", "NVS003", "nb.py"], { cwd: dir }).stdout).toMatch(/^nb\.py:1:1: NVS003 /);
  });

  it("in GitHub Actions, annotations and SARIF name files relative to GITHUB_WORKSPACE, from any working directory", () => {
    const dir = tree({ "project/nbs/nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const cwd = join(dir, "project");
    const env = { GITHUB_WORKSPACE: dir };
    const github = runCli(["--check", "--select", "NVG003", "--format", "github", "nbs"], { cwd, env });
    expect(github.stdout).toMatch(/^::warning file=project\/nbs\/nb\.py,line=\d+/);
    const sarif = JSON.parse(runCli(["--check", "--select", "NVG003", "--format", "sarif", "nbs"], { cwd, env }).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("project/nbs/nb.py");
    // The text report keeps the path as given; outside Actions, so do the others.
    expect(runCli(["--check", "--select", "NVG003", "nbs"], { cwd, env }).stdout).toMatch(/^nbs\/nb\.py:/);
    expect(runCli(["--check", "--select", "NVG003", "--format", "github", "nbs"], { cwd, env: { GITHUB_WORKSPACE: "" } }).stdout).toMatch(/^::warning file=nbs\/nb\.py,/);
  });

  it("--format sarif percent-encodes paths into valid uris that decode back to the path", () => {
    const paths = ["with space/my nb.py", "a,b:c d/x%y.py", "new\nline.py", "données/ünï#?.py"];
    const dir = tree(Object.fromEntries(paths.map((p) => [p, DEL_WITHOUT_EMPTY_CACHE])));
    const log = JSON.parse(runCli(["--check", "--format", "sarif", "."], { cwd: dir }).stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const uris: string[] = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.map(decodeURIComponent).sort()).toEqual([...paths].sort());
    expect(uris).toContain("a%2Cb%3Ac%20d/x%25y.py");
    // Nothing left raw that RFC 3986 does not allow in a path.
    for (const uri of uris) expect(uri).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})+$/);
  });

  it("reports written file by file read exactly as one JSON document, paths that cannot be searched in sorted place", () => {
    // 12 files (a worker pool), a missing path sorted between them, and nothing at all.
    const dir = tree(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`nb_${String(i).padStart(2, "0")}.py`, DEL_WITHOUT_EMPTY_CACHE])));
    for (const format of ["json", "sarif"]) {
      const r = runCli(["--check", "--jobs", "2", "--format", format, "nb_0*.py", "nb_05_missing.py", "nb_1*.py"], { cwd: dir });
      expect(r.status).toBe(2);
      const document = JSON.parse(r.stdout);
      expect(r.stdout).toBe(JSON.stringify(document, null, 2) + "\n");
      if (format === "json") {
        const paths = document.files.map((f: { path: string }) => f.path);
        expect(paths).toEqual([...paths].sort());
        expect(paths).toContain("nb_05_missing.py");
        expect(document.summary).toMatchObject({ files: 13, failed: 1, remaining: 12 });
      } else {
        expect(document.runs[0].results).toHaveLength(12);
        expect(document.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain("no such file");
      }
    }
    const empty = tree({ "script.py": "print(1)\n" });
    for (const format of ["json", "sarif"]) {
      const r = runCli(["--check", "--format", format, "script.py"], { cwd: empty });
      const document = JSON.parse(r.stdout);
      expect(r.stdout).toBe(JSON.stringify(document, null, 2) + "\n");
      expect(format === "json" ? document.files[0].status : document.runs[0].results).toEqual(format === "json" ? "skipped" : []);
    }
  });

  it("--format github prints workflow annotations", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "--format", "github", "nb.py"], { cwd: dir });
    expect(r.stdout).toMatch(/^::warning file=nb\.py,line=21,col=5,endLine=21,endColumn=14,title=NVG003 del-without-empty-cache::NVG003 /m);
  });
});

describe("bulk runs", () => {
  const mixed = () =>
    tree({
      "good/clean.py": CLEAN,
      "good/needs fix.py": DEL_WITHOUT_EMPTY_CACHE,
      "broken/syntax.py": DEL_WITHOUT_EMPTY_CACHE.replace("del model", "del model)"),
      // A notebook with a Latin-1 comment (a script in another encoding would only be skipped).
      "broken/latin1.py": Buffer.concat([Buffer.from(DEL_WITHOUT_EMPTY_CACHE), Buffer.from([0x23, 0x20, 0xe9, 0x0a])]),
      "scripts/util.py": "def f():\n    return 1\n",
      "notes.txt": "not python",
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`many/nb_${i}.py`, DEL_WITHOUT_EMPTY_CACHE])),
    });

  it("stops quietly, with status 141, when the reader of the output goes away (`| head`)", async () => {
    const dir = tree(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`nb_${i}.py`, DEL_WITHOUT_EMPTY_CACHE])));
    const child = spawn(process.execPath, [BIN, "--check", "--jobs", "1", "."], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // Read the first piece of the report, then close the pipe, as `head -1` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise((resolve) => child.on("close", resolve));
    expect(status).toBe(141);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });

  it("--jobs 1 and --jobs 2 give identical output", () => {
    const dir = mixed();
    const one = runCli(["--dry-run", "--jobs", "1", "."], { cwd: dir });
    const two = runCli(["--dry-run", "--jobs", "2", "."], { cwd: dir });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr.replace(/in [\d.]+s/, "")).toBe(one.stderr.replace(/in [\d.]+s/, ""));
    expect(one.status).toBe(2);
  });

  it("every format reads the same from the workers (which send bytes) as from the main thread, non-ASCII included", () => {
    const accented = DEL_WITHOUT_EMPTY_CACHE.replaceAll("model", "modèle_données");
    const dir = tree(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`café_${i}.py`, i % 2 === 0 ? accented : DEL_WITHOUT_EMPTY_CACHE])));
    for (const format of ["text", "json", "sarif", "github"]) {
      for (const mode of format === "text" ? [["--check"], ["--dry-run", "--show-fixes"]] : [["--check"]]) {
        const one = runCli([...mode, "--format", format, "--jobs", "1", "."], { cwd: dir });
        const two = runCli([...mode, "--format", format, "--jobs", "2", "."], { cwd: dir });
        expect(two.stdout, `${format} ${mode.join(" ")}`).toBe(one.stdout);
        // SARIF uris are percent-encoded (UTF-8).
        if (mode[0] === "--check") expect(two.stdout).toContain(format === "sarif" ? "caf%C3%A9_" : "café_");
        if (mode[0] === "--dry-run" && format === "text") expect(two.stdout).toContain("modèle_données");
      }
    }
  });

  it("files sent to the workers in batches come back in order, whatever thread finishes first", () => {
    // 40 files and 2 jobs: tasks of 2 files; a broken file in the middle of a batch.
    const dir = tree({
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`nb_${String(i).padStart(2, "0")}.py`, i % 3 === 0 ? CLEAN : DEL_WITHOUT_EMPTY_CACHE])),
      "nb_17.py": DEL_WITHOUT_EMPTY_CACHE.replace("del model", "del model)"),
    });
    const one = runCli(["--check", "--jobs", "1", "."], { cwd: dir });
    const two = runCli(["--check", "--jobs", "2", "."], { cwd: dir });
    expect(two.stdout).toBe(one.stdout);
    const files = [...two.stdout.matchAll(/^(nb_\d+)\.py:/gm)].map((m) => m[1]);
    expect(files).toEqual([...files].sort());
    expect(new Set(files).size).toBe(25); // 26 files need a fix, one of them is broken
    expect(two.stderr).toContain("nb_17.py:");
    expect(two.stderr).toContain("Scanned 40 files");
  });

  it("one broken file never stops the others; the summary counts each kind", () => {
    const dir = mixed();
    const r = runCli(["--jobs", "2", "."], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\/syntax\.py:\d+: syntax error/);
    expect(r.stderr).toContain("broken/latin1.py: not UTF-8 text");
    expect(r.stderr).toContain("Scanned 15 files");
    expect(r.stderr).toContain("11 changed, 1 unchanged, 1 skipped, 2 failed; fixes by rule: NVG003 ×11.");
    expect(readFileSync(join(dir, "good/needs fix.py"), "utf8")).toBe(CLEAN);
    expect(readFileSync(join(dir, "many/nb_9.py"), "utf8")).toBe(CLEAN);
  });

  it("respects .gitignore, the exclude setting and globs", () => {
    const dir = tree({
      ".gitignore": "generated/\n",
      "generated/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "vendor/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "src/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nexclude = ["vendor"]\n',
    });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(["src/nb.py"]);
    const globbed = runCli(["--check", "--format", "json", "gen*/*.py"], { cwd: dir });
    expect(JSON.parse(globbed.stdout).files.map((f: { path: string }) => f.path)).toEqual(["generated/nb.py"]);
    // A directory named on the command line is searched even if excluded, as with ruff.
    const named = runCli(["--check", "--format", "json", "vendor"], { cwd: dir });
    expect(JSON.parse(named.stdout).files.map((f: { path: string }) => f.path)).toEqual(["vendor/nb.py"]);
    const classes = runCli(["--check", "--format", "json", "[gs]*/{nb,other}.py"], { cwd: dir });
    expect(JSON.parse(classes.stdout).files.map((f: { path: string }) => f.path)).toEqual(["generated/nb.py", "src/nb.py"]);
  });

  it("never rewrites what is installed in an environment, whatever its name; exclude and extend-exclude add to the defaults", () => {
    const dir = tree({
      "src/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "env/pyvenv.cfg": "home = /usr/bin\n",
      "env/lib/python3.11/site-packages/marimo/_tutorials/intro.py": DEL_WITHOUT_EMPTY_CACHE,
      ".tox/py311/pyvenv.cfg": "",
      ".tox/py311/lib/python3.11/site-packages/pkg/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "dist/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "__marimo__/session/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "vendor/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "old/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nexclude = ["vendor"]\nextend-exclude = ["old"]\n',
    });
    const paths = (...args: string[]) => JSON.parse(runCli(["--check", "--format", "json", ...args], { cwd: dir }).stdout).files.map((f: { path: string }) => f.path);
    // `exclude` does not replace the defaults (ruff's does): dist/ and __marimo__/ stay skipped.
    expect(paths(".")).toEqual(["src/nb.py"]);
    const installed = "env/lib/python3.11/site-packages/marimo/_tutorials/intro.py";
    const before = readFileSync(join(dir, installed), "utf8");
    expect(runCli(["."], { cwd: dir }).stderr).toContain("Scanned 1 file");
    expect(readFileSync(join(dir, installed), "utf8")).toBe(before);
    // Named on the command line, they are searched (installed packages inside still are not).
    expect(paths("dist", "env", "old")).toEqual(["dist/nb.py", "old/nb.py"]);
    expect(paths(installed)).toEqual([installed]);
  });

  it("finds the same files in a git repository whatever directory it starts from", () => {
    const dir = tree({
      ".gitignore": "a/b/\n",
      "a/.gitignore": "gen_*.py\n",
      "a/b/x.py": DEL_WITHOUT_EMPTY_CACHE,
      "a/gen_1.py": DEL_WITHOUT_EMPTY_CACHE,
      "a/ok.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    mkdirSync(join(dir, ".git"));
    const paths = (args: string[], cwd: string) => JSON.parse(runCli(["--check", "--format", "json", ...args], { cwd }).stdout).files.map((f: { path: string }) => f.path);
    expect(paths(["."], dir)).toEqual(["a/ok.py"]);
    expect(paths(["a"], dir)).toEqual(["a/ok.py"]);
    expect(paths(["."], join(dir, "a"))).toEqual(["ok.py"]);
    // A file named on the command line is checked even if ignored.
    expect(paths(["b/x.py", "ok.py"], join(dir, "a"))).toEqual(["b/x.py", "ok.py"]);
  });

  it("checks and counts a file once however many ways it is named", () => {
    const dir = tree({ "ex/r.py": DEL_WITHOUT_EMPTY_CACHE, "d/x.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "ex/r.py", "./ex/r.py", "d/../ex/r.py", join(dir, "ex/r.py"), "d", "d/x.py"], { cwd: dir });
    expect(r.stderr).toContain("Scanned 2 files");
    expect(r.stdout.match(/^ex\/r\.py:/gm)?.length).toBe(1);
    expect(r.stdout.match(/^d\/x\.py:/gm)?.length).toBe(1);
  });
});

describe("configuration", () => {
  it("finds the table in any TOML spelling; a --config pyproject.toml without it is an error", () => {
    for (const toml of ['[tool."nvmarimo-fix"]\nselect = ["NVG003"]\n', '[tool]\nnvmarimo-fix.select = ["NVG003"]\n', '[tool]\nnvmarimo-fix = { select = ["NVG003"] }\n']) {
      const dir = tree({ "pyproject.toml": toml, "nb.py": DEL_WITHOUT_EMPTY_CACHE });
      const r = runCli(["--check", "--statistics", "nb.py"], { cwd: dir });
      expect(r.stdout.trim().split("\n"), toml).toEqual([expect.stringMatching(/^1\tNVG003\t/)]);
    }
    const dir = tree({ "pyproject.toml": '[project]\nname = "x"\n', "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "--config", "pyproject.toml", "nb.py"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("nvmarimo-fix: pyproject.toml: no [tool.nvmarimo-fix] table\n");
  });

  it("reads [tool.nvmarimo-fix] from the nearest pyproject.toml", () => {
    const dir = tree({ "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003", "NVO001"]\nignore = ["NVG003"]\n', "nbs/nb.py": DEL_WITHOUT_EMPTY_CACHE });
    expect(runCli(["--check", "nbs"], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nselect = ["NVG003", "NVO001"]\n');
    expect(runCli(["--check", "nbs"], { cwd: dir }).status).toBe(1);
  });

  it("a global another notebook of the run reads by name (result.defs[...] after embed()) is not renamed", () => {
    const inner = notebook(["x_plus_y = 3"]);
    // Read after `app.run()` here; `result.defs["x_plus_y"]` after `await app.embed()` reads the same way.
    const outer = notebook(['from inner import app as inner_app\n_outputs, defs = inner_app.run()\ndefs["x_plus_y"]']);
    const dir = tree({ "inner.py": inner, "outer.py": outer });
    const alone = runCli(["--check", "--select", "NVO002", "inner.py"], { cwd: dir });
    expect(alone.stdout).toContain("`x_plus_y` is global but no other cell reads it");
    const together = runCli(["--check", "--select", "NVO002", "."], { cwd: dir });
    expect(together.stdout).not.toContain("x_plus_y");
    expect(runCli(["--select", "NVO002", "."], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "inner.py"), "utf8")).toContain("    x_plus_y = 3\n");
  });

  it("--config's globs are relative to the working directory, as ruff resolves that file's relative paths", () => {
    const dir = tree({
      "config/nvmarimo.toml": 'exclude = ["nbs/old_*.py"]\n\n[per-file-ignores]\n"nbs/scratch_*.py" = ["NVG003"]\n',
      "nbs/old_1.py": DEL_WITHOUT_EMPTY_CACHE,
      "nbs/scratch_1.py": DEL_WITHOUT_EMPTY_CACHE,
      "nbs/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const r = runCli(["--check", "--format", "json", "--select", "NVG003", "--config", "config/nvmarimo.toml", "."], { cwd: dir });
    const files = JSON.parse(r.stdout).files as Array<{ path: string; diagnostics: unknown[] }>;
    expect(Object.fromEntries(files.map((f) => [f.path, f.diagnostics.length]))).toEqual({ "nbs/nb.py": 1, "nbs/scratch_1.py": 0 });
  });

  it("extend = \"path\" builds on another configuration, as ruff's extend: later layers, globs from their own file", () => {
    const dir = tree({
      "pyproject.toml": [
        "[tool.nvmarimo-fix]",
        'select = ["NVG003", "NVD001"]',
        'exclude = ["packages/a/generated/**", "legacy/**"]',
        "unsafe-fixes = true",
        "",
        "[tool.nvmarimo-fix.per-file-ignores]",
        '"**/scratch_*.py" = ["NVG003"]',
        "",
      ].join("\n"),
      "packages/a/pyproject.toml": '[tool.nvmarimo-fix]\nextend = "../../pyproject.toml"\nignore = ["NVD001"]\n',
      "packages/a/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "packages/a/scratch_1.py": DEL_WITHOUT_EMPTY_CACHE,
      "packages/a/generated/gen.py": DEL_WITHOUT_EMPTY_CACHE,
      "packages/a/legacy/old.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    expect(r.stderr).not.toContain("nvmarimo-fix:");
    const files = JSON.parse(r.stdout).files as Array<{ path: string; diagnostics: Array<{ code: string; fix: { applicability: string } | null }> }>;
    // The extended select, this file's ignore on top; `legacy/**` meant the root's legacy/, not
    // this project's; the per-file ignore by name applies anywhere.
    expect(Object.fromEntries(files.map((f) => [f.path, f.diagnostics.map((d) => d.code)]))).toEqual({
      "packages/a/legacy/old.py": ["NVG003"],
      "packages/a/nb.py": ["NVG003"],
      "packages/a/scratch_1.py": [],
    });
    // A cycle, and a file that is not there, are errors naming the file.
    writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nextend = "packages/a/pyproject.toml"\n');
    const cycle = runCli(["--check", "packages/a"], { cwd: dir });
    expect(cycle.status).toBe(2);
    expect(cycle.stderr).toMatch(/pyproject\.toml: `tool\.nvmarimo-fix\.extend` makes a cycle: .*packages\/a\/pyproject\.toml -> .*pyproject\.toml -> .*packages\/a\/pyproject\.toml\n/);
    writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nextend = "base.toml"\n');
    const missing = runCli(["--check", "packages/a"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/base\.toml: no such file or directory/);
  });

  it("each notebook takes its nearest configuration, as with ruff: a nested project's own settings apply", () => {
    const dir = tree({
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nignore = ["NVG003"]\n',
      "top.py": DEL_WITHOUT_EMPTY_CACHE,
      "project/pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nexclude = ["old_*.py"]\n\n[tool.nvmarimo-fix.per-file-ignores]\n"nbs/*.py" = ["NVG003"]\n',
      "project/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "project/nbs/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "project/old_nb.py": "not a notebook, excluded by the nested project's `exclude`",
      "project/other/pyproject.toml": '[project]\nname = "no table: the search goes on upwards"\n',
      "project/other/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const counts = (args: string[], cwd: string) => {
      const r = runCli(["--check", "--format", "json", ...args], { cwd });
      expect(r.stderr).not.toContain("nvmarimo-fix:");
      return Object.fromEntries((JSON.parse(r.stdout).files as Array<{ path: string; status: string; diagnostics: unknown[] }>).map((f) => [f.path, `${f.status} ${f.diagnostics.length}`]));
    };
    const expected = { "top.py": "unchanged 0", "project/nb.py": "unchanged 1", "project/nbs/nb.py": "unchanged 0", "project/other/nb.py": "unchanged 1" };
    expect(counts(["."], dir)).toEqual(expected);
    // The same from inside the nested project, and with files named one by one.
    expect(counts(["..", "."], join(dir, "project"))).toEqual({ "../top.py": "unchanged 0", "nb.py": "unchanged 1", "nbs/nb.py": "unchanged 0", "other/nb.py": "unchanged 1" });
    expect(counts(["top.py", "project/other/nb.py"], dir)).toEqual({ "top.py": "unchanged 0", "project/other/nb.py": "unchanged 1" });
    // `--config` governs every file.
    expect(counts(["--config", "pyproject.toml", "."], dir)).toEqual({ "top.py": "unchanged 0", "project/nb.py": "unchanged 0", "project/nbs/nb.py": "unchanged 0", "project/old_nb.py": "skipped 0", "project/other/nb.py": "unchanged 0" });
    // Command-line options apply on top of every configuration.
    expect(counts(["--ignore", "NVG003", "."], dir)).toEqual({ ...expected, "project/nb.py": "unchanged 0", "project/other/nb.py": "unchanged 0" });
  });

  it("a parent's exclude leaves out a nested project, whose configuration is then never read", () => {
    const dir = tree({
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nexclude = ["projB", "vendor"]\n',
      "nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "projB/pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n',
      "projB/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "vendor/pyproject.toml": '[tool.nvmarimo-fix]\nfrom-a-newer-version = true\n',
      "vendor/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout).files as Array<{ path: string }>).map((f) => f.path)).toEqual(["nb.py"]);
  });

  it("a pyproject.toml that cannot be read stops the run, as with ruff, rather than be skipped", () => {
    const dir = tree({ "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n', "a/nb.py": DEL_WITHOUT_EMPTY_CACHE });
    // Tests run as root, who reads any file: a directory in its place cannot be read either.
    mkdirSync(join(dir, "a", "pyproject.toml"));
    const r = runCli(["."], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`nvmarimo-fix: ${join(dir, "a", "pyproject.toml")}: is a directory\n`);
    expect(readFileSync(join(dir, "a", "nb.py"), "utf8")).toBe(DEL_WITHOUT_EMPTY_CACHE);
  });

  it("--force-exclude (or force-exclude = true) applies exclude to files named on the command line, as pre-commit names them", () => {
    const dir = tree({
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nexclude = ["vendor", "old_*.py"]\n',
      "nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "old_nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "vendor/lib/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "node_modules/pkg/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const named = ["nb.py", "old_nb.py", "vendor/lib/nb.py", "node_modules/pkg/nb.py"];
    const paths = (args: string[]) => (JSON.parse(runCli(["--check", "--format", "json", ...args, ...named], { cwd: dir }).stdout).files as Array<{ path: string }>).map((f) => f.path);
    expect(paths([])).toEqual(["nb.py", "node_modules/pkg/nb.py", "old_nb.py", "vendor/lib/nb.py"]);
    expect(paths(["--force-exclude"])).toEqual(["nb.py"]);
    writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nselect = ["NVG003"]\nexclude = ["vendor", "old_*.py"]\nforce-exclude = true\n');
    expect(paths([])).toEqual(["nb.py"]);
    expect(paths(["--no-force-exclude"])).toHaveLength(4);
    // The hook as pre-commit runs it: the excluded file is left as it was.
    expect(runCli(["--force-exclude", ...named], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "vendor/lib/nb.py"), "utf8")).toBe(DEL_WITHOUT_EMPTY_CACHE);
    expect(readFileSync(join(dir, "nb.py"), "utf8")).toContain("torch.cuda.empty_cache()");
    // stdin: an excluded --stdin-filename comes back untouched, with nothing to report.
    const stdin = runCli(["-", "--stdin-filename", "vendor/lib/nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(stdin).toMatchObject({ status: 0, stdout: DEL_WITHOUT_EMPTY_CACHE });
    const check = runCli(["-", "--check", "--format", "json", "--stdin-filename", "old_nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).files).toEqual([]);
  });

  it("--force-exclude leaves out what a walk leaves out: an environment whatever its name, a directory skipped by default even when named itself", () => {
    const dir = tree({
      "nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "env/pyvenv.cfg": "",
      "env/bin/tool.py": DEL_WITHOUT_EMPTY_CACHE,
      "conda/conda-meta/history": "",
      "conda/share/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "dist/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      ".tox/py311/lib/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const named = ["nb.py", "env/bin/tool.py", "conda/share/nb.py", "dist", ".tox/py311/lib/nb.py", "env"];
    const paths = (args: string[]) => (JSON.parse(runCli(["--check", "--format", "json", ...args, ...named], { cwd: dir }).stdout).files as Array<{ path: string }>).map((f) => f.path);
    expect(paths([])).toEqual(["conda/share/nb.py", "dist/nb.py", "env/bin/tool.py", "nb.py", ".tox/py311/lib/nb.py"].sort());
    expect(paths(["--force-exclude"])).toEqual(["nb.py"]);
  });

  it("a nested configuration with an error stops the run before any file is fixed", () => {
    const dir = tree({
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n',
      "a.py": DEL_WITHOUT_EMPTY_CACHE,
      "z/pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVX9"]\n',
      "z/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const r = runCli(["."], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`nvmarimo-fix: ${join(dir, "z", "pyproject.toml")}: unknown rule code or prefix: NVX9\n`);
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe(DEL_WITHOUT_EMPTY_CACHE);
  });

  it("per-file-ignores apply by glob", () => {
    const dir = tree({
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n\n[tool.nvmarimo-fix.per-file-ignores]\n"legacy/*.py" = ["NVG"]\n',
      "legacy/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "new/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    const files = JSON.parse(r.stdout).files as Array<{ path: string; diagnostics: unknown[] }>;
    expect(files.find((f) => f.path === "legacy/nb.py")!.diagnostics).toHaveLength(0);
    expect(files.find((f) => f.path === "new/nb.py")!.diagnostics).toHaveLength(1);
  });

  it("an unknown key or a bad value names the file and the key", () => {
    const dir = tree({ "pyproject.toml": '[tool.nvmarimo-fix]\nselct = ["NVG"]\n', "nb.py": CLEAN });
    const r = runCli(["nb.py"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("pyproject.toml: unknown key `tool.nvmarimo-fix.selct`");
    const bad = tree({ "custom.toml": 'unsafe-fixes = "yes"\n', "nb.py": CLEAN });
    const r2 = runCli(["--config", "custom.toml", "nb.py"], { cwd: bad });
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain("custom.toml: `unsafe-fixes` must be true or false");
    const list = tree({ "pyproject.toml": '[tool.nvmarimo-fix]\nextend-exclude = "vendor"\n', "nb.py": CLEAN });
    const r3 = runCli(["nb.py"], { cwd: list });
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain("pyproject.toml: `tool.nvmarimo-fix.extend-exclude` must be a list of strings");
  });

  it("rule options: an unknown rule, an unknown option or a bad value names the file and the full key", () => {
    const NVO001 = "tool.nvmarimo-fix.rules.NVO001";
    const cases: Array<[table: string, message: string]> = [
      ["[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobal = 3\n", `unknown option \`${NVO001}.maxGlobal\` (NVO001 takes: maxGlobals)`],
      ["[tool.nvmarimo-fix.rules.NVO001]\nmax-globals = 30\n", `unknown option \`${NVO001}.max-globals\` (NVO001 takes: maxGlobals)`],
      ['[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobals = "30"\n', `\`${NVO001}.maxGlobals\` must be a non-negative integer`],
      ['[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobals = "abc"\n', `\`${NVO001}.maxGlobals\` must be a non-negative integer`],
      ["[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobals = -1\n", `\`${NVO001}.maxGlobals\` must be a non-negative integer`],
      ["[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobals = 2.5\n", `\`${NVO001}.maxGlobals\` must be a non-negative integer`],
      ["[tool.nvmarimo-fix.rules.NVL001]\nmaxCodeLines = 0\n", "`tool.nvmarimo-fix.rules.NVL001.maxCodeLines` must be a positive integer"],
      ["[tool.nvmarimo-fix.rules.NVX001]\nfoo = 3\n", "unknown rule code `tool.nvmarimo-fix.rules.NVX001`"],
      ["[tool.nvmarimo-fix.rules.NVG003]\nfoo = 3\n", "unknown option `tool.nvmarimo-fix.rules.NVG003.foo` (NVG003 takes no options)"],
      ["[tool.nvmarimo-fix.rules]\nNVO001 = 3\n", `\`${NVO001}\` must be a table of options`],
      ["[tool.nvmarimo-fix]\nmax-globals = -1\n", "`tool.nvmarimo-fix.max-globals` must be a non-negative integer"],
    ];
    for (const [table, message] of cases) {
      const file = join(tempDir(), "pyproject.toml");
      writeFileSync(file, table);
      expect(() => loadConfig(file), table).toThrow(new ConfigError(`${file}: ${message}`));
    }
    const custom = join(tempDir(), "custom.toml");
    writeFileSync(custom, "[rules.NVO001]\nmaxGlobal = 3\n");
    expect(() => loadConfig(custom)).toThrow(new ConfigError(`${custom}: unknown option \`rules.NVO001.maxGlobal\` (NVO001 takes: maxGlobals)`));
    const good = join(tempDir(), "pyproject.toml");
    writeFileSync(good, "[tool.nvmarimo-fix]\nmax-globals = 0\n\n[tool.nvmarimo-fix.rules.NVL001]\nmaxCodeLines = 40\n");
    expect(loadConfig(good).ruleOptions).toEqual({ NVO001: { maxGlobals: 0 }, NVL001: { maxCodeLines: 40 } });
    // And from the command line: one line, exit status 2, nothing linted.
    const dir = tree({ "pyproject.toml": "[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobal = 3\n", "nb.py": CLEAN });
    const r = runCli(["--check", "nb.py"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^nvmarimo-fix: \S*pyproject\.toml: unknown option `tool\.nvmarimo-fix\.rules\.NVO001\.maxGlobal` \(NVO001 takes: maxGlobals\)$/);
  });

  it("a configuration file that is missing or not TOML gives one line naming the file", () => {
    const dir = tree({ "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG"\n', "nb.py": CLEAN });
    const broken = runCli(["nb.py"], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim()).toMatch(/^nvmarimo-fix: \S*pyproject\.toml:3:1: Invalid TOML document: expected comma or end of structure$/);
    const missing = runCli(["--config", "nope.toml", "nb.py"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe("nvmarimo-fix: nope.toml: no such file or directory");
  });
});

describe("rule selection, in ruff's layers", () => {
  // DEL_WITHOUT_EMPTY_CACHE, with every rule on, reports NVD001, NVG001, NVG002, NVG003, NVL001,
  // NVS003, NVT001 and NVT002. Each case names the equivalent setup checked with ruff 0.17.6 on
  // a module reporting F401, F841 and E501 (F401 ~ NVG003, F ~ NVG, E501 ~ another family).
  const codes = (toml: string, args: string[]): string[] => {
    const dir = tree({ "pyproject.toml": `[tool.nvmarimo-fix]\n${toml}`, "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "--format", "json", ...args, "nb.py"], { cwd: dir });
    expect(r.stderr, `${toml} ${args.join(" ")}`).toBe("");
    const [file] = JSON.parse(r.stdout).files as Array<{ diagnostics: Array<{ code: string }> }>;
    return [...new Set(file!.diagnostics.map((d) => d.code))].sort();
  };

  it("command-line --select starts a new layer: the configured ignore and extend-select no longer apply", () => {
    // ruff: `ignore = ["F401"]` + `--select F401` reports F401.
    expect(codes('ignore = ["NVG003"]\n', ["--select", "NVG003"])).toEqual(["NVG003"]);
    // ruff: `extend-select = ["E501"]` + `--select F401` reports F401 only.
    expect(codes('select = ["NVG001"]\nextend-select = ["NVS003"]\n', ["--select", "NVG003"])).toEqual(["NVG003"]);
    // ruff: `select = ["F", "E"]` + `--select E501 --extend-select F841` reports E501 and F841.
    expect(codes('select = ["NVG", "NVS"]\n', ["--select", "NVG003", "--extend-select", "NVT002"])).toEqual(["NVG003", "NVT002"]);
  });

  it("command-line --extend-select and --ignore adjust what the configuration selected", () => {
    // ruff: `select = ["F401"]` + `--extend-select E501` reports F401 and E501.
    expect(codes('select = ["NVG001"]\n', ["--extend-select", "NVG003"])).toEqual(["NVG001", "NVG003"]);
    // ruff: `select = ["F"], ignore = ["F401"]` + `--extend-select F401` reports F401 and F841.
    expect(codes('select = ["NVG"]\nignore = ["NVG003"]\n', ["--extend-select", "NVG003"])).toEqual(["NVG001", "NVG002", "NVG003"]);
    // ruff: `select = ["F401"]` + `--ignore F` reports nothing.
    expect(codes('select = ["NVG003"]\n', ["--ignore", "NVG"])).toEqual([]);
    // ruff: `select = ["E"]` + `--ignore F --select F401` reports F401: in the command line's layer too, the more specific selector wins.
    expect(codes('select = ["NVS"]\n', ["--ignore", "NVG", "--select", "NVG003"])).toEqual(["NVG003"]);
  });

  it("within one layer the more specific selector wins, and ignore at equal specificity", () => {
    // ruff: `select = ["F401"], ignore = ["F"]` reports F401.
    expect(codes('select = ["NVG003"]\nignore = ["NVG"]\n', [])).toEqual(["NVG003"]);
    // ruff: `select = ["F"], ignore = ["F401"]` reports F841 (no F401).
    expect(codes('select = ["NVG"]\nignore = ["NVG003"]\n', [])).toEqual(["NVG001", "NVG002"]);
    // ruff: `select = ["F", "E"], extend-select = ["F401"], ignore = ["F"]` reports F401 and E501.
    expect(codes('select = ["NVG", "NVS"]\nextend-select = ["NVG003"]\nignore = ["NVG"]\n', [])).toEqual(["NVG003", "NVS003"]);
    // ruff: `select = ["ALL"], ignore = [...]` keeps what no ignore names.
    expect(codes('select = ["ALL"]\nignore = ["NVD", "NVG", "NVL", "NVS", "NVT001"]\n', [])).toEqual(["NVT002"]);
  });

  it("a configured select = [] selects nothing; its ignore carries over to the command line's layer", () => {
    // ruff: `select = []` reports nothing ("All checks passed").
    expect(codes("select = []\n", [])).toEqual([]);
    // ruff: `select = [], extend-select = ["F401"]` reports F401.
    expect(codes('select = []\nextend-select = ["NVG003"]\n', [])).toEqual(["NVG003"]);
    // ruff: `select = [], ignore = ["F401"]` + `--select F` reports F841 (the ignore carried over, more specific than F).
    expect(codes('select = []\nignore = ["NVG003"]\n', ["--select", "NVG"])).toEqual(["NVG001", "NVG002"]);
  });

  it("per-file-ignores apply last, whatever selected the rule", () => {
    const dir = tree({
      "pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n\n[tool.nvmarimo-fix.per-file-ignores]\n"legacy/*.py" = ["NV"]\n"old/*.py" = ["NVG"]\n',
      "legacy/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "old/nb.py": DEL_WITHOUT_EMPTY_CACHE,
      "new/nb.py": DEL_WITHOUT_EMPTY_CACHE,
    });
    // ruff: `select = ["F401"]`, per-file-ignores `"legacy/*.py" = ["ALL"]`, `"old/*.py" = ["F"]` + `--select F401,E501`
    // reports nothing in legacy/, E501 in old/, F401 and E501 in new/.
    const r = runCli(["--check", "--format", "json", "--select", "NVG003,NVS003", "."], { cwd: dir });
    const files = JSON.parse(r.stdout).files as Array<{ path: string; diagnostics: Array<{ code: string }> }>;
    const byPath = Object.fromEntries(files.map((f) => [f.path, f.diagnostics.map((d) => d.code).sort()]));
    expect(byPath).toEqual({ "legacy/nb.py": [], "new/nb.py": ["NVG003", "NVS003"], "old/nb.py": ["NVS003"] });
  });
});

describe("suppressions", () => {
  it("honours nvmarimo: ignore[...] on the line or the def line, noqa, and ignore-file", () => {
    const onLine = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", "    del model  # nvmarimo: ignore[NVG003]\n");
    const onDef = DEL_WITHOUT_EMPTY_CACHE.replace("def _(model):", "def _(model):  # nvmarimo: ignore[NVG]");
    const noqa = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", "    del model  # noqa: NVG003\n");
    const file = "# nvmarimo: ignore-file\n" + DEL_WITHOUT_EMPTY_CACHE;
    const other = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", "    del model  # noqa: NVR001\n");
    const dir = tree({ "a.py": onLine, "b.py": onDef, "c.py": noqa, "d.py": file, "e.py": other });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    const counts = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; diagnostics: unknown[] }) => [f.path, f.diagnostics.length]));
    expect(counts).toEqual({ "a.py": 0, "b.py": 0, "c.py": 0, "d.py": 0, "e.py": 1 });
  });

  it("reads only comments, ignore-file[CODES] and ruff's noqa forms; warns on stderr for a code of ours that names no rule", () => {
    const del = (comment: string) => DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", `    del model${comment}\n`);
    const dir = tree({
      "in_string.py": del('; s = "# noqa: NVG003"'),
      "file_in_string.py": del('\n    _s = """\n# nvmarimo: ignore-file\n"""'),
      "file_codes.py": "# nvmarimo: ignore-file[NVG003]\n" + DEL_WITHOUT_EMPTY_CACHE,
      "upper.py": del("  # NOQA: NVG003"),
      "mixed.py": del("  # noqa: E501 NVG003"),
      "typo.py": del("  # nvmarimo: ignore[NVG03]"),
    });
    const r = runCli(["--check", "--format", "json", "."], { cwd: dir });
    const counts = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; diagnostics: unknown[] }) => [f.path, f.diagnostics.length]));
    expect(counts).toEqual({ "file_codes.py": 0, "file_in_string.py": 1, "in_string.py": 1, "mixed.py": 0, "typo.py": 1, "upper.py": 0 });
    const text = runCli(["--check", "typo.py", "mixed.py"], { cwd: dir });
    expect(text.status).toBe(1);
    expect(text.stderr).toContain("typo.py: warning: line 21: `# nvmarimo: ignore[NVG03]` names `NVG03`, which is no rule code or prefix: it suppresses nothing\n");
    expect(text.stderr).not.toContain("mixed.py: warning");
    // Every format carries the warning: on stderr, and in the document or the annotations.
    const warning = "line 21: `# nvmarimo: ignore[NVG03]` names `NVG03`, which is no rule code or prefix: it suppresses nothing";
    const json = runCli(["--check", "--format", "json", "typo.py", "mixed.py"], { cwd: dir });
    expect(json.stderr).toContain(`typo.py: warning: ${warning}\n`);
    const files = JSON.parse(json.stdout).files as Array<{ path: string; warnings: Array<{ code: string; message: string }> }>;
    expect(files.map((f) => [f.path, f.warnings.map((w) => w.message)])).toEqual([["mixed.py", []], ["typo.py", [warning]]]);
    const sarif = runCli(["--check", "--format", "sarif", "typo.py"], { cwd: dir });
    const log = JSON.parse(sarif.stdout);
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].invocations).toEqual([
      { executionSuccessful: true, toolExecutionNotifications: [{ level: "warning", message: { text: warning }, locations: [{ physicalLocation: { artifactLocation: { uri: "typo.py" } } }] }] },
    ]);
    const github = runCli(["--check", "--format", "github", "typo.py"], { cwd: dir, env: { GITHUB_WORKSPACE: "" } });
    expect(github.stdout).toContain(`::warning file=typo.py,title=nvmarimo-fix::${warning}\n`);
  });
});

describe("stdin", () => {
  it("prints the fixed source, or the diff with --dry-run", () => {
    const fixed = runCli(["-", "--select", "NVG003", "--stdin-filename", "nbs/nb.py"], { input: DEL_WITHOUT_EMPTY_CACHE });
    expect(fixed.stdout).toBe(CLEAN);
    expect(fixed.status).toBe(0);
    const diff = runCli(["-", "--select", "NVG003", "--dry-run", "--stdin-filename", "nbs/nb.py"], { input: DEL_WITHOUT_EMPTY_CACHE });
    expect(diff.stdout).toContain("+++ b/nbs/nb.py");
    expect(diff.status).toBe(1);
    // What a file run prints on stdout goes to stderr here: the fixes, the counts, the summary.
    const shown = runCli(["-", "--select", "NVG003", "--show-fixes", "--stdin-filename", "nbs/nb.py"], { input: DEL_WITHOUT_EMPTY_CACHE });
    expect(shown.stdout).toBe(CLEAN);
    expect(shown.stderr).toMatch(/^Fixed in nbs\/nb\.py:\n {2}nbs\/nb\.py:21: NVG003 Insert /);
    const sharing = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", "    del model; print(1)\n");
    const counted = runCli(["-", "--select", "NVG003", "--statistics", "--stdin-filename", "nbs/nb.py"], { input: sharing });
    expect(counted.stdout).toBe(sharing);
    expect(counted.stderr).toMatch(/^\s+1\tNVG003\t\[ \] del-without-empty-cache\n/);
    expect(counted.status).toBe(1);
    const broken = runCli(["-", "--stdin-filename", "x.py"], { input: "import marimo\napp = marimo.App()\ndef (:\n" });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^x\.py:3: syntax error/);
  });

  it("with --check gives the report a file run gives, in any format; --stdin-filename alone reads stdin", () => {
    const dir = tree({ "nbs/nb.py": DEL_WITHOUT_EMPTY_CACHE });
    for (const format of ["text", "json", "sarif", "github"]) {
      const fromFile = runCli(["--check", "--format", format, "nbs/nb.py"], { cwd: dir });
      const fromStdin = runCli(["-", "--check", "--format", format, "--stdin-filename", "nbs/nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
      const withoutDash = runCli(["--check", "--format", format, "--stdin-filename", "nbs/nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
      expect(fromStdin.stdout, format).toBe(fromFile.stdout);
      expect(withoutDash.stdout, format).toBe(fromFile.stdout);
      expect(fromStdin.status).toBe(1);
    }
    const text = runCli(["-", "--check", "--stdin-filename", "nbs/nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(text.stdout).toMatch(/^nbs\/nb\.py:\d+:\d+: NVG003 .* \[\*\]$/m);
  });

  it("reads the configuration nearest to --stdin-filename, per-file ignores included", () => {
    const dir = tree({
      "pyproject.toml": "[tool.nvmarimo-fix]\n",
      "proj/pyproject.toml": '[tool.nvmarimo-fix]\nselect = ["NVG003", "NVO002"]\nper-file-ignores = { "nbs/*.py" = ["NVO002"] }\n',
    });
    const r = runCli(["-", "--check", "--format", "json", "--stdin-filename", "proj/nbs/nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    const codes = JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(["NVG003"]);
    const atRoot = runCli(["-", "--check", "--format", "json", "--stdin-filename", "nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(new Set(JSON.parse(atRoot.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).size).toBeGreaterThan(1);
  });
});

describe("exit status and report destination, as with ruff", () => {
  it("--exit-zero: 0 although violations remain or a file could not be processed (as with ruff); a usage error still gives 2", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    expect(runCli(["--check", "nb.py"], { cwd: dir }).status).toBe(1);
    expect(runCli(["--check", "--exit-zero", "nb.py"], { cwd: dir }).status).toBe(0);
    expect(runCli(["--check", "--exit-zero", "-"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE }).status).toBe(0);
    writeFileSync(join(dir, "broken.py"), DEL_WITHOUT_EMPTY_CACHE.replace("del model\n", "del model(\n"));
    expect(runCli(["--check", "."], { cwd: dir }).status).toBe(2);
    // The CI recipe: the SARIF is written and the step goes on; the failure is on stderr.
    const sarif = runCli(["--check", "--exit-zero", "--format", "sarif", "-o", "x.sarif", "."], { cwd: dir });
    expect(sarif.status).toBe(0);
    expect(sarif.stderr).toMatch(/^broken\.py:\d+: syntax error\n$/);
    expect(validateSarif(JSON.parse(readFileSync(join(dir, "x.sarif"), "utf8")))).toBe(true);
    expect(runCli(["--check", "--exit-zero", "--jobs", "0", "."], { cwd: dir }).status).toBe(2);
  });

  it("--exit-non-zero-on-fix: 1 when a file was fixed even if nothing remains, 0 on the next run", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const first = runCli(["--select", "NVG003", "--exit-non-zero-on-fix", "nb.py"], { cwd: dir });
    expect(first.stderr).toContain("Fixed 1 violation in 1 file.");
    expect(first.status).toBe(1);
    expect(runCli(["--select", "NVG003", "nb.py"], { cwd: dir }).status).toBe(0);
    expect(runCli(["--select", "NVG003", "--exit-non-zero-on-fix", "nb.py"], { cwd: dir }).status).toBe(0);
    const stdin = runCli(["--select", "NVG003", "--exit-non-zero-on-fix", "-"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(stdin.stdout).toContain("torch.cuda.empty_cache()");
    expect(stdin.status).toBe(1);
  });

  it("--output-file writes the report to a file; stdout stays empty and the summary stays on stderr", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const text = runCli(["--check", "-o", "report.txt", "nb.py"], { cwd: dir });
    expect(text.status).toBe(1);
    expect(text.stdout).toBe("");
    expect(text.stderr).toContain("Found 1 remaining violation.");
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toMatch(/^nb\.py:\d+:\d+: NVG003 .* \[\*\]\n$/);
    // Missing parent directories are created, as ruff does; a path that cannot be a file is an error.
    expect(runCli(["--check", "--format", "sarif", "--output-file", "out/reports/report.sarif", "nb.py"], { cwd: dir }).status).toBe(1);
    expect(validateSarif(JSON.parse(readFileSync(join(dir, "out/reports/report.sarif"), "utf8")))).toBe(true);
    const blocked = runCli(["--check", "--format", "sarif", "--output-file", "nb.py/report.sarif", "nb.py"], { cwd: dir });
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(/^nvmarimo-fix: nb\.py\/report\.sarif: .+\n$/);
    const stdin = runCli(["--check", "--format", "json", "-o", "stdin.json", "--stdin-filename", "nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(stdin.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "stdin.json"), "utf8")).summary.remaining).toBe(1);
  });

  it("a glob that matches nothing warns, as ruff does, and exits 0", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "old_*.py"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe("nvmarimo-fix: warning: no Python files found under the given paths");
    expect(runCli(["--check", "-q", "old_*.py"], { cwd: dir }).stderr).toBe("");
  });

  it("--quiet prints the report without the summary", () => {
    const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
    const r = runCli(["--check", "-q", "nb.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/NVG003/);
    expect(r.stderr).toBe("");
  });
});

describe("usage errors", () => {
  it("stops with status 2 before reading any file when options and paths contradict each other", () => {
    const cases: Array<[string[], RegExp]> = [
      [["-", "nb.py"], /`-` \(read a notebook from stdin\) cannot be combined with other paths/],
      [["--stdin-filename", "x.py", "nb.py"], /--stdin-filename names the notebook read from stdin/],
      [["--check", "--dry-run", "nb.py"], /--check \(report only\) and --dry-run \(show the fixes\) cannot be used together/],
      [["--jobs", "0", "nb.py"], /--jobs needs a whole number/],
      [["-j", "1.5", "nb.py"], /--jobs needs a whole number/],
      [["-j", "abc", "nb.py"], /--jobs needs a whole number/],
      [["--select", "", "nb.py"], /--select needs rule codes or prefixes/],
      [["--ignore", " , ", "nb.py"], /--ignore needs rule codes or prefixes/],
      [["-", "--format", "json", "--stdin-filename", "x.py"], /--format json with stdin needs --check/],
      [["-", "--format", "sarif", "--dry-run"], /--format sarif with stdin needs --check/],
      [["--config", "a.toml", "--config", "b.toml", "nb.py"], /--config was given more than once/],
      [["--config", "", "nb.py"], /--config needs a value/],
      [["-", "--stdin-filename", ""], /--stdin-filename needs a value/],
      [["--explain", "NVG001", "--explain", "NVG003"], /--explain was given more than once/],
      [["--exit-zero", "--exit-non-zero-on-fix", "nb.py"], /--exit-zero and --exit-non-zero-on-fix cannot be used together/],
      [["-", "-o", "report.txt"], /--output-file with stdin needs --check/],
      [["-o", "a.txt", "-o", "b.txt", "nb.py"], /--output-file was given more than once/],
    ];
    for (const [args, message] of cases) {
      const dir = tree({ "nb.py": DEL_WITHOUT_EMPTY_CACHE });
      const r = runCli(args, { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^nvmarimo-fix: ${message.source}[^\n]*\n$`));
      expect(r.stdout).toBe("");
      expect(readFileSync(join(dir, "nb.py"), "utf8")).toBe(DEL_WITHOUT_EMPTY_CACHE);
    }
  });
});

describe("pre-commit", () => {
  it("ships a hook definition", () => {
    const hooks = readFileSync(".pre-commit-hooks.yaml", "utf8");
    expect(hooks).toContain("id: nvmarimo-fix");
    expect(hooks).toContain("entry: nvmarimo-fix --force-exclude");
  });
  it("copies a notebook byte for byte when nothing applies", () => {
    const dir = tree({});
    copyFileSync("testfixtures/NVG003/empty-cache-already-there.input.py", join(dir, "nb.py"));
    const before = readFileSync(join(dir, "nb.py"));
    runCli(["--select", "NVG003", "nb.py"], { cwd: dir });
    expect(readFileSync(join(dir, "nb.py")).equals(before)).toBe(true);
  });
});
