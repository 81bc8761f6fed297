// `nvmarimo-fix checklist <notebook>`: the guide's Validation Checklist for one notebook. Each
// item maps to rules (failed when one of them fires), or is marked for review by hand when no
// static tool can judge it.
import { lintSource } from "../api.js";
import type { Diagnostic } from "../engine/types.js";

export type ItemStatus = "passed" | "failed" | "not-applicable" | "review";

interface ChecklistItem {
  readonly section: string;
  readonly text: string;
  /** Rules whose diagnostics fail the item; empty means review by hand. */
  readonly rules: readonly string[];
  /** The item only applies to notebooks that use a GPU. */
  readonly gpu?: boolean;
  /** Why a person must judge it (for review items). */
  readonly why?: string;
}

/** The Validation Checklist of best-practices.md, in its order. */
export const CHECKLIST: readonly ChecklistItem[] = [
  { section: "Documentation", text: "Module docstring with title, description, features", rules: ["NVD001", "NVD002"] },
  { section: "Documentation", text: "GPU requirements clearly stated", rules: ["NVD001", "NVD002"], gpu: true },
  { section: "Documentation", text: "Tested hardware configurations listed", rules: ["NVD001", "NVD002"], gpu: true },
  { section: "Documentation", text: "Cell-level comments for complex operations", rules: [], why: "whether comments explain why (guide 1.3)" },
  { section: "Documentation", text: "Function docstrings with type hints", rules: ["NVD004", "NVO004"] },
  { section: "Code Organization", text: "Minimal global variables (< 10 per notebook)", rules: ["NVO001", "NVO002"] },
  { section: "Code Organization", text: "Descriptive variable names", rules: ["NVO003"] },
  { section: "Code Organization", text: "Logic encapsulated in functions", rules: ["NVO001", "NVD004"] },
  { section: "Code Organization", text: "Proper cell organization (imports → config → logic → viz)", rules: ["NVD003"] },
  { section: "Code Organization", text: "Type hints on all functions", rules: ["NVO004"] },
  { section: "GPU Resource Management", text: "GPU detection and validation", rules: ["NVG001"], gpu: true },
  { section: "GPU Resource Management", text: "Real-time memory monitoring", rules: ["NVG002"], gpu: true },
  { section: "GPU Resource Management", text: "Proper cleanup (`del`, `empty_cache()`)", rules: ["NVG003"], gpu: true },
  { section: "GPU Resource Management", text: "Memory-aware operations", rules: ["NVG004"], gpu: true },
  { section: "GPU Resource Management", text: "Graceful handling of GPU errors", rules: ["NVE001"], gpu: true },
  { section: "Reactivity & Interactivity", text: "All UI elements returned from cells", rules: ["NVR002"] },
  { section: "Reactivity & Interactivity", text: "Uses reactive execution (no `on_change`)", rules: ["NVR001"] },
  { section: "Reactivity & Interactivity", text: "`mo.stop()` for expensive operations", rules: ["NVR003"] },
  { section: "Reactivity & Interactivity", text: "Progress indicators for long operations", rules: ["NVR004"] },
  { section: "Reactivity & Interactivity", text: "Proper use of `mo.ui.run_button()`", rules: ["NVR005", "NVR003"] },
  { section: "Performance", text: "GPU utilization metrics displayed", rules: ["NVG002"], gpu: true },
  { section: "Performance", text: "CPU vs GPU comparison", rules: ["NVT002"], gpu: true },
  { section: "Performance", text: "Mixed precision where appropriate", rules: ["NVP007", "NVP001"], gpu: true },
  { section: "Performance", text: "Efficient memory transfers", rules: ["NVP003", "NVP004", "NVP005"], gpu: true },
  { section: "Performance", text: "Caching of expensive operations", rules: ["NVP006"] },
  { section: "Error Handling", text: "GPU OOM errors caught and handled", rules: ["NVE001"], gpu: true },
  { section: "Error Handling", text: "Missing dependencies handled gracefully", rules: ["NVE004"] },
  { section: "Error Handling", text: "User input validation", rules: ["NVE005"] },
  { section: "Error Handling", text: "Clear error messages with solutions", rules: ["NVE003", "NVE002", "NVE006"] },
  { section: "Error Handling", text: "Fallback options where possible", rules: ["NVE004"] },
  { section: "Reproducibility", text: "Random seeds set and documented", rules: ["NVS001"] },
  { section: "Reproducibility", text: "Deterministic operations", rules: ["NVS002"] },
  { section: "Reproducibility", text: "Environment documented", rules: ["NVS003", "NVD002"] },
  { section: "Reproducibility", text: "Idempotent cells", rules: ["NVS004", "NVS001"] },
  { section: "Reproducibility", text: "Version requirements specified", rules: ["NVS003"] },
  { section: "User Experience", text: "Clean visual layout", rules: ["NVU001"] },
  { section: "User Experience", text: "Informative feedback", rules: ["NVU002"] },
  { section: "User Experience", text: "Interactive visualizations", rules: ["NVU003"] },
  { section: "User Experience", text: "Callouts for important info", rules: ["NVU004", "NVE006"] },
  { section: "User Experience", text: "Consistent styling", rules: [], why: "visual consistency (guide 8)" },
  { section: "Testing & Validation", text: "Self-test cells included", rules: ["NVT001"], gpu: true },
  { section: "Testing & Validation", text: "Performance benchmarks", rules: ["NVT002"], gpu: true },
  { section: "Testing & Validation", text: "Edge cases tested", rules: ["NVE005", "NVT001"] },
  { section: "Testing & Validation", text: "Results validated", rules: [], why: "whether results are checked against expectations (guide 9)" },
  { section: "Testing & Validation", text: "Examples work end-to-end", rules: [], why: "run the notebook on the target hardware" },
  { section: "Educational Value", text: "Concepts explained clearly", rules: ["NVL001"], why: "explanations say why (guide 10.1)" },
  { section: "Educational Value", text: "Links to documentation", rules: ["NVL001"] },
  { section: "Educational Value", text: "Best practices demonstrated", rules: [], why: "judged by a reader (guide 10.2)" },
  { section: "Educational Value", text: "Common pitfalls addressed", rules: [], why: "judged by a reader (guide 10.2)" },
  { section: "Educational Value", text: "Interactive learning elements", rules: [], why: "whether interactions teach something (guide 10.3)" },
];

