/**
 * The shape of a scenario's windows as the window operator needs it: fixed windows (tumbling,
 * sliding and the global window, all aligned assigners of windows of one size) or sessions
 * (merging windows, Flink's MergingWindowAssigner).
 */
import type { Scenario } from '../scenario/types.js';
import type { FixedWindows } from './fixed-windows.js';

export type Layout = { readonly kind: 'fixed'; readonly fixed: FixedWindows } | { readonly kind: 'session'; readonly gapMs: number };

export function layoutOf(s: Scenario): Layout {
  const w = s.window;
  switch (w.type) {
    case 'tumbling':
      return { kind: 'fixed', fixed: { sizeMs: w.sizeMs, everyMs: w.sizeMs, offsetMs: w.offsetMs } };
    case 'sliding':
      return { kind: 'fixed', fixed: { sizeMs: w.sizeMs, everyMs: w.everyMs, offsetMs: w.offsetMs } };
    case 'global':
      // The global window [-∞, +∞): one fixed window no timestamp leaves.
      return { kind: 'fixed', fixed: { sizeMs: Infinity, everyMs: Infinity, offsetMs: 0 } };
    case 'session':
      return { kind: 'session', gapMs: w.gapMs };
  }
}
