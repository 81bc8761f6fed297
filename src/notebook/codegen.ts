// A cell written exactly as marimo writes it (marimo/_ast/codegen.py `to_functiondef`):
// signature, body indented by four spaces, an optional blank line, and the return.
import type { Cell } from "./model.js";
import { cellCodeRange } from "./dataflow.js";
import { endOf, startOf, type PyNode } from "./python.js";

const MAX_LINE_LENGTH = 80;
const INDENT = "    ";

/** Port of marimo's `format_tuple_elements`: one line below 80 columns, else one per line. */
export function formatTupleElements(
  code: string,
  elements: readonly string[],
  options: { indent?: boolean; allowedNaked?: boolean } = {},
): string {
  const maybeIndent = (text: string) => (options.indent ? indentText(text) : text);
  let elems = [...elements];
  let allowedNaked = options.allowedNaked ?? false;
  if (elems.length === 0) {
    return allowedNaked ? maybeIndent(code.replace("(...)", "").trimEnd()) : maybeIndent(code.replace("(...)", "()"));
  }
  if (allowedNaked && elems.length === 1) {
    allowedNaked = false;
    elems = [`${elems[0]},`];
  }
  const tuple = elems.join(", ");
  const attempt = maybeIndent(allowedNaked ? code.replace("(...)", tuple).trimEnd() : code.replace("(...)", `(${tuple})`));
  // marimo measures in code points (Python `len`).
  if ([...attempt].length < MAX_LINE_LENGTH) return attempt;
  if (elems.length === 1) elems = [elems[0]!.replace(/^,+|,+$/g, "")];
  const multiline = ["(", indentText(elems.join(",\n")) + ",", ")"].join("\n");
  return maybeIndent(code.replace("(...)", multiline));
}

/** `textwrap.indent(text, "    ")`: whitespace-only lines are left as they are. */
export function indentText(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? line : INDENT + line))
    .join("\n");
}

export function formatSignature(name: string, params: readonly string[], isAsync: boolean): string {
  const cellName = name === "__" || name === "" ? "_" : name;
  return formatTupleElements(`${isAsync ? "async " : ""}def ${cellName}(...):`, params);
}

/** marimo's cell options (`CellConfig`) in the order it writes them, with their defaults. */
const CELL_OPTION_DEFAULTS: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ["column", new Set(["None"])],
  ["disabled", new Set(["False", "0"])],
  ["hide_code", new Set(["False", "0"])],
  ["expand_output", new Set(["False", "0"])],
];
const CELL_OPTION = /^\s*(\w+)\s*=\s*(True|False|None|-?(?:0|[1-9][0-9]*))\s*$/;

/**
 * A cell's decorator as marimo writes it (`to_decorator`): `@app.cell`, or the options that
 * differ from their defaults in marimo's order, `@app.cell(hide_code=True)`. `options` is the
 * text between the parentheses. Undefined when an option is not a plain literal or not one
 * marimo knows: marimo would write what it read, which this cannot know.
 */
export function formatCellDecorator(options: string): string | undefined {
  const given = new Map<string, string>();
  for (const part of options.split(",")) {
    if (part.trim() === "") continue;
    const match = CELL_OPTION.exec(part);
    if (!match || !CELL_OPTION_DEFAULTS.some(([key]) => key === match[1])) return undefined;
    given.set(match[1]!, match[2]!);
  }
  const elements = CELL_OPTION_DEFAULTS.flatMap(([key, defaults]) => {
    const value = given.get(key);
    return value === undefined || defaults.has(value) ? [] : [`${key}=${value}`];
  });
  return elements.length === 0 ? "@app.cell" : formatTupleElements("@app.cell(...)", elements);
}

export function formatReturn(returns: readonly string[]): string {
  return formatTupleElements("return (...)", returns, { indent: true, allowedNaked: true });
}

const BLANK_LINE_BEFORE_RETURN = new Set([
  "import_statement",
  "import_from_statement",
  "future_import_statement",
  "function_definition",
  "class_definition",
  "decorated_definition",
]);

/**
 * The cell's code as marimo stores it: the body without its `return`, dedented (string
 * interiors that sit left of the body are kept as they are) and stripped. LF line breaks.
 */
