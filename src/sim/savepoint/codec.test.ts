import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, checksumOf } from './checksum.js';
import { decodeSavepoint, SavepointError } from './decode.js';
import { encodeSavepoint } from './encode.js';
import { restoredWindows, SAVEPOINT_FORMAT, SAVEPOINT_VERSION } from './document.js';
import { resigned, takenSavepoint } from './savepoint.test-support.js';

/** The SavepointError decoding `text` throws; fails the test if it throws nothing or anything else. */
function refusal(text: string, file = 'sp.json'): SavepointError {
  try {
    decodeSavepoint(text, file);
  } catch (error) {
    assert.ok(error instanceof SavepointError, `expected a SavepointError, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${file}: `), `the message names the file: ${error.message}`);
    assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
    return error;
  }
  assert.fail('the savepoint was accepted');
}

describe('savepoint encoding', () => {
  const doc = takenSavepoint();

  it('holds the offsets, the open windows by key group and the watermark of the moment it was taken', () => {
    assert.equal(doc.format, SAVEPOINT_FORMAT);
    assert.equal(doc.version, SAVEPOINT_VERSION);
    assert.equal(doc.savepoint.triggeredAt, 12 * 3_600_000 + 105_000);
    assert.deepEqual(doc.sources, [{ partition: 0, offset: 5 }]);
    assert.equal(doc.state.watermark, 12 * 3_600_000 + 60_000);
    const windows = restoredWindows(doc).map((w) => `${w.key} ${w.start % 3_600_000} sum ${w.total.sum}`).sort();
    assert.deepEqual(windows, ['TeamA 60000 sum 5', 'TeamB 60000 sum 6', 'TeamC 60000 sum 1']);
    const groups = doc.state.keyGroups.map((g) => g.keyGroup);
    assert.deepEqual(groups, [...groups].sort((a, b) => a - b), 'key groups in order');
  });

  it('decodes back to the same document, infinities included', () => {
    const text = encodeSavepoint(doc);
    const back = decodeSavepoint(text, 'sp.json');
    assert.equal(canonicalJson(back.document), canonicalJson(doc));
    const { checksum, ...body } = JSON.parse(text) as Record<string, unknown>;
    assert.equal(back.checksum, checksum);
    assert.equal(checksum, checksumOf(body));
    assert.match(back.checksum, /^sha256:[0-9a-f]{64}$/);
  });

  it('writes the unbounded times as "-inf" and "+inf" and reads them back', () => {
    const first = restoredWindows(doc)[0];
    assert.ok(first);
    const unbounded = { ...doc, state: { watermark: -Infinity, keyGroups: [{ keyGroup: first.keyGroup, windows: [{ ...first, paneMaxEventTime: -Infinity, pane: { count: 0, sum: 0, min: Infinity, max: -Infinity } }] }] } };
    const text = encodeSavepoint(unbounded);
    assert.match(text, /"watermark": "-inf"/);
    assert.match(text, /"min": "\+inf"/);
    const back = decodeSavepoint(text, 'sp.json').document;
    assert.equal(back.state.watermark, -Infinity);
    assert.equal(restoredWindows(back)[0]?.pane.min, Infinity);
    assert.equal(restoredWindows(back)[0]?.paneMaxEventTime, -Infinity);
  });

  it('is the same text every time, and its checksum does not depend on indentation', () => {
    const text = encodeSavepoint(doc);
    assert.equal(encodeSavepoint(takenSavepoint()), text);
    const compact = JSON.stringify(JSON.parse(text));
    assert.equal(canonicalJson(decodeSavepoint(compact, 'sp.json').document), canonicalJson(doc));
  });
});

describe('savepoint decoding refuses', () => {
  const doc = takenSavepoint();
  const text = encodeSavepoint(doc);

  it('an empty file', () => assert.match(refusal('  \n').message, /the savepoint file is empty/));

  it('a file cut off anywhere, as truncated', () => {
    const end = text.trimEnd().length - 1;
    for (let n = 1; n < end; n += 13) assert.match(refusal(text.slice(0, n)).message, /truncated/, `cut after ${n} bytes`);
  });

  it('text that is not JSON, and JSON that is not an object', () => {
    assert.match(refusal('hello').message, /not a savepoint: not valid JSON/);
    assert.match(refusal('[1, 2]').message, /expected a JSON object, got \[1,2\]/);
  });

  it('another format or a version it does not know', () => {
    assert.match(refusal('{"format": "flink-savepoint"}').message, /not a streamsim savepoint: format is "flink-savepoint", expected "streamsim-savepoint"/);
    assert.match(refusal('{"version": 1}').message, /it has no "format" field/);
    assert.match(refusal(text.replace('"version": 1', '"version": 2')).message, /format version 2 is not supported: this streamsim reads version 1/);
  });

  it('a missing checksum, and content that does not match its checksum', () => {
    const unsigned = JSON.parse(text) as Record<string, unknown>;
    delete unsigned['checksum'];
    assert.match(refusal(JSON.stringify(unsigned)).message, /has no checksum/);
    const tampered = text.replace('"sum": 6', '"sum": 60');
    assert.notEqual(tampered, text);
    assert.match(refusal(tampered).message, /checksum mismatch: the file says sha256:[0-9a-f]{16}…, its content hashes to sha256:[0-9a-f]{16}…/);
  });

  it('a field of the wrong shape, naming its path', () => {
    const bad = resigned(doc, (j) => {
      (j['sources'] as { offset: unknown }[])[0] = { partition: 0, offset: -1 } as never;
    });
    assert.equal(refusal(bad).problem, 'invalid savepoint: sources[0].offset: expected a non-negative integer, got -1');
    const unknown = resigned(doc, (j) => {
      j['extra'] = true;
    });
    assert.equal(refusal(unknown).problem, 'invalid savepoint: (the document): unknown field "extra"');
    const missing = resigned(doc, (j) => {
      delete (j['job'] as Record<string, unknown>)['aggregate'];
    });
    assert.match(refusal(missing).problem, /^invalid savepoint: job\.aggregate: missing/);
    const window = resigned(doc, (j) => {
      (j['job'] as Record<string, unknown>)['window'] = { type: 'hopping', sizeMs: 1 };
    });
    assert.match(refusal(window).problem, /^invalid savepoint: job\.window/);
  });

  it('state filed under the wrong key group, which would be restored on the wrong task', () => {
    const bad = resigned(doc, (j) => {
      const groups = (j['state'] as { keyGroups: { keyGroup: number }[] }).keyGroups;
      const first = groups[0] as { keyGroup: number };
      first.keyGroup = first.keyGroup === 0 ? 1 : first.keyGroup - 1;
    });
    assert.match(refusal(bad).problem, /^invalid savepoint: state\.keyGroups\[0\]\.windows\[0\]\.key: key "Team[ABC]" belongs to key group \d+, not \d+$/);
  });

  it('a pane holding more elements than its window, and a partition outside the log', () => {
    const pane = resigned(doc, (j) => {
      const w = (j['state'] as { keyGroups: { windows: { pane: { count: number } }[] }[] }).keyGroups[0]?.windows[0];
      if (w) w.pane.count = 99;
    });
    assert.match(refusal(pane).problem, /pane\.count: the pane holds 99 elements, more than the window's 1/);
    const partition = resigned(doc, (j) => {
      j['sources'] = [{ partition: 3, offset: 0 }];
    });
    assert.equal(refusal(partition).problem, 'invalid savepoint: sources[0].partition: 3 is not a partition of a log with 1');
  });
});
