import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import type { Report } from '../sim/report/report.js';
import { checkpointLines, failureLines, formatBytes, ledgerLines, OFFENDING_SHOWN } from './render-faults.js';

const plain = new Chalk({ level: 0 });
const none = {} as Report;

describe('formatBytes', () => {
  it('writes bytes, kilobytes and megabytes', () => {
    assert.equal(formatBytes(640), '640 B');
    assert.equal(formatBytes(1_280), '1.3 kB');
    assert.equal(formatBytes(2_500_000), '2.5 MB');
  });
});

describe('the fault-tolerance sections', () => {
  it('are absent from a report without faults or checkpoints', () => {
    assert.deepEqual([...failureLines(none, plain), ...checkpointLines(none, plain), ...ledgerLines(none, plain)], []);
  });

  it('list at most OFFENDING_SHOWN offending results per reader and count the rest', () => {
    const offending = Array.from({ length: OFFENDING_SHOWN + 3 }, (_, i) => ({
      key: `k${i}`,
      window: { start: 0, end: 1_000 },
      index: 0,
      verdict: 'duplicated' as const,
      seen: 2,
      expected: 1,
      value: 1,
      expectedValue: 1,
      visibleAt: 1_000,
      visibilityDelayMs: 0,
    }));
    const report = {
      ledger: [{ reader: 'plain', results: 30, exact: 7, duplicated: 23, missing: 0, wrong: 0, extra: 0, offending, visibilityLatency: null, visibilityDelay: null }],
    } as unknown as Report;
    const lines = ledgerLines(report, plain);
    assert.equal(lines.filter((l) => l.startsWith('    plain ')).length, OFFENDING_SHOWN);
    assert.ok(lines.some((l) => l.includes('… and 3 more for plain (see --json)')));
    assert.match(lines[1] ?? '', /^Ledger against the failure-free run \(30 results\)$/);
  });
});
