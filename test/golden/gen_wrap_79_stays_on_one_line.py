import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    # defines the names read below
    sig79_first_xxxxxxxxxxxxxxxxxxxxxx = 1
    sig79_second_xxxxxxxxxxxxxxxxxxxxxx = 2
    single_param_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 3
    async79_first_xxxxxxxxxxxxxxxxxx = 4
    async79_second_xxxxxxxxxxxxxxxx = 5
    named79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 6
    typed79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: int = 7
    return (
        async79_first_xxxxxxxxxxxxxxxxxx,
        async79_second_xxxxxxxxxxxxxxxx,
        named79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
        sig79_first_xxxxxxxxxxxxxxxxxxxxxx,
        sig79_second_xxxxxxxxxxxxxxxxxxxxxx,
        single_param_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
        typed79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
    )


@app.cell
def _(sig79_first_xxxxxxxxxxxxxxxxxxxxxx, sig79_second_xxxxxxxxxxxxxxxxxxxxxx):
    # signature is 79 columns
    print(sig79_first_xxxxxxxxxxxxxxxxxxxxxx, sig79_second_xxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _(single_param_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx):
    # single parameter, 79 columns
    print(single_param_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
async def _(async79_first_xxxxxxxxxxxxxxxxxx, async79_second_xxxxxxxxxxxxxxxx):
    # async signature, 79 columns
    import asyncio
    await asyncio.sleep(0)
    print(async79_first_xxxxxxxxxxxxxxxxxx, async79_second_xxxxxxxxxxxxxxxx)
    return


@app.cell
def named_cell_signature(named79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx):
    print(named79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _(typed79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: int):
    # annotated parameter, 79 columns
    print(typed79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _():
    # return line is 79 columns
    ret79_first_xxxxxxxxxxxxxxxxxxxxx = 1
    ret79_second_xxxxxxxxxxxxxxxxxxxx = 2
    return ret79_first_xxxxxxxxxxxxxxxxxxxxx, ret79_second_xxxxxxxxxxxxxxxxxxxx


@app.cell
def _():
    # single-name return, 79 columns
    single_return_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 1
    return (single_return_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,)


@app.cell
def _(
    ret79_first_xxxxxxxxxxxxxxxxxxxxx,
    ret79_second_xxxxxxxxxxxxxxxxxxxx,
    single_return_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
):
    print(ret79_first_xxxxxxxxxxxxxxxxxxxxx, ret79_second_xxxxxxxxxxxxxxxxxxxx, single_return_79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


if __name__ == "__main__":
    app.run()
