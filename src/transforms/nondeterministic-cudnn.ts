import { defineRule } from "../engine/types.js";
import type { Matcher, PyNode } from "../notebook/python.js";
import { importsOf, preferredAlias } from "./lib/imports.js";

const docs = `
## What it does
Finds GPU notebooks that seed PyTorch's random number generators (\`torch.manual_seed\`,
\`torch.cuda.manual_seed_all\`, Lightning's \`seed_everything\`, \`transformers.set_seed\`, under any
import alias) but never make cuDNN deterministic: nothing sets
\`torch.backends.cudnn.deterministic = True\`, calls \`torch.use_deterministic_algorithms(True)\` or
\`transformers.enable_full_determinism\`, or passes \`deterministic=True\` (Lightning's \`Trainer\`,
\`transformers.set_seed\`). Also reports \`cudnn.deterministic = False\` and
\`cudnn.benchmark = True\` in a seeded notebook.

## Why is this bad?
Seeds fix the random numbers, not the arithmetic. cuDNN picks convolution kernels by timing
them when \`benchmark\` is on, and several of its kernels accumulate in a nondeterministic order,
so two runs with the same seed still give different weights and losses on the GPU. The guide's
\`set_seed\` sets \`deterministic = True\` and \`benchmark = False\` next to the seeds (section 7.1
"Random Seeds").

## Example
\`\`\`python
def set_seed(seed: int = 42) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
\`\`\`

Use instead:
\`\`\`python
def set_seed(seed: int = 42) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    # For deterministic behavior (may reduce performance)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
\`\`\`

## Fix
None: deterministic kernels can be markedly slower, so whether reproducibility is worth it is
the author's call. Add the two lines where the seeds are set, or document why runs may differ.

## Fix safety
No fix.
`;

/** Any candidate, in one native query: seeding calls, cuDNN switches, determinism requests. */
const CANDIDATES: Matcher = {
  rule: {
    any: [
      {
        kind: "call",
        has: { field: "function", regex: "(?:^|\\.)(?:manual_seed|manual_seed_all|seed_everything|set_seed|use_deterministic_algorithms|enable_full_determinism)$" },
      },
      { kind: "assignment", has: { field: "left", kind: "attribute", regex: "\\.(?:deterministic|benchmark|enabled)$" } },
      { kind: "keyword_argument", has: { field: "name", regex: "^deterministic$" } },
    ],
  },
};

/** Modules whose seeding helpers seed PyTorch: `seed_everything`, `set_seed`. */
const SEEDER_MODULE = /^(?:lightning|pytorch_lightning|lightning_fabric|transformers|accelerate)(?:\.|$)/;
const TORCH_SEEDER_MODULE = /^torch(?:\.cuda|\.random)?$/;

export const nondeterministicCudnn = defineRule({
  code: "NVS002",
  name: "nondeterministic-cudnn",
  section: "7.1",
  severity: "warning",
  fix: "none",
  summary: "PyTorch is seeded on the GPU but cuDNN may still pick nondeterministic kernels",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!/seed/.test(source) || !/cuda|gpu/i.test(source)) return;
    const imports = importsOf(notebook);
    // Local names that are PyTorch's seeding modules or seeding functions.
    const torchModules = new Set<string>();
    const seedFunctions = new Set<string>();
    const seederModules = new Set<string>();
    for (const i of imports) {
      const full = i.attribute === undefined ? i.module : `${i.module}.${i.attribute}`;
      if (TORCH_SEEDER_MODULE.test(full)) torchModules.add(i.local);
      else if (i.attribute !== undefined && TORCH_SEEDER_MODULE.test(i.module) && /^manual_seed(?:_all)?$/.test(i.attribute)) seedFunctions.add(i.local);
      else if (i.attribute !== undefined && SEEDER_MODULE.test(i.module) && /^(?:seed_everything|set_seed)$/.test(i.attribute)) seedFunctions.add(i.local);
      else if (SEEDER_MODULE.test(full) && (i.attribute === undefined || /^[a-z_]+$/.test(i.attribute))) seederModules.add(i.local);
    }
    if (torchModules.size === 0 && seedFunctions.size === 0 && seederModules.size === 0) return;

    let firstSeed: PyNode | undefined;
    let deterministic = false;
    const problems: Array<{ node: PyNode; message: string }> = [];
    for (const node of notebook.root.root().findAll(CANDIDATES)) {
      const kind = node.kind();
      if (kind === "keyword_argument") {
        if (node.field("value")?.text() !== "False") deterministic = true;
        continue;
      }
      if (kind === "assignment") {
        const left = node.field("left")!.text().replace(/\s+/g, "");
        if (!/(?:^|\.)cudnn\.\w+$/.test(left)) continue;
        const value = node.field("right")?.text();
        const setting = left.slice(left.lastIndexOf(".") + 1);
        if (setting === "deterministic" && value !== "False") deterministic = true;
        else if (setting === "enabled" && value === "False") deterministic = true;
        else if (setting === "deterministic") problems.push({ node, message: "`cudnn.deterministic = False` in a seeded notebook: runs with the same seed still differ on the GPU; set it to `True`" });
        else if (setting === "benchmark" && value === "True") problems.push({ node, message: "`cudnn.benchmark = True` in a seeded notebook: cuDNN picks kernels by timing them, so runs with the same seed can differ; set it to `False` when results must be reproducible" });
        continue;
      }
      const callee = node.field("function")!.text().replace(/\s+/g, "");
      const name = callee.slice(callee.lastIndexOf(".") + 1);
      if (name === "use_deterministic_algorithms" || name === "enable_full_determinism") {
        if (!/^\(\s*False\b/.test(node.field("arguments")?.text() ?? "")) deterministic = true;
        continue;
      }
      if (!firstSeed && isGlobalSeed(callee, torchModules, seedFunctions, seederModules)) firstSeed = node;
    }
    if (!firstSeed) return;
    for (const problem of problems) context.report(problem);
    if (deterministic) return;
    const torch = preferredAlias(notebook, "torch") ?? "torch";
    context.report({
      node: firstSeed,
      message: `Seeds are set but cuDNN may still pick nondeterministic kernels: set \`${torch}.backends.cudnn.deterministic = True\` and \`${torch}.backends.cudnn.benchmark = False\` next to the seeds (or call \`${torch}.use_deterministic_algorithms(True)\`)`,
    });
  },
});

/** `torch.manual_seed`, `t.cuda.manual_seed_all`, `manual_seed` imported from torch, `L.seed_everything`, ... */
function isGlobalSeed(callee: string, torchModules: ReadonlySet<string>, seedFunctions: ReadonlySet<string>, seederModules: ReadonlySet<string>): boolean {
  if (seedFunctions.has(callee)) return true;
  const dot = callee.lastIndexOf(".");
  if (dot === -1) return false;
  const receiver = callee.slice(0, dot);
  const name = callee.slice(dot + 1);
  if (name === "manual_seed" || name === "manual_seed_all") {
    const root = receiver.split(".")[0]!;
    const rest = receiver.slice(root.length);
    // `torch.manual_seed`, `torch.cuda.manual_seed_all`, `torch.random.manual_seed`, `cuda.manual_seed`.
    return torchModules.has(root) && (rest === "" || rest === ".cuda" || rest === ".random");
  }
  if (name === "seed_everything" || name === "set_seed") {
    const root = receiver.split(".")[0]!;
    return seederModules.has(root);
  }
  return false;
}
