import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../kernel/prng.js';
import { KeyTable, type LogEntry } from '../model/record.js';
import type { GeneratorSpec } from '../scenario/types.js';
import { compileDisorder } from './disorder.js';
import { GeneratedLog, type GeneratedLogCursor } from './generated-log.js';
import { compileKeyDistribution } from './key-distributions.js';
import { RateProfile } from './rate-profile.js';

const BASE: GeneratorSpec = {
  events: 2000,
  ratePerSec: 1000,
  startMs: 0,
  partitions: 1,
  keys: 20,
  keyDistribution: { type: 'uniform' },
  valueMin: 0,
  valueMax: 100,
  disorder: { type: 'uniform', maxDelayMs: 300 },
};

function spec(overrides: Partial<GeneratorSpec>): GeneratorSpec {
  return { ...BASE, ...overrides };
}

/** Plain copies, so entries from different implementations compare field by field. */
function plain(entry: LogEntry): LogEntry {
  const { partition, offset, key, value, eventTime, appendTime, marker } = entry;
  return { partition, offset, key, value, eventTime, appendTime, marker: marker === true };
}

function readAll(cursor: GeneratedLogCursor | ReturnType<GeneratedLog['open']>): LogEntry[] {
  const entries: LogEntry[] = [];
  while (cursor.peekAppendTime() !== Infinity) entries.push(plain(cursor.next()));
  return entries;
}

/**
 * The brute-force answer: generate a partition's events in index order with the same streams
 * and draws, then sort them stably by append time. What the streaming cursor must reproduce.
 */
function reference(s: GeneratorSpec, prng: Prng, partition: number): LogEntry[] {
  const profile = new RateProfile({ startMs: s.startMs, ratePerSec: s.ratePerSec, bursts: s.bursts });
  const chooser = compileKeyDistribution(s.keyDistribution, s.keys);
  const delays = compileDisorder(s.disorder);
  const streams = prng.fork(`partition-${partition}`);
  const [keys, values, delay] = [streams.fork('keys'), streams.fork('values'), streams.fork('delay')];
  const lagMs = s.laggingPartition?.partition === partition ? s.laggingPartition.lagMs : 0;
  const idle = s.idlePartition?.partition === partition ? s.idlePartition : undefined;
  const generated: Omit<LogEntry, 'offset'>[] = [];
  for (let i = partition; i < s.events; i += s.partitions) {
    const eventTime = profile.eventTimeOf(i);
    if (idle !== undefined && eventTime >= idle.fromMs && eventTime < idle.untilMs) continue;
    const key = chooser.choose(keys, eventTime);
    const value = values.int(s.valueMin, s.valueMax);
    const appendTime = eventTime + delays.draw(delay) + lagMs;
    const marker = s.markerEvery !== undefined && (generated.length + 1) % s.markerEvery === 0;
    generated.push({ partition, key, value, eventTime, appendTime, marker } as Omit<LogEntry, 'offset'>);
  }
  const sorted = generated.map((e, order) => ({ e, order })).sort((a, b) => a.e.appendTime - b.e.appendTime || a.order - b.order);
  return sorted.map(({ e }, offset) => ({ ...e, offset }) as LogEntry);
}

function open(s: GeneratorSpec, seed = 7, partition = 0, fromOffset = 0): GeneratedLogCursor {
  return new GeneratedLog(s, new Prng(seed), new KeyTable()).open(partition, fromOffset);
}

