#!/usr/bin/env bash
# Builds the libFuzzer target (YusuanCore with coverage, Fuzz/LibFuzzTarget.swift) and runs it.
#   Fuzz/libfuzz.sh SECONDS [extra libFuzzer flags]   (SECONDS=0: build only)
# New inputs go to a scratch corpus; Fuzz/corpus (small files, kept in git) seeds it.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-60}; shift || true
scratch=.build/libfuzz
swift build -c release --target YusuanCore --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing >&2
bin="$scratch/release"
mkdir -p "$scratch/out"
swiftc -O -sanitize=fuzzer -parse-as-library -I "$bin/Modules" -I "$bin" \
  Fuzz/LibFuzzTarget.swift "$bin"/YusuanCore.build/*.o -o "$scratch/yusuan-libfuzz"
[ "$budget" = 0 ] && exit 0
work="$scratch/corpus"
mkdir -p "$work" "$scratch/artifacts"
# -rss_limit_mb guards bloat; -timeout (s, per input) guards hangs: a crash, a leak report or an
# input past it fails the run. The timeout is wall time, so it is generous: an input takes well
# under 1 s (0.17 s CPU for the slowest kept), but a loaded or niced machine once made one look
# like >10 s. Speed is measured by `yusuan bench` and Tests' growth cases, not here.
"$scratch/yusuan-libfuzz" "$work" Fuzz/corpus -max_total_time="$budget" -max_len=65536 -timeout=120 \
  -rss_limit_mb=2048 -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 "$@"
