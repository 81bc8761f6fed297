# /// script
# requires-python = ">=3.10"
# dependencies = [
#     "altair>=5.0",
#     "marimo>=0.25.2",
#     "numpy>=1.26",
#     "pandas>=2.0",
#     "torch>=2.4",
#     "torchvision>=0.19",
# ]
# ///
"""training_guided.py

Fashion-MNIST CNN Training on NVIDIA GPUs
=========================================

Interactive training of a small convolutional network on Fashion-MNIST with
automatic mixed precision, pinned-memory data loading and live GPU memory
monitoring. Every expensive step waits for a button, and every result is
reproducible from the documented seed.

Features:
- Memory-aware batch size defaults derived from the GPU's VRAM
- Mixed precision training with torch.autocast and gradient scaling
- Pinned-memory DataLoader with non-blocking host-to-device copies
- Real-time GPU memory monitor (allocated, reserved, free)
- GPU self-test and CPU vs GPU matrix-multiplication benchmark
- Interactive loss and accuracy charts

Requirements:
- NVIDIA GPU with 4GB+ VRAM, compute capability 7.0+ (Volta or newer) for FP16 tensor cores
- Works on: T4 (16GB), L4 (24GB), L40S (48GB), A100 (40/80GB), H100 (80GB)
- CUDA 12.1+ and NVIDIA driver 535+
- PyTorch 2.4+ with CUDA support, torchvision 0.19+
- Fashion-MNIST (~30MB download on first run)
- Single GPU only (uses GPU 0)

Tested configurations:
- Ubuntu 22.04 + L4 (24GB) + CUDA 12.4
- Ubuntu 22.04 + A100 (80GB) + CUDA 12.1

Author: nvmarimo-fix contributors
Date: 2025-11-28
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import gc
    import random
    import time

    import altair as alt
    import marimo as mo
    import numpy as np
    import pandas as pd
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset
    from torchvision import datasets


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 👕 Fashion-MNIST CNN Training on the GPU

    This notebook trains a small convolutional network on
    [Fashion-MNIST](https://github.com/zalandoresearch/fashion-mnist) and shows the habits
    that keep GPU notebooks fast, safe and reproducible:

    1. **Detect the GPU** before touching CUDA, and stop with instructions when there is none.
    2. **Watch memory** while you work, and give it back with `del` + `torch.cuda.empty_cache()`.
    3. **Wait for a click** (`mo.ui.run_button` + `mo.stop`) before anything expensive.
    4. **Seed everything** so that a re-run gives the same numbers.

    References: [CUDA Best Practices](https://docs.nvidia.com/cuda/cuda-c-best-practices-guide/) ·
    [marimo: expensive notebooks](https://docs.marimo.io/guides/expensive_notebooks/)
    """)
    return


