// A cell's refs and defs under marimo's scoping rules (marimo-format.md, section 3).
//
// This walks the syntax tree from JavaScript, which costs a native call per node, so it runs
// only for notebooks that a fix is about to change (and its results are cached per cell text).
import type { PyNode } from "./python.js";
import { keepShape } from "./shapes.js";

export interface Annotation {
  /** The annotation as written, e.g. `int` or `list[Foo]`. */
  readonly text: string;
  /** Names the annotation reads. */
  readonly refs: ReadonlySet<string>;
}

export interface CellVariables {
  /** Public names the cell reads before binding them (builtins included; filtered later). */
  readonly refs: ReadonlySet<string>;
  /** Public names the cell binds at top level. */
  readonly defs: ReadonlySet<string>;
  /** Top-level `x: T = ...` annotations, by name. */
  readonly annotations: ReadonlyMap<string, Annotation>;
  /** The body has a top-level `await`, `async for` or `async with` (so the cell is `async def`). */
  readonly hasTopLevelAwait: boolean;
}

/** `_x`, `_` and `__` are private to a cell; `__dunder` is public (marimo's `is_local`). */
export function isPrivateName(name: string): boolean {
  return name === "__" || (name.startsWith("_") && !name.startsWith("__"));
}

/**
 * "annotation" holds what a `def` or `class` statement evaluates before its body (decorators,
 * defaults, annotations, bases) and a `type` alias's value, with the PEP 695 type parameters
 * (`def f[T]`, `type A[T] = ...`) it binds. marimo reads all these in the definition's own
 * block, so the scope hides the names it binds and passes every other read on to the scope
 * around it as a nested block's read, resolved against that scope's every binding: `class
 * C(Base)` then `Base = 1` reads nothing, nor does `type A = B` then `B = 1`.
 */
type ScopeKind = "module" | "function" | "class" | "comprehension" | "annotation";

class Scope {
  readonly bound = new Set<string>();
  readonly globals = new Set<string>();
  /**
   * Reads that came up from nested scopes (function bodies, lambdas, comprehensions): they
   * resolve against every binding of this scope, earlier or later, as marimo drops a nested
   * block's ref once an enclosing block defines the name.
   */
  readonly pendingReads: string[] = [];
  /**
   * Reads made directly in this function or class body before it bound the name. marimo reads
   * a body in order, so `x = best; best = 1` reads `best` from outside although Python would
   * call it local (and raise UnboundLocalError).
   */
  readonly earlyReads: string[] = [];
  /** Whether its reads are resolved: a lambda in a comprehension runs after the comprehension closed. */
  closed = false;
  readonly deferred: Array<() => void> = [];
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | undefined,
  ) {
    keepShape(this);
  }
}

class CellAnalyzer {
  readonly refs = new Set<string>();
  readonly defs = new Set<string>();
  readonly annotations = new Map<string, Annotation>();
  hasTopLevelAwait = false;
  private readonly module = new Scope("module", undefined);
  /**
   * Names bound by the `except ... as e` clauses being visited: inside the handler marimo
   * ignores them; they are never defs, and a read after the handler is a ref.
   */
  private obscured: string[] = [];

  constructor() {
    keepShape(this);
  }

  run(statements: readonly PyNode[]): void {
    for (const statement of statements) this.visit(statement, this.module);
    this.close(this.module);
  }

  // --- names -------------------------------------------------------------------------------

  /** A read of a name in `scope`; `nested` when it comes up from a scope inside it. */
  private read(rawName: string, scope: Scope, nested = false): void {
    const name = normalizeIdentifier(rawName);
    if (!nested && this.obscured.length > 0 && this.obscured.includes(name)) return;
    if (scope.kind === "module") {
      if (nested) scope.pendingReads.push(name);
      else if (!scope.bound.has(name)) this.refs.add(name);
      return;
    }
    if (scope.kind === "annotation") {
      // Type parameters are bound from the start (in order: `def f[T: U, U]` reads `U`).
      if (!scope.bound.has(name)) this.read(name, scope.parent!, true);
      return;
    }
    if (scope.globals.has(name)) {
      this.read(name, this.module, nested);
      return;
    }
    if (scope.closed) {
      // Every binding of a closed scope is known: resolve now.
      if (!scope.bound.has(name)) this.readOutside(name, scope);
      return;
    }
    if (nested || scope.kind === "comprehension") scope.pendingReads.push(name);
    else if (!scope.bound.has(name)) scope.earlyReads.push(name);
  }

