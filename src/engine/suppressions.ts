// Suppression comments:
// - `# nvmarimo: ignore[NVR001]` on the offending line, or on the cell's `def` line for the whole
//   cell; `# nvmarimo: ignore` without codes for every rule;
// - `# noqa: NVR001` (or bare `# noqa`) on the offending line only, parsed as ruff parses it;
// - `# nvmarimo: ignore-file` for the whole file, `# nvmarimo: ignore-file[NVG003]` for some codes.
// Codes are codes or prefixes of ours (`NVG`). Only comments count: text that looks like a
// directive inside a string does not.
//
// Found without walking the tree in JavaScript: a regex over the source finds candidates, and
// only when there is one does a native query return the comments of the top-level statements
// (cells) whose text holds one.
import { findAllContaining, type Cell, type Notebook } from "../notebook/model.js";
import { startOf, type Matcher } from "../notebook/python.js";
import type { InternalError } from "./lint.js";
import type { Rule } from "./types.js";

export interface Suppressions {
  /** Every rule is off for the file (`# nvmarimo: ignore-file`). */
  readonly file: boolean;
  /** Codes or prefixes off for the whole file (`# nvmarimo: ignore-file[NVG003]`). */
  readonly fileCodes: readonly string[];
  /** `nvmarimo: ignore` codes (or `*` for all) by 1-based line; on a `def` line, for the cell. */
  readonly byLine: ReadonlyMap<number, ReadonlySet<string>>;
  /** `noqa` codes (or `*` for all) by 1-based line: that line only, as in ruff. */
  readonly noqaByLine: ReadonlyMap<number, ReadonlySet<string>>;
  /** Every code a directive names, as written, for `suppressionWarnings`. */
  readonly named: readonly NamedCode[];
  /** `# nvmarimo:` comments that are not a directive (a typo), by line. */
  readonly malformed: readonly Malformed[];
}

interface NamedCode {
  readonly line: number;
  readonly code: string;
  /** The directive as written, for messages. */
  readonly directive: string;
}

interface Malformed {
  readonly line: number;
  readonly text: string;
}

const NONE: Suppressions = { file: false, fileCodes: [], byLine: new Map(), noqaByLine: new Map(), named: [], malformed: [] };

/** A `#` that starts a directive: `nvmarimo:` (exact case) or `noqa` (any case, as in ruff). */
const CANDIDATE = /#[ \t]*(?:nvmarimo:|[Nn][Oo][Qq][Aa])/;
const DIRECTIVE_START = /#[ \t]*(nvmarimo:|[Nn][Oo][Qq][Aa])/g;
/**
 * Comments, matched only in the top-level statements that hold a candidate. Without a `regex`:
 * the native side compiles one on every call, which cost more than returning the few comments
 * of those statements and testing their text here.
 */
const COMMENT: Matcher = { rule: { kind: "comment" } };