@app.cell
def _():
    """GPU detection and validation: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(
            mo.md("""
            ⚠️ **No NVIDIA GPU detected**

            This notebook requires an NVIDIA GPU with CUDA support.

            **Troubleshooting**:
            - Verify the GPU is visible: `nvidia-smi`
            - Check the driver version (535+ for CUDA 12)
            - Install a CUDA build of PyTorch: https://pytorch.org/get-started/locally/
            """),
            kind="danger",
        ),
    )

    device = torch.device("cuda:0")
    _props = torch.cuda.get_device_properties(device)
    _compute_capability = f"{_props.major}.{_props.minor}"
    _gpu_info = mo.md(f"""
    ✅ **GPU detected**: {_props.name}
    💾 **Memory**: {_props.total_memory / 1e9:.1f} GB
    🔢 **Compute capability**: {_compute_capability}
    🧰 **CUDA (PyTorch build)**: {torch.version.cuda}
    """).callout(kind="success")

    if _props.major < 7:
        _gpu_info = mo.vstack([
            _gpu_info,
            mo.md(
                "⚠️ Compute capability below 7.0: FP16 tensor cores are unavailable, "
                "so mixed precision will be slower than expected."
            ).callout(kind="warn"),
        ])
    _gpu_info
    return (device,)


@app.function
def set_seed(seed: int = 42) -> None:
    """
    Seed every random number generator the notebook uses.

    Args:
        seed: Seed shared by Python's `random`, NumPy and PyTorch (CPU and all GPUs).

    cuDNN autotuning picks kernels by timing them, which can change results between
    runs, so it is disabled in favour of deterministic kernels (slightly slower).
    """
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


@app.function
def get_gpu_memory_stats(device_index: int = 0) -> dict[str, float]:
    """
    Read the GPU memory counters, in GB.

    Args:
        device_index: CUDA device ordinal.

    Returns:
        Allocated (live tensors), reserved (held by PyTorch's caching allocator),
        free and total device memory, and the allocated share of the total in percent.
    """
    allocated_gb = torch.cuda.memory_allocated(device_index) / 1e9
    reserved_gb = torch.cuda.memory_reserved(device_index) / 1e9
    free_bytes, total_bytes = torch.cuda.mem_get_info(device_index)
    return {
        "allocated_gb": allocated_gb,
        "reserved_gb": reserved_gb,
        "free_gb": free_bytes / 1e9,
        "total_gb": total_bytes / 1e9,
        "utilization_pct": 100 * allocated_gb / (total_bytes / 1e9),
    }


@app.function
def recommend_batch_size(total_memory_gb: float) -> tuple[int, int]:
    """
    Choose a default and a maximum batch size from the GPU's memory.

    Args:
        total_memory_gb: Total device memory in GB.

    Returns:
        (default batch size, largest batch size offered by the slider).
    """
    if total_memory_gb < 12:
        return 128, 512
    if total_memory_gb < 24:
        return 256, 1024
    return 512, 2048


@app.function
def make_data_loaders(
    batch_size: int, seed: int, data_dir: str = "./data"
) -> tuple[DataLoader, DataLoader]:
    """
    Build pinned-memory loaders for the Fashion-MNIST train and test splits.

    Args:
        batch_size: Training batch size (evaluation uses twice as much: no gradients).
        seed: Seed of the generator that shuffles the training set.
        data_dir: Where torchvision downloads the data set.

    Returns:
        (train loader, test loader). `pin_memory=True` puts batches in page-locked host
        memory, which lets `.to(device, non_blocking=True)` overlap copies with compute.
    """
    loaders = []
    for train in (True, False):
        raw = datasets.FashionMNIST(data_dir, train=train, download=True)
        images = (raw.data.float().unsqueeze(1) / 255.0 - 0.2860) / 0.3530
        loaders.append(
            DataLoader(
                TensorDataset(images, raw.targets),
                batch_size=batch_size if train else batch_size * 2,
                shuffle=train,
                generator=torch.Generator().manual_seed(seed),
                pin_memory=True,
                num_workers=2,
            )
        )
    return loaders[0], loaders[1]


@app.class_definition
class FashionCNN(nn.Module):
    """Two conv blocks (conv → batch norm → ReLU → max-pool) and a two-layer classifier."""

    def __init__(self, num_classes: int = 10) -> None:
        """Create the layers; weights use PyTorch's default (seeded) initialisation."""
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=3, padding=1),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, kernel_size=3, padding=1),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Dropout(0.25),
            nn.Linear(64 * 7 * 7, 128),
            nn.ReLU(),
            nn.Linear(128, num_classes),
        )

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        """Map a (batch, 1, 28, 28) image tensor to (batch, num_classes) logits."""
        return self.classifier(self.features(images))


@app.function
def evaluate(model: nn.Module, loader: DataLoader, device: torch.device) -> float:
    """
    Compute the classification accuracy of `model` on `loader`.

    Correct predictions are summed on the GPU and read back once at the end:
    calling `.item()` on every batch would force a host-device sync each step.
    """
    model.eval()
    correct = torch.zeros((), dtype=torch.long, device=device)
    with torch.no_grad(), torch.autocast("cuda", dtype=torch.float16):
        for images, labels in loader:
            images = images.to(device, non_blocking=True)
            labels = labels.to(device, non_blocking=True)
            correct += (model(images).argmax(dim=1) == labels).sum()
    return correct.item() / len(loader.dataset)


