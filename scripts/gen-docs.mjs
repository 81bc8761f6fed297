#!/usr/bin/env node
// Writes docs/rules.md from the rule modules (`npm run docs`).
import { mkdirSync, writeFileSync } from "node:fs";
import { rulesReference } from "../dist/cli/rule-docs.js";
import { ALL_RULES } from "../dist/transforms/index.js";

mkdirSync("docs", { recursive: true });
writeFileSync("docs/rules.md", rulesReference(ALL_RULES));
console.log(`docs/rules.md: ${ALL_RULES.length} rules`);
