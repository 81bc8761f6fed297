import { replaceRange } from "../engine/edits.js";
import { defineRule } from "../engine/types.js";
import { lazyFix } from "./lib/lazy-fix.js";
import {
  docstringSkeleton,
  firstMarkdownHeading,
  importedLibraries,
  isGpuNotebook,
  scanHeader,
  titleFromFileName,
  uiControls,
} from "./lib/module-docstring.js";

const docs = `
## What it does
Finds notebooks without a module docstring: the first statement of the file (after the
shebang, comments and the PEP 723 \`# /// script\` block) is not a string literal.

## Why is this bad?
The module docstring is the notebook's front page: what it does, what the user can do with
it, and what it needs to run (GPU memory, compute capability, CUDA version, libraries). Without
it, a reader has to run the notebook to find out whether their GPU can run it at all (guide,
section 1.1 "Module Docstring"). marimo keeps the docstring when it saves the file.

## Example
\`\`\`python
import marimo

__generated_with = "0.25.2"
app = marimo.App()
\`\`\`

Use instead:
\`\`\`python
"""stable_diffusion_trt.py

Text-to-Image Generation with TensorRT
=======================================

Interactive Stable Diffusion implementation optimized with TensorRT for fast inference
on NVIDIA GPUs.

Features:
- Text-to-image generation with adjustable parameters

Requirements:
- NVIDIA GPU with 8GB+ VRAM, compute capability 7.0+
- CUDA 11.4+

Tested configurations:
- Ubuntu 22.04 + L40S (48GB) + CUDA 12.4

Author: Brev.dev Team
Date: 2025-10-22
"""

import marimo
\`\`\`

## Fix
Inserts a docstring skeleton in the guide's format right before the first statement (usually
\`import marimo\`), below any shebang, comments and PEP 723 block:
- the file name (when the file is known) and a title: the notebook's first level-1 markdown
  heading (\`# ...\` in a \`mo.md\` cell), else the file name;
- a placeholder for the 2-3 sentence description;
- **Features**, listing the notebook's \`mo.ui\` controls by label;
- **Requirements**: GPU memory, compute capability and CUDA lines when the notebook imports a
  library that only runs on an NVIDIA GPU (\`cupy\`, \`cudf\`, \`tensorrt\`, \`vllm\`, ...) or its code
  (not its prose) uses CUDA or a device (\`torch.cuda\`, \`"cuda"\`, \`.to(device)\`): PyTorch alone
  runs on a CPU too. Then the third-party libraries it imports that PyPI provides (a module it
  does not know, such as a file next to the notebook, is left out);
- **Tested configurations**, **Author** and **Date**.

Whatever only a human knows (the description, VRAM, versions, hardware, author, date) is left
as a placeholder line for the author to complete; \`incomplete-module-docstring\` (NVD002) keeps
reporting the docstring until they are filled in.

## Fix safety
Unsafe: the docstring becomes the module's \`__doc__\`, and its placeholders must be completed by
hand before the notebook is published.
`;

export const missingModuleDocstring = defineRule({
  code: "NVD001",
  name: "missing-module-docstring",
  section: "1.1",
  severity: "warning",
  fix: "unsafe",
  summary: "Notebook has no module docstring (title, description, features, GPU requirements)",
  docs,
  check(context) {
    const { notebook } = context;
    const header = scanHeader(notebook);
    if (header.kind !== "missing") return;
    const source = notebook.source;
    const lineEnd = source.indexOf("\n", header.at);
    const end = lineEnd === -1 ? source.length : lineEnd > 0 && source[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd;
    const path = context.path;
    context.report({
      start: header.at,
      end,
      message: "Notebook has no module docstring: add one with a title, a 2-3 sentence description, features, GPU requirements (VRAM, compute capability, CUDA), tested configurations, author and date",
      fix: lazyFix("Insert a module docstring skeleton", () => {
        const fileName = path ? path.split(/[\\/]/).pop() : undefined;
        const skeleton = docstringSkeleton({
          fileName: fileName && fileName.endsWith(".py") ? fileName : undefined,
          title: firstMarkdownHeading(notebook) ?? (path ? titleFromFileName(path) || undefined : undefined),
          controls: uiControls(notebook),
          libraries: importedLibraries(notebook),
          gpu: isGpuNotebook(notebook),
        });
        return [replaceRange(header.at, header.at, `${skeleton}\n\n`)];
      }),
    });
  },
});
