// Keeps the latest instance of a class, and the latest closures made at a place in the code,
// alive, so that V8 keeps their optimized code across the CLI's forced collections.
//
// The CLI forces a collection after every dozen notebooks (their syntax trees live in native
// memory that V8 does not see). At that moment every notebook, cell, fix and closure of the
// files before is garbage, and V8 drops two things with them:
// - the map (hidden class) of a class's instances, held only while one of them lives, and with
//   it every optimized function that had read such objects;
// - the optimized code of an arrow function made on every call, held only while one of those
//   closures lives.
// Both were recompiled, on a background thread that competes with the other worker, after every
// collection: 3,549 TurboFan compilations to lint 2,000 notebooks, 425 with what is kept here.
// Holding the latest of each costs what they hold. The caller that forces collections calls
// `releaseKept` after each, and what was kept before the one before is let go: what is held
// comes from the last two intervals between collections (a few notebooks' trees at most), and
// V8's own collections in between still find the objects of the interval before.
let current = new Map<unknown, unknown>();
let previous = new Map<unknown, unknown>();

/** Call in the constructor of a class that rules make for every notebook. */
export function keepShape(instance: object): void {
  current.set(instance.constructor, instance);
}

/** Call where hot closures are made for every notebook; `site` names the place. */
export function keepClosures(site: string, ...closures: readonly Function[]): void {
  current.set(site, closures);
}

/** Call right after a forced collection: what was kept before the one before may go. */
export function releaseKept(): void {
  previous = current;
  current = new Map();
}
