#!/usr/bin/env node
// Makes sure .venv holds the Python packages the tests drive (requirements-test.txt): real
// marimo and CPython check fixture outputs, torch (CPU) runs the cpu-* fixtures. Runs before
// `npm test`; does nothing when the venv already matches the requirements file.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const requirements = readFileSync("requirements-test.txt", "utf8");
const stamp = ".venv/.requirements-test.sha256";
const digest = createHash("sha256").update(requirements).digest("hex");
const python = ".venv/bin/python";

if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) process.exit(0);

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
if (!existsSync(python)) {
  console.log("Creating .venv for the tests (python3 -m venv .venv)");
  run(process.env.PYTHON ?? "python3", ["-m", "venv", ".venv"]);
}
console.log("Installing requirements-test.txt into .venv");
run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements-test.txt"]);
writeFileSync(stamp, digest);
