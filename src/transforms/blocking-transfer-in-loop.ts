import { defineRule } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import type { Matcher, PyNode } from "../notebook/python.js";
import { appendArgument, callArguments, findInCells, hasSplat, keywordArgument, targetNames, usesGpu } from "./lib/nvp-helpers.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds host-to-GPU copies of batches inside a loop over a data loader, \`.to(device)\`,
\`.to("cuda")\`, \`.to(device=device)\` or \`.cuda()\`, without \`non_blocking=True\`. A batch is
the loop variable (\`for images, labels in train_loader:\`) or a value taken from it
(\`batch["input_ids"]\`, \`inputs, targets = batch\`, \`{k: v for k, v in batch.items()}\`).

## Why is this bad?
A blocking copy makes the Python thread wait until the batch has reached the GPU before it can
queue the next kernel, so the GPU idles during every transfer. When the loader pins its memory
(\`DataLoader(..., pin_memory=True)\`), \`non_blocking=True\` lets the copy engine move the batch
while the GPU keeps computing (guide, section 5.3 "Efficient Memory Transfers"). Kernels queued
afterwards on the same stream still wait for the copy, so results do not change.

## Example
\`\`\`python
train_loader = DataLoader(train_set, batch_size=64, pin_memory=True)
for images, labels in train_loader:
    images, labels = images.to(device), labels.to(device)
\`\`\`

Use instead:
\`\`\`python
train_loader = DataLoader(train_set, batch_size=64, pin_memory=True)
for images, labels in train_loader:
    images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
\`\`\`

## Fix
Adds \`non_blocking=True\` to each copy when the loader pins memory: it was created in the
notebook with \`pin_memory=\` (directly or inside the notebook function that builds it), or,
for a loader that a function receives as a parameter, every \`DataLoader\` of the notebook pins
memory. A loop over a loader created without \`pin_memory\` is reported without a fix (pin the
loader first, see NVP003). Loaders the notebook cannot see into (\`accelerator.prepare(...)\`,
library helpers) are not reported. Copies back to the host (\`.to("cpu")\`) and dtype conversions
(\`.to(torch.float16)\`) are never touched.

## Fix safety
Unsafe: the copy becomes asynchronous. Kernels on the same CUDA stream are ordered after it,
but code that reads the batch's memory from another stream or from the host while the copy is
in flight (custom CUDA streams, in-place edits of the pinned CPU tensor right after the call)
could see a partial copy.
`;

