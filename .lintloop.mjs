import { readFileSync, readdirSync } from "node:fs";
import { lintSource } from "/work/main/dist/index.js";
const dir = process.argv[2] ?? "/tmp/nb400"; const files = readdirSync(dir).map(f => dir + "/" + f);
const t = performance.now();
for (const f of files) lintSource(readFileSync(f, "utf8"));
console.log("total", ((performance.now() - t)/files.length).toFixed(2), "ms/file");
