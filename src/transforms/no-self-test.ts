import { insertCell } from "../engine/edits.js";
import { defineRule, type Edit } from "../engine/types.js";
import type { Matcher } from "../notebook/python.js";
import { detectionDevice, globalAlias, gpuFacts, marimoAlias, primaryUse } from "./lib/gpu-notebook.js";

const docs = `
## What it does
Finds GPU notebooks (CUDA use as in NVG001: \`torch.cuda.*\`, \`.cuda()\`, \`"cuda"\` devices,
RAPIDS/CuPy imports) with no self-test: no \`assert\` on shapes, devices, dtypes, memory or
values (\`.shape\`, \`.device\`, \`is_cuda\`, \`dtype\`, \`memory_allocated\`, \`allclose\`,
\`equal\`, ...), no \`torch.testing.assert_close\` / \`np.testing.assert_*\`, and no \`test_*\`
function (marimo runs those with pytest).

## Why is this bad?
A GPU notebook can fail quietly: a tensor left on the CPU, a model that silently falls back to
float32, a driver/PyTorch mismatch that gives wrong numbers, memory that is never released. A
small self-test cell that checks device placement, a tiny computation against the CPU, shapes
and memory release turns these into a clear red callout on the first run (guide, section 9.1
"Self-Test Cells").

## Example
\`\`\`python
@app.cell
def _(device, torch):
    model = torch.nn.Linear(16, 4).to(device)
    return (model,)
\`\`\`

Use instead (appended as the last cell):
\`\`\`python
@app.cell
def _(device, mo, torch):
    """GPU self-test: device placement, a small tensor operation, shapes and memory release."""
    _passed, _failed = [], []
    try:
        _lhs = torch.arange(12, dtype=torch.float32, device=device).reshape(3, 4)
        _product = _lhs @ _lhs.T
        _expected = torch.arange(12, dtype=torch.float32).reshape(3, 4)
        assert _product.device.type == "cuda", f"result on {_product.device}, expected cuda"
        assert _product.shape == (3, 3), f"shape {tuple(_product.shape)} != (3, 3)"
        assert torch.equal(_product.cpu(), _expected @ _expected.T), "GPU and CPU results differ"
        _passed.append("✅ Tensor operation: (3, 4) @ (4, 3) → (3, 3) on the GPU, same result as the CPU")
        _allocated = torch.cuda.memory_allocated(device)
        assert _allocated > 0, "no GPU memory allocated"
        del _lhs, _product
        torch.cuda.empty_cache()
        assert torch.cuda.memory_allocated(device) < _allocated, "GPU memory was not released after \`del\`"
        _passed.append("✅ Memory: allocations are visible and released after \`del\`")
    except AssertionError as e:
        _failed.append(f"❌ Self-test failed: {e}")

    mo.callout(
        mo.md("**GPU self-test**\\n\\n" + "\\n".join(_passed + _failed)),
        kind="danger" if _failed else "success",
    )
    return
\`\`\`

## Fix
Appends the self-test cell above as the last cell of the notebook. It uses only deterministic
values (\`torch.arange\`, no random numbers), deletes its tensors and empties the CUDA cache. When
the notebook has a GPU detection cell (a cell that checks \`is_available()\`, calls \`mo.stop\`
and defines \`device = torch.device("cuda...")\`, as NVG001 inserts) the test reads its \`device\`
and is skipped without a GPU; otherwise it puts its tensors on \`"cuda"\` and starts with its own
\`mo.stop\` when \`torch.cuda.is_available()\` is false (that guard only protects the test: NVG001
still asks for a detection cell). The notebook's names for torch and marimo are used;
\`import marimo as mo\` is added before \`import torch\` when no cell imports marimo.

Reported without a fix: notebooks that use only RAPIDS/CuPy (no torch), and notebooks where \`mo\`
names something other than marimo.

## Fix safety
Unsafe: the fix adds a cell that allocates (a few bytes of) GPU memory and displays a callout.
`;

