// Names that notebooks read from other notebooks by name: `result = await other.embed()` returns
// their definitions, read as `result.defs["name"]`, and `_, defs = other.run()` as `defs["name"]`. A global read that way
// is used although no cell of its own notebook reads it, so NVO002 must not rename it.
import { readFileSync } from "node:fs";

/** `result.defs["name"]`, `.defs['name']`, `.defs.get("name")`, and `defs["name"]` after `_, defs = app.run()`. */
const DEFS_READ = /(?<![\p{L}\p{N}_])defs\s*(?:\[\s*|\.get\(\s*)(["'])([\p{L}_][\p{L}\p{N}_]*)\1/gu;

/**
 * The names the given files read through `.defs`, in no particular order. A file that cannot be
 * read reads nothing here: its own error is reported when it is processed.
 */
export function namesReadThroughDefs(files: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    if (!text.includes("defs")) continue;
    for (const match of text.matchAll(DEFS_READ)) names.add(match[2]!);
  }
  return [...names];
}