  /** A read that `scope` does not bind, passed to the scope around it. */
  private readOutside(name: string, scope: Scope): void {
    let target = scope.parent!;
    // Function bodies do not see class scopes; but marimo, which keeps blocks rather than
    // Python's scopes, drops a method's ref to a name its class binds. A function's body sits in
    // the annotation scope of its signature, which sits in the class.
    if (scope.kind === "function") {
      for (; target.kind === "class" || target.kind === "annotation"; target = target.parent!) if (target.bound.has(name)) return;
    }
    this.read(name, target, true);
  }

  private bind(rawName: string, scope: Scope): void {
    const name = normalizeIdentifier(rawName);
    if (scope.kind === "module" || scope.globals.has(name)) {
      this.module.bound.add(name);
      this.defs.add(name);
      return;
    }
    scope.bound.add(name);
  }

  /** Runs deferred function bodies, then resolves reads that the scope did not bind. */
  private close(scope: Scope): void {
    while (scope.deferred.length > 0) scope.deferred.shift()!();
    if (scope.kind === "module") {
      for (const name of scope.pendingReads) if (!scope.bound.has(name)) this.refs.add(name);
      return;
    }
    scope.closed = true;
    for (const name of scope.earlyReads) this.readOutside(name, scope);
    for (const name of scope.pendingReads) if (!scope.bound.has(name)) this.readOutside(name, scope);
  }

  /** Where a function defined in `scope` gets its body evaluated later. */
  private deferralScope(scope: Scope): Scope {
    let s = scope;
    while (s.kind !== "module" && s.kind !== "function") s = s.parent!;
    return s;
  }

  // --- statements and expressions ----------------------------------------------------------

  private visitAll(nodes: readonly PyNode[], scope: Scope): void {
    for (const node of nodes) this.visit(node, scope);
  }

  private visit(node: PyNode, scope: Scope): void {
    const kind = node.kind();
    if (SIMPLE_EXPRESSION_KINDS.has(kind)) {
      // Most expressions bind nothing: read their names from the text in one native call.
      const names = expressionReads(node.text());
      if (names) {
        for (const name of names) this.read(name, scope);
        return;
      }
    } else if (kind === "expression_statement") {
      // `f(x)`, `y = f(x)`, `a, b = f(x)`: reads, then binds, from the text.
      const effects = statementEffects(node.text());
      if (effects) {
        for (const name of effects.reads) this.read(name, scope);
        for (const name of effects.binds) this.bind(name, scope);
        return;
      }
    } else if (kind === "return_statement") {
      const text = node.text();
      const names = text.startsWith("return") && !isIdContinueAt(text, 6) ? expressionReads(text.slice(6)) : undefined;
      if (names) {
        for (const name of names) this.read(name, scope);
        return;
      }
    }
    switch (kind) {
      case "identifier":
        this.read(node.text(), scope);
        return;
      case "comment":
      case "string_start":
      case "string_content":
      case "string_end":
      case "escape_sequence":
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
      case "ellipsis":
      case "type_conversion":
      case "pass_statement":
      case "break_statement":
      case "continue_statement":
      case "future_import_statement":
        return;
      case "attribute": {
        const object = node.field("object");
        if (object) this.visit(object, scope);
        return;
      }
      case "keyword_argument": {
        const value = node.field("value");
        if (value) this.visit(value, scope);
        return;
      }
      case "assignment":
        this.visitAssignment(node, scope);
        return;
      case "augmented_assignment": {
        const left = node.field("left");
        const right = node.field("right");
        if (right) this.visit(right, scope);
        // marimo only stores the target (`x += 1` defines x and reads nothing).
        if (left?.kind() === "identifier") this.bind(left.text(), scope);
        else if (left) this.visit(left, scope);
        return;
      }
      case "named_expression": {
        const value = node.field("value");
        if (value) this.visit(value, scope);
        let target = scope;
        while (target.kind === "comprehension") target = target.parent!;
        const name = node.field("name");
        if (name) this.bind(name.text(), target);
        return;
      }
      case "import_statement":
        for (const child of node.namedChildren()) this.bindImported(child, scope, true);
        return;
      case "import_from_statement": {
        const moduleName = node.field("module_name");
        for (const child of node.namedChildren()) {
          if (moduleName && child.id() === moduleName.id()) continue;
          this.bindImported(child, scope, false);
        }
        return;
      }
      case "global_statement":
      case "nonlocal_statement":
        // `global G` in a function: assigning G there defines it for the cell; reading it is a ref.
        if (node.kind() === "global_statement" && scope.kind !== "module") {
          for (const id of node.namedChildren()) scope.globals.add(id.text());
        }
        return;
      case "delete_statement":
        // `del x` reads x (it must exist) and defines nothing.
        for (const child of node.namedChildren()) this.visitDeleteTarget(child, scope);
        return;
      case "for_statement":
      case "for_in_clause":
        if (node.kind() === "for_statement") this.visitFor(node, scope);
        return;
      case "with_statement":
        this.visitWith(node, scope);
        return;
      case "except_clause":
      case "except_group_clause":
        this.visitExcept(node, scope);
        return;
      case "function_definition":
        this.visitFunction(node, scope);
        return;
      case "decorated_definition": {
        const children = node.namedChildren();
        const definition = children[children.length - 1];
        // marimo reads decorators in the definition's block (a generic function's type
        // parameters are bound there).
        if (definition?.kind() === "function_definition") this.visitFunction(definition, scope, children.slice(0, -1));
        else if (definition?.kind() === "class_definition") this.visitClass(definition, scope, children.slice(0, -1));
        else this.visitAll(children, scope);
        return;
      }
      case "class_definition":
        this.visitClass(node, scope);
        return;
      case "lambda":
        this.visitLambda(node, scope);
        return;
      case "list_comprehension":
      case "set_comprehension":
      case "dictionary_comprehension":
      case "generator_expression":
        this.visitComprehension(node, scope);
        return;
      case "await":
        if (!insideFunction(scope)) this.hasTopLevelAwait = true;
        this.visitAll(node.namedChildren(), scope);
        return;
      case "match_statement":
        this.visitMatch(node, scope);
        return;
      case "type_alias_statement": {
        // `type A[T] = V` defines A first (marimo: `type Rec = list[Rec]` reads nothing), then
        // reads V in an annotation scope that binds T.
        const head = node.field("left")?.namedChildren()[0];
        const generic = head?.kind() === "generic_type";
        const name = generic ? head!.namedChildren()[0] : head;
        if (name?.kind() === "identifier") this.bind(name.text(), scope);
        const annotation = new Scope("annotation", scope);
        const parameters = generic ? head!.namedChildren().find((child) => child.kind() === "type_parameter") : undefined;
        if (parameters) this.bindTypeParameters(parameters, annotation, annotation);
        const value = node.field("right");
        if (value) this.visit(value, annotation);
        return;
      }
      default:
        this.visitAll(node.namedChildren(), scope);
    }
  }

