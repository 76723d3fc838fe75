# Shared by the bench scripts: timing N runs of a command with /usr/bin/time.
# shellcheck shell=bash

# measure NAME RUNS CMD...: runs CMD RUNS times (output discarded, exit status ignored: scanners
# exit 1 on findings) and sets NAME_ms (median wall-clock milliseconds), NAME_cpu (median user
# + system CPU milliseconds: the figure to trust on a busy machine) and NAME_kb (largest peak
# RSS in KiB over the runs).
measure() {
  local name=$1 runs=$2
  shift 2
  local times=() cpus=() rss=0 out
  out="$(mktemp)"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >/dev/null 2>&1 || true
    local wall user sys kb
    read -r wall user sys kb < <(tail -n 1 "$out")
    times+=("$(awk -v s="$wall" 'BEGIN { printf "%d", s * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
    ((kb > rss)) && rss=$kb
  done
  rm -f "$out"
  printf -v "${name}_ms" '%s' "$(median "${times[@]}")"
  printf -v "${name}_cpu" '%s' "$(median "${cpus[@]}")"
  printf -v "${name}_kb" '%s' "$rss"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# ratio A B: A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }'; }

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "$1 not found: run tools/hookguard-dev bench (installs the bench packages)" >&2; exit 2; }
}
