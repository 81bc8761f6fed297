import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import tempfile
    import threading
    return tempfile, threading


@app.cell
def _(tempfile, threading):
    class Net:
        """Renaming a class changes how instances print and pickle."""

    net = Net()
    max = 10
    workdir = tempfile.TemporaryDirectory()
    worker = threading.Thread(target=print, args=("done",))
    batch = 32
    print(f"{batch=}", net, max, workdir.name, worker.name)
    return


@app.cell
def _():
    learning_rate = 0.1
    print(locals()["learning_rate"])
    return


@app.cell
def train_step():
    step_size = 0.5
    print(step_size)
    return


@app.cell
def _():
    command = ["fit", "--fast"]
    mode = "default"
    match command:
        case ["fit", mode]:
            print("fitting")
        case _:
            pass
    print(mode)
    return


if __name__ == "__main__":
    app.run()
