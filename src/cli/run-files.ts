// Processes many files: in this thread for a few files or `--jobs 1`, else on a pool of worker
// threads. Each file's part of the report is handed on in input order as soon as it and every
// file before it are done, so a run over thousands of files holds only the few that finished
// out of turn.
import { availableParallelism } from "node:os";
import { Tinypool } from "tinypool";
import type { FileReport, ReportOptions } from "./output.js";
import type { ProcessOptions } from "./process.js";
import { processAndReport, type WorkerTask } from "./worker.js";

/** Below this many files a pool costs more to start than it saves. */
const POOL_THRESHOLD = 8;
/** Files per worker task when linting, at most; a fix takes long enough to go alone. */
const MAX_LINT_BATCH = 8;
/**
 * How far past the first file not yet reported a thread may start: reports that finish out of
 * turn wait in memory (a dry run's with its diff) behind a file that takes long.
 */
const MAX_AHEAD = 64;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface RunFilesOptions {
  readonly jobs: number;
  /** How each file's part of the report is rendered (in the thread that processed it). */
  readonly report: ReportOptions;
  /** Called once per file, in the order of `files`. */
  readonly onReport: (report: FileReport) => void;
  /** Called as each file finishes, in whatever order they finish (a progress bar). */
  readonly onFinished?: () => void;
  /**
   * A promise while the report's output holds more than it can take at once (a pipe read
   * slowly, or not read while this thread works): no further file starts until it resolves.
   */
  readonly backpressure?: () => Promise<unknown> | undefined;
}

/** Hands items that arrive in any order on in index order, holding those that came early. */
export class InOrder<T> {
  /** Index of the first item not yet handed on. */
  private next = 0;
  private readonly early = new Map<number, T>();
  private waiting: Array<{ index: number; resume: () => void }> = [];

  constructor(
    private readonly deliver: (item: T) => void,
    /** How far past the first item not yet handed on `room` lets a producer go. */
    private readonly maxAhead: number,
  ) {}

  put(index: number, item: T): void {
    this.early.set(index, item);
    for (let ready = this.early.get(this.next); ready !== undefined; ready = this.early.get(this.next)) {
      this.early.delete(this.next++);
      this.deliver(ready);
    }
    const still: typeof this.waiting = [];
    for (const w of this.waiting) (w.index < this.next + this.maxAhead ? w.resume() : still.push(w));
    this.waiting = still;
  }

  /** Resolves once the item at `index` is close enough to the first one not yet handed on. */
  room(index: number): Promise<void> | undefined {
    if (index < this.next + this.maxAhead) return undefined;
    return new Promise((resume) => this.waiting.push({ index, resume }));
  }
}

export async function runFiles(files: readonly string[], optionsFor: (path: string) => ProcessOptions, options: RunFilesOptions): Promise<void> {
  const { jobs, report, onReport, onFinished, backpressure } = options;
  const fixing = files.length > 0 && !optionsFor(files[0]!).check;
  if (jobs <= 1 || files.length < POOL_THRESHOLD) {
    for (const path of files) {
      await backpressure?.();
      const rendered = await processAndReport(path, optionsFor(path), report);
      onFinished?.();
      onReport(rendered);
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
  const inOrder = new InOrder<FileReport>(onReport, MAX_AHEAD);
  try {
    // Files to lint go in small batches (each task costs a message each way and a memory
    // reading in the worker), a few batches per thread in flight: the queue stays small and
    // each thread always has its next batch ready.
    const batch = fixing ? 1 : Math.max(1, Math.min(MAX_LINT_BATCH, Math.floor(files.length / (jobs * 8))));
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const first = next;
        const end = (next = Math.min(files.length, next + batch));
        await inOrder.room(end - 1);
        await backpressure?.();
        const task: WorkerTask = { report, files: files.slice(first, end).map((path) => ({ path, options: optionsFor(path) })) };
        const results = (await pool.run(task)) as FileReport[];
        results.forEach((rendered, k) => {
          onFinished?.();
          inOrder.put(first + k, rendered);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(files.length, jobs * 2) }, lane));
  } finally {
    await pool.destroy();
  }
}
