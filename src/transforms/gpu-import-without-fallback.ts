import { indentLines, indentUnit, replaceRange } from "../engine/edits.js";
import { defineRule, type Fix, type RuleContext, type TextEdit } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type PyNode } from "../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf } from "../notebook/text.js";
import { importsOf, type ImportedName } from "./lib/imports.js";
import { marimoAt, marimoBindings } from "./lib/marimo-access.js";

const docs = `
## What it does
Finds imports of the RAPIDS and CuPy GPU libraries (\`import cudf\`, \`import cupy as cp\`,
\`import cuml\`, \`import cugraph\`, \`from cuml.cluster import KMeans\`, ...) that are not inside a
\`try\` whose handler catches \`ImportError\` (or \`ModuleNotFoundError\`, \`Exception\`, a bare
\`except:\`), nor under an \`importlib.util.find_spec(...)\` test, in cells, the setup cell and
functions.

## Why is this bad?
These libraries only install on Linux machines with an NVIDIA GPU and a matching CUDA. On a
laptop, in CI, or on a machine with another CUDA version the import fails and every cell that
depends on it fails with it, although pandas, NumPy, scikit-learn and NetworkX offer the same
API on the CPU (guide, section 6.2 "Dependency Handling": graceful handling of missing
dependencies, clear installation instructions, optional features with fallbacks).

## Example
\`\`\`python
@app.cell
def _():
    import marimo as mo
    import cudf
    return cudf, mo
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _():
    import marimo as mo
    try:
        import cudf
        has_cudf = True
    except ImportError:
        import pandas as cudf  # CPU fallback: pandas has the same DataFrame API
        has_cudf = False
        mo.output.append(
            mo.callout(
                mo.md("""
                ℹ️ **cuDF not available**: using pandas on the CPU instead.

                For GPU acceleration, install RAPIDS cuDF:
                \`pip install --extra-index-url=https://pypi.nvidia.com cudf-cu12\`
                """),
                kind="info",
            )
        )
    return cudf, mo
\`\`\`

## Fix
Wraps the import (and the imports of the same library right after it) in
\`try: ... except ImportError:\`. The handler imports the CPU library under the same name
(\`cudf\`→\`pandas\`, \`cupy\`→\`numpy\`, \`cuml\`→\`sklearn\`, \`cugraph\`→\`networkx\`;
\`from cuml.cluster import KMeans\`→\`from sklearn.cluster import KMeans\`), sets a flag
(\`has_cudf\`, \`has_cupy\`, ...; \`_2\` when the name is taken) that later cells can read to choose
a code path, and appends an info callout with the pip command that installs the GPU library to
the cell's output with \`mo.output.append\` (shown only when the fallback is used). The flag and
the module stay definitions of the import cell. The callout uses the setup cell's marimo import,
an earlier one in the same cell, or another cell's; when the same cell imports marimo later
(\`import cudf\` sorted before \`import marimo as mo\`), that import line moves above the \`try\`.

Reported without a fix when the fallback would not be the same API: names with no CPU twin
(\`cp.asnumpy\`, \`cudf.from_pandas\`, \`.to_pandas()\`, \`cuml.UMAP\`, \`cuml.KMeans\` on the
top-level module), \`import cudf.pandas\`, several modules in one \`import\` statement, imports
inside a function or a loop, a cell whose last expression would replace the callout in its output,
and notebooks where no cell imports marimo (the callout needs \`mo\`).

## Fix safety
Unsafe: on a machine without the GPU library the cells that used to fail now run on the CPU,
more slowly, and the notebook's results come from pandas / NumPy / scikit-learn / NetworkX,
whose numerics and defaults can differ slightly from RAPIDS.
`;

