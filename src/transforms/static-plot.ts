import { defineRule } from "../engine/types.js";
import { startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { importsOf } from "./lib/imports.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds cells and \`@app.function\`s that draw matplotlib or seaborn figures (\`plt.subplots\`,
\`plt.plot\`, \`plt.imshow\`, \`sns.lineplot\`, \`sns.heatmap\`, \`Figure(...)\`, under any import alias),
one diagnostic per cell, unless the cell shows the figure with \`mo.mpl.interactive(...)\`.

## Why is this bad?
A matplotlib figure is rendered as a static PNG: readers cannot zoom into a loss curve, hover a
point to read its value, or toggle a series. The guide asks for interactive charts (Plotly or
Altair through \`mo.ui.plotly\` / \`mo.ui.altair_chart\`, which also report the user's selection
back to Python) for training curves and benchmarks (section 8.3 "Interactive Visualizations").

## Example
\`\`\`python
fig, ax = plt.subplots()
ax.plot(history["loss"])
fig
\`\`\`

Use instead:
\`\`\`python
chart = alt.Chart(pd.DataFrame({"step": range(len(history["loss"])), "loss": history["loss"]}))
mo.ui.altair_chart(chart.mark_line().encode(x="step", y="loss", tooltip=["step", "loss"]))
\`\`\`

or keep matplotlib and make it pannable and zoomable:
\`\`\`python
fig, ax = plt.subplots()
ax.plot(history["loss"])
mo.mpl.interactive(fig)
\`\`\`

## Fix
None: porting a figure to another plotting library is a rewrite. Wrapping the figure in
\`mo.mpl.interactive(fig)\` is the smallest change.

## Fix safety
No fix.
`;

const PYPLOT_FUNCTIONS =
  "figure|subplots|subplot|subplot_mosaic|axes|plot|scatter|bar|barh|hist|hist2d|imshow|matshow|pie|boxplot|violinplot|contour|contourf|pcolormesh|errorbar|fill_between|stem|step|stackplot|semilogx|semilogy|loglog|hexbin|quiver|streamplot|polar|specgram|spy|show|gcf|gca";
const SEABORN_FUNCTIONS = "\\w*plot|heatmap|clustermap";

export const staticPlot = defineRule({
  code: "NVU003",
  name: "static-plot",
  section: "8.3",
  severity: "info",
  fix: "none",
  summary: "A static matplotlib figure where the guide asks for an interactive chart",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!/matplotlib|seaborn|pylab/.test(source)) return;
    const matcher = plottingCalls(importsOf(notebook));
    if (!matcher) return;

    const firstByCell = new Map<number, PyNode>();
    for (const call of notebook.root.root().findAll(matcher)) {
      const cell = context.cellAt(startOf(call));
      if (!cell || (cell.kind !== "cell" && cell.kind !== "function") || firstByCell.has(cell.index)) continue;
      if (source.slice(cell.start, cell.end).includes(".mpl.interactive(")) continue;
      firstByCell.set(cell.index, call);
    }
    for (const call of firstByCell.values()) {
      context.report({
        node: call,
        message:
          "This matplotlib figure is a static image (seaborn draws with matplotlib too): use an interactive chart (`mo.ui.altair_chart`, `mo.ui.plotly`) or show it with `mo.mpl.interactive(fig)` so that readers can zoom, pan and hover",
      });
    }
  },
});

/** Calls that draw a figure, under the notebook's own import names. */
function plottingCalls(imports: ReturnType<typeof importsOf>): Matcher | undefined {
  const alternatives: string[] = [];
  for (const i of imports) {
    const full = i.attribute === undefined ? i.module : `${i.module}.${i.attribute}`;
    const local = escapeRegex(i.local);
    if (full === "matplotlib.pyplot" || full === "pylab") alternatives.push(`${local}\\.(?:${PYPLOT_FUNCTIONS})`);
    else if (full === "matplotlib" && i.attribute === undefined) alternatives.push(`${local}\\.pyplot\\.(?:${PYPLOT_FUNCTIONS})`);
    else if (full === "seaborn") alternatives.push(`${local}\\.(?:${SEABORN_FUNCTIONS})`);
    else if (i.attribute !== undefined && (i.module === "matplotlib.pyplot" || i.module === "pylab") && new RegExp(`^(?:${PYPLOT_FUNCTIONS})$`).test(i.attribute)) alternatives.push(local);
    else if (i.attribute !== undefined && i.module === "seaborn" && new RegExp(`^(?:${SEABORN_FUNCTIONS})$`).test(i.attribute)) alternatives.push(local);
    else if (i.module === "matplotlib.figure" && i.attribute === "Figure") alternatives.push(local);
  }
  if (alternatives.length === 0) return undefined;
  return { rule: { kind: "call", has: { field: "function", regex: `^(?:${[...new Set(alternatives)].join("|")})$` } } };
}
