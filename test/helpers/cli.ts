// Runs the built `nvmarimo-fix` binary as a user would.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const BIN = resolve("bin/nvmarimo-fix.js");

export function runCli(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    input: options.input ?? "",
    encoding: "utf8",
    // Hermetic in GitHub Actions too: paths in github/sarif output follow GITHUB_WORKSPACE.
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", GITHUB_WORKSPACE: "", ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = "nvmarimo-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
