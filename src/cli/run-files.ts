// Processes many files: in this thread for a few files or `--jobs 1`, else on a pool of worker
// threads. Each outcome is handed on in input order as soon as it and every file before it are
// done, so a run over thousands of files holds only the few that finished out of turn.
import { availableParallelism } from "node:os";
import { Tinypool } from "tinypool";
import { processFile, type FileOutcome, type ProcessOptions } from "./process.js";
import type { WorkerTask } from "./worker.js";

/** Below this many files a pool costs more to start than it saves. */
const POOL_THRESHOLD = 8;
/** Files per worker task, at most. */
const MAX_BATCH = 8;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface RunFilesOptions {
  readonly jobs: number;
  /** Called once per file, in the order of `files`. */
  readonly onOutcome: (outcome: FileOutcome) => void;
  /** Called as each file finishes, in whatever order they finish (a progress bar). */
  readonly onFinished?: () => void;
}

/** Hands outcomes that arrive in any order on in index order, holding those that came early. */
class InOrder {
  private next = 0;
  private readonly early = new Map<number, FileOutcome>();

  constructor(private readonly deliver: (outcome: FileOutcome) => void) {}

  put(index: number, outcome: FileOutcome): void {
    this.early.set(index, outcome);
    for (let ready = this.early.get(this.next); ready !== undefined; ready = this.early.get(this.next)) {
      this.early.delete(this.next++);
      this.deliver(ready);
    }
  }
}

export async function runFiles(files: readonly string[], optionsFor: (path: string) => ProcessOptions, options: RunFilesOptions): Promise<void> {
  const { jobs, onOutcome, onFinished } = options;
  if (jobs <= 1 || files.length < POOL_THRESHOLD) {
    for (const path of files) {
      onFinished?.();
      onOutcome(await processFile(path, optionsFor(path)));
    }
    return;
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
  const inOrder = new InOrder(onOutcome);
  try {
    // Files go in small batches (each task costs a message each way and a memory reading in
    // the worker), a few batches per thread in flight: the queue stays small and each thread
    // always has its next batch ready.
    const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(files.length / (jobs * 8))));
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const first = next;
        next = Math.min(files.length, next + batch);
        const task: WorkerTask = files.slice(first, next).map((path) => ({ path, options: optionsFor(path) }));
        const results = (await pool.run(task)) as FileOutcome[];
        results.forEach((outcome, k) => {
          onFinished?.();
          inOrder.put(first + k, outcome);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(files.length, jobs * 2) }, lane));
  } finally {
    await pool.destroy();
  }
}
