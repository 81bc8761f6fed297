// The `nvmarimo-fix` command line.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import yargs from "yargs";
import { NotebookSourceError, readNotebookFile } from "../api.js";
import { unknownSelectors } from "../engine/select.js";
import { checklistMarkdown, runChecklist } from "./checklist.js";
import { ALL_RULES, ruleByCode } from "../transforms/index.js";
import { ConfigError, EMPTY_CONFIG, findConfigFile, loadConfig, matchesGlob, type Config } from "./config.js";
import { discoverFiles } from "./discover.js";
import { OUTPUT_FORMATS, Report, reportFile, type OutputFormat, type ReportOptions, type ReportText } from "./output.js";
import { ProgressBar } from "./progress.js";
import { explainRule } from "./rule-docs.js";
import { processSource, type ProcessOptions } from "./process.js";
import { defaultJobs, runFiles } from "./run-files.js";

export const EXIT_CLEAN = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;
/** What a shell reports for a process a closed pipe stopped (128 + SIGPIPE), as for `git log | head`. */
export const EXIT_BROKEN_PIPE = 141;

/**
 * When the reader of the output goes away (`nvmarimo-fix . | head`), stop quietly, as Unix tools
 * do, instead of dying on an unhandled EPIPE with a stack trace. Files already fixed stay fixed
 * (each write is atomic); the rest are left as they were.
 */
function stopOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(EXIT_BROKEN_PIPE);
    });
  }
}

function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(",")).map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function buildParser(argv: string[]) {
  return yargs(argv)
    .scriptName("nvmarimo-fix")
    .usage("$0 [paths..]\n\nFind and fix NVIDIA GPU best-practice violations in marimo notebooks.\nPaths are files, directories (searched for *.py) or globs; `-` reads stdin.")
    .option("dry-run", { type: "boolean", default: false, describe: "Show the diff of what would be fixed and what remains; write nothing" })
    .option("check", { type: "boolean", default: false, describe: "Report violations only; do not compute fixes" })
    .option("unsafe-fixes", { type: "boolean", describe: "Also apply fixes that change behaviour on purpose" })
    .option("select", { type: "string", describe: "Rule codes or prefixes to enable (e.g. NVG, NVR001)" })
    .option("extend-select", { type: "string", describe: "Rule codes or prefixes to enable in addition" })
    .option("ignore", { type: "string", describe: "Rule codes or prefixes to disable" })
    .option("format", { choices: OUTPUT_FORMATS, default: "text" as OutputFormat, describe: "Output format" })
    .option("statistics", { type: "boolean", default: false, describe: "Show counts per rule instead of each violation" })
    .option("show-fixes", { type: "boolean", default: false, describe: "List each fix that was applied" })
    .option("config", { type: "string", describe: "Configuration file (default: nearest pyproject.toml with [tool.nvmarimo-fix])" })
    .option("jobs", { alias: "j", type: "number", describe: "Worker threads (default: number of cores)" })
    .option("stdin-filename", { type: "string", describe: "Path to report for a notebook read from stdin (`-`)" })
    .option("list-rules", { type: "boolean", default: false, describe: "List the rules and exit" })
    .option("explain", { type: "string", describe: "Show a rule's documentation and exit" })
    .option("color", { type: "boolean", describe: "Force or disable colour (default: on a TTY)" })
    .strictOptions()
    .version(readVersion())
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    });
}