describe('GeneratedLog', () => {
  it('streams each partition in append order with offsets 0..n-1, exactly as the brute-force sort', () => {
    const s = spec({ events: 3000, partitions: 3, disorder: { type: 'uniform', maxDelayMs: 700 } });
    for (let p = 0; p < 3; p++) {
      const entries = readAll(open(s, 11, p));
      assert.deepEqual(entries, reference(s, new Prng(11), p), `partition ${p}`);
      assert.equal(entries.length, 1000, 'round-robin: N/P events each');
      entries.forEach((e, i) => {
        assert.equal(e.offset, i);
        if (i > 0) assert.ok(e.appendTime >= (entries[i - 1] as LogEntry).appendTime);
      });
    }
  });

  it('breaks ties on append time by index: with no delay and 4 events per ms, event-time order', () => {
    const s = spec({ events: 4000, ratePerSec: 4000, disorder: { type: 'none' } });
    const entries = readAll(open(s));
    assert.deepEqual(entries, reference(s, new Prng(7), 0));
    assert.equal(entries.filter((e) => e.appendTime === 10).length, 4, 'the test has ties');
    // With equal append times, only index order keeps the draws in this order: compare key sequences.
    const direct = reference(s, new Prng(7), 0).map((e) => e.key);
    assert.deepEqual(entries.map((e) => e.key), direct);
  });

  it('is deterministic: same seed, same entries; two cursors on one partition agree; another seed differs', () => {
    const s = spec({ events: 1500, partitions: 2, keyDistribution: { type: 'zipf', exponent: 1.1 } });
    const a = readAll(open(s, 42, 1));
    const b = readAll(open(s, 42, 1));
    assert.deepEqual(a, b);
    const log = new GeneratedLog(s, new Prng(42), new KeyTable());
    const [c1, c2] = [log.open(1, 0), log.open(1, 0)];
    // Interleave the two cursors: they share the compiled plan but nothing else.
    const left: LogEntry[] = [];
    const right: LogEntry[] = [];
    while (c1.peekAppendTime() !== Infinity) {
      left.push(plain(c1.next()));
      if (c2.peekAppendTime() !== Infinity) right.push(plain(c2.next()));
    }
    right.push(...readAll(c2));
    assert.deepEqual(left, a);
    assert.deepEqual(right, a);
    assert.notDeepEqual(readAll(open(s, 43, 1)), a);
  });

  it('keeps its buffer bounded by the events within the largest delay (200k events, 6 s uniform delay)', () => {
    const s = spec({ events: 200_000, keys: 1000, disorder: { type: 'uniform', maxDelayMs: 6000 } });
    const cursor = open(s);
    let maxBuffered = 0;
    let maxWindow = 0;
    let count = 0;
    while (cursor.peekAppendTime() !== Infinity) {
      maxBuffered = Math.max(maxBuffered, cursor.bufferedCount);
      maxWindow = Math.max(maxWindow, cursor.windowCount);
      cursor.next();
      count++;
    }
    assert.equal(count, 200_000);
    // Unread events lie within one maximum delay (6000 events at 1 per ms); an event d ms behind the
    // read position is still unread with probability (6000 - d)/6000, so about half of them are.
    assert.ok(maxBuffered <= 6100, `buffered up to ${maxBuffered}`);
    assert.ok(maxWindow <= 6100, `window up to ${maxWindow}`);
    assert.ok(maxBuffered > 2500 && maxWindow > 5000, `the bound is tight, not vacuous (${maxBuffered}, ${maxWindow})`);
    assert.equal(cursor.bufferedCount, 0);
  });

  it('buffers by the delay, not by the lag: a lag shifts a whole partition and reorders nothing', () => {
    const s = spec({ events: 20_000, disorder: { type: 'uniform', maxDelayMs: 10 }, laggingPartition: { partition: 0, lagMs: 5000 } });
    const cursor = open(s);
    let maxBuffered = 0;
    while (cursor.peekAppendTime() !== Infinity) {
      maxBuffered = Math.max(maxBuffered, cursor.bufferedCount);
      cursor.next();
    }
    assert.ok(maxBuffered <= 20, `buffered up to ${maxBuffered}`);
  });

  it('answers minPendingEventTime exactly as a brute-force minimum over the unread entries', () => {
    const s = spec({
      events: 1200,
      partitions: 3,
      ratePerSec: 700,
      disorder: { type: 'heavy-tailed', baseDelayMs: 20, stragglerNumerator: 1, stragglerDenominator: 8, alpha: 1.2, maxDelayMs: 900 },
      laggingPartition: { partition: 1, lagMs: 250 },
      idlePartition: { partition: 2, fromMs: 300, untilMs: 800 },
    });
    for (let p = 0; p < 3; p++) {
      const all = readAll(open(s, 5, p));
      const cursor = open(s, 5, p);
      for (let i = 0; i <= all.length; i++) {
        const expected = Math.min(...all.slice(i).map((e) => e.eventTime));
        assert.equal(cursor.minPendingEventTime(), expected, `partition ${p} before offset ${i}`);
        if (i % 3 === 0) cursor.peekAppendTime();
        assert.equal(cursor.minPendingEventTime(), expected, `partition ${p} at offset ${i}, after generating ahead`);
        if (i < all.length) cursor.next();
      }
      assert.equal(cursor.minPendingEventTime(), Infinity);
    }
  });

  it('gives the idle partition no events in [fromMs, untilMs), and nothing after fromMs if untilMs is Infinity', () => {
    const s = spec({ events: 4000, partitions: 2, idlePartition: { partition: 1, fromMs: 1000, untilMs: 2500 } });
    const idle = readAll(open(s, 3, 1));
    const busy = readAll(open(s, 3, 0));
    assert.deepEqual(idle, reference(s, new Prng(3), 1));
    assert.ok(idle.every((e) => e.eventTime < 1000 || e.eventTime >= 2500));
    assert.ok(idle.some((e) => e.eventTime >= 2500), 'it resumes after untilMs');
    assert.ok(busy.some((e) => e.eventTime >= 1000 && e.eventTime < 2500), 'the other partition keeps going');
    const forever = readAll(open(spec({ ...s, idlePartition: { partition: 1, fromMs: 1000, untilMs: Infinity } }), 3, 1));
    assert.ok(forever.length > 0 && forever.every((e) => e.eventTime < 1000));
  });

  it('delays every event of the lagging partition by lagMs', () => {
    const s = spec({ events: 1000, partitions: 2, disorder: { type: 'none' }, laggingPartition: { partition: 0, lagMs: 5000 } });
    assert.ok(readAll(open(s, 1, 0)).every((e) => e.appendTime - e.eventTime === 5000));
    assert.ok(readAll(open(s, 1, 1)).every((e) => Number(e.appendTime) === Number(e.eventTime)));
  });

  it('marks every n-th event of a partition, by its local generation count', () => {
    const s = spec({ events: 1000, partitions: 2, markerEvery: 10, disorder: { type: 'uniform', maxDelayMs: 50 } });
    const entries = readAll(open(s, 1, 1));
    assert.deepEqual(entries, reference(s, new Prng(1), 1));
    // Partition 1 holds indices 1, 3, 5 …; its local counts 9, 19, 29 … are indices 19, 39, 59 …, at event times 19, 39, 59 ….
    const markers = entries.filter((e) => e.marker).map((e) => e.eventTime).sort((x, y) => x - y);
    assert.deepEqual(markers, Array.from({ length: 50 }, (_, j) => 19 + 20 * j));
  });

  it('follows bursts: denser event times during the on phase', () => {
    const s = spec({ events: 3000, ratePerSec: 100, bursts: { onMs: 1000, offMs: 1000, burstRatePerSec: 1000 }, disorder: { type: 'none' } });
    const times = readAll(open(s)).map((e) => e.eventTime);
    const inWindow = (from: number, until: number) => times.filter((t) => t >= from && t < until).length;
    assert.equal(inWindow(0, 1000), 1000);
    assert.equal(inWindow(1000, 2000), 100);
    assert.equal(inWindow(2000, 3000), 1000);
  });

  it('draws rotating keys from the active set of each event-time period', () => {
    const s = spec({ events: 5000, keys: 10, keyDistribution: { type: 'rotating', activeKeys: 2, periodMs: 500 } });
    for (const e of readAll(open(s))) {
      const base = (Math.floor(e.eventTime / 500) * 2) % 10;
      assert.ok(e.key === base || e.key === (base + 1) % 10, `key ${e.key} at ${e.eventTime}`);
    }
  });

  it('interns k0 … k{K-1} up front, so key id equals key index', () => {
    const keys = new KeyTable();
    const log = new GeneratedLog(spec({ keys: 1000 }), new Prng(1), keys);
    assert.equal(keys.size, 1000);
    assert.equal(keys.name(0), 'k0');
    assert.equal(keys.name(999), 'k999');
    const entry = log.open(0, 0).next();
    assert.equal(keys.name(entry.key), `k${entry.key}`);
  });

  it('maps key indices through a table that already holds names', () => {
    const keys = new KeyTable();
    keys.intern('other');
    keys.intern('k3');
    const log = new GeneratedLog(spec({ keys: 5, events: 200 }), new Prng(1), keys);
    const names = new Set(readAll(log.open(0, 0)).map((e) => keys.name(e.key)));
    assert.deepEqual([...names].sort(), ['k0', 'k1', 'k2', 'k3', 'k4']);
  });

  it('opens at an offset by regenerating and skipping: the suffix of a full read', () => {
    const s = spec({ events: 500 });
    const all = readAll(open(s));
    const cursor = open(s, 7, 0, 123);
    assert.equal(cursor.offset, 123);
    assert.deepEqual(readAll(cursor), all.slice(123));
    assert.deepEqual(readAll(open(s, 7, 0, 500)), []);
    assert.throws(() => open(s, 7, 0, 501), /^Error: GeneratedLog.open: fromOffset 501 is past the end of partition 0 \(500 entries\)$/);
  });

  it('reads an empty generator as an empty partition', () => {
    const cursor = open(spec({ events: 0 }));
    assert.equal(cursor.peekAppendTime(), Infinity);
    assert.equal(cursor.minPendingEventTime(), Infinity);
    assert.throws(() => cursor.next(), /GeneratedLog: partition 0 has no entry at offset 0/);
  });

  it('rejects bad specs and bad opens with messages naming what was misused', () => {
    const make = (s: GeneratorSpec) => new GeneratedLog(s, new Prng(1), new KeyTable());
    assert.throws(() => make(spec({ partitions: 0 })), /^Error: generator: partitions must be a positive integer, got 0$/);
    assert.throws(() => make(spec({ valueMin: 5, valueMax: 5 })), /^Error: generator: values are drawn from \[valueMin, valueMax\)/);
    assert.throws(() => make(spec({ idlePartition: { partition: 1, fromMs: 0, untilMs: 10 } })), /^Error: generator: idlePartition.partition must be an integer in \[0, 1\)/);
    assert.throws(() => make(spec({ laggingPartition: { partition: 0, lagMs: -1 } })), /^Error: generator: laggingPartition.lagMs/);
    assert.throws(() => make(spec({ markerEvery: 0 })), /^Error: generator: markerEvery/);
    assert.throws(() => make(spec({ ratePerSec: 0 })), /^Error: rateProfile: ratePerSec/);
    assert.throws(() => make(spec({ disorder: { type: 'uniform', maxDelayMs: -3 } })), /^Error: disorder: uniform maxDelayMs/);
    assert.throws(() => make(spec({})).open(1, 0), /^Error: GeneratedLog.open: partition must be an integer in \[0, 1\), got 1$/);
    assert.throws(() => make(spec({})).open(0, -1), /^Error: GeneratedLog.open: fromOffset must be a non-negative integer/);
  });
});

