// Whether a loop over "epochs" trains. NVR003 (gates) and NVR004 (progress) both take a loop
// whose header names epochs for a training loop; in real notebooks some only summarise stored
// histories (`for e in range(run["epochs"]): means.append(np.mean(history[e]))`) or parse
// settings (`for name, target in (("EPOCHS", "epochs"), ...)`), and are cheap.
import { startOf, type PyNode } from "../../notebook/python.js";

/**
 * What a training or evaluation loop's body does: a backward pass, an optimizer or scheduler
 * step, a model or a loss, a loop over batches, or a call whose name says it trains, fits,
 * evaluates or runs an epoch.
 */
const TRAINING_WORK =
  /\.backward\s*\(|\.step\s*\(|zero_grad|optimi[sz]er|\bloss|\bmodel|\bnet\b|loader|batch|\b\w*(?:train|fit|evaluat|valid|epoch|predict|infer|forward|update|run|step|learn|optimi[sz]e)\w*\s*\(/i;

/** Whether a loop's body (and `else`) does training or evaluation work; `text` is the loop's text. */
export function loopBodyTrains(loop: PyNode, text: string = loop.text()): boolean {
  const body = loop.field("body");
  return TRAINING_WORK.test(body ? text.slice(startOf(body) - startOf(loop)) : text);
}