/** An `assert` about shapes, devices, dtypes, memory or values; a pytest-style `test_*` function; testing helpers. */
const SELF_TEST: Matcher = {
  rule: {
    any: [
      {
        kind: "assert_statement",
        regex: "shape|device|is_cuda|dtype|memory|allclose|isclose|equal|numel|size|len\\(|isfinite|isnan",
      },
      { kind: "function_definition", has: { field: "name", regex: "^test_" } },
      { kind: "call", has: { field: "function", regex: "(^|\\.)(assert_close|assert_allclose|assert_array_equal|assert_array_almost_equal|assert_equal)$" } },
    ],
  },
};

export const noSelfTest = defineRule({
  code: "NVT001",
  name: "no-self-test",
  section: "9.1",
  severity: "warning",
  fix: "unsafe",
  summary: "A GPU notebook has no self-test cell (asserts on device, shapes, values, memory)",
  docs,
  check(context) {
    const { notebook } = context;
    const facts = gpuFacts(notebook);
    if (!facts || facts.uses.length === 0) return;
    if (/assert|test_/.test(notebook.source) && notebook.root.root().findAll(SELF_TEST).length > 0) return;
    const first = primaryUse(notebook, facts);
    const message =
      `${first.label} uses the GPU, but no cell tests it: add a self-test cell that asserts on the device, ` +
      `a small tensor operation, shapes and released memory, and shows the result in a callout`;

    const flow = context.dataflow();
    const torch = globalAlias(notebook, flow, "torch");
    if (!torch) {
      const why = facts.importsTorch ? "no cell imports torch as a module" : "the notebook does not import torch";
      context.report({ node: first.node, message: `${message} (${why}: not fixed automatically)` });
      return;
    }
    const marimo = marimoAlias(notebook, flow);
    if (typeof marimo === "string") {
      context.report({ node: first.node, message: `${message} (${marimo}: not fixed automatically)` });
      return;
    }
    const device = detectionDevice(notebook, flow, facts)?.name;
    const last = notebook.cells[notebook.cells.length - 1]!;
    const edits: Edit[] = [insertCell(last, "after", selfTestCode(torch, marimo.alias, device).join("\n"))];
    if (marimo.edit) edits.push(marimo.edit);
    context.report({ node: first.node, message, fix: { description: "Append a GPU self-test cell", edits } });
  },
});

function selfTestCode(torch: string, mo: string, device: string | undefined): string[] {
  const guard = device
    ? []
    : [
        `${mo}.stop(`,
        `    not ${torch}.cuda.is_available(),`,
        `    ${mo}.md("⚠️ **No NVIDIA GPU detected**: the GPU self-test was skipped.").callout(kind="warn"),`,
        `)`,
      ];
  const on = device ?? `"cuda"`;
  const memoryOf = device ?? "";
  return [
    `"""GPU self-test: device placement, a small tensor operation, shapes and memory release."""`,
    ...guard,
    `_passed, _failed = [], []`,
    `try:`,
    `    _lhs = ${torch}.arange(12, dtype=${torch}.float32, device=${on}).reshape(3, 4)`,
    `    _product = _lhs @ _lhs.T`,
    `    _expected = ${torch}.arange(12, dtype=${torch}.float32).reshape(3, 4)`,
    `    assert _product.device.type == "cuda", f"result on {_product.device}, expected cuda"`,
    `    assert _product.shape == (3, 3), f"shape {tuple(_product.shape)} != (3, 3)"`,
    `    assert ${torch}.equal(_product.cpu(), _expected @ _expected.T), "GPU and CPU results differ"`,
    `    _passed.append("✅ Tensor operation: (3, 4) @ (4, 3) → (3, 3) on the GPU, same result as the CPU")`,
    `    _allocated = ${torch}.cuda.memory_allocated(${memoryOf})`,
    `    assert _allocated > 0, "no GPU memory allocated"`,
    `    del _lhs, _product`,
    `    ${torch}.cuda.empty_cache()`,
    `    assert ${torch}.cuda.memory_allocated(${memoryOf}) < _allocated, "GPU memory was not released after \`del\`"`,
    `    _passed.append("✅ Memory: allocations are visible and released after \`del\`")`,
    `except AssertionError as e:`,
    `    _failed.append(f"❌ Self-test failed: {e}")`,
    ``,
    `${mo}.callout(`,
    `    ${mo}.md("**GPU self-test**\\n\\n" + "\\n".join(_passed + _failed)),`,
    `    kind="danger" if _failed else "success",`,
    `)`,
  ];
}
