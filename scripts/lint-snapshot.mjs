#!/usr/bin/env node
// Behaviour snapshot for refactoring rules (run `npm run build` first):
//   node scripts/lint-snapshot.mjs --rules NVS001,NVR003 [--count 60] --out DIR
// Writes DIR/<CODE>.jsonl: for synthetic notebooks, every testfixtures input and every example,
// the rule's diagnostics and a hash of its --unsafe-fixes output. Take one before a speed change
// and one after, then `diff -r` the two folders: any difference is a change in behaviour.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fixSource, lintSource } from "../dist/index.js";
import { ALL_RULES } from "../dist/transforms/index.js";
import { synthNotebook } from "./synth-notebook.mjs";

const { values } = parseArgs({ options: { rules: { type: "string" }, count: { type: "string", default: "60" }, out: { type: "string" } } });
if (!values.out) throw new Error("--out DIR is required");
const codes = values.rules ? values.rules.split(",") : ALL_RULES.map((r) => r.code);

const inputs = [];
for (let i = 0; i < Number(values.count); i++) inputs.push([`synth-${i}`, synthNotebook(i)]);
for (const dir of ["testfixtures", "examples"]) {
  for (const entry of readdirSync(dir, { recursive: true })) {
    const name = String(entry);
    if (name.endsWith(".py")) inputs.push([join(dir, name), readFileSync(join(dir, name), "utf8")]);
  }
}
inputs.sort((a, b) => (a[0] < b[0] ? -1 : 1));

mkdirSync(values.out, { recursive: true });
for (const code of codes) {
  const lines = [];
  for (const [name, source] of inputs) {
    let record;
    try {
      const lint = lintSource(source, { select: [code] });
      const fixed = fixSource(source, { select: [code], unsafeFixes: true });
      record = {
        name,
        diagnostics: lint.diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn, d.message, d.fixSafety]),
        errors: lint.internalErrors.map((e) => e.message),
        fixed: createHash("sha1").update(fixed.output).digest("hex"),
        applied: fixed.applied.length,
      };
    } catch (error) {
      record = { name, error: String(error.message) };
    }
    lines.push(JSON.stringify(record));
  }
  writeFileSync(join(values.out, `${code}.jsonl`), lines.join("\n") + "\n");
}
