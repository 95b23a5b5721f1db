import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wantsTui } from '../cli/commands/run.js';
import { colourLevel } from '../cli/colour.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };
const args = { scenario: 'scores', json: false, strict: false };

test('streamsim run opens the UI only in a terminal and only when no plain output is asked for', () => {
  assert.equal(wantsTui(args, tty, tty), true);
  assert.equal(wantsTui({ ...args, tui: true }, tty, tty), true);
  assert.equal(wantsTui({ ...args, tui: false }, tty, tty), false, '--no-tui');
  assert.equal(wantsTui({ ...args, json: true }, tty, tty), false, '--json');
  assert.equal(wantsTui({ ...args, out: 'report.txt' }, tty, tty), false, '--out');
  assert.equal(wantsTui(args, pipe, tty), false, 'stdout is a pipe');
  assert.equal(wantsTui(args, tty, pipe), false, 'stdin is not a terminal');
});

test('NO_COLOR turns the UI colourless (the theme takes its level from colourLevel)', () => {
  const saved = { NO_COLOR: process.env['NO_COLOR'], FORCE_COLOR: process.env['FORCE_COLOR'] };
  const stream = { isTTY: true, getColorDepth: () => 24 } as unknown as NodeJS.WriteStream;
  try {
    delete process.env['FORCE_COLOR'];
    process.env['NO_COLOR'] = '1';
    assert.equal(colourLevel(stream), 0);
    delete process.env['NO_COLOR'];
    assert.equal(colourLevel(stream), 3);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
