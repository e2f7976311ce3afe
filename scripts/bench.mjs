#!/usr/bin/env node
// `npm run bench`: the core's speed and size side by side, on one text (docs/performance.md).
//
//   native      the release CLI on the 10 MiB mix (wall, user CPU, peak RSS by /usr/bin/time -v); the
//               30 KB report's warm call in-process (examples/warm_call.rs: what the wasm's analyzeJson does)
//   gzip -1     compressing the same file, and the ratio
//   callgrind   instructions of both on the 1 MiB mix (10 MiB takes minutes under valgrind), and of
//               one warm call on the 30 KB report
//   wasm/node   dist/pkg as shipped: compile + instantiate, first call, warm (30 KB report, 10 MiB mix)
//   wasm/chromium  the same in headless /usr/bin/chromium (playwright-core), the page's way
//   sizes       dist/pkg/fazhi_analyzer_bg.wasm raw / gzip -9 / brotli -q 11
//   JioNLP, Recognizers-Text   their throughput on the same text, when installed (pip / npm --no-save; not dependencies)
//
// The texts: the seeds of tests/fixtures one after another, repeated to 10 MiB (as benches/analyze.rs
// builds them) and to 1 MiB; the 30 KB report is seed 003. Written to target/bench/.
// Options: --no-build (use the existing target/release and dist/), --quick (skip callgrind and the
// 10 MiB runs in wasm), --runs N (native and gzip repetitions, default 3; the best is shown).

import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const OUT = join(ROOT, 'target/bench');
const CLI = join(ROOT, 'target/release/fazhi-analyzer');
const WARM = join(ROOT, 'target/release/examples/warm_call');
const DIST_PKG = join(ROOT, 'dist/pkg');
const MiB = 1024 * 1024;

const say = (s) => console.log(s);
const fmt = (n, d = 1) => n.toFixed(d);
const mibps = (bytes, ms) => `${fmt(bytes / MiB / (ms / 1000))} MiB/s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// --- build -------------------------------------------------------------------------------------
if (!args.includes('--no-build')) {
  say('bench: building (release CLI, wasm, dist/)…');
  const run = (cmd, a) => execFileSync(cmd, a, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  run('cargo', ['build', '--quiet', '--release', '--bin', 'fazhi-analyzer', '--example', 'warm_call']);
  run('bash', ['scripts/build-wasm.sh']);
  run('node', ['scripts/build.mjs']);
}
for (const f of [CLI, WARM, join(DIST_PKG, 'fazhi_analyzer_bg.wasm')]) {
  if (!existsSync(f)) throw new Error(`bench: ${f} is missing (run without --no-build)`);
}

// --- texts -------------------------------------------------------------------------------------
mkdirSync(OUT, { recursive: true });
const seeds = readdirSync(join(ROOT, 'tests/fixtures'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(join(ROOT, 'tests/fixtures', n), 'utf8'));
function mix(bytes) {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    for (const s of seeds) {
      parts.push(s, '\n');
      size += Buffer.byteLength(s) + 1;
    }
  }
  return parts.join('');
}
const TEXTS = { big: join(OUT, 'mix-10MiB.txt'), small: join(OUT, 'mix-1MiB.txt'), report: join(OUT, 'report-30KB.txt') };
writeFileSync(TEXTS.big, mix(10 * MiB));
writeFileSync(TEXTS.small, mix(MiB));
writeFileSync(TEXTS.report, seeds[3]);
const size = (f) => statSync(f).size;
say(`bench: texts ${TEXTS.big} (${size(TEXTS.big)} B), ${TEXTS.small} (${size(TEXTS.small)} B), ${TEXTS.report} (${size(TEXTS.report)} B)`);
say(`bench: machine ${execFileSync('nproc').toString().trim()} cores, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

