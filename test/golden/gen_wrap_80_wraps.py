import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    # defines the names read below
    sig80_first_xxxxxxxxxxxxxxxxxxxxxxx = 1
    sig80_second_xxxxxxxxxxxxxxxxxxxxxx = 2
    single_param_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 3
    async80_first_xxxxxxxxxxxxxxxxxx = 4
    async80_second_xxxxxxxxxxxxxxxxx = 5
    named80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 6
    typed80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: int = 7
    return (
        async80_first_xxxxxxxxxxxxxxxxxx,
        async80_second_xxxxxxxxxxxxxxxxx,
        named80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
        sig80_first_xxxxxxxxxxxxxxxxxxxxxxx,
        sig80_second_xxxxxxxxxxxxxxxxxxxxxx,
        single_param_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
        typed80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
    )


@app.cell
def _(
    sig80_first_xxxxxxxxxxxxxxxxxxxxxxx,
    sig80_second_xxxxxxxxxxxxxxxxxxxxxx,
):
    # signature would be 80 columns
    print(sig80_first_xxxxxxxxxxxxxxxxxxxxxxx, sig80_second_xxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _(
    single_param_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
):
    # single parameter, 80 columns
    print(single_param_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
async def _(
    async80_first_xxxxxxxxxxxxxxxxxx,
    async80_second_xxxxxxxxxxxxxxxxx,
):
    # async signature, 80 columns
    import asyncio
    await asyncio.sleep(0)
    print(async80_first_xxxxxxxxxxxxxxxxxx, async80_second_xxxxxxxxxxxxxxxxx)
    return


@app.cell
def named_cell_signature(
    named80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
):
    print(named80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _(
    typed80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: int,
):
    # annotated parameter, 80 columns
    print(typed80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _():
    # return line would be 80 columns
    ret80_first_xxxxxxxxxxxxxxxxxxxxx = 1
    ret80_second_xxxxxxxxxxxxxxxxxxxxx = 2
    return (
        ret80_first_xxxxxxxxxxxxxxxxxxxxx,
        ret80_second_xxxxxxxxxxxxxxxxxxxxx,
    )


@app.cell
def _():
    # single-name return, 80 columns
    single_return_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 1
    return (
        single_return_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
    )


@app.cell
def _(
    ret80_first_xxxxxxxxxxxxxxxxxxxxx,
    ret80_second_xxxxxxxxxxxxxxxxxxxxx,
    single_return_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
):
    print(ret80_first_xxxxxxxxxxxxxxxxxxxxx, ret80_second_xxxxxxxxxxxxxxxxxxxxx, single_return_80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


if __name__ == "__main__":
    app.run()
