// Renames a global of one cell to a private name (NVO002): every identifier in the cell that
// refers to the cell-level binding, and nothing else. Attribute names (`obj.x`), keyword argument
// names (`f(x=1)`), strings and comments are never identifiers of the name; an identifier inside
// a nested function, lambda, comprehension or class refers to the cell-level binding unless that
// scope binds the name itself (a parameter, an assignment, a loop or comprehension variable)
// without declaring it `global`.
//
// The occurrences are found by one native query (identifiers spelled like the name), the cell's
// nested scopes by another (read once per cell, as ranges); each occurrence's role comes from
// its few nearest ancestors, its scopes from the ranges that contain it.
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
  | { kind: "bind"; edit?: "import"; walrus?: true }
  | { kind: "parameter" }
  | { kind: "global" }
  | { kind: "nonlocal" }
  | { kind: "abort"; reason: string };

interface Range {
  readonly start: number;
  readonly end: number;
}

/** A function, lambda, class or comprehension nested in the cell, read once per cell. */
interface Scope extends Range {
  readonly kind: string;
  /** Functions, lambdas and classes: where the scope's own names live. */
  readonly body: Range | undefined;
  readonly parameters: Range | undefined;
  /** Comprehensions: the first iterable, evaluated in the enclosing scope. */
  readonly firstIterable: Range | undefined;
}

interface Occurrence {
  readonly node: PyNode;
  readonly role: Role;
  /** The innermost scope the identifier belongs to (undefined: the cell's top level). */
  readonly scope: Scope | undefined;
  /** Scopes between it and the cell, innermost first, as seen by name resolution. */
  readonly chain: readonly Scope[];
}

