// Processes many files: in this thread for a few files or `--jobs 1`, else on a pool of worker
// threads. Outcomes come back in input order whatever finished first.
import { availableParallelism } from "node:os";
import { Tinypool } from "tinypool";
import { ProgressBar } from "./progress.js";
import { processFile, type FileOutcome, type ProcessOptions } from "./process.js";
import type { WorkerTask } from "./worker.js";

/** Below this many files a pool costs more to start than it saves. */
const POOL_THRESHOLD = 8;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function runFiles(files: readonly string[], optionsFor: (path: string) => ProcessOptions, jobs: number): Promise<FileOutcome[]> {
  const progress = new ProgressBar(files.length);
  const outcomes: FileOutcome[] = new Array(files.length);
  try {
    if (jobs <= 1 || files.length < POOL_THRESHOLD) {
      for (let i = 0; i < files.length; i++) {
        outcomes[i] = await processFile(files[i]!, optionsFor(files[i]!));
        progress.tick();
      }
      return outcomes;
    }
    const pool = new Tinypool({
      filename: new URL("./worker.js", import.meta.url).href,
      minThreads: Math.min(jobs, files.length),
      maxThreads: Math.min(jobs, files.length),
      idleTimeout: 1000,
      // A small young generation keeps each worker's heap (and the process's memory) small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    try {
      // A few tasks per thread in flight, not the whole list: the queue stays small and each
      // thread always has its next file ready.
      let next = 0;
      const lane = async () => {
        while (next < files.length) {
          const i = next++;
          const path = files[i]!;
          const task: WorkerTask = { path, options: optionsFor(path) };
          outcomes[i] = (await pool.run(task)) as FileOutcome;
          progress.tick();
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
