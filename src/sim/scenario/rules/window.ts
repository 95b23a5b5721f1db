/** Rules of a window's shape: slide, size and offset, as Flink's window assigners require them. */
import { invalid, quote, type Rule } from './rule.js';

export const windowShape: Rule = (s, r) => {
  const w = s.window;
  const size = quote(r, ['window', 'size'], 'sizeMs' in w ? w.sizeMs : 0);
  if (w.type === 'sliding' && w.everyMs > w.sizeMs) {
    return invalid(['window', 'every'], { expected: `a duration no longer than window.size (${size})`, why: 'A slide longer than the window leaves gaps that no window covers' });
  }
  // Flink rejects |offset| >= size for tumbling windows and |offset| >= slide for sliding ones.
  if (w.type === 'tumbling' && w.offsetMs >= w.sizeMs) {
    return invalid(['window', 'offset'], { expected: `a duration shorter than window.size (${size})`, why: 'Flink\'s TumblingEventTimeWindows requires offset < size' });
  }
  if (w.type === 'sliding' && w.offsetMs >= w.everyMs) {
    const every = quote(r, ['window', 'every'], w.everyMs);
    return invalid(['window', 'offset'], { expected: `a duration shorter than window.every (${every})`, why: 'Flink\'s SlidingEventTimeWindows requires offset < slide' });
  }
  return undefined;
};
