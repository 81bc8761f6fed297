// Bad input gets one clear line naming the file and the reason, and nothing is written.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource, NotebookSourceError } from "../src/index.js";
import { BIN, runCli, tempDir } from "./helpers/cli.js";
import { DEL_WITHOUT_EMPTY_CACHE } from "./helpers/notebooks.js";

function unchanged(path: string, before: Buffer, mtimeMs: number): void {
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(statSync(path).mtimeMs).toBe(mtimeMs);
}

function setup(name: string, content: string | Buffer): { dir: string; path: string; before: Buffer; mtimeMs: number } {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  // Only NVG003: these tests are about input handling, not the rule catalogue.
  writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n');
  return { dir, path, before: readFileSync(path), mtimeMs: statSync(path).mtimeMs };
}

describe("bad input", () => {
  it("an empty file is skipped as not a notebook", () => {
    const f = setup("empty.py", "");
    const r = runCli([f.path]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("Skipped 1 file that is not a marimo notebook.");
    unchanged(f.path, f.before, f.mtimeMs);
  });

  it("bytes that are not UTF-8 give one line naming the file", () => {
    const f = setup("latin1.py", Buffer.concat([Buffer.from(DEL_WITHOUT_EMPTY_CACHE.slice(0, 40)), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(DEL_WITHOUT_EMPTY_CACHE.slice(40))]));
    const r = runCli([f.path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${f.path.replace(/[/.]/g, "\\$&")}: not UTF-8 text$`, "m"));
    unchanged(f.path, f.before, f.mtimeMs);
  });

  it("a notebook with CR line endings (classic Mac OS) gives one line saying so; a CR script is still skipped", () => {
    const f = setup("mac.py", DEL_WITHOUT_EMPTY_CACHE.replaceAll("\n", "\r"));
    const script = join(f.dir, "script.py");
    writeFileSync(script, "import torch\rmodel = torch.zeros(3)\rdel model\r");
    const r = runCli([f.path, script]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${f.path}: CR line endings (classic Mac OS) are not supported: convert the file to LF or CRLF`);
    expect(r.stderr).toContain("0 changed, 0 unchanged, 1 skipped, 1 failed");
    unchanged(f.path, f.before, f.mtimeMs);
  });

  it("a script in another encoding (a legacy `coding: latin-1` file) is skipped like any script, not failed", () => {
    const f = setup("legacy.py", Buffer.from("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n", "latin1"));
    const r = runCli([f.dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("Skipped 1 file that is not a marimo notebook.");
    unchanged(f.path, f.before, f.mtimeMs);
  });

  it("a plain Python script is skipped and counted", () => {
    const f = setup("script.py", "import torch\nmodel = torch.zeros(3)\ndel model\n");
    const r = runCli([f.dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("Skipped 1 file");
    unchanged(f.path, f.before, f.mtimeMs);
    expect(() => lintSource("x = 1\n")).toThrow(NotebookSourceError);
  });

  it("a notebook with an unparsable cell is fixed around it, the cell kept verbatim", () => {
    const unparsable = `app._unparsable_cell(\n    r"""\n    this is not python (\n    """,\n    name="_"\n)\n\n\n`;
    const source = DEL_WITHOUT_EMPTY_CACHE.replace("@app.cell\ndef _(model):", `${unparsable}@app.cell\ndef _(model):`);
    const result = fixSource(source, { select: ["NVG003"] });
    expect(result.output).toContain(unparsable);
    expect(result.output).toContain("torch.cuda.empty_cache()");
  });

  it("a syntax error gives file:line: syntax error and nothing is written", () => {
    const broken = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", "    del model\n    x = (1,\n");
    const f = setup("broken.py", broken);
    const r = runCli([f.path]);
    expect(r.status).toBe(2);
    const line = broken.split("\n").findIndex((l) => l.includes("x = (1,")) + 1;
    expect(r.stderr.trim().split("\n")[0]).toMatch(new RegExp(`broken\\.py:(${line}|${line + 1}|${line + 2}|${line + 3}): syntax error$`));
    unchanged(f.path, f.before, f.mtimeMs);
  });

  it("a 300,000-character line is handled", () => {
    const long = DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", `    blob = "${"x".repeat(300_000)}"\n    del model\n`);
    const f = setup("long.py", long);
    const r = runCli([f.path]);
    expect(r.status).toBe(0);
    const after = readFileSync(f.path, "utf8");
    expect(after).toContain("x".repeat(300_000));
    expect(after).toContain("torch.cuda.empty_cache()");
  });

  it("a directory with a symlink loop terminates", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n');
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "nb.py"), DEL_WITHOUT_EMPTY_CACHE);
    symlinkSync("..", join(dir, "a", "loop"));
    symlinkSync("/", join(dir, "outside"));
    const r = runCli(["--dry-run", dir]);
    expect(r.status).toBe(1);
    expect(r.stdout.match(/^\+\+\+ /gm)?.length).toBe(1);
  });

  it("stdin: bytes that are not UTF-8 give one line and come back untouched; a byte-order mark stays in front", () => {
    const latin1 = Buffer.concat([Buffer.from(DEL_WITHOUT_EMPTY_CACHE), Buffer.from("# caf\xe9\n", "latin1")]);
    const dir = setup("nb.py", DEL_WITHOUT_EMPTY_CACHE).dir;
    const r = spawnSync(process.execPath, [BIN, "-", "--stdin-filename", "nb.py"], { cwd: dir, input: latin1 });
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toBe("nb.py: not UTF-8 text\n");
    expect(r.stdout.equals(latin1)).toBe(true);
    const withBom = runCli(["-", "--stdin-filename", "nb.py"], { cwd: dir, input: "\uFEFF" + DEL_WITHOUT_EMPTY_CACHE });
    const plain = runCli(["-", "--stdin-filename", "nb.py"], { cwd: dir, input: DEL_WITHOUT_EMPTY_CACHE });
    expect(plain.stdout).not.toBe(DEL_WITHOUT_EMPTY_CACHE);
    expect(withBom.stdout).toBe("\uFEFF" + plain.stdout);
  });

  it("API: a byte-order mark stays in front of the output; a source that is not a string is a TypeError", () => {
    const plain = fixSource(DEL_WITHOUT_EMPTY_CACHE, { unsafeFixes: true });
    const withBom = fixSource("\uFEFF" + DEL_WITHOUT_EMPTY_CACHE, { unsafeFixes: true });
    expect(plain.applied.some((fix) => fix.code === "NVS003")).toBe(true); // inserts at the top of the file
    expect(withBom.output).toBe("\uFEFF" + plain.output);
    const where = (source: string) => lintSource(source).diagnostics.map((d) => `${d.code}:${d.line}:${d.column} ${d.message}`);
    expect(where("\uFEFF" + DEL_WITHOUT_EMPTY_CACHE)).toEqual(where(DEL_WITHOUT_EMPTY_CACHE));
    for (const bad of [null, undefined, Buffer.from(DEL_WITHOUT_EMPTY_CACHE), 42]) {
      expect(() => lintSource(bad as unknown as string)).toThrow(TypeError);
    }
  });

  it("API: selections and rule options that name no rule, or are not lists and tables, are a TypeError", () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ select: ["XYZ"] }, /select: unknown rule code or prefix: XYZ/],
      [{ ignore: ["NVG003", "NOPE"] }, /ignore: unknown rule code or prefix: NOPE/],
      [{ extendSelect: ["Q"] }, /extendSelect: unknown rule code or prefix: Q/],
      [{ select: "NVG" }, /select must be an array of rule codes or prefixes/],
      [{ ruleOptions: null }, /ruleOptions must be an object/],
      [{ ruleOptions: [] }, /ruleOptions must be an object/],
    ];
    for (const [options, message] of cases) {
      expect(() => lintSource(DEL_WITHOUT_EMPTY_CACHE, options)).toThrow(message);
      expect(() => fixSource(DEL_WITHOUT_EMPTY_CACHE, options)).toThrow(TypeError);
    }
    expect(lintSource(DEL_WITHOUT_EMPTY_CACHE, { select: ["nvg", "ALL"], ignore: ["NVG001"] }).diagnostics.length).toBeGreaterThan(0);
  });

  it("a missing path is a one-line error with exit status 2", () => {
    const r = runCli(["/nonexistent/notebook.py"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("/nonexistent/notebook.py: no such file or directory");
  });
});
