import { insertCell, insertLinesBefore, replaceNode, replaceRange } from "../engine/edits.js";
import { defineRule, type Edit, type RuleContext } from "../engine/types.js";
import type { Dataflow } from "../notebook/dataflow.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { importsOf } from "./lib/imports.js";
import { lazyFix } from "./lib/lazy-fix.js";
import {
  analyzeRandomness,
  LIB_NAMES,
  LIBS,
  type Draw,
  type Lib,
  type RandomnessFacts,
  type UnseededGenerator,
} from "./lib/unseeded-randomness-calls.js";
import { keepShape } from "../notebook/shapes.js";
import { byStart } from "./lib/predicates.js";

const docs = `
## What it does
Finds cells that draw random numbers while nothing seeds the generator they draw from:
\`torch.rand\`/\`randn\`/\`randint\`/\`randperm\`/\`normal\`/\`bernoulli\`/\`multinomial\`, in-place
\`tensor.normal_()\`-style fills, weight initialisation (\`nn.init.xavier_uniform_\` and friends,
constructing \`nn.Linear\`, \`nn.Conv2d\`, \`nn.Embedding\`, \`nn.LSTM\`, ...), \`DataLoader(shuffle=True)\`,
random samplers and \`random_split\` without a \`generator=\`, \`model.generate(..., do_sample=True)\`,
\`np.random.*\` draws, Python's \`random.random/randint/choice/shuffle/sample/uniform/gauss/...\`,
and calls of notebook functions or classes that do any of these (instantiating a class runs its
\`__init__\`; passing a function as a callback, as in \`model.apply(init_weights)\`, counts as a
call). A function that draws is checked where cells call it. Also finds generators built from operating-system entropy:
\`np.random.default_rng()\`, \`np.random.RandomState()\` and \`random.Random()\` without a seed.

A cell counts as seeded for a library when it calls that library's seeding function itself
(\`torch.manual_seed\`, \`np.random.seed\`, \`random.seed\`, \`np.random.default_rng(seed)\`), a
seeding helper (\`set_seed(...)\`, \`seed_everything(...)\`), or a notebook function that does.
Import aliases are understood (\`import torch as t\`, \`from numpy import random as npr\`,
\`import random as rnd\`, imports in the setup cell).

A draw that makes a new seed on purpose is not unseeded randomness: behind a "Randomize seed"
checkbox, \`seed = random.randint(0, MAX_SEED)\` followed by \`torch.Generator().manual_seed(seed)\`,
or \`torch.manual_seed(random.randint(0, 10_000))\`. A draw counts as such when its value (through
\`int(...)\`, \`.item()\`, arithmetic or a conditional expression) is the seed of a seeding call, or
is bound to a name that a seeding call receives as its seed later in the same function or cell
(for a cell's global, in any other cell). Seeding calls are \`manual_seed\`, \`manual_seed_all\`,
\`seed\`, \`default_rng\`, \`RandomState\`, \`random.Random\`, \`SeedSequence\`, seeding helpers
(\`set_seed\`, \`seed_everything\`) and notebook functions that seed; their seed is the first
argument (of a notebook function, only when it takes one argument or is named like a seeder) or a
keyword argument named like a seed (\`seed=\`). Such a draw does not make its function or cell
count as drawing random numbers.

## Why is this bad?
Unseeded generators give different numbers on every run: results cannot be reproduced,
compared or debugged (guide, section 7.1 "Random Seeds"). In marimo a cell also re-runs
whenever something it depends on changes, so an unseeded cell is not idempotent: re-running it
with the same inputs gives a different output (section 7.3 "Idempotent Cells"). Seeding once at
the top is not enough for that; each cell that draws must seed before it draws.

## Example
\`\`\`python
@app.cell
def _():
    import numpy as np
    import torch

    return np, torch


@app.cell
def _(torch):
    weights = torch.randn(64, 64)
    return (weights,)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(np, torch):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(seed, set_seed, torch):
    set_seed(seed)
    weights = torch.randn(64, 64)
    return (weights,)
\`\`\`

## Fix
Inserts one seed cell that defines \`seed = 42\` (or the value the notebook already passes to a
seeding call, as in \`np.random.seed(1337)\`) and \`set_seed(seed)\`, which seeds exactly the
random libraries the notebook imports (Python's \`random\`, NumPy, PyTorch on the CPU and on all
GPUs) under the notebook's own aliases. The cell goes right after the last cell that imports
those libraries, or, when they are all imported in the setup cell, before the first cell that is
not a markdown cell. Each unseeded cell then starts with \`set_seed(seed)\` (after its
docstring), so it depends on the seed cell and gives the same numbers on every run;
\`np.random.default_rng()\` becomes \`np.random.default_rng(seed)\` (likewise \`RandomState()\` and
\`random.Random()\`). The parameter \`seed\` of \`set_seed\` shadows the global only inside the
function, which marimo treats as local.

Existing names are reused when they really are what they say: a notebook function that seeds
every library the cells need and takes one argument, or a seeding helper imported from a library
(\`from transformers import set_seed\`); a global \`seed\` (\`SEED\`, \`random_seed\`) bound to an
integer, or to \`mo.ui.number\`/\`mo.ui.slider\` (then \`seed.value\` is passed). When the seeding
function exists but no seed value does, its call \`set_seed(42)\` becomes \`seed = 42\` followed by
\`set_seed(seed)\`. Otherwise the fix picks fresh names (\`seed_2\`, \`set_seed_2\`), never defining
a name twice. When the only import of a library is in a cell that itself draws (or depends on
one that does), the seed cell would close a cycle, so \`set_seed\` imports that library inside its
body instead.

Not fixed, only reported: \`@app.function\`/\`@app.class_definition\` bodies that draw and that no
cell calls (a top-level function cannot read a cell's \`seed\`: give it a \`seed\` parameter, or
seed in the cells that call it, which this rule checks), unseeded \`default_rng()\` in such a
body, draws in the setup cell (it cannot depend on a cell: seed it inline), cells written on
one line, and cells that draw a new seed on purpose (themselves or through a function they call)
besides their other draws: \`set_seed(seed)\` at their start would make that seed the same on
every run.

## Fix safety
Unsafe: the fix changes the numbers the notebook produces. They become reproducible, but they
are not the numbers of the previous run, and a cell that relied on fresh randomness on each
re-run (e.g. a "sample again" button) now repeats itself.
`;

