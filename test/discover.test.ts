// File discovery: which files a run finds from the paths given, .gitignore files, directories skipped by default and Python environments included.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXCLUDES, discoverFiles } from "../src/cli/discover.js";
import { tempDir } from "./helpers/cli.js";

/** A temporary tree; a name ending in `/` is an empty directory. */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith("/")) {
      mkdirSync(join(dir, name), { recursive: true });
      continue;
    }
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The files found from `paths` (relative to `dir`), as paths relative to `dir`. */
async function found(dir: string, ...paths: string[]): Promise<string[]> {
  const discovery = await discoverFiles(paths.map((p) => join(dir, p)));
  expect(discovery.errors).toEqual([]);
  return discovery.files.map((f) => relative(dir, f));
}

describe("the .gitignore files of the directories above", () => {
  const repo = () =>
    tree({
      ".git/": "",
      ".gitignore": "a/b/\n",
      "a/.gitignore": "gen_*.py\n",
      "a/b/x.py": "",
      "a/gen_1.py": "",
      "a/ok.py": "",
      "a/c/y.py": "",
      "a/c/gen_2.py": "",
      "top.py": "",
    });

  it("apply inside a git repository: the same files are found wherever the walk starts", async () => {
    const dir = repo();
    expect(await found(dir, ".")).toEqual(["a/c/y.py", "a/ok.py", "top.py"]);
    expect(await found(dir, "a")).toEqual(["a/c/y.py", "a/ok.py"]);
    expect(await found(dir, "a/c")).toEqual(["a/c/y.py"]);
  });

  it("are anchored to their own directory", async () => {
    // `/y.py` in a/.gitignore means a/y.py, not a/c/y.py; `c/y.py` in the root's means c/y.py.
    const dir = tree({ ".git/": "", ".gitignore": "c/y.py\n", "a/.gitignore": "/y.py\n", "a/y.py": "", "a/c/y.py": "", "a/c/z.py": "" });
    expect(await found(dir, "a/c")).toEqual(["a/c/y.py", "a/c/z.py"]);
    expect(await found(dir, "a")).toEqual(["a/c/y.py", "a/c/z.py"]);
  });

  it("stop at the repository root: a .gitignore above it does not apply", async () => {
    const dir = tree({ ".gitignore": "*.py\n", "repo/.git/": "", "repo/sub/x.py": "" });
    expect(await found(dir, "repo/sub")).toEqual(["repo/sub/x.py"]);
    expect(await found(dir, "repo")).toEqual(["repo/sub/x.py"]);
    // Walking down into the repository from outside it does not carry them in either.
    const outer = tree({ ".gitignore": "x.py\n", "y.py": "", "repo/.git/": "", "repo/x.py": "" });
    expect(await found(outer, ".")).toEqual(["repo/x.py", "y.py"]);
  });

  it("do not apply outside a git repository (as ripgrep), those inside the walk do", async () => {
    const dir = tree({ ".gitignore": "a/b/\n", "a/.gitignore": "gen_*.py\n", "a/b/x.py": "", "a/gen_1.py": "", "a/ok.py": "" });
    expect(await found(dir, "a")).toEqual(["a/b/x.py", "a/ok.py"]);
    expect(await found(dir, ".")).toEqual(["a/ok.py"]);
  });

  it("do not exclude a directory or a file named on the command line", async () => {
    const dir = repo();
    expect(await found(dir, "a/b")).toEqual(["a/b/x.py"]);
    expect(await found(dir, "a/gen_1.py", "a/b/x.py")).toEqual(["a/b/x.py", "a/gen_1.py"]);
  });

  it("include .git/info/exclude, also through the .git file of a worktree", async () => {
    const dir = tree({ ".git/info/exclude": "skip_*.py\n", "sub/skip_1.py": "", "sub/keep.py": "" });
    expect(await found(dir, ".")).toEqual(["sub/keep.py"]);
    expect(await found(dir, "sub")).toEqual(["sub/keep.py"]);
    const worktree = tree({
      "main/.git/info/exclude": "skip_*.py\n",
      "main/.git/worktrees/w/commondir": "../..\n",
      "w/.git": "gitdir: ../main/.git/worktrees/w\n",
      "w/sub/skip_1.py": "",
      "w/sub/keep.py": "",
    });
    expect(await found(worktree, "w")).toEqual(["w/sub/keep.py"]);
    expect(await found(worktree, "w/sub")).toEqual(["w/sub/keep.py"]);
  });

  it("are not read when .gitignore is not respected", async () => {
    const dir = repo();
    const discovery = await discoverFiles([join(dir, "a")], { respectGitignore: false });
    expect(discovery.files.map((f) => relative(dir, f))).toEqual(["a/b/x.py", "a/c/gen_2.py", "a/c/y.py", "a/gen_1.py", "a/ok.py"]);
  });
});

