// `nvmarimo-fix checklist`: the guide's Validation Checklist, item by item.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKLIST, runChecklist } from "../src/cli/checklist.js";
import { ALL_RULES } from "../src/index.js";
import { runCli } from "./helpers/cli.js";
import { DEL_WITHOUT_EMPTY_CACHE } from "./helpers/notebooks.js";

describe("checklist", () => {
  it("covers the guide's 50 checklist items, each mapped to real rules or review by hand", () => {
    expect(CHECKLIST).toHaveLength(50);
    const codes = new Set(ALL_RULES.map((r) => r.code));
    for (const item of CHECKLIST) for (const code of item.rules) expect(codes.has(code), code).toBe(true);
    expect(CHECKLIST.filter((i) => i.rules.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it("fails the cleanup item with the rule and line, and marks hand-review items", () => {
    const results = runChecklist(DEL_WITHOUT_EMPTY_CACHE);
    const cleanup = results.find((r) => r.item.startsWith("Proper cleanup"))!;
    expect(cleanup.status).toBe("failed");
    expect(cleanup.findings).toEqual([expect.objectContaining({ code: "NVG003", line: 21 })]);
    expect(results.find((r) => r.item === "Consistent styling")!.status).toBe("review");
  });

  it("marks GPU items not applicable for a CPU-only notebook", () => {
    const cpu = DEL_WITHOUT_EMPTY_CACHE.replace(/torch\.jit\.load\("model.pt", map_location="cuda"\)/, "[1, 2, 3]").replace("import torch", "import json").replace(/\btorch\b/g, "json");
    const results = runChecklist(cpu);
    expect(results.find((r) => r.item.startsWith("GPU detection"))!.status).toBe("not-applicable");
  });

  it("prints markdown or JSON from the command line", () => {
    const md = runCli(["checklist", "testfixtures/NVG003/del-inside-if.input.py"]);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain("## GPU Resource Management");
    expect(md.stdout).toMatch(/- \[ \] Proper cleanup .*\n  - NVG003 line \d+/);
    const json = runCli(["checklist", "--format", "json", "testfixtures/NVG003/empty-cache-already-there.input.py"]);
    const data = JSON.parse(json.stdout);
    expect(data.items).toHaveLength(50);
    expect(data.items.find((i: { item: string }) => i.item.startsWith("Proper cleanup")).status).toBe("passed");
    expect(readFileSync("testfixtures/NVG003/del-inside-if.input.py", "utf8")).toContain("del features");
  });
});
