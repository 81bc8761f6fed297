import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import subprocess

    subprocess.run("pip install --quiet bitsandbytes accelerate", shell=True, check=True)
    return


@app.cell
def _():
    from transformers import AutoModelForCausalLM

    quantized = AutoModelForCausalLM.from_pretrained("facebook/opt-350m", load_in_8bit=True)
    return


if __name__ == "__main__":
    app.run()
