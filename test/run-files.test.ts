// The ordering under the worker pool: items finishing in any order are handed on in order, and
// a producer that runs too far ahead of the first unfinished item waits. No file starts while
// the report's output is backed up.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InOrder, runFiles } from "../src/cli/run-files.js";
import { tempDir } from "./helpers/cli.js";
import { DEL_WITHOUT_EMPTY_CACHE } from "./helpers/notebooks.js";

describe("InOrder", () => {
  it("hands items on in index order, holding those that come early", () => {
    const seen: string[] = [];
    const inOrder = new InOrder<string>((item) => seen.push(item), 10);
    inOrder.put(2, "c");
    inOrder.put(1, "b");
    expect(seen).toEqual([]);
    inOrder.put(0, "a");
    expect(seen).toEqual(["a", "b", "c"]);
    inOrder.put(3, "d");
    expect(seen).toEqual(["a", "b", "c", "d"]);
  });

  it("makes a producer wait while it is too far ahead of the first unfinished item", async () => {
    const inOrder = new InOrder<number>(() => {}, 2);
    expect(inOrder.room(1)).toBeUndefined();
    let resumed = false;
    const wait = inOrder.room(2)!.then(() => (resumed = true));
    expect(wait).toBeInstanceOf(Promise);
    inOrder.put(1, 1); // item 0 still missing: no room yet
    await Promise.resolve();
    expect(resumed).toBe(false);
    inOrder.put(0, 0); // 0 and 1 handed on: index 2 is within 2 of the next (2)
    await wait;
    expect(resumed).toBe(true);
  });
});

describe("runFiles", () => {
  it("starts no file while the output pushes back", async () => {
    const dir = tempDir();
    const files = [0, 1, 2].map((i) => join(dir, `nb_${i}.py`));
    for (const file of files) writeFileSync(file, DEL_WITHOUT_EMPTY_CACHE);
    const reported: string[] = [];
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const run = runFiles(files, () => ({ unsafeFixes: false, dryRun: false, check: true }), {
      jobs: 1,
      report: { format: "text", dryRun: false, unsafeFixes: false, color: false },
      onReport: (report) => reported.push(report.stdout.split(":")[0]!),
      // The output backs up after the first file, until `release`.
      backpressure: () => (asked++ === 1 ? blocked : undefined),
    });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(reported).toEqual([files[0]]);
    release();
    await run;
    expect(reported).toEqual(files);
  });
});