/** A cell that draws or builds generators without a seed. */
interface Finding {
  readonly cell: Cell;
  /** Draws from generators the cell does not seed, in source order. */
  readonly draws: readonly Draw[];
  readonly unseeded: ReadonlySet<Lib>;
  readonly generators: readonly UnseededGenerator[];
  /** The first draw the cell makes on purpose to get a new seed (not among `draws`). */
  readonly seedDraw: Draw | undefined;
}

/** How the random cells get their seed. Computed once per pass, shared by every fix. */
interface SeedPlan {
  /** Function to call at the start of each cell (`set_seed`); undefined when no cell needs one. */
  readonly setSeed: string | undefined;
  /** Expression of the seed value: `seed`, `SEED`, `seed.value`. */
  readonly seedValue: string;
  /** Edits that create the seed cell or seed value; the same in every fix (computed on first use). */
  readonly shared: () => readonly Edit[];
  readonly describe: string;
}

const SEED_ASSIGNMENT: Matcher = {
  rule: {
    kind: "assignment",
    // `seed_2` too: the name this rule picks when `seed` is taken.
    has: { field: "left", kind: "identifier", regex: "^(?i:(?:random_|rng_|global_|default_)?seed)(?:_[0-9]+)?$" },
  },
};
const SEED_NAME_PREFERENCE = (name: string) => (name === "seed" ? 0 : name === "SEED" ? 1 : /_\d+$/.test(name) ? 3 : 2);
const MARKDOWN_STATEMENT = /^[\p{L}_][\p{L}\p{N}_]*\.md\s*\(/u;

export const unseededRandomness = defineRule({
  code: "NVS001",
  name: "unseeded-randomness",
  section: "7.1",
  severity: "warning",
  fix: "unsafe",
  summary: "Random numbers drawn in a cell that never seeds its generator: results change on every run and re-run",
  docs,
  check(context) {
    const { notebook } = context;
    if (!/rand|normal|bernoulli|multinomial|shuffle|choice|sample|uniform|gauss|variate|Linear|Conv|Embedding|LSTM|GRU|RNN|Attention|Transformer|DataLoader|Sampler|_rng|RandomState|init|generate|_\(/.test(notebook.source)) return;
    const facts = analyzeRandomness(notebook);
    if (facts.importedLibs.length === 0) return;

    const fixable: Finding[] = [];
    for (const cell of notebook.cells) {
      if (cell.kind === "cell" || cell.kind === "setup") {
        const seeds = facts.cellSeeds(cell);
        // Loops, not arrow functions made per cell (see notebook/shapes.ts).
        const draws: Draw[] = [];
        const unseeded = new Set<Lib>();
        for (const draw of facts.cellDraws(cell)) {
          let counted = false;
          for (const lib of draw.libs) {
            if (seeds.has(lib)) continue;
            unseeded.add(lib);
            if (!counted) draws.push(draw);
            counted = true;
          }
        }
        const generators = facts.cellGenerators(cell);
        if (draws.length === 0 && generators.length === 0) continue;
        const seedDraw = unseeded.size > 0 ? facts.cellSeedDraws(cell)[0] : undefined;
        const finding: Finding = { cell, draws, unseeded, generators, seedDraw };
        if (cell.kind === "setup") reportSetup(context, finding);
        else if (writtenOnOneLine(cell)) {
          context.report({ node: primaryNode(finding), message: `${describeFinding(finding, "set_seed", "seed")} (the cell is written on one line: not fixed)` });
        } else if (seedDraw) {
          // `set_seed(seed)` at the start of the cell would make the drawn seed the same on every run.
          context.report({ node: primaryNode(finding), message: describeBesideSeedDraw(finding, seedDraw) });
        } else fixable.push(finding);
      } else if (cell.kind === "function" || cell.kind === "class") {
        reportTopLevelDefinition(context, facts, cell);
      }
    }
    if (fixable.length === 0) return;

    // The plan's names (and their freshName calls) are decided here, in order; its edits, and
    // each fix's, only when the fix loop reads them (see `lazyFix`).
    const plan = planSeeding(context, facts, fixable);
    for (const finding of fixable) {
      const message = describeFinding(finding, plan.setSeed ?? "set_seed", plan.seedValue);
      let at: PyNode | undefined;
      if (finding.unseeded.size > 0) {
        at = cellStartStatement(notebook, finding.cell);
        if (!at || !plan.setSeed) {
          context.report({ node: primaryNode(finding), message: `${message} (no statement to seed before: not fixed)` });
          continue;
        }
      }
      const what =
        finding.unseeded.size > 0
          ? `Start the cell with \`${plan.setSeed}(${plan.seedValue})\``
          : `Pass \`${plan.seedValue}\` to the random generator`;
      const seedCall = `${plan.setSeed}(${plan.seedValue})`;
      const fix = lazyFix(plan.describe ? `${what}; ${plan.describe}` : what, () => {
        const edits: Edit[] = [...plan.shared()];
        if (at) edits.push(insertLinesBefore(notebook, at, seedCall));
        for (const g of finding.generators) edits.push(replaceNode(g.args, `(${plan.seedValue})`));
        return edits;
      }, what);
      context.report({ node: primaryNode(finding), message, fix });
    }
  },
});

// --- messages ----------------------------------------------------------------------------

/** "NumPy or PyTorch" */
function libList(libs: Iterable<Lib>): string {
  const names = LIBS.filter((lib) => [...libs].includes(lib)).map((lib) => LIB_NAMES[lib]);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

const DOES: Record<Draw["kind"], string> = {
  draws: "draws random numbers",
  init: "initialises weights at random",
  module: "initialises its weights at random",
  shuffle: "shuffles at random",
  sample: "samples at random",
  split: "splits at random",
  calls: "draws random numbers",
};

/** "`torch.randn()` draws random numbers, but this cell does not seed PyTorch" */
function describeDraw(draw: Draw, where: string, unseeded: Iterable<Lib> = draw.libs): string {
  return `\`${draw.label}\` ${DOES[draw.kind]}, but ${where} does not seed ${libList(unseeded)}`;
}

function describeFinding(finding: Finding, setSeed: string, seedValue: string): string {
  const parts: string[] = [];
  const first = finding.draws[0];
  if (first) {
    parts.push(
      `${describeDraw(first, "this cell", finding.unseeded)}: every run, and every re-run of the cell, gives different numbers. ` +
        `Start the cell with \`${setSeed}(${seedValue})\``,
    );
  }
  const g = finding.generators[0];
  if (g) {
    const seeded = g.label.replace(/\(\)$/, `(${seedValue})`);
    parts.push(
      first
        ? `and pass the seed to \`${g.label}\` (\`${seeded}\`)`
        : `\`${g.label}\` is seeded from the operating system, so its numbers change on every run: pass the notebook's seed, \`${seeded}\``,
    );
  }
  return parts.join(" ");
}

/** A cell that draws besides drawing a new seed on purpose: the usual fix would repeat that seed. */
function describeBesideSeedDraw(finding: Finding, seedDraw: Draw): string {
  const first = finding.draws[0]!;
  const g = finding.generators[0];
  return (
    `${describeDraw(first, "this cell", finding.unseeded)}: every run, and every re-run of the cell, gives different numbers. ` +
    `The cell also draws a new seed on purpose (\`${seedDraw.label}\`), which \`set_seed(seed)\` at its start would make ` +
    `the same on every run: seed ${libList(finding.unseeded)} yourself just before the other draws` +
    `${g ? `, and pass a seed to \`${g.label}\`` : ""} (not fixed)`
  );
}

function primaryNode(finding: Finding): PyNode {
  const candidates = [...finding.draws, ...finding.generators];
  return candidates.sort(byStart)[0]!.node;
}

function reportSetup(context: RuleContext, finding: Finding): void {
  const first = finding.draws[0];
  if (first) {
    context.report({
      node: first.node,
      message:
        `${describeDraw(first, "the setup cell")}: seed it in the setup cell before drawing ` +
        `(e.g. \`torch.manual_seed(42)\`); the setup cell cannot read a seed cell, so this is not fixed automatically`,
    });
  }
  for (const g of finding.generators) {
    context.report({
      node: g.node,
      message: `\`${g.label}\` in the setup cell is seeded from the operating system: pass a seed (e.g. \`${g.label.replace(/\(\)$/, "(42)")}\`); not fixed automatically`,
    });
  }
}

function reportTopLevelDefinition(context: RuleContext, facts: RandomnessFacts, cell: Cell): void {
  const callable = facts.callableOf(cell);
  if (!callable) return;
  const what = cell.kind === "function" ? "function" : "class";
  for (const g of facts.cellGenerators(cell)) {
    context.report({
      node: g.node,
      message:
        `\`${g.label}\` in the top-level ${what} \`${callable.name}\` is seeded from the operating system: give it a \`seed\` ` +
        `parameter and pass it (\`${g.label.replace(/\(\)$/, "(seed)")}\`); a top-level ${what} cannot read a cell's \`seed\`, so this is not fixed automatically`,
    });
  }
  const draws = facts.callableDraws(callable);
  const first = draws[0];
  if (!first) return;
  // Cells that call it are checked (and seeded) like any other draw; only an uncalled one is reported.
  const calledElsewhere = (facts.callsByName.get(callable.name) ?? []).some((at) => at < callable.start || at >= callable.end);
  if (calledElsewhere) return;
  context.report({
    node: first.node,
    message:
      `${describeDraw(first, `the top-level ${what} \`${callable.name}\``)} and no cell calls it: seed inside it from a \`seed\` parameter, ` +
      `or call it from cells that start with \`set_seed(seed)\`; a top-level ${what} cannot read a cell's \`seed\`, so this is not fixed automatically`,
  });
}

