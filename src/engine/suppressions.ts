// Suppression comments: `# nvmarimo: ignore[NVR001]` on the offending line or on the cell's
// `def` line, `# noqa: NVR001` on the offending line, and `# nvmarimo: ignore-file`.
import type { Cell, Notebook } from "../notebook/model.js";

export interface Suppressions {
  readonly file: boolean;
  /** Codes (or `*` for all) suppressed on each 1-based line. */
  readonly byLine: ReadonlyMap<number, ReadonlySet<string>>;
}

const DIRECTIVE = /#\s*(?:nvmarimo:\s*ignore(?:\[([^\]]*)\])?|noqa(?::\s*([A-Z0-9, ]+))?)/g;
const FILE_DIRECTIVE = /#\s*nvmarimo:\s*ignore-file\b/;

export function parseSuppressions(source: string): Suppressions {
  const byLine = new Map<number, Set<string>>();
  if (!source.includes("nvmarimo:") && !source.includes("noqa")) return { file: false, byLine };
  const file = FILE_DIRECTIVE.test(source);
  const lines = source.split("\n");
  lines.forEach((line, i) => {
    if (!line.includes("#")) return;
    for (const match of line.matchAll(DIRECTIVE)) {
      if (/ignore-file/.test(match[0])) continue;
      const list = match[1] ?? match[2];
      const codes = list ? list.split(",").map((c) => c.trim()).filter(Boolean) : ["*"];
      const set = byLine.get(i + 1) ?? new Set<string>();
      for (const code of codes) set.add(code);
      byLine.set(i + 1, set);
    }
  });
  return { file, byLine };
}

function matches(codes: ReadonlySet<string> | undefined, code: string): boolean {
  if (!codes) return false;
  if (codes.has("*") || codes.has(code)) return true;
  for (const c of codes) if (code.startsWith(c)) return true;
  return false;
}

export function isSuppressed(suppressions: Suppressions, notebook: Notebook, code: string, offset: number, cell: Cell | undefined): boolean {
  if (suppressions.file) return true;
  if (suppressions.byLine.size === 0) return false;
  if (matches(suppressions.byLine.get(notebook.lineOf(offset)), code)) return true;
  if (cell) {
    const defLine = notebook.lineOf(cell.signatureStart);
    if (matches(suppressions.byLine.get(defLine), code)) return true;
  }
  return false;
}
