// marimo UI elements in a notebook (`mo.ui.slider(...)`, `ui.number(...)`, `.form()` wrappers) and
// how each one is bound: to a name, inside another element, inline in a layout call, or not at
// all. Shared by NVR002 (ui-element-not-global), NVR005 (run-button-unused) and NVE005
// (unvalidated-numeric-input). One native query per candidate cell, cached.
import { PYTHON_BUILTINS } from "../../notebook/builtins.js";
import type { Cell, Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { marimoMember, marimoNames } from "./marimo-access.js";

export interface UiElement {
  /** The constructor call, e.g. `mo.ui.slider(1, 10)`. */
  readonly call: PyNode;
  /** The element as an expression: the call, or `.form(...)` wrapped around it. */
  readonly top: PyNode;
  /** Constructor name: `slider`, `number`, `run_button`, ... (`form` for a `.form()` wrapper). */
  readonly kind: string;
  /** The callee without whitespace, e.g. `mo.ui.slider`. */
  readonly callee: string;
}

// A simple regex: the native matcher compiles it on every query, and Unicode classes such as
// `\s` make that cost more than the query.
const UI_CALL: Matcher = { rule: { kind: "call", has: { field: "function", kind: "attribute", regex: "(^|[.])ui[.]" } } };

const cache = new WeakMap<Notebook, Map<number, UiElement[]>>();

/** The UI elements created in the given cells (see `cellsMatching` for cheap candidate cells). */
export function uiElementsIn(notebook: Notebook, cells: readonly Cell[]): UiElement[] {
  let perCell = cache.get(notebook);
  if (!perCell) cache.set(notebook, (perCell = new Map()));
  const result: UiElement[] = [];
  for (const cell of cells) {
    let elements = perCell.get(cell.index);
    if (!elements) perCell.set(cell.index, (elements = findElements(notebook, cell)));
    result.push(...elements);
  }
  return result;
}

function findElements(notebook: Notebook, cell: Cell): UiElement[] {
  const names = marimoNames(notebook);
  const result: UiElement[] = [];
  for (const call of cell.node.findAll(UI_CALL)) {
    const callee = call.field("function")?.text().replace(/\s+/g, "") ?? "";
    const rest = marimoMember(names, callee, "ui");
    if (!rest || !/^[a-z_]+(\.\w+)?$/.test(rest)) continue;
    let top = call;
    let kind = rest.split(".")[0]!;
    for (;;) {
      const attribute = top.parent();
      const outer = attribute?.parent();
      if (attribute?.kind() !== "attribute" || attribute.field("attribute")?.text() !== "form" || outer?.kind() !== "call") break;
      top = outer;
      kind = "form";
    }
    result.push({ call, top, kind, callee });
  }
  return result;
}

/** Elements that hold a value the user sets (as opposed to display-only ones such as tables and charts). */
export const INPUT_KINDS: ReadonlySet<string> = new Set([
  "slider", "range_slider", "number", "text", "text_area", "dropdown", "multiselect", "checkbox", "switch", "radio",
  "date", "datetime", "date_range", "button", "run_button", "file", "file_browser", "code_editor", "refresh",
  "microphone", "array", "dictionary", "batch", "form", "data_editor",
]);

/** Elements whose children marimo tracks as part of the parent's value. */
const CONTAINER_KINDS = new Set(["array", "dictionary", "batch", "form"]);

export type Binding =
  | { readonly kind: "name"; readonly name: string; readonly binder: PyNode }
  /** Inside another element (`mo.ui.dictionary({...})`, `.batch(...)`), which marimo tracks. */
  | { readonly kind: "container" }
  /** An argument (possibly inside a list or dict) of a call that is not an element, e.g. `mo.vstack([...])`. */
  | { readonly kind: "inline"; readonly call: PyNode; readonly callee: string; readonly path: readonly PyNode[] }
  /** A bare expression statement. */
  | { readonly kind: "statement"; readonly statement: PyNode }
  /** Returned from a function or a lambda: a factory, bound by its caller. */
  | { readonly kind: "factory" }
  | { readonly kind: "other"; readonly reason: string };

const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);

