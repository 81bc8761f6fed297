// The `nvmarimo-fix` command line.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yargs from "yargs";
import { BOM, decodeNotebook, NotebookSourceError, readNotebookFile } from "../api.js";
import { matchesAnySelector, resolveSelection, unknownSelectors, type Selection } from "../engine/select.js";
import { checklistMarkdown, runChecklist } from "./checklist.js";
import { ALL_RULES, ruleByCode } from "../transforms/index.js";
import { DEFAULT_CACHE_DIR, fingerprint, type CacheSettings } from "./cache.js";
import { ConfigError, type Config } from "./config.js";
import { ConfigResolver } from "./config-resolver.js";
import { discoverFiles, displayPath } from "./discover.js";
import { namesReadThroughDefs } from "./embedded-reads.js";
import { openReportFile } from "./output-file.js";
import { OUTPUT_FORMATS, Report, reportFile, type OutputFormat, type ReportOptions, type ReportText } from "./output.js";
import { ProgressBar } from "./progress.js";
import { explainRule } from "./rule-docs.js";
import { processSource, type FileOutcome, type ProcessOptions } from "./process.js";
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

/** Thrown for a command line that cannot mean anything; reported as a usage error (status 2). */
class UsageError extends Error {}

function listOption(name: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(",")).map((s) => s.trim()).filter(Boolean);
  // `--select ""` (an unset shell variable, say) selecting every rule would be a surprise.
  if (items.length === 0) throw new UsageError(`--${name} needs rule codes or prefixes (e.g. NVG, NVR001)`);
  return items;
}

/** Options that take one value: given twice, or empty (`--config ""`), they are a usage error. */
const SINGLE_VALUE_OPTIONS = ["config", "stdin-filename", "explain", "format", "jobs", "output-file", "cache-dir"] as const;

function valueProblem(args: Partial<Record<(typeof SINGLE_VALUE_OPTIONS)[number], unknown>>): string | undefined {
  for (const name of SINGLE_VALUE_OPTIONS) {
    const value = args[name];
    if (Array.isArray(value)) return `--${name} was given more than once`;
    if (value === "") return `--${name} needs a value`;
  }
  return undefined;
}

/**
 * Combinations of options and paths that cannot mean anything, caught before any file is read:
 * each would otherwise run as something else (a file named `-`, a notebook fixed in place when
 * the user meant stdin), which is the worst way to find out.
 */
function usageProblem(
  args: { check: boolean; "dry-run": boolean; jobs?: number | undefined; "stdin-filename"?: string | undefined; format: OutputFormat; "exit-zero": boolean; "exit-non-zero-on-fix": boolean; "output-file"?: string | undefined; statistics: boolean },
  paths: readonly string[],
): string | undefined {
  if (args.check && args["dry-run"]) return "--check (report only) and --dry-run (show the fixes) cannot be used together";
  if (args["exit-zero"] && args["exit-non-zero-on-fix"]) return "--exit-zero and --exit-non-zero-on-fix cannot be used together";
  if (args.jobs !== undefined && !(Number.isInteger(args.jobs) && args.jobs >= 1)) return "--jobs needs a whole number of threads, at least 1";
  // A table of counts in a SARIF log or among workflow commands would make either unreadable.
  if (args.statistics && (args.format === "sarif" || args.format === "github")) return `--statistics prints text or json, not ${args.format}`;
  const stdin = paths.includes("-");
  if (stdin && paths.length > 1) return "`-` (read a notebook from stdin) cannot be combined with other paths";
  if (args["stdin-filename"] !== undefined && paths.length > 0 && !stdin) return "--stdin-filename names the notebook read from stdin: give `-` (or no path), not other paths";
  if ((stdin || (paths.length === 0 && args["stdin-filename"] !== undefined)) && !args.check && args.format !== "text") {
    return `--format ${args.format} with stdin needs --check: stdout carries the fixed source (or the diff with --dry-run)`;
  }
  if ((stdin || (paths.length === 0 && args["stdin-filename"] !== undefined)) && !args.check && args["output-file"] !== undefined) {
    return "--output-file with stdin needs --check: the fixed source (or the diff) goes to stdout and the report to stderr";
  }
  return undefined;
}

