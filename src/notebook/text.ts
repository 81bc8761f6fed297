// Plain-text facts about a source file: line endings, line starts, indentation.

export type LineEnding = "\n" | "\r\n";

/** The file's line ending: CRLF when most line breaks are CRLF, else LF. */
export function detectLineEnding(source: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) {
    if (i > 0 && source.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}

/**
 * The end of a node, its line break left out. Tree-sitter's Python comment token is `#.*`, so a
 * comment (and a block or statement that ends with one) takes the `\r` of a CRLF break with it;
 * text written up to such an end would leave a bare `\n` behind.
 */
export function endBeforeLineBreak(source: string, end: number): number {
  return end > 0 && source.charCodeAt(end - 1) === 13 && source.charCodeAt(end) === 10 ? end - 1 : end;
}

/** Offsets at which each line starts. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Offset of the start of the line containing `offset`. */
export function lineStartOf(source: string, offset: number): number {
  // Not `lastIndexOf("\n", -1)`: a negative start is read as 0, which finds a line break at 0.
  return offset <= 0 ? 0 : source.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset just past the end of the line containing `offset` (before its line break). */
export function lineEndOf(source: string, offset: number): number {
  const nl = source.indexOf("\n", offset);
  if (nl === -1) return source.length;
  return nl > 0 && source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Offset just past the line break that ends the line containing `offset`. */
export function nextLineStart(source: string, offset: number): number {
  const nl = source.indexOf("\n", offset);
  return nl === -1 ? source.length : nl + 1;
}

/** The leading whitespace of the line containing `offset`. */
export function indentationAt(source: string, offset: number): string {
  const start = lineStartOf(source, offset);
  let end = start;
  while (end < source.length && (source[end] === " " || source[end] === "\t")) end++;
  return source.slice(start, end);
}

/** 1-based line number of an offset, by binary search over precomputed line starts. */
export function lineNumberAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Splits into lines without their terminators (accepts LF and CRLF). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Rewrites LF line breaks to the file's line ending. */
export function withLineEnding(text: string, eol: LineEnding): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, eol);
}