interface Library {
  /** Display name, fallback package and its display name, pip command. */
  readonly title: string;
  readonly fallback: string;
  readonly fallbackTitle: string;
  readonly install: string;
  /** Comment on the fallback import. */
  readonly comment: string;
  /** Top-level names of the GPU library that the fallback lacks. */
  readonly gpuOnly: ReadonlySet<string>;
  /** When set, the only top-level names the fallback is known to have. */
  readonly only?: ReadonlySet<string>;
  /** Methods of the GPU library's objects that the fallback's objects lack. */
  readonly gpuMethods?: RegExp;
}

const SKLEARN_SUBMODULES = new Set([
  "cluster", "decomposition", "ensemble", "linear_model", "manifold", "neighbors", "svm", "preprocessing", "metrics",
  "model_selection", "naive_bayes", "random_projection", "feature_extraction", "kernel_ridge", "datasets", "pipeline",
  "compose", "impute", "covariance", "multiclass",
]);

const LIBRARIES: Record<string, Library> = {
  cudf: {
    title: "cuDF",
    fallback: "pandas",
    fallbackTitle: "pandas",
    install: "pip install --extra-index-url=https://pypi.nvidia.com cudf-cu12",
    comment: "CPU fallback: pandas has the same DataFrame API",
    gpuOnly: new Set(["from_pandas", "from_dlpack", "from_arrow", "pandas", "core", "io", "api", "testing"]),
    gpuMethods: /\.(to_pandas|to_arrow|to_cupy|to_dlpack|from_pandas)\s*\(/,
  },
  cupy: {
    title: "CuPy",
    fallback: "numpy",
    fallbackTitle: "NumPy",
    install: "pip install cupy-cuda12x",
    comment: "CPU fallback: NumPy has the same array API",
    gpuOnly: new Set([
      "asnumpy", "get_array_module", "cuda", "RawKernel", "RawModule", "ElementwiseKernel", "ReductionKernel", "fuse",
      "get_default_memory_pool", "get_default_pinned_memory_pool", "cutensor", "cudnn", "scatter_add", "memoize",
    ]),
  },
  cuml: {
    title: "cuML",
    fallback: "sklearn",
    fallbackTitle: "scikit-learn",
    install: "pip install --extra-index-url=https://pypi.nvidia.com cuml-cu12",
    comment: "CPU fallback: scikit-learn has the same estimators",
    gpuOnly: new Set(["UMAP", "ForestInference", "MBSGDClassifier", "MBSGDRegressor", "explainer", "tsa", "dask", "fil", "common", "set_global_output_type", "using_output_type"]),
    only: SKLEARN_SUBMODULES,
  },
  cugraph: {
    title: "cuGraph",
    fallback: "networkx",
    fallbackTitle: "NetworkX",
    install: "pip install --extra-index-url=https://pypi.nvidia.com cugraph-cu12",
    comment: "CPU fallback: NetworkX has the same algorithms",
    gpuOnly: new Set(),
    only: new Set([
      "Graph", "DiGraph", "MultiGraph", "MultiDiGraph", "pagerank", "betweenness_centrality", "edge_betweenness_centrality",
      "degree_centrality", "katz_centrality", "eigenvector_centrality", "connected_components", "weakly_connected_components",
      "strongly_connected_components", "triangles", "k_core", "core_number", "hits", "from_pandas_edgelist",
    ]),
  },
};

/** `from cuml import KMeans` names and the scikit-learn submodule that has them. */
const CUML_TOP_LEVEL: Record<string, string> = {
  KMeans: "cluster", DBSCAN: "cluster", AgglomerativeClustering: "cluster", HDBSCAN: "cluster",
  PCA: "decomposition", TruncatedSVD: "decomposition", IncrementalPCA: "decomposition",
  LinearRegression: "linear_model", LogisticRegression: "linear_model", Ridge: "linear_model", Lasso: "linear_model", ElasticNet: "linear_model",
  RandomForestClassifier: "ensemble", RandomForestRegressor: "ensemble",
  NearestNeighbors: "neighbors", KNeighborsClassifier: "neighbors", KNeighborsRegressor: "neighbors",
  TSNE: "manifold", SVC: "svm", SVR: "svm", LinearSVC: "svm", LinearSVR: "svm",
  MultinomialNB: "naive_bayes", GaussianNB: "naive_bayes",
};

const IMPORT_HANDLER = /^(ImportError|ModuleNotFoundError|Exception|BaseException)$/;

export const gpuImportWithoutFallback = defineRule({
  code: "NVE004",
  name: "gpu-import-without-fallback",
  section: "6.2",
  severity: "warning",
  fix: "unsafe",
  summary: "`import cudf`/`cupy`/`cuml`/`cugraph` without `try/except ImportError` and a CPU fallback",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!/\b(cudf|cupy|cuml|cugraph)\b/.test(source)) return;
    const byStatement = new Map<number, { node: PyNode; names: ImportedName[] }>();
    for (const imported of importsOf(notebook)) {
      const root = imported.module.split(".")[0]!;
      if (!(root in LIBRARIES)) continue;
      const at = startOf(imported.node);
      const entry = byStatement.get(at);
      if (entry) entry.names.push(imported);
      else byStatement.set(at, { node: imported.node, names: [imported] });
    }
    const unguarded = [...byStatement.values()].filter((s) => !isGuarded(s.node) && context.cellAt(startOf(s.node)));
    // Consecutive imports of the same library become one `try` block.
    const handled = new Set<number>();
    for (const statement of unguarded) {
      if (handled.has(startOf(statement.node))) continue;
      const group = [statement];
      handled.add(startOf(statement.node));
      const root = rootOf(statement.names);
      let next = nextSibling(statement.node);
      while (next) {
        const entry = unguarded.find((s) => startOf(s.node) === startOf(next!));
        if (!entry || rootOf(entry.names) !== root || !root) break;
        group.push(entry);
        handled.add(startOf(entry.node));
        next = nextSibling(entry.node);
      }
      reportGroup(context, group);
    }
  },
});

