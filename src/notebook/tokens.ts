// Syntax errors that tree-sitter's error recovery accepts without an ERROR node, found by one
// pass over the tokens of the text as CPython reads them: plain JavaScript, no native call.
//
// Tree-sitter's Python scanner reports no indentation error: a line indented deeper than its
// block, or back to a column no block started at, or indented with a tab where the block used
// spaces, joins the nearest block, and a fix then re-indents it as valid code. It skips a line
// break where the grammar cannot end a statement, so a line that ends in an operator
// (`del pipe +`) is parsed together with the next line, and a fix would edit one statement that
// spans both. Its grammar keeps Python 2 statements (`print "x"`, `exec code`), and it does not
// check what CPython's parser and compiler check after the grammar. CPython rejects all of
// these, and so does marimo, which compiles each cell.
//
// `tokenProblem` tokenizes as CPython 3.11 does (strings with their prefixes, triple quotes and
// escapes, comments, brackets, backslash continuations, logical lines, indentation) and reports
// the first of:
// - an indentation error: an indent where no block starts, a dedent to a column no enclosing
//   block uses, no indent after a line that ends with `:`, or a TabError (an indentation whose
//   comparison with the enclosing ones depends on the tab size: CPython compares with tabs of 8
//   and of 1 columns);
// - a logical line that ends, outside brackets, in an operator, a `.` or a keyword that needs an
//   operand (`and`, `in`, `import`, `lambda`...);
// - at the start of a statement: `print` or `exec` followed by an operand (`print "x"`); `del`
//   of a call (`del f()`); `raise E, "message"`; `break` or `continue` outside a loop; `return`
//   or `yield` outside a function; `nonlocal` in a cell or at the top level; a starred target
//   or value outside a tuple (`*x = y`, `return *x`); `await`, `async for` or `async with` in
//   a nested function that is not `async` (a cell function may use them: marimo runs a cell's
//   body with top-level await); `from x import *` in a function or class (marimo refuses it in
//   a cell too);
// - in a call's arguments: a positional argument after a keyword argument or `**`, `*` after
//   `**`, a keyword given twice;
// - a keyword assigned to or given as a keyword argument (`await = 1`, `f(async=True)`).
// A statement is read where it starts a logical line, or follows `;` (`x = 1; break`); `print`
// and `exec` also after the `:` of a one-line compound statement (`if x: print "y"`).
//
// It reports nothing when its reading of the text may be wrong: when it meets a character that
// starts no token, a `\` not followed by a line break, an unmatched closing bracket, a
// single-quoted string that does not end on its line (which Python 3.12 allows inside an
// f-string's braces), or when the text ends inside a string or brackets. The tree-sitter check
// (`syntaxProblems`) reports such files when they are broken.

const TAB_SIZE = 8;

/** Words after which a statement cannot end. `match`, `case`, `type` and `print` are names too. */
const NEEDS_OPERAND = new Set([
  "and", "or", "not", "in", "is", "if", "elif", "else", "while", "for", "lambda", "await", "async", "import", "from", "as",
  "del", "assert", "global", "nonlocal", "with", "class", "def", "try", "except", "finally",
]);

/** Keywords that may follow a name in an expression (`print if x else y`, `print in x`). */
const AFTER_OPERAND = new Set(["and", "or", "not", "in", "is", "if", "else", "for", "async", "as"]);

/** Keywords after which `print` and `exec` are names in an expression (`print, x`, `print = 1`). */
const NOT_OPERANDS = new Set([...NEEDS_OPERAND, "return", "raise", "pass", "break", "continue"]);

/** `+ - * / % @ & | ^ ~ < > = ! .` */
const OPERATOR_CODES = new Set([..."+-*/%@&|^~<>=!."].map((c) => c.charCodeAt(0)));

/** What the last token was. */
const enum Last {
  None,
  /** A name, number, string, closing bracket, `...`. */
  Operand,
  /** `,` or `;`. */
  Separator,
  /** `:` (not `:=`). */
  Colon,
  /** An operator, a `.`, an opening bracket, or one of `NEEDS_OPERAND`. */
  Operator,
}

/** The block a `:` opened: what it changes for `break`, `return` and `await` inside it. */
const enum Block {
  Other,
  Loop,
  /** `def`, not `async def`, in a block: not a cell function. */
  Function,
  AsyncFunction,
  /** A `def` at the top level: a cell, whose body marimo runs with top-level await. */
  TopLevelFunction,
  Class,
}

