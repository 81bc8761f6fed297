// The ordering under the worker pool: items finishing in any order are handed on in order, and
// a producer that runs too far ahead of the first unfinished item waits.
import { describe, expect, it } from "vitest";
import { InOrder } from "../src/cli/run-files.js";

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
