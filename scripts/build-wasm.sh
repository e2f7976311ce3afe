#!/usr/bin/env bash
# Builds the core to WebAssembly: www/pkg (for the page, ES module) and target/pkg-node (for Node tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The small regex engine (the `lite` feature) and the size-optimised `wasm` profile (Cargo.toml): the
# shipped size target of issue 12 (docs/performance.md, "wasm size with regex-lite").
cargo build --quiet --profile wasm --features lite --lib --target wasm32-unknown-unknown
wasm=target/wasm32-unknown-unknown/wasm/fazhi_analyzer.wasm
# No name section: function names are for debuggers, and they were a tenth of the shipped bytes.
wasm-bindgen --target web --remove-name-section --out-dir www/pkg "$wasm"
wasm-bindgen --target nodejs --out-dir target/pkg-node "$wasm"
# The nodejs target is CommonJS; the project root says "type": "module".
echo '{ "type": "commonjs" }' > target/pkg-node/package.json
echo "build-wasm: www/pkg/fazhi_analyzer_bg.wasm $(( $(stat -c %s www/pkg/fazhi_analyzer_bg.wasm) / 1024 )) KiB"
