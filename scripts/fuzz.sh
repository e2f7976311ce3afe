#!/usr/bin/env bash
# Run the cargo-fuzz targets (fuzz/fuzz_targets/) for a given time, seeded with the fixtures.
#
#   npm run fuzz -- 10m          # every target, 10 minutes each (also 90, 90s, 2h)
#   FUZZ_TARGETS=analyze npm run fuzz -- 1h
#   FUZZ_MAX_LEN=512 FUZZ_NICE=5 …    # longest input (bytes; default 2048), nice level (default 10)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). The corpus grows in
# fuzz/corpus/TARGET; a failure is written to fuzz/artifacts/TARGET/ and stops the run (exit ≠ 0):
# turn it into a regression test (tests/fuzz_regressions.rs). docs/reliability.md says how the
# long run was done.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

duration=${1:-60}
case "$duration" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac
targets=${FUZZ_TARGETS:-analyze decode}

# Seeds: the fixtures cut at line ends into pieces of at most 2 KB (the inputs stay small, so
# executions stay fast). The decode target reads its first byte as the kind of file
# ('0' .html, '1' .docx, else plain text), so its seeds carry that byte.
seeds=fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds/analyze" "$seeds/decode"
for f in tests/fixtures/*.txt tests/golden/inputs/*.txt tests/browser/fixtures/excerpt.txt; do
  split -C 2000 -d -a 3 "$f" "$seeds/analyze/$(basename "$f" .txt)-"
done
for f in "$seeds"/analyze/*; do
  { printf 2; cat "$f"; } > "$seeds/decode/$(basename "$f")"
done
for f in tests/browser/fixtures/report-gbk.txt tests/browser/fixtures/report-utf16.txt tests/browser/fixtures/batch-junk.bin; do
  { printf 2; head -c 4000 "$f"; } > "$seeds/decode/$(basename "$f")"
done
{ printf 0; head -c 4000 tests/browser/fixtures/report.html; } > "$seeds/decode/report.html"
{ printf 1; cat tests/browser/fixtures/report.docx; } > "$seeds/decode/report.docx"

for target in $targets; do
  mkdir -p "fuzz/corpus/$target"
  echo "== fuzz $target for ${seconds}s"
  # -s none: the core is safe Rust, so the address sanitizer would find nothing the panics and
  # invariant checks do not, at half the speed; -a keeps debug assertions (overflow checks) on.
  (cd fuzz && nice -n "${FUZZ_NICE:-10}" cargo +nightly fuzz run -s none -a -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-2048}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
done
