// nvmarimo-fix public API: re-exports only.
export {
  lintSource,
  fixSource,
  fixSourceAsync,
  lintFile,
  fixFile,
  readNotebookFile,
  writeNotebookFile,
  NotebookSourceError,
  type LintOptions,
  type FixSourceOptions,
  type LintSourceResult,
  type FixSourceResult,
  type FixFileResult,
  type SourceErrorKind,
} from "./api.js";
export { ALL_RULES, ruleByCode } from "./transforms/index.js";
export { defineRule } from "./engine/types.js";
export { integerOption, stringListOption, type IntegerOption, type StringListOption } from "./engine/options.js";
export type { Rule, RuleMeta, RuleOption, RuleContext, Diagnostic, Fix, Edit, TextEdit, CellInsertion, FixSafety, Severity, ReportInput } from "./engine/types.js";
export type { AppliedFix } from "./engine/fixer.js";
export type { InternalError } from "./engine/lint.js";
export { selectRules, type Selection } from "./engine/select.js";
export { parseNotebook, type Notebook, type Cell, type CellKind, type NotebookParseResult } from "./notebook/model.js";
export { computeDataflow, type Dataflow } from "./notebook/dataflow.js";
export type { CellVariables } from "./notebook/scope.js";
