/**
 * The arbitraries themselves obey the contract the other properties rely on: every scenario they
 * draw passes the scenario's cross-field rules (src/sim/scenario/rules.ts) and stays in the ranges
 * arbitraries.ts documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PathSegment } from '../src/sim/scenario/errors.js';
import type { Reporter } from '../src/sim/scenario/reporter.js';
import { brokenRule } from '../src/sim/scenario/rules.js';
import type { Scenario } from '../src/sim/scenario/types.js';
import { DEFAULT_LATE_FIRING, DELAY_LIMIT_MS, EVENT_TIME_LIMIT_MS, EVENTS_MAX, generatorScenarioArb, KEYS_MAX, rowsOf, scenarioArb, VALUE_LIMIT } from './arbitraries.js';
import { checkProperty } from './replay.js';

/**
 * A reporter for a scenario that was never YAML: a field counts as written when it differs from
 * its default, which is what the rules ask (`trigger` written at all, `trigger.early` written).
 */
function reporterFor(s: Scenario): Reporter {
  const lateWritten = JSON.stringify(s.trigger.late) !== JSON.stringify(DEFAULT_LATE_FIRING);
  const written = (path: readonly PathSegment[]): unknown => {
    const [head, field] = path;
    if (head !== 'trigger') return undefined;
    if (field === undefined) return s.trigger.early !== undefined || lateWritten ? s.trigger : undefined;
    if (field === 'early') return s.trigger.early;
    if (field === 'late') return lateWritten ? s.trigger.late : undefined;
    return undefined;
  };
  return {
    valueAt: written,
    lineOf: () => undefined,
    error: () => {
      throw new Error('reporterFor: not used');
    },
  };
}

function assertRulesHold(s: Scenario): void {
  assert.equal(brokenRule(s, reporterFor(s)), undefined);
}

test('arbitraries: every events scenario passes the cross-field rules and stays in range', (t) => {
  checkProperty(
    fc.property(scenarioArb({ pipeline: true }), (s) => {
      assertRulesHold(s);
      assert.equal(s.input.kind, 'events');
      if (s.input.kind !== 'events') return;
      const rows = rowsOf(s);
      assert.ok(rows.length <= EVENTS_MAX);
      const keys = new Set(rows.map((r) => r.key));
      assert.ok(keys.size <= KEYS_MAX);
      for (const r of rows) {
        assert.match(r.key, /^k[0-3]$/);
        assert.ok(Number.isInteger(r.value) && r.value >= 0 && r.value < VALUE_LIMIT);
        assert.ok(Number.isInteger(r.eventTime) && r.eventTime >= 0 && r.eventTime < EVENT_TIME_LIMIT_MS);
        const delay = r.arrivalTime - r.eventTime;
        assert.ok(Number.isInteger(delay) && delay >= 0 && delay < DELAY_LIMIT_MS);
        assert.ok(r.partition >= 0 && r.partition < s.input.partitions);
      }
      const w = s.window;
      if (w.type === 'sliding') assert.equal(w.sizeMs % w.everyMs, 0, 'the slide divides the size');
      if (w.type === 'tumbling' || w.type === 'sliding') assert.ok(w.sizeMs >= 1000 && w.sizeMs <= 30_000);
      if (w.type === 'session') assert.ok(w.gapMs >= 1000 && w.gapMs <= 30_000);
      assert.ok(s.allowedLatenessMs >= 0 && s.allowedLatenessMs <= 20_000);
      if (s.semantics === 'spark') assert.equal(s.allowedLatenessMs, 0);
      if (s.semantics === 'kafka-streams') assert.equal(s.accumulation, 'accumulating');
    }),
    { file: import.meta.url, test: t, runsFactor: 5 },
  );
});

test('arbitraries: every generator scenario passes the cross-field rules', (t) => {
  checkProperty(
    fc.property(generatorScenarioArb(), (s) => {
      assertRulesHold(s);
      assert.equal(s.input.kind, 'generator');
    }),
    { file: import.meta.url, test: t },
  );
});
