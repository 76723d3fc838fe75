#!/usr/bin/env bash
# Does analysis time grow linearly with a module's length? Generates Flask modules of 25k, 50k
# and 100k lines (handlers, helpers, long if/elif chains, big literals) and times one scan of
# each; prints milliseconds per thousand lines, which should stay roughly flat.
#
#   bench/long_file.sh [HOOKGUARD_BINARY]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hookguard="${1:-$root/build/hookguard}"
[[ -x $hookguard ]] || { echo "no hookguard binary at $hookguard (build first)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

generate() {  # generate LINES FILE
  python3 - "$1" "$2" <<'PY'
import sys
target, path = int(sys.argv[1]), sys.argv[2]
out = ["import hmac, hashlib, os, requests", "from flask import Flask, request, abort",
       "app = Flask(__name__)", "SECRET = os.environ['SECRET'].encode()", ""]
i = 0
while len(out) < target:
    out += [
        f"def helper_{i}(value):",
        f"    if value == {i}:",
        f"        return value + 1",
        f"    elif value == {i + 1}:",
        f"        return value - 1",
        f"    return [value, {i}, 'x{i}', {{'k': value}}]",
        "",
        f"@app.post('/hooks/{i}')",
        f"def hook_{i}():",
        f"    data = request.get_json()",
        f"    url = data['callback_{i}']",
        f"    result = helper_{i}(len(url))",
        f"    requests.get(url, timeout=5)",
        f"    return {{'ok': result}}",
        "",
    ]
    i += 1
open(path, "w").write("\n".join(out[:target]) + "\n")
PY
}

printf '%8s %10s %14s\n' lines ms "ms/1k lines"
for lines in 25000 50000 100000; do
  file="$work/module_$lines.py"
  generate "$lines" "$file"
  start=$(date +%s%N)
  "$hookguard" scan --fail-on never --format json "$file" >/dev/null 2>&1
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  printf '%8d %10d %14s\n' "$lines" "$ms" "$(awk -v m="$ms" -v l="$lines" 'BEGIN { printf "%.1f", m * 1000 / l }')"
done