export function cellCode(cell: Cell, source: string, signatureEnd = cell.signatureEnd): string {
  const { start: regionStart, end } = cellCodeRange(cell, source, signatureEnd);
  if (end <= regionStart) return "";
  const region = source.slice(regionStart, end).replace(/\r\n/g, "\n");
  const lines = region.split("\n");
  const protectedLines = multilineStringInteriorLines(cell, source, regionStart);

  const firstCode = lines.findIndex((line, i) => line.trim() !== "" && !protectedLines.has(i));
  const margin = firstCode === -1 ? "" : /^[ \t]*/.exec(lines[firstCode]!)![0];
  const keepBlocks = underIndentedStringLines(lines, protectedLines, margin.length);
  const dedented = lines.map((line, i) => {
    // A whitespace-only line, even inside a string, ends up empty: marimo's load strips the
    // margin from it and its save does not indent it back, so every save shortens it until
    // nothing is left. Writing it empty now is the only form a save keeps.
    if (line.trim() === "") return "";
    if (protectedLines.has(i)) return keepBlocks.has(i) ? line : stripIndent(line, margin.length);
    return stripIndent(line, margin.length);
  });
  // Like marimo: drop blank lines at both ends, keep trailing spaces of the last line.
  return dedented.join("\n").replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "").replace(/^[ \t]+/, "");
}

function stripIndent(line: string, width: number): string {
  let i = 0;
  while (i < width && i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return line.slice(i);
}

/** Line indexes (within the region) that lie inside a multi-line string, after its first line. */
function multilineStringInteriorLines(cell: Cell, source: string, regionStart: number): Set<number> {
  const result = new Set<number>();
  if (!cell.body) return result;
  const strings = cell.body.findAll({ rule: { kind: "string", regex: "\\n" } });
  for (const s of strings) {
    const sStart = startOf(s);
    const sEnd = endOf(s);
    if (sStart < regionStart) continue;
    const firstLine = countNewlines(source, regionStart, sStart);
    const lastLine = firstLine + countNewlines(source, sStart, sEnd);
    for (let l = firstLine + 1; l <= lastLine; l++) result.add(l);
  }
  return result;
}

function countNewlines(source: string, from: number, to: number): number {
  let n = 0;
  for (let i = source.indexOf("\n", from); i !== -1 && i < to; i = source.indexOf("\n", i + 1)) n++;
  return n;
}

/** marimo leaves a string block untouched when any of its lines sits left of the margin. */
function underIndentedStringLines(lines: readonly string[], protectedLines: ReadonlySet<number>, margin: number): Set<number> {
  const keep = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!protectedLines.has(i)) {
      i++;
      continue;
    }
    let j = i;
    let blockMin = Infinity;
    while (j < lines.length && protectedLines.has(j)) {
      const line = lines[j]!;
      if (line.trim() !== "") blockMin = Math.min(blockMin, line.length - line.trimStart().length);
      j++;
    }
    if (blockMin !== Infinity && blockMin < margin) for (let k = i; k < j; k++) keep.add(k);
    i = j;
  }
  return keep;
}

/** Whether marimo puts a blank line before `return` (last statement is an import/def/class). */
export function needsBlankLineBeforeReturn(cell: Cell, source: string, code = cellCode(cell, source)): boolean {
  const last: PyNode | undefined = cell.statements.at(-1);
  if (!last || !BLANK_LINE_BEFORE_RETURN.has(String(last.kind()))) return false;
  // A comment on a line of its own after the last statement suppresses the blank line
  // (marimo compares the statement's last line with the code's last line).
  const lines = code.split("\n");
  const lastLine = lines[lines.length - 1] ?? "";
  return !lastLine.trimStart().startsWith("#");
}

/**
 * Comments in or after a cell's `return` (`return df  # used below`): marimo's load ends the
 * cell's code at the line before the `return` and its save writes a fresh one, so they would be
 * lost. Written as lines of their own before the `return`, they are part of the code.
 */
export function returnComments(cell: Cell, source: string): string[] {
  const from = cell.returnStatement ? startOf(cell.returnStatement) : -1;
  if (from === -1 || !source.slice(from, cell.end).includes("#")) return [];
  return cell.node
    .findAll({ rule: { kind: "comment" } })
    .filter((comment) => startOf(comment) > from)
    .map((comment) => comment.text().trim());
}

/**
 * The text from `def` to the end of the return, as marimo writes it. The caller writes the
 * decorator. Uses LF; the engine converts to the file's line ending.
 */
export function formatCellDefinition(
  cell: Cell,
  source: string,
  params: readonly string[],
  returns: readonly string[],
  isAsync: boolean,
  /** Comment lines that go before the cell's code (moved from around its decorator). */
  leadingComments: readonly string[] = [],
): string {
  const parts = [formatSignature(cell.name, params, isAsync)];
  const code = [...leadingComments, cellCode(cell, source), ...returnComments(cell, source)].filter((text) => text !== "").join("\n");
  if (code !== "") parts.push(indentText(code));
  if (needsBlankLineBeforeReturn(cell, source, code)) parts.push("");
  parts.push(formatReturn(returns));
  return parts.join("\n");
}
