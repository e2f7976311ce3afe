#!/usr/bin/env bash
# Installs what a fresh machine lacks, and nothing else: safe to run again and again.
# Run by `npm start` and `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must match the library version pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the pinned wasm-bindgen version from Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: one of its lock-file dependencies is newer than the registry index here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The page's small npm libraries, copied into www/vendor/ (served and built like the page's own
# modules; each a single ES module or script without imports): fflate (reads .zip), idb (the
# workspace in IndexedDB), write-excel-file (the register's .xlsx), @preact/signals-core (the store
# of the page and the widget: signals, computed values and effects).
mkdir -p www/vendor
cp node_modules/fflate/esm/browser.js www/vendor/fflate.js
cp node_modules/idb/build/index.js www/vendor/idb.js
sed '/sourceMappingURL/d' node_modules/write-excel-file/bundle/write-excel-file.min.js > www/vendor/write-excel-file.js
# (one line of minified code: only its source-map comment is cut)
sed 's#//\# sourceMappingURL=.*##' node_modules/@preact/signals-core/dist/signals-core.mjs > www/vendor/signals-core.js
