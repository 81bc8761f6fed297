import { defineRule } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import type { Matcher } from "../notebook/python.js";
import { importsOf } from "./lib/imports.js";
import { gpuFacts, primaryUse } from "./lib/gpu-notebook.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds GPU notebooks (CUDA use as in NVG001: \`torch.cuda.*\`, \`.cuda()\`, \`"cuda"\` devices,
RAPIDS/CuPy imports) that never time anything: no \`time.perf_counter()\` / \`time.time()\` /
\`time.monotonic()\`, no \`timeit\`, no \`torch.utils.benchmark.Timer\`, no CUDA events
(\`torch.cuda.Event(enable_timing=True)\`, \`.elapsed_time(\`), no \`triton.testing.do_bench\`.
Import aliases are understood (\`from time import perf_counter as clock\`); mentions in strings
or comments are not timing.

## Why is this bad?
The point of a GPU notebook is usually speed, and without a measurement the reader cannot tell
whether the GPU helps, by how much, or whether a change made things slower. The guide (section
9.2 "Performance Benchmarks") asks for a reproducible benchmark that compares the GPU with the
CPU and documents the expected speed-up.

## Example
\`\`\`python
@app.cell
def _(device, torch):
    product = torch.ones(4096, 4096, device=device) @ torch.ones(4096, 4096, device=device)
    return (product,)
\`\`\`

Use instead:
\`\`\`python
@app.function
def benchmark_matmul(size: int, device: torch.device, repeats: int = 10) -> float:
    """Average seconds per (size × size) matrix multiplication on \`device\`."""
    lhs = torch.ones(size, size, device=device)
    torch.matmul(lhs, lhs)  # warm-up
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(repeats):
        torch.matmul(lhs, lhs)
    torch.cuda.synchronize()  # CUDA kernels are asynchronous: wait before reading the clock
    return (time.perf_counter() - start) / repeats


@app.cell
def _(device):
    _cpu = benchmark_matmul(2048, torch.device("cpu"), repeats=3)
    _gpu = benchmark_matmul(2048, device, repeats=20)
    mo.md(f"🚀 The GPU is **{_cpu / _gpu:.1f}× faster** than the CPU").callout(kind="success")
    return
\`\`\`

## Fix
None: what is worth measuring depends on the notebook. Time the GPU work with
\`torch.cuda.synchronize()\` before each clock read, warm up first, and compare with the CPU.

## Fix safety
No fix: this rule only reports.
`;

/** Names of clocks and timers; calls of these (or of aliases imported under other names) are candidates. */
const TIMING_NAMES = [
  "perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time", "process_time_ns", "time", "time_ns",
  "timeit", "repeat", "default_timer", "Timer", "Event", "elapsed_time", "do_bench", "blocked_autorange", "adaptive_autorange",
];

function timingCall(aliases: readonly string[]): Matcher {
  const names = [...TIMING_NAMES, ...aliases].map(escapeRegex);
  return { rule: { kind: "call", has: { field: "function", regex: `(^|\\.)(${names.join("|")})$` } } };
}

const ALWAYS_TIMING = new Set(["perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time", "process_time_ns", "elapsed_time", "do_bench", "blocked_autorange", "adaptive_autorange", "default_timer"]);

export const noBenchmark = defineRule({
  code: "NVT002",
  name: "no-benchmark",
  section: "9.2",
  severity: "info",
  fix: "none",
  summary: "GPU work that is never timed or compared with the CPU",
  docs,
  check(context) {
    const { notebook } = context;
    const facts = gpuFacts(notebook);
    if (!facts || facts.uses.length === 0) return;
    if (hasTiming(notebook)) return;
    const first = primaryUse(notebook, facts);
    const sync = facts.importsTorch ? "torch.cuda.synchronize()" : "cupy.cuda.Device().synchronize()";
    context.report({
      node: first.node,
      message:
        `${first.label} runs on the GPU, but nothing is timed: add a benchmark cell that times the GPU work ` +
        `(\`${sync}\` before each clock read, after a warm-up) and compares it with the CPU`,
    });
  },
});

function hasTiming(notebook: Notebook): boolean {
  if (!/perf_counter|monotonic|process_time|time|Timer|Event|elapsed_time|do_bench|autorange/.test(notebook.source)) return false;
  const imports = importsOf(notebook);
  const modulesNamed = (module: string) => new Set(imports.filter((i) => i.attribute === undefined && i.module === module).map((i) => i.local));
  const importedFrom = (module: RegExp, names: readonly string[]) =>
    new Set(imports.filter((i) => i.attribute !== undefined && module.test(i.module) && names.includes(i.attribute)).map((i) => i.local));
  const time = modulesNamed("time");
  const timeit = modulesNamed("timeit");
  const bareClock = importedFrom(/^time$/, ["time", "time_ns", "perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time"]);
  const bareTimeit = importedFrom(/^timeit$/, ["timeit", "repeat", "default_timer", "Timer"]);
  const bareTimer = importedFrom(/^torch\.utils\.benchmark$|^timeit$/, ["Timer"]);
  const calls = notebook.root.root().findAll(timingCall([...bareClock, ...bareTimeit, ...bareTimer]));
  for (const call of calls) {
    const fn = call.field("function")?.text().replace(/\s+/g, "") ?? "";
    const parts = fn.split(".");
    const member = parts.at(-1)!;
    const owner = parts.slice(0, -1).join(".");
    if (parts.length === 1) {
      if (bareClock.has(fn) || bareTimeit.has(fn) || bareTimer.has(fn)) return true;
      continue;
    }
    if (ALWAYS_TIMING.has(member)) return true;
    if ((member === "time" || member === "time_ns") && time.has(owner)) return true;
    if ((member === "timeit" || member === "repeat") && timeit.has(owner)) return true;
    if (member === "Timer" && (timeit.has(owner) || /(^|\.)benchmark$/.test(owner))) return true;
    if (member === "Event" && /(^|\.)cuda$/.test(owner)) return true;
  }
  return false;
}
