// A/B of two dist/ builds in one Chromium page, by the renderer main thread's CPU time (trace
// events' tdur), so that other processes' load on a busy machine matters less than for wall
// time (issue 12's Chromium figures). Each task runs 10 warm calls of one build; tasks
// alternate A, B; 60 of each.
// Usage: node scripts/wasm-ab.mjs DIST_A DIST_B [REPORT] [analyzeJson|analyze]
// (DIST as `node scripts/build.mjs` leaves dist/; REPORT by default the bench's 30 KB report).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
const [A, B, REPORT = 'target/bench/report-30KB.txt', FN = 'analyzeJson'] = process.argv.slice(2);
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain' };
const server = createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  if (p === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>b</title>');
  const f = p === '/report.txt' ? REPORT : p.startsWith('/a/') ? join(A, p.slice(3)) : join(B, p.slice(3));
  if (!existsSync(f)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(f)] ?? 'application/octet-stream' }).end(readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(origin + '/');
await page.evaluate(async () => {
  window.report = await (await fetch('/report.txt')).text();
  window.cores = {};
  for (const k of ['a', 'b']) {
    cores[k] = await import(`/${k}/pkg/fazhi_analyzer.js`);
    await cores[k].default({ module_or_path: `/${k}/pkg/fazhi_analyzer_bg.wasm` });
    for (let i = 0; i < 80; i++) cores[k].analyze(report);
  }
  window.same = cores.a.analyzeJson(report) === cores.b.analyzeJson(report);
});
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'] });
const ROUNDS = 60, CALLS = 10;
await page.evaluate(async ([fn, rounds, calls]) => {
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? ['a', 'b'] : ['b', 'a']) {
      await new Promise((ok) => setTimeout(() => {
        console.timeStamp(`ab-${k}`);
        for (let i = 0; i < calls; i++) cores[k][fn](report);
        ok();
      }, 0));
    }
  }
}, [FN, ROUNDS, CALLS]);
const trace = JSON.parse((await browser.stopTracing()).toString());
const events = trace.traceEvents;
// The task that ran a batch is the RunTask event (thread time tdur) containing the TimeStamp.
const stamps = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('ab-'));
const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tdur);
const cpu = { a: [], b: [] }, wall = { a: [], b: [] };
for (const s of stamps) {
  const t = tasks.find((x) => x.pid === s.pid && x.tid === s.tid && x.ts <= s.ts && s.ts <= x.ts + x.dur);
  if (!t) continue;
  const k = s.args.data.message.slice(3);
  cpu[k].push(t.tdur / 1000 / CALLS); wall[k].push(t.dur / 1000 / CALLS);
}
const st = (v) => { v.sort((x, y) => x - y); return `min ${v[0].toFixed(3)} p25 ${v[v.length >> 2].toFixed(3)} med ${v[v.length >> 1].toFixed(3)} (n ${v.length})`; };
console.log({ fn: FN, sameJson: await page.evaluate(() => window.same), 'a cpu': st(cpu.a), 'b cpu': st(cpu.b), 'a wall': st(wall.a), 'b wall': st(wall.b) });
await browser.close(); server.close();
