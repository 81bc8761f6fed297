// Loaded with `node --import` by the benchmark: when the process exits, writes its peak
// resident memory (all threads: the CLI's workers are threads) to $BENCH_MAX_RSS_FILE, in bytes.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
