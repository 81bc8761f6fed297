import { defineRule } from "../engine/types.js";
import type { Matcher, PyNode } from "../notebook/python.js";
import { conditionalIn, enclosingLoop, trainingLoops, usesGpu } from "./lib/nvp-helpers.js";

const docs = `
## What it does
Finds \`.item()\`, \`.cpu()\`, \`.numpy()\` and \`.tolist()\` calls that run on every step of a GPU
training loop: the innermost loop that calls \`loss.backward()\` or \`optimizer.step()\`, outside
any \`if\` (a value logged every 100 steps is fine) and outside nested functions.

## Why is this bad?
CUDA kernels run asynchronously: the Python loop normally queues the next step while the GPU
still works on the current one. Reading a value on the host forces the CPU to wait until every
queued kernel has finished, so the GPU idles at each step while Python catches up (guide,
section 5.3 "Efficient Memory Transfers": minimise CPU↔GPU transfers).

## Example
\`\`\`python
for images, labels in train_loader:
    loss = criterion(model(images.to(device)), labels.to(device))
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    running_loss += loss.item()
\`\`\`

Use instead:
\`\`\`python
running_loss = torch.zeros((), device=device)
for images, labels in train_loader:
    loss = criterion(model(images.to(device)), labels.to(device))
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    running_loss += loss.detach()
epoch_loss = running_loss.item() / len(train_loader)  # one sync per epoch
\`\`\`

## Fix
None: where to accumulate and when to read the values back depends on what the notebook shows
(a progress bar, a chart of the loss). Keep running sums on the GPU with \`.detach()\`, read them
once per epoch, or only every N steps inside \`if step % N == 0:\`.

## Fix safety
No fix is offered.
`;

const HOST_SYNC: Matcher = {
  rule: {
    kind: "call",
    has: { field: "function", kind: "attribute", has: { field: "attribute", regex: "^(item|cpu|numpy|tolist)$" } },
  },
};

export const hostSyncInLoop = defineRule({
  code: "NVP005",
  name: "host-sync-in-loop",
  section: "5.3",
  severity: "info",
  fix: "none",
  summary: "`.item()` / `.cpu()` / `.numpy()` on every step of a GPU training loop",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!/\.(item|cpu|numpy|tolist)\(/.test(source) || !usesGpu(notebook)) return;
    for (const { loop } of trainingLoops(notebook)) {
      const body = loop.field("body");
      if (!body) continue;
      for (const call of body.findAll(HOST_SYNC)) {
        if (enclosingLoop(call)?.id() !== loop.id()) continue;
        if (conditionalIn(call, loop)) continue;
        if (readsBackAlready(call)) continue;
        const fn = call.field("function")!;
        const method = fn.field("attribute")!.text();
        const written = `${shortText(fn.field("object")!)}.${method}()`;
        const advice =
          method === "item"
            ? "keep running sums on the GPU (`total += loss.detach()`) and read them once per epoch, or every N steps"
            : "keep the results on the GPU and copy them to the host once, after the loop";
        context.report({ node: call, message: `\`${written}\` waits for the GPU on every training step (a host-device sync): ${advice}` });
      }
    }
  },
});

/** `x.cpu().numpy()`: only the first copy in a chain is reported. */
function readsBackAlready(call: PyNode): boolean {
  const object = call.field("function")?.field("object");
  return object?.kind() === "call" && /\.(item|cpu|numpy|tolist)$/.test(object.field("function")?.text() ?? "");
}

function shortText(node: PyNode): string {
  const text = node.text().replace(/\s+/g, " ");
  if (text.length <= 40) return text;
  const fn = node.kind() === "call" ? node.field("function") : undefined;
  if (fn?.kind() !== "attribute") return "…";
  const empty = (node.field("arguments")?.namedChildren().length ?? 0) === 0;
  return `….${fn.field("attribute")!.text()}(${empty ? "" : "..."})`;
}
