import { insertCell, replaceRange } from "../engine/edits.js";
import { defineRule, type Edit, type RuleContext, type TextEdit } from "../engine/types.js";
import type { Dataflow } from "../notebook/dataflow.js";
import { cellAt, type Cell, type Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { ancestorsOf, definingCells } from "./lib/cell-graph.js";
import {
  globalAlias,
  gpuFacts,
  isEffectiveCheck,
  isFreeName,
  marimoAlias,
  placeAfterImports,
  primaryUse,
  ROUTABLE_LITERAL,
  type CudaUse,
  type GpuFacts,
} from "./lib/gpu-notebook.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds notebooks that use CUDA (\`torch.cuda.*\`, \`.cuda()\`, \`"cuda"\` devices such as
\`device="cuda"\`, \`.to("cuda")\`, \`torch.device("cuda")\`, or RAPIDS/CuPy imports: \`cudf\`,
\`cupy\`, \`cuml\`, \`cugraph\`) while nothing checks \`torch.cuda.is_available()\` first.

A check counts when GPU cells can depend on it: it defines a name
(\`device = "cuda" if torch.cuda.is_available() else "cpu"\`, a detection cell that defines
\`device\`), or it sits in the setup cell or in a function. A cell that checks but defines
nothing (a memory monitor or self-test that only guards itself) does not count: no other cell
waits for it. Seeding (\`torch.cuda.manual_seed_all\`), \`torch.cuda.empty_cache()\`,
\`except torch.cuda.OutOfMemoryError\` handlers and \`"cuda"\` as one of several options
(\`mo.ui.dropdown(["cpu", "cuda"])\`) do not make a notebook a GPU notebook.

## Why is this bad?
Without a GPU (a laptop, a CPU-only CI runner, a colleague's machine, a driver problem) the
notebook dies in the middle of some cell with \`AssertionError: Torch not compiled with CUDA
enabled\` or \`RuntimeError: No CUDA GPUs are available\`, and the reader has to guess why. The
guide (section 3.1 "GPU Detection & Validation") asks for a detection cell that stops with a
clear message and troubleshooting steps when there is no GPU, and shows the GPU's name, memory
and compute capability when there is one. In marimo, cells that read the \`device\` it defines
are skipped, not crashed, when the check fails.

## Example
\`\`\`python
@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    model = torch.nn.Linear(512, 10).cuda()
    batch = torch.randn(64, 512, device="cuda")
    return batch, model
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(mo, torch):
    """GPU detection and validation: every GPU cell depends on \`device\`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(
            mo.md(\"\"\"
            ⚠️ **No NVIDIA GPU detected**

            This notebook requires an NVIDIA GPU with CUDA support.

            **Troubleshooting**:
            - Verify the GPU is visible: \`nvidia-smi\`
            - Check the NVIDIA driver version (535+ for CUDA 12)
            - Install a CUDA build of PyTorch: https://pytorch.org/get-started/locally/
            \"\"\"),
            kind="danger",
        ),
    )

    device = torch.device("cuda:0")
    _props = torch.cuda.get_device_properties(device)
    mo.md(f\"\"\"
    ✅ **GPU detected**: {_props.name}
    💾 **Memory**: {_props.total_memory / 1e9:.1f} GB
    🔢 **Compute capability**: {_props.major}.{_props.minor}
    \"\"\").callout(kind="success")
    return (device,)


@app.cell
def _(device, torch):
    model = torch.nn.Linear(512, 10).to(device)
    batch = torch.randn(64, 512, device=device)
    return batch, model
\`\`\`

## Fix
Inserts the detection cell above right after the cells that import \`torch\` and \`marimo\` (when
both come from the setup cell, before the first code cell). It defines \`device\`, or a fresh
name such as \`cuda_device\` when \`device\` is taken. Then, in every regular cell, the notebook's
\`"cuda"\` / \`"cuda:0"\` devices go through it, so that those cells depend on the check:
\`device="cuda"\` and \`map_location="cuda"\` become \`device=device\`, \`.to("cuda")\` becomes
\`.to(device)\`, \`torch.device("cuda")\` becomes \`device\`, and \`.cuda()\` (also \`.cuda(0)\` and
\`.cuda(non_blocking=True)\`) becomes \`.to(device)\`. The notebook's own names for torch and
marimo are used; \`import marimo as mo\` is added before \`import torch\` when no cell imports
marimo, and \`import torch\` goes into the new cell when torch is imported only in other forms.

Left as they are: other GPUs (\`"cuda:1"\`, \`.cuda(rank)\`), \`"cuda"\` strings that are not devices
(\`torch.autocast("cuda")\`, comparisons, plain \`x = "cuda"\` assignments, which keep their
string type), \`@app.function\` bodies and the setup cell (they cannot read a cell's
\`device\`), cells the detection cell itself depends on (that would be a cycle), and code in a
function that binds its own \`device\`.

When no device can be routed (the GPU is used only in \`@app.function\` bodies, the setup cell or
calls such as \`torch.cuda.synchronize()\`), the cell is still inserted, to show the GPU, and its
docstring says that the GPU code does not wait for it.

Reported without a fix: notebooks that use only RAPIDS/CuPy and never import torch (check with
\`cupy.cuda.is_available()\` in a cell that defines the flag the GPU cells read), and notebooks
where \`mo\` names something other than marimo.

## Fix safety
Unsafe: without a GPU the notebook now stops at the detection cell, and every cell that reads
\`device\` is skipped, where it used to run up to the first CUDA call. The GPU is pinned to
\`cuda:0\`, which is what \`"cuda"\` and \`.cuda()\` mean unless the current device was changed.
`;

export const gpuWithoutDetection = defineRule({
  code: "NVG001",
  name: "gpu-without-detection",
  section: "3.1",
  severity: "warning",
  fix: "unsafe",
  summary: "CUDA is used but nothing checks `torch.cuda.is_available()` first",
  docs,
  check(context) {
    const { notebook } = context;
    const facts = gpuFacts(notebook);
    if (!facts || facts.uses.length === 0) return;
    if (facts.checks.some((check) => isEffectiveCheck(notebook, () => context.dataflow(), check))) return;
    const flow = context.dataflow();
    const first = primaryUse(notebook, facts);
    const ineffective = facts.checks[0];
    const note = ineffective
      ? ` (the \`is_available()\` check on line ${notebook.lineOf(startOf(ineffective))} is in a cell that defines nothing, so no GPU cell waits for it)`
      : "";
    if (!facts.importsTorch) {
      context.report({
        node: first.node,
        message:
          `${first.label} needs an NVIDIA GPU, but nothing checks that one is available${note}: without a GPU the notebook fails ` +
          `with a CUDA error. Add a GPU detection cell that calls \`mo.stop\` with troubleshooting steps when \`cupy.cuda.is_available()\` ` +
          `is false and defines a flag the GPU cells read (not fixed automatically: the notebook does not import torch)`,
      });
      return;
    }
    const message =
      `${first.label} uses the GPU, but nothing checks \`torch.cuda.is_available()\` first${note}: without a GPU the notebook ` +
      `fails with a CUDA error. Add a GPU detection cell that stops with troubleshooting steps when there is no GPU, and use its \`device\``;
    const fix = buildFix(context, flow, facts);
    if (typeof fix === "string") {
      context.report({ node: first.node, message: `${message} (${fix}: not fixed automatically)` });
      return;
    }
    context.report({ node: first.node, message, fix });
  },
});

function buildFix(context: RuleContext, flow: Dataflow, facts: GpuFacts): { description: string; edits: Edit[] } | string {
  const { notebook } = context;
  const edits: Edit[] = [];

  let torch = globalAlias(notebook, flow, "torch");
  const importTorch = !torch;
  if (!torch) {
    if (!isFreeName(flow, "torch")) return "`torch` names something other than the torch module";
    torch = "torch";
  }
  const marimo = marimoAlias(notebook, flow);
  if (typeof marimo === "string") return marimo;
  if (marimo.edit) {
    if (importTorch) return "no cell imports marimo or torch as a module";
    edits.push(marimo.edit);
  }
  const mo = marimo.alias;
  const device = isFreeName(flow, "device") ? "device" : context.freshName("cuda_device");

  // The detection cell reads torch and mo: the cells defining them (and theirs) must not read `device`.
  const importCells = definingCells(flow, [torch, mo]);
  if (marimo.cell?.kind === "cell") importCells.push(marimo.cell.index);
  const upstream = ancestorsOf(flow, importCells);

  let routed = 0;
  for (const use of facts.uses) {
    const route = routeOf(notebook, flow, use, torch, device, upstream);
    if (!route) continue;
    edits.push(route);
    routed++;
  }

  const placement = placeAfterImports(notebook, importCells);
  edits.unshift(insertCell(placement.anchor, placement.where, detectionCode(torch, mo, device, importTorch, routed > 0).join("\n")));
  const via = routed === 0 ? "" : ` and route ${routed} CUDA device${routed === 1 ? "" : "s"} through it`;
  return { description: `Insert a GPU detection cell defining \`${device}\`${via}`, edits };
}

/**
 * `routed`: some cell's device now goes through the new `device`, so the GPU cells depend on the
 * check. When none does (the GPU is used only in `@app.function` bodies, the setup cell or calls
 * such as `torch.cuda.synchronize()`), the cell still shows the GPU but says nothing waits on it.
 */
function detectionCode(torch: string, mo: string, device: string, importTorch: boolean, routed: boolean): string[] {
  return [
    routed
      ? `"""GPU detection and validation: every GPU cell depends on \`${device}\`."""`
      : `"""GPU detection and validation. The GPU code (in functions or the setup cell) does not read \`${device}\`: it runs without this check."""`,
    ...(importTorch ? ["import torch", ""] : []),
    `${mo}.stop(`,
    `    not ${torch}.cuda.is_available(),`,
    `    ${mo}.callout(`,
    `        ${mo}.md("""`,
    `        ⚠️ **No NVIDIA GPU detected**`,
    ``,
    `        This notebook requires an NVIDIA GPU with CUDA support.`,
    ``,
    `        **Troubleshooting**:`,
    `        - Verify the GPU is visible: \`nvidia-smi\``,
    `        - Check the NVIDIA driver version (535+ for CUDA 12)`,
    `        - Install a CUDA build of PyTorch: https://pytorch.org/get-started/locally/`,
    `        """),`,
    `        kind="danger",`,
    `    ),`,
    `)`,
    ``,
    `${device} = ${torch}.device("cuda:0")`,
    `_props = ${torch}.cuda.get_device_properties(${device})`,
    `${mo}.md(f"""`,
    `✅ **GPU detected**: {_props.name}`,
    `💾 **Memory**: {_props.total_memory / 1e9:.1f} GB`,
    `🔢 **Compute capability**: {_props.major}.{_props.minor}`,
    `""").callout(kind="success")`,
  ];
}

// --- routing "cuda" devices through the detection cell's `device` --------------------------------

/** The edit that makes one CUDA use read `device`, when it is safe to make. */
function routeOf(notebook: Notebook, flow: Dataflow, use: CudaUse, torch: string, device: string, upstream: ReadonlySet<number>): TextEdit | undefined {
  const cell = cellAt(notebook, startOf(use.node));
  if (!cell || cell.kind !== "cell" || upstream.has(cell.index)) return undefined;
  let edit: TextEdit | undefined;
  if (use.kind === "literal") edit = routeLiteral(use.node, torch, device);
  else if (use.kind === "method") edit = routeMethod(use.node, device);
  if (!edit) return undefined;
  if (shadowed(use.node, cell, device, flow)) return undefined;
  return edit;
}

/** `device="cuda"`, `map_location="cuda"`, `.to("cuda")`, `torch.device("cuda")`. */
function routeLiteral(literal: PyNode, torch: string, device: string): TextEdit | undefined {
  if (!ROUTABLE_LITERAL.test(literal.text())) return undefined;
  const parent = literal.parent();
  if (!parent) return undefined;
  if (parent.kind() === "keyword_argument") {
    const name = parent.field("name")?.text();
    if (name !== "device" && name !== "map_location") return undefined;
    return replaceRange(startOf(literal), endOf(literal), device);
  }
  if (parent.kind() !== "argument_list") return undefined;
  const call = parent.parent();
  if (call?.kind() !== "call") return undefined;
  const args = parent.namedChildren().filter((a) => a.kind() !== "comment");
  if (args[0]?.id() !== literal.id()) return undefined;
  const fn = call.field("function");
  if (fn?.kind() !== "attribute") return undefined;
  const member = fn.field("attribute")?.text();
  if (member === "to") return replaceRange(startOf(literal), endOf(literal), device);
  if (member === "device" && fn.field("object")?.text() === torch && (args.length === 1 || (args.length === 2 && args[1]!.text() === "0"))) {
    return replaceRange(startOf(call), endOf(call), device);
  }
  return undefined;
}

/** `x.cuda()`, `x.cuda(0)`, `x.cuda(non_blocking=True)` → `x.to(device, ...)`. */
function routeMethod(call: PyNode, device: string): TextEdit | undefined {
  const fn = call.field("function");
  const name = fn?.field("attribute");
  const argumentList = call.field("arguments");
  if (!name || !argumentList || argumentList.kind() !== "argument_list") return undefined;
  const kept: string[] = [];
  for (const arg of argumentList.namedChildren()) {
    if (arg.kind() === "comment") return undefined;
    if (arg.kind() === "keyword_argument") {
      const key = arg.field("name")?.text();
      const value = arg.field("value")?.text() ?? "";
      if (key === "device" && (value === "0" || ROUTABLE_LITERAL.test(value))) continue;
      if (key === "non_blocking" || key === "memory_format") kept.push(arg.text());
      else return undefined;
    } else if (arg.text() === "0" || ROUTABLE_LITERAL.test(arg.text())) {
      if (kept.length > 0) return undefined;
    } else return undefined;
  }
  return replaceRange(startOf(name), endOf(call), `to(${[device, ...kept].join(", ")})`);
}

/** Identifiers named `name` in a binding position: assignment, loop, `with ... as`, walrus targets. */
function bindingMatcher(name: string): Matcher {
  const targetOf = { any: [{ kind: "assignment" }, { kind: "augmented_assignment" }, { kind: "for_statement" }, { kind: "for_in_clause" }] };
  return {
    rule: {
      kind: "identifier",
      regex: `^${escapeRegex(name)}$`,
      any: [
        { inside: { field: "left", ...targetOf } },
        { inside: { any: [{ kind: "pattern_list" }, { kind: "tuple_pattern" }, { kind: "list_pattern" }], inside: { field: "left", ...targetOf } } },
        { inside: { kind: "as_pattern_target" } },
        { inside: { kind: "named_expression", field: "name" } },
      ],
    },
  } as Matcher;
}

/** Whether `device` at `node` would not be the global: a function, lambda or comprehension around it binds it. */
function shadowed(node: PyNode, cell: Cell, device: string, flow: Dataflow): boolean {
  // The global itself must not be bound by this cell (then the name would not be free).
  if (flow.variables.get(cell.index)?.defs.has(device)) return true;
  const stop = cell.definition?.id();
  const word = new RegExp(`(?<![\\w.])${escapeRegex(device)}(?!\\w)`);
  const binding = bindingMatcher(device);
  for (const ancestor of node.ancestors()) {
    if (ancestor.id() === stop) break;
    const kind = String(ancestor.kind());
    if (kind === "function_definition" || kind === "lambda") {
      const parameters = ancestor.field("parameters");
      if (parameters && word.test(parameters.text())) return true;
      const body = ancestor.field("body");
      if (body && body.findAll(binding).length > 0) return true;
    } else if (kind.endsWith("comprehension") || kind === "generator_expression") {
      if (ancestor.findAll(binding).length > 0) return true;
    }
  }
  return false;
}
