#!/usr/bin/env bash
# Builds the core to WebAssembly: www/pkg (for the page, ES module) and target/pkg-node (for Node tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The small regex engine (the `lite` feature) and the size-optimised `wasm` profile (Cargo.toml): the
# shipped size target of issue 12 (docs/performance.md, "wasm size with regex-lite"). LLVM's inline
# threshold at 40 instead of opt-level "z"'s 25: a fifth less CPU time for 5 KB of brotli, inside the
# target ("The wasm's sorts shared, its inputs as JSON"; a Cargo profile cannot set it).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-C llvm-args=-inline-threshold=40' \
  cargo build --quiet --profile wasm --features lite --lib --target wasm32-unknown-unknown
wasm=target/wasm32-unknown-unknown/wasm/fazhi_analyzer.wasm
# No name section: function names are for debuggers, and they were a tenth of the shipped bytes.
wasm-bindgen --target web --remove-name-section --out-dir www/pkg "$wasm"
wasm-bindgen --target nodejs --out-dir target/pkg-node "$wasm"
# The nodejs target is CommonJS; the project root says "type": "module".
echo '{ "type": "commonjs" }' > target/pkg-node/package.json
# Raw, and compressed as a server sends it: issue 12's target is at most 250 KB brotli and 330 KB gzip
# (docs/performance.md, "wasm size with regex-lite"; a few KB of margin as of 7 Dec).
node -e '
const b = require("fs").readFileSync(process.argv[1]), z = require("zlib");
const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`build-wasm: www/pkg/fazhi_analyzer_bg.wasm ${Math.round(b.length / 1024)} KiB; ${z.gzipSync(b, { level: 9 }).length} B gzip -9, ${br} B brotli -q 11 (target <= 330,000 and <= 250,000)`);
' www/pkg/fazhi_analyzer_bg.wasm