describe('GeneratedLog marks (reopening without regenerating from offset 0)', () => {
  const big = spec({ events: 300_000, partitions: 2, disorder: { type: 'uniform', maxDelayMs: 6000 }, markerEvery: 7 });
  const open = (log: GeneratedLog, p: number, from: number, n: number) => {
    const c = log.open(p, from);
    const out: LogEntry[] = [];
    while (out.length < n && c.peekAppendTime() !== Infinity) out.push(plain(c.next()));
    return out;
  };

  it('a cursor reopened at an offset a live cursor has passed reads what a fresh log reads there', () => {
    const keys = new KeyTable();
    const log = new GeneratedLog(big, new Prng(7), keys);
    for (let p = 0; p < 2; p++) {
      const live = log.open(p, 0);
      for (let i = 0; i < 140_000; i++) live.next();
    }
    const fresh = new GeneratedLog(big, new Prng(7), new KeyTable());
    for (const from of [0, 10, 65_535, 65_536, 100_000, 131_072, 139_999]) {
      for (let p = 0; p < 2; p++) {
        assert.deepEqual(open(log, p, from, 500), open(fresh, p, from, 500), `partition ${p} from ${from}`);
      }
    }
  });

  it('a log read again from the start keeps marks near the new reader, not only the far ones of the first', () => {
    const one = spec({ events: 300_000, partitions: 1, disorder: { type: 'uniform', maxDelayMs: 6000 } });
    const log = new GeneratedLog(one, new Prng(7), new KeyTable());
    const first = log.open(0, 0);
    while (first.peekAppendTime() !== Infinity) first.next();
    assert.deepEqual(log.markOffsets(0), [196_608, 262_144]);
    const again = log.open(0, 0);
    for (let i = 0; i < 70_000; i++) again.next();
    assert.deepEqual(log.markOffsets(0), [65_536, 262_144]);
    const fresh = new GeneratedLog(one, new Prng(7), new KeyTable());
    assert.deepEqual(open(log, 0, 66_000, 300), open(fresh, 0, 66_000, 300));
  });

  it('a copy is independent of its original', () => {
    const log = new GeneratedLog(big, new Prng(3), new KeyTable());
    const a = log.open(0, 70_000);
    const b = a.copy();
    const fromA = Array.from({ length: 300 }, () => plain(a.next()));
    const fromB = Array.from({ length: 300 }, () => plain(b.next()));
    assert.deepEqual(fromB, fromA);
    assert.equal(a.offset, b.offset);
  });
});
