// A fix whose edits are computed on first use. Linting (`check`, editors, CI) only reads a
// fix's description; the edits are read by the fix loop. Rules that report many diagnostics
// with costly edits (a scope-aware rename, a docstring built from the whole notebook) use this
// so that linting does not pay for fixes nobody applies.
import type { Edit, Fix } from "../../engine/types.js";
import { keepShape } from "../../notebook/shapes.js";

// A class rather than an object literal with a getter: rules create hundreds per notebook,
// and V8 creates class instances much faster.
class LazyFix implements Fix {
  private computed: readonly Edit[] | undefined;

  constructor(
    readonly description: string,
    private readonly compute: () => readonly Edit[],
    readonly sharedDescription: string | undefined,
  ) {
    keepShape(this);
  }

  get edits(): readonly Edit[] {
    this.computed ??= this.compute();
    return this.computed;
  }
}

export function lazyFix(description: string, compute: () => readonly Edit[], sharedDescription?: string): Fix {
  return new LazyFix(description, compute, sharedDescription);
}
