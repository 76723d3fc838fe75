#!/usr/bin/env bash
# hookguard against bandit and against a bare tree-sitter parse, on the same tree (by default
# the Python standard library), in one run: median wall-clock time of RUNS runs and the peak
# RSS of each, then the ratios. Goals: hookguard >= 30x faster than bandit, <= 1.0x the
# single-thread parse, with --no-prefilter (every file fully analysed) <= 2.0x, peak RSS
# <= 150 MB. Then the --timings table of the full analysis, its stages above 1%.
#
#   bench/stdlib_vs_bandit.sh [TREE] [RUNS]
# Environment: HOOKGUARD (default build/hookguard), PARSE_ONLY (default build/bench/parse_only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
tree="${1:-/usr/lib/python3.11}"
runs="${2:-5}"
hookguard="${HOOKGUARD:-$root/build/hookguard}"
parse_only="${PARSE_ONLY:-$root/build/bench/parse_only}"
[[ -x $hookguard ]] || { echo "no hookguard binary at $hookguard (build first)" >&2; exit 2; }
[[ -x $parse_only ]] || { echo "no parse_only binary at $parse_only (build the parse_only target)" >&2; exit 2; }
[[ -d $tree ]] || { echo "$tree: no such directory" >&2; exit 2; }
need bandit
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time not found: run tools/hookguard-dev bench" >&2; exit 2; }

files=$(find "$tree" -name '*.py' -not -path '*/__pycache__/*' | wc -l)
printf 'tree: %s (%d .py files), %d runs each, %d CPUs\n' "$tree" "$files" "$runs" "$(nproc)"
"$parse_only" "$tree"

measure hg "$runs" "$hookguard" scan "$tree" --format json --fail-on never --quiet
measure hgfull "$runs" "$hookguard" scan "$tree" --format json --fail-on never --quiet --no-prefilter
measure parse "$runs" "$parse_only" "$tree"
measure bandit "$runs" bandit -r -q -f json -o /dev/null "$tree"

printf '%-32s %9s %9s %9s\n' "median of $runs" "wall ms" "CPU ms" "peak MB"
row() { printf '%-32s %9d %9d %9d\n' "$1" "$2" "$3" "$(($4 / 1024))"; }
row "hookguard scan" "$hg_ms" "$hg_cpu" "$hg_kb"
row "hookguard scan --no-prefilter" "$hgfull_ms" "$hgfull_cpu" "$hgfull_kb"
row "parse_only (1 thread)" "$parse_ms" "$parse_cpu" "$parse_kb"
row "bandit -r -q" "$bandit_ms" "$bandit_cpu" "$bandit_kb"
ratios() {
  printf '%-40s wall %7s  CPU %7s  %s\n' "$1" "$(ratio "$2" "$3")" "$(ratio "$4" "$5")" "$6"
}
ratios "bandit / hookguard" "$bandit_ms" "$hg_ms" "$bandit_cpu" "$hg_cpu" "(goal >= 30)"
ratios "hookguard / parse_only" "$hg_ms" "$parse_ms" "$hg_cpu" "$parse_cpu" "(goal <= 1.0)"
ratios "bandit / hookguard --no-prefilter" "$bandit_ms" "$hgfull_ms" "$bandit_cpu" "$hgfull_cpu" ""
ratios "hookguard --no-prefilter / parse_only" "$hgfull_ms" "$parse_ms" "$hgfull_cpu" "$parse_cpu" "(goal <= 2.0 wall)"
printf 'hookguard peak RSS: %d MB, with --no-prefilter %d MB (goal <= 150 for both)\n' "$((hg_kb / 1024))" "$((hgfull_kb / 1024))"
# Where the time of the full analysis goes (one run).
"$hookguard" scan "$tree" --format json --fail-on never --quiet --no-prefilter --timings -o /dev/null 2>&1 |
  awk '$NF + 0 >= 1.0 || /timings/' || true