  private visitAssignment(node: PyNode, scope: Scope): void {
    const left = node.field("left");
    const right = node.field("right");
    const type = node.field("type");
    if (right) this.visit(right, scope);
    if (type) {
      const before = new Set(this.refs);
      this.visit(type, scope);
      if (scope.kind === "module" && left?.kind() === "identifier") {
        const annotationRefs = new Set<string>();
        for (const id of identifiersIn(type)) annotationRefs.add(id);
        for (const r of this.refs) if (!before.has(r)) annotationRefs.add(r);
        if (!this.annotations.has(left.text())) {
          this.annotations.set(left.text(), { text: type.text(), refs: annotationRefs });
        }
      }
    }
    if (left) {
      // A bare annotation `x: int` binds nothing at run time, but marimo counts it as a def.
      this.bindTarget(left, scope);
    }
  }

  private bindTarget(node: PyNode, scope: Scope): void {
    forEachTargetName(
      node,
      (name) => this.bind(name.text(), scope),
      // Attribute and subscript targets read their object and define nothing.
      (other) => this.visit(other, scope),
    );
  }

  private visitDeleteTarget(node: PyNode, scope: Scope): void {
    const kind = node.kind();
    if (kind === "expression_list" || kind === "tuple" || kind === "list" || kind === "parenthesized_expression") {
      for (const child of node.namedChildren()) this.visitDeleteTarget(child, scope);
      return;
    }
    this.visit(node, scope);
  }

  private bindImported(node: PyNode, scope: Scope, isPlainImport: boolean): void {
    if (node.kind() === "aliased_import") {
      const alias = node.field("alias");
      if (alias) this.bind(alias.text(), scope);
    } else if (node.kind() === "dotted_name") {
      // `import a.b` binds `a`; `from m import a` binds `a`.
      const first = node.namedChildren()[0];
      if (first) this.bind(isPlainImport ? first.text() : node.text(), scope);
    }
  }