/** Edits renaming `name` to `newName` in the cell, or why it cannot be done safely. */
export function renameInCell(cell: Cell, name: string, newName: string): TextEdit[] | string {
  const body = cell.body;
  if (!body || !cell.definition) return "the cell has no body";
  const nodes = identifiersNamed(cell, body, name);
  const occurrences: Occurrence[] = [];
  for (const node of nodes) {
    const role = roleOf(node);
    if (role.kind === "ignore") continue;
    if (role.kind === "abort") return role.reason;
    const chain = scopeChain(node, scopesOf(cell, body), role);
    occurrences.push({ node, role, scope: chain[0], chain });
  }

  // What each nested scope does with the name.
  const binds = new Set<Scope>();
  const declaredGlobal = new Set<Scope>();
  for (const o of occurrences) {
    if (!o.scope) continue;
    if (o.role.kind === "bind" || o.role.kind === "parameter") binds.add(o.scope);
    if (o.role.kind === "global") declaredGlobal.add(o.scope);
  }

  const edits: TextEdit[] = [];
  for (const o of occurrences) {
    if (o.role.kind === "parameter") continue;
    if (o.role.kind === "nonlocal") continue;
    let local = false;
    let passedFunction = false;
    for (const scope of o.chain) {
      const kind = scope.kind;
      if (kind === "class_definition") {
        if (passedFunction) continue; // functions and comprehensions do not see class scopes
        if (binds.has(scope)) return "a class body in the cell binds the same name";
      }
      if (declaredGlobal.has(scope)) break;
      if (binds.has(scope)) {
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

/**
 * Names that will be renamed in a cell, registered before any rename is computed so that one
 * native query finds the identifiers of all of them: a cell often has a dozen names to rename,
 * and each query walks the cell and compiles its regex.
 */
interface CellNames {
  readonly names: Set<string>;
  byName: Map<string, PyNode[]> | undefined;
}

const registeredNames = new WeakMap<Cell, CellNames>();

/** Announces that `name` may be renamed in `cell` (see `CellNames`). */
export function willRename(cell: Cell, name: string): void {
  const entry = registeredNames.get(cell);
  if (entry) entry.names.add(name);
  else registeredNames.set(cell, { names: new Set([name]), byName: undefined });
}

/**
 * The identifiers of the cell that are `name`, in source order. Python reads identifiers in
 * their NFKC form (`ﬁle` is `file`), so a cell with non-ASCII identifiers may spell the name in
 * other ways; those are renamed too.
 */
function identifiersNamed(cell: Cell, body: PyNode, name: string): PyNode[] {
  const spelled = identifiersSpelled(cell, body, name);
  const other = hasOtherSpellings(cell, body) ? otherSpellings(body, name) : [];
  return other.length === 0 ? spelled : [...spelled, ...other].sort((a, b) => startOf(a) - startOf(b));
}

/** Per cell: whether its text changes under NFKC (read once: a cell may have hundreds of renames). */
const nfkcVariants = new WeakMap<Cell, boolean>();

function hasOtherSpellings(cell: Cell, body: PyNode): boolean {
  let found = nfkcVariants.get(cell);
  if (found === undefined) {
    const text = body.text();
    nfkcVariants.set(cell, (found = /[^\x00-\x7F]/.test(text) && text.normalize("NFKC") !== text));
  }
  return found;
}

function otherSpellings(body: PyNode, name: string): PyNode[] {
  return body.findAll({ rule: { kind: "identifier", regex: "[^\\x00-\\x7F]" } }).filter((node) => {
    const text = node.text();
    return text !== name && text.normalize("NFKC") === name;
  });
}

/** The identifiers of the cell spelled exactly like `name`, in source order. */
function identifiersSpelled(cell: Cell, body: PyNode, name: string): PyNode[] {
  const entry = registeredNames.get(cell);
  if (!entry?.names.has(name)) return body.findAll({ rule: { kind: "identifier", regex: `^${escapeRegex(name)}$` } });
  const byName = (entry.byName ??= new Map());
  if (!byName.has(name)) {
    // The first rename of the cell queries every registered name; a name registered after that
    // is queried with the others not yet looked up.
    const wanted = [...entry.names].filter((n) => !byName.has(n));
    for (const n of wanted) byName.set(n, []);
    for (const node of body.findAll({ rule: { kind: "identifier", regex: `^(?:${wanted.map(escapeRegex).join("|")})$` } })) byName.get(node.text())?.push(node);
  }
  return byName.get(name)!;
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
      // Only the identifier itself can be a walrus target (patterns are not climbed to one).
      return isField(up, "name", child) ? { kind: "bind", walrus: true } : { kind: "read" };
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

const SCOPE_KINDS = { rule: { any: ["function_definition", "lambda", "class_definition", ...COMPREHENSIONS].map((kind) => ({ kind })) } };

function rangeOf(node: PyNode | null): Range | undefined {
  if (!node) return undefined;
  const range = node.range();
  return { start: range.start.index, end: range.end.index };
}

function within(range: Range | undefined, node: Range): boolean {
  return range !== undefined && range.start <= node.start && node.end <= range.end;
}

/**
 * The scopes nested in a cell, outermost first (the query's pre-order), read once per cell:
 * several names of a cell may be renamed, each with many occurrences, and walking up from each
 * occurrence would cost a native call per ancestor.
 */
const scopesCache = new WeakMap<Cell, readonly Scope[]>();

function scopesOf(cell: Cell, body: PyNode): readonly Scope[] {
  let scopes = scopesCache.get(cell);
  if (!scopes) {
    scopes = body.findAll(SCOPE_KINDS).map((node) => {
      const kind = String(node.kind());
      const comprehension = COMPREHENSIONS.has(kind);
      const firstClause = comprehension ? node.namedChildren().find((c) => c.kind() === "for_in_clause") : undefined;
      return {
        kind,
        ...rangeOf(node)!,
        body: comprehension ? undefined : rangeOf(node.field("body")),
        parameters: comprehension ? undefined : rangeOf(node.field("parameters")),
        firstIterable: rangeOf(firstClause?.field("right") ?? null),
      };
    });
    scopesCache.set(cell, scopes);
  }
  return scopes;
}

/**
 * The scopes that enclose an identifier, innermost first, up to (not including) the cell's
 * function. Parameter defaults and annotations, decorators, base classes and the first
 * iterable of a comprehension are evaluated in the enclosing scope; a walrus target binds in
 * the nearest enclosing scope that is not a comprehension; a `def`/`class` name binds in the
 * scope around the definition.
 */
function scopeChain(node: PyNode, scopes: readonly Scope[], role: Role): Scope[] {
  if (scopes.length === 0) return [];
  const at = rangeOf(node)!;
  const walrusTarget = role.kind === "bind" && role.walrus === true;
  const chain: Scope[] = [];
  for (const scope of scopes) {
    if (!within(scope, at)) continue;
    if (COMPREHENSIONS.has(scope.kind)) {
      if (!within(scope.firstIterable, at) && !walrusTarget) chain.push(scope);
    } else if (within(scope.body, at) || (role.kind === "parameter" && within(scope.parameters, at))) {
      // A parameter name belongs to its function; defaults and annotations do not.
      chain.push(scope);
    }
  }
  return chain.reverse();
}
