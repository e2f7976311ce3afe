// A CPU profile of warm calls in Chromium (V8's sampling profiler over CDP), written as a
// .cpuprofile (Chrome DevTools' Performance panel opens it; so does any script that sums its
// samples by function). Function names need a package that keeps the wasm's name section,
// which the shipped one drops:
//   wasm-bindgen --target web --out-name fazhi_analyzer --out-dir /tmp/names/pkg \
//     target/wasm32-unknown-unknown/wasm/fazhi_analyzer.wasm
//   node scripts/wasm-profile.mjs /tmp/names /tmp/warm.cpuprofile
// Usage: node scripts/wasm-profile.mjs DIST OUT.cpuprofile [REPORT] [analyzeJson|analyze] [CALLS]
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
const [D, OUT, REPORT = 'target/bench/report-30KB.txt', FN = 'analyzeJson', CALLS = '1000'] = process.argv.slice(2);
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain' };
const server = createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  if (p === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>b</title>');
  const f = p === '/report.txt' ? REPORT : join(D, p);
  if (!existsSync(f)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(f)] ?? 'application/octet-stream' }).end(readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.evaluate(async () => {
  window.report = await (await fetch('/report.txt')).text();
  window.core = await import('/pkg/fazhi_analyzer.js');
  await core.default({ module_or_path: '/pkg/fazhi_analyzer_bg.wasm' });
  for (let i = 0; i < 100; i++) core.analyze(report);
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(([fn, n]) => { for (let i = 0; i < n; i++) core[fn](report); }, [FN, +CALLS]);
const { profile } = await cdp.send('Profiler.stop');
writeFileSync(OUT, JSON.stringify(profile));
await browser.close(); server.close();
