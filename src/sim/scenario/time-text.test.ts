import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, parseMicroseconds, parsePositiveDuration, parseTime } from './time-text.js';
import { parseShare } from './ratio-text.js';
import { suggest } from './suggest.js';

describe('parseTime', () => {
  it('passes integer milliseconds through and refuses other numbers', () => {
    assert.equal(parseTime(0), 0);
    assert.equal(parseTime(500), 500);
    assert.equal(parseTime(-200), -200);
    assert.equal(parseTime(1.5), undefined);
    assert.equal(parseTime(Number.NaN), undefined);
    assert.equal(parseTime(Infinity), undefined);
    assert.equal(parseTime(2 ** 60), undefined);
  });

  it('reads digit strings as milliseconds', () => {
    assert.equal(parseTime('500'), 500);
    assert.equal(parseTime(' 42 '), 42);
    assert.equal(parseTime('-7'), -7);
  });

  it('reads durations with units', () => {
    assert.equal(parseTime('500ms'), 500);
    assert.equal(parseTime('90s'), 90_000);
    assert.equal(parseTime('1.5s'), 1500);
    assert.equal(parseTime('2m'), 120_000);
    assert.equal(parseTime('1h'), 3_600_000);
    assert.equal(parseTime('1d'), 86_400_000);
    assert.equal(parseTime('0.25s'), 250);
    assert.equal(parseTime('1m30s'), 90_000);
    assert.equal(parseTime('1h 30m'), 5_400_000);
    assert.equal(parseTime('10 s'), 10_000);
    assert.equal(parseTime('-5s'), -5000);
  });

  it('is exact where floating point is not', () => {
    // 1.1 * 1000 is 1100.0000000000002 in floating point.
    assert.equal(parseTime('1.1s'), 1100);
    assert.equal(parseTime('0.001s'), 1);
    assert.equal(parseTime('2.5ms'), undefined, 'half a millisecond is not a whole millisecond');
    assert.equal(parseTime('1.0005s'), undefined);
    assert.equal(parseTime('0.5m'), 30_000);
  });

  it('reads clock times as milliseconds since midnight', () => {
    assert.equal(parseTime('12:00:26'), 43_226_000);
    assert.equal(parseTime('12:04:59'), 43_499_000);
    assert.equal(parseTime('12:00:26.250'), 43_226_250);
    assert.equal(parseTime('12:00:26.25'), 43_226_250);
    assert.equal(parseTime('12:00:26.5'), 43_226_500);
    assert.equal(parseTime('9:05:00'), 32_700_000);
    assert.equal(parseTime('00:00:00'), 0);
  });

  it('refuses everything else', () => {
    for (const bad of ['', ' ', 'abc', '5x', 's', '1.5', '.5s', '1e3', '12:00', '12:60:00', '12:00:60', '12:00:26.2500', '5s5', 'ms', '--5s', '1:2:3', 'end']) {
      assert.equal(parseTime(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('parseDuration', () => {
  it('accepts non-negative durations only', () => {
    assert.equal(parseDuration('0'), 0);
    assert.equal(parseDuration(0), 0);
    assert.equal(parseDuration('200ms'), 200);
    assert.equal(parseDuration('-5s'), undefined);
    assert.equal(parseDuration(-1), undefined);
  });

  it('refuses clock times, which are points in time, not lengths', () => {
    assert.equal(parseDuration('00:02:00'), undefined);
  });

  it('parsePositiveDuration refuses zero', () => {
    assert.equal(parsePositiveDuration('0s'), undefined);
    assert.equal(parsePositiveDuration(0), undefined);
    assert.equal(parsePositiveDuration('2m'), 120_000);
  });
});

describe('parseMicroseconds', () => {
  it('reads plain numbers and digits as microseconds, fractions allowed', () => {
    assert.equal(parseMicroseconds(0), 0);
    assert.equal(parseMicroseconds(7), 7);
    assert.equal(parseMicroseconds(0.2), 0.2);
    assert.equal(parseMicroseconds('5'), 5);
    assert.equal(parseMicroseconds('0.5'), 0.5);
    assert.ok(Object.is(parseMicroseconds(-0), 0), '-0 reads as 0');
  });

  it('reads us, µs (micro sign), μs (Greek mu), ms and s', () => {
    assert.equal(parseMicroseconds('2us'), 2);
    assert.equal(parseMicroseconds('0.5us'), 0.5);
    assert.equal(parseMicroseconds('1µs'), 1);
    assert.equal(parseMicroseconds('1μs'), 1);
    assert.equal(parseMicroseconds('3ms'), 3000);
    assert.equal(parseMicroseconds('200 us'), 200);
    assert.equal(parseMicroseconds(' 1s '), 1_000_000);
  });

  it('scales the decimal text, so it is exact where floating point is not', () => {
    // 1.1 * 1000 is 1100.0000000000002 in floating point.
    assert.equal(parseMicroseconds('1.1ms'), 1100);
    assert.equal(parseMicroseconds('0.0001ms'), 0.1);
  });

  it('refuses negative, non-finite and other text', () => {
    for (const bad of [-1, Number.NaN, Infinity, '-2us', '', 'us', '2 minutes', '2m', '1e3', '.5us', '1us2', '12:00:00']) {
      assert.equal(parseMicroseconds(bad), undefined, String(bad));
    }
  });
});

describe('parseShare', () => {
  it('keeps the written precision as an integer ratio', () => {
    assert.deepEqual(parseShare('5%'), { numerator: 5, denominator: 100 });
    assert.deepEqual(parseShare('0.5%'), { numerator: 5, denominator: 1000 });
    assert.deepEqual(parseShare('20%'), { numerator: 20, denominator: 100 });
    assert.deepEqual(parseShare('100%'), { numerator: 100, denominator: 100 });
    assert.deepEqual(parseShare('0%'), { numerator: 0, denominator: 100 });
    assert.deepEqual(parseShare(0.05), { numerator: 5, denominator: 100 });
    assert.deepEqual(parseShare(1), { numerator: 1, denominator: 1 });
  });

  it('refuses shares outside [0, 1] and other text', () => {
    for (const bad of ['101%', '-5%', 1.5, -0.1, 'five', '5', '%', Number.NaN]) {
      assert.equal(parseShare(bad), undefined, String(bad));
    }
  });
});

describe('suggest', () => {
  it('finds the field a misspelling meant', () => {
    const fields = ['type', 'size', 'offset'];
    assert.equal(suggest('sise', fields), 'size');
    assert.equal(suggest('ofset', fields), 'offset');
    assert.equal(suggest('maxdelay', ['maxDelay', 'interval']), 'maxDelay');
    assert.equal(suggest('max_delay', ['maxDelay', 'interval']), 'maxDelay');
    assert.equal(suggest('afterFirst', ['afterFirstElement', 'every', 'count']), 'afterFirstElement');
  });

  it('suggests nothing when nothing is close', () => {
    assert.equal(suggest('colour', ['type', 'size', 'offset']), undefined);
    assert.equal(suggest('', ['a']), undefined);
  });
});