/** How the element is bound, looking outward from its expression. */
export function bindingOf(element: UiElement, notebook: Notebook): Binding {
  const same = (a: PyNode | null | undefined, b: PyNode) => !!a && startOf(a) === startOf(b) && endOf(a) === endOf(b);
  let node = element.top;
  let parent = node.parent();
  // `(mo.ui.slider(...))` and `mo.ui.slider(...) if wide else mo.ui.number(...)` bind like the element itself.
  while (parent && (parent.kind() === "parenthesized_expression" || (parent.kind() === "conditional_expression" && !same(parent.namedChildren()[1], node)))) {
    node = parent;
    parent = parent.parent();
  }
  if (!parent) return { kind: "other", reason: "it is not bound to a name" };
  const parentKind = parent.kind();
  if (parentKind === "assignment" && same(parent.field("right"), node)) {
    const left = parent.field("left");
    if (left?.kind() === "identifier") return { kind: "name", name: left.text(), binder: parent };
    return { kind: "other", reason: "it is stored in an attribute or an item, which marimo does not track" };
  }
  if (parentKind === "expression_list" && parent.parent()?.kind() === "assignment") {
    const assignment = parent.parent()!;
    const targets = assignment.field("left")?.namedChildren() ?? [];
    const values = parent.namedChildren();
    const target = targets[values.findIndex((v) => same(v, node))];
    if (targets.length === values.length && target?.kind() === "identifier") return { kind: "name", name: target.text(), binder: assignment };
  }
  if (parentKind === "named_expression" && same(parent.field("value"), node)) {
    const name = parent.field("name");
    if (name) return { kind: "name", name: name.text(), binder: parent };
  }
  if (parentKind === "expression_statement") return { kind: "statement", statement: parent };
  if (parentKind === "return_statement" || parentKind === "lambda" || parentKind === "yield") return { kind: "factory" };

  const names = marimoNames(notebook);
  const path: PyNode[] = [];
  let comprehension = false;
  let current = node;
  for (const ancestor of node.ancestors()) {
    const kind = String(ancestor.kind());
    if (kind === "call") {
      const args = ancestor.field("arguments");
      if (!args || !(startOf(args) <= startOf(current) && endOf(current) <= endOf(args))) {
        return { kind: "other", reason: "it is wrapped by a method call, which returns something else" };
      }
      const callee = ancestor.field("function")?.text().replace(/\s+/g, "") ?? "";
      const member = marimoMember(names, callee, "ui");
      if ((member && CONTAINER_KINDS.has(member.split(".")[0]!)) || /\.(batch|form)$/.test(callee)) return { kind: "container" };
      if (comprehension) return { kind: "other", reason: "it is created in a comprehension" };
      return { kind: "inline", call: ancestor, callee, path };
    }
    if (COMPREHENSIONS.has(kind)) comprehension = true;
    else if (kind === "lambda" || kind === "function_definition" || kind === "return_statement") return { kind: "factory" };
    else if (kind === "interpolation") return { kind: "other", reason: "it is created inside an f-string" };
    else if (kind === "block" || kind === "module" || kind.endsWith("statement") || kind.endsWith("assignment")) {
      if (comprehension) return { kind: "other", reason: "it is created in a comprehension" };
      const container = path.find((p) => ["list", "tuple", "dictionary", "set"].includes(String(p.kind())));
      return { kind: "other", reason: container ? `it is created inside a ${container.kind() === "dictionary" ? "dict" : String(container.kind())}, which marimo does not track` : "it is not bound to a name" };
    }
    path.push(ancestor);
    current = ancestor;
  }
  return { kind: "other", reason: "it is not bound to a name" };
}

/** Whether the element is created at the top level of its cell (not in a function, lambda or class). */
export function createdAtCellLevel(element: UiElement, cell: Cell): boolean {
  for (const ancestor of element.top.ancestors()) {
    if (cell.definition && startOf(ancestor) === startOf(cell.definition)) return true;
    const kind = ancestor.kind();
    if (kind === "function_definition" || kind === "lambda" || kind === "class_definition") return false;
  }
  return cell.kind === "setup";
}

/** The string given as `label=`, when it is a plain literal. */
export function labelOf(call: PyNode): string | undefined {
  const args = call.field("arguments");
  for (const arg of args?.namedChildren() ?? []) {
    if (arg.kind() !== "keyword_argument" || arg.field("name")?.text() !== "label") continue;
    const value = arg.field("value");
    if (value?.kind() !== "string" || value.children().some((c) => c.kind() === "interpolation")) return undefined;
    const text = value.text();
    const open = value.children()[0]?.text() ?? "";
    const close = value.children().at(-1)?.text() ?? "";
    return text.slice(open.length, text.length - close.length);
  }
  return undefined;
}

const PYTHON_KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
  "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
]);

/** Whether a name can be used as a new public variable (valid, not a keyword or builtin). */
export function usableName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name) && !PYTHON_BUILTINS.has(name) && name !== "mo";
}

/**
 * A descriptive variable name for an element: from its label (`"🎛️ Learning rate"` →
 * `learning_rate`, at most four words), else its kind (`slider`); buttons end in `_button`.
 */
export function elementNameBase(element: UiElement): string {
  const kind = element.kind === "form" ? element.callee.split(".").at(-1) ?? "form" : element.kind;
  const label = labelOf(element.call);
  let base: string | undefined;
  if (label) {
    const words = label
      .replace(/\$[^$]*\$/g, " ")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .split(" ")
      .filter((w) => w !== "");
    const joined = words.slice(0, 4).join("_");
    if (joined !== "" && /^[a-z]/.test(joined)) base = joined;
  }
  const isButton = kind === "button" || kind === "run_button";
  if (!base) return kind;
  if (isButton && !base.endsWith("button")) base = `${base}_button`;
  // `label="steps"` would make `steps` look taken (the label spells it): `steps_slider` instead.
  else if (label && base !== kind && new RegExp(`(?<![\\w.])${base}(?!\\w)`, "u").test(label)) base = `${base}_${kind}`;
  if (!usableName(base)) base = `${base}_${kind}`;
  return base;
}
