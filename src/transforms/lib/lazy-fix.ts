// A fix whose edits are computed on first use. Linting (`check`, editors, CI) only reads a
// fix's description; the edits are read by the fix loop. Rules that report many diagnostics
// with costly edits (a scope-aware rename, a docstring built from the whole notebook) use this
// so that linting does not pay for fixes nobody applies.
import type { Edit, Fix } from "../../engine/types.js";

export function lazyFix(description: string, compute: () => readonly Edit[]): Fix {
  let edits: readonly Edit[] | undefined;
  return {
    description,
    get edits(): readonly Edit[] {
      edits ??= compute();
      return edits;
    },
  };
}
