#!/usr/bin/env bash
# Builds the libFuzzer targets (Clang 14, ASan+UBSan) in build-fuzz/ and runs each for a given
# time, seeded from samples/, tests/corpus/ and tests/fuzz/{seeds,regressions}. A crash leaves
# its input in build-fuzz/artifacts/TARGET/: copy it into tests/fuzz/regressions/TARGET/ once
# fixed, and every test run replays it.
#
#   bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s, every target)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
shift || true
build="$root/build-fuzz"
jobs="$(nproc 2>/dev/null || echo 2)"

# Clang and its libFuzzer runtime (a Recommends of clang-14 that the setup script does not pull).
if ! command -v clang++-14 >/dev/null || ! compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev </dev/null
fi

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOOKGUARD_FUZZ=ON -DHOOKGUARD_TESTS=ON >/dev/null
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(python_scan config suppression_comment)
  grep -q '^HOOKGUARD_CPP_FRONTEND:BOOL=ON' "$build/CMakeCache.txt" && targets+=(compile_database)
fi
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

seeds_for() {
  case "$1" in
    python_scan) echo "$root/samples $root/tests/corpus $root/tests/fuzz/regressions/python_scan" ;;
    config) echo "$root/tests/fuzz/seeds/config $root/tests/fuzz/regressions/config" ;;
    suppression_comment) echo "$root/tests/fuzz/seeds/suppression_comment $root/tests/fuzz/regressions/suppression_comment" ;;
    compile_database) echo "$root/tests/fuzz/seeds/compile_database $root/tests/fuzz/regressions/compile_database" ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-$target.log"
  echo "== $target: ${seconds}s (log: ${log#"$root"/})"
  # shellcheck disable=SC2046
  if "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" $(seeds_for "$target") \
      >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH (inputs in ${artifacts#"$root"/})"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  echo "   $result; $runs executions, coverage $cov edges, corpus $(find "$corpus" -type f | wc -l) inputs"
done
exit "$status"