function titlesOf(names: readonly ImportedName[]): string {
  const titles = [...new Set(names.map((n) => LIBRARIES[n.module.split(".")[0]!]?.title ?? n.module))];
  return titles.join(" or ");
}

function rootOf(names: readonly ImportedName[]): string | undefined {
  const roots = new Set(names.map((n) => n.module.split(".")[0]!));
  return roots.size === 1 ? [...roots][0] : undefined;
}

/** The next statement, past a comment that ends the same line (`import cudf  # GPU`). */
function nextSibling(node: PyNode): PyNode | undefined {
  let sibling = node.next();
  if (sibling?.kind() === "comment" && sibling.range().start.line === node.range().end.line) sibling = sibling.next();
  return sibling ?? undefined;
}

/** Whether an import sits in a `try` that catches `ImportError`, or under a `find_spec` test. */
function isGuarded(node: PyNode): boolean {
  let child = node;
  for (const ancestor of node.ancestors()) {
    const kind = ancestor.kind();
    if (kind === "try_statement") {
      const body = ancestor.field("body");
      if (body && startOf(body) === startOf(child)) {
        for (const clause of ancestor.children()) {
          if (clause.kind() !== "except_clause" && clause.kind() !== "except_group_clause") continue;
          const parts = clause.namedChildren().filter((c) => c.kind() !== "comment" && c.kind() !== "block");
          if (parts.length === 0) return true;
          const typeNode = parts[0]!.kind() === "as_pattern" ? parts[0]!.namedChildren()[0] : parts[0];
          const types = (typeNode?.text() ?? "").replace(/[()\s]/g, "").split(",");
          if (types.some((t) => IMPORT_HANDLER.test(t.replace(/^builtins\./, "")))) return true;
        }
      }
    } else if ((kind === "if_statement" || kind === "elif_clause") && /find_spec|find_loader|importlib/.test(ancestor.field("condition")?.text() ?? "")) {
      return true;
    } else if (kind === "with_statement" && /suppress\s*\([^)]*\b(ImportError|ModuleNotFoundError|Exception)\b/.test(ancestor.text().split("\n")[0] ?? "")) {
      return true;
    }
    child = ancestor;
  }
  return false;
}

