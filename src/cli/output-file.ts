// `--output-file`: where the report goes instead of stdout.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { describeIoError } from "../api.js";
import type { ReportText } from "./output.js";

export interface ReportFile {
  readonly write: (text: ReportText) => void;
  /** Closes the file; false (after a one-line error naming it) when a write failed. */
  readonly close: () => boolean;
}

/**
 * `--output-file`: the report goes to a file, written synchronously (a file never needs the
 * backpressure a pipe does). Missing parent directories are created, as ruff does (a CI step
 * writes `reports/nvmarimo.sarif` on a fresh checkout). `undefined` without the option; `null`
 * when the file cannot be opened, after a one-line error naming it.
 */
export function openReportFile(path: string | undefined): ReportFile | undefined | null {
  if (path === undefined) return undefined;
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, "w");
  } catch (error) {
    process.stderr.write(`nvmarimo-fix: ${path}: ${describeIoError(error)}\n`);
    return null;
  }
  let failure: unknown;
  return {
    write: (text) => {
      if (failure !== undefined) return;
      try {
        const bytes = typeof text === "string" ? Buffer.from(text) : text;
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      } catch (error) {
        failure = error;
      }
    },
    close: () => {
      closeSync(fd);
      if (failure !== undefined) process.stderr.write(`nvmarimo-fix: ${path}: ${describeIoError(failure)}\n`);
      return failure === undefined;
    },
  };
}