// --- native and gzip -1 ------------------------------------------------------------------------
/** One run under /usr/bin/time -v: wall and user+sys seconds, peak RSS in KiB. */
function timed(cmd, cmdArgs) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...cmdArgs], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MiB });
  if (r.status !== 0) throw new Error(`bench: ${cmd} failed: ${r.stderr}`);
  const err = r.stderr.toString();
  const field = (name) => err.match(new RegExp(`${name}: (.*)`))?.[1];
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2).map(Number);
  return { wall: m * 60 + s, cpu: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')), rss: Number(field('Maximum resident set size \\(kbytes\\)')) };
}
function best(cmd, cmdArgs) {
  const runs = Array.from({ length: RUNS }, () => timed(cmd, cmdArgs));
  return { wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)), rss: Math.max(...runs.map((r) => r.rss)) };
}
const bigBytes = size(TEXTS.big);
const native = best(CLI, [TEXTS.big]);
// The process's own memory (binary, libraries, thread stacks): the CLI on a one-line text.
const ONE_LINE = join(OUT, 'one-line.txt');
writeFileSync(ONE_LINE, '一、总体情况\n');
const fixed = best(CLI, [ONE_LINE]);
/** The best wall time of `n` runs, in ms (hrtime: /usr/bin/time counts hundredths of a second). */
function bestWallMs(cmd, cmdArgs, n = 20) {
  let fastest = Infinity;
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, cmdArgs, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`bench: ${cmd} failed`);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}
const reportMs = bestWallMs(CLI, [TEXTS.report]);
const oneLineMs = bestWallMs(CLI, [ONE_LINE]);
const gzip = best('gzip', ['-1', '-c', '-k', TEXTS.big]);
say('');
say(`native  (release CLI, 10 MiB mix, best of ${RUNS}; includes reading the file and writing the JSON)`);
say(`  wall ${fmt(native.wall, 2)} s, CPU ${fmt(native.cpu, 2)} s  → ${mibps(bigBytes, native.cpu * 1000)} (CPU)`);
say(`  peak RSS ${fmt(native.rss / 1024)} MiB = ${fmt((native.rss * 1024) / bigBytes, 2)} × the input; ` +
  `${fmt(((native.rss - fixed.rss) * 1024) / bigBytes, 2)} × the input + ${fmt(fixed.rss / 1024)} MiB (the CLI on a one-line text)`);
say(`  30 KB report: ${fmt(reportMs, 1)} ms wall for the whole process, ${fmt(reportMs - oneLineMs, 2)} ms more than on a one-line ` +
  `text (best of 20; the difference includes compiling the patterns a one-line text never reaches)`);
// The warm call in-process (validate, analyse, write the JSON: the wasm's analyzeJson natively).
const nativeWarm = JSON.parse(execFileSync(WARM, [TEXTS.report, '40', '40']).toString());
say(`  30 KB report, warm in-process: ${fmt(nativeWarm.medianMs, 2)} ms (median of 40 after 40; examples/warm_call.rs)`);
say(`gzip -1 (same file): wall ${fmt(gzip.wall, 2)} s, CPU ${fmt(gzip.cpu, 2)} s → analyzer / gzip = ${fmt(native.cpu / gzip.cpu, 2)} × (CPU)`);

if (!QUICK) {
  const callgrind = (cmd, cmdArgs) => {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', cmd, ...cmdArgs], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MiB });
    const n = r.stderr.toString().match(/Collected : (\d+)/);
    if (!n) throw new Error(`bench: callgrind ${cmd}: ${r.stderr}`);
    return Number(n[1]);
  };
  if (spawnSync('valgrind', ['--version']).status === 0) {
    const ours = callgrind(CLI, [TEXTS.small]);
    const theirs = callgrind('gzip', ['-1', '-c', '-k', TEXTS.small]);
    say(`callgrind (1 MiB mix): analyzer ${(ours / 1e6).toFixed(0)} M instructions, gzip -1 ${(theirs / 1e6).toFixed(0)} M → ${fmt(ours / theirs, 2)} ×`);
    // One warm call: eleven calls less one (the first compiles the patterns), a tenth of it.
    const perCall = (callgrind(WARM, [TEXTS.report, '0', '11']) - callgrind(WARM, [TEXTS.report, '0', '1'])) / 10;
    say(`callgrind (30 KB report, one warm call): ${fmt(perCall / 1e6, 2)} M instructions`);
  } else say('callgrind: skipped (valgrind not installed)');
}

