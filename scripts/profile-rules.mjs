#!/usr/bin/env node
// Per-rule lint time over synthetic notebooks (run `npm run build` first):
//   node scripts/profile-rules.mjs [count=100]
// Prints parse time and each rule's time, so a rule that walks the tree from JS stands out.
import { parseNotebook } from "../dist/notebook/model.js";
import { parsePython } from "../dist/notebook/python.js";
import { lintNotebook } from "../dist/engine/lint.js";
import { ALL_RULES } from "../dist/transforms/index.js";
import { synthNotebook } from "./synth-notebook.mjs";

const count = Number(process.argv[2] ?? 100);
const sources = Array.from({ length: count }, (_, i) => synthNotebook(i));
let t = performance.now();
for (const s of sources) parsePython(s).root().kind();
const parseMs = performance.now() - t;
t = performance.now();
const notebooks = sources.map((s) => parseNotebook(s).notebook);
console.log(`parse only ${parseMs.toFixed(0)} ms; notebook model ${(performance.now() - t).toFixed(0)} ms (${count} notebooks)`);
const rows = [];
for (const rule of ALL_RULES) {
  t = performance.now();
  let n = 0;
  for (const nb of notebooks) n += lintNotebook(nb, [rule]).diagnostics.length;
  rows.push([rule.code, performance.now() - t, n]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [code, ms, n] of rows) console.log(`${code}  ${ms.toFixed(0).padStart(6)} ms  ${String(n).padStart(5)} diagnostics`);
console.log(`all rules ${rows.reduce((s, r) => s + r[1], 0).toFixed(0)} ms`);
