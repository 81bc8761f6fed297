// Worker-thread entry: processes a batch of files, one after another. Each worker parses with
// its own ast-grep instance.
import { processFile, type FileOutcome, type ProcessOptions } from "./process.js";

export type WorkerTask = ReadonlyArray<{ readonly path: string; readonly options: ProcessOptions }>;

export default async function run(task: WorkerTask): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const { path, options } of task) outcomes.push(await processFile(path, options));
  return outcomes;
}
