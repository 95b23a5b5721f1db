/**
 * The savepoint options of the real `streamsim run`, spawned as a user would run it: write a
 * savepoint, resume an upgraded job from it, and refuse corrupt, truncated, missing and
 * incompatible savepoint files with one line and exit code 2, never a stack trace.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file runs from dist/src/cli/commands. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = join(ROOT, 'bin', 'streamsim.js');
const dir = mkdtempSync(join(tmpdir(), 'streamsim-savepoints-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function streamsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A refusal: exit 2, nothing on stdout, one line on stderr that says `what`, and no stack trace. */
function assertRefused(r: ReturnType<typeof streamsim>, what: RegExp): void {
  assert.equal(r.status, 2, `exit code; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, what);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

describe('streamsim run with savepoints', () => {
  it('writes the scenario\'s savepoint, and the upgraded job resumes from it with every window it owns exact', () => {
    const write = streamsim('run', 'savepoint-upgrade', '--no-tui', '--savepoint-out', 'upgrade.json');
    assert.equal(write.status, 0, write.stderr);
    assert.match(write.stderr, /savepoint 1 \(taken at 12:01:45, 3 open windows, partition 0 at offset 6\) written to upgrade\.json/);
    const doc = JSON.parse(readFileSync(join(dir, 'upgrade.json'), 'utf8')) as { format: string; version: number; checksum: string };
    assert.deepEqual([doc.format, doc.version], ['streamsim-savepoint', 1]);
    assert.match(doc.checksum, /^sha256:[0-9a-f]{64}$/);

    const resume = streamsim('run', 'savepoint-upgrade-v2', '--no-tui', '--from-savepoint', 'upgrade.json', '--strict');
    assert.equal(resume.status, 0, resume.stderr);
    assert.match(resume.stdout, /^Resumed from savepoint 1 of 'savepoint-upgrade' \(upgrade\.json, sha256:[0-9a-f]{16}…\), taken at 12:01:45/);
    assert.match(resume.stdout, /job change: allowedLateness 0 → 2m/);
    assert.match(resume.stdout, /job change: parallelism\.window 1 → 2/);
    assert.match(resume.stdout, /windows of the exact answer: 3 closed before the savepoint \(the earlier job emitted them\), 3 restored, 1 opened or reopened after it/);
    assert.match(resume.stdout, /resume verdict: 4 of the 4 windows this job owns end with the exact answer/);
    assert.match(resume.stdout, /TeamB {2}\[12:01:00, 12:02:00\) {2}LATE #1 +8 /);
    // The report itself knows the restored state: the ON_TIME pane of TeamB carries the 6 read before the savepoint.
    assert.match(resume.stdout, /TeamB {2}\[12:01:00, 12:02:00\) {2}ON_TIME #0 +6 +wm 12:02:00 {2}partial \(truth 8\)/);
    assert.match(resume.stdout, /TeamA {2}\[12:00:00, 12:01:00\) {2}3 +1 events {2}closed before the savepoint \(emitted by the earlier job\)/);
    assert.doesNotMatch(resume.stdout, /WRONG|CHECKS FAILED| missing\n|\n {2}missing /);
    assert.match(resume.stdout, /0 missing, 3 closed before the savepoint \(emitted by the earlier job\)\n.*; checks passed\n$/);
  });

  it('puts the resume in the JSON report', () => {
    const json = streamsim('run', 'savepoint-upgrade-v2', '--json', '--from-savepoint', 'upgrade.json');
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { resume: { savepointId: number; windows: unknown; ownedCorrect: number; differing: unknown[]; changes: { field: string }[] } };
    assert.equal(report.resume.savepointId, 1);
    assert.deepEqual(report.resume.windows, { earlierJob: 3, restored: 3, resumed: 1 });
    assert.equal(report.resume.ownedCorrect, 4);
    assert.deepEqual(report.resume.differing, []);
    assert.deepEqual(report.resume.changes.map((c) => c.field), ['allowedLateness', 'parallelism.window']);
    const checked = report as unknown as { summary: { ok: boolean; missing: number; closedBeforeSavepoint: number }; closedBeforeSavepoint: unknown[] };
    assert.deepEqual([checked.summary.ok, checked.summary.missing, checked.summary.closedBeforeSavepoint, checked.closedBeforeSavepoint.length], [true, 0, 3, 3]);
  });

  it('takes a savepoint at the time --savepoint-at names', () => {
    const r = streamsim('run', 'savepoint-upgrade', '--no-tui', '--savepoint-at', '12:01:50', '--savepoint-out', 'at.json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /savepoint 2 \(taken at 12:01:50, 3 open windows, partition 0 at offset 6\) written to at\.json/);
  });

  it('refuses a savepoint whose content no longer matches its checksum', () => {
    const text = readFileSync(join(dir, 'upgrade.json'), 'utf8');
    writeFileSync(join(dir, 'corrupt.json'), text.replace('"offset": 6', '"offset": 4'));
    assertRefused(streamsim('run', 'savepoint-upgrade-v2', '--no-tui', '--from-savepoint', 'corrupt.json'), /^streamsim: corrupt\.json: checksum mismatch: /);
  });

  it('refuses a truncated savepoint, and one that is not JSON', () => {
    const text = readFileSync(join(dir, 'upgrade.json'), 'utf8');
    writeFileSync(join(dir, 'truncated.json'), text.slice(0, Math.floor(text.length / 2)));
    assertRefused(streamsim('run', 'savepoint-upgrade-v2', '--no-tui', '--from-savepoint', 'truncated.json'), /^streamsim: truncated\.json: the savepoint file is truncated/);
    writeFileSync(join(dir, 'notes.txt'), 'remember to take a savepoint\n');
    assertRefused(streamsim('run', 'savepoint-upgrade-v2', '--no-tui', '--from-savepoint', 'notes.txt'), /^streamsim: notes\.txt: not a savepoint: not valid JSON/);
  });

  it('refuses a missing savepoint file', () => {
    assertRefused(streamsim('run', 'savepoint-upgrade-v2', '--no-tui', '--from-savepoint', 'nowhere.json'), /^streamsim: nowhere\.json: cannot read the savepoint: no such file$/m);
  });

  it('refuses a job whose windows changed, naming the field, what the savepoint has and what the job wants', () => {
    const v2 = readFileSync(join(ROOT, 'scenarios', 'savepoint-upgrade-v2.yaml'), 'utf8');
    writeFileSync(join(dir, 'wider.yaml'), v2.replace('window: { type: tumbling, size: 1m }', 'window: { type: tumbling, size: 2m }'));
    assertRefused(
      streamsim('run', 'wider.yaml', '--no-tui', '--from-savepoint', 'upgrade.json'),
      /^streamsim: upgrade\.json: savepoint 1 of 'savepoint-upgrade' cannot be restored by wider\.yaml: window: the savepoint has tumbling 1m, the job wants tumbling 2m/,
    );
  });

  it('refuses a job that reads a shorter input than the savepoint was taken on, before it runs', () => {
    const v2 = readFileSync(join(ROOT, 'scenarios', 'savepoint-upgrade-v2.yaml'), 'utf8');
    const short = v2.split('\n').filter((line) => !/at: "12:0[12]:[0-9]+", events/.test(line)).join('\n');
    writeFileSync(join(dir, 'short.yaml'), short);
    assertRefused(
      streamsim('run', 'short.yaml', '--no-tui', '--from-savepoint', 'upgrade.json'),
      /^streamsim: upgrade\.json: savepoint 1 of 'savepoint-upgrade' cannot be restored by short\.yaml: input: the savepoint has partition 0 resuming at offset 6, the job wants a log with 3 entries there/,
    );
  });

  it('writes nothing and exits 2 when the savepoint never completes', () => {
    const r = streamsim('run', 'savepoint-upgrade', '--no-tui', '--savepoint-at', '13:00:00', '--savepoint-out', 'late.json');
    assertRefused(r, /^streamsim: --savepoint-at 13:00:00: no savepoint completed, the job had finished by then/);
    assert.equal(existsSync(join(dir, 'late.json')), false);
  });

  it('asks for --savepoint-out with --savepoint-at, and for a time it can read', () => {
    const r = streamsim('run', 'savepoint-upgrade', '--no-tui', '--savepoint-at', '60s');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--savepoint-at needs --savepoint-out <file>/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assertRefused(streamsim('run', 'savepoint-upgrade', '--no-tui', '--savepoint-at', 'soon', '--savepoint-out', 'x.json'), /--savepoint-at: expected a time such as 60s or 12:05:00, got 'soon'/);
  });
});
