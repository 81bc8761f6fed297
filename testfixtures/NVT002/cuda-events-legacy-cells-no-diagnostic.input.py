import marimo

__generated_with = "0.8.0"
app = marimo.App()


@app.cell
def __():
    import torch
    return torch,


@app.cell
def __(torch):
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    x = torch.ones(1024, 1024, device="cuda")
    start.record()
    y = x @ x
    end.record()
    torch.cuda.synchronize()
    print(f"{start.elapsed_time(end):.2f} ms")
    return end, start, x, y


if __name__ == "__main__":
    app.run()
