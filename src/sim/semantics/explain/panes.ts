/** Why a pane fired when it did (EARLY, ON_TIME, LATE or a retraction), and what a window not yet fired waits for. */
import { assertNever } from '../../kernel/assert.js';
import { formatClock } from '../../model/time.js';
import type { Window } from '../../model/window.js';
import { emitsEveryUpdate, expiryCondition, fireCondition, updateRule } from './conditions.js';
import { clockName, describeFiring, valueText, windowText, type Entry, type ExplainScenario } from './wording.js';

const t = formatClock;

/** Why a pane fired when it did, and with which value. */
export function explainPane(s: ExplainScenario, e: Entry<'pane-fired'>): string {
  const p = e.pane;
  const at = t(e.at);
  if (p.retraction === true) {
    return `retraction at ${at}: withdraws the earlier value ${p.value} of ${windowText(p.window)} before the new pane (accumulating & retracting)`;
  }
  if (emitsEveryUpdate(s)) {
    const late = p.timing === 'LATE' ? ` after the window end (${clockName(s)} ${t(e.watermark)} ≥ ${t(p.window.end)})` : '';
    return `${p.timing} update at ${at}${late}: an element changed the row, ${valueText(p)} (${updateRule(s)})`;
  }
  switch (p.timing) {
    case 'EARLY': {
      const before = fireCondition(s, p.window, e.watermark, false);
      return `EARLY at ${at}: the early trigger (${describeFiring(s.trigger.early)}) fired before the on-time point, ${before.text}; ${valueText(p)}`;
    }
    case 'ON_TIME': {
      const fired = fireCondition(s, p.window, e.watermark, true);
      return `ON_TIME: ${fired.text} at ${at} (${fired.rule}); ${valueText(p)}${p.isLast ? ', last pane' : ''}`;
    }
    case 'LATE': {
      if (p.isLast) {
        const gone = expiryCondition(s, p.window, e.watermark, true);
        return `LATE, final, at ${at}: the window expired, ${gone.text}; the late data not yet fired is emitted before the state is cleared (Beam FIRE_IF_NON_EMPTY); ${valueText(p)}`;
      }
      const kept = expiryCondition(s, p.window, e.watermark, false);
      return `LATE at ${at}: late data arrived after the on-time pane and the late trigger (${describeFiring(s.trigger.late)}) fired; the window is kept while ${kept.text}; ${valueText(p)}`;
    }
    default:
      return assertNever(p.timing, 'explainPane');
  }
}

/** What a window that has not fired is waiting for. */
export function explainPending(s: ExplainScenario, w: Window, clock: number): string {
  if (emitsEveryUpdate(s)) return `open: every element updates the row of ${windowText(w)} (${updateRule(s)})`;
  const cond = fireCondition(s, w, clock, false);
  return `waiting: ${cond.text}, so ${windowText(w)} has not fired on time yet (${cond.rule})`;
}
