import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitBlock, fitLine, lineText, lineWidth, seg, wrapText } from './text.js';

test('fitLine pads short lines and cuts long ones with an ellipsis, keeping tones', () => {
  assert.equal(lineText(fitLine([seg('ab', 'bold')], 5)), 'ab   ');
  const cut = fitLine([seg('abc', 'bold'), seg('def', 'dim')], 5);
  assert.equal(lineText(cut), 'abcd…');
  assert.equal(cut[0]?.tone, 'bold');
  assert.equal(lineWidth(fitLine([seg('●━┃')], 3)), 3);
  assert.deepEqual(fitLine([seg('x')], 0), []);
});

test('fitBlock gives exactly the height asked', () => {
  const block = fitBlock([[seg('a')], [seg('b')], [seg('c')]], 2, 2);
  assert.deepEqual(block.map(lineText), ['a ', 'b ']);
  assert.deepEqual(fitBlock([], 3, 2).map(lineText), ['   ', '   ']);
});

test('wrapText wraps on words, splits long words, and marks a cut', () => {
  assert.deepEqual(wrapText('the watermark passed the end', 12), ['the', 'watermark', 'passed the', 'end']);
  assert.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
  assert.deepEqual(wrapText('one two three four', 9, 1), ['one two…']);
  assert.deepEqual(wrapText('a line\nbroken in the file\n\nnext paragraph', 40), ['a line broken in the file', '', 'next paragraph']);
});