describe("one file named several ways", () => {
  it("is found once, under the first spelling, in sorted order", async () => {
    const dir = tree({ "ex/r.py": "", "dup/m.py": "", "z.py": "" });
    const discovery = await discoverFiles([join(dir, "z.py"), join(dir, "ex/r.py"), `${dir}/./ex/r.py`, join(dir, "dup") + "/../dup/m.py", join(dir, "dup/m.py")]);
    expect(discovery.files.map((f) => relative(dir, f))).toEqual(["dup/m.py", "ex/r.py", "z.py"]);
    expect(discovery.files).toContain(`${dir}/dup/../dup/m.py`);
  });

  it("is found once when a directory holding it is given too, or a glob matches it", async () => {
    const dir = tree({ "d/x.py": "", "d/e/y.py": "" });
    expect(await found(dir, "d", "d/x.py", "d/e", "d/*.py")).toEqual(["d/e/y.py", "d/x.py"]);
  });

  it("is found once through a symlink inside the walk", async () => {
    const dir = tree({ "d/x.py": "" });
    symlinkSync("x.py", join(dir, "d", "y.py"));
    symlinkSync(".", join(dir, "d", "same"));
    expect(await found(dir, "d", "d/y.py")).toEqual(["d/x.py"]);
    // A glob matching the file and not the symlink sorted before it still finds the file.
    symlinkSync("x.py", join(dir, "d", "a.py"));
    expect(await found(dir, "d/x*.py")).toEqual(["d/x.py"]);
  });
});

describe("directories skipped by default", () => {
  it("ruff's default excludes, __pycache__ and __marimo__ are not entered by a walk", async () => {
    const dir = tree(Object.fromEntries([["keep/nb.py", ""], ...DEFAULT_EXCLUDES.map((name) => [`${name}/nb.py`, ""]), ...DEFAULT_EXCLUDES.map((name) => [`keep/${name}/deep/nb.py`, ""])]));
    expect(await found(dir, ".")).toEqual(["keep/nb.py"]);
    // A glob walks from the part before its first wildcard: the same directories are skipped.
    expect(await found(dir, "**/*.py")).toEqual(["keep/nb.py"]);
  });

  it("include ruff 0.17.6's defaults (`build` is no longer one) and marimo's and Jupyter's directories", () => {
    for (const name of [".tox", ".nox", "site-packages", "dist", "_build", "__pypackages__", ".ipynb_checkpoints", "__marimo__", "__pycache__"]) expect(DEFAULT_EXCLUDES).toContain(name);
    expect(DEFAULT_EXCLUDES).not.toContain("build");
  });

  it("are searched when named on the command line, as with ruff; one named inside is still skipped", async () => {
    const dir = tree({ "dist/nb.py": "", "dist/node_modules/x.py": "", ".tox/py311/lib/python3.11/site-packages/pkg/t.py": "", ".tox/py311/own.py": "" });
    expect(await found(dir, "dist")).toEqual(["dist/nb.py"]);
    expect(await found(dir, ".tox")).toEqual([".tox/py311/own.py"]);
    expect(await found(dir, ".tox/py311/lib/python3.11/site-packages")).toEqual([".tox/py311/lib/python3.11/site-packages/pkg/t.py"]);
    expect(await found(dir, "dist/*.py")).toEqual(["dist/nb.py"]);
    expect(await found(dir, "dist/node_modules/x.py")).toEqual(["dist/node_modules/x.py"]);
  });

  it("are listed in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const name of DEFAULT_EXCLUDES) expect(readme, name).toContain(`\`${name}\``);
  });
});

describe("Python environments, whatever their name", () => {
  const project = () =>
    tree({
      "src/nb.py": "",
      "env/pyvenv.cfg": "home = /usr/bin\n",
      "env/bin/activate_this.py": "",
      "env/lib/python3.11/site-packages/marimo/_tutorials/intro.py": "",
      "tools/py311/pyvenv.cfg": "",
      "tools/py311/lib/x.py": "",
      "conda/conda-meta/history": "",
      "conda/share/y.py": "",
    });

  it("are not entered: a directory holding pyvenv.cfg or conda-meta is an environment", async () => {
    const dir = project();
    expect(await found(dir, ".")).toEqual(["src/nb.py"]);
    expect(await found(dir, "tools")).toEqual([]);
    expect(await found(dir, "*/*.py")).toEqual(["src/nb.py"]);
  });

  it("are searched when named on the command line (installed packages are still skipped)", async () => {
    const dir = project();
    expect(await found(dir, "env")).toEqual(["env/bin/activate_this.py"]);
    expect(await found(dir, "tools/py311")).toEqual(["tools/py311/lib/x.py"]);
    expect(await found(dir, "conda")).toEqual(["conda/share/y.py"]);
    expect(await found(dir, "env/bin/*.py")).toEqual(["env/bin/activate_this.py"]);
  });

  it("a pyvenv.cfg in the directory given does not stop its walk", async () => {
    const dir = tree({ "pyvenv.cfg": "", "nb.py": "", "sub/x.py": "" });
    expect(await found(dir, ".")).toEqual(["nb.py", "sub/x.py"]);
    expect(await found(dir, "**/*.py")).toEqual(["nb.py", "sub/x.py"]);
  });

  it("a file named like a skipped directory is found", async () => {
    const dir = tree({ "dist.py": "", "venv.py": "", "site-packages.py": "" });
    expect(await found(dir, ".")).toEqual(["dist.py", "site-packages.py", "venv.py"]);
  });
});
