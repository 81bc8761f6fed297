import { insertCell } from "../engine/edits.js";
import { defineRule, type Edit } from "../engine/types.js";
import type { Matcher } from "../notebook/python.js";
import { definingCells } from "./lib/cell-graph.js";
import { detectionDevice, globalAlias, gpuFacts, marimoAlias, placeAfterImports, primaryUse, type Placement } from "./lib/gpu-notebook.js";

const docs = `
## What it does
Finds GPU notebooks (CUDA use as in NVG001: \`torch.cuda.*\`, \`.cuda()\`, \`"cuda"\` devices,
RAPIDS/CuPy imports) that never read the GPU's memory counters: no
\`torch.cuda.memory_allocated\`, \`memory_reserved\`, \`max_memory_allocated\`, \`mem_get_info\`,
\`memory_stats\` / \`memory_summary\`, NVML's \`nvmlDeviceGetMemoryInfo\`, nor CuPy's
\`cupy.cuda.runtime.memGetInfo\` / memory-pool \`used_bytes\`. Reads inside an
\`except torch.cuda.OutOfMemoryError\` handler do not count (by then it is too late), nor do
those of a self-test (in an \`assert\`, or in a \`try\` that catches \`AssertionError\`, as
NVT001 writes): checking that memory is released once is not watching it.

## Why is this bad?
GPU memory is the resource a notebook runs out of first. Without a live view of it, the reader
cannot tell how close a model or a batch size is to the limit, whether \`del\` +
\`torch.cuda.empty_cache()\` gave memory back, or why the next cell fails with an out-of-memory
error. The guide (section 3.2 "Memory Monitoring") asks for a real-time display of allocated and
reserved memory driven by \`mo.ui.refresh\`.

## Example
\`\`\`python
@app.cell
def _(torch):
    model = torch.nn.Linear(4096, 4096).to("cuda")
    return (model,)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(mo):
    memory_refresh = mo.ui.refresh(options=["1s", "2s", "5s"], default_interval="2s")
    return (memory_refresh,)


@app.cell
def _(device, memory_refresh, mo, torch):
    """Real-time GPU memory monitor: re-runs on every tick of \`memory_refresh\`."""
    _props = torch.cuda.get_device_properties(device)
    _allocated_gb = torch.cuda.memory_allocated(device) / 1e9
    _reserved_gb = torch.cuda.memory_reserved(device) / 1e9
    _total_gb = _props.total_memory / 1e9
    mo.vstack([
        mo.hstack([mo.md("### 📊 GPU memory"), memory_refresh]),
        mo.hstack([
            mo.stat(f"{_allocated_gb:.2f} GB", label="Allocated", caption="live tensors"),
            mo.stat(f"{_reserved_gb:.2f} GB", label="Reserved", caption="PyTorch's cache"),
            mo.stat(f"{_total_gb:.1f} GB", label="Total", caption=_props.name),
            mo.stat(f"{100 * _allocated_gb / _total_gb:.1f} %", label="Used by tensors"),
        ]),
    ])
    return
\`\`\`

## Fix
Inserts two cells: one creates \`memory_refresh = mo.ui.refresh(options=["1s", "2s", "5s"],
default_interval="2s")\` (a fresh name when taken), the next reads it, so marimo re-runs the
monitor on every tick (a cell may not read the value of an element it creates), and shows
allocated, reserved and total memory with \`mo.stat\`. When the notebook has a GPU detection
cell (a cell that checks \`is_available()\`, calls \`mo.stop\` and defines
\`device = torch.device("cuda...")\`, as NVG001 inserts), the cells go right after it and the
monitor reads its \`device\`, so it is skipped without a GPU. Otherwise they go after the
imports, and the monitor starts with its own \`mo.stop\` when \`torch.cuda.is_available()\` is
false (that guard only protects the monitor: NVG001 still asks for a detection cell). The
notebook's names for torch and marimo are used; \`import marimo as mo\` is added before
\`import torch\` when no cell imports marimo.

Reported without a fix: notebooks that use only RAPIDS/CuPy (no torch module to read the
counters from), and notebooks where \`mo\` names something other than marimo.

## Fix safety
Unsafe: the fix adds two cells and an auto-refreshing display to the notebook.
`;

/** The calls that read GPU memory counters (torch, NVML). */
const MEMORY_READ: Matcher = {
  rule: {
    kind: "identifier",
    regex: "^(memory_allocated|memory_reserved|max_memory_allocated|max_memory_reserved|mem_get_info|memory_stats|memory_summary|nvmlDeviceGetMemoryInfo|memGetInfo|used_bytes)$",
    // Not a monitor: an out-of-memory handler (too late), or a self-test's bookkeeping check.
    not: {
      inside: {
        stopBy: "end",
        any: [
          { kind: "except_clause", regex: "OutOfMemoryError" },
          { kind: "assert_statement" },
          { kind: "try_statement", has: { kind: "except_clause", regex: "^except\\s*\\(?\\s*AssertionError" } },
        ],
      },
    },
  },
};

