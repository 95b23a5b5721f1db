import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { RunApp } from './app.js';
import { manualTicks } from './playback.js';
import { runFullScreen } from './terminal.js';
import { SCORES_YAML, settle, timelineOf } from './test-support.js';

/** A terminal in memory: a TTY stdout that records what is written, a TTY stdin we type into. */
function fakeTerminal() {
  const written: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns: 100,
    rows: 30,
    write: (s: string) => {
      written.push(s);
      return true;
    },
  });
  const rawModes: boolean[] = [];
  let pending: string | null = null;
  const emitter = new EventEmitter();
  const stdin = Object.assign(emitter, {
    isTTY: true,
    setRawMode: (on: boolean) => rawModes.push(on),
    setEncoding: () => undefined,
    ref: () => undefined,
    unref: () => undefined,
    resume: () => undefined,
    pause: () => undefined,
    read: () => {
      const data = pending;
      pending = null;
      return data;
    },
    type(data: string) {
      pending = data;
      emitter.emit('readable');
    },
  });
  const stderr = Object.assign(new EventEmitter(), { write: (s: string) => written.push(s) > 0 });
  const streams = { stdout, stdin, stderr } as unknown as { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream };
  return { streams, stdin, written, rawModes };
}

async function session(key: string): Promise<{ code: number; output: string; rawModes: boolean[] }> {
  const term = fakeTerminal();
  const timeline = timelineOf(SCORES_YAML);
  const done = runFullScreen(<RunApp timeline={timeline} size={{ columns: 100, rows: 30 }} ticks={manualTicks()} />, term.streams);
  await settle();
  term.stdin.type('x');
  await settle();
  term.stdin.type(key);
  const code = await done;
  return { code, output: term.written.join(''), rawModes: term.rawModes };
}

test('q leaves the alternate screen, shows the cursor and ends raw mode; exit code 0', async () => {
  const { code, output, rawModes } = await session('q');
  assert.equal(code, 0);
  assert.ok(output.startsWith('\u001B[?1049h'), 'entered the alternate screen first');
  assert.ok(output.endsWith('\u001B[?25h\u001B[?1049l'), 'cursor shown and alternate screen left last');
  assert.match(output, /streamsim · scores/);
  assert.equal(rawModes[0], true);
  assert.equal(rawModes[rawModes.length - 1], false);
});

test('Ctrl-C restores the terminal as well, with exit code 130', async () => {
  const { code, output } = await session('\u0003');
  assert.equal(code, 130);
  assert.ok(output.endsWith('\u001B[?25h\u001B[?1049l'));
});

test('no signal or crash handler is left behind', async () => {
  const before = ['SIGINT', 'SIGTERM', 'SIGHUP', 'uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e));
  await session('q');
  const after = ['SIGINT', 'SIGTERM', 'SIGHUP', 'uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e));
  assert.deepEqual(after, before);
});
