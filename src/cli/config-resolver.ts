// Which configuration governs each path of a run. As with ruff: a file given with `--config`
// governs every path; otherwise each path takes the nearest pyproject.toml with a
// `[tool.nvmarimo-fix]` table, from its own directory upwards, so a nested project's settings
// apply to its notebooks whatever directory the run starts from.
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { isEnvironmentDirectory, isSkippedDirectoryName } from "./discover.js";
import { EMPTY_CONFIG, excludes, hasTable, loadConfig, matchesGlob, type Config } from "./config.js";

export class ConfigResolver {
  /** Directory → the configuration file governing it ("" for none). */
  private readonly fileOfDirectory = new Map<string, string>();
  private readonly loaded = new Map<string, Config>();
  /** Directory → whether it is a Python environment (`--force-exclude`). */
  private readonly environments = new Map<string, boolean>();

  /**
   * `explicit`: the file given with `--config`. `check` validates each configuration as it is
   * first loaded (unknown rule codes, say), throwing a `ConfigError` to stop the run.
   */
  constructor(
    private readonly explicit: string | undefined,
    private readonly check: (config: Config) => void = () => {},
  ) {}

  /** The configuration governing a directory (for a file, pass its directory). */
  forDirectory(directory: string): Config {
    const file = this.explicit ?? this.fileFor(resolve(directory));
    if (file === "") return EMPTY_CONFIG;
    let config = this.loaded.get(file);
    if (!config) {
      config = loadConfig(file);
      this.check(config);
      this.loaded.set(file, config);
    }
    return config;
  }

  forFile(path: string): Config {
    return this.forDirectory(dirname(resolve(path)));
  }

  /**
   * Whether a file or directory met in a walk is excluded by the `exclude` of the configuration
   * governing the directory it is in: a directory's own configuration does not decide whether
   * the directory is searched (as with ruff), so a parent's `exclude` can leave out a nested
   * project, and a configuration in a directory that is left out is never read.
   */
  isExcluded(path: string): boolean {
    const config = this.forFile(path);
    if (config.exclude.length === 0) return false;
    const relativePath = this.relativeTo(config, path);
    return config.exclude.some((glob) => excludes(relativePath, glob));
  }

  /**
   * `--force-exclude` (else `force-exclude = true` in the path's configuration) for a path named
   * on the command line: whether it, or a directory above it within the project, would be left
   * out of a walk by a configuration's `exclude` or a name never searched (`.git`,
   * `node_modules`, ...), as ruff decides it.
   */
  isForceExcluded(path: string, flag: boolean | undefined): boolean {
    const absolute = resolve(path);
    if (!(flag ?? this.forFile(absolute).forceExclude ?? false)) return false;
    if (this.isExcluded(absolute)) return true;
    // The path itself (`--force-exclude dist`, as with ruff) and the directories between it and
    // the project's root (its configuration's directory, or the working directory): as with
    // ruff, not above, where a directory named `dist` holding the whole project would leave
    // everything out. A directory that is an environment is left out too, as a walk leaves it.
    const config = this.forFile(absolute);
    const root = this.projectRoot(config);
    for (let directory = absolute; directory.startsWith(root + sep); directory = dirname(directory)) {
      if (isSkippedDirectoryName(basename(directory)) || this.isEnvironment(directory)) return true;
      if (directory !== absolute && this.isExcluded(directory)) return true;
    }
    return false;
  }

  /** Whether a directory is a Python environment (a file never is), asked once per directory. */
  private isEnvironment(directory: string): boolean {
    let answer = this.environments.get(directory);
    if (answer === undefined) this.environments.set(directory, (answer = isEnvironmentDirectory(directory)));
    return answer;
  }

  /** The codes `per-file-ignores` of the file's configuration adds for it. */
  perFileIgnores(path: string): string[] {
    const config = this.forFile(path);
    const relativePath = this.relativeTo(config, path);
    return Object.entries(config.perFileIgnores)
      .filter(([glob]) => matchesGlob(relativePath, glob))
      .flatMap(([, codes]) => codes);
  }

  /** A path relative to its configuration's project root, `/`-separated. */
  private relativeTo(config: Config, path: string): string {
    return slashed(relative(this.projectRoot(config), resolve(path)));
  }

  /**
   * The directory a configuration's globs are relative to: its file's; the working directory
   * for the file given with `--config` (as ruff resolves the relative paths of that file), and
   * without any file.
   */
  private projectRoot(config: Config): string {
    return config.path && this.explicit === undefined ? dirname(resolve(config.path)) : process.cwd();
  }

  private fileFor(directory: string): string {
    const known = this.fileOfDirectory.get(directory);
    if (known !== undefined) return known;
    const candidate = join(directory, "pyproject.toml");
    const parent = dirname(directory);
    const file = existsSync(candidate) && hasTable(candidate) ? candidate : parent === directory ? "" : this.fileFor(parent);
    this.fileOfDirectory.set(directory, file);
    return file;
  }
}

/** `/`-separated, as globs are written. */
function slashed(path: string): string {
  return path.split(sep).join("/");
}
