#!/usr/bin/env node
// `npm run build` → dist/: everything static, ready to copy to any web server (any sub-path).
//
//   dist/index.html …            the page (copied from www/), with its modules, wasm and samples
//   dist/fazhi-analyzer.js       the data-only module        (import { analyze } from …)
//   dist/fazhi-analyzer-element(-define).js   the <fazhi-analyzer> widget
//   dist/sw.js                   the service worker, with this build's precache list and a
//                                cache name that is a content hash of the build
//   dist/manifest.webmanifest, dist/icon.svg   so the page installs as an app
//   dist/fazhi-analyzer.html     the single-file edition: one self-contained file (JS, CSS,
//                                wasm and samples inlined) that works opened from disk
//
// No bundler: the single file carries each ES module's source and makes blob: URLs for them at
// start-up, rewriting relative imports to those URLs. It uses ./analyzer-client-main.js in
// place of the worker-backed ./analyzer-client.js (a file:// page cannot start a module worker).
//
// Needs www/pkg (bash scripts/build-wasm.sh); `npm run build` runs setup and the wasm build first.
// Options: --out DIR (default dist); --wasm-opt [PATH] shrinks the wasm with binaryen's wasm-opt -Oz
// (PATH, else node_modules/.bin/wasm-opt from the npm `binaryen` package, which is not a dependency:
// `npm i --no-save binaryen`). Measured 6 Dec 2026 (docs/performance.md): −6 % raw but the same
// gzip and brotli size (311 KiB brotli either way), for 25–35 s of CPU, so it is opt-in.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const args = process.argv.slice(2);
const OUT = resolve(ROOT, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist');
const SINGLE = 'fazhi-analyzer.html';
const optAt = args.indexOf('--wasm-opt');
const WASM_OPT = optAt < 0 ? null : args[optAt + 1] && !args[optAt + 1].startsWith('--') ? resolve(args[optAt + 1]) : join(ROOT, 'node_modules/.bin/wasm-opt');

const fail = (msg) => {
  console.error(`build: ${msg}`);
  process.exit(1);
};
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

if (!['fazhi_analyzer_bg.wasm', 'fazhi_analyzer_batch_bg.wasm'].every((f) => existsSync(join(WWW, 'pkg', f)))) fail('www/pkg is missing: run `bash scripts/build-wasm.sh` (or `npm run build`)');
for (const v of ['fflate.js', 'idb.js', 'write-excel-file.js', 'signals-core.js']) {
  if (!existsSync(join(WWW, 'vendor', v))) fail(`www/vendor/${v} is missing: run \`bash scripts/setup.sh\` (it copies the page's npm libraries)`);
}

// 1. Copy www/ → dist/ (the wasm-bindgen extras that a browser never loads are left out).
const SKIP = /^pkg\/(package\.json|\.gitignore|.*\.d\.ts)$/;
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
cpSync(WWW, OUT, {
  recursive: true,
  filter: (src) => !SKIP.test(relative(WWW, src).split(sep).join('/')),
});

// 1b. Optionally shrink the wasm (the features are those rustc enables for wasm32 by default).
if (WASM_OPT) {
  if (!existsSync(WASM_OPT)) fail(`--wasm-opt: ${WASM_OPT} not found (npm i --no-save binaryen)`);
  for (const name of ['fazhi_analyzer_bg.wasm', 'fazhi_analyzer_batch_bg.wasm']) {
    const WASM = join(OUT, 'pkg', name);
    const before = statSync(WASM).size;
    execFileSync(WASM_OPT, ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--enable-simd', WASM, '-o', WASM], { stdio: 'inherit' });
    console.log(`build: wasm-opt -Oz ${name} ${kib(before)} → ${kib(statSync(WASM).size)}`);
  }
}

/** Every file under dir, as posix paths relative to it, sorted. */
function walk(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, base));
    else out.push(relative(base, p).split(sep).join('/'));
  }
  return out.sort();
}

// 2. The service worker: precache every file of the build (the page's and the widget's), under
//    a cache name derived from their content.
const precache = walk(OUT).filter((f) => f !== 'sw.js' && f !== SINGLE);
const hash = createHash('sha256');
for (const f of [...precache, 'sw.js']) {
  hash.update(f).update('\0').update(readFileSync(join(OUT, f))).update('\0');
}
const version = hash.digest('hex').slice(0, 16);
const swSource = readFileSync(join(OUT, 'sw.js'), 'utf8');
const BUILD_LINE = /^const BUILD = null;.*$/m;
if (!BUILD_LINE.test(swSource)) fail('www/sw.js has no `const BUILD = null;` line to fill');
const build = { version, files: ['./', ...precache] };
writeFileSync(join(OUT, 'sw.js'), swSource.replace(BUILD_LINE, `const BUILD = ${JSON.stringify(build)};`));