/** Loop iterables that wrap the real one: `enumerate(loader)`, `tqdm(loader)`, `mo.status.progress_bar(loader)`. */
const WRAPPERS = /(^|\.)(enumerate|tqdm|progress_bar|iter|zip|track)$/;
/** A notebook without this text iterates no data loader. */
const LOADER_TEXT = /loader|batches|\bdl\b|\bdl_|_dl\b|DataLoader/i;
/** Names that say "data loader". */
const LOADER_NAME = /loader|batches|(^|_)dl$|^dl_/i;
/** First arguments of `.to(...)` that are dtypes or host devices, not GPU devices. */
const NOT_A_DEVICE = /^(["'](cpu|meta|mps)|.*\b(dtype|float\d*|half|bfloat16|int\d*|long|double|bool|uint8|complex\d*)$)/i;

const TRANSFER: Matcher = {
  rule: {
    kind: "call",
    has: { field: "function", kind: "attribute", has: { field: "attribute", regex: "^(to|cuda)$" } },
  },
};

type Pinning = "pinned" | "pageable" | "unknown";

export const blockingTransferInLoop = defineRule({
  code: "NVP004",
  name: "blocking-transfer-in-loop",
  section: "5.3",
  severity: "warning",
  fix: "unsafe",
  summary: "Blocking `.to(device)` / `.cuda()` of batches inside a data loader loop",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!source.includes(".to(") && !source.includes(".cuda(")) return;
    if (!LOADER_TEXT.test(source) || !usesGpu(notebook)) return;
    const reported = new Set<number>();
    const loops = findInCells(notebook, /\.(?:to|cuda)\(/, { rule: { kind: "for_statement", has: { kind: "call", stopBy: "end", has: { field: "function", kind: "attribute", regex: "\\.(to|cuda)$" } } } } as Matcher);
    for (const loop of loops) {
      const body = loop.field("body");
      if (!body) continue;
      const iterable = unwrap(loop.field("right"));
      if (!iterable) continue;
      const loader = loaderName(iterable);
      if (loader === undefined) continue;
      const batchNames = derivedNames(loop, body);
      if (batchNames.size === 0) continue;
      const transfers = body.findAll(TRANSFER).filter((call) => !reported.has(call.id()) && isBatchTransfer(call, batchNames));
      if (transfers.length === 0) continue;
      const pinning = pinningOf(notebook, loop, iterable, loader);
      if (pinning === "unknown") continue;
      const shownLoader = loader === "" ? "the loader" : `\`${loader}\``;
      for (const call of transfers) {
        reported.add(call.id());
        const written = shortCall(call);
        if (pinning === "pageable") {
          context.report({
            node: call,
            message: `\`${written}\` blocks on every batch: create ${shownLoader} with \`pin_memory=True\`, then pass \`non_blocking=True\` so the copy overlaps with GPU work`,
          });
          continue;
        }
        const edit = appendArgument(notebook, call, "non_blocking=True");
        const message = `\`${written}\` copies each batch synchronously although ${shownLoader} pins memory: pass \`non_blocking=True\` so the copy overlaps with GPU work`;
        context.report({
          node: call,
          message: edit ? message : `${message} (unusual argument layout: not fixed)`,
          ...(edit ? { fix: { description: "Add `non_blocking=True`", edits: [edit] } } : {}),
        });
      }
    }
  },
});

function unwrap(node: PyNode | null | undefined): PyNode | undefined {
  let current = node ?? undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.kind() !== "call") return current;
    const fn = current.field("function")?.text() ?? "";
    if (!WRAPPERS.test(fn)) return current;
    current = callArguments(current).find((a) => a.kind() !== "keyword_argument");
  }
  return current;
}

/** The loader's name (`""` for a `DataLoader(...)` call written in the loop), or undefined when the iterable is not a loader. */
function loaderName(iterable: PyNode): string | undefined {
  const kind = iterable.kind();
  if (kind === "call") return /DataLoader$/.test(iterable.field("function")?.text() ?? "") ? "" : undefined;
  if (kind === "identifier" || kind === "attribute") {
    const name = iterable.text();
    return LOADER_NAME.test(name.split(".").pop()!) ? name : undefined;
  }
  return undefined;
}

/** Names holding (parts of) the current batch: loop targets and values derived from them in the body. */
function derivedNames(loop: PyNode, body: PyNode): Set<string> {
  const names = new Set(targetNames(loop.field("left")).filter((n) => n !== "_"));
  if (names.size === 0) return names;
  const bindings = body.findAll({
    rule: {
      any: [
        { kind: "assignment", has: { field: "right", kind: "identifier", stopBy: "end" } },
        { kind: "for_in_clause" },
      ],
    },
  } as Matcher);
  for (let round = 0; round < 3; round++) {
    const before = names.size;
    const pattern = new RegExp(`(?<![\\w.])(${[...names].map(escapeRegex).join("|")})(?!\\w)`);
    for (const binding of bindings) {
      const value = binding.field("right");
      const target = binding.field("left");
      if (!value || !target || !pattern.test(value.text())) continue;
      for (const n of targetNames(target)) names.add(n);
    }
    if (names.size === before) break;
  }
  return names;
}

