/** One-line descriptions of a scenario's settings in the words of the field, for reports and the UI. */
import { formatDuration } from './durations.js';
import type { Report } from '../sim/report/report.js';
import type { FiringSpec, WatermarkSpec, WindowSpec } from '../sim/scenario/types.js';

export function describeWindow(w: WindowSpec): string {
  switch (w.type) {
    case 'tumbling':
      return `tumbling ${formatDuration(w.sizeMs)}${w.offsetMs ? ` offset ${formatDuration(w.offsetMs)}` : ''}`;
    case 'sliding':
      return `sliding ${formatDuration(w.sizeMs)} every ${formatDuration(w.everyMs)}${w.offsetMs ? ` offset ${formatDuration(w.offsetMs)}` : ''}`;
    case 'session':
      return `session gap ${formatDuration(w.gapMs)}`;
    case 'global':
      return 'global';
  }
}

export function describeWatermark(w: WatermarkSpec): string {
  const idle = w.type !== 'scripted' && w.idleTimeoutMs !== undefined ? `, idle after ${formatDuration(w.idleTimeoutMs)}` : '';
  switch (w.type) {
    case 'bounded-out-of-orderness':
      return `bounded out-of-orderness ${formatDuration(w.maxDelayMs)} every ${formatDuration(w.intervalMs)}${idle}`;
    case 'monotonous':
      return `monotonous every ${formatDuration(w.intervalMs)}${idle}`;
    case 'perfect':
      return `perfect every ${formatDuration(w.intervalMs)}${idle}`;
    case 'punctuated':
      return `punctuated (bound ${formatDuration(w.maxDelayMs)})${idle}`;
    case 'percentile':
      return `heuristic p${w.percentile} of the last ${w.sample} delays every ${formatDuration(w.intervalMs)}${idle}`;
    case 'scripted':
      return 'scripted';
  }
}

export function describeFiring(f: FiringSpec): string {
  switch (f.type) {
    case 'count':
      return `every ${f.count} element${f.count === 1 ? '' : 's'}`;
    case 'after-first-element':
      return `${formatDuration(f.delayMs)} after the first element`;
    case 'aligned':
      return `aligned every ${formatDuration(f.everyMs)}`;
  }
}

export function describeSettings(r: Report): string[] {
  const s = r.settings;
  const trigger = [
    s.trigger.early ? `early ${describeFiring(s.trigger.early)}` : undefined,
    'on time',
    `late ${describeFiring(s.trigger.late)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `window ${describeWindow(s.window)} · ${s.aggregate} · watermark ${describeWatermark(s.watermark)}`,
    `trigger ${trigger} · allowed lateness ${formatDuration(s.allowedLatenessMs)} · ${s.accumulation} · late data ${s.lateData}` +
      (s.outputMode ? ` · output mode ${s.outputMode}` : '') +
      (s.suppress !== undefined ? ` · suppress ${s.suppress ? 'untilWindowCloses' : 'off'}` : ''),
  ];
}