/** After `nvmarimo:`: `ignore` or `ignore-file`, then `[codes]`, or nothing more. */
const NVMARIMO_DIRECTIVE = /^[ \t]*ignore(-file)?(?:\[([^\]]*)\]|(?=[ \t#]|$))/;
/** A token of an `ignore[...]` list: codes are separated by commas and/or blanks. */
const LIST_SEPARATOR = /[\s,]+/;
/** A lower-case code of ours in a `noqa` list (`nvg003`): ruff stops there; we warn. */
const LOWER_CASE_CODE = /^[Nn][Vv][A-Za-z]?[0-9]+(?=[ \t,#]|$)/;

const cache = new WeakMap<Notebook, Suppressions>();

/** The notebook's suppression comments (read once per notebook). */
export function parseSuppressions(notebook: Notebook): Suppressions {
  let found = cache.get(notebook);
  if (!found) {
    found = CANDIDATE.test(notebook.source) ? readComments(notebook) : NONE;
    cache.set(notebook, found);
  }
  return found;
}

function readComments(notebook: Notebook): Suppressions {
  let file = false;
  const fileCodes: string[] = [];
  const byLine = new Map<number, Set<string>>();
  const noqaByLine = new Map<number, Set<string>>();
  const named: NamedCode[] = [];
  const malformed: Malformed[] = [];
  const add = (map: Map<number, Set<string>>, line: number, codes: readonly string[]) => {
    const set = map.get(line) ?? new Set<string>();
    for (const code of codes) set.add(code);
    map.set(line, set);
  };
  for (const comment of findAllContaining(notebook, CANDIDATE, COMMENT)) {
    let text = comment.text();
    if (!CANDIDATE.test(text)) continue;
    // A comment of a CRLF file ends with the `\r` (tree-sitter's comment token stops at `\n`).
    if (text.endsWith("\r")) text = text.slice(0, -1);
    const line = notebook.lineOf(startOf(comment));
    let noqaSeen = false;
    for (const match of text.matchAll(DIRECTIVE_START)) {
      const rest = text.slice(match.index + match[0].length);
      if (match[1] === "nvmarimo:") {
        const directive = NVMARIMO_DIRECTIVE.exec(rest);
        if (!directive) {
          malformed.push({ line, text: text.slice(match.index).trimEnd() });
          continue;
        }
        const written = text.slice(match.index, match.index + match[0].length + directive[0].length);
        const list = directive[2];
        const codes = list === undefined ? undefined : list.split(LIST_SEPARATOR).filter(Boolean);
        if (codes?.length === 0) {
          malformed.push({ line, text: written });
          continue;
        }
        for (const code of codes ?? []) named.push({ line, code, directive: written });
        if (directive[1]) {
          if (codes) fileCodes.push(...codes);
          else file = true;
        } else {
          add(byLine, line, codes ?? ["*"]);
        }
      } else if (!noqaSeen) {
        // As in ruff, only the first `noqa` of a comment counts.
        noqaSeen = true;
        const noqa = parseNoqa(rest);
        const written = text.slice(match.index).trimEnd();
        for (const code of noqa.named) named.push({ line, code, directive: written });
        if (noqa.codes) add(noqaByLine, line, noqa.codes);
      }
    }
  }
  return { file, fileCodes, byLine, noqaByLine, named, malformed };
}

function isBlank(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c >= "A" && c <= "Z";
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/**
 * What follows `noqa` in a comment, read as ruff reads it: nothing (or a blank, or `#`) is a
 * blanket `noqa`; `:` (blanks around it allowed) starts codes, upper-case letters then digits,
 * separated by commas and/or blanks, the list ending at the first word that is not a code
 * (`# noqa: F401 kept for re-export`). No code after the colon, or a code with a bad suffix
 * (`F401abc`, `F401.`), makes the comment no directive at all. One addition: a prefix of ours
 * without digits (`NVG`) is a code, as in `nvmarimo: ignore[NVG]`.
 * `codes` is undefined when the comment suppresses nothing; `named` lists what a warning may
 * concern (codes of ours in lower case included, which ruff does not take for codes).
 */
function parseNoqa(rest: string): { codes: string[] | undefined; named: string[] } {
  let i = 0;
  while (isBlank(rest[i])) i++;
  if (rest[i] !== ":") {
    // `# noqa`, `# noqa F401` (ruff: blanket), `# noqa#...`; `# noqa.`, `# noqaF401` are nothing.
    return { codes: i > 0 || i === rest.length || rest[i] === "#" ? ["*"] : undefined, named: [] };
  }
  i++;
  const codes: string[] = [];
  const named: string[] = [];
  let joined = false;
  for (;;) {
    while (isBlank(rest[i]) || rest[i] === ",") i++;
    if (i >= rest.length) break;
    if (!isUpper(rest[i])) {
      const lower = LOWER_CASE_CODE.exec(rest.slice(i));
      if (lower) named.push(lower[0]);
      break;
    }
    const start = i;
    while (isUpper(rest[i])) i++;
    if (!isDigit(rest[i])) {
      const letters = rest.slice(start, i);
      const next = rest[i];
      if (letters.startsWith("NV") && (next === undefined || isBlank(next) || next === "," || next === "#")) {
        codes.push(letters);
        joined = false;
        continue;
      }
      // ruff: joined codes that end badly (`F401Fabc`) spoil the comment; else a word ends the list.
      if (joined) return { codes: undefined, named };
      break;
    }
    while (isDigit(rest[i])) i++;
    codes.push(rest.slice(start, i));
    const next = rest[i];
    if (next === undefined || next === "," || isBlank(next) || next === "#") joined = false;
    else if (isUpper(next)) joined = true; // `F401F841`: ruff warns and reads both.
    else return { codes: undefined, named };
  }
  named.unshift(...codes);
  return { codes: codes.length > 0 ? codes : undefined, named };
}

function matches(codes: ReadonlySet<string> | undefined, code: string): boolean {
  if (!codes) return false;
  if (codes.has("*") || codes.has(code)) return true;
  for (const c of codes) if (code.startsWith(c)) return true;
  return false;
}

/** Whether a `# nvmarimo: ignore-file` comment turns the rule off for the whole file. */
export function isFileSuppressed(suppressions: Suppressions, code: string): boolean {
  if (suppressions.file) return true;
  for (const c of suppressions.fileCodes) if (code.startsWith(c)) return true;
  return false;
}

export function isSuppressed(suppressions: Suppressions, notebook: Notebook, code: string, offset: number, cell: Cell | undefined): boolean {
  if (suppressions === NONE) return false;
  if (isFileSuppressed(suppressions, code)) return true;
  const line = notebook.lineOf(offset);
  if (matches(suppressions.noqaByLine.get(line), code)) return true;
  if (suppressions.byLine.size === 0) return false;
  if (matches(suppressions.byLine.get(line), code)) return true;
  if (cell) {
    const defLine = notebook.lineOf(cell.signatureStart);
    if (matches(suppressions.byLine.get(defLine), code)) return true;
  }
  return false;
}

/**
 * Warnings for suppression comments that cannot do what they seem to: a code that starts with
 * `NV` but is no code or prefix of `rules` (`ignore[NVG03]`), and a `# nvmarimo:` comment that is
 * no directive (`# nvmarimo: ingore[NVG003]`, `ignore[]`). Other tools' codes (`E501`) are not ours
 * to judge.
 */
export function suppressionWarnings(notebook: Notebook, rules: readonly Rule[]): InternalError[] {
  const suppressions = parseSuppressions(notebook);
  if (suppressions === NONE) return [];
  const warnings: { line: number; message: string }[] = [];
  for (const { line, text } of suppressions.malformed) {
    warnings.push({ line, message: `line ${line}: \`${text}\` is not a suppression comment (expected \`# nvmarimo: ignore[CODES]\`, \`ignore\`, \`ignore-file\` or \`ignore-file[CODES]\`)` });
  }
  for (const { line, code, directive } of suppressions.named) {
    if (!/^nv/i.test(code) || rules.some((r) => r.code.startsWith(code))) continue;
    const upper = code.toUpperCase();
    const hint = upper !== code && rules.some((r) => r.code.startsWith(upper)) ? ` (codes are upper case: \`${upper}\`)` : "";
    warnings.push({ line, message: `line ${line}: \`${directive}\` names \`${code}\`, which is no rule code or prefix${hint}: it suppresses nothing` });
  }
  warnings.sort((a, b) => a.line - b.line);
  return warnings.map((w) => ({ code: "NV000", message: w.message }));
}