  private visitFor(node: PyNode, scope: Scope): void {
    if (!insideFunction(scope) && node.child(0)?.kind() === "async") this.hasTopLevelAwait = true;
    const left = node.field("left");
    const right = node.field("right");
    if (right) this.visit(right, scope);
    if (left) this.bindTarget(left, scope);
    const body = node.field("body");
    if (body) this.visit(body, scope);
    const alternative = node.field("alternative");
    if (alternative) this.visit(alternative, scope);
  }

  private visitWith(node: PyNode, scope: Scope): void {
    if (!insideFunction(scope) && node.child(0)?.kind() === "async") this.hasTopLevelAwait = true;
    for (const child of node.namedChildren()) {
      if (child.kind() !== "with_clause") {
        this.visit(child, scope);
        continue;
      }
      for (const item of child.namedChildren()) {
        const value = item.field("value") ?? item.namedChildren()[0];
        if (!value) continue;
        if (value.kind() === "as_pattern") {
          const [expression, target] = value.namedChildren();
          if (expression) this.visit(expression, scope);
          if (target) this.bindTarget(target, scope);
        } else this.visit(value, scope);
      }
    }
  }

  private visitExcept(node: PyNode, scope: Scope): void {
    let name: string | undefined;
    for (const child of node.namedChildren()) {
      if (child.kind() === "as_pattern") {
        const [expression, target] = child.namedChildren();
        if (expression) this.visit(expression, scope);
        const id = target?.namedChildren()[0];
        if (id?.kind() === "identifier") name = normalizeIdentifier(id.text());
      } else if (name !== undefined) {
        this.obscured.push(name);
        this.visit(child, scope);
        this.obscured.pop();
      } else this.visit(child, scope);
    }
  }

  private visitParameters(parameters: PyNode | null, outer: Scope, inner: Scope): void {
    if (!parameters) return;
    for (const param of parameters.namedChildren()) {
      switch (param.kind()) {
        case "identifier":
          inner.bound.add(param.text());
          break;
        case "default_parameter":
        case "typed_default_parameter": {
          const value = param.field("value");
          if (value) this.visit(value, outer);
          const type = param.field("type");
          if (type) this.visit(type, outer);
          const name = param.field("name");
          if (name) inner.bound.add(name.text());
          break;
        }
        case "typed_parameter": {
          const type = param.field("type");
          if (type) this.visit(type, outer);
          for (const id of param.namedChildren()) {
            if (id.kind() === "identifier") inner.bound.add(id.text());
            else if (id.kind() === "list_splat_pattern" || id.kind() === "dictionary_splat_pattern") {
              const name = id.namedChildren()[0];
              if (name) inner.bound.add(name.text());
            }
          }
          break;
        }
        case "list_splat_pattern":
        case "dictionary_splat_pattern": {
          const name = param.namedChildren()[0];
          if (name) inner.bound.add(name.text());
          break;
        }
        default:
          break;
      }
    }
  }

  private visitFunction(node: PyNode, scope: Scope, decorators: readonly PyNode[] = []): void {
    const name = node.field("name");
    // Decorators, defaults and annotations run now, in the enclosing scope; but marimo reads
    // them in the function's block, as a nested block's reads: a method's `x: T` is no ref when
    // its class binds T, even after the method. In `def f[T: B](x: T) -> T`, T is bound there
    // from the start, for all of these and the body: never a ref or def.
    const outer = new Scope("annotation", scope);
    const typeParameters = node.field("type_parameters");
    if (typeParameters) this.bindTypeParameters(typeParameters, outer, outer);
    this.visitAll(decorators, outer);
    const inner = new Scope("function", outer);
    this.visitParameters(node.field("parameters"), outer, inner);
    const returnType = node.field("return_type");
    if (returnType) this.visit(returnType, outer);
    if (name) this.bind(name.text(), scope);
    const body = node.field("body");
    this.defer(scope, () => {
      if (body) this.visit(body, inner);
      this.close(inner);
    });
  }

  /**
   * Binds the names of a `[T: Bound, *Ts, **P]` list in `bindIn`, reading each bound (or
   * constraints tuple) in `readIn` right after its own name is bound, as marimo does.
   */
  private bindTypeParameters(parameters: PyNode, bindIn: Scope, readIn: Scope): void {
    for (const type of parameters.namedChildren()) {
      const parameter = type.namedChildren()[0];
      if (!parameter) continue;
      switch (parameter.kind()) {
        case "identifier":
          bindIn.bound.add(normalizeIdentifier(parameter.text()));
          break;
        case "constrained_type": {
          const [nameType, bound] = parameter.namedChildren();
          const id = nameType?.namedChildren()[0];
          if (id?.kind() === "identifier") bindIn.bound.add(normalizeIdentifier(id.text()));
          if (bound) this.visit(bound, readIn);
          break;
        }
        case "splat_type": {
          const id = parameter.namedChildren()[0];
          if (id?.kind() === "identifier") bindIn.bound.add(normalizeIdentifier(id.text()));
          break;
        }
        default:
          this.visit(parameter, readIn);
      }
    }
  }

