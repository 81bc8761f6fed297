// What a notebook imports, found with one native query: which local names refer to a module
// (`import torch as t` binds `t` to `torch`) and which names come from it (`from torch import cuda`).
import { findAllContaining, type Notebook } from "../../notebook/model.js";
import type { Matcher, PyNode } from "../../notebook/python.js";

export interface ImportedName {
  /** The module the name comes from, e.g. `torch` or `torch.cuda`. */
  readonly module: string;
  /** For `from m import x`, the imported attribute (`x`); undefined for `import m`. */
  readonly attribute: string | undefined;
  /** The local name it is bound to. */
  readonly local: string;
  readonly node: PyNode;
}

const IMPORTS: Matcher = { rule: { any: [{ kind: "import_statement" }, { kind: "import_from_statement" }] } };

const cache = new WeakMap<Notebook, ImportedName[]>();

/** Every import in the notebook (setup cell, cells, functions, nested blocks). */
export function importsOf(notebook: Notebook): ImportedName[] {
  const cached = cache.get(notebook);
  if (cached) return cached;
  const result: ImportedName[] = [];
  for (const node of findAllContaining(notebook, "import", IMPORTS)) {
    const text = node.text().replace(/\\\r?\n/g, " ").replace(/[()]/g, " ");
    if (node.kind() === "import_statement") {
      for (const part of text.replace(/^import\s+/, "").split(",")) {
        const m = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!m) continue;
        const module = m[1]!;
        // `import a.b` binds `a` (the top package); `import a.b as c` binds `c` to `a.b`.
        result.push({ module: m[2] ? module : module.split(".")[0]!, attribute: undefined, local: m[2] ?? module.split(".")[0]!, node });
      }
    } else {
      const m = /^from\s+([\w.]+)\s+import\s+([\s\S]*)$/.exec(text.trim());
      if (!m) continue;
      for (const part of m[2]!.split(",")) {
        const n = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (!n) continue;
        result.push({ module: m[1]!, attribute: n[1]!, local: n[2] ?? n[1]!, node });
      }
    }
  }
  cache.set(notebook, result);
  return result;
}

/** Local names bound to `module` itself (`torch`, or `t` for `import torch as t`). */
export function moduleAliases(notebook: Notebook, module: string): string[] {
  return importsOf(notebook)
    .filter((i) => i.attribute === undefined && i.module === module)
    .map((i) => i.local);
}

/** The name to write when inserting code that calls into `module`, preferring its own name. */
export function preferredAlias(notebook: Notebook, module: string): string | undefined {
  const aliases = moduleAliases(notebook, module);
  return aliases.includes(module) ? module : aliases[0];
}

/** Whether the notebook imports `module` or anything from it. */
export function importsModule(notebook: Notebook, module: string): boolean {
  return importsOf(notebook).some((i) => i.module === module || i.module.startsWith(module + ".") || (i.attribute !== undefined && `${i.module}.${i.attribute}` === module));
}