interface Statement {
  readonly node: PyNode;
  readonly names: ImportedName[];
}

function reportGroup(context: RuleContext, group: readonly Statement[]): void {
  const root = rootOf(group[0]!.names);
  const library = root ? LIBRARIES[root] : undefined;
  const messageFor = (statement: Statement) =>
    `\`${statement.node.text().replace(/\s+/g, " ")}\` fails on machines without ${library ? library.title : titlesOf(statement.names)}; wrap it in ` +
    `\`try/except ImportError\` with a CPU fallback${library ? ` (${library.fallbackTitle})` : ""}, a flag and an install hint`;
  const outcome = root && library ? fixFor(context, group, root, library) : "the statement imports several libraries; give each its own line";
  for (const statement of group) {
    if (typeof outcome === "string") context.report({ node: statement.node, message: `${messageFor(statement)} (not fixed: ${outcome})` });
    else context.report({ node: statement.node, message: messageFor(statement), fix: outcome });
  }
}

function fixFor(context: RuleContext, group: readonly Statement[], root: string, library: Library): Fix | string {
  const { notebook } = context;
  const source = notebook.source;
  const first = group[0]!.node;
  const last = group.at(-1)!.node;
  const cell = context.cellAt(startOf(first));
  if (!cell || (cell.kind !== "cell" && cell.kind !== "setup")) return "it is inside a function; guard it by hand";
  const blockProblem = placementProblem(first, cell);
  if (blockProblem) return blockProblem;
  for (const { node } of group) {
    const before = source.slice(lineStartOf(source, startOf(node)), startOf(node));
    const after = source.slice(endOf(node), lineEndOf(source, endOf(node)));
    if (before.trim() !== "" || !/^\s*(#.*)?$/.test(after)) return "the import shares its line with other code";
  }

  const fallbackLines: string[] = [];
  for (const statement of group) {
    const lines = fallbackFor(statement, library, notebook);
    if (typeof lines === "string") return lines;
    fallbackLines.push(...lines);
  }

  if (cell.kind === "cell" && endsWithDisplay(cell, last)) return "the cell's last expression would replace the install hint in its output; move the import to its own cell";
  let mo = marimoAt(notebook, () => context.dataflow(), cell, startOf(first));
  // `import cudf` before `import marimo as mo` in the same cell: the marimo import moves up.
  let moved: { name: string; line: string; edit: TextEdit } | undefined;
  if (!mo.ok) {
    const later = marimoBindings(notebook).find((b) => b.cell.index === cell.index && startOf(b.node) > startOf(first));
    const statement = later?.node;
    const ownLine =
      statement &&
      source.slice(lineStartOf(source, startOf(statement)), startOf(statement)).trim() === "" &&
      /^\s*(#.*)?$/.test(source.slice(endOf(statement), lineEndOf(source, endOf(statement))));
    if (!later || !statement || !later.topLevel || !ownLine || !/^import\s+marimo(\s+as\s+\w+)?$/.test(statement.text()) || !cell.statements.some((s) => startOf(s) === startOf(first))) {
      return later ? "`import marimo` comes after this import in the cell; import marimo first" : `the install hint needs \`mo\`, but ${mo.reason}`;
    }
    const lineStart = lineStartOf(source, startOf(statement));
    const lineEnd = lineEndOf(source, endOf(statement));
    const next = source.indexOf("\n", lineEnd);
    moved = {
      name: later.name,
      line: source.slice(startOf(statement), lineEnd).trimEnd(),
      edit: replaceRange(lineStart, next === -1 ? lineEnd : next + 1, ""),
    };
    mo = { ok: true, name: later.name };
  }

  const flag = context.freshName(`has_${root}`);
  const unit = indentUnit(cell) || "    ";
  const imports = group.map((s) => source.slice(startOf(s.node), endOf(s.node)).replace(/\r\n/g, "\n"));
  const trailing = group.map((s) => trailingComment(source, s.node));
  const tryLines = imports.map((text, i) => indentLines(text + (trailing[i] ?? ""), unit));
  const callout = [
    `${mo.name}.output.append(`,
    `${unit}${mo.name}.callout(`,
    `${unit}${unit}${mo.name}.md("""`,
    `${unit}${unit}ℹ️ **${library.title} not available**: using ${library.fallbackTitle} on the CPU instead.`,
    "",
    `${unit}${unit}For GPU acceleration, install ${root === "cupy" ? "CuPy" : `RAPIDS ${library.title}`}:`,
    `${unit}${unit}\`${library.install}\``,
    `${unit}${unit}"""),`,
    `${unit}${unit}kind="info",`,
    `${unit})`,
    ")",
  ];
  const code = [
    "try:",
    ...tryLines,
    `${unit}${flag} = True`,
    "except ImportError:",
    ...fallbackLines.map((line, i) => `${unit}${line}${i === 0 ? `  # ${library.comment}` : ""}`),
    `${unit}${flag} = False`,
    ...callout.map((line) => (line === "" ? "" : `${unit}${line}`)),
  ].join("\n");
  const indent = indentationAt(source, startOf(first));
  const start = lineStartOf(source, startOf(first));
  const end = lineEndOf(source, endOf(last));
  const edit = replaceRange(start, end, indentLines(moved ? `${moved.line}\n${code}` : code, indent));
  const what = group.length === 1 ? `\`${first.text().replace(/\s+/g, " ")}\`` : `the ${library.title} imports`;
  return {
    description:
      `Wrap ${what} in try/except ImportError with a ${library.fallbackTitle} fallback, \`${flag}\` and an install hint` +
      (moved ? ` (moving \`${moved.line}\` above it)` : ""),
    edits: moved ? [edit, moved.edit] : [edit],
  };
}

/** The import's own trailing comment (`import cudf  # GPU dataframes`), kept on its line. */
function trailingComment(source: string, node: PyNode): string | undefined {
  const rest = source.slice(endOf(node), lineEndOf(source, endOf(node)));
  return /^\s*#/.test(rest) ? rest.replace(/\s+$/, "") : undefined;
}

/** Why an import cannot be wrapped where it stands: only top-level and `if`/`with` blocks are. */
function placementProblem(node: PyNode, cell: Cell): string | undefined {
  for (const ancestor of node.ancestors()) {
    if (cell.body && startOf(ancestor) === startOf(cell.body) && endOf(ancestor) === endOf(cell.body)) return undefined;
    const kind = ancestor.kind();
    if (kind === "function_definition" || kind === "lambda" || kind === "class_definition") return "it is inside a function; guard it by hand";
    if (kind === "for_statement" || kind === "while_statement") return "it is inside a loop";
    if (kind === "try_statement" || kind === "except_clause") return "it is inside a `try` that does not catch `ImportError`; add an `except ImportError:` branch by hand";
  }
  return undefined;
}

/** Whether the cell ends with an expression statement (its displayed output) after `node`. */
function endsWithDisplay(cell: Cell, node: PyNode): boolean {
  const lastStatement = cell.statements.at(-1);
  if (!lastStatement || lastStatement.kind() !== "expression_statement") return false;
  if (startOf(lastStatement) <= startOf(node)) return false;
  const expression = lastStatement.namedChildren()[0];
  if (!expression) return false;
  // `mo.output.append(...)`, `print(...)` and docstrings show nothing as a value.
  if (expression.kind() === "string") return false;
  const callee = expression.kind() === "call" ? expression.field("function")?.text() ?? "" : "";
  return !/(^print$|\.output\.(append|replace|clear)$)/.test(callee);
}

/** The fallback import lines (without indentation) for one statement, or why there are none. */
function fallbackFor(statement: Statement, library: Library, notebook: Notebook): string[] | string {
  const node = statement.node;
  if (node.kind() === "import_statement") {
    if (statement.names.length !== 1) return "the statement imports several modules; give each its own line";
    const imported = statement.names[0]!;
    const root = imported.module.split(".")[0]!;
    const dotted = /^import\s+[\w.]+\./.test(node.text().replace(/\s+/g, " "));
    if (imported.module !== root || dotted) return `\`${node.text()}\` has no CPU counterpart`;
    const missing = usedAttributes(notebook, imported.local).find((a) => library.gpuOnly.has(a) || (library.only !== undefined && !library.only.has(a)));
    if (missing) return `the notebook uses \`${imported.local}.${missing}\`, which ${library.fallbackTitle} does not have`;
    const method = library.gpuMethods?.exec(notebook.source);
    if (method) return `the notebook calls \`${method[0].replace(/\s*\($/, "()")}\`, which ${library.fallbackTitle} objects do not have`;
    return [`import ${library.fallback} as ${imported.local}`];
  }
  // from-imports
  if (/\*/.test(node.text())) return "a wildcard import has no safe fallback";
  const module = statement.names[0]?.module ?? "";
  const parts = module.split(".");
  const root = parts[0]!;
  const aliasOf = (n: ImportedName) => (n.local === n.attribute ? n.attribute : `${n.attribute} as ${n.local}`);
  if (root === "cuml") {
    if (parts.length === 1) {
      const bySubmodule = new Map<string, string[]>();
      for (const n of statement.names) {
        const sub = CUML_TOP_LEVEL[n.attribute ?? ""];
        if (!sub) return `scikit-learn has no \`${n.attribute}\``;
        bySubmodule.set(sub, [...(bySubmodule.get(sub) ?? []), aliasOf(n)]);
      }
      return [...bySubmodule].map(([sub, names]) => `from sklearn.${sub} import ${names.join(", ")}`);
    }
    if (parts.length !== 2 || !SKLEARN_SUBMODULES.has(parts[1]!)) return `scikit-learn has no \`${module.replace(/^cuml/, "sklearn")}\``;
    const missing = statement.names.find((n) => library.gpuOnly.has(n.attribute ?? ""));
    if (missing) return `scikit-learn has no \`${missing.attribute}\``;
    return [`from sklearn.${parts[1]} import ${statement.names.map(aliasOf).join(", ")}`];
  }
  if (parts.length !== 1) return `\`${module}\` has no CPU counterpart`;
  const missing = statement.names.find((n) => library.gpuOnly.has(n.attribute ?? "") || (library.only !== undefined && !library.only.has(n.attribute ?? "")));
  if (missing) return `${library.fallbackTitle} has no \`${missing.attribute}\``;
  return [`from ${library.fallback} import ${statement.names.map(aliasOf).join(", ")}`];
}

const attributeCache = new WeakMap<Notebook, Map<string, string[]>>();

/** The attributes read on a module alias anywhere in the notebook (`cp.asnumpy` → `asnumpy`). */
function usedAttributes(notebook: Notebook, local: string): string[] {
  let cache = attributeCache.get(notebook);
  if (!cache) attributeCache.set(notebook, (cache = new Map()));
  const cached = cache.get(local);
  if (cached) return cached;
  const found = new Set<string>();
  const nodes = notebook.root.root().findAll({
    rule: { kind: "attribute", has: { field: "object", kind: "identifier", regex: `^${local}$` } },
  });
  for (const n of nodes) {
    const attribute = n.field("attribute")?.text();
    if (attribute) found.add(attribute);
  }
  const result = [...found].sort();
  cache.set(local, result);
  return result;
}