  /** Runs `visit` when `scope`'s function (or the cell) closes, with the `except` names that are obscured here. */
  private defer(scope: Scope, visit: () => void): void {
    const obscured = [...this.obscured];
    this.deferralScope(scope).deferred.push(() => {
      const outer = this.obscured;
      this.obscured = obscured;
      visit();
      this.obscured = outer;
    });
  }

  private visitLambda(node: PyNode, scope: Scope): void {
    const inner = new Scope("function", scope);
    this.visitParameters(node.field("parameters"), scope, inner);
    const body = node.field("body");
    this.defer(scope, () => {
      if (body) this.visit(body, inner);
      this.close(inner);
    });
  }

  private visitClass(node: PyNode, scope: Scope, decorators: readonly PyNode[] = []): void {
    // Decorators, bases and keywords run now, in the enclosing scope; marimo reads them in the
    // class's block, as a nested block's reads (`class C(Base)` then `Base = 1` reads nothing).
    // The class's type parameters are not bound there yet: `class C[T](Base[T])` reads `T`.
    const outer = new Scope("annotation", scope);
    this.visitAll(decorators, outer);
    const superclasses = node.field("superclasses");
    if (superclasses) this.visit(superclasses, outer);
    const inner = new Scope("class", scope);
    const body = node.field("body");
    if (body) this.visit(body, inner);
    // marimo binds a class's type parameters in its block after its bases and body: a direct
    // read there (`class C[T](Base[T])`, `x: T`) is a ref, a method's or comprehension's is not.
    const typeParameters = node.field("type_parameters");
    if (typeParameters) this.bindTypeParameters(typeParameters, inner, inner);
    this.close(inner);
    const name = node.field("name");
    if (name) this.bind(name.text(), scope);
  }

  private visitComprehension(node: PyNode, scope: Scope): void {
    const inner = new Scope("comprehension", scope);
    const clauses = node.namedChildren();
    let first = true;
    const bodies: PyNode[] = [];
    for (const clause of clauses) {
      if (clause.kind() === "for_in_clause") {
        const right = clause.field("right");
        // The first iterable is evaluated in the enclosing scope.
        if (right) this.visit(right, first ? scope : inner);
        first = false;
        const left = clause.field("left");
        if (left) this.bindTarget(left, inner);
      } else if (clause.kind() === "if_clause") {
        this.visitAll(clause.namedChildren(), inner);
      } else bodies.push(clause);
    }
    for (const body of bodies) this.visit(body, inner);
    this.close(inner);
  }

  private visitMatch(node: PyNode, scope: Scope): void {
    for (const child of node.namedChildren()) {
      if (child.kind() !== "block") {
        this.visit(child, scope);
        continue;
      }
      for (const clause of child.namedChildren()) {
        if (clause.kind() !== "case_clause") continue;
        for (const part of clause.namedChildren()) {
          if (part.kind() === "case_pattern") this.bindCapturePattern(part, scope);
          else this.visit(part, scope);
        }
      }
    }
  }

  /** Capture names in `case` patterns bind; dotted value patterns (`Color.RED`) read. */
  private bindCapturePattern(node: PyNode, scope: Scope): void {
    switch (node.kind()) {
      case "dotted_name": {
        const parts = node.namedChildren();
        if (parts.length === 1) {
          if (parts[0]!.text() !== "_") this.bind(parts[0]!.text(), scope);
        } else if (parts[0]) this.read(parts[0].text(), scope);
        return;
      }
      case "class_pattern": {
        const [className, ...rest] = node.namedChildren();
        // The class name is read; only the sub-patterns capture.
        const first = className?.namedChildren()[0];
        if (first) this.read(first.text(), scope);
        for (const part of rest) this.bindCapturePattern(part, scope);
        return;
      }
      case "keyword_pattern": {
        const [, value] = node.namedChildren();
        if (value) this.bindCapturePattern(value, scope);
        return;
      }
      case "splat_pattern":
      case "identifier": {
        const id = node.kind() === "identifier" ? node : node.namedChildren()[0];
        if (id && id.text() !== "_") this.bind(id.text(), scope);
        return;
      }
      case "string":
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
        return;
      default:
        for (const child of node.namedChildren()) this.bindCapturePattern(child, scope);
    }
  }
}

