import marimo

__generated_with = "0.9.14"
app = marimo.App(width="medium")


@app.cell
def __():
    import marimo as mo
    import numpy as np
    import cupy as cp
    import time
    return cp, mo, np, time


@app.cell(hide_code=True)
def __(mo):
    mo.md(
        r"""
        # K-means from scratch: NumPy vs CuPy

        The same Lloyd iteration written twice — once with NumPy on the CPU and once with
        [CuPy](https://docs.cupy.dev/en/stable/) on the GPU. CuPy mirrors the NumPy API, so
        the code is almost identical.
        """
    )
    return


@app.cell
def __(mo):
    n_points = mo.ui.slider(10_000, 2_000_000, step=10_000, value=500_000, label="points")
    k = mo.ui.slider(2, 32, value=8, label="clusters")
    mo.hstack([n_points, k])
    return k, n_points


@app.cell
def __(n_points, np):
    X = np.random.rand(n_points.value, 2).astype(np.float32)
    X[: n_points.value // 2] += 0.5
    return X,


@app.cell
def __():
    def kmeans(xp, X, k, iters=20):
        centroids = X[xp.random.choice(X.shape[0], k, replace=False)]
        for _ in range(iters):
            d = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
            labels = d.argmin(axis=1)
            centroids = xp.stack(
                [X[labels == j].mean(axis=0) for j in range(k)]
            )
        return centroids, labels
    return kmeans,


@app.cell(hide_code=True)
def __(mo):
    mo.md(
        r"""
        ## CPU run

        The distance matrix is `n × k`, so memory grows linearly with the number of points.
        """
    )
    return


@app.cell
def __(X, k, kmeans, np, time):
    t = time.time()
    centroids_cpu, labels_cpu = kmeans(np, X, k.value)
    cpu_time = time.time() - t
    return centroids_cpu, cpu_time, labels_cpu


@app.cell(hide_code=True)
def __(mo):
    mo.md(
        r"""
        ## GPU run

        Copy the points to device memory once with `cp.asarray`, then run the same code.
        """
    )
    return


@app.cell
def __(X, cp, k, kmeans, time):
    X_gpu = cp.asarray(X)
    t0 = time.time()
    centroids_gpu, labels_gpu = kmeans(cp, X_gpu, k.value)
    gpu_time = time.time() - t0
    return X_gpu, centroids_gpu, gpu_time, labels_gpu, t0


@app.cell
def __(cpu_time, gpu_time, mo):
    mo.md(
        f"""
        | | time | per iteration |
        |---|---|---|
        | NumPy | {cpu_time:.3f} s | {cpu_time / 20 * 1e6:.0f} µs |
        | CuPy | {gpu_time:.3f} s | {gpu_time / 20 * 1e6:.0f} µs |

        Speed-up: **{cpu_time / gpu_time:.1f}×**
        """
    )
    return


@app.cell
def __(X, labels_cpu, np):
    import matplotlib.pyplot as plt
    idx = np.random.rand(X.shape[0]) < 0.02
    plt.scatter(X[idx, 0], X[idx, 1], c=labels_cpu[idx], s=2, cmap="tab10")
    plt.title("k-means clusters (2 % sample)")
    plt.gca()
    return idx, plt


if __name__ == "__main__":
    app.run()