/** `x.to(device)` / `x.cuda()` where `x` starts with a batch name, without `non_blocking`. */
function isBatchTransfer(call: PyNode, batchNames: ReadonlySet<string>): boolean {
  if (keywordArgument(call, "non_blocking") || hasSplat(call)) return false;
  const fn = call.field("function")!;
  const object = fn.field("object");
  if (!object) return false;
  const root = /^[A-Za-z_]\w*/.exec(object.text())?.[0];
  if (!root || !batchNames.has(root)) return false;
  const method = fn.field("attribute")!.text();
  const args = callArguments(call);
  if (method === "cuda") return args.every((a) => a.kind() === "keyword_argument" || a.kind() === "integer" || /device/i.test(a.text()));
  const device = keywordArgument(call, "device");
  if (device) return !NOT_A_DEVICE.test(device.field("value")?.text() ?? "");
  const first = args.find((a) => a.kind() !== "keyword_argument");
  if (!first) return false;
  return !NOT_A_DEVICE.test(first.text());
}

/** Whether the loop's loader pins memory, as far as the notebook shows. */
function pinningOf(notebook: Notebook, loop: PyNode, iterable: PyNode, loader: string): Pinning {
  if (loader === "") return pinningOfText(iterable.text()) ?? "pageable";
  const name = loader.split(".").pop()!;
  const root = notebook.root.root();
  // Rust regex: no look-around.
  const assignments = root.findAll({
    rule: { kind: "assignment", has: { field: "left", regex: `(^|[^\\w.])${escapeRegex(loader)}($|\\W)` } },
  } as Matcher);
  const verdicts: Pinning[] = [];
  for (const assignment of assignments) {
    const value = assignment.field("right");
    if (!value) continue;
    const direct = pinningOfText(value.text());
    if (direct) {
      verdicts.push(direct);
      continue;
    }
    // `loaders = make_loaders(...)`: look into the notebook function that builds them.
    const callee = value.kind() === "call" ? value.field("function") : undefined;
    if (callee?.kind() === "identifier") {
      const definition = root.find({ rule: { kind: "function_definition", has: { field: "name", regex: `^${escapeRegex(callee.text())}$` } } } as Matcher);
      const inside = definition ? pinningOfText(definition.text()) : undefined;
      verdicts.push(inside ?? "unknown");
      continue;
    }
    verdicts.push("unknown");
  }
  if (verdicts.length > 0) {
    if (verdicts.includes("pageable")) return "pageable";
    return verdicts.every((v) => v === "pinned") ? "pinned" : "unknown";
  }
  // A loader received as a parameter: judge by all the loaders the notebook creates.
  if (!isParameterOfEnclosingFunction(loop, name)) return "unknown";
  const calls = root.findAll({ rule: { kind: "call", has: { field: "function", regex: "DataLoader$" } } } as Matcher);
  if (calls.length === 0) return "unknown";
  return calls.every((c) => pinningOfText(c.text()) === "pinned") ? "pinned" : "pageable";
}

/** `pinned` when the text passes `pin_memory=` (anything but False), `pageable` when it creates a DataLoader without it. */
function pinningOfText(text: string): Pinning | undefined {
  const pin = /\bpin_memory\s*=\s*([^,)\n]+)/.exec(text);
  if (pin) return pin[1]!.trim() === "False" ? "pageable" : "pinned";
  if (/DataLoader\s*\(/.test(text)) return "pageable";
  return undefined;
}

function isParameterOfEnclosingFunction(loop: PyNode, name: string): boolean {
  const fn = loop.ancestors().find((a) => a.kind() === "function_definition");
  const parameters = fn?.field("parameters");
  if (!parameters) return false;
  return parameters.findAll({ rule: { kind: "identifier", regex: `^${escapeRegex(name)}$` } }).length > 0;
}

function shortCall(call: PyNode): string {
  const text = call.text().replace(/\s+/g, " ");
  return text.length <= 50 ? text : `${call.field("function")!.text().replace(/\s+/g, " ")}(...)`;
}