// --- sizes -------------------------------------------------------------------------------------
const wasmBytes = readFileSync(join(DIST_PKG, 'fazhi_analyzer_bg.wasm'));
const gz = gzipSync(wasmBytes, { level: 9 }).length;
const br = brotliCompressSync(wasmBytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: wasmBytes.length } }).length;
const kb = (n) => `${n} B (${fmt(n / 1000, 0)} kB)`;
say('');
say(`wasm as shipped (dist/pkg/fazhi_analyzer_bg.wasm): raw ${kb(wasmBytes.length)}, gzip -9 ${kb(gz)}, brotli -q 11 ${kb(br)}`);

// --- wasm in node --------------------------------------------------------------------------------
// A child process per run, so that compile and first call are really the first.
const NODE_CHILD = `
  const { readFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const [pkg, reportFile, bigFile, quick] = process.argv.slice(1);
  const core = await import(pathToFileURL(pkg + '/fazhi_analyzer.js').href);
  const bytes = readFileSync(pkg + '/fazhi_analyzer_bg.wasm');
  const report = readFileSync(reportFile, 'utf8');
  let t = performance.now();
  core.initSync({ module: new WebAssembly.Module(bytes) });
  const instantiate = performance.now() - t;
  t = performance.now(); core.analyze(report); const first = performance.now() - t;
  // Warm means after V8's tier-up: it optimises a wasm function only once it has run hot, in the
  // background, so the calls right after the first still run partly baseline code.
  for (let i = 0; i < 40; i++) core.analyze(report);
  const warm = [];
  for (let i = 0; i < 40; i++) { t = performance.now(); core.analyze(report); warm.push(performance.now() - t); }
  warm.sort((a, b) => a - b);
  // CPU time too (process.cpuUsage): on a loaded machine the wall clock mostly measures waiting.
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let c = cpu();
  for (let i = 0; i < 40; i++) core.analyze(report);
  const warmCpu = (cpu() - c) / 40;
  let big = null, bigCpu = null;
  if (quick !== 'quick') {
    const text = readFileSync(bigFile, 'utf8');
    const runs = [], cpus = [];
    for (let i = 0; i < 2; i++) { t = performance.now(); c = cpu(); core.analyzeJson(text); runs.push(performance.now() - t); cpus.push(cpu() - c); }
    big = Math.min(...runs);
    bigCpu = Math.min(...cpus);
  }
  console.log(JSON.stringify({ instantiate, first, warm: warm[20], warmCpu, big, bigCpu }));
`;
const nodeRun = JSON.parse(
  execFileSync(process.execPath, ['--input-type=module', '-e', NODE_CHILD, DIST_PKG, TEXTS.report, TEXTS.big, QUICK ? 'quick' : ''], { maxBuffer: 64 * MiB }).toString(),
);
say(`wasm in node ${process.version}: compile + instantiate ${fmt(nodeRun.instantiate)} ms, first 30 KB ${fmt(nodeRun.first)} ms, ` +
  `warm 30 KB ${fmt(nodeRun.warm, 2)} ms wall (median of 40 after 40), ${fmt(nodeRun.warmCpu, 2)} ms CPU (mean of 40)` +
  (nodeRun.big ? `; 10 MiB ${fmt(nodeRun.big / 1000, 2)} s wall, ${fmt(nodeRun.bigCpu / 1000, 2)} s CPU (${mibps(bigBytes, nodeRun.bigCpu)}; ${fmt(nodeRun.bigCpu / 1000 / native.cpu, 2)} × native CPU)` : ''));

