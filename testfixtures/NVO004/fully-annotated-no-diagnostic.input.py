import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    from typing import Dict


@app.function
def benchmark_gpu_operations(data_size: int, num_iterations: int, precision: str = "fp32") -> Dict[str, float]:
    """Benchmark GPU operations with the given configuration."""
    return {"mean": 1.23, "std": 0.05, "throughput": float(data_size * num_iterations)}


@app.cell
def _():
    def format_metrics(metrics: Dict[str, float], *, digits: int = 2) -> str:
        """Format metrics for display; the lambda below needs no hints."""
        key = lambda item: item[0]
        return ", ".join(f"{k}={v:.{digits}f}" for k, v in sorted(metrics.items(), key=key))

    def outer(values: list[float]) -> float:
        """Nested helpers are implementation details."""
        def inner(v):
            return v * 2

        return sum(inner(v) for v in values)

    format_metrics(benchmark_gpu_operations(4, 2)), outer([1.0])
    return


if __name__ == "__main__":
    app.run()
