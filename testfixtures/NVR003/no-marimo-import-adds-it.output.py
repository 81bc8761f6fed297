import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo

    install_button = mo.ui.run_button(label="📦 Install packages")
    install_button
    return install_button, mo


@app.cell
def _(install_button, mo):
    mo.stop(not install_button.value, mo.md("Click **Install packages** to install the packages"))

    import subprocess

    subprocess.run("pip install --quiet bitsandbytes accelerate", shell=True, check=True)
    return


@app.cell
def _(mo):
    download_button = mo.ui.run_button(label="📥 Download model")
    download_button
    return (download_button,)


@app.cell
def _(download_button, mo):
    mo.stop(not download_button.value, mo.md("Click **Download model** to start the download"))

    from transformers import AutoModelForCausalLM

    quantized = AutoModelForCausalLM.from_pretrained("facebook/opt-350m", load_in_8bit=True)
    return


if __name__ == "__main__":
    app.run()
