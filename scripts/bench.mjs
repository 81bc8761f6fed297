#!/usr/bin/env node
// Benchmark: `npm run bench [-- --files N --out DIR]`.
// Generates synthetic legacy GPU notebooks (50 to 3,000 lines, the syntax forms of
// marimo-format.md), then reports in one run: napi parse-only throughput, lint and fix
// throughput of the CLI with 1 job and with all cores (each run in a process of its own, whose
// peak memory is reported), the same lint with no rule selected (what reading, parsing, the
// syntax check and the report cost before any rule), and a single 2,000-line notebook through
// the API.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { fixSource, lintSource } from "../dist/index.js";
import { parsePython } from "../dist/notebook/python.js";
import { synthNotebook } from "./synth-notebook.mjs";

const { values } = parseArgs({ options: { files: { type: "string", default: "2000" }, out: { type: "string", default: "bench-out" }, keep: { type: "boolean", default: false } } });
const count = Number(values.files);
const dir = values.out;
const cores = availableParallelism();

// Peak RSS of this process during the parse-only loop; each CLI run reports its own.
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

/** Megabytes (10^6 bytes), the unit of the goal: stricter than mebibytes. */
function mb(bytes) {
  return (bytes / 1e6).toFixed(0);
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
// The tool itself, as a user runs it: the CLI in a process of its own (its peak memory is its
// own, not this script's), output discarded. Startup (about 0.2 s) is part of the time.
const cli = fileURLToPath(new URL("../bin/nvmarimo-fix.js", import.meta.url));
const maxRssModule = pathToFileURL(fileURLToPath(new URL("./max-rss.mjs", import.meta.url))).href;
async function runCli(label, args) {
  const rssFile = join(dir, ".max-rss");
  const start = performance.now();
  // --no-cache: every run computes every file (the results cache would answer the later runs).
  const child = spawn(process.execPath, ["--import", maxRssModule, cli, dir, "--no-cache", ...args], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile } });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on("exit", resolve));
  const seconds = (performance.now() - start) / 1000;
  // 1 is "violations found"; the summary on stderr is not shown unless something went wrong.
  if (code !== 0 && code !== 1) throw new Error(`${label}: the CLI exited with ${code}\n${stderr}`);
  const peak = Number(readFileSync(rssFile, "utf8"));
  rmSync(rssFile);
  phasePeaks.push(peak);
  printRate(label, seconds, peak);
  return { seconds };
}
const lint1 = await runCli("lint (--check), 1 job", ["--check", "--jobs", "1"]);
const lintN = await runCli(`lint (--check), ${cores} jobs`, ["--check", "--jobs", String(cores)]);
// The floor: the same run with every rule switched off still reads, parses, checks the syntax
// (tree-sitter accepts broken code silently, so this is not optional), finds the cells and
// reports. What the rules may cost on top of it is the difference.
const floorN = await runCli(`lint, no rule selected, ${cores} jobs`, ["--check", "--ignore", "NV", "--jobs", String(cores)]);
await runCli("fix --unsafe-fixes --dry-run, 1 job", ["--dry-run", "--unsafe-fixes", "--jobs", "1"]);
await runCli(`fix --unsafe-fixes --dry-run, ${cores} jobs`, ["--dry-run", "--unsafe-fixes", "--jobs", String(cores)]);

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
console.log(`with no rule selected, lint with ${cores} jobs reaches ${((parseOnly.seconds / floorN.seconds) * 100).toFixed(0)}% of parse-only throughput: the ceiling for any set of rules`);
console.log(`peak memory of the CLI's lint and fix runs (RSS, main thread and workers): ${mb(Math.max(...phasePeaks))} MB (goal < 300 MB)`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