/** Python NFKC-normalizes identifiers (`ﬁle` is `file`). */
function normalizeIdentifier(name: string): string {
  return /^[\x00-\x7f]*$/.test(name) ? name : name.normalize("NFKC");
}

/** Whether code in `scope` runs inside a function (so its `await` does not make the cell async). */
function insideFunction(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === "function") return true;
  return false;
}

function identifiersIn(node: PyNode): string[] {
  if (node.kind() === "identifier") return [node.text()];
  return node.findAll({ rule: { kind: "identifier", not: { inside: { kind: "attribute", field: "attribute" } } } }).map((n) => n.text());
}

/** Refs and defs of one cell body (statements without the trailing `return`). */
export function analyzeCell(statements: readonly PyNode[]): CellVariables {
  const analyzer = new CellAnalyzer();
  analyzer.run(statements);
  const refs = new Set<string>();
  for (const r of analyzer.refs) if (!isPrivateName(r)) refs.add(r);
  const defs = new Set<string>();
  for (const d of analyzer.defs) if (!isPrivateName(d)) defs.add(d);
  return { refs, defs, annotations: analyzer.annotations, hasTopLevelAwait: analyzer.hasTopLevelAwait };
}

// --- expressions read from their text ------------------------------------------------------

/**
 * Expression kinds whose names `visit` reads as plain identifiers (attribute names and keyword
 * argument names excepted), unless they hold a lambda, comprehension, walrus, await or f-string.
 */
const SIMPLE_EXPRESSION_KINDS: ReadonlySet<unknown> = new Set([
  "call",
  "attribute",
  "subscript",
  "binary_operator",
  "boolean_operator",
  "comparison_operator",
  "not_operator",
  "unary_operator",
  "conditional_expression",
  "parenthesized_expression",
  "tuple",
  "list",
  "set",
  "dictionary",
  "pair",
  "argument_list",
  "keyword_argument",
  "expression_list",
  "slice",
  "list_splat",
  "dictionary_splat",
  "string",
  "concatenated_string",
]);

/** Keywords that may stand in a simple expression and are not names. */
const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not", "in", "is", "if", "else", "None", "True", "False", "yield", "from"]);
/** Keywords of constructs the text reader does not model: the tree is walked instead. */
const COMPLEX_KEYWORDS: ReadonlySet<string> = new Set([
  "lambda", "await", "async", "for", "as", "def", "class", "import", "global", "nonlocal", "del", "with", "while",
  "try", "except", "finally", "raise", "return", "pass", "break", "continue", "assert", "elif",
]);

const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /[\p{XID_Continue}]/u;
const STRING_PREFIX = /^(?:[rRbBuU]|[rR][bB]|[bB][rR])$/;

function isIdStart(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return ID_START.test(ch);
}

function isIdContinue(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  return ID_CONTINUE.test(ch);
}

/** Skips spaces, line breaks, backslash continuations and comments from `i`. */
function skipBlank(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) i++;
    else if (c === 92 && (text.charCodeAt(i + 1) === 10 || (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10))) i += text.charCodeAt(i + 1) === 10 ? 2 : 3;
    else if (c === 35) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else return i;
  }
}

/** End of the string literal whose opening quote is at `i`, or -1. */
function skipString(text: string, i: number): number {
  const q = text.charCodeAt(i);
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  i += triple ? 3 : 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === q) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) return i + 3;
      i++;
    } else if (c === 10 && !triple) return -1;
    else i++;
  }
  return -1;
}

/**
 * The names a simple expression reads, in order: every identifier except attribute names
 * (`x.name`) and keyword argument names (`f(name=...)`). Undefined when the text holds
 * something this reader does not model (lambda, comprehension, walrus, await, f-string, an
 * unexpected character), so that the caller walks the tree instead.
 */
