// Rule selection (engine/select.ts): ruff's layers and specificity, and the API's one layer.
import { describe, expect, it } from "vitest";
import { resolveSelection } from "../src/engine/select.js";
import { ALL_RULES, lintSource, selectRules } from "../src/index.js";
import { DEL_WITHOUT_EMPTY_CACHE } from "./helpers/notebooks.js";

const ALL_CODES = ALL_RULES.map((r) => r.code);
const family = (prefix: string) => ALL_CODES.filter((code) => code.startsWith(prefix));
const codesOf = (...layers: Parameters<typeof resolveSelection>[1]) => resolveSelection(ALL_RULES, layers).map((r) => r.code);

describe("one layer (the API's options, one configuration)", () => {
  it("every rule without select, none with select: []", () => {
    expect(selectRules(ALL_RULES).map((r) => r.code)).toEqual(ALL_CODES);
    expect(selectRules(ALL_RULES, { select: [] })).toEqual([]);
    expect(selectRules(ALL_RULES, { select: [], extendSelect: ["NVG003"] }).map((r) => r.code)).toEqual(["NVG003"]);
    expect(selectRules(ALL_RULES, { ignore: ["NVG"] }).map((r) => r.code)).toEqual(ALL_CODES.filter((c) => !c.startsWith("NVG")));
  });

  it("the more specific selector wins; ignore at equal specificity", () => {
    expect(codesOf({ select: ["NVG003"], ignore: ["NVG"] })).toEqual(["NVG003"]);
    expect(codesOf({ select: ["NVG"], ignore: ["NVG003"] })).toEqual(family("NVG").filter((c) => c !== "NVG003"));
    expect(codesOf({ select: ["NVG003"], ignore: ["NVG003"] })).toEqual([]);
    expect(codesOf({ select: ["ALL"], ignore: ["NV"] })).toEqual([]);
    expect(codesOf({ select: ["NV"], ignore: ["ALL"] })).toEqual(ALL_CODES);
    expect(codesOf({ ignore: ["ALL"], extendSelect: ["NVO002"] })).toEqual(["NVO002"]);
    // Prefixes of every length rank by length, whatever their case.
    expect(codesOf({ select: ["nvg00"], ignore: ["NVG"] })).toEqual(family("NVG00"));
  });

  it("the API's lintSource reads its options as one layer", () => {
    const found = (options: Parameters<typeof lintSource>[1]) => [...new Set(lintSource(DEL_WITHOUT_EMPTY_CACHE, options).diagnostics.map((d) => d.code))].sort();
    expect(found({ select: [] })).toEqual([]);
    expect(found({ select: ["NVG003"], ignore: ["NVG"] })).toEqual(["NVG003"]);
    expect(found({ select: ["NVG"], ignore: ["NVG003"] })).toEqual(["NVG001", "NVG002"]);
  });
});

describe("layers (a configuration, then the command line)", () => {
  it("a later select replaces the earlier layer's select, extend-select and ignore", () => {
    expect(codesOf({ ignore: ["NVO003"] }, { select: ["NVO003"] })).toEqual(["NVO003"]);
    expect(codesOf({ extendSelect: ["NVO002"] }, { select: ["NVG003"] })).toEqual(["NVG003"]);
  });

  it("a later layer without select enables and disables on top", () => {
    expect(codesOf({ select: ["NVG001"] }, { extendSelect: ["NVG003"] })).toEqual(["NVG001", "NVG003"]);
    expect(codesOf({ select: ["NVG"] }, { ignore: ["NVG003"] })).toEqual(family("NVG").filter((c) => c !== "NVG003"));
    // An earlier layer's more specific ignore does not outrank a later layer's less specific select.
    expect(codesOf({ ignore: ["NVG003"] }, { extendSelect: ["NVG"] })).toEqual(ALL_CODES);
    expect(codesOf({}, {})).toEqual(ALL_CODES);
  });

  it("select: [] with only an ignore hands the ignore on to the next layer, as ruff does", () => {
    expect(codesOf({ select: [], ignore: ["NVG003"] }, { select: ["NVG"] })).toEqual(family("NVG").filter((c) => c !== "NVG003"));
    expect(codesOf({ select: [], ignore: ["NVG003"] }, { extendSelect: ["NVG"] })).toEqual(family("NVG").filter((c) => c !== "NVG003"));
    // Not with an extend-select beside it, and only to the next layer.
    expect(codesOf({ select: [], extendSelect: ["NVO"], ignore: ["NVG003"] }, { extendSelect: ["NVG"] })).toEqual([...family("NVG"), ...family("NVO")]);
    expect(codesOf({ select: [], ignore: ["NVG003"] }, {}, { extendSelect: ["NVG"] })).toEqual(family("NVG"));
  });
});
