// Fixture discovery in the jscodeshift style: testfixtures/<RULE>/<case>.input.py + .output.py.
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

export interface FixturePair {
  readonly rule: string;
  readonly name: string;
  readonly input: string;
  readonly output: string;
}

export const FIXTURE_ROOT = "testfixtures";

export function fixturePairs(): FixturePair[] {
  const pairs: FixturePair[] = [];
  for (const rule of readdirSync(FIXTURE_ROOT).sort()) {
    if (!/^NV[A-Z]\d{3}$/.test(rule)) continue;
    // FIXTURE_RULE=NVR001 runs one rule's fixtures (handy while writing a rule).
    if (process.env.FIXTURE_RULE && !process.env.FIXTURE_RULE.split(",").includes(rule)) continue;
    const dir = join(FIXTURE_ROOT, rule);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".input.py")) continue;
      const name = file.slice(0, -".input.py".length);
      const output = join(dir, `${name}.output.py`);
      pairs.push({ rule, name, input: join(dir, file), output });
    }
  }
  return pairs;
}

export function hasOutput(pair: FixturePair): boolean {
  return existsSync(pair.output);
}
