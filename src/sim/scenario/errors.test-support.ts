/** The scores example, line by line, for tests that break one known line. */
/** The scores example with line numbers, so each malformed copy changes one known line. */
export const SCORES_LINES = [
  /* 1 */ 'name: scores',
  /* 2 */ 'semantics: beam',
  /* 3 */ 'input:',
  /* 4 */ '  timeline:',
  /* 5 */ '    - { at: "12:04:59", events: [{ key: TeamX, value: 5, eventTime: "12:00:26" }] }',
  /* 6 */ '    - { at: "12:05:39", events: [{ key: TeamX, value: 7, eventTime: "12:02:24" }] }',
  /* 7 */ '    - { at: "12:06:00", watermark: "12:02:00" }',
  /* 8 */ '    - { at: "12:10:00", watermark: end }',
  /* 9 */ 'window: { type: tumbling, size: 2m }',
  /* 10 */ 'aggregate: sum',
  /* 11 */ 'watermark: { type: scripted }',
  /* 12 */ 'trigger:',
  /* 13 */ '  early: { afterFirstElement: 1m }',
  /* 14 */ '  late: { count: 1 }',
  /* 15 */ 'allowedLateness: 0',
];

/** The scores file with line `n` (1-based) replaced; `undefined` deletes it. */
export function scoresWith(replacements: Record<number, string | undefined>): string {
  return SCORES_LINES.flatMap((line, i) => {
    const n = i + 1;
    if (!(n in replacements)) return [line];
    const r = replacements[n];
    return r === undefined ? [] : [r];
  }).join('\n');
}
