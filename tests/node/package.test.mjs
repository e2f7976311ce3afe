// The npm package (issue 7): every `exports` target is a real file of the build (dist/, written
// by scripts/build.mjs, which scripts/test.sh runs before this), `files` ships it, and the
// build's service worker precaches exactly the files of the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, base) : [p.slice(base.length + 1)];
  });
}

test('package.json exports point at built files, and files ships dist/', () => {
  assert.ok(existsSync(join(root, 'dist/sw.js')), 'dist/ is missing: run node scripts/build.mjs');
  const targets = Object.entries(pkg.exports).filter(([k]) => !k.includes('*'));
  assert.ok(targets.length >= 4);
  for (const [key, target] of targets) assert.ok(existsSync(join(root, target)), `${key} → ${target} does not exist`);
  assert.equal(pkg.exports['.'], './dist/fazhi-analyzer.js');
  assert.ok(pkg.files.includes('dist/'));
  for (const f of ['fazhi-analyzer-element.js', 'fazhi-analyzer-element-define.js', 'fazhi-analyzer.html', 'sw.js', 'manifest.webmanifest', 'pkg/fazhi_analyzer_bg.wasm']) {
    assert.ok(existsSync(join(root, 'dist', f)), `dist/${f}`);
  }
});

test('the service worker of the build precaches every file but itself and the single file, under a content hash', () => {
  const sw = readFileSync(join(root, 'dist/sw.js'), 'utf8');
  const build = JSON.parse(sw.match(/^const BUILD = (\{.*\});$/m)[1]);
  assert.match(build.version, /^[0-9a-f]{16}$/);
  const all = walk(join(root, 'dist')).sort();
  const expected = all.filter((f) => f !== 'sw.js' && f !== 'fazhi-analyzer.html');
  assert.deepEqual(build.files, ['./', ...expected]);
  // www/sw.js itself (development) caches nothing.
  assert.match(readFileSync(join(root, 'www/sw.js'), 'utf8'), /^const BUILD = null;/m);
});
