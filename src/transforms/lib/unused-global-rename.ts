// Renames a global of one cell to a private name (NVO002): every identifier in the cell that
// refers to the cell-level binding, and nothing else. Attribute names (`obj.x`), keyword argument
// names (`f(x=1)`), strings and comments are never identifiers of the name; an identifier inside
// a nested function, lambda, comprehension or class refers to the cell-level binding unless that
// scope binds the name itself (a parameter, an assignment, a loop or comprehension variable)
// without declaring it `global`.
//
// The occurrences are found by one native query (identifiers spelled like the name); only they
// are examined from JavaScript, by walking up their few ancestors.
import { replaceRange } from "../../engine/edits.js";
import type { TextEdit } from "../../engine/types.js";
import type { Cell } from "../../notebook/model.js";
import { endOf, startOf, type PyNode } from "../../notebook/python.js";
import { escapeRegex } from "./regex.js";

const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
const PATTERNS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression", "list_splat_pattern", "list_splat", "expression_list"]);
const PARAMETER_WRAPPERS = new Set(["default_parameter", "typed_parameter", "typed_default_parameter", "list_splat_pattern", "dictionary_splat_pattern"]);

type Role =
  | { kind: "ignore" }
  | { kind: "read" }
  | { kind: "bind"; edit?: "import" }
  | { kind: "parameter" }
  | { kind: "global" }
  | { kind: "nonlocal" }
  | { kind: "abort"; reason: string };

interface Occurrence {
  readonly node: PyNode;
  readonly role: Role;
  /** The innermost scope the identifier belongs to (undefined: the cell's top level). */
  readonly scope: PyNode | undefined;
  /** Scopes between it and the cell, innermost first, as seen by name resolution. */
  readonly chain: readonly PyNode[];
}

/** Edits renaming `name` to `newName` in the cell, or why it cannot be done safely. */
export function renameInCell(cell: Cell, name: string, newName: string): TextEdit[] | string {
  const body = cell.body;
  const cellFunction = cell.definition;
  if (!body || !cellFunction) return "the cell has no body";
  const nodes = body.findAll({ rule: { kind: "identifier", regex: `^${escapeRegex(name)}$` } });
  const occurrences: Occurrence[] = [];
  for (const node of nodes) {
    const role = roleOf(node);
    if (role.kind === "ignore") continue;
    if (role.kind === "abort") return role.reason;
    const chain = scopeChain(node, cellFunction.id(), role);
    occurrences.push({ node, role, scope: chain[0], chain });
  }

  // What each nested scope does with the name.
  const binds = new Set<number>();
  const declaredGlobal = new Set<number>();
  for (const o of occurrences) {
    if (!o.scope) continue;
    if (o.role.kind === "bind" || o.role.kind === "parameter") binds.add(o.scope.id());
    if (o.role.kind === "global") declaredGlobal.add(o.scope.id());
  }

  const edits: TextEdit[] = [];
  for (const o of occurrences) {
    if (o.role.kind === "parameter") continue;
    if (o.role.kind === "nonlocal") continue;
    let local = false;
    let passedFunction = false;
    for (const scope of o.chain) {
      const kind = scope.kind();
      if (kind === "class_definition") {
        if (passedFunction) continue; // functions and comprehensions do not see class scopes
        if (binds.has(scope.id())) return "a class body in the cell binds the same name";
      }
      if (declaredGlobal.has(scope.id())) break;
      if (binds.has(scope.id())) {
        local = true;
        break;
      }
      if (kind !== "class_definition") passedFunction = true;
    }
    if (local) continue;
    if (o.role.kind === "global" && !o.scope) continue; // `global x` at the cell's top level: nothing to rename
    if (o.role.kind === "bind" && o.role.edit === "import") {
      const dotted = o.node.parent()!;
      edits.push(replaceRange(startOf(dotted), endOf(dotted), `${name} as ${newName}`));
    } else edits.push(replaceRange(startOf(o.node), endOf(o.node), newName));
  }
  return edits;
}

