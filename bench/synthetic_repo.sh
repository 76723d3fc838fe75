#!/usr/bin/env bash
# A full scan of a synthetic Flask repository (bench/gen_flask_repo.py: MODULES route modules
# with cross-module helpers and decorators) and the latency of scanning one changed file as
# pre-commit does (the file named alone, with its directory's modules read for context).
# Goals: the single file <= 30 ms; the full scan >= 1.8x faster on 2 threads than on 1; the
# SARIF log byte-identical across thread counts and runs (checked here, not timed).
#
#   bench/synthetic_repo.sh [MODULES] [RUNS]
# Environment: HOOKGUARD (default build/hookguard).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
modules="${1:-2000}"
runs="${2:-5}"
hookguard="${HOOKGUARD:-$root/build/hookguard}"
[[ -x $hookguard ]] || { echo "no hookguard binary at $hookguard (build first)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time not found: run tools/hookguard-dev bench" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_flask_repo.py" "$work" "$modules"
changed="$work/repo/features/p$(printf '%02d' $(((modules / 2) / 100)))/m$(printf '%04d' $((modules / 2))).py"
printf 'repository: %d modules, %d .py files, %d lines; %d runs each, %d CPUs\n' "$modules" \
  "$(find "$work" -name '*.py' | wc -l)" "$(cat $(find "$work" -name '*.py') | wc -l)" "$runs" "$(nproc)"
"$hookguard" scan "$work" --fail-on never -o /dev/null 2>&1 | tail -n 1 || true

measure full "$runs" "$hookguard" scan "$work" --format json --fail-on never --quiet
measure one_thread "$runs" "$hookguard" scan "$work" --format json --fail-on never --quiet -j 1
measure single "$((runs * 2 + 1))" "$hookguard" scan "$changed" --format json --fail-on never --quiet

printf '%-32s %9s %9s %9s\n' "median" "wall ms" "CPU ms" "peak MB"
row() { printf '%-32s %9d %9d %9d %s\n' "$1" "$2" "$3" "$(($4 / 1024))" "${5:-}"; }
row "full scan (-j $(nproc))" "$full_ms" "$full_cpu" "$full_kb"
row "full scan (-j 1)" "$one_thread_ms" "$one_thread_cpu" "$one_thread_kb"
row "one changed file alone" "$single_ms" "$single_cpu" "$single_kb" "(goal <= 30 ms)"
printf 'parallel speed-up (wall): %s (goal >= 1.8)\n' "$(ratio "$one_thread_ms" "$full_ms")"
"$hookguard" scan "$work" --format sarif --fail-on never --quiet -j 1 -o "$work/j1.sarif" || true
"$hookguard" scan "$work" --format sarif --fail-on never --quiet -j 2 -o "$work/j2.sarif" || true
"$hookguard" scan "$work" --format sarif --fail-on never --quiet -j 2 -o "$work/j2b.sarif" || true
if cmp -s "$work/j1.sarif" "$work/j2.sarif" && cmp -s "$work/j2.sarif" "$work/j2b.sarif"; then
  echo "SARIF: byte-identical across -j 1, -j 2 and a second -j 2 run"
else
  echo "SARIF: DIFFERS across thread counts or runs"
fi
"$hookguard" scan "$work" --format json --fail-on never --quiet --timings -o /dev/null 2>&1 |
  awk '$NF + 0 >= 1.0 || /timings/' || true