export interface ChecklistResult {
  readonly section: string;
  readonly item: string;
  readonly status: ItemStatus;
  readonly findings: Array<{ code: string; line: number; message: string }>;
  readonly note?: string;
}

const USES_GPU = /\b(?:cuda|cupy|cudf|cuml|cugraph|gpu|torch|jax|tensorflow)\b/i;

export function runChecklist(source: string): ChecklistResult[] {
  const diagnostics: Diagnostic[] = lintSource(source).diagnostics;
  const usesGpu = USES_GPU.test(source);
  return CHECKLIST.map((item) => {
    if (item.gpu && !usesGpu) return { section: item.section, item: item.text, status: "not-applicable", findings: [], note: "the notebook does not use a GPU" };
    if (item.rules.length === 0) return { section: item.section, item: item.text, status: "review", findings: [], ...(item.why ? { note: item.why } : {}) };
    const findings = diagnostics.filter((d) => item.rules.includes(d.code)).map((d) => ({ code: d.code, line: d.line, message: d.message }));
    return { section: item.section, item: item.text, status: findings.length > 0 ? "failed" : "passed", findings, ...(item.why ? { note: `also review by hand: ${item.why}` } : {}) };
  });
}

const MARK: Record<ItemStatus, string> = { passed: "[x]", failed: "[ ]", "not-applicable": "[-]", review: "[?]" };

export function checklistMarkdown(path: string, results: readonly ChecklistResult[]): string {
  const out = [`# Validation Checklist: ${path}`, "", "`[x]` passed · `[ ]` failed · `[-]` not applicable · `[?]` review by hand", ""];
  let section = "";
  for (const r of results) {
    if (r.section !== section) {
      section = r.section;
      out.push(`## ${section}`, "");
    }
    out.push(`- ${MARK[r.status]} ${r.item}${r.note ? ` (${r.note})` : ""}`);
    for (const f of r.findings) out.push(`  - ${f.code} line ${f.line}: ${f.message}`);
    if (results[results.indexOf(r) + 1]?.section !== section) out.push("");
  }
  const count = (s: ItemStatus) => results.filter((r) => r.status === s).length;
  out.push(`Summary: ${count("passed")} passed · ${count("failed")} failed · ${count("not-applicable")} not applicable · ${count("review")} to review by hand`);
  return out.join("\n") + "\n";
}
