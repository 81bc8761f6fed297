// What counts as "expensive work" in a cell: training loops, `.fit(`, model downloads,
// `pip install` through `subprocess`, generation loops. Shared by the rules that gate or guard
// such work (NVR003, NVE001).
//
// One native query per statement finds the candidates (loops over epochs or denoising steps,
// calls with an interesting name, plain calls that may reach a user function); the JS side
// classifies the few hits. Work inside a nested `def` counts only when the cell (or a function
// it calls) calls that function; calls to functions defined in other cells or in
// `@app.function` cells are followed when the notebook is given.
import type { Cell, Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { importsModule } from "./imports.js";

export type ExpensiveKind = "training" | "fit" | "download" | "install" | "generation";

export interface ExpensiveWork {
  /** The expensive statement or expression as it appears in the cell (a loop, or a call). */
  readonly node: PyNode;
  readonly kind: ExpensiveKind;
  /** A short description for messages, e.g. "a loop calling `.backward()`". */
  readonly detail: string;
}

/** The first expensive piece of work a cell does when it runs, if any. */
export function expensiveWorkIn(cell: Cell, notebook?: Notebook): ExpensiveWork | undefined {
  return allExpensiveWorkIn(cell, notebook)[0];
}

/** Every expensive piece of work a cell does when it runs, in source order. */
export function allExpensiveWorkIn(cell: Cell, notebook?: Notebook): ExpensiveWork[] {
  if (cell.kind !== "cell" && cell.kind !== "setup") return [];
  if (!cell.definition) return [];
  const analysis = new Analysis(notebook);
  return analysis.scopeWork(cell.definition, cell.statements, false, true);
}

// --- matchers --------------------------------------------------------------------------------

const LOOP_KINDS = new Set([
  "for_statement",
  "while_statement",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);
const FUNCTION_KINDS = new Set(["function_definition", "lambda"]);

/** Method or function names worth a look; the classifier decides. */
const CALL_NAME = "(^|\\.)(backward|step|fit|train|from_pretrained|hf_hub_download|snapshot_download|generate|load|pipeline|run|call|check_call|check_output|Popen|system)$";

const CANDIDATES: Matcher = {
  rule: {
    any: [
      {
        kind: "for_statement",
        any: [
          { has: { field: "left", regex: "(?i)epoch" } },
          { has: { field: "right", regex: "(?i)epoch|num_inference_steps|timesteps" } },
        ],
      },
      {
        kind: "call",
        any: [
          { has: { field: "function", regex: CALL_NAME } },
          { has: { field: "function", kind: "identifier" } },
          { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^download\\s*=\\s*True$" } } },
        ],
      },
    ],
  },
};

const FUNCTION_DEFS: Matcher = { rule: { kind: "function_definition" } };

/** `.fit(` on these is cheap preprocessing, not model fitting. */
const CHEAP_FIT = /scaler|imputer|normali[sz]er|binarizer|vectori[sz]er|labelencoder|onehotencoder|ordinalencoder|polynomialfeatures|tokenizer|\ble\b|\bohe\b/i;
const OPTIMIZER = /optim|(^|\.)opt$|scaler/i;
const TRAINER = /trainer/i;
const SUBPROCESS_CALL = /^(subprocess\.)?(run|call|check_call|check_output|Popen)$|^os\.system$/;
const INSTALL_ARGS = /\b(pip3?|conda|mamba|micromamba)\b[\s\S]*\binstall\b|\buv\b[\s\S]*\b(add|install)\b/;
const DIFFUSION_PIPE = /^\w*pipe$/i;

// --- analysis ----------------------------------------------------------------------------------

interface Hit {
  /** The node inside the scope being analysed. */
  readonly node: PyNode;
  readonly kind: ExpensiveKind;
  readonly detail: string;
}

const notebookFunctions = new WeakMap<Notebook, Map<string, PyNode>>();

/** Functions any cell can call by name: `@app.function` cells and top-level `def`s of cells. */
function functionsOf(notebook: Notebook): Map<string, PyNode> {
  const cached = notebookFunctions.get(notebook);
  if (cached) return cached;
  const map = new Map<string, PyNode>();
  for (const cell of notebook.cells) {
    if (cell.kind === "function" && cell.definition) map.set(cell.name, cell.definition);
    if (cell.kind !== "cell" && cell.kind !== "setup") continue;
    for (const statement of cell.statements) {
      const def = statement.kind() === "decorated_definition" ? statement.field("definition") : statement;
      if (def?.kind() !== "function_definition") continue;
      const name = def.field("name")?.text();
      if (name && !map.has(name)) map.set(name, def);
    }
  }
  notebookFunctions.set(notebook, map);
  return map;
}

function sameNode(a: PyNode, b: PyNode): boolean {
  return a.kind() === b.kind() && startOf(a) === startOf(b) && endOf(a) === endOf(b);
}

class Analysis {
  private readonly summaries = new Map<string, Hit | null>();
  private readonly visiting = new Set<string>();
  private readonly transformers: boolean;

  constructor(private readonly notebook: Notebook | undefined) {
    this.transformers = notebook ? importsModule(notebook, "transformers") : false;
  }

  /**
   * Work done by the statements of one scope (a cell or a function body). `boundary` is the
   * scope's own definition: hits inside a nested function are skipped here (they count through
   * calls). `inLoop` is true when the scope itself runs inside a caller's loop.
   */
  scopeWork(boundary: PyNode, statements: readonly PyNode[], inLoop: boolean, all: boolean, outer?: ReadonlyMap<string, PyNode>): ExpensiveWork[] {
    const local = new Map<string, PyNode>(outer);
    for (const statement of statements) {
      for (const def of statement.findAll(FUNCTION_DEFS)) {
        const name = def.field("name")?.text();
        if (name && !local.has(name)) local.set(name, def);
      }
    }
    const result: ExpensiveWork[] = [];
    const seen: PyNode[] = [];
    for (const statement of statements) {
      for (const candidate of statement.findAll(CANDIDATES)) {
        const place = this.place(candidate, boundary);
        if (!place) continue;
        const hit = this.classify(candidate, inLoop || place.outermostLoop !== undefined, local);
        if (!hit) continue;
        const node = place.outermostLoop ?? hit.node;
        if (seen.some((s) => startOf(s) <= startOf(node) && endOf(node) <= endOf(s))) continue;
        seen.push(node);
        result.push({ node, kind: hit.kind, detail: hit.detail });
        if (!all) return result;
      }
    }
    return result;
  }

  /** Where a candidate sits in its scope: skipped inside nested functions; its outermost loop. */
  private place(node: PyNode, boundary: PyNode): { outermostLoop: PyNode | undefined } | undefined {
    let outermostLoop: PyNode | undefined;
    for (const ancestor of node.ancestors()) {
      if (sameNode(ancestor, boundary)) return { outermostLoop };
      const kind = ancestor.kind();
      if (FUNCTION_KINDS.has(kind)) return undefined;
      if (LOOP_KINDS.has(kind)) outermostLoop = ancestor;
    }
    return { outermostLoop };
  }

  private classify(node: PyNode, inLoop: boolean, local: ReadonlyMap<string, PyNode>): Hit | undefined {
    if (node.kind() === "for_statement") {
      const left = node.field("left")?.text() ?? "";
      const right = node.field("right")?.text() ?? "";
      if (/epoch/i.test(left) || /epoch/i.test(right)) {
        return { node, kind: "training", detail: `a \`for ${left} in ...\` training loop` };
      }
      return { node, kind: "generation", detail: `a \`for ${left} in ...\` denoising loop` };
    }
    const fn = node.field("function");
    if (!fn) return undefined;
    const fnText = fn.text().replace(/\s+/g, "");
    const args = node.field("arguments")?.text() ?? "";
    const attribute = fn.kind() === "attribute" ? (fn.field("attribute")?.text() ?? "") : undefined;
    const object = fn.kind() === "attribute" ? (fn.field("object")?.text() ?? "") : "";

    if (attribute !== undefined) {
      switch (attribute) {
        case "backward":
          if (inLoop) return { node, kind: "training", detail: "a loop calling `.backward()`" };
          break;
        case "step":
          if (inLoop && OPTIMIZER.test(object)) return { node, kind: "training", detail: `a loop calling \`${fnText}()\`` };
          break;
        case "train":
          if (TRAINER.test(object)) return { node, kind: "training", detail: `\`${fnText}()\`` };
          break;
        case "fit":
          if (TRAINER.test(object)) return { node, kind: "training", detail: `\`${fnText}(...)\`` };
          if (!CHEAP_FIT.test(object)) return { node, kind: "fit", detail: `\`${fnText}(...)\`` };
          break;
        case "from_pretrained":
        case "hf_hub_download":
        case "snapshot_download":
          return { node, kind: "download", detail: `\`${fnText}(...)\`` };
        case "load":
          if (/(^|\.)hub$/.test(object)) return { node, kind: "download", detail: `\`${fnText}(...)\`` };
          break;
        case "generate":
          if (inLoop) return { node, kind: "generation", detail: `a loop calling \`${fnText}(...)\`` };
          break;
        case "pipeline":
          if (object === "transformers") return { node, kind: inLoop ? "generation" : "download", detail: `\`${fnText}(...)\`` };
          break;
      }
    } else if (fn.kind() === "identifier") {
      if (fnText === "hf_hub_download" || fnText === "snapshot_download") {
        return { node, kind: "download", detail: `\`${fnText}(...)\`` };
      }
      if (fnText === "pipeline" && this.transformers) {
        return { node, kind: inLoop ? "generation" : "download", detail: `\`${fnText}(...)\`` };
      }
      if (inLoop && DIFFUSION_PIPE.test(fnText)) {
        return { node, kind: "generation", detail: `a loop calling \`${fnText}(...)\`` };
      }
    }
    if (SUBPROCESS_CALL.test(fnText) && INSTALL_ARGS.test(args)) {
      return { node, kind: "install", detail: "`pip install` through `subprocess`" };
    }
    if (node.field("arguments")?.children().some((a) => a.kind() === "keyword_argument" && /^download\s*=\s*True$/.test(a.text()))) {
      return { node, kind: "download", detail: `\`${fnText}(..., download=True)\`` };
    }
    if (fn.kind() === "identifier") {
      const localCallee = local.get(fnText);
      const callee = localCallee ?? (this.notebook ? functionsOf(this.notebook).get(fnText) : undefined);
      if (callee) {
        const inner = this.functionWork(callee, inLoop, localCallee ? local : undefined);
        if (inner) return { node, kind: inner.kind, detail: `\`${fnText}()\`, which runs ${inner.detail}` };
      }
    }
    return undefined;
  }

  /** The first expensive work a function does when called (in a loop or not). */
  private functionWork(def: PyNode, inLoop: boolean, outer: ReadonlyMap<string, PyNode> | undefined): Hit | undefined {
    const key = `${startOf(def)}:${endOf(def)}:${inLoop}`;
    const cached = this.summaries.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.visiting.has(key)) return undefined;
    this.visiting.add(key);
    const body = def.field("body");
    const statements = body ? body.namedChildren().filter((c) => c.kind() !== "comment") : [];
    const [first] = this.scopeWork(def, statements, inLoop, false, outer);
    this.visiting.delete(key);
    const hit = first ? { node: first.node, kind: first.kind, detail: stripCallChain(first.detail) } : undefined;
    this.summaries.set(key, hit ?? null);
    return hit;
  }
}

/** `f()`, which runs `g()`, which runs X → keeps only X for readable messages. */
function stripCallChain(detail: string): string {
  const at = detail.lastIndexOf(", which runs ");
  return at === -1 ? detail : detail.slice(at + ", which runs ".length);
}
