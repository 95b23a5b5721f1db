/**
 * A window's trigger as the operator asks it: after an element joined the window (Flink
 * Trigger.onElement, with Beam's early and late firings), and when a processing-time timer it set
 * comes due (Trigger.onProcessingTime). The decisions themselves are triggers/firing.ts.
 */
import type { PaneTiming } from '../model/pane.js';
import type { TriggerSpec } from '../scenario/types.js';
import { onElement } from '../triggers/firing.js';
import type { FiringPhase, WindowOperatorHost } from './window-operator-host.js';
import type { WindowState } from './window-state.js';

/**
 * The pane an element fires at once, if any; a trigger that waits for processing time instead
 * gets its timer registered with the host. `emitsEveryUpdate` is Kafka Streams without suppress
 * and Spark's update mode, which emit the updated row on every element.
 */
export function paneOnElement(
  ws: WindowState,
  trigger: TriggerSpec,
  emitsEveryUpdate: boolean,
  clock: number,
  now: number,
  host: WindowOperatorHost,
): PaneTiming | undefined {
  if (emitsEveryUpdate) return clock >= ws.end ? 'LATE' : 'EARLY';
  const phase: FiringPhase = ws.onTimePassed ? 'late' : 'early';
  const spec = phase === 'late' ? trigger.late : trigger.early;
  if (spec === undefined) return undefined;
  const decision = onElement(spec, ws.pane.count, now);
  if (decision.kind === 'fire') return phase === 'late' ? 'LATE' : 'EARLY';
  if (decision.kind === 'timer') {
    ws.processingTimerAt = decision.at;
    ws.processingTimerPhase = phase;
    host.registerProcessingTimer(decision.at, ws, phase, ws.firings);
  }
  return undefined;
}

/** The pane a processing-time timer fires, or undefined for a stale one. */
export function paneOnProcessingTimer(ws: WindowState, phase: FiringPhase, firings: number): PaneTiming | undefined {
  // A timer set for a pane that has since fired, or for a window that is gone, is stale.
  if (ws.cleared || ws.firings !== firings || ws.pane.count === 0) return undefined;
  if ((phase === 'late') !== ws.onTimePassed) return undefined;
  return phase === 'early' ? 'EARLY' : 'LATE';
}
