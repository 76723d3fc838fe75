# Helpers shared by the end-to-end scenarios. A scenario file defines functions named
# scenario_<name>; tests/e2e/CMakeLists.txt registers one ctest test per function, which runs
#   bash <file>.sh <name>
# with HOOKGUARD set to the built binary. Exit status 77 means "skipped".
set -euo pipefail

: "${HOOKGUARD:?set HOOKGUARD to the hookguard binary}"
: "${HOOKGUARD_SOURCE_DIR:?set HOOKGUARD_SOURCE_DIR to the source tree}"

work="$(mktemp -d "${TMPDIR:-/tmp}/hookguard-e2e.XXXXXX")"
cleanup() {
  chmod -R u+rwx "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Every scenario runs in a fresh repository: an empty .git marks the root that displayed paths
# are relative to.
repo="$work/repo"
mkdir -p "$repo/.git"
cd "$repo"

stdout_file="$work/stdout"
stderr_file="$work/stderr"
status=0

# Prefix of the hookguard command line: empty, or setpriv after run_as_unprivileged_user.
as_user=()

# run ARGS...: runs hookguard, keeping its status, stdout and stderr.
run() {
  status=0
  "${as_user[@]}" "$HOOKGUARD" "$@" >"$stdout_file" 2>"$stderr_file" </dev/null || status=$?
}

# Permission bits do not stop root: when the tests run as root (CI containers do), later runs
# go through setpriv as the user nobody, which owns the scenario's tree. Call it after writing
# the files, before making some unreadable.
run_as_unprivileged_user() {
  ((EUID == 0)) || return 0
  local nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  command -v setpriv >/dev/null || skip "running as root and setpriv is missing"
  chmod 755 "$work"
  chown -R 65534:65534 "$repo"
  "${nobody[@]}" test -x "$HOOKGUARD" || skip "running as root and the user nobody cannot run $HOOKGUARD"
  as_user=("${nobody[@]}")
}

fail() {
  {
    echo "FAIL: $*"
    echo "--- command status: $status"
    echo "--- stdout:"
    cat "$stdout_file" 2>/dev/null || true
    echo "--- stderr:"
    cat "$stderr_file" 2>/dev/null || true
  } >&2
  exit 1
}

expect_status() {
  [[ $status == "$1" ]] || fail "expected exit status $1, got $status"
}
expect_stdout_contains() {
  grep -qF -- "$1" "$stdout_file" || fail "stdout lacks: $1"
}
expect_stdout_lacks() {
  ! grep -qF -- "$1" "$stdout_file" || fail "stdout unexpectedly contains: $1"
}
expect_stderr_contains() {
  grep -qF -- "$1" "$stderr_file" || fail "stderr lacks: $1"
}
expect_stderr_lacks() {
  ! grep -qF -- "$1" "$stderr_file" || fail "stderr unexpectedly contains: $1"
}
# expect_stderr_line REGEX: some stderr line matches the extended regular expression.
expect_stderr_line() {
  grep -qE -- "$1" "$stderr_file" || fail "no stderr line matches: $1"
}

skip() {
  echo "SKIP: $*"
  exit 77
}

# A Flask webhook handler that never verifies a signature (WH101, an error).
write_unverified_webhook() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'PY'
from flask import Flask, request

app = Flask(__name__)


@app.route("/webhook/stripe", methods=["POST"])
def stripe_webhook():
    event = request.get_json()
    return {"received": event["id"]}
PY
}

# Python with no route at all: nothing for any rule.
write_plain_module() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'PY'
def add(a, b):
    return a + b
PY
}

# run_scenario: called at the end of every scenario file.
run_scenario() {
  local name=${1:?scenario name}
  declare -F "scenario_$name" >/dev/null || {
    echo "unknown scenario: $name" >&2
    exit 2
  }
  "scenario_$name"
}