// --- wasm in Chromium ----------------------------------------------------------------------------
async function chromiumRun() {
  const require = createRequire(import.meta.url);
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    return say('wasm in Chromium: skipped (playwright-core is not installed: npm ci)');
  }
  if (!existsSync('/usr/bin/chromium')) return say('wasm in Chromium: skipped (/usr/bin/chromium missing)');
  const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path === '/' ? null : path.startsWith('/bench/') ? join(OUT, path.slice(7)) : join(ROOT, 'dist', path);
    if (!file) return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const figures = [];
    for (let i = 0; i < 3; i++) {
      // A new context per run: nothing compiled or cached from the run before.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      figures.push(
        await page.evaluate(async (quick) => {
          const report = await (await fetch('/bench/report-30KB.txt')).text();
          let t = performance.now();
          const core = await import('/pkg/fazhi_analyzer.js');
          await core.default({ module_or_path: '/pkg/fazhi_analyzer_bg.wasm' });
          const instantiate = performance.now() - t;
          t = performance.now();
          core.analyze(report);
          const first = performance.now() - t;
          // After V8's tier-up (as in node above): 40 calls untimed, then a pause for its
          // background compilation to finish.
          for (let k = 0; k < 40; k++) core.analyze(report);
          await new Promise((ok) => setTimeout(ok, 200));
          const warm = [];
          for (let k = 0; k < 40; k++) {
            t = performance.now();
            core.analyze(report);
            warm.push(performance.now() - t);
          }
          warm.sort((a, b) => a - b);
          // analyzeJson alone (the JSON text, not yet an object): the mean of 40, the clock's
          // 0.1 ms steps being too coarse for one call.
          t = performance.now();
          for (let k = 0; k < 40; k++) core.analyzeJson(report);
          const warmJson = (performance.now() - t) / 40;
          let big = null;
          if (!quick) {
            const text = await (await fetch('/bench/mix-10MiB.txt')).text();
            const runs = [];
            for (let k = 0; k < 2; k++) {
              t = performance.now();
              core.analyzeJson(text);
              runs.push(performance.now() - t);
            }
            big = Math.min(...runs);
          }
          return { instantiate, first, warm: warm[20], warmJson, big };
        }, QUICK || i > 0),
      );
      await context.close();
    }
    const f = (k) => median(figures.map((x) => x[k]));
    const big = figures[0].big;
    say(`wasm in Chromium ${browser.version()} (wall, median of 3 fresh pages): fetch + compile + instantiate ${fmt(f('instantiate'))} ms, ` +
      `first 30 KB ${fmt(f('first'))} ms (together ${fmt(f('instantiate') + f('first'))} ms), warm 30 KB ${fmt(f('warm'), 2)} ms (median of 40 after 40; ` +
      `analyzeJson alone ${fmt(f('warmJson'), 2)} ms, ${fmt(f('warmJson') / nativeWarm.medianMs, 2)} × native in-process)` +
      (big ? `, 10 MiB ${fmt(big / 1000, 2)} s (${mibps(bigBytes, big)}; ${fmt(big / 1000 / native.wall, 2)} × native wall)` : '') +
      ' — wall clock only: compare it with native wall on a quiet machine');
    await chromiumCpuRun(browser, origin);
    await pageWorkerRun(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
}
// The warm 30 KB call by the renderer main thread's CPU time: each task of 10 calls read from a
// trace (RunTask's thread duration, tdur). Wall time on a shared two-core machine counts the
// other processes' turns too; CPU time barely does (scripts/wasm-ab.mjs compares two builds so).
async function chromiumCpuRun(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(async () => {
    window.report = await (await fetch('/bench/report-30KB.txt')).text();
    window.core = await import('/pkg/fazhi_analyzer.js');
    await core.default({ module_or_path: '/pkg/fazhi_analyzer_bg.wasm' });
    for (let k = 0; k < 80; k++) core.analyze(report);
    await new Promise((ok) => setTimeout(ok, 200));
  });
  const CALLS = 10;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  await page.evaluate(async (calls) => {
    for (let r = 0; r < 60; r++) {
      for (const f of ['analyzeJson', 'analyze']) {
        await new Promise((ok) => setTimeout(() => {
          console.timeStamp(`bench-${f}`);
          for (let k = 0; k < calls; k++) core[f](report);
          ok();
        }, 0));
      }
    }
  }, CALLS);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tdur);
  const cpu = { analyzeJson: [], analyze: [] };
  for (const s of events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('bench-'))) {
    const task = tasks.find((x) => x.pid === s.pid && x.tid === s.tid && x.ts <= s.ts && s.ts <= x.ts + x.dur);
    if (task) cpu[s.args.data.message.slice(6)].push(task.tdur / 1000 / CALLS);
  }
  if (!cpu.analyzeJson.length) return say('wasm in Chromium, CPU time: skipped (no thread times in the trace)');
  say(`wasm in Chromium, renderer thread CPU time (median of 60 tasks of ${CALLS} calls): warm 30 KB analyzeJson ` +
    `${fmt(median(cpu.analyzeJson), 3)} ms (${fmt(median(cpu.analyzeJson) / nativeWarm.medianMs, 2)} × native in-process wall), ` +
    `analyze ${fmt(median(cpu.analyze), 3)} ms`);
}