export async function main(argv: string[]): Promise<number> {
  stopOnBrokenPipe();
  if (argv[0] === "checklist") return checklistCommand(argv.slice(1));
  let args;
  try {
    args = await buildParser(argv).parseAsync();
  } catch (error) {
    process.stderr.write(`nvmarimo-fix: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  if (args.help || args.version) return EXIT_CLEAN;
  const color = args.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);

  if (args["list-rules"]) {
    for (const rule of ALL_RULES) process.stdout.write(`${rule.code}  ${rule.name.padEnd(34)} ${rule.fix.padEnd(6)} ${rule.summary}\n`);
    return EXIT_CLEAN;
  }
  if (args.explain !== undefined) {
    const rule = ruleByCode(args.explain);
    if (!rule) {
      process.stderr.write(`nvmarimo-fix: unknown rule \`${args.explain}\` (see --list-rules)\n`);
      return EXIT_ERROR;
    }
    process.stdout.write(explainRule(rule));
    return EXIT_CLEAN;
  }

  const paths = (args._ as Array<string | number>).map(String);
  let config: Config;
  try {
    const file = args.config ?? findConfigFile(paths[0] && paths[0] !== "-" ? resolve(paths[0]) : process.cwd());
    config = file ? loadConfig(file) : EMPTY_CONFIG;
  } catch (error) {
    process.stderr.write(`nvmarimo-fix: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }

  const select = listOption(args.select) ?? config.select;
  const ignore = [...(config.ignore ?? []), ...(listOption(args.ignore) ?? [])];
  const extendSelect = [...(config.extendSelect ?? []), ...(listOption(args["extend-select"]) ?? [])];
  const perFileCodes = Object.values(config.perFileIgnores).flat();
  const unknown = unknownSelectors(ALL_RULES, [...(select ?? []), ...ignore, ...extendSelect, ...perFileCodes]);
  if (unknown.length > 0) {
    const where = config.path ? ` (command line or ${config.path})` : "";
    process.stderr.write(`nvmarimo-fix: unknown rule code or prefix${where}: ${unknown.join(", ")}\n`);
    return EXIT_ERROR;
  }
  const base: ProcessOptions = {
    unsafeFixes: args["unsafe-fixes"] ?? config.unsafeFixes ?? false,
    dryRun: args["dry-run"],
    check: args.check,
    ...(select ? { select } : {}),
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(extendSelect.length > 0 ? { extendSelect } : {}),
    ...(Object.keys(config.ruleOptions).length > 0 ? { ruleOptions: config.ruleOptions } : {}),
  };
  const configRoot = config.path ? dirname(resolve(config.path)) : process.cwd();
  const relativeToConfig = (path: string) => relative(configRoot, resolve(path)).split(sep).join("/");
  const optionsFor = (path: string): ProcessOptions => {
    const extra = Object.entries(config.perFileIgnores)
      .filter(([glob]) => matchesGlob(relativeToConfig(path), glob))
      .flatMap(([, codes]) => codes);
    return extra.length > 0 ? { ...base, ignore: [...(base.ignore ?? []), ...extra] } : base;
  };

  if (paths.length === 1 && paths[0] === "-") return runStdin(args["stdin-filename"] ?? "-", optionsFor(args["stdin-filename"] ?? "-"));
  if (paths.length === 0) {
    process.stderr.write("nvmarimo-fix: give one or more files, directories or globs (try `nvmarimo-fix --help`)\n");
    return EXIT_ERROR;
  }

  const started = performance.now();
  const discovery = await discoverFiles(paths, {
    isExcluded: (path) => config.exclude.some((glob) => matchesGlob(relativeToConfig(path), glob)),
  });
  const jobs = args.jobs !== undefined && args.jobs >= 1 ? Math.floor(args.jobs) : defaultJobs();
  const progress = new ProgressBar(discovery.files.length);
  // The bar shares the terminal with the report: clear it before each piece of the report.
  const write = (stream: NodeJS.WriteStream) => (text: ReportText) => {
    progress.clear();
    stream.write(text);
  };
  const reportOptions: ReportOptions = {
    format: args.format,
    dryRun: base.dryRun,
    unsafeFixes: base.unsafeFixes,
    statistics: args.statistics,
    showFixes: args["show-fixes"],
    color,
  };
  const report = new Report(reportOptions, { stdout: write(process.stdout), stderr: write(process.stderr) });
  // Paths that could not be searched take their place in the sorted order among the files.
  const pathErrors = [...discovery.errors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let nextError = 0;
  const reportPathErrorsBefore = (path: string | undefined) => {
    for (; nextError < pathErrors.length && (path === undefined || pathErrors[nextError]!.path < path); nextError++) {
      const error = pathErrors[nextError]!;
      report.add(reportFile({ path: error.path, status: "failed", diagnostics: [], applied: [], diff: "", message: error.message, internalErrors: [] }, reportOptions));
    }
  };
  let reported = 0;
  try {
    await runFiles(discovery.files, optionsFor, {
      jobs,
      report: reportOptions,
      onFinished: () => progress.tick(),
      backpressure: () => whenDrained(process.stdout) ?? whenDrained(process.stderr),
      onReport: (fileReport) => {
        reportPathErrorsBefore(discovery.files[reported++]);
        report.add(fileReport);
      },
    });
  } finally {
    progress.finish();
  }
  reportPathErrorsBefore(undefined);
  report.finish(performance.now() - started);

  const tally = report.tally;
  if (tally.failed > 0) return EXIT_ERROR;
  const wouldChange = base.dryRun && tally.changed > 0;
  return tally.remaining > 0 || wouldChange ? EXIT_VIOLATIONS : EXIT_CLEAN;
}

/** Editor integration: read a notebook on stdin, print the fixed source (or the diff). */
async function runStdin(name: string, options: ProcessOptions): Promise<number> {
  const source = readFileSync(0, "utf8");
  const outcome = await processSource(name, source, options);
  if (outcome.status === "failed" || outcome.status === "skipped") {
    process.stderr.write(`${name}${outcome.line ? `:${outcome.line}` : ""}: ${outcome.message}\n`);
    if (!options.dryRun) process.stdout.write(source);
    return outcome.status === "failed" ? EXIT_ERROR : EXIT_CLEAN;
  }
  process.stdout.write(options.dryRun ? outcome.diff : (outcome.output ?? source));
  for (const d of outcome.diagnostics) process.stderr.write(`${name}:${d.line}:${d.column}: ${d.code} ${d.message}\n`);
  return outcome.diagnostics.length > 0 || (options.dryRun && outcome.diff !== "") ? EXIT_VIOLATIONS : EXIT_CLEAN;
}

/** `nvmarimo-fix checklist <notebook> [--format markdown|json]`. */
async function checklistCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = await yargs(argv)
      .scriptName("nvmarimo-fix checklist")
      .usage("$0 <notebook>\n\nThe guide's Validation Checklist for one notebook: passed, failed (with rule and line), not applicable, or review by hand.")
      .option("format", { choices: ["markdown", "json"] as const, default: "markdown" as const })
      .demandCommand(1, 1, "give one notebook", "give one notebook")
      .strictOptions()
      .help()
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseAsync();
  } catch (error) {
    process.stderr.write(`nvmarimo-fix checklist: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  if (args.help) return EXIT_CLEAN;
  const path = String(args._[0]);
  let results;
  try {
    const { source } = await readNotebookFile(path);
    results = runChecklist(source);
  } catch (error) {
    const line = (error as NotebookSourceError).line;
    process.stderr.write(`${path}${line ? `:${line}` : ""}: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  process.stdout.write(args.format === "json" ? JSON.stringify({ path, items: results }, null, 2) + "\n" : checklistMarkdown(path, results));
  return results.some((r) => r.status === "failed") ? EXIT_VIOLATIONS : EXIT_CLEAN;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "unknown";
  }
}

/**
 * Output written to a pipe that is full waits in memory until the event loop gets to it; when
 * this thread lints one file after another it seldom does, and a run whose report is read
 * through a pipe (`| tee`, a CI log) grew to hold the whole report. Files wait instead.
 */
function whenDrained(stream: NodeJS.WriteStream): Promise<void> | undefined {
  if (!stream.writableNeedDrain) return undefined;
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}
