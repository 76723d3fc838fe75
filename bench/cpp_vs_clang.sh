#!/usr/bin/env bash
# Time `hookguard scan` on one cpp-httplib handler file against `clang++ -fsyntax-only` with
# the flags hookguard uses for a file outside any compile database, in the same run, and
# print the ratio (goal: at most 1.2).
#
#   bench/cpp_vs_clang.sh [HOOKGUARD_BINARY] [FILE] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hookguard="${1:-$root/build/hookguard}"
file="${2:-$root/samples/cpp/httplib_hardened.cpp}"
runs="${3:-10}"
clang="$(command -v clang++-14 || command -v clang++ || true)"
[[ -x $hookguard ]] || { echo "no hookguard binary at $hookguard (build first)" >&2; exit 2; }
[[ -n $clang ]] || { echo "clang++-14 not found (apt-get install clang-14)" >&2; exit 2; }
[[ -f $file ]] || { echo "$file: no such file" >&2; exit 2; }

# Best of N wall-clock milliseconds: the least disturbed run is the closest to the cost.
best_ms() {
  local best=""
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    local ms=$(((end - start) / 1000000))
    if [[ -z $best || $ms -lt $best ]]; then best=$ms; fi
  done
  echo "$best"
}

clang_ms=$(best_ms "$clang" -fsyntax-only -std=c++17 -w "$file")
hookguard_ms=$(best_ms "$hookguard" scan --fail-on never --format json "$file")
ratio=$(awk -v a="$hookguard_ms" -v b="$clang_ms" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }')
printf 'file:               %s (%s lines)\n' "${file#"$root"/}" "$(wc -l <"$file")"
printf 'clang++ -fsyntax-only: %6d ms (best of %d)\n' "$clang_ms" "$runs"
printf 'hookguard scan:        %6d ms (best of %d)\n' "$hookguard_ms" "$runs"
printf 'ratio hookguard/clang: %s (goal <= 1.2)\n' "$ratio"