function buildParser(argv: string[]) {
  return yargs(argv)
    .scriptName("nvmarimo-fix")
    .usage("$0 [paths..]\n\nFind and fix NVIDIA GPU best-practice violations in marimo notebooks.\nPaths are files, directories (searched for *.py) or globs; `-` reads stdin.")
    .option("dry-run", { type: "boolean", default: false, describe: "Show the diff of what would be fixed and what remains; write nothing" })
    .option("check", { type: "boolean", default: false, describe: "Report violations only; do not compute fixes" })
    .option("unsafe-fixes", { type: "boolean", describe: "Also apply fixes that change behaviour on purpose" })
    .option("select", { type: "string", describe: "Rule codes or prefixes to enable (e.g. NVG, NVR001), in place of the configuration's select, extend-select and ignore" })
    .option("extend-select", { type: "string", describe: "Rule codes or prefixes to enable on top of the configuration's selection" })
    .option("ignore", { type: "string", describe: "Rule codes or prefixes to disable (a more specific --select or --extend-select wins)" })
    .option("format", { choices: OUTPUT_FORMATS, default: "text" as OutputFormat, describe: "Output format" })
    .option("statistics", { type: "boolean", default: false, describe: "Show counts per rule instead of each violation" })
    .option("show-fixes", { type: "boolean", default: false, describe: "List each fix that was applied" })
    .option("output-file", { alias: "o", type: "string", describe: "Write the report to this file instead of stdout" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print the report only: no summary, no progress bar" })
    .option("cache", { type: "boolean", default: true, describe: "Reuse the results of unchanged files (--no-cache: compute every file)" })
    .option("cache-dir", { type: "string", describe: "Where the results cache lives (default: $NVMARIMO_CACHE_DIR, else .nvmarimo_cache)" })
    .option("force-exclude", { type: "boolean", describe: "Apply exclude to paths named on the command line too (pre-commit names every file)" })
    .option("exit-zero", { type: "boolean", default: false, describe: "Exit with status 0 even when violations remain (2 still means an error)" })
    .option("exit-non-zero-on-fix", { type: "boolean", default: false, describe: "Exit with status 1 when a file was fixed, even if nothing remains" })
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
  const repeated = valueProblem(args);
  if (repeated) {
    process.stderr.write(`nvmarimo-fix: ${repeated}\n`);
    return EXIT_ERROR;
  }
  const color = args.color ?? (args["output-file"] === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);

  if (args["list-rules"]) {
    if (args.format === "text") {
      for (const rule of ALL_RULES) process.stdout.write(`${rule.code}  ${rule.name.padEnd(34)} ${rule.fix.padEnd(6)} ${rule.summary}\n`);
    } else if (args.format === "json") {
      // As `ruff rule --all --output-format json`: one object per rule, for tools to read.
      const rules = ALL_RULES.map((r) => ({ code: r.code, name: r.name, section: r.section, severity: r.severity, fix: r.fix, summary: r.summary, options: (r.options ?? []).map((o) => o.name) }));
      process.stdout.write(JSON.stringify(rules, null, 2) + "\n");
    } else {
      process.stderr.write(`nvmarimo-fix: --list-rules prints text or json, not ${args.format}\n`);
      return EXIT_ERROR;
    }
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
  const problem = usageProblem(args, paths);
  if (problem) {
    process.stderr.write(`nvmarimo-fix: ${problem}\n`);
    return EXIT_ERROR;
  }
  // `--stdin-filename` alone reads stdin, as with ruff.
  const stdinName = args["stdin-filename"];
  const fromStdin = paths[0] === "-" || (paths.length === 0 && stdinName !== undefined);
  let cliSelect: string[] | undefined;
  let cliIgnore: string[];
  let cliExtendSelect: string[];
  try {
    cliSelect = listOption("select", args.select);
    cliIgnore = listOption("ignore", args.ignore) ?? [];
    cliExtendSelect = listOption("extend-select", args["extend-select"]) ?? [];
  } catch (error) {
    process.stderr.write(`nvmarimo-fix: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  const unknownOnCommandLine = unknownSelectors(ALL_RULES, [...(cliSelect ?? []), ...cliIgnore, ...cliExtendSelect]);
  if (unknownOnCommandLine.length > 0) {
    process.stderr.write(`nvmarimo-fix: unknown rule code or prefix (command line): ${unknownOnCommandLine.join(", ")}\n`);
    return EXIT_ERROR;
  }
  const configs = new ConfigResolver(args.config, (config) => {
    // An extended file's codes are named with it (inherited per-file-ignores with the extending file).
    for (const layer of config.inherited) {
      const unknown = unknownSelectors(ALL_RULES, [...(layer.select ?? []), ...(layer.ignore ?? []), ...(layer.extendSelect ?? [])]);
      if (unknown.length > 0) throw new ConfigError(`${layer.path}: unknown rule code or prefix: ${unknown.join(", ")}`);
    }
    const codes = [...(config.select ?? []), ...(config.ignore ?? []), ...(config.extendSelect ?? []), ...Object.values(config.perFileIgnores).flat()];
    const unknown = unknownSelectors(ALL_RULES, codes);
    if (unknown.length > 0) throw new ConfigError(`${config.path}: unknown rule code or prefix: ${unknown.join(", ")}`);
  });
  // Rule selection as ruff resolves it: the configuration is one layer (after those of the
  // files it extends) and the command line another, applied after it (its `--select` replaces whatever the configuration selected or
  // ignored; its `--extend-select` and `--ignore` enable and disable on top); within a layer the
  // more specific selector wins (engine/select.ts). `per-file-ignores` apply last. Each file's
  // rules are sent to the API as their exact codes.
  const cliLayer: Selection = {
    ...(cliSelect ? { select: cliSelect } : {}),
    ...(cliExtendSelect.length > 0 ? { extendSelect: cliExtendSelect } : {}),
    ...(cliIgnore.length > 0 ? { ignore: cliIgnore } : {}),
  };
  // The results cache, for files (stdin is an editor's buffer, read once).
  const cacheDir = args["cache-dir"] ?? (process.env.NVMARIMO_CACHE_DIR || DEFAULT_CACHE_DIR);
  const cache: CacheSettings | undefined = args.cache && !fromStdin ? { dir: resolve(cacheDir), fingerprint: fingerprint() } : undefined;
  const optionsOfConfig = new Map<Config, ProcessOptions & { readonly select: string[] }>();
  const optionsForConfig = (config: Config): ProcessOptions & { readonly select: string[] } => {
    let options = optionsOfConfig.get(config);
    if (!options) {
      const select = resolveSelection(ALL_RULES, [...config.inherited, config, cliLayer]).map((rule) => rule.code);
      options = {
        unsafeFixes: args["unsafe-fixes"] ?? config.unsafeFixes ?? false,
        dryRun: args["dry-run"],
        check: args.check,
        select,
        ...(Object.keys(config.ruleOptions).length > 0 ? { ruleOptions: config.ruleOptions } : {}),
        ...(cache ? { cache } : {}),
      };
      optionsOfConfig.set(config, options);
    }
    return options;
  };
  // Globals other files of the run read by name (`.defs["x"]`): NVO002 keeps them (set after discovery).
  let readElsewhere: string[] = [];
  const withReadElsewhere = new WeakMap<ProcessOptions, ProcessOptions>();
  const keepReadElsewhere = (options: ProcessOptions): ProcessOptions => {
    if (readElsewhere.length === 0) return options;
    let kept = withReadElsewhere.get(options);
    if (!kept) {
      const configured = (options.ruleOptions?.NVO002?.keep as string[] | undefined) ?? [];
      const ruleOptions = { ...options.ruleOptions, NVO002: { ...options.ruleOptions?.NVO002, keep: [...new Set([...configured, ...readElsewhere])] } };
      withReadElsewhere.set(options, (kept = { ...options, ruleOptions }));
    }
    return kept;
  };
  const optionsFor = (path: string): ProcessOptions => {
    const base = optionsForConfig(configs.forFile(path));
    const ignored = configs.perFileIgnores(path);
    return keepReadElsewhere(ignored.length > 0 ? { ...base, select: base.select.filter((code) => !matchesAnySelector(code, ignored)) } : base);
  };

  // Configuration errors stop the run before any file is read: the configurations governing
  // the first path (or the notebook on stdin) are loaded here, the others during discovery.
  let first: ProcessOptions;
  let stdinExcluded = false;
  try {
    first = fromStdin ? optionsFor(stdinName ?? join(process.cwd(), "-")) : optionsForConfig(configs.forDirectory(resolve(paths[0] ?? ".")));
    stdinExcluded = fromStdin && stdinName !== undefined && configs.isForceExcluded(stdinName, args["force-exclude"]);
  } catch (error) {
    process.stderr.write(`nvmarimo-fix: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }

  const reportOptions: ReportOptions = {
    format: args.format,
    dryRun: args["dry-run"],
    // The file's own configuration decides for each file (see processAndReport); this is the
    // command line's or the first path's.
    unsafeFixes: first.unsafeFixes,
    statistics: args.statistics,
    showFixes: args["show-fixes"],
    quiet: args.quiet,
    color,
  };
  // As with ruff, --exit-zero also covers files that could not be processed (they are still
  // reported): a CI step that uploads the report must not stop on one broken notebook. Usage
  // and configuration errors stop the run before this.
  const exitStatus = (status: number, changed: boolean): number => {
    if (args["exit-zero"]) return EXIT_CLEAN;
    if (status === EXIT_ERROR) return status;
    return changed && args["exit-non-zero-on-fix"] ? EXIT_VIOLATIONS : status;
  };
  if (fromStdin) {
    const stdinRun = await runStdin(stdinName ?? "-", first, reportOptions, args["output-file"], stdinExcluded);
    return exitStatus(stdinRun.status, stdinRun.changed);
  }
  if (paths.length === 0) {
    process.stderr.write("nvmarimo-fix: give one or more files, directories or globs (try `nvmarimo-fix --help`)\n");
    return EXIT_ERROR;
  }

  const started = performance.now();
  let discovery: Awaited<ReturnType<typeof discoverFiles>>;
  try {
    discovery = await discoverFiles(paths, {
      isExcluded: (path) => configs.isExcluded(path),
      isForceExcluded: (path) => configs.isForceExcluded(path, args["force-exclude"]),
    });
    // Every file's configuration, loaded before the first file is touched.
    for (const file of discovery.files) optionsFor(file);
    readElsewhere = namesReadThroughDefs(discovery.files).sort();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`nvmarimo-fix: ${error.message}\n`);
    return EXIT_ERROR;
  }
  // A glob that matches nothing, or a directory without notebooks, is most often a typo.
  if (discovery.files.length === 0 && discovery.errors.length === 0 && !args.quiet) {
    process.stderr.write("nvmarimo-fix: warning: no Python files found under the given paths\n");
  }
  const jobs = args.jobs ?? defaultJobs(); // a whole number of at least 1 (usageProblem)
  const outputFile = openReportFile(args["output-file"]);
  if (outputFile === null) return EXIT_ERROR;
  const progress = new ProgressBar(args.quiet ? 0 : discovery.files.length);
  // The bar shares the terminal with the report: clear it before each piece of the report.
  const write = (stream: NodeJS.WriteStream) => (text: ReportText) => {
    progress.clear();
    stream.write(text);
  };
  const report = new Report(reportOptions, { stdout: outputFile?.write ?? write(process.stdout), stderr: write(process.stderr) });
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
  if (outputFile && !outputFile.close()) return EXIT_ERROR;

  const tally = report.tally;
  const wouldChange = args["dry-run"] && tally.changed > 0;
  const status = tally.failed > 0 ? EXIT_ERROR : tally.remaining > 0 || wouldChange ? EXIT_VIOLATIONS : EXIT_CLEAN;
  return exitStatus(status, !args["dry-run"] && tally.changed > 0);
}

/**
 * Editor integration: read a notebook on stdin. With `--check`, the report a file run gives,
 * in any format, on stdout; else the fixed source (or the diff) on stdout and what remains on
 * stderr, marked `[*]` when a fix exists, as in the text report.
 */
async function runStdin(name: string, options: ProcessOptions, reportOptions: ReportOptions, outputPath: string | undefined, excluded: boolean): Promise<{ status: number; changed: boolean }> {
  const started = performance.now();
  const bytes = readFileSync(0);
  /** With `--check`, the report a file run gives (of no file, for one left out); false when its file fails. */
  const checkReport = (outcome: FileOutcome | undefined): boolean => {
    // --output-file needs --check with stdin (usageProblem).
    const outputFile = openReportFile(outputPath);
    if (outputFile === null) return false;
    const report = new Report(reportOptions, { stdout: outputFile?.write ?? ((text) => process.stdout.write(text)), stderr: (text) => process.stderr.write(text) });
    if (outcome) report.add(reportFile(outcome, reportOptions));
    report.finish(performance.now() - started);
    return outputFile === undefined || outputFile.close();
  };
  if (excluded) {
    // `--force-exclude` and an excluded `--stdin-filename`: as for a file left out of a run,
    // nothing to report, and the editor's buffer comes back untouched.
    if (options.check && !checkReport(undefined)) return { status: EXIT_ERROR, changed: false };
    if (!options.check && !options.dryRun) process.stdout.write(bytes);
    return { status: EXIT_CLEAN, changed: false };
  }
  let source: string;
  let bom: boolean;
  try {
    ({ source, bom } = decodeNotebook(bytes));
  } catch (error) {
    // As for a file: one line, and the input given back untouched (an editor replaces its buffer with stdout).
    process.stderr.write(`${displayPath(name)}: ${(error as Error).message}\n`);
    if (!options.check && !options.dryRun) process.stdout.write(bytes);
    return { status: EXIT_ERROR, changed: false };
  }
  const outcome = await processSource(name, source, options);
  if (options.check) {
    if (!checkReport(outcome)) return { status: EXIT_ERROR, changed: false };
    return { status: outcome.status === "failed" ? EXIT_ERROR : outcome.diagnostics.length > 0 ? EXIT_VIOLATIONS : EXIT_CLEAN, changed: false };
  }
  if (outcome.status === "failed" || outcome.status === "skipped") {
    process.stderr.write(`${name}${outcome.line ? `:${outcome.line}` : ""}: ${outcome.message}\n`);
    if (!options.dryRun) process.stdout.write(bytes);
    return { status: outcome.status === "failed" ? EXIT_ERROR : EXIT_CLEAN, changed: false };
  }
  process.stdout.write(options.dryRun ? outcome.diff : (bom ? BOM : "") + (outcome.output ?? source));
  // The text report a file run prints, on stderr (stdout carries the source or the diff): what
  // remains, marked `[*]` when a fix exists, the fixes with --show-fixes, the counts with
  // --statistics, and the summary.
  const toStderr = (text: ReportText) => process.stderr.write(text);
  const report = new Report({ ...reportOptions, format: "text" }, { stdout: toStderr, stderr: toStderr });
  report.add(reportFile({ ...outcome, diff: "" }, { ...reportOptions, format: "text" }));
  report.finish(performance.now() - started);
  const status = outcome.diagnostics.length > 0 || (options.dryRun && outcome.diff !== "") ? EXIT_VIOLATIONS : EXIT_CLEAN;
  return { status, changed: !options.dryRun && outcome.status === "changed" };
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
