// Worker-thread entry: processes a batch of files, one after another, and renders each one's
// part of the report here, so the main thread only writes text. Each worker parses with its
// own ast-grep instance.
import { asBytes, reportFile, type FileReport, type ReportOptions } from "./output.js";
import { processFile, type ProcessOptions } from "./process.js";

export interface WorkerTask {
  readonly report: ReportOptions;
  readonly files: ReadonlyArray<{ readonly path: string; readonly options: ProcessOptions }>;
}

/** Each file's own configuration decides whether its unsafe fixes count as available (`[*]`). */
export async function processAndReport(path: string, options: ProcessOptions, report: ReportOptions): Promise<FileReport> {
  const outcome = await processFile(path, options);
  return reportFile(outcome, options.unsafeFixes === report.unsafeFixes ? report : { ...report, unsafeFixes: options.unsafeFixes });
}

export default async function run(task: WorkerTask): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const { path, options } of task.files) reports.push(asBytes(await processAndReport(path, options, task.report)));
  return reports;
}