@app.function
def benchmark_matmul(size: int, device: torch.device, repeats: int = 10) -> float:
    """
    Average seconds per (size × size) matrix multiplication on `device`.

    CUDA kernels run asynchronously: without `torch.cuda.synchronize()` before the
    clock is read we would time the kernel launches, not the work.
    """
    lhs = torch.randn(size, size, device=device)
    rhs = torch.randn(size, size, device=device)
    torch.matmul(lhs, rhs)  # warm-up: cuBLAS handle creation and kernel selection
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(repeats):
        torch.matmul(lhs, rhs)
    torch.cuda.synchronize()  # also harmless when benchmarking the CPU
    return (time.perf_counter() - start) / repeats


@app.cell
def _():
    memory_refresh = mo.ui.refresh(
        options=["1s", "2s", "5s", "10s"], default_interval="2s", label="Auto-refresh"
    )
    return (memory_refresh,)


@app.cell
def _(device, memory_refresh):
    """Real-time GPU memory monitor: re-runs on every tick of `memory_refresh`."""
    _stats = get_gpu_memory_stats(device.index)
    mo.vstack([
        mo.hstack([mo.md("### 📊 GPU memory"), memory_refresh]),
        mo.hstack([
            mo.stat(f"{_stats['allocated_gb']:.2f} GB", label="Allocated"),
            mo.stat(f"{_stats['reserved_gb']:.2f} GB", label="Reserved"),
            mo.stat(f"{_stats['free_gb']:.2f} GB", label="Free"),
            mo.stat(f"{_stats['utilization_pct']:.1f} %", label="Used by tensors"),
        ]),
    ])
    return


@app.cell
def _():
    """Reproducibility: one documented seed for Python, NumPy and PyTorch."""
    seed = 42
    set_seed(seed)
    mo.md(
        f"🎲 **Random seed**: `{seed}`: Python, NumPy, PyTorch (CPU and all GPUs); "
        "cuDNN in deterministic mode. Every cell that draws random numbers calls "
        "`set_seed(seed)` first, so re-running a cell reproduces its result."
    ).callout(kind="info")
    return (seed,)


@app.cell
def _(device, seed):
    """GPU self-test: forward pass shape, device placement and memory bookkeeping."""
    set_seed(seed)
    _passed, _failed = [], []
    try:
        _probe = FashionCNN().to(device)
        _batch = torch.randn(4, 1, 28, 28, device=device)
        with torch.no_grad(), torch.autocast("cuda", dtype=torch.float16):
            _logits = _probe(_batch)
        assert _logits.shape == (4, 10), f"logits shape {tuple(_logits.shape)} != (4, 10)"
        assert _logits.device.type == "cuda", f"logits on {_logits.device}, expected cuda"
        assert next(_probe.parameters()).is_cuda, "model parameters are not on the GPU"
        _passed.append("✅ Forward pass: (4, 1, 28, 28) → (4, 10) on the GPU")
        assert torch.cuda.memory_allocated(device) > 0, "no GPU memory allocated"
        _passed.append("✅ Memory bookkeeping: allocations are visible")
        del _probe, _batch, _logits
        gc.collect()
        torch.cuda.empty_cache()
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        mo.stop(
            True,
            mo.callout(
                mo.md(f"""
                ❌ **GPU out of memory during the self-test**

                Only {torch.cuda.mem_get_info(device)[0] / 1e9:.1f} GB is free on
                {torch.cuda.get_device_name(device)}. Close other GPU programs
                (check `nvidia-smi`) and re-run this cell.
                """),
                kind="danger",
            ),
        )
    except AssertionError as e:
        _failed.append(f"❌ Self-test failed: {e}")

    mo.callout(
        mo.md("**GPU self-test**\n\n" + "\n".join(_passed + _failed)),
        kind="danger" if _failed else "success",
    )
    return


