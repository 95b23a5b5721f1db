/** Rules of a scripted input (Beam's TestStream): its steps in order, and its watermark steps. */
import type { TimelineStep, Scenario } from '../types.js';
import { foundWith, invalid, quote, type Rule } from './rule.js';

const timelineSteps = (s: Scenario): readonly TimelineStep[] => (s.input.kind === 'timeline' ? s.input.steps : []);

/** A TestStream's steps happen in processing-time order, and a watermark never goes backwards. */
export const timelineInOrder: Rule = (s, r) => {
  const steps = timelineSteps(s);
  let last: { index: number; watermark: number } | undefined;
  for (const [i, step] of steps.entries()) {
    const previous = steps[i - 1];
    if (previous !== undefined && step.at < previous.at) {
      const before = quote(r, ['input', 'timeline', i - 1, 'at'], previous.at);
      return invalid(['input', 'timeline', i, 'at'], { expected: `a time not before the previous step's (${before})`, why: 'Timeline steps run in the order written' });
    }
    if (step.kind !== 'watermark') continue;
    if (last !== undefined && step.watermark < last.watermark) {
      const before = quote(r, ['input', 'timeline', last.index, 'watermark'], last.watermark);
      return invalid(['input', 'timeline', i, 'watermark'], { expected: `a watermark not before the previous one (${before})`, why: 'A watermark never goes backwards' });
    }
    last = { index: i, watermark: step.watermark };
  }
  return undefined;
};

export const scriptedNeedsTimeline: Rule = (s, r) => {
  if (s.watermark.type !== 'scripted' || s.input.kind === 'timeline') return undefined;
  const written = s.input.kind === 'events' ? 'file' : s.input.kind;
  return invalid(['watermark', 'type'], {
    expected: 'a strategy other than scripted',
    found: foundWith(r, ['watermark', 'type'], `input.${written}`),
    why: 'A scripted watermark moves only at the watermark steps of an input.timeline',
  });
};

export const watermarkStepsNeedScripted: Rule = (s) => {
  if (s.watermark.type === 'scripted') return undefined;
  const i = timelineSteps(s).findIndex((step) => step.kind === 'watermark');
  if (i < 0) return undefined;
  return invalid(['watermark', 'type'], {
    expected: `scripted, since input.timeline[${i}] sets the watermark`,
    why: `A ${s.watermark.type} watermark computes its own and cannot follow the timeline's steps (leave watermark out, or drop the watermark steps)`,
  });
};