export function expressionReads(text: string): string[] | undefined {
  const names: string[] = [];
  let afterDot = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    i = skipBlank(text, i);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (isIdStart(c, ch)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128 ? (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 : isIdContinueAt(text, j)) j += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        else break;
      }
      const word = text.slice(i, j);
      const next = text.charCodeAt(j);
      if (next === 34 || next === 39) {
        // A string prefix: `rb"..."`. f-strings hold expressions: walk the tree for those.
        if (!STRING_PREFIX.test(word)) return undefined;
        const end = skipString(text, j);
        if (end < 0) return undefined;
        i = end;
        afterDot = false;
        continue;
      }
      i = j;
      if (afterDot) {
        afterDot = false;
        continue;
      }
      if (COMPLEX_KEYWORDS.has(word)) return undefined;
      if (EXPRESSION_KEYWORDS.has(word)) continue;
      const k = skipBlank(text, j);
      if (text.charCodeAt(k) === 61 && text.charCodeAt(k + 1) !== 61) continue; // `name=value`
      names.push(word);
      continue;
    }
    afterDot = false;
    if (c >= 48 && c <= 57) {
      // A number, with its letters, dots and exponent: `1e5`, `0x1F`, `1.5j`, `1_000`.
      let j = i + 1;
      for (;;) {
        const d = text.charCodeAt(j);
        if ((d >= 48 && d <= 57) || (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 95 || d === 46) j++;
        else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) === 101 || text.charCodeAt(j - 1) === 69) && !/[xX]/.test(text.slice(i, j))) j++;
        else break;
      }
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      const end = skipString(text, i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (c === 46) {
      // `.name` is an attribute; `...` is the ellipsis; `.5` is a number.
      if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
        i += 3;
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (d >= 48 && d <= 57) {
        i++;
        continue;
      }
      afterDot = true;
      i++;
      continue;
    }
    if (c === 58 && text.charCodeAt(i + 1) === 61) return undefined; // `:=`
    if (c >= 128) return undefined;
    i++;
  }
  return names;
}

