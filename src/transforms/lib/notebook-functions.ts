// The functions a notebook defines for its readers (NVD004, NVO004): `@app.function`s, functions
// defined in the setup cell or in a cell (at its top level or inside `if`/`try`/`with` blocks),
// and the methods of classes defined there or with `@app.class_definition`. Not the cell
// functions themselves (`@app.cell def _`), and not functions nested inside another function
// (closures are implementation details of the function that holds them).
import type { Notebook } from "../../notebook/model.js";
import { startOf, type Matcher, type PyNode } from "../../notebook/python.js";

const CELL_FUNCTION = {
  kind: "function_definition",
  inside: { kind: "decorated_definition", inside: { kind: "module" }, has: { kind: "decorator", regex: "^@app\\.cell\\b" } },
};

/** A function of the notebook, as described above (shared by the matchers below). */
const NOTEBOOK_FUNCTION = {
  kind: "function_definition",
  not: {
    any: [
      { inside: CELL_FUNCTION.inside },
      { inside: { stopBy: "end", kind: "function_definition", not: { inside: CELL_FUNCTION.inside } } },
      // `typing.overload` stubs carry no body of their own.
      { inside: { kind: "decorated_definition", has: { kind: "decorator", regex: "\\boverload\\b" } } },
    ],
  },
};

/** `"""Docstring."""` as the first statement of the body (comments may come before it). */
const HAS_DOCSTRING = {
  has: {
    field: "body",
    has: {
      kind: "expression_statement",
      nthChild: { position: 1, ofRule: { not: { kind: "comment" } } },
      has: { any: [{ kind: "string" }, { kind: "concatenated_string" }], nthChild: 1, not: { regex: "^[rRuU]?[fFbB]" } },
    },
  },
};

/** Magic methods document themselves by their protocol; `__init__` does not. */
const MAGIC_METHOD = { all: [{ has: { field: "name", regex: "^__\\w+__$" } }, { not: { has: { field: "name", regex: "^__init__$" } } }] };

const WITHOUT_DOCSTRING: Matcher = {
  rule: { ...NOTEBOOK_FUNCTION, not: { any: [...NOTEBOOK_FUNCTION.not.any, HAS_DOCSTRING, MAGIC_METHOD] } } as Matcher["rule"],
};

/** A parameter without annotation; the first parameter `self`/`cls` of a method needs none. */
const UNANNOTATED_PARAMETER = {
  any: [{ kind: "identifier" }, { kind: "default_parameter" }, { kind: "list_splat_pattern" }, { kind: "dictionary_splat_pattern" }],
  not: { all: [{ kind: "identifier" }, { regex: "^(self|cls)$" }, { nthChild: 1 }] },
};

const WITHOUT_TYPE_HINTS: Matcher = {
  rule: {
    ...NOTEBOOK_FUNCTION,
    any: [{ has: { field: "parameters", has: UNANNOTATED_PARAMETER } }, { kind: "function_definition", not: { has: { field: "return_type", kind: "type" } } }],
  } as Matcher["rule"],
};

function inCell(notebook: Notebook, node: PyNode): boolean {
  const at = startOf(node);
  return notebook.cells.some((c) => c.kind !== "unparsable" && c.start <= at && at <= c.end);
}

/** Notebook functions without a docstring (magic methods other than `__init__` excepted). */
export function functionsWithoutDocstring(notebook: Notebook): PyNode[] {
  if (!/\bdef\b/.test(notebook.source)) return [];
  return notebook.root.root().findAll(WITHOUT_DOCSTRING).filter((f) => inCell(notebook, f));
}

export interface MissingHints {
  readonly function: PyNode;
  /** Parameters without annotation, as written (`x`, `lr=0.1`, `*args`). */
  readonly parameters: readonly string[];
  /** The return annotation is missing (and required). */
  readonly returnType: boolean;
}

/**
 * Notebook functions with a parameter or the return type not annotated. As in mypy, `__init__`
 * needs no return annotation when one of its parameters is annotated.
 */
export function functionsWithoutTypeHints(notebook: Notebook): MissingHints[] {
  if (!/\bdef\b/.test(notebook.source)) return [];
  const result: MissingHints[] = [];
  for (const fn of notebook.root.root().findAll(WITHOUT_TYPE_HINTS)) {
    if (!inCell(notebook, fn)) continue;
    const params = fn.field("parameters")?.children().filter((c) => c.isNamed()) ?? [];
    const parameters: string[] = [];
    let annotated = false;
    params.forEach((param, index) => {
      const kind = param.kind();
      if (kind === "typed_parameter" || kind === "typed_default_parameter") annotated = true;
      else if (kind === "identifier" || kind === "default_parameter" || kind === "list_splat_pattern" || kind === "dictionary_splat_pattern") {
        const text = param.text();
        if (index === 0 && kind === "identifier" && (text === "self" || text === "cls")) return;
        parameters.push(kind === "default_parameter" ? (param.field("name")?.text() ?? text) : text);
      }
    });
    const isInit = fn.field("name")?.text() === "__init__";
    const returnType = !fn.field("return_type") && !(isInit && annotated);
    if (parameters.length > 0 || returnType) result.push({ function: fn, parameters, returnType });
  }
  return result;
}
