import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    def benchmark_gpu_operations(data_size, num_iterations, precision="fp32"):
        """Time a matmul (the guide's section 2.4 example, without hints)."""
        x = torch.randn(data_size, data_size)
        return {"mean": float(x.mean()), "iterations": num_iterations, "precision": precision}

    def to_device(tensor: torch.Tensor, device: str = "cpu"):
        """Annotated parameters, no return type."""
        return tensor.to(device)

    def log_all(*messages, **fields) -> None:
        """Splat parameters need annotations too."""
        print(messages, fields)

    benchmark_gpu_operations(8, 2), to_device(torch.ones(1)), log_all("a", b=1)
    return


if __name__ == "__main__":
    app.run()