// 3. The single-file edition.
const b64 = (buf) => Buffer.from(buf).toString('base64');
const TYPES = { '.wasm': 'application/wasm', '.txt': 'text/plain;charset=utf-8', '.svg': 'image/svg+xml' };
const typeOf = (p) => TYPES[posix.extname(p)] ?? 'application/octet-stream';
const SWAP = { 'analyzer-client.js': 'analyzer-client-main.js' };

const modules = []; // [{ path, source }] leaves first
const assets = {}; // path → { type, b64 }
const seen = new Set();
function addModule(path) {
  path = SWAP[path] ?? path;
  if (seen.has(path)) return path;
  seen.add(path);
  const file = join(OUT, path);
  if (!existsSync(file)) fail(`single file: module ${path} not found`);
  let source = readFileSync(file, 'utf8');
  const token = (target) => `@@FZ:${target}@@`;
  const resolveRel = (spec) => posix.normalize(posix.join(posix.dirname(path), spec));
  // new URL('./x', import.meta.url) → an inlined asset (or module).
  source = source.replace(/new URL\((['"])(\.\.?\/[^'"]+)\1,\s*import\.meta\.url\)/g, (m, q, spec) => {
    const target = resolveRel(spec);
    if (target.endsWith('.js')) return `new URL(${q}${token(addModule(target))}${q})`;
    if (!existsSync(join(OUT, target))) fail(`single file: asset ${target} (from ${path}) not found`);
    assets[target] ??= { type: typeOf(target), b64: b64(readFileSync(join(OUT, target))) };
    return `new URL(${q}${token(target)}${q})`;
  });
  // Static and dynamic imports of relative modules.
  source = source.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]+)\2/g, (m, lead, q, spec) =>
    `${lead}${q}${token(addModule(resolveRel(spec)))}${q}`,
  );
  modules.push({ path, source });
  return path;
}
const entry = addModule('app.js');
if (!seen.has('analyzer-client-main.js')) fail('single file: app.js no longer imports ./analyzer-client.js');

let html = readFileSync(join(WWW, 'index.html'), 'utf8');
const replaceOnce = (pattern, by, what) => {
  if (!pattern.test(html)) fail(`single file: index.html has no ${what}`);
  html = html.replace(pattern, by);
};
const css = readFileSync(join(WWW, 'style.css'), 'utf8');
if (/<\/style/i.test(css)) fail('style.css contains "</style"');
replaceOnce(/<link rel="stylesheet" href="style\.css">/, () => `<style>\n${css}</style>`, 'style.css link');
replaceOnce(/\s*<link rel="manifest"[^>]*>/, '', 'manifest link');
replaceOnce(/\s*<script type="module" src="sw-register\.js"><\/script>/, '', 'sw-register.js script');
replaceOnce(/<link rel="icon" href="icon\.svg"/, () => `<link rel="icon" href="data:image/svg+xml;base64,${b64(readFileSync(join(WWW, 'icon.svg')))}"`, 'icon link');
html = html.replace(/data-sample="(samples\/[^"]+)"/g, (m, p) => {
  if (!existsSync(join(WWW, p))) fail(`single file: sample ${p} not found`);
  return `data-sample="data:${typeOf(p)};base64,${b64(readFileSync(join(WWW, p)))}"`;
});
const payload = JSON.stringify({ entry, modules, assets }).replace(/</g, '\\u003c');
const boot = `
  <script type="application/json" id="fazhi-bundle">${payload}</script>
  <script type="module">
    // Single-file edition: turn the inlined modules and assets into blob: URLs, leaves first.
    const bundle = JSON.parse(document.getElementById('fazhi-bundle').textContent);
    const urls = {};
    const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    for (const [path, a] of Object.entries(bundle.assets)) urls[path] = URL.createObjectURL(new Blob([bytes(a.b64)], { type: a.type }));
    for (const m of bundle.modules) {
      const source = m.source.replace(/@@FZ:([^@]+)@@/g, (_, p) => urls[p]);
      urls[m.path] = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    }
    import(urls[bundle.entry]);
  </script>`;
replaceOnce(/\s*<script type="module" src="app\.js"><\/script>/, () => boot, 'app.js script');
if (/<(script|link)[^>]+(src|href)="(?!data:)[^"]+"/.test(html)) fail('single file: a reference to an outside file is left');
writeFileSync(join(OUT, SINGLE), html);

const size = (f) => statSync(join(OUT, f)).size;
console.log(`build: ${relative(ROOT, OUT)}/ — ${precache.length} files precached as fazhi-analyzer-${version}`);
console.log(`build: wasm ${kib(size('pkg/fazhi_analyzer_bg.wasm'))} (+ ${kib(size('pkg/fazhi_analyzer_batch_bg.wasm'))} with the batch calls), single file ${SINGLE} ${kib(size(SINGLE))}`);