// The page as a reader meets it (dist/index.html, its analysis worker, which starts at load and
// warms up: www/worker.js): the 30 KB report analysed at once after navigation, and 3 s later
// (the reader still choosing a text), then warm. Service workers blocked: nothing precached.
async function pageWorkerRun(browser, origin) {
  const report = readFileSync(TEXTS.report, 'utf8');
  const runs = { 0: [], 3000: [] };
  for (let i = 0; i < 3; i++) {
    for (const wait of [0, 3000]) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${origin}/index.html`);
      runs[wait].push(
        await page.evaluate(async ({ report, wait }) => {
          const client = await import('/analyzer-client.js');
          await new Promise((ok) => setTimeout(ok, wait));
          let t = performance.now();
          await client.analyze(report);
          const first = performance.now() - t;
          const sinceNavigation = performance.now();
          const warm = [];
          for (let k = 0; k < 9; k++) {
            t = performance.now();
            await client.analyze(report);
            warm.push(performance.now() - t);
          }
          warm.sort((a, b) => a - b);
          return { first, sinceNavigation, warm: warm[4] };
        }, { report, wait }),
      );
      await context.close();
    }
  }
  const m = (wait, k) => median(runs[wait].map((x) => x[k]));
  say(`the page's worker in Chromium (wall, median of 3 fresh pages; includes posting the text and the result): ` +
    `30 KB pasted at load: result ${fmt(m(0, 'sinceNavigation'))} ms after navigation (the analysis ${fmt(m(0, 'first'))} ms); ` +
    `pasted 3 s after load: first ${fmt(m(3000, 'first'))} ms, warm ${fmt(m(3000, 'warm'), 1)} ms`);
}
await chromiumRun();

// --- other libraries, where installed ------------------------------------------------------------
say('');
const SMALL = readFileSync(TEXTS.small, 'utf8');
const py = spawnSync('python3', ['-c', `
import sys, time
try:
    import jionlp as jio
except Exception as e:
    print('skip', type(e).__name__); sys.exit(0)
text = open(sys.argv[1], encoding='utf-8').read()
extract = getattr(getattr(jio, 'ner', jio), 'extract_money', None) or jio.extract_money
t = time.process_time(); found = 0
for line in text.split('\\n'):
    if line: found += len(extract(line))
print('ok', time.process_time() - t, found)
`, TEXTS.small], { maxBuffer: 16 * MiB });
const pyOut = (py.stdout ?? '').toString().trim().split('\n').pop() ?? '';
if (pyOut.startsWith('ok')) {
  const [, secs, found] = pyOut.split(' ');
  say(`JioNLP extract_money (1 MiB mix, line by line, CPU): ${fmt(Number(secs), 2)} s → ${mibps(size(TEXTS.small), Number(secs) * 1000)}, ${found} amounts`);
} else say(`JioNLP: skipped (not installed: pip install jionlp) ${pyOut}`);

try {
  const require = createRequire(join(ROOT, 'package.json'));
  const suite = require('@microsoft/recognizers-text-suite');
  const sample = SMALL.slice(0, 100_000);
  const t = performance.now();
  let found = 0;
  for (const line of sample.split('\n')) if (line) found += suite.recognizeNumber(line, suite.Culture.Chinese).length;
  const ms = performance.now() - t;
  say(`Recognizers-Text recognizeNumber (first 100,000 characters of the mix, Chinese): ${fmt(ms / 1000, 2)} s → ${mibps(Buffer.byteLength(sample), ms)}, ${found} numbers`);
} catch (e) {
  say(`Recognizers-Text: skipped (not installed: npm i --no-save @microsoft/recognizers-text-suite) ${e.code ?? ''}`);
}
