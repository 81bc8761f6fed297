// Small notebooks built in tests (the realistic ones live in testfixtures/ and examples/).
export function notebook(cells: readonly string[], header = ""): string {
  const body = cells
    .map((cell) => {
      const lines = cell.split("\n").map((l) => (l.trim() === "" ? "" : `    ${l}`));
      return `@app.cell\ndef _():\n${lines.join("\n")}\n    return\n`;
    })
    .join("\n\n");
  return `${header}import marimo\n\n__generated_with = "0.25.2"\napp = marimo.App()\n\n\n${body}\n\nif __name__ == "__main__":\n    app.run()\n`;
}

/** A notebook with one NVG003 violation (a safe fix). */
export const DEL_WITHOUT_EMPTY_CACHE = `import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    model = torch.jit.load("model.pt", map_location="cuda")
    return (model,)


@app.cell
def _(model):
    del model
    return


if __name__ == "__main__":
    app.run()
`;
