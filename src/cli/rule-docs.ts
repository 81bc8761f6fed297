// The rule reference (docs/rules.md and `--explain`), generated from the rule modules so the
// documentation is written once, next to the code.
import type { Rule } from "../engine/types.js";

const FAMILIES: Record<string, string> = {
  NVD: "Documentation & structure (guide section 1)",
  NVO: "Code organisation (section 2)",
  NVG: "GPU resource management (section 3)",
  NVR: "Reactivity & interactivity (section 4)",
  NVP: "Performance (section 5)",
  NVE: "Error handling (section 6)",
  NVS: "Reproducibility (section 7)",
  NVU: "User experience (section 8)",
  NVT: "Testing & validation (section 9)",
  NVL: "Educational value (section 10)",
};

/** One rule's documentation, as `--explain` prints it. */
export function explainRule(rule: Rule): string {
  return `# ${rule.code} ${rule.name}\n\n${ruleFacts(rule)}\n\n${shiftHeadings(ruleDocs(rule), 1)}\n`;
}

/** The rule's own documentation, then its options (from their declarations, so docs and checks agree). */
function ruleDocs(rule: Rule): string {
  const options = rule.options ?? [];
  if (options.length === 0) return rule.docs.trim();
  const items = options.map((o) => `- \`${o.name}\` (${o.expected}, default \`${Array.isArray(o.defaultValue) ? JSON.stringify(o.defaultValue) : String(o.defaultValue)}\`): ${o.description}`);
  return `${rule.docs.trim()}\n\n## Options\nSet under \`[tool.nvmarimo-fix.rules.${rule.code}]\` in \`pyproject.toml\`:\n\n${items.join("\n")}`;
}

function ruleFacts(rule: Rule): string {
  const fix = rule.fix === "none" ? "no fix" : `${rule.fix} fix`;
  return `Severity: ${rule.severity} · ${fix} · guide section ${rule.section}`;
}

function shiftHeadings(markdown: string, levels: number): string {
  let inFence = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("```")) inFence = !inFence;
      return !inFence && /^#+ /.test(line) ? "#".repeat(levels) + line : line;
    })
    .join("\n");
}

/** docs/rules.md: a table of every rule, then each rule's documentation. */
export function rulesReference(rules: readonly Rule[]): string {
  const out: string[] = [
    "# Rule reference",
    "",
    "<!-- Generated from src/transforms/*.ts by `npm run docs`. Do not edit by hand: a test fails when this file drifts from the code. -->",
    "",
    "Fix safety follows ruff: **safe** fixes are applied by default, **unsafe** fixes need `--unsafe-fixes`, **none** means lint only.",
    "",
    "| code | name | severity | fix | summary |",
    "|---|---|---|---|---|",
  ];
  for (const rule of rules) {
    out.push(`| [${rule.code}](#${rule.code.toLowerCase()}-${rule.name}) | ${rule.name} | ${rule.severity} | ${rule.fix} | ${rule.summary.replace(/\|/g, "\\|")} |`);
  }
  let family = "";
  for (const rule of rules) {
    const prefix = rule.code.slice(0, 3);
    if (prefix !== family) {
      family = prefix;
      out.push("", `## ${FAMILIES[prefix] ?? prefix}`);
    }
    out.push("", `### ${rule.code} ${rule.name}`, "", ruleFacts(rule), "", shiftHeadings(ruleDocs(rule), 2));
  }
  return out.join("\n") + "\n";
}
