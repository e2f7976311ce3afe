#!/usr/bin/env bash
# Every test: Rust (unit, integration, schema), wasm ↔ CLI parity, browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
echo "== Rust tests"
cargo test --quiet 2>&1
echo "== WebAssembly build"
bash scripts/build-wasm.sh
echo "== Static build (dist/: page, widget, service worker, single file)"
node scripts/build.mjs
cargo build --quiet --bin fazhi-analyzer
echo "== Parity: wasm and CLI"
node --test tests/node/
echo "== Browser tests (Debian chromium, headless)"
npx playwright test
