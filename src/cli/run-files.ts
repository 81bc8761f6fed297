// Processes many files: in this thread for a few files or `--jobs 1`, else on a pool of worker
// threads. Outcomes come back in input order whatever finished first.
import { availableParallelism } from "node:os";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { Tinypool } from "tinypool";
import { ProgressBar } from "./progress.js";
import { processFile, type FileOutcome, type ProcessOptions, type ReportedDiagnostic } from "./process.js";
import type { AppliedFix } from "../engine/fixer.js";
import type { WorkerTask } from "./worker.js";

/** Below this many files a pool costs more to start than it saves. */
const POOL_THRESHOLD = 8;
/** Files per worker task, at most. */
const MAX_BATCH = 8;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

const FIELDS = 10;
const SEVERITIES: readonly ReportedDiagnostic["severity"][] = ["error", "warning", "info"];
const SAFETIES: readonly ReportedDiagnostic["fixSafety"][] = ["safe", "unsafe", "none"];

/**
 * Outcomes stay in memory until the run ends, and a file can have hundreds of diagnostics
 * whose short strings repeat from file to file (codes, rule names, fix descriptions). The store
 * keeps one copy of each of those and each file's diagnostics packed in an Int32Array beside
 * their messages (which name variables and lines, so rarely repeat: interning them would only
 * grow the table), its applied fixes packed the same way and a dry run's diff deflated; the
 * outcome's `diagnostics`, `applied` and `diff` are rebuilt (read-only) whenever they are read.
 */
class OutcomeStore {
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  private id(text: string | undefined): number {
    if (text === undefined) return -1;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  private text(id: number): string | undefined {
    return id < 0 ? undefined : this.strings[id];
  }

  compact(outcome: FileOutcome): FileOutcome {
    const { diagnostics: list, applied: appliedList, diff, ...rest } = outcome;
    // Fixes applied: [code, description, line] per fix, the strings interned.
    const applied = new Int32Array(appliedList.length * 3);
    appliedList.forEach((f, i) => {
      applied[i * 3] = this.id(f.code);
      applied[i * 3 + 1] = this.id(f.description);
      applied[i * 3 + 2] = f.line;
    });
    // A dry run's diff, deflated off the JavaScript heap: a fix can rewrite most of a notebook.
    const deflated = diff === "" ? undefined : deflateRawSync(diff, { level: 1 });
    const readApplied = (): AppliedFix[] => {
      const result: AppliedFix[] = [];
      for (let at = 0; at < applied.length; at += 3) result.push({ code: this.text(applied[at]!)!, description: this.text(applied[at + 1]!)!, line: applied[at + 2]! });
      return result;
    };
    const compacted = Object.defineProperties(rest, {
      applied: { get: readApplied, enumerable: true },
      diff: { get: () => (deflated ? inflateRawSync(deflated).toString() : ""), enumerable: true },
    });
    if (list.length === 0) return Object.defineProperty(compacted, "diagnostics", { value: [], enumerable: true }) as FileOutcome;
    const packed = new Int32Array(list.length * FIELDS);
    const messages = list.map((d) => d.message);
    list.forEach((d, i) => {
      const at = i * FIELDS;
      packed[at] = this.id(d.code);
      packed[at + 1] = this.id(d.name);
      packed[at + 2] = SEVERITIES.indexOf(d.severity);
      packed[at + 3] = d.line;
      packed[at + 4] = d.column;
      packed[at + 5] = d.endLine;
      packed[at + 6] = d.endColumn;
      packed[at + 7] = d.cell ?? -1;
      packed[at + 8] = SAFETIES.indexOf(d.fixSafety);
      packed[at + 9] = this.id(d.fixDescription);
    });
    const unpack = (): ReportedDiagnostic[] => {
      const result: ReportedDiagnostic[] = [];
      for (let i = 0, at = 0; at < packed.length; i++, at += FIELDS) {
        result.push({
          code: this.text(packed[at]!)!,
          name: this.text(packed[at + 1]!)!,
          severity: SEVERITIES[packed[at + 2]!]!,
          message: messages[i]!,
          line: packed[at + 3]!,
          column: packed[at + 4]!,
          endLine: packed[at + 5]!,
          endColumn: packed[at + 6]!,
          cell: packed[at + 7]! < 0 ? undefined : packed[at + 7]!,
          fixSafety: SAFETIES[packed[at + 8]!]!,
          fixDescription: this.text(packed[at + 9]!),
        });
      }
      return result;
    };
    return Object.defineProperty(compacted, "diagnostics", { get: unpack, enumerable: true }) as FileOutcome;
  }
}

export async function runFiles(files: readonly string[], optionsFor: (path: string) => ProcessOptions, jobs: number): Promise<FileOutcome[]> {
  const progress = new ProgressBar(files.length);
  const outcomes: FileOutcome[] = new Array(files.length);
  const store = new OutcomeStore();
  try {
    if (jobs <= 1 || files.length < POOL_THRESHOLD) {
      for (let i = 0; i < files.length; i++) {
        outcomes[i] = store.compact(await processFile(files[i]!, optionsFor(files[i]!)));
        progress.tick();
      }
      return outcomes;
    }
    const pool = new Tinypool({
      filename: new URL("./worker.js", import.meta.url).href,
      minThreads: Math.min(jobs, files.length),
      maxThreads: Math.min(jobs, files.length),
      idleTimeout: 1000,
      // A small young generation keeps each worker's heap (and the process's memory) small:
      // 16 MB cost some 20 MB more when two workers fix large notebooks, and was no faster.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    try {
      // Files go in small batches (each task costs a message each way and a memory reading in
      // the worker), a few batches per thread in flight: the queue stays small and each thread
      // always has its next batch ready. Outcomes land at their file's index, so the order
      // does not depend on which thread finishes first.
      const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(files.length / (jobs * 8))));
      let next = 0;
      const lane = async () => {
        while (next < files.length) {
          const first = next;
          next = Math.min(files.length, next + batch);
          const task: WorkerTask = files.slice(first, next).map((path) => ({ path, options: optionsFor(path) }));
          const results = (await pool.run(task)) as FileOutcome[];
          results.forEach((outcome, k) => {
            outcomes[first + k] = store.compact(outcome);
            progress.tick();
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(files.length, jobs * 2) }, lane));
    } finally {
      await pool.destroy();
    }
    return outcomes;
  } finally {
    progress.finish();
  }
}