@app.cell
def _(device):
    """Training configuration: defaults adapt to the GPU's memory."""
    _total_gb = torch.cuda.get_device_properties(device).total_memory / 1e9
    _default_batch, _max_batch = recommend_batch_size(_total_gb)

    num_epochs = mo.ui.slider(1, 30, value=5, label="Epochs", show_value=True)
    learning_rate = mo.ui.slider(
        1e-4, 1e-2, step=1e-4, value=1e-3, label="Learning rate", show_value=True
    )
    batch_size = mo.ui.slider(
        32, _max_batch, step=32, value=_default_batch, label="Batch size", show_value=True
    )
    train_button = mo.ui.run_button(label="🚀 Train", kind="success")

    mo.vstack([
        mo.md("## ⚙️ Training configuration"),
        mo.hstack([num_epochs, learning_rate, batch_size]),
        mo.callout(
            mo.md(
                f"💡 **Tip**: the batch size defaults to **{_default_batch}** for "
                f"{_total_gb:.0f} GB of VRAM. Larger batches train faster per epoch "
                "but need more memory; watch the monitor above."
            ),
            kind="info",
        ),
        train_button,
    ])
    return batch_size, learning_rate, num_epochs, train_button


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Mixed precision and pinned memory 🎯

    **Mixed precision** runs matrix multiplications in FP16 on tensor cores (about 2× faster
    on Volta and newer, half the activation memory) while the weights stay in FP32.
    `torch.amp.GradScaler` multiplies the loss before `backward()` so that small FP16
    gradients do not underflow to zero.

    **Pinned memory** (`DataLoader(pin_memory=True)`) lets the copy engine move the next batch
    while the GPU is still computing, when the copy is issued with `non_blocking=True`.

    Learn more: [NVIDIA Mixed Precision Guide](https://docs.nvidia.com/deeplearning/performance/mixed-precision-training/) ·
    [PyTorch AMP](https://pytorch.org/docs/stable/amp.html) ·
    [Pinned memory](https://pytorch.org/tutorials/intermediate/pinmem_nonblock.html)
    """)
    return


@app.cell
def _(batch_size, device, learning_rate, num_epochs, seed, train_button):
    """Train the CNN: runs only when the Train button is clicked."""
    mo.stop(not train_button.value, mo.md("Click **Train** to start"))
    set_seed(seed)

    _train_loader, _test_loader = make_data_loaders(batch_size.value, seed)
    _loss_history = []
    _start = time.perf_counter()
    try:
        _model = FashionCNN().to(device)
        _optimizer = torch.optim.AdamW(_model.parameters(), lr=learning_rate.value)
        _scaler = torch.amp.GradScaler("cuda")
        for _epoch in mo.status.progress_bar(
            range(num_epochs.value),
            title="Training",
            subtitle=f"{num_epochs.value} epochs, batch size {batch_size.value}",
        ):
            _model.train()
            # Summed on the GPU; read back once per epoch, not once per step
            _epoch_loss = torch.zeros((), device=device)
            for _images, _labels in _train_loader:
                _images = _images.to(device, non_blocking=True)
                _labels = _labels.to(device, non_blocking=True)
                _optimizer.zero_grad(set_to_none=True)
                with torch.autocast("cuda", dtype=torch.float16):
                    _loss = nn.functional.cross_entropy(_model(_images), _labels)
                _scaler.scale(_loss).backward()
                _scaler.step(_optimizer)
                _scaler.update()
                _epoch_loss += _loss.detach()
            _loss_history.append((_epoch_loss / len(_train_loader)).item())
        with mo.status.spinner(title="Evaluating on the test set..."):
            _test_accuracy = evaluate(_model, _test_loader, device)
        torch.cuda.synchronize()
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        mo.stop(
            True,
            mo.callout(
                mo.md(f"""
                ❌ **GPU out of memory while training**

                Batch size {batch_size.value} does not fit: only
                {torch.cuda.mem_get_info(device)[0] / 1e9:.1f} GB is free on
                {torch.cuda.get_device_name(device)}.

                **Solutions**:
                - Reduce the batch size to {max(32, batch_size.value // 2)}
                - Close other GPU programs (check `nvidia-smi`)
                - Use a GPU with more memory
                """),
                kind="danger",
            ),
        )
    _elapsed = time.perf_counter() - _start

    training_results = {
        "loss_history": _loss_history,
        "test_accuracy": _test_accuracy,
        "seconds": _elapsed,
        "samples_per_second": num_epochs.value * len(_train_loader.dataset) / _elapsed,
        "peak_memory_gb": torch.cuda.max_memory_allocated(device) / 1e9,
    }

    # Give the weights, optimizer state and cached blocks back to the GPU
    del _model, _optimizer, _scaler
    gc.collect()
    torch.cuda.empty_cache()
    return (training_results,)


@app.cell
def _(training_results):
    """Training results with an interactive loss curve."""
    _history = pd.DataFrame({
        "epoch": range(1, len(training_results["loss_history"]) + 1),
        "loss": training_results["loss_history"],
    })
    _loss_chart = (
        alt.Chart(_history)
        .mark_line(point=True)
        .encode(
            x=alt.X("epoch:Q", title="Epoch"),
            y=alt.Y("loss:Q", title="Training loss"),
            tooltip=["epoch", alt.Tooltip("loss:Q", format=".4f")],
        )
        .properties(title="Training loss", height=300)
        .interactive()
    )
    mo.vstack([
        mo.md("## 📈 Training results"),
        mo.callout(
            mo.md(f"""
            ✅ **Training complete**

            - Test accuracy: **{training_results['test_accuracy']:.2%}**
            - Final loss: {training_results['loss_history'][-1]:.4f}
            - Time: {training_results['seconds']:.1f} s ({training_results['samples_per_second']:,.0f} images/s)
            - Peak GPU memory: {training_results['peak_memory_gb']:.2f} GB
            """),
            kind="success",
        ),
        mo.ui.altair_chart(_loss_chart),
        mo.callout(
            mo.md(
                "💡 **Interpretation**: a loss that is still falling at the last epoch "
                "means more epochs will help; around 90 % test accuracy is typical "
                "for this network."
            ),
            kind="info",
        ),
    ])
    return


@app.cell
def _(device, seed):
    """CPU vs GPU benchmark: 2048 × 2048 matrix multiplication."""
    set_seed(seed)
    _size = 2048
    try:
        with mo.status.spinner(title="Benchmarking...", subtitle="CPU first, then GPU"):
            _cpu_seconds = benchmark_matmul(_size, torch.device("cpu"), repeats=3)
            _gpu_seconds = benchmark_matmul(_size, device, repeats=20)
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        mo.stop(
            True,
            mo.callout(
                mo.md(f"""
                ❌ **GPU out of memory during the benchmark**

                Two {_size} × {_size} FP32 matrices need {2 * _size**2 * 4 / 1e9:.2f} GB;
                {torch.cuda.mem_get_info(device)[0] / 1e9:.1f} GB is free. Close other GPU
                programs or lower `_size`.
                """),
                kind="danger",
            ),
        )
    _timings = pd.DataFrame({
        "device": ["CPU", "GPU"],
        "ms per matmul": [_cpu_seconds * 1e3, _gpu_seconds * 1e3],
    })
    _speedup = _cpu_seconds / _gpu_seconds
    mo.vstack([
        mo.md(f"## ⚡ CPU vs GPU: {_size} × {_size} matmul"),
        mo.hstack([
            mo.ui.altair_chart(
                alt.Chart(_timings)
                .mark_bar()
                .encode(x="device:N", y="ms per matmul:Q", tooltip=list(_timings.columns))
                .properties(width=300)
            ),
            mo.md(
                f"🚀 The GPU is **{_speedup:.1f}× faster** "
                f"({2 * _size**3 / _gpu_seconds / 1e12:.1f} TFLOPS)."
            ).callout(kind="success" if _speedup > 5 else "info"),
        ]),
    ])
    return


if __name__ == "__main__":
    app.run()
