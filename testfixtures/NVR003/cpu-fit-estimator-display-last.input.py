import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    return mo, np


@app.class_definition
class RidgeRegressor:
    """Closed-form ridge regression (a stand-in for a scikit-learn estimator)."""

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = alpha
        self.coef_ = None

    def fit(self, X, y):
        import numpy as np

        gram = X.T @ X + self.alpha * np.eye(X.shape[1])
        self.coef_ = np.linalg.solve(gram, X.T @ y)
        return self

    def predict(self, X):
        return X @ self.coef_


@app.cell
def _(np):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 5))
    y = X @ np.arange(5.0) + rng.normal(scale=0.1, size=200)
    return X, y


@app.cell
def _(X, y):
    regressor = RidgeRegressor(alpha=0.5).fit(X, y)
    regressor.coef_.round(2)
    return (regressor,)


@app.cell
def _(X, mo, regressor, y):
    _residual = float(((regressor.predict(X) - y) ** 2).mean())
    mo.md(f"Mean squared error: {_residual:.4f}")
    return


if __name__ == "__main__":
    app.run()
