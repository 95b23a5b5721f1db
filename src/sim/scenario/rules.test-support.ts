/** Scenario text helpers shared by the cross-field rule tests. */
import assert from 'node:assert/strict';
import { parseScenario } from './parse.js';
import { NO_FILES } from './test-support.test.js';

/** Line 1: input, line 2: window, then `extra` from line 3. */
export function file(extra: string, input = 'input: { generator: { events: 10 } }', window = 'window: { type: tumbling, size: 10s }'): string {
  return [input, window, extra].join('\n');
}

export const TIMELINE_WITH_WATERMARK = 'input: { timeline: [{ at: 0, events: [{ key: a, value: 1, eventTime: 0 }] }, { at: 1s, watermark: 500 }] }';
export const TIMELINE_WITHOUT_WATERMARK = 'input: { timeline: [{ at: 0, events: [{ key: a, value: 1, eventTime: 0 }] }] }';

export const parses = (text: string) => assert.doesNotThrow(() => parseScenario(text, 'ok.yaml', NO_FILES));