// --- where to insert `set_seed(seed)` -----------------------------------------------------

/** A leading `mo.stop(...)` gate: the guide seeds after the gate, so a skipped run draws nothing. */
const STOP_GATE = /^\w+\.stop\(/;

/** Whether the cell is written on one line (`def _(): return`): then there is no line to seed before. */
function writtenOnOneLine(cell: Cell): boolean {
  return cell.bodyIndent === "";
}

/**
 * `cell.statements` read one at a time, as far as they are asked for: the named children of the
 * body without comments, and without the final `return` of a function cell.
 */
class Statements {
  /** The body's named children other than comments, read so far. */
  private readonly read: Array<{ node: PyNode; kind: string }> = [];
  private cursor: PyNode | null | undefined;

  constructor(private readonly cell: Cell) {
    keepShape(this);
  }

  /** Whether a final `return` is split off (function cells), as the model does. */
  private get splitReturn(): boolean {
    return this.cell.kind === "cell" && this.cell.definition?.kind() === "function_definition";
  }

  private raw(index: number): { node: PyNode; kind: string } | undefined {
    while (this.read.length <= index) {
      if (this.cursor === undefined) this.cursor = this.cell.body?.child(0) ?? null;
      else if (this.cursor !== null) this.cursor = this.cursor.next();
      const node = this.cursor;
      if (node === null) return undefined;
      if (!node.isNamed()) continue;
      const kind = node.kind() as string;
      if (kind !== "comment") this.read.push({ node, kind });
    }
    return this.read[index];
  }

  /** `cell.statements[index]`. */
  at(index: number): PyNode | undefined {
    const statement = this.raw(index);
    if (!statement) return undefined;
    if (statement.kind === "return_statement" && !this.raw(index + 1) && this.splitReturn) return undefined;
    return statement.node;
  }
}

/**
 * The statement `set_seed(seed)` goes before: the first one after a leading docstring and
 * after leading `mo.stop(...)` gates.
 */
function cellStartStatement(notebook: Notebook, cell: Cell): PyNode | undefined {
  const statements = new Statements(cell);
  const first = statements.at(0);
  if (!first) return undefined;
  const isDocstring = first.kind() === "expression_statement" && isOnlyString(first);
  if (isDocstring && !statements.at(1)) return undefined;
  let index = isDocstring ? 1 : 0;
  // A gate's text has `.stop(`: without one in the cell, no statement is a gate.
  if (notebook.source.slice(cell.start, cell.end).includes(".stop(")) {
    while (statements.at(index + 1) && STOP_GATE.test(statements.at(index)!.text())) index++;
  }
  return statements.at(index);
}

function isOnlyString(statement: PyNode): boolean {
  const children = statement.namedChildren();
  return children.length === 1 && children[0]!.kind() === "string";
}

// --- the seed plan ------------------------------------------------------------------------

interface Graph {
  /** The cell or one of its ancestors is among the cells to fix: depending on it would close a cycle. */
  blocked(index: number): boolean;
}

function dependencyGraph(flow: Dataflow, fixing: ReadonlySet<number>): Graph {
  const parents = (index: number): number[] => {
    const vars = flow.variables.get(index);
    if (!vars) return [];
    const result: number[] = [];
    for (const ref of vars.refs) {
      if (flow.allowedRefs.has(ref) || vars.defs.has(ref)) continue;
      for (const d of flow.definers.get(ref) ?? []) if (d !== index) result.push(d);
    }
    return result;
  };
  const memo = new Map<number, boolean>();
  return {
    blocked(index) {
      const known = memo.get(index);
      if (known !== undefined) return known;
      const seen = new Set<number>([index]);
      const queue = [index];
      let hit = false;
      while (queue.length > 0 && !hit) {
        const at = queue.shift()!;
        if (fixing.has(at)) hit = true;
        for (const p of parents(at)) {
          if (seen.has(p)) continue;
          seen.add(p);
          queue.push(p);
        }
      }
      memo.set(index, hit);
      return hit;
    },
  };
}

interface Location {
  /** Defined by the setup cell (or as a top-level function): visible everywhere. */
  readonly global: boolean;
  /** The regular cell that defines it. */
  readonly cell: number | undefined;
}

/** Where a public name is defined, if exactly one place defines it at top level. */
function locate(flow: Dataflow, name: string): Location | undefined {
  const definers = flow.definers.get(name) ?? [];
  if (flow.setupNames.has(name) || flow.topLevelNames.has(name)) return definers.length === 0 ? { global: true, cell: undefined } : undefined;
  return definers.length === 1 ? { global: false, cell: definers[0] } : undefined;
}

/** `name` unless some cell already reads or defines it; else context.freshName. */
function freshName(context: RuleContext, flow: Dataflow, base: string): string {
  const name = context.freshName(base);
  if (name === base) return name;
  // freshName also avoids words in comments and strings; a name no cell reads or defines is free.
  const used = [...flow.variables.values()].some((v) => v.refs.has(base) || v.defs.has(base));
  return used || flow.allowedRefs.has(base) ? name : base;
}

interface SeedValue {
  readonly name: string;
  readonly expression: string;
  readonly location: Location;
}

/** An integer (or number widget) bound to a seed-like name; the seeding function's own cell first. */
function existingSeedValue(notebook: Notebook, flow: Dataflow, graph: Graph, near: Location | undefined): SeedValue | undefined {
  // SEED_ASSIGNMENT needs `seed` (any case) in the name.
  if (!/seed/iu.test(notebook.source)) return undefined;
  const found: SeedValue[] = [];
  for (const assignment of notebook.root.root().findAll(SEED_ASSIGNMENT)) {
    // Only a statement at the top level of a cell (or of the setup cell) counts.
    const statement = assignment.parent();
    const block = statement?.parent();
    if (!statement || !block) continue;
    const at = startOf(statement);
    const cell = notebook.cells.find((c) => c.start <= at && at < c.end);
    if (!cell || (cell.kind !== "cell" && cell.kind !== "setup") || block.id() !== cell.body?.id()) continue;
    const name = assignment.field("left")!.text();
    const right = assignment.field("right");
    if (!right) continue;
    let expression: string;
    if (right.kind() === "integer") expression = name;
    else if (
      cell.kind === "cell" &&
      right.kind() === "call" &&
      /\.ui\.(?:number|slider)$/.test(right.field("function")?.text().replace(/\s+/g, "") ?? "")
    ) {
      expression = `${name}.value`;
    } else continue;
    const location = locate(flow, name);
    if (!location) continue;
    if (location.cell !== undefined && (location.cell !== cell.index || graph.blocked(location.cell))) continue;
    if (location.global && cell.kind !== "setup") continue;
    found.push({ name, expression, location });
  }
  const rank = (v: SeedValue) => (near?.cell !== undefined && v.location.cell === near.cell ? 0 : 10) + SEED_NAME_PREFERENCE(v.name);
  return found.sort((a, b) => rank(a) - rank(b))[0];
}

interface SeedFunction {
  readonly name: string;
  readonly location: Location;
}

function existingSeedFunction(notebook: Notebook, flow: Dataflow, graph: Graph, facts: RandomnessFacts, needed: ReadonlySet<Lib>): SeedFunction | undefined {
  const candidates: Array<SeedFunction & { rank: number; covers: number }> = [];
  const coverage = (seeds: ReadonlySet<Lib>) => facts.importedLibs.filter((lib) => seeds.has(lib)).length;
  const usable = (name: string): Location | undefined => {
    const location = locate(flow, name);
    if (!location || (location.cell !== undefined && graph.blocked(location.cell))) return undefined;
    return location;
  };
  for (const callable of facts.callables) {
    // Not one that draws, nor one that draws a new seed on purpose (`seed = random.randint(...)`).
    if ((facts.drawsByName.get(callable.name)?.size ?? 0) > 0 || (facts.seedDrawsByName.get(callable.name)?.size ?? 0) > 0) continue;
    const seeds = facts.seedsByName.get(callable.name) ?? new Set<Lib>();
    if (![...needed].every((lib) => seeds.has(lib))) continue;
    if (!callable.takesOneArgument) continue;
    // Only a function defined at the top level of a cell (or as @app.function) is visible to cells.
    const cell = notebook.cells.find((c) => c.start <= callable.start && callable.end <= c.end);
    if (!cell) continue;
    const parent = callable.node.parent();
    const holder = parent?.kind() === "decorated_definition" ? parent.parent() : parent;
    const atTop = cell.definition?.id() === callable.node.id() || (holder !== null && holder !== undefined && holder.id() === cell.body?.id());
    if (!atTop) continue;
    const location = usable(callable.name);
    if (location) candidates.push({ name: callable.name, location, rank: callable.name === "set_seed" ? 0 : 1, covers: coverage(seeds) });
  }
  for (const name of facts.importedSeeders) {
    const location = usable(name);
    if (location) candidates.push({ name, location, rank: name === "set_seed" ? 2 : 3, covers: facts.importedLibs.length });
  }
  // The one that seeds the most of the notebook's libraries (so later passes keep choosing it).
  return candidates.sort((a, b) => b.covers - a.covers || a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

/** The code that seeds one library, under a module alias visible to the seed cell. */
interface LibSeeding {
  readonly lines: readonly string[];
  /** Import to write inside `set_seed` when no alias can be read without a cycle. */
  readonly localImport: string | undefined;
  readonly cell: number | undefined;
}

function seedLines(lib: Lib, alias: string, numpyRandom: boolean): string[] {
  switch (lib) {
    case "random":
      return [`${alias}.seed(seed)`];
    case "numpy":
      return [numpyRandom ? `${alias}.seed(seed)` : `${alias}.random.seed(seed)`];
    case "torch":
      return [`${alias}.manual_seed(seed)`, `${alias}.cuda.manual_seed_all(seed)`];
  }
}

const LOCAL_IMPORT: Record<Lib, { statement: string; alias: string }> = {
  random: { statement: "import random", alias: "random" },
  numpy: { statement: "import numpy as np", alias: "np" },
  torch: { statement: "import torch", alias: "torch" },
};

function libSeeding(notebook: Notebook, flow: Dataflow, graph: Graph, lib: Lib): LibSeeding {
  const options: Array<{ alias: string; numpyRandom: boolean }> = [];
  for (const i of importsOf(notebook)) {
    if (lib === "numpy") {
      if (i.module === "numpy" && i.attribute === undefined) options.push({ alias: i.local, numpyRandom: false });
      else if ((i.module === "numpy.random" && i.attribute === undefined) || (i.module === "numpy" && i.attribute === "random")) {
        options.push({ alias: i.local, numpyRandom: true });
      }
    } else if (i.module === lib && i.attribute === undefined) options.push({ alias: i.local, numpyRandom: false });
  }
  const usable: Array<LibSeeding & { rank: number }> = [];
  for (const option of options) {
    const location = locate(flow, option.alias);
    if (!location || (location.cell !== undefined && graph.blocked(location.cell))) continue;
    // Prefer the setup cell, then the conventional name (`np`, `torch`, `random`).
    const rank = (location.cell === undefined ? 0 : 2) + (option.alias === LOCAL_IMPORT[lib].alias ? 0 : 1);
    usable.push({ lines: seedLines(lib, option.alias, option.numpyRandom), localImport: undefined, cell: location.cell, rank });
  }
  const best = usable.sort((a, b) => a.rank - b.rank)[0];
  if (best) return { lines: best.lines, localImport: undefined, cell: best.cell };
  const local = LOCAL_IMPORT[lib];
  return { lines: seedLines(lib, local.alias, false), localImport: local.statement, cell: undefined };
}

/**
 * A seed the author already chose (`np.random.seed(1337)`, `torch.manual_seed(0)`): the seed
 * cell defines the same value rather than 42, so the notebook keeps the author's numbers.
 */
const LITERAL_SEED_CALL = /\b(?:seed|manual_seed|manual_seed_all|seed_everything|set_seed)[ \t]*\([ \t]*(\d{1,10})[ \t]*\)/;

function planSeeding(context: RuleContext, facts: RandomnessFacts, findings: readonly Finding[]): SeedPlan {
  const { notebook } = context;
  const flow = context.dataflow();
  const fixing = new Set(findings.map((f) => f.cell.index));
  const graph = dependencyGraph(flow, fixing);
  const needed = new Set(findings.flatMap((f) => [...f.unseeded]));

  const fn = needed.size > 0 ? existingSeedFunction(notebook, flow, graph, facts, needed) : undefined;
  const value = existingSeedValue(notebook, flow, graph, fn?.location);
  const deps: number[] = [];
  if (value?.location.cell !== undefined) deps.push(value.location.cell);
  if (fn?.location.cell !== undefined) deps.push(fn.location.cell);

  // Everything exists: each cell just calls it.
  if (value && (fn || needed.size === 0)) {
    return { setSeed: fn?.name, seedValue: value.expression, shared: () => [], describe: "" };
  }

  // A seeding function exists and some cell calls it with a literal: name that value.
  if (fn && !value) {
    const literal = literalSeedCall(notebook, graph, fixing, fn);
    if (literal) {
      const seed = freshName(context, flow, "seed");
      return {
        setSeed: fn.name,
        seedValue: seed,
        shared: () => [
          insertLinesBefore(notebook, literal.statement, `${seed} = ${literal.value.text()}`),
          replaceRange(startOf(literal.value), endOf(literal.value), seed),
        ],
        describe: `name the seed passed to \`${fn.name}(${literal.value.text()})\` \`${seed}\``,
      };
    }
  }

  // Build the seed cell. Its names are picked now (freshName calls keep their order); where
  // the cell goes and what it imports only matter to the edits.
  const seed = value?.expression ?? freshName(context, flow, "seed");
  const createsSetSeed = needed.size > 0 && !fn;
  const setSeed = createsSetSeed ? freshName(context, flow, "set_seed") : fn?.name;
  const seedCell = (): Edit[] => {
    const lines: string[] = [];
    if (!value) lines.push(`${seed} = ${LITERAL_SEED_CALL.exec(notebook.source)?.[1] ?? "42"}`);
    const seedings = facts.importedLibs.map((lib) => libSeeding(notebook, flow, graph, lib));
    // The cell goes after the cells that import the libraries, even when it does not read them.
    const importCells = seedings.flatMap((s) => (s.cell === undefined ? [] : [s.cell]));
    const after = [...deps];
    if (createsSetSeed) {
      after.push(...importCells);
      const localImports = seedings.flatMap((s) => (s.localImport ? [s.localImport] : []));
      if (lines.length > 0) lines.push("", "");
      lines.push(`def ${setSeed}(seed: int) -> None:`, `    """Seeds every random number generator the notebook uses."""`);
      for (const statement of localImports) lines.push(`    ${statement}`);
      if (localImports.length > 0) lines.push("");
      for (const s of seedings) for (const line of s.lines) lines.push(`    ${line}`);
      lines.push("", "", `${setSeed}(${seed})`);
    } else if (setSeed) {
      lines.push(`${setSeed}(${seed})`);
    }
    after.push(...importCells);
    const anchor = after.length > 0 ? notebook.cells[Math.max(...after)] : undefined;
    const first = notebook.cells.find((c) => c.kind === "cell" && !isMarkdownCell(c)) ?? notebook.cells.find((c) => c.kind === "cell")!;
    return [anchor ? insertCell(anchor, "after", lines.join("\n")) : insertCell(first, "before", lines.join("\n"))];
  };
  let shared: readonly Edit[] | undefined;
  const defines = [value ? undefined : `\`${seed}\``, createsSetSeed ? `\`${setSeed}\`` : undefined].filter(Boolean).join(" and ");
  return { setSeed, seedValue: seed, shared: () => (shared ??= seedCell()), describe: `insert a seed cell defining ${defines}` };
}

/** A top-level `set_seed(42)` in a cell that no random cell feeds. */
function literalSeedCall(notebook: Notebook, graph: Graph, fixing: ReadonlySet<number>, fn: SeedFunction): { statement: PyNode; value: PyNode } | undefined {
  const cells = notebook.cells.filter((c) => c.kind === "cell" && !fixing.has(c.index) && !graph.blocked(c.index));
  cells.sort((a, b) => Number(b.index === fn.location.cell) - Number(a.index === fn.location.cell));
  for (const cell of cells) {
    for (const statement of cell.statements) {
      if (statement.kind() !== "expression_statement") continue;
      const call = statement.namedChildren()[0];
      if (call?.kind() !== "call" || call.field("function")?.text() !== fn.name) continue;
      const args = (call.field("arguments")?.namedChildren() ?? []).filter((a) => a.kind() !== "comment");
      if (args.length === 1 && args[0]!.kind() === "integer") return { statement, value: args[0]! };
    }
  }
  return undefined;
}

function isMarkdownCell(cell: Cell): boolean {
  return cell.statements.length > 0 && cell.statements.every((s) => s.kind() === "expression_statement" && MARKDOWN_STATEMENT.test(s.text()));
}
