import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { cellOf, markerOf, renderTradeoffChart, type ChartOptions } from './tradeoff-chart.js';

const plain = new Chalk({ level: 0 });
const options: ChartOptions = { width: 10, height: 4, xLabel: 'events/s', yLabel: 'latency', formatX: String, formatY: (n) => `${n}ms` };

describe('cellOf', () => {
  it('maps the ends of the range to the first and last cell, and an empty range to the middle', () => {
    assert.equal(cellOf(0, 0, 100, 10), 0);
    assert.equal(cellOf(100, 0, 100, 10), 9);
    assert.equal(cellOf(50, 0, 100, 11), 5);
    assert.equal(cellOf(7, 7, 7, 10), 4);
    assert.equal(cellOf(500, 0, 100, 10), 9);
  });
});

describe('renderTradeoffChart', () => {
  it('draws each point where its figures put it, with a legend', () => {
    const lines = renderTradeoffChart(
      [
        { label: 'fast', x: 100, y: 0 },
        { label: 'slow', x: 200, y: 40 },
      ],
      options,
      plain,
    );
    assert.deepEqual(lines, [
      'latency',
      '40ms │         2',
      '     │',
      '     │',
      ' 0ms │1',
      '     └──────────',
      '      100    200',
      '      events/s',
      '  1  fast: latency 0ms, events/s 100',
      '  2  slow: latency 40ms, events/s 200',
    ]);
  });

  it('marks points on the same cell with * and still lists both', () => {
    const lines = renderTradeoffChart(
      [
        { label: 'a', x: 5, y: 10 },
        { label: 'b', x: 5, y: 10 },
      ],
      options,
      plain,
    );
    assert.ok(lines.some((l) => l.includes('*')));
    assert.equal(lines.filter((l) => /^ {2}[12] {2}/.test(l)).length, 2);
  });

  it('is the same text without colour codes when colour is off, and has them when on', () => {
    const points = [{ label: 'a', x: 1, y: 1 }];
    const coloured = renderTradeoffChart(points, options, new Chalk({ level: 1 })).join('\n');
    // eslint-disable-next-line no-control-regex
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), renderTradeoffChart(points, options, plain).join('\n'));
    assert.notEqual(coloured, renderTradeoffChart(points, options, plain).join('\n'));
  });

  it('draws nothing without points', () => {
    assert.deepEqual(renderTradeoffChart([], options, plain), []);
  });

  it('numbers markers 1-9 then a-z', () => {
    assert.equal(markerOf(0), '1');
    assert.equal(markerOf(9), 'a');
  });
});