/** What an identifier spelled like the name is doing. */
function roleOf(node: PyNode): Role {
  const parent = node.parent();
  if (!parent) return { kind: "read" };
  const parentKind = String(parent.kind());
  switch (parentKind) {
    case "attribute":
      return isField(parent, "attribute", node) ? { kind: "ignore" } : { kind: "read" };
    case "keyword_argument":
      return isField(parent, "name", node) ? { kind: "ignore" } : { kind: "read" };
    case "keyword_pattern":
    case "case_pattern":
    case "class_pattern":
      return { kind: "abort", reason: "the name appears in a `match` pattern" };
    case "global_statement":
      // marimo mangles a private name in `global _x` but not its uses in the function, so
      // the function would read an unbound local (marimo 0.25): keep such names as they are.
      return { kind: "abort", reason: "a nested function declares it `global`, which marimo does not support for private names" };
    case "nonlocal_statement":
      return { kind: "nonlocal" };
    case "parameters":
    case "lambda_parameters":
      return { kind: "parameter" };
    case "function_definition":
    case "class_definition":
      return isField(parent, "name", node) ? { kind: "bind" } : { kind: "read" };
    case "aliased_import":
      return isField(parent, "alias", node) ? { kind: "bind" } : { kind: "ignore" };
    case "dotted_name": {
      const grand = parent.parent();
      const grandKind = grand?.kind();
      if (grandKind === "aliased_import" || grandKind === "import_statement" || grandKind === "import_from_statement" || grandKind === "relative_import") {
        if (grandKind === "aliased_import" || grandKind === "relative_import") return { kind: "ignore" };
        if (grandKind === "import_from_statement" && isField(grand!, "module_name", parent)) return { kind: "ignore" };
        if (parent.namedChildren()[0]?.id() !== node.id()) return { kind: "ignore" };
        if (parent.namedChildren().length > 1) return grandKind === "import_statement" ? { kind: "abort", reason: "`import a.b` binds the package name, which an alias cannot replace" } : { kind: "ignore" };
        return { kind: "bind", edit: "import" };
      }
      return { kind: "abort", reason: insideMatchPattern(parent) ? "the name appears in a `match` pattern" : "the name appears in a dotted name" };
    }
    default:
      break;
  }
  const grandKind = String(parent.parent()?.kind() ?? "");
  if ((parentKind === "list_splat_pattern" || parentKind === "dictionary_splat_pattern") && grandKind === "typed_parameter") return { kind: "parameter" };
  if (PARAMETER_WRAPPERS.has(parentKind) && /parameters$/.test(grandKind)) {
    // `x=1`, `x: int`, `*x`, `**x` in a parameter list: the name is bound; a default value or
    // annotation that mentions the name is a read.
    return isParameterName(parent, node) ? { kind: "parameter" } : { kind: "read" };
  }
  // Climb tuple / list / starred targets to the statement that binds them.
  let child: PyNode = node;
  let up: PyNode | null = parent;
  while (up && PATTERNS.has(String(up.kind()))) {
    child = up;
    up = up.parent();
  }
  if (!up) return { kind: "read" };
  switch (up.kind()) {
    case "assignment":
      return isField(up, "left", child) ? { kind: "bind" } : { kind: "read" };
    case "augmented_assignment":
      return isField(up, "left", child) ? { kind: "bind" } : { kind: "read" };
    case "for_statement":
    case "for_in_clause":
      return isField(up, "left", child) ? { kind: "bind" } : { kind: "read" };
    case "named_expression":
      return isField(up, "name", child) ? { kind: "bind" } : { kind: "read" };
    case "as_pattern_target":
      return { kind: "bind" };
    case "delete_statement":
      return { kind: "bind" };
    default:
      return { kind: "read" };
  }
}

function insideMatchPattern(node: PyNode): boolean {
  for (let current: PyNode | null = node; current; current = current.parent()) {
    const kind = String(current.kind());
    if (kind === "case_pattern" || kind === "case_clause") return true;
    if (kind === "block" || kind === "function_definition") return false;
  }
  return false;
}

function isParameterName(parameter: PyNode, node: PyNode): boolean {
  const kind = parameter.kind();
  if (kind === "default_parameter" || kind === "typed_default_parameter") return isField(parameter, "name", node);
  if (kind === "typed_parameter") return parameter.namedChildren()[0]?.id() === node.id();
  return true; // `*x`, `**x`
}

function isField(parent: PyNode, field: string, child: PyNode): boolean {
  return parent.field(field)?.id() === child.id();
}

/**
 * The scopes that enclose an identifier, innermost first, up to (not including) the cell's
 * function. Parameter defaults and annotations, decorators, base classes and the first
 * iterable of a comprehension are evaluated in the enclosing scope; a walrus target binds in
 * the nearest enclosing scope that is not a comprehension; a `def`/`class` name binds in the
 * scope around the definition.
 */
function scopeChain(node: PyNode, cellFunctionId: number, role: Role): PyNode[] {
  const chain: PyNode[] = [];
  let previous: PyNode = node;
  let beforePrevious: PyNode | undefined;
  const walrusTarget = role.kind === "bind" && node.parent()?.kind() === "named_expression";
  for (let current = node.parent(); current; current = current.parent()) {
    if (current.id() === cellFunctionId) break;
    const kind = String(current.kind());
    if (kind === "function_definition" || kind === "lambda" || kind === "class_definition") {
      // A parameter name belongs to its function; defaults and annotations do not.
      const ownParameter = role.kind === "parameter" && isField(current, "parameters", previous);
      if (isField(current, "body", previous) || ownParameter) chain.push(current);
    } else if (COMPREHENSIONS.has(kind)) {
      const clauses = current.namedChildren().filter((c) => c.kind() === "for_in_clause");
      const first = clauses[0];
      const inFirstIterable = first !== undefined && previous.id() === first.id() && beforePrevious !== undefined && isField(first, "right", beforePrevious);
      if (!inFirstIterable && !walrusTarget) chain.push(current);
    }
    beforePrevious = previous;
    previous = current;
  }
  return chain;
}
