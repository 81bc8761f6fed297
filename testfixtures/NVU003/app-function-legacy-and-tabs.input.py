import marimo

__generated_with = "0.8.22"
app = marimo.App()

with app.setup:
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure


@app.function
def plot_throughput(sizes: list[int], gflops: list[float]) -> Figure:
    """Throughput per matrix size, as a matplotlib figure."""
    fig, ax = plt.subplots()
    ax.bar([str(s) for s in sizes], gflops)
    ax.set_ylabel("GFLOP/s")
    return fig


@app.cell
def __():
    plot_throughput([512, 1024], [1.5, 2.5])
    return


@app.cell
def _():
	_fig = Figure(figsize=(3, 3))
	_fig.add_subplot().plot([1, 2, 3])
	_fig
	return


if __name__ == "__main__":
    app.run()
