// Keeps the latest instance of a class alive.
//
// V8 holds the map (hidden class) of a class's instances only while one of them lives. The CLI
// forces a collection after every dozen notebooks (their syntax trees live in native memory that
// V8 does not see); at that moment every notebook, cell and fix of the files before is garbage,
// so their maps went too, and with them every optimized function that had read such objects:
// those were recompiled, on a background thread, after every collection (some 3,000
// compilations for 2,000 notebooks). Holding the latest instance of each class the rules make
// per notebook keeps the maps. It costs what that instance holds: one notebook's tree at most.
const latest = new Map<unknown, object>();

export function keepShape(instance: object): void {
  latest.set(instance.constructor, instance);
}
