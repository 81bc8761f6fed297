// Worker-thread entry: processes one file. Each worker parses with its own ast-grep instance.
import { processFile, type FileOutcome, type ProcessOptions } from "./process.js";

export interface WorkerTask {
  readonly path: string;
  readonly options: ProcessOptions;
}

export default async function run(task: WorkerTask): Promise<FileOutcome> {
  return processFile(task.path, task.options);
}
