#!/usr/bin/env bash
# Builds the core to WebAssembly, two modules (Cargo.toml, the wasm profiles), for the page (www/pkg,
# ES modules) and for Node tests (target/pkg-node):
#   fazhi_analyzer        the analysis (analyze, analyzeJson, formatVersion): what the page, the
#                         widget and the data-only API load; opt-level 3 with wasm SIMD
#   fazhi_analyzer_batch  everything, with the batch calls (registerTables, compareReports,
#                         linkBatch): fetched by www/fazhi-analyzer.js at the first batch call, and
#                         in place of the first where a browser lacks wasm SIMD; size-optimised
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The analysis at opt-level 3, one codegen unit, with wasm SIMD (memchr's searches and LLVM's loops;
# Chromium 91, Firefox 89, Safari 16.4): 1.8× the speed of the size-optimised build, inside the size
# target once the batch calls are left out (docs/performance.md, "size (7 Dec, sixth pass)"). LLVM's
# inline threshold at 100 instead of opt-level 3's 225: 3 KB of brotli less, no slower (a Cargo
# profile cannot set it).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-C target-feature=+simd128 -C llvm-args=-inline-threshold=100' \
  cargo build --quiet --profile wasm --features lite --lib --target wasm32-unknown-unknown
# Everything at opt-level "z" without SIMD (runs anywhere): the smallest build, since the batch
# calls' input types make it the larger module (its inline threshold at 40, as the single wasm had
# it, was a fifth faster and 5 KB larger: too close to the target). Its own profile, so each build
# keeps its own flags' cache.
cargo build --quiet --profile wasm-batch --features lite,wasm-batch --lib --target wasm32-unknown-unknown
for build in wasm:fazhi_analyzer wasm-batch:fazhi_analyzer_batch; do
  wasm=target/wasm32-unknown-unknown/${build%%:*}/fazhi_analyzer.wasm
  # No name section: function names are for debuggers, and they were a tenth of the shipped bytes.
  wasm-bindgen --target web --remove-name-section --out-name "${build#*:}" --out-dir www/pkg "$wasm"
  wasm-bindgen --target nodejs --out-name "${build#*:}" --out-dir target/pkg-node "$wasm"
done
# The nodejs target is CommonJS; the project root says "type": "module".
echo '{ "type": "commonjs" }' > target/pkg-node/package.json
# Raw, and compressed as a server sends it: issue 12's target is at most 250 KB brotli and 330 KB gzip
# (docs/performance.md, "size (7 Dec, sixth pass)").
node -e '
const z = require("zlib");
for (const f of process.argv.slice(1)) {
  const b = require("fs").readFileSync(f);
  const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gz = z.gzipSync(b, { level: 9 }).length;
  console.log(`build-wasm: ${f} ${Math.round(b.length / 1024)} KiB; ${gz} B gzip -9, ${br} B brotli -q 11 (target <= 330,000 and <= 250,000)`);
  if (gz > 330000 || br > 250000) console.log(`build-wasm: ${f} is OVER the size target (issue 12): see docs/performance.md, "size (7 Dec, sixth pass)", for the levers`);
}
' www/pkg/fazhi_analyzer_bg.wasm www/pkg/fazhi_analyzer_batch_bg.wasm
