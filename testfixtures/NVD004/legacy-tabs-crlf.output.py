import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
	def moyenne(valeurs):
		return sum(valeurs) / len(valeurs)

	moyenne([1.0, 2.0])
	return moyenne,


@app.cell
def __(moyenne):
	print(moyenne([3.0]))
	return


if __name__ == "__main__":
    app.run()