/** Per open bracket: bits of what was read in it. */
const CALL = 1;
const KEYWORD_SEEN = 2;
const DOUBLE_STAR_SEEN = 4;
/** In a `lambda`'s parameters (up to its `:`): `,` and `=` are not the call's. */
const IN_LAMBDA = 8;
const MAX_KEYWORDS = 64;

/** The words this check reads, by their first character. */
const WORDS_BY_FIRST: string[][] = [];
for (const word of [...NEEDS_OPERAND, "return", "yield", "raise", "pass", "break", "continue", "print", "exec"]) {
  (WORDS_BY_FIRST[word.charCodeAt(0)] ??= []).push(word);
}

/**
 * The keyword (or `print`, `exec`) that is the name of `length` characters at `at`, or `""` for
 * any other name. Compares in place: most names are not keywords, and slicing each would cost.
 */
function keywordAt(source: string, at: number, length: number): string {
  const words = WORDS_BY_FIRST[source.charCodeAt(at)];
  if (words === undefined) return "";
  for (const word of words) if (word.length === length && source.startsWith(word, at)) return word;
  return "";
}

/** 1 for the ASCII codes of names: letters, digits, `_`. */
const NAME_CODES = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CODES[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;

/** Whether a code unit can be part of a name (any non-ASCII one is taken as a letter). */
function isNameCode(c: number): boolean {
  return c >= 128 || NAME_CODES[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `word` may prefix a string (`rb"..."`, `f'...'`, `T"..."`). */
function isStringPrefix(word: string): boolean {
  if (word.length > 2) return false;
  const w = word.toLowerCase();
  return w === "r" || w === "u" || w === "b" || w === "f" || w === "t" || w === "br" || w === "rb" || w === "fr" || w === "rf" || w === "tr" || w === "rt";
}

/**
 * Offset of the start of the line of the first syntax error that the tokens show (see the
 * module comment), or undefined.
 */
export function tokenProblem(source: string): number | undefined {
  // A lone CR ends a line for CPython; such files are refused before they are parsed.
  if (source.includes("\r") && /\r(?!\n)/.test(source)) return undefined;
  const n = source.length;
  let problem: number | undefined;
  const report = (at: number): void => {
    if (problem === undefined) problem = source.lastIndexOf("\n", at - 1) + 1;
  };

  // CPython's indentation stacks (columns with tabs of 8 and of 1) and, per level, its block.
  const columns = [0];
  const altColumns = [0];
  const blocks: Block[] = [Block.Other];
  /** A `:` ended the last logical line: the next one must be indented. */
  let expectBlock = false;
  /** The block that `:` opens. */
  let opens = Block.Other;

  // Open brackets, innermost last: their bits, and the keyword names given in each call.
  const brackets: number[] = [];
  const keywordsFrom: number[] = [];
  const keywords: string[] = [];

  // The current logical line and statement.
  let lineStart = 0;
  let last = Last.None;
  let lastWord = "";
  /** A `:` outside brackets on this logical line: what follows is a one-line body. */
  let colonSeen = false;
  /** The statement's first word (`""` when it starts with another token), its second, its token count. */
  let first: string | undefined;
  let second = "";
  let tokens = 0;
  /** The last token outside brackets closed a call: a `del` target that is a call. */
  let callClosed = false;
  /** A starred expression outside brackets, with no `,` after it yet (`*x = y`, `return *x`). */
  let starred = false;
  /** The last token outside brackets was `=` (an assignment). */
  let assignedBefore = false;

  /** Checks a statement that starts with `word` against the blocks it is in. */
  const statementStart = (word: string): void => {
    if (word === "await") {
      asyncStatement();
    } else if (word === "break" || word === "continue") {
      for (let level = blocks.length - 1; level >= 0; level--) {
        const block = blocks[level]!;
        if (block === Block.Loop) return;
        if (block !== Block.Other || level === 0) return report(lineStart);
      }
    } else if (word === "nonlocal") {
      // Only a function nested in another has names to bind: not a cell, not the top level.
      for (let level = blocks.length - 1; level >= 0; level--) {
        const block = blocks[level]!;
        if (block === Block.TopLevelFunction || level === 0) return report(lineStart);
        if (block !== Block.Other && block !== Block.Loop) return;
      }
    } else if (word === "return" || word === "yield") {
      for (let level = blocks.length - 1; level >= 0; level--) {
        const block = blocks[level]!;
        if (block === Block.Function || block === Block.AsyncFunction || block === Block.TopLevelFunction) return;
        if (block === Block.Class || level === 0) return report(lineStart);
      }
    }
  };
  /** Reports `await`, `async for` or `async with` in a function that is neither `async` nor a cell. */
  const asyncStatement = (): void => {
    for (let level = blocks.length - 1; level > 0; level--) {
      const block = blocks[level]!;
      if (block === Block.Function) return report(lineStart);
      if (block !== Block.Other && block !== Block.Loop) return;
    }
  };
  /** The end of a `del` target (at `,`) or of a statement. */
  const targetEnd = (): void => {
    if (first === "del" && callClosed) report(lineStart);
  };
  /** The end of a statement (at `;` or the end of the logical line). */
  const statementEnd = (): void => {
    targetEnd();
    if (starred) report(lineStart);
    callClosed = false;
    starred = false;
    assignedBefore = false;
  };
  /** An argument of the innermost bracket starts at `at`; when that bracket is a call, checks the order of its arguments. */
  const argument = (kind: "positional" | "star" | "double-star" | "keyword", name: string, at: number): void => {
    const top = brackets.length - 1;
    const bits = brackets[top]!;
    if ((bits & (CALL | IN_LAMBDA)) !== CALL) return;
    if (kind === "positional") {
      if (bits & (KEYWORD_SEEN | DOUBLE_STAR_SEEN)) report(at);
    } else if (kind === "star") {
      if (bits & DOUBLE_STAR_SEEN) report(at);
    } else if (kind === "double-star") {
      brackets[top] = bits | DOUBLE_STAR_SEEN;
    } else {
      // A repeated keyword, among the first `MAX_KEYWORDS` (the search stays linear in the text).
      const from = keywordsFrom[top]!;
      if (keywords.length - from < MAX_KEYWORDS) {
        for (let k = from; k < keywords.length; k++) if (keywords[k] === name) report(at);
        keywords.push(name);
      }
      brackets[top] = bits | KEYWORD_SEEN;
    }
  };

  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    // The start of a logical line: its indentation, compared as CPython does.
    let column = 0;
    let altColumn = 0;
    lineStart = i;
    for (; i < n; i++) {
      const c = source.charCodeAt(i);
      if (c === 32) {
        column++;
        altColumn++;
      } else if (c === 9) {
        column = (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE;
        altColumn++;
      } else if (c === 12) {
        column = 0;
        altColumn = 0;
      } else break;
    }
    if (i >= n) break;
    const c0 = source.charCodeAt(i);
    if (c0 === 35 || c0 === 10 || c0 === 13) {
      // A blank or comment-only line does not count.
      const end = source.indexOf("\n", i);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    const top = columns.length - 1;
    if (column === columns[top]) {
      if (altColumn !== altColumns[top] || expectBlock) report(lineStart);
    } else if (column > columns[top]!) {
      if (altColumn <= altColumns[top]! || !expectBlock) report(lineStart);
      columns.push(column);
      altColumns.push(altColumn);
      blocks.push(opens);
    } else {
      if (expectBlock) report(lineStart);
      while (columns.length > 1 && column < columns[columns.length - 1]!) {
        columns.pop();
        altColumns.pop();
        blocks.pop();
      }
      if (column !== columns[columns.length - 1] || altColumn !== altColumns[altColumns.length - 1]) report(lineStart);
    }
    expectBlock = false;
    last = Last.None;
    lastWord = "";
    colonSeen = false;
    first = undefined;
    second = "";
    tokens = 0;

    // The tokens of the logical line, up to its line break outside brackets.
    let ended = false;
    while (i < n && !ended) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12 || c === 13) {
        i++;
        while (source.charCodeAt(i) === 32) i++;
        continue;
      }
      if (c === 10) {
        i++;
        ended = brackets.length === 0;
        continue;
      }
      if (c === 35) {
        const end = source.indexOf("\n", i);
        i = end === -1 ? n : end;
        continue;
      }
      if (c === 92) {
        // A backslash continues the line; anything else after it is an error CPython reports.
        if (source.charCodeAt(i + 1) === 10) i += 2;
        else if (source.charCodeAt(i + 1) === 13 && source.charCodeAt(i + 2) === 10) i += 3;
        else return undefined;
        continue;
      }

      // A token: first what it is.
      const at = i;
      const before = last;
      const wordBefore = lastWord;
      const outside = brackets.length === 0;
      let word = "";
      let isName = false;
      let closedCall = false;
      lastWord = "";
      if (isNameCode(c) && !isDigit(c)) {
        while (i < n && isNameCode(source.charCodeAt(i))) i++;
        word = keywordAt(source, at, i - at);
        const q = source.charCodeAt(i);
        if ((q === 34 || q === 39) && i - at <= 2 && isStringPrefix(source.slice(at, i))) {
          i = stringEnd(source, i);
          if (i < 0) return undefined;
          word = "";
          last = Last.Operand;
        } else {
          isName = true;
          lastWord = word === "" ? "_" : word;
          last = word !== "" && NEEDS_OPERAND.has(word) ? Last.Operator : Last.Operand;
        }
      } else if (c === 34 || c === 39) {
        i = stringEnd(source, i);
        if (i < 0) return undefined;
        last = Last.Operand;
      } else if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
        i = numberEnd(source, i);
        last = Last.Operand;
      } else if (c === 40 || c === 91 || c === 123) {
        // `(` after an operand opens a call, unless it holds the parameters of a `def`.
        const def = outside && (first === "def" || (first === "async" && second === "def"));
        brackets.push(c === 40 && before === Last.Operand && !def ? CALL : 0);
        keywordsFrom.push(keywords.length);
        i++;
        last = Last.Operator;
      } else if (c === 41 || c === 93 || c === 125) {
        if (brackets.length === 0) return undefined;
        closedCall = (brackets.pop()! & CALL) !== 0;
        const from = keywordsFrom.pop()!;
        if (keywords.length !== from) keywords.length = from;
        i++;
        last = Last.Operand;
      } else if (c === 44 || c === 59) {
        i++;
        last = Last.Separator;
      } else if (c === 58) {
        i++;
        if (source.charCodeAt(i) === 61) {
          i++;
          last = Last.Operator;
        } else {
          last = Last.Colon;
        }
      } else if (c === 46 && source.charCodeAt(i + 1) === 46 && source.charCodeAt(i + 2) === 46) {
        i += 3;
        last = Last.Operand;
      } else if (c === 42 && wordBefore === "import") {
        // `from x import *`, which CPython allows at the top level only (and marimo nowhere in a cell).
        i++;
        last = Last.Operand;
        if (blocks.some(isScope)) report(lineStart);
      } else if (OPERATOR_CODES.has(c)) {
        // A keyword assigned to, or given as a keyword argument (`await = 1`, `f(async=True)`).
        if (c === 61 && source.charCodeAt(i + 1) !== 61 && NEEDS_OPERAND.has(wordBefore)) report(at);
        i++;
        last = Last.Operator;
      } else {
        // `$`, `?`, a backtick, a control character: no Python token starts with it.
        return undefined;
      }

      // Then what it means for the statement, outside brackets...
      if (outside) {
        const assignment = c === 61 && source.charCodeAt(i) !== 61 && !OPERATOR_CODES.has(source.charCodeAt(at - 1));
        if (c === 59 && !colonSeen) {
          statementEnd();
          first = undefined;
          tokens = 0;
          continue;
        }
        if (c === 44) {
          targetEnd();
          starred = false;
          if (first === "raise") report(lineStart);
        }
        if (assignment && starred) report(lineStart);
        // `*x` alone on one side of `=` or after `return`: not in a tuple.
        starred = c === 42 && source.charCodeAt(i) !== 42 && (tokens === 0 || assignedBefore || (tokens === 1 && first === "return")) ? true : starred && !assignment;
        assignedBefore = assignment;
        if (last === Last.Colon) colonSeen = true;
        callClosed = false;
        tokens++;
        if (first === undefined) {
          first = word;
          statementStart(word);
        } else if (tokens === 2) {
          second = word;
          if (first === "async" && (word === "for" || word === "with")) asyncStatement();
          if ((first === "print" || first === "exec") && printOperand(c, word, isName)) report(lineStart);
        } else if (before === Last.Colon && (word === "print" || word === "exec")) {
          // The body of a one-line compound statement: `if x: print "y"`.
          const next = nextToken(source, i);
          let end = next;
          while (end >= 0 && isNameCode(source.charCodeAt(end))) end++;
          if (next >= 0 && printOperand(source.charCodeAt(next), keywordAt(source, next, end - next), end > next)) report(lineStart);
        }
        continue;
      }
      if (brackets.length === 0) {
        // A bracket that closed: a call, for `del`.
        callClosed = closedCall;
        continue;
      }
      // ...or for the call it is in: the order of its arguments.
      const top = brackets.length - 1;
      if (word === "lambda") brackets[top] = brackets[top]! | IN_LAMBDA;
      else if (last === Last.Colon) brackets[top] = brackets[top]! & ~IN_LAMBDA;
      if ((before === Last.Separator || before === Last.Operator) && c !== 41 && c !== 93 && c !== 125 && afterOpenOrComma(source, at)) {
        if (c === 42) {
          const double = source.charCodeAt(i) === 42;
          if (double) i++;
          argument(double ? "double-star" : "star", "", at);
        } else if (isName && isKeywordArgument(source, i)) {
          argument("keyword", source.slice(at, i), at);
        } else {
          argument("positional", "", at);
        }
      }
    }
    if (brackets.length > 0) return undefined;

    // The end of a logical line.
    statementEnd();
    if (last === Last.Operator) report(i - 1);
    if (last === Last.Colon) {
      expectBlock = true;
      opens = blockOpened(first, second, columns.length === 1);
    } else {
      opens = Block.Other;
    }
  }
  if (expectBlock) report(n);
  return problem;
}

/** Whether the last code before `at` (spaces and line breaks aside) is `(` or `,`: the token at `at` starts an argument. */
function afterOpenOrComma(source: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) continue;
    return c === 40 || c === 44;
  }
  return false;
}

