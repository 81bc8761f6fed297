// Bad input gets one clear line naming the file and the reason, and nothing is written.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource, NotebookSourceError } from "../src/index.js";
import { parsePython, syntaxProblems } from "../src/notebook/python.js";
import { BIN, runCli, tempDir } from "./helpers/cli.js";
import { DEL_WITHOUT_EMPTY_CACHE, notebook } from "./helpers/notebooks.js";
import { PYTHON } from "./helpers/python.js";

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

/** The notebook with `text` in place of the `del model` line of its last cell. */
function inCell(text: string): string {
  return DEL_WITHOUT_EMPTY_CACHE.replace("    del model\n", text);
}

/**
 * Syntax errors that tree-sitter's error recovery parses without an ERROR node, so that fixes
 * were applied to them (src/notebook/tokens.ts finds them), with the line CPython reports.
 */
const ACCEPTED_BY_TREE_SITTER: ReadonlyArray<readonly [name: string, source: string, line: number]> = [
  ["operator-at-line-end", inCell('    del model +\n    print("unloaded")\n'), 21],
  ["dot-at-line-end", inCell('    model = model.\n    to("cpu")\n    del model\n'), 21],
  ["keyword-at-line-end", inCell("    ready = model is not\n    None\n    del model\n"), 21],
  ["unexpected-indent", inCell("    del model\n        x = 1\n"), 22],
  ["unindent-mismatch", inCell("    if model:\n        x = 1\n      y = 2\n    del model\n"), 23],
  ["dedent-to-no-block", inCell("    x = 1\n  del model\n"), 22],
  ["indented-def", DEL_WITHOUT_EMPTY_CACHE.replace("@app.cell\ndef _(model):", "@app.cell\n def _(model):"), 20],
  ["tab-error", inCell("    x = 1\n\tdel model\n"), 22],
  ["python2-print", inCell('    print "unloading"\n    del model\n'), 21],
  ["python2-print-in-one-line-if", inCell('    if model: print "unloading"\n    del model\n'), 21],
  ["python2-exec", inCell('    exec "x = 1"\n    del model\n'), 21],
  ["python2-raise", inCell('    if model is None:\n        raise ValueError, "no model"\n    del model\n'), 22],
  ["positional-after-keyword", inCell('    print(sep="", model)\n    del model\n'), 21],
  ["positional-after-double-star", inCell("    print(**{}, model)\n    del model\n"), 21],
  ["star-after-double-star", inCell("    print(**{}, *[model])\n    del model\n"), 21],
  ["repeated-keyword", inCell('    print(model, sep="", sep=" ")\n    del model\n'), 21],
  ["keyword-as-name", inCell("    await = model\n    del model\n"), 21],
  ["del-of-a-call", inCell("    del model.eval()\n"), 21],
  ["starred-target-alone", inCell("    *model, = [model]\n    *rest = model\n    del model\n"), 22],
  ["break-outside-loop", inCell("    del model\n    break\n"), 22],
  ["continue-outside-loop", inCell("    if model:\n        continue\n    del model\n"), 22],
  ["return-outside-function", DEL_WITHOUT_EMPTY_CACHE.replace("\n\nif __name__", "\n\nreturn\n\nif __name__"), 25],
  ["yield-in-class-body", inCell("    class Holder:\n        yield model\n    del model\n"), 22],
  ["await-in-nested-function", inCell("    def unload():\n        await model.unload()\n    del model\n"), 22],
  ["nonlocal-in-cell", inCell("    nonlocal model\n    del model\n"), 21],
  ["import-star-in-cell", inCell("    from os.path import *\n    del model\n"), 21],
];