function isIdContinueAt(text: string, j: number): boolean {
  const cp = text.codePointAt(j);
  if (cp === undefined) return false;
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 95;
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

// --- defs alone ---------------------------------------------------------------------------

const FALLBACK = Symbol("fallback");
/** Statements that contain no binding at module scope (their expressions bind nothing either). */
const NO_BINDING_STATEMENTS: ReadonlySet<unknown> = new Set([
  "comment",
  "future_import_statement",
  "delete_statement",
  "return_statement",
  "raise_statement",
  "assert_statement",
  "pass_statement",
  "break_statement",
  "continue_statement",
  "print_statement",
  "exec_statement",
  "nonlocal_statement",
  "global_statement",
]);
/** Children of compound statements that hold statements. */
const STATEMENT_CONTAINERS: ReadonlySet<unknown> = new Set(["block", "elif_clause", "else_clause", "finally_clause", "except_clause", "except_group_clause"]);

/**
 * The public names a cell body binds at top level (`analyzeCell(statements).defs` as a set),
 * found by walking statements and assignment targets only. Undefined when the text has a walrus,
 * a `global`, or a statement this walk does not model (`match`, `type X = ...`): analyse the
 * whole cell then.
 */
export function definedNames(statements: readonly PyNode[], text: string): ReadonlySet<string> | undefined {
  if (text.includes(":=") || /\bglobal\b/.test(text)) return undefined;
  const found = new Set<string>();
  const bind = (raw: string) => {
    const name = normalizeIdentifier(raw);
    if (!isPrivateName(name)) found.add(name);
  };
  // Attribute and subscript targets only read.
  const target = (node: PyNode): void => forEachTargetName(node, (name) => bind(name.text()), () => {});
  const assignment = (node: PyNode): void => {
    // A chained assignment (`a = b = 1`) nests the next one as its right side; it has two `=`
    // at least, and most assignments one, so the text spares a native node for those.
    const text = node.text();
    const right = text.indexOf("=") === text.lastIndexOf("=") ? null : node.field("right");
    if (right?.kind() === "assignment") assignment(right);
    const left = node.field("left");
    if (left) target(left);
  };
  const imported = (node: PyNode, isPlainImport: boolean): void => {
    const kind = node.kind();
    if (kind === "aliased_import") {
      const alias = node.field("alias");
      if (alias) bind(alias.text());
    } else if (kind === "dotted_name") {
      const first = node.namedChildren()[0];
      if (first) bind(isPlainImport ? first.text() : node.text());
    }
  };
  const statement = (node: PyNode): void => {
    const kind = node.kind();
    if (NO_BINDING_STATEMENTS.has(kind)) return;
    switch (kind) {
      case "expression_statement":
        for (const child of node.namedChildren()) {
          const k = child.kind();
          if (k === "assignment") assignment(child);
          else if (k === "augmented_assignment") {
            const left = child.field("left");
            if (left?.kind() === "identifier") bind(left.text());
          }
        }
        return;
      case "import_statement":
        for (const child of node.namedChildren()) imported(child, true);
        return;
      case "import_from_statement": {
        const moduleName = node.field("module_name");
        for (const child of node.namedChildren()) {
          if (moduleName && child.id() === moduleName.id()) continue;
          imported(child, false);
        }
        return;
      }
      case "function_definition":
      case "class_definition": {
        const name = node.field("name");
        if (name) bind(name.text());
        return;
      }
      case "decorated_definition":
        for (const child of node.namedChildren()) {
          const k = child.kind();
          if (k === "function_definition" || k === "class_definition") statement(child);
        }
        return;
      case "for_statement": {
        const left = node.field("left");
        if (left) target(left);
        for (const child of node.namedChildren()) if (STATEMENT_CONTAINERS.has(child.kind())) statement(child);
        return;
      }
      case "with_statement":
        for (const child of node.namedChildren()) {
          const k = child.kind();
          if (k === "block") statement(child);
          else if (k === "with_clause") {
            for (const item of child.namedChildren()) {
              const value = item.field("value") ?? item.namedChildren()[0];
              if (value?.kind() !== "as_pattern") continue;
              const t = value.namedChildren()[1];
              if (t) target(t);
            }
          }
        }
        return;
      case "if_statement":
      case "while_statement":
      case "try_statement":
      case "block":
      case "elif_clause":
      case "else_clause":
      case "finally_clause":
      case "except_clause":
      case "except_group_clause":
        for (const child of node.namedChildren()) {
          const k = child.kind();
          if (STATEMENT_CONTAINERS.has(k) || (kind === "block" && k !== "comment")) statement(child);
        }
        return;
      default:
        throw FALLBACK;
    }
  };
  try {
    for (const s of statements) statement(s);
  } catch (error) {
    if (error === FALLBACK) return undefined;
    throw error;
  }
  return found;
}

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

/**
 * What an expression statement does, from its text: the names it reads, then the names it
 * binds (`x = ...`, `a, b = ...`). Undefined for anything else (annotations, augmented or
 * chained assignments, attribute or subscript targets, starred targets) or when the value is
 * not a simple expression.
 */
function statementEffects(text: string): { reads: string[]; binds: string[] } | undefined {
  let depth = 0;
  let split = -1;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      // The reader below rejects f-strings; here a string is only skipped.
      const end = skipString(text, i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (c === 35) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (depth === 0 && c === 58) return undefined; // annotation, or `:=`
    else if (depth === 0 && c === 61) {
      const before = text.charCodeAt(i - 1);
      if (text.charCodeAt(i + 1) === 61) {
        i += 2; // `==`
        continue;
      }
      if (before === 33 || ((before === 60 || before === 62) && text.charCodeAt(i - 2) !== before)) {
        i++; // `!=`, `<=`, `>=`
        continue;
      }
      if (split !== -1 || /[+\-*/%&|^@<>]/.test(String.fromCharCode(before))) return undefined; // chained or augmented
      split = i;
    }
    i++;
  }
  if (split === -1) {
    const reads = expressionReads(text);
    return reads ? { reads, binds: [] } : undefined;
  }
  const binds: string[] = [];
  const targets = text.slice(0, split).split(",");
  for (const [i, raw] of targets.entries()) {
    const name = raw.trim();
    if (name === "" && i === targets.length - 1 && i > 0) continue; // `a, = x`
    if (!IDENTIFIER.test(name) || COMPLEX_KEYWORDS.has(name) || EXPRESSION_KEYWORDS.has(name)) return undefined;
    binds.push(name);
  }
  const reads = expressionReads(text.slice(split + 1));
  return reads ? { reads, binds } : undefined;
}

/**
 * Walks an assignment target (`a`, `a, (b, *c)`, `[a, b]`): `onName` for each name it binds,
 * `onOther` for the attribute and subscript targets, which bind nothing.
 */
function forEachTargetName(node: PyNode, onName: (name: PyNode) => void, onOther: (node: PyNode) => void): void {
  switch (node.kind()) {
    case "identifier":
      onName(node);
      return;
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "tuple":
    case "list":
    case "parenthesized_expression":
    case "list_splat_pattern":
    case "list_splat":
    case "as_pattern_target":
      for (const child of node.namedChildren()) forEachTargetName(child, onName, onOther);
      return;
    default:
      onOther(node);
  }
}