export const noMemoryMonitor = defineRule({
  code: "NVG002",
  name: "no-memory-monitor",
  section: "3.2",
  severity: "warning",
  fix: "unsafe",
  summary: "A GPU notebook never shows how much GPU memory is allocated and reserved",
  docs,
  check(context) {
    const { notebook } = context;
    const facts = gpuFacts(notebook);
    if (!facts || facts.uses.length === 0) return;
    if (/memory_allocated|memory_reserved|mem_get_info|memory_stats|memory_summary|nvmlDeviceGetMemoryInfo|memGetInfo|used_bytes/.test(notebook.source)) {
      if (notebook.root.root().findAll(MEMORY_READ).length > 0) return;
    }
    const first = primaryUse(notebook, facts);
    const message =
      `${first.label} uses the GPU, but the notebook never shows its memory: add a memory monitor cell driven by ` +
      `\`mo.ui.refresh\` that displays \`torch.cuda.memory_allocated()\`, \`memory_reserved()\` and the GPU's total memory`;

    const flow = context.dataflow();
    const torch = globalAlias(notebook, flow, "torch");
    if (!torch) {
      const why = facts.importsTorch
        ? "no cell imports torch as a module"
        : "the notebook does not import torch: read `cupy.cuda.runtime.memGetInfo()` and the memory pool's `used_bytes()` instead";
      context.report({ node: first.node, message: `${message} (${why}; not fixed automatically)` });
      return;
    }
    const marimo = marimoAlias(notebook, flow);
    if (typeof marimo === "string") {
      context.report({ node: first.node, message: `${message} (${marimo}: not fixed automatically)` });
      return;
    }
    const mo = marimo.alias;
    const refresh = context.freshName("memory_refresh");
    const detection = detectionDevice(notebook, flow, facts);
    let placement: Placement;
    if (detection) placement = { anchor: detection.cell, where: "after" };
    else {
      const importCells = definingCells(flow, [torch, mo]);
      if (marimo.cell?.kind === "cell") importCells.push(marimo.cell.index);
      placement = placeAfterImports(notebook, importCells);
    }
    const edits: Edit[] = [
      insertCell(placement.anchor, placement.where, `${refresh} = ${mo}.ui.refresh(options=["1s", "2s", "5s"], default_interval="2s")`),
      insertCell(placement.anchor, placement.where, monitorCode(torch, mo, refresh, detection?.name).join("\n")),
    ];
    if (marimo.edit) edits.push(marimo.edit);
    context.report({
      node: first.node,
      message,
      fix: { description: `Insert a GPU memory monitor refreshed by \`${refresh}\``, edits },
    });
  },
});

function monitorCode(torch: string, mo: string, refresh: string, device: string | undefined): string[] {
  const guard = device
    ? []
    : [
        `${mo}.stop(`,
        `    not ${torch}.cuda.is_available(),`,
        `    ${mo}.md("⚠️ **No NVIDIA GPU detected**: the memory monitor needs CUDA.").callout(kind="warn"),`,
        `)`,
      ];
  const at = device ?? "0";
  return [
    `"""Real-time GPU memory monitor: re-runs on every tick of \`${refresh}\`."""`,
    ...guard,
    `_props = ${torch}.cuda.get_device_properties(${at})`,
    `_allocated_gb = ${torch}.cuda.memory_allocated(${at}) / 1e9`,
    `_reserved_gb = ${torch}.cuda.memory_reserved(${at}) / 1e9`,
    `_total_gb = _props.total_memory / 1e9`,
    `${mo}.vstack([`,
    `    ${mo}.hstack([${mo}.md("### 📊 GPU memory"), ${refresh}]),`,
    `    ${mo}.hstack([`,
    `        ${mo}.stat(f"{_allocated_gb:.2f} GB", label="Allocated", caption="live tensors"),`,
    `        ${mo}.stat(f"{_reserved_gb:.2f} GB", label="Reserved", caption="PyTorch's cache"),`,
    `        ${mo}.stat(f"{_total_gb:.1f} GB", label="Total", caption=_props.name),`,
    `        ${mo}.stat(f"{100 * _allocated_gb / _total_gb:.1f} %", label="Used by tensors"),`,
    `    ]),`,
    `])`,
  ];
}
