// The `nvmarimo-fix` command line.
import { readFileSync } from "node:fs";
import pc from "picocolors";
import yargs from "yargs";
import { unknownSelectors } from "../engine/select.js";
import { ALL_RULES, ruleByCode } from "../transforms/index.js";
import { discoverFiles, displayPath } from "./discover.js";
import { formatOutcomes, type OutputFormat } from "./output.js";
import { processFile, processSource, type FileOutcome, type ProcessOptions } from "./process.js";

export const EXIT_CLEAN = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_ERROR = 2;

function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(",")).map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const parser = yargs(argv)
    .scriptName("nvmarimo-fix")
    .usage("$0 [paths..]\n\nFind and fix NVIDIA GPU best-practice violations in marimo notebooks.")
    .option("dry-run", { type: "boolean", default: false, describe: "Show the diff of what would be fixed; write nothing" })
    .option("check", { type: "boolean", default: false, describe: "Report violations only; do not compute fixes" })
    .option("unsafe-fixes", { type: "boolean", default: false, describe: "Also apply fixes that change behaviour on purpose" })
    .option("select", { type: "string", array: true, describe: "Rule codes or prefixes to enable (e.g. NVG, NVR001)" })
    .option("extend-select", { type: "string", array: true, describe: "Rule codes or prefixes to enable in addition" })
    .option("ignore", { type: "string", array: true, describe: "Rule codes or prefixes to disable" })
    .option("format", { choices: ["text", "json", "github"] as const, default: "text" as const, describe: "Output format" })
    .option("stdin-filename", { type: "string", describe: "Path to report for a notebook read from stdin (`-`)" })
    .option("list-rules", { type: "boolean", default: false, describe: "List the rules and exit" })
    .option("explain", { type: "string", describe: "Show a rule's documentation and exit" })
    .option("color", { type: "boolean", describe: "Force or disable colour (default: on a TTY)" })
    .strictOptions()
    .version(readVersion())
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  let args;
  try {
    args = await parser.parseAsync();
  } catch (error) {
    process.stderr.write(`nvmarimo-fix: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  if (args.help || args.version) return EXIT_CLEAN;

  const color = args.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const colors = pc.createColors(color);

  if (args["list-rules"]) {
    for (const rule of ALL_RULES) {
      process.stdout.write(`${rule.code}  ${rule.name.padEnd(34)} ${rule.fix.padEnd(6)} ${rule.summary}\n`);
    }
    return EXIT_CLEAN;
  }
  if (args.explain !== undefined) {
    const rule = ruleByCode(args.explain);
    if (!rule) {
      process.stderr.write(`nvmarimo-fix: unknown rule \`${args.explain}\`\n`);
      return EXIT_ERROR;
    }
    process.stdout.write(`# ${rule.code} ${rule.name}\n\nFix: ${rule.fix}. Guide section ${rule.section}. Severity: ${rule.severity}.\n${rule.docs}`);
    return EXIT_CLEAN;
  }

  const select = listOption(args.select);
  const ignore = listOption(args.ignore);
  const extendSelect = listOption(args["extend-select"]);
  const unknown = unknownSelectors(ALL_RULES, [...(select ?? []), ...(ignore ?? []), ...(extendSelect ?? [])]);
  if (unknown.length > 0) {
    process.stderr.write(`nvmarimo-fix: unknown rule code or prefix: ${unknown.join(", ")}\n`);
    return EXIT_ERROR;
  }
  const options: ProcessOptions = {
    unsafeFixes: args["unsafe-fixes"],
    dryRun: args["dry-run"],
    check: args.check,
    ...(select ? { select } : {}),
    ...(ignore ? { ignore } : {}),
    ...(extendSelect ? { extendSelect } : {}),
  };
  const format = args.format as OutputFormat;
  const paths = (args._ as Array<string | number>).map(String);

  if (paths.length === 1 && paths[0] === "-") {
    const source = readFileSync(0, "utf8");
    const name = args["stdin-filename"] ?? "-";
    const outcome = processSource(name, source, { ...options, dryRun: true });
    if (outcome.status === "failed" || outcome.status === "skipped") {
      process.stderr.write(`${name}: ${outcome.message}\n`);
      if (outcome.status === "skipped") process.stdout.write(source);
      return outcome.status === "failed" ? EXIT_ERROR : EXIT_CLEAN;
    }
    if (options.dryRun) process.stdout.write(outcome.diff);
    else process.stdout.write(outcome.output ?? source);
    for (const d of outcome.diagnostics) process.stderr.write(`${name}:${d.line}:${d.column}: ${d.code} ${d.message}\n`);
    return outcome.diagnostics.length > 0 || (options.dryRun && outcome.diff !== "") ? EXIT_VIOLATIONS : EXIT_CLEAN;
  }

  if (paths.length === 0) {
    process.stderr.write("nvmarimo-fix: give one or more files or directories (try `nvmarimo-fix --help`)\n");
    return EXIT_ERROR;
  }

  const started = performance.now();
  const discovery = await discoverFiles(paths);
  const outcomes: FileOutcome[] = [];
  for (const file of discovery.files) outcomes.push(await processFile(file, options));
  for (const error of discovery.errors) {
    outcomes.push({ path: error.path, status: "failed", diagnostics: [], applied: [], diff: "", message: error.message, internalErrors: [] });
  }

  const text = formatOutcomes(outcomes, { format, dryRun: options.dryRun, colors, elapsedMs: performance.now() - started, display: displayPath, unsafeFixes: options.unsafeFixes });
  process.stdout.write(text.stdout);
  process.stderr.write(text.stderr);

  if (outcomes.some((o) => o.status === "failed")) return EXIT_ERROR;
  const remaining = outcomes.some((o) => o.diagnostics.length > 0);
  const wouldChange = options.dryRun && outcomes.some((o) => o.status === "changed");
  return remaining || wouldChange ? EXIT_VIOLATIONS : EXIT_CLEAN;
}

class UsageError extends Error {}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "unknown";
  }
}
