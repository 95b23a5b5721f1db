/** Why a record joined its window on time, late but allowed, or missed it. */
import { formatClock } from '../../model/time.js';
import { emitsEveryUpdate, expiryCondition, fireCondition, updateRule } from './conditions.js';
import { describeFiring, windowText, type Entry, type ExplainScenario } from './wording.js';

const t = formatClock;

/** Why an event was too late for a window: dropped or sent to the side output. */
export function explainLate(s: ExplainScenario, e: Entry<'event-late'>): string {
  const head = e.disposition === 'dropped' ? 'late, dropped' : 'late, to the side output';
  const cond = expiryCondition(s, e.window, e.watermark, true);
  return `${head}: ${cond.text} at arrival ${t(e.arrivedAt)} (${cond.rule})`;
}

/** Why an event joined its window: on time, or late but within the allowed lateness. */
export function explainWindowed(s: ExplainScenario, e: Entry<'event-windowed'>): string {
  const w = e.window;
  if (e.late) {
    const fired = fireCondition(s, w, e.watermark, true);
    const kept = expiryCondition(s, w, e.watermark, false);
    return `late but allowed: ${fired.text}, so the on-time pane has fired; but ${kept.text}: the window is kept and fires again (late firing ${describeFiring(s.trigger.late)}; ${kept.rule})`;
  }
  if (emitsEveryUpdate(s)) {
    const open = expiryCondition(s, w, e.watermark, false);
    return `on time: ${open.text}: the row of ${windowText(w)} is updated and emitted at once (${updateRule(s)})`;
  }
  const open = fireCondition(s, w, e.watermark, false);
  return `on time: ${open.text}: ${windowText(w)} has not fired yet (${open.rule})`;
}
