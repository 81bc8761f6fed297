// The rule registry: every rule, in code order. Adding a rule = one file + one line here.
import type { Rule } from "../engine/types.js";
import { blockingTransferInLoop } from "./blocking-transfer-in-loop.js";
import { cellOrder } from "./cell-order.js";
import { crossCellMutation } from "./cross-cell-mutation.js";
import { dataloaderWithoutPinMemory } from "./dataloader-without-pin-memory.js";
import { delWithoutEmptyCache } from "./del-without-empty-cache.js";
import { deprecatedCudaAmp } from "./deprecated-cuda-amp.js";
import { expensiveCellWithoutStop } from "./expensive-cell-without-stop.js";
import { fixedBatchSize } from "./fixed-batch-size.js";
import { functionMissingDocstring } from "./function-missing-docstring.js";
import { gpuImportWithoutFallback } from "./gpu-import-without-fallback.js";
import { gpuTimingWithoutSync } from "./gpu-timing-without-sync.js";
import { gpuWithoutDetection } from "./gpu-without-detection.js";
import { gpuWorkWithoutOomGuard } from "./gpu-work-without-oom-guard.js";
import { hostSyncInLoop } from "./host-sync-in-loop.js";
import { incompleteModuleDocstring } from "./incomplete-module-docstring.js";
import { invalidCalloutKind } from "./invalid-callout-kind.js";
import { longLoopWithoutProgress } from "./long-loop-without-progress.js";
import { missingDependencyMetadata } from "./missing-dependency-metadata.js";
import { missingModuleDocstring } from "./missing-module-docstring.js";
import { missingTypeHints } from "./missing-type-hints.js";
import { noBenchmark } from "./no-benchmark.js";
import { noMemoryMonitor } from "./no-memory-monitor.js";
import { noMixedPrecision } from "./no-mixed-precision.js";
import { noSelfTest } from "./no-self-test.js";
import { nonDescriptiveName } from "./non-descriptive-name.js";
import { nondeterministicCudnn } from "./nondeterministic-cudnn.js";
import { onChangeCallback } from "./on-change-callback.js";
import { printFeedback } from "./print-feedback.js";
import { runButtonUnused } from "./run-button-unused.js";
import { staticPlot } from "./static-plot.js";
import { swallowedStop } from "./swallowed-stop.js";
import { tooManyGlobals } from "./too-many-globals.js";
import { uiElementNotGlobal } from "./ui-element-not-global.js";
import { uncachedModelLoad } from "./uncached-model-load.js";
import { unexplainedCode } from "./unexplained-code.js";
import { ungroupedControls } from "./ungrouped-controls.js";
import { unseededRandomness } from "./unseeded-randomness.js";
import { unusedGlobal } from "./unused-global.js";
import { unvalidatedNumericInput } from "./unvalidated-numeric-input.js";
import { vagueErrorMessage } from "./vague-error-message.js";
import { warningWithoutCallout } from "./warning-without-callout.js";

export const ALL_RULES: readonly Rule[] = [
  blockingTransferInLoop,
  cellOrder,
  crossCellMutation,
  dataloaderWithoutPinMemory,
  delWithoutEmptyCache,
  deprecatedCudaAmp,
  expensiveCellWithoutStop,
  fixedBatchSize,
  functionMissingDocstring,
  gpuImportWithoutFallback,
  gpuTimingWithoutSync,
  gpuWithoutDetection,
  gpuWorkWithoutOomGuard,
  hostSyncInLoop,
  incompleteModuleDocstring,
  invalidCalloutKind,
  longLoopWithoutProgress,
  missingDependencyMetadata,
  missingModuleDocstring,
  missingTypeHints,
  noBenchmark,
  noMemoryMonitor,
  noMixedPrecision,
  noSelfTest,
  nonDescriptiveName,
  nondeterministicCudnn,
  onChangeCallback,
  printFeedback,
  runButtonUnused,
  staticPlot,
  swallowedStop,
  tooManyGlobals,
  uiElementNotGlobal,
  uncachedModelLoad,
  unexplainedCode,
  ungroupedControls,
  unseededRandomness,
  unusedGlobal,
  unvalidatedNumericInput,
  vagueErrorMessage,
  warningWithoutCallout,
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

export function ruleByCode(code: string): Rule | undefined {
  return ALL_RULES.find((r) => r.code === code.toUpperCase() || r.name === code);
}
