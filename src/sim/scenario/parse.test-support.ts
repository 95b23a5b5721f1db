/** Scenario text helpers shared by the parse tests. */
import { parseScenario, type ParseScenarioOptions } from './parse.js';
import type { Scenario } from './types.js';
export const noFiles: ParseScenarioOptions = {
  readFile: (path) => {
    throw new Error(`no such file: ${path}`);
  },
  parseEventFile: () => [],
};

export const parse = (text: string, options: ParseScenarioOptions = noFiles): Scenario => parseScenario(text, 'test.yaml', options);

/** A minimal scenario with `extra` lines appended; the window and input are replaced when `extra` gives them. */
export function withFields(extra: string, base = { input: 'input: { generator: { events: 10 } }', window: 'window: { type: tumbling, size: 10s }' }): Scenario {
  const lines = [/^input:/m.test(extra) ? '' : base.input, /^window:/m.test(extra) ? '' : base.window, extra];
  return parse(lines.filter((l) => l !== '').join('\n'));
}

export const SCORES = `name: scores
description: Fixed two-minute windows over team scores with a scripted watermark
semantics: beam
input:
  timeline:
    - { at: "12:04:59", events: [{ key: TeamX, value: 5, eventTime: "12:00:26" }] }
    - { at: "12:05:39", events: [{ key: TeamX, value: 7, eventTime: "12:02:24" }] }
    - { at: "12:06:00", watermark: "12:02:00" }
    - { at: "12:10:00", watermark: end }
window: { type: tumbling, size: 2m }
aggregate: sum
watermark: { type: scripted }
trigger:
  early: { afterFirstElement: 1m }
  late: { count: 1 }
allowedLateness: 0
accumulation: accumulating
lateData: drop
`;

