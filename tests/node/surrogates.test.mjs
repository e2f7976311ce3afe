// Lone surrogates from JavaScript (docs/result-format.md, "Offsets"): wasm receives UTF-8, so
// each lone surrogate arrives as U+FFFD — one UTF-16 unit, like the surrogate — and every
// offset still indexes the caller's string; only a display string over that place shows �.
// Also the invisible characters of issue 15 come back as findings with their spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;
const core = require(join(root, 'target/pkg-node/fazhi_analyzer.js'));

const lone = '𠀀'.slice(0, 1); // a high surrogate alone
const base = '一、主要举措和成效\n全年受理行政复议案件15件,办结14件。\n(一)强化执法监督\n开展执法监督检查20次。';

test('a lone surrogate becomes U+FFFD and shifts no offset', () => {
  const text = base.replace('(一)强化执法监督', `(一)强化${lone}执法监督`);
  assert.equal(text.length, base.length + 1);
  const withLone = core.analyze(text);
  const withFffd = core.analyze(text.replace(lone, '\uFFFD'));
  // The core saw U+FFFD: the same result as for the text with U+FFFD written in.
  assert.deepStrictEqual(withLone, withFffd);
  const heading = withLone.outline.find((h) => h.title.startsWith('强化'));
  assert.equal(heading.title, '强化\uFFFD执法监督', 'the display string shows U+FFFD');
  assert.notEqual(text.slice(heading.start, heading.end), `${heading.marker}${heading.title}`, 'the slice keeps the surrogate');
  assert.equal(text.slice(heading.start, heading.end).replace(lone, '\uFFFD'), `${heading.marker}${heading.title}`);
  // Offsets after it still index the caller's string.
  const later = withLone.metrics.find((m) => m.text === '20次');
  assert.equal(text.slice(later.start, later.end), '20次');
  assert.equal(withLone.stats.chars, text.length);
});

test('a right-to-left override is reported at its place', () => {
  const text = base.replace('15件', '\u202E15件\u202C');
  const result = core.analyze(text);
  const found = result.findings.filter((f) => f.code === 'invisible-characters');
  assert.deepStrictEqual(found.map((f) => text.slice(f.start, f.end)), ['\u202E', '\u202C']);
  assert.equal(found[0].severity, 'warning');
  assert.deepStrictEqual(found[0].params, { count: 1, names: 'U+202E' });
  assert.match(found[0].messageEn, /text-direction control/);
});
