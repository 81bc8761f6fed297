// Deterministic synthetic legacy GPU notebooks for the benchmark: the shapes seen in public
// repositories (def _ and def __ cells, hide_code, setup cells, @app.function, async cells,
// tabs, CRLF, non-ASCII text) with the usual violations, from 50 to 3,000 lines.

function rng(seed) {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

const FILLER = [
  (i) => [`def helper_${i}(values: list[float]) -> float:`, `    """Mean of the values — in µs."""`, `    return sum(values) / max(len(values), 1)`, ``, `stats_${i} = helper_${i}([1.0, 2.0, 3.0])`],
  (i) => [`rows_${i} = []`, `for _step in range(10):`, `    rows_${i}.append({"step": _step, "temp_°C": 40 + _step})`],
  (i) => [`config_${i} = {`, `    "lr": 1e-3,`, `    "epochs": 3,`, `    "name": "run-${i}",`, `}`],
  (i) => [`matrix_${i} = torch.randn(64, 64)`, `scaled_${i} = matrix_${i} * 2`],
];

/** A notebook; `targetLines` overrides the pseudo-random size. */
export function synthNotebook(index, targetLines) {
  const random = rng(index + 1);
  const r = random();
  const lines = targetLines ?? Math.round(50 + (r < 0.7 ? random() * 250 : r < 0.95 ? 300 + random() * 900 : 1200 + random() * 1800));
  const legacy = random() < 0.3;
  const useSetup = !legacy && random() < 0.3;
  const tabs = random() < 0.05;
  const crlf = random() < 0.1;
  const indent = tabs ? "\t" : "    ";
  const def = legacy ? "def __" : "def _";
  const cells = [];
  const cell = (params, body, returns, options = "") => {
    const ret = returns.length === 0 ? "return" : legacy ? `return ${returns.join(", ")},` : returns.length === 1 ? `return (${returns[0]},)` : `return ${returns.join(", ")}`;
    cells.push(`@app.cell${options}\n${def}(${params.join(", ")}):\n${body.map((l) => (l ? indent + l.replace(/^ {4}/gm, indent) : "")).join("\n")}\n${indent}${ret}`);
  };
  const header = [
    index % 3 === 0 ? `"""Synthetic GPU notebook ${index}."""\n\n` : "",
    "import marimo\n\n",
    `__generated_with = "${legacy ? "0.9.14" : "0.25.2"}"\n`,
    `app = marimo.App(width="medium")\n`,
  ].join("");
  let setup = "";
  const torchParam = useSetup ? [] : ["torch"];
  const moParam = useSetup ? [] : ["mo"];
  if (useSetup) setup = `\nwith app.setup:\n    import marimo as mo\n    import numpy as np\n    import torch\n`;
  else cell([], ["import marimo as mo", "import numpy as np", "import torch"], ["mo", "np", "torch"]);

  cell(["mo"].filter(() => !useSetup), [`mo.md(r"""# Training run ${index}""")`], [], "(hide_code=True)");
  cell([...moParam], ["lr_slider = mo.ui.slider(1, 10, on_change=lambda v: print(v))", "lr_slider"], ["lr_slider"]);
  cell([...torchParam], ["model = torch.nn.Linear(16, 16)", "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)"], ["model", "optimizer"]);
  cell(["model", "optimizer", ...torchParam].sort(), ["for epoch in range(2):", "    loss = model(torch.randn(4, 16)).sum()", "    loss.backward()", "    optimizer.step()"], []);
  if (random() < 0.2) cells.push(`@app.cell\nasync ${def.slice(0)}(${moParam.join(", ")}):\n${indent}import asyncio\n${indent}await asyncio.sleep(0)\n${indent}return (asyncio,)`);
  let used = header.split("\n").length + 20;
  let filler = 0;
  while (used < lines - 12) {
    const n = 3 + Math.floor(random() * 20);
    const body = [];
    for (let k = 0; k < n; k++) body.push(...FILLER[(filler + k) % FILLER.length](`${filler}_${k}`));
    const needsTorch = body.some((l) => l.includes("torch."));
    cell(needsTorch ? [...torchParam] : [], body, []);
    used += body.length + 5;
    filler++;
  }
  cell(["model", "optimizer"], ["del model, optimizer"], []);
  const text = `${header}${setup}\n\n${cells.join("\n\n\n")}\n\n\nif __name__ == "__main__":\n    app.run()\n`;
  return crlf ? text.replace(/\n/g, "\r\n") : text;
}
