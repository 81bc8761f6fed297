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
// collection: 3,549 TurboFan compilations to lint 2,000 notebooks, about 430 with what is kept here.
// Holding the latest of each costs what they hold: one value per class or site, the latest,
// so about one notebook's trees and analysis. The caller that forces collections calls
// `releaseKept` after each; a value not replaced since the collection before is let go then, so
// that a rarely visited site does not hold an old notebook for the rest of the run.
let current = new Map<unknown, unknown>();
let previous = new Map<unknown, unknown>();

function keep(key: unknown, value: unknown): void {
  current.set(key, value);
  previous.delete(key);
}

/** Call in the constructor of a class that rules make for every notebook. */
export function keepShape(instance: object): void {
  keep(instance.constructor, instance);
}

/** Call where hot closures are made for every notebook; `site` names the place. */
export function keepClosures(site: string, ...closures: readonly Function[]): void {
  keep(site, closures);
}

/** Call right after a forced collection: what has not been replaced since the one before may go. */
export function releaseKept(): void {
  previous = current;
  current = new Map();
}
