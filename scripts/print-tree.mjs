#!/usr/bin/env node
// Prints the tree-sitter Python tree that ast-grep builds, one node per line (leaves with their
// text), to find the node kinds and fields a rule should match:
//   node scripts/print-tree.mjs 'x = f(1)'      or      node scripts/print-tree.mjs --file nb.py
import { readFileSync } from "node:fs";
import { parse, registerDynamicLanguage } from "@ast-grep/napi";
import python from "@ast-grep/lang-python";

registerDynamicLanguage({ python });
const [first, second] = process.argv.slice(2);
if (first === undefined) {
  console.error("usage: node scripts/print-tree.mjs CODE | --file PATH");
  process.exit(2);
}
const source = first === "--file" ? readFileSync(second, "utf8") : first;

function print(node, depth) {
  const children = node.children();
  console.log(`${"  ".repeat(depth)}${node.kind()}${children.length > 0 ? "" : ` ${JSON.stringify(node.text())}`}`);
  for (const child of children) print(child, depth + 1);
}
print(parse("python", source).root(), 0);