/**
 * Whether the token after `print` or `exec` (its first code; `keywordAt` of it, if a name)
 * starts an operand: Python 2's statement (`print "x"`, `print x`), not an expression
 * (`print >> f`, `print, x`, `print if x else y`).
 */
function printOperand(c: number, word: string, isName: boolean): boolean {
  if (c === 34 || c === 39 || c === 123 || isDigit(c)) return true;
  if (!isName) return false;
  return word === "" || word === "lambda" || word === "await" || !(NOT_OPERANDS.has(word) || AFTER_OPERAND.has(word));
}

/** Offset of the next token at or after `at` on the line, or -1. */
function nextToken(source: string, at: number): number {
  for (let i = at; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 10 || c === 13 || c === 35 ? -1 : i;
  }
  return -1;
}

/** Whether the name that ends at `at` is followed by `=` (not `==`): a keyword argument. */
function isKeywordArgument(source: string, at: number): boolean {
  let i = at;
  while (i < source.length && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return source.charCodeAt(i) === 61 && source.charCodeAt(i + 1) !== 61;
}

function isScope(block: Block): boolean {
  return block === Block.Function || block === Block.AsyncFunction || block === Block.TopLevelFunction || block === Block.Class;
}

/** The block a header that starts with `first` (then `second`) opens. */
function blockOpened(first: string | undefined, second: string, topLevel: boolean): Block {
  const keyword = first === "async" ? second : first;
  if (keyword === "for" || keyword === "while") return Block.Loop;
  if (keyword === "class") return Block.Class;
  if (keyword === "def") return topLevel ? Block.TopLevelFunction : first === "async" ? Block.AsyncFunction : Block.Function;
  return Block.Other;
}

/** Offset just past the string whose quote is at `quote`; -1 when it does not end (see the module comment). */
function stringEnd(source: string, quote: number): number {
  const q = source.charCodeAt(quote);
  const n = source.length;
  if (source.charCodeAt(quote + 1) === q && source.charCodeAt(quote + 2) === q) {
    // A long string (markdown, docstrings): searched for its closing quotes, not read.
    const closing = q === 34 ? '"""' : "'''";
    for (let from = quote + 3; ; ) {
      const end = source.indexOf(closing, from);
      if (end === -1) return -1;
      let backslashes = 0;
      while (source.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) return end + 3;
      from = end + 1;
    }
  }
  for (let i = quote + 1; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 92) {
      if (source.charCodeAt(i + 1) === 13 && source.charCodeAt(i + 2) === 10) i += 2;
      else i++;
    } else if (c === q) return i + 1;
    else if (c === 10) return -1;
  }
  return -1;
}

/** Offset just past the number that starts at `start` (`1_000`, `0x1F`, `1.5e-3j`, `.5`, `1.`). */
function numberEnd(source: string, start: number): number {
  const n = source.length;
  let i = start;
  const hex = source.charCodeAt(i) === 48 && (source.charCodeAt(i + 1) | 32) === 120;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isDigit(c) || c === 95 || c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      i++;
      const sign = source.charCodeAt(i);
      if (!hex && (c | 32) === 101 && (sign === 43 || sign === 45) && isDigit(source.charCodeAt(i + 1))) i++;
    } else break;
  }
  return i;
}
