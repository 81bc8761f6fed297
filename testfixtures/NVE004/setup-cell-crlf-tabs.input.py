import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
	import marimo as mo
	import cugraph  # graph analytics on the GPU
	import pandas as pd


@app.cell
def _():
	edges = pd.DataFrame({"src": [0, 1, 2, 2], "dst": [1, 2, 0, 3]})
	graph = cugraph.Graph()
	return edges, graph


@app.cell
def _(edges):
	ranks = cugraph.pagerank(cugraph.from_pandas_edgelist(edges, "src", "dst"))
	mo.md(f"Nœuds classés : {len(ranks)}")
	return


if __name__ == "__main__":
	app.run()
