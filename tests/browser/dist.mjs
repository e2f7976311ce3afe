// Helpers for the tests of the build (dist/, written by `node scripts/build.mjs`; scripts/test.sh
// builds it before the browser tests).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

/** Fails the test with a clear message when there is no build. */
export function requireDist() {
  if (!existsSync(`${DIST}sw.js`) || !existsSync(`${DIST}fazhi-analyzer.html`)) {
    throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does)');
  }
}

/** The build's service-worker settings: { version, files }. */
export function buildInfo() {
  const m = readFileSync(`${DIST}sw.js`, 'utf8').match(/^const BUILD = (\{.*\});$/m);
  if (!m) throw new Error('dist/sw.js has no BUILD line');
  return JSON.parse(m[1]);
}

/** The core's result computed in Node (target/pkg-node, from scripts/build-wasm.sh), independent of the browser. */
export function nodeAnalyze(text) {
  const require = createRequire(import.meta.url);
  return require('../../target/pkg-node/fazhi_analyzer.js').analyze(text);
}

/** Stop a server made by serve(), dropping open keep-alive connections. */
export function stop(server) {
  server.closeAllConnections?.();
  return new Promise((ok) => server.close(() => ok()));
}
