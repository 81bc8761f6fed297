// Builds dist/ once so CLI tests run the real `nvmarimo-fix` binary. Type errors are reported by
// `npm test`'s own build step; tsc still emits JavaScript, so they do not stop the tests here.
import { spawnSync } from "node:child_process";

export default function setup(): void {
  spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "ignore" });
}
