import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateProfile } from './rate-profile.js';

describe('RateProfile', () => {
  it('spaces a constant rate as startMs + floor(i*1000/rate)', () => {
    const profile = new RateProfile({ startMs: 500, ratePerSec: 400 });
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => profile.eventTimeOf(i)), [500, 502, 505, 507, 510, 512]);
    assert.equal(profile.eventTimeOf(1_000_000), 500 + 2_500_000);
  });

  it('gives 1000 events per second one millisecond each (WORKLOADS: event i at i ms)', () => {
    const profile = new RateProfile({ startMs: 0, ratePerSec: 1000 });
    for (let i = 0; i < 10_000; i++) assert.equal(profile.eventTimeOf(i), i);
  });

  it('changes the spacing in bursts: dense during onMs, the base rate during offMs, repeating', () => {
    const profile = new RateProfile({ startMs: 0, ratePerSec: 10, bursts: { onMs: 1000, offMs: 2000, burstRatePerSec: 100 } });
    const times = Array.from({ length: 400 }, (_, i) => profile.eventTimeOf(i));
    const inWindow = (from: number, until: number) => times.filter((t) => t >= from && t < until).length;
    assert.equal(inWindow(0, 1000), 100, 'burst phase at 100/s');
    assert.equal(inWindow(1000, 3000), 20, 'off phase at 10/s');
    assert.equal(inWindow(3000, 4000), 100, 'the next cycle bursts again');
    assert.equal(times[0], 0);
    assert.equal(times[1], 10);
    assert.equal(times[100], 1000, 'the off phase starts at onMs');
    assert.equal(times[101], 1100);
    assert.equal(times[120], 3000, 'the second cycle starts at onMs + offMs');
  });

  it('never decreases, with or without bursts', () => {
    const profiles = [
      new RateProfile({ startMs: -50, ratePerSec: 333 }),
      new RateProfile({ startMs: 7, ratePerSec: 3, bursts: { onMs: 250, offMs: 750, burstRatePerSec: 997 } }),
      new RateProfile({ startMs: 0, ratePerSec: 1000, bursts: { onMs: 10, offMs: 0, burstRatePerSec: 5000 } }),
    ];
    for (const profile of profiles) {
      for (let i = 1; i < 5000; i++) assert.ok(profile.eventTimeOf(i) >= profile.eventTimeOf(i - 1), `at index ${i}`);
    }
  });

  it('finds the first index at or after a time, as a linear search would', () => {
    const profile = new RateProfile({ startMs: 100, ratePerSec: 7, bursts: { onMs: 300, offMs: 1700, burstRatePerSec: 50 } });
    const count = 300;
    for (const t of [-1, 100, 101, 399, 400, 2099, 2100, 2101, 5000, 1e9]) {
      let expected = 0;
      while (expected < count && profile.eventTimeOf(expected) < t) expected++;
      assert.equal(profile.firstIndexAtOrAfter(t, 0, count), expected, `t = ${t}`);
    }
    assert.equal(profile.firstIndexAtOrAfter(0, 17, count), 17, 'never before `from`');
  });

  it('rejects bad options with messages naming the field', () => {
    assert.throws(() => new RateProfile({ startMs: 0, ratePerSec: 0 }), /^Error: rateProfile: ratePerSec must be a positive number, got 0$/);
    assert.throws(() => new RateProfile({ startMs: 0.5, ratePerSec: 1 }), /rateProfile: startMs must be an integer/);
    assert.throws(
      () => new RateProfile({ startMs: 0, ratePerSec: 1, bursts: { onMs: 0, offMs: 10, burstRatePerSec: 5 } }),
      /rateProfile: bursts.onMs must be a positive integer/,
    );
    assert.throws(
      () => new RateProfile({ startMs: 0, ratePerSec: 1, bursts: { onMs: 10, offMs: 10, burstRatePerSec: -5 } }),
      /rateProfile: bursts.burstRatePerSec must be a positive number/,
    );
  });
});
