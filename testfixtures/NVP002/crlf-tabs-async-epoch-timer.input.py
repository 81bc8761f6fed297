import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import asyncio
	import time as clock

	import marimo as mo
	import torch as t

	return asyncio, clock, mo, t


@app.cell
async def _(asyncio, clock, mo, t):
	réseau = t.nn.Linear(256, 256).cuda()
	optimiseur = t.optim.SGD(réseau.parameters(), lr=0.01)
	for époque in range(3):
		début = clock.time()
		for _ in range(100):
			perte = réseau(t.randn(64, 256, device="cuda")).square().mean()
			optimiseur.zero_grad()
			perte.backward()
			optimiseur.step()
		durée = clock.time() - début
		mo.output.append(mo.md(f"Époque {époque} : {durée:.2f} s"))
		await asyncio.sleep(0)
	return


if __name__ == "__main__":
    app.run()
