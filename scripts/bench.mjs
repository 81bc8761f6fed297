#!/usr/bin/env node
// Benchmark: `npm run bench [-- --files N --out DIR]`.
// Generates synthetic legacy GPU notebooks (50 to 3,000 lines, the syntax forms of
// marimo-format.md), then reports in one run: napi parse-only throughput, lint and fix
// throughput with 1 job and with all cores, a single 2,000-line notebook, and peak memory.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fixSource, lintSource } from "../dist/index.js";
import { parsePython } from "../dist/notebook/python.js";
import { runFiles } from "../dist/cli/run-files.js";
import { synthNotebook } from "./synth-notebook.mjs";

const { values } = parseArgs({ options: { files: { type: "string", default: "2000" }, out: { type: "string", default: "bench-out" }, keep: { type: "boolean", default: false } } });
const count = Number(values.files);
const dir = values.out;
const cores = availableParallelism();

// Peak RSS per phase. The worker threads are in this process, so RSS counts them too.
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const phasePeaks = [];
const collect = globalThis.gc ?? (() => {});
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Frees what the previous phase left (trees are freed by finalizers, after a turn). */
async function settle() {
  collect();
  await nextTurn();
  collect();
  await nextTurn();
}

function mb(bytes) {
  return (bytes / 1024 / 1024).toFixed(0);
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const files = [];
let totalLines = 0;
let totalBytes = 0;
for (let i = 0; i < count; i++) {
  const text = synthNotebook(i);
  const path = join(dir, `nb_${String(i).padStart(5, "0")}.py`);
  writeFileSync(path, text);
  files.push(path);
  totalLines += text.split("\n").length;
  totalBytes += Buffer.byteLength(text);
}
console.log(`generated ${count} notebooks, ${totalLines.toLocaleString()} lines, ${mb(totalBytes)} MB in ${dir}/ (${cores} cores)`);

function printRate(label, seconds, peak) {
  console.log(`${label.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s  ${(count / seconds).toFixed(0).padStart(6)} files/s  ${(totalLines / seconds / 1000).toFixed(0).padStart(5)}k lines/s  peak ${mb(peak).padStart(4)} MB`);
}

async function timeIt(label, fn) {
  await settle();
  peakRss = process.memoryUsage().rss;
  const start = performance.now();
  const value = await fn();
  const seconds = (performance.now() - start) / 1000;
  phasePeaks.push(peakRss);
  printRate(label, seconds, peakRss);
  return { seconds, value };
}

// Parse-only throughput: only reading and parsing are timed. Between batches the trees are
// released (a collection and a turn of the event loop, untimed), so that this loop's own
// native memory does not count against the tool's.
await settle();
let parseSeconds = 0;
for (let at = 0; at < files.length; at += 25) {
  const start = performance.now();
  for (const f of files.slice(at, at + 25)) parsePython(readFileSync(f, "utf8")).root().kind();
  parseSeconds += (performance.now() - start) / 1000;
  await settle();
}
const parseOnly = { seconds: parseSeconds };
printRate("napi parse only (read + parse, 1 thread)", parseSeconds, peakRss);
const check = { unsafeFixes: false, dryRun: true, check: true };
const fix = { unsafeFixes: true, dryRun: true, check: false };
const lint1 = await timeIt("lint, 1 job", () => runFiles(files, () => check, 1));
const lintN = await timeIt(`lint, ${cores} jobs`, () => runFiles(files, () => check, cores));
await timeIt("fix --unsafe-fixes --dry-run, 1 job", () => runFiles(files, () => fix, 1));
await timeIt(`fix --unsafe-fixes --dry-run, ${cores} jobs`, () => runFiles(files, () => fix, cores));

const big = synthNotebook(7, 2000);
const bigLines = big.split("\n").length;
const bigLint = performance.now();
lintSource(big);
const bigLintMs = performance.now() - bigLint;
const bigFix = performance.now();
const fixed = fixSource(big, { unsafeFixes: true });
const bigFixMs = performance.now() - bigFix;
console.log(`one ${bigLines}-line notebook: lint ${bigLintMs.toFixed(0)} ms, fix ${bigFixMs.toFixed(0)} ms (${fixed.applied.length} fixes)`);

clearInterval(sampler);
const ratio = (parseOnly.seconds / lintN.seconds) * 100;
console.log(`lint with ${cores} jobs reaches ${ratio.toFixed(0)}% of parse-only throughput (goal >= 80%); lint 1 job: ${((parseOnly.seconds / lint1.seconds) * 100).toFixed(0)}%`);
console.log(`peak memory of the lint and fix runs (RSS, main thread and workers): ${mb(Math.max(...phasePeaks))} MB (goal < 300 MB)`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
