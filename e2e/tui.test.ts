/**
 * End to end: the real `streamsim run scores` in a real terminal (tmux), driven by keys, read off
 * the screen. Each wait polls the screen until the text appears, with a bounded timeout; nothing
 * sleeps for a fixed time. The tmux server runs on a socket of its own and is killed at the end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file runs from dist/e2e. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WAIT_MS = 30_000;
const POLL_MS = 50;

function tmuxInstalled(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

class Terminal {
  readonly socket = `streamsim-e2e-${process.pid}`;
  readonly session = 'e2e';

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** A shell in a detached 120×40 terminal. CI=0: ink draws nothing until exit when it thinks it runs in CI. */
  start(): void {
    this.tmux('new-session', '-d', '-s', this.session, '-x', '120', '-y', '40', '-c', ROOT, "env CI=0 PS1='$ ' sh");
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.session);
  }

  /** tmux format variables of the pane, such as alternate_on and cursor_flag. */
  pane(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.session, format).trim();
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.session, ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.session, '-l', text);
    this.keys('Enter');
  }

  /** Polls the screen until `ok` holds; fails with the last screen after WAIT_MS. */
  async waitFor(what: string, ok: (screen: string) => boolean): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (ok(screen)) return screen;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; the screen was:\n${screen}`);
  }

  waitForText(text: string | RegExp): Promise<string> {
    return this.waitFor(String(text), (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)));
  }

  stop(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

test('streamsim run opens the terminal UI, answers keys, and gives the terminal back', async (t) => {
  if (!tmuxInstalled()) {
    t.skip('tmux is not installed, so there is no terminal to drive (CI installs it: see .ci/run)');
    return;
  }
  const term = new Terminal();
  try {
    term.start();
    await term.waitForText('$');
    term.type('node bin/streamsim.js run scores; echo "EXIT:$?"');
    let first = await term.waitForText(/step 0\/\d+/);
    if (first.includes('Press any key to begin')) {
      // A scenario with a story opens on it; any key goes on to the run.
      term.keys('x');
      first = await term.waitForText('Event time → / processing time ↑');
    }
    assert.match(first, /streamsim · scores/);
    assert.match(first, /Event time → \/ processing time ↑/);
    assert.match(first, /space play {2}←→ step/);
    assert.equal(term.pane('#{alternate_on}'), '1', 'the UI draws on the alternate screen');

    term.keys('Right');
    const stepped = await term.waitForText(/step 1\/\d+/);
    assert.match(stepped, /Why · step 1 · ingested TeamX = 5/);
    term.keys('Left');
    await term.waitForText(/step 0\/\d+/);

    term.keys('n');
    const pane = await term.waitForText('EARLY at 12:05:59');
    assert.match(pane, /TeamX 12:00–12:02 E5/);

    term.keys('Space');
    await term.waitForText('▶ playing');
    await term.waitFor('the run to play to its end', (s) => /paused \(8×\) {2}step (\d+)\/\1/.test(s));

    term.keys('?');
    await term.waitForText('back replays the deterministic trace');
    term.keys('?');
    await term.waitFor('the help to close', (s) => !s.includes('back replays the deterministic trace') && s.includes('Event time →'));

    term.tmux('resize-window', '-t', term.session, '-x', '70', '-y', '20');
    await term.waitForText('streamsim needs a terminal of at least 80×24; this one is 70×20.');
    term.tmux('resize-window', '-t', term.session, '-x', '120', '-y', '40');
    await term.waitForText('Event time → / processing time ↑');

    term.keys('q');
    const after = await term.waitForText('EXIT:0');
    assert.ok(!after.includes('Event time →'), 'the UI is gone from the screen');
    assert.equal(term.pane('#{alternate_on}'), '0', 'back on the normal screen');
    assert.equal(term.pane('#{cursor_flag}'), '1', 'the cursor is visible again');
    term.type("stty -a | grep -o -- '-\\?icanon' | head -n 1 | sed 's/^/MODE:/'");
    const mode = await term.waitForText(/MODE:-?icanon/);
    assert.match(mode, /MODE:icanon/, 'the terminal is back in line mode');

    // Ctrl-C also restores the terminal, and says so in the exit code.
    term.type('clear; node bin/streamsim.js run scores; echo "EXIT:$?"');
    await term.waitForText(/step 0\/\d+/);
    term.keys('C-c');
    await term.waitForText('EXIT:130');
    assert.equal(term.pane('#{alternate_on}'), '0');
    assert.equal(term.pane('#{cursor_flag}'), '1');
  } finally {
    term.stop();
  }
});

test('streamsim compare --tui shows two engines side by side on one clock, and quits cleanly', async (t) => {
  if (!tmuxInstalled()) {
    t.skip('tmux is not installed, so there is no terminal to drive (CI installs it: see .ci/run)');
    return;
  }
  const term = new Terminal();
  try {
    term.start();
    await term.waitForText('$');
    term.type('node bin/streamsim.js compare tour --engine native,micro-batch:30s --tui; echo "EXIT:$?"');
    const first = await term.waitForText('one shared processing-time clock');
    assert.match(first, /compare 2 runs/);
    assert.match(first, /native\s+│micro-batch 30s/);
    term.keys('Right');
    await term.waitForText(/step 1\/\d+/);
    term.keys('q');
    await term.waitForText('EXIT:0');
    assert.equal(term.pane('#{alternate_on}'), '0', 'back on the normal screen');
  } finally {
    term.stop();
  }
});
