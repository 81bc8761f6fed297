// NVS003 missing-dependency-metadata: the fixtures pin the fixes; these pin the diagnostics and
// the package-name knowledge.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { notebook } from "../helpers/notebooks.js";
import { fixSource, lintSource } from "../../src/index.js";
import { moduleOrigin } from "../../src/transforms/lib/missing-dependency-metadata-packages.js";

function lint(fixture: string) {
  return lintSource(readFileSync(`testfixtures/NVS003/${fixture}.input.py`, "utf8"), { select: ["NVS003"] }).diagnostics;
}

describe("NVS003 missing-dependency-metadata", () => {
  it("maps import names to PyPI names and leaves the standard library out", () => {
    expect(moduleOrigin("cv2")).toEqual({ kind: "known", distributions: expect.arrayContaining(["opencv-python"]) });
    expect(moduleOrigin("sklearn.model_selection")).toEqual({ kind: "known", distributions: ["scikit-learn"] });
    expect(moduleOrigin("PIL")).toEqual({ kind: "known", distributions: ["pillow"] });
    expect(moduleOrigin("yaml")).toEqual({ kind: "known", distributions: ["pyyaml"] });
    expect(moduleOrigin("cudf")).toMatchObject({ kind: "known", distributions: ["cudf-cu12", "cudf-cu11", "cudf"] });
    expect(moduleOrigin("google.cloud.storage")).toEqual({ kind: "known", distributions: ["google-cloud-storage"] });
    expect(moduleOrigin("huggingface_hub")).toEqual({ kind: "known", distributions: ["huggingface-hub"] });
    for (const stdlib of ["os", "json", "asyncio", "collections.abc", "tomllib", "__future__"]) expect(moduleOrigin(stdlib)).toEqual({ kind: "stdlib" });
    expect(moduleOrigin(".helpers")).toEqual({ kind: "relative" });
    expect(moduleOrigin("my_project.datasets")).toEqual({ kind: "unknown", name: "my_project" });
  });

  it("reports a missing block at line 1, and names modules it cannot map", () => {
    const [missing] = lint("mapped-names-optional-and-local-modules");
    expect(missing?.line).toBe(1);
    expect(missing?.message).toContain("google-cloud-storage, marimo, opencv-python, pillow, pyyaml, scikit-learn, torch");
    expect(missing?.message).toContain("`my_project` is not a known PyPI package");
    expect(missing?.message).not.toContain("cudf");
  });

  it("reports incomplete lists and blocks without dependencies, with a fix", () => {
    expect(lint("incomplete-sorted-list").map((d) => [d.line, d.fix !== undefined])).toEqual([[1, true]]);
    expect(lint("block-without-dependencies").map((d) => [d.line, d.fix !== undefined])).toEqual([[1, true]]);
  });

  it("reports an unclosed block without a fix and accepts complete lists (alternatives, markers, extras)", () => {
    expect(lint("unclosed-block-not-fixed").map((d) => [d.line, d.fix])).toEqual([[1, undefined]]);
    expect(lint("already-listed-no-change")).toEqual([]);
  });

  it("puts the block after a shebang and an encoding line", () => {
    const source = readFileSync("testfixtures/NVS003/cpu-setup-cell-shebang-and-docstring.input.py", "utf8");
    const lines = fixSource(source, { select: ["NVS003"] }).output.split("\n");
    expect(lines.slice(0, 4)).toEqual(["#!/usr/bin/env python3", "# -*- coding: utf-8 -*-", "# /// script", '# requires-python = ">=3.11"']);
  });

  it("leaves out imports behind an availability flag that an except ImportError clears", () => {
    const source = notebook([
      "try:\n    import cugraph\n    CUGRAPH_AVAILABLE = True\nexcept ImportError:\n    CUGRAPH_AVAILABLE = False",
      "import numpy as np\n\ndef pagerank(edges):\n    if not CUGRAPH_AVAILABLE:\n        return None\n    import cudf\n    return cudf.from_pandas(edges)\n\nif CUGRAPH_AVAILABLE:\n    import cuml",
    ]);
    const block = fixSource(source, { select: ["NVS003"] }).output.split("# ///")[1] ?? "";
    expect(block).toContain('"numpy"');
    expect(block).not.toMatch(/cudf|cugraph|cuml/);
    // The same import without the flag is a dependency.
    const unguarded = source.replace(/ *if not CUGRAPH_AVAILABLE:\n *return None\n/, "");
    expect(unguarded).not.toContain("if not CUGRAPH_AVAILABLE");
    const plain = fixSource(unguarded, { select: ["NVS003"] }).output.split("# ///")[1] ?? "";
    expect(plain).toContain('"cudf-cu12"');
  });

  // Python 3.12 syntax cannot be a fixture: the fixture test parses outputs with the venv's 3.11.
  it("asks for Python 3.12 when the notebook uses type parameters, `type` aliases or PEP 701 f-strings, not for `list[T]` annotations", () => {
    const notebook = (code: string) =>
      `import marimo\n\napp = marimo.App()\n\n\n@app.cell\ndef _():\n    import numpy as np\n${code.replace(/^/gm, "    ")}\n    return\n\n\nif __name__ == "__main__":\n    app.run()\n`;
    const requires = (code: string) => /requires-python = "([^"]+)"/.exec(fixSource(notebook(code), { select: ["NVS003"] }).output)?.[1];
    expect(requires("def first[T](xs: list[T]) -> T:\n    return xs[0]")).toBe(">=3.12");
    expect(requires("class Box[T]:\n    pass")).toBe(">=3.12");
    expect(requires("type Pair = tuple[int, int]")).toBe(">=3.12");
    expect(requires("def first(xs: list[int]) -> int:\n    return xs[0]\ntype_name = 'x'")).toBe(">=3.11");
    // PEP 701 f-strings; each case was checked with CPython 3.11 (SyntaxError for the 3.12 ones).
    expect(requires('d = {"k": 1}\nprint(f"a {d["k"]}")')).toBe(">=3.12");
    expect(requires('lines = ["a"]\nprint(f"{\'\\\\n\'.join(lines)}")')).toBe(">=3.12");
    expect(requires('d = {"k": 1}\nprint(f"""{d["""k"""]}""")')).toBe(">=3.12");
    expect(requires('d = {"k": 1}\nprint(f"a {d[\'k\']}", f"""{d["k"]}""", f"{np.pi:>10.2f}", f\'{d!r}\')')).toBe(">=3.11");
  });
});