/** CPython's verdict on each file: the line of its SyntaxError, or null when it compiles. */
function cpythonErrorLines(files: readonly string[]): Array<number | null> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: run .ci/run (or create .venv with marimo) before the tests`);
  const script = "import json, sys\nout = []\nfor f in json.load(sys.stdin):\n    try:\n        compile(open(f, encoding='utf-8').read(), f, 'exec')\n        out.append(None)\n    except SyntaxError as e:\n        out.append(e.lineno)\nprint(json.dumps(out))\n";
  return JSON.parse(execFileSync(PYTHON, ["-c", script], { input: JSON.stringify(files), encoding: "utf8" })) as Array<number | null>;
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

  it("a syntax error above the notebook's header (which it hides from the tree) is a syntax error, not a skipped script", () => {
    // The unclosed bracket swallows `import marimo` and `app = marimo.App()` into an ERROR node.
    const broken = `CONFIG = dict(\n    lr=1e-3,\n\n${DEL_WITHOUT_EMPTY_CACHE}`;
    const f = setup("header-hidden.py", broken);
    const r = runCli([f.path]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")[0]).toMatch(/header-hidden\.py:\d+: syntax error$/);
    expect(r.stderr).toContain("1 failed");
    unchanged(f.path, f.before, f.mtimeMs);
    // A script that only mentions marimo in a string is still skipped.
    const script = setup("tutorial.py", 'TEXT = """\nimport marimo\napp = marimo.App()\n"""\nprint(TEXT)\n');
    expect(runCli([script.path]).stderr).toContain("1 skipped");
  });

  it("syntax errors that tree-sitter's error recovery accepts give file:line: syntax error at CPython's line, and nothing is written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "pyproject.toml"), '[tool.nvmarimo-fix]\nselect = ["NVG003"]\n');
    const files = ACCEPTED_BY_TREE_SITTER.map(([name, source]) => {
      const path = join(dir, `${name}.py`);
      writeFileSync(path, source);
      // The tree-sitter check alone passes each: these were fixed in place before.
      expect(syntaxProblems(parsePython(source).root()), name).toEqual([]);
      return { path, before: readFileSync(path), mtimeMs: statSync(path).mtimeMs };
    });
    expect(cpythonErrorLines(files.map((f) => f.path))).toEqual(ACCEPTED_BY_TREE_SITTER.map(([, , line]) => line));
    const r = runCli([dir]);
    expect(r.status).toBe(2);
    const lines = r.stderr.split("\n").filter((line) => line.endsWith(": syntax error"));
    expect(lines.sort()).toEqual(files.map((f, i) => `${f.path}:${ACCEPTED_BY_TREE_SITTER[i]![2]}: syntax error`).sort());
    expect(r.stderr).toContain(`0 changed, 0 unchanged, 0 skipped, ${files.length} failed`);
    for (const f of files) unchanged(f.path, f.before, f.mtimeMs);
  });

  it("valid Python that looks like those errors is not a syntax error", () => {
    // Each compiles with CPython 3.11 (checked at the end).
    const valid = [
      'import sys\nprint >>sys.stderr, "x"\nprint -1, 2\nprint (1), 2\nprint, 1\nexec (compile("1", "f", "eval")) in [1]',
      "x = 1 + \\\n    2\ny = (1 +\n     2)\nz = ...\nw = 1.\nv = 0x1E-5  # a comment that ends in +",
      'text = """line that ends in +\n  and, indented, with `code`\n"""',
      "for i in range(3):\n    if i:\n        break\nelse:\n    pass\nwhile i: i = 0; continue",
      'print(*[1], sep="")\nprint(1, *[2], sep="", **{"end": ""})\nsorted([1], key=lambda a, b=1: a, reverse=True)\nprint(lambda a, b=1: a, 2)',
      "def g(a=1, *, b, c=2, **k):\n    nonlocal_name = 1\n\n    def h():\n        nonlocal nonlocal_name\n        yield nonlocal_name\n\n    return h",
      "*head, = [1, 2]\nhead, *tail = [1, 2]\npair = *head, 3\nclass Box(dict, metaclass=type):\n    pass",
      "await_result = 1\nasync_value = await_result",
    ].map((body) => notebook([body]));
    // A notebook indented with tabs throughout.
    valid.push(DEL_WITHOUT_EMPTY_CACHE.replaceAll("    ", "\t").replace("del model\n", "if model:\n\t\tmodel = None\n\tdel model\n"));
    for (const source of valid) expect(() => lintSource(source, { select: ["NVG003"] }), source).not.toThrow();
    // What marimo accepts and CPython does not (top-level await in a cell), and newer Python than
    // 3.11: f-strings with nested quotes or line breaks (3.12), `except A, B:` and t-strings (3.14).
    const newer = [
      "import asyncio\nawait asyncio.sleep(0)\nasync for x in y():\n    pass",
      'x = {"a": 1}\ny = f"{x["a"]}"\nz = f"{\n    x\n}"',
      "try:\n    pass\nexcept ValueError, TypeError:\n    pass\nt = t\"{x}\"",
    ];
    for (const body of newer) expect(() => lintSource(notebook([body])), body).not.toThrow();
    const dir = tempDir();
    const paths = valid.map((source, i) => {
      const path = join(dir, `valid${i}.py`);
      writeFileSync(path, source);
      return path;
    });
    expect(cpythonErrorLines(paths)).toEqual(valid.map(() => null));
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
