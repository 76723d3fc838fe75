# --jobs, --no-prefilter and --timings: the thread count never changes the report, the
# prefilter leaves out only code that no route reaches, the timings only add to stderr.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A MAC compared with == in a script that neither defines routes nor is imported by route code.
write_unreached_comparison() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'PY'
import hashlib
import hmac


def same_mac(key, message, signature):
    mac = hmac.new(key, message, hashlib.sha256).hexdigest()
    return mac == signature
PY
}

scenario_report_does_not_depend_on_jobs() {
  for i in 1 2 3 4 5 6; do write_unverified_webhook "src/hooks_$i.py"; done
  printf 'def broken(:\n' >src/broken.py
  run scan src --format json -j 1
  expect_status 1
  cp "$stdout_file" "$work/one.json"
  cp "$stderr_file" "$work/one.err"
  run scan src --format json --jobs 3
  expect_status 1
  cmp -s "$stdout_file" "$work/one.json" || fail "the report differs between -j 1 and --jobs 3"
  cmp -s "$stderr_file" "$work/one.err" || fail "the diagnostics differ between -j 1 and --jobs 3"
}

scenario_timings_go_to_stderr_and_leave_the_report_alone() {
  write_unverified_webhook src/hooks.py
  run scan src --format json
  expect_status 1
  cp "$stdout_file" "$work/plain.json"
  run scan src --format json --timings
  expect_status 1
  cmp -s "$stdout_file" "$work/plain.json" || fail "--timings changed the report"
  expect_stderr_contains "hookguard: timings (wall clock)"
  expect_stderr_contains "parsing"
  expect_stderr_contains "WH101 missing-signature-verification"
  expect_stderr_contains "total"
}

scenario_jobs_must_be_positive() {
  run scan . -j 0
  expect_status 2
  expect_stderr_contains "jobs"
}

scenario_prefilter_leaves_out_code_no_route_reaches() {
  write_unverified_webhook src/hooks.py
  write_unreached_comparison tools/release.py
  run scan . --format gcc
  expect_status 1
  expect_stdout_contains "src/hooks.py:"
  expect_stdout_lacks "tools/release.py"
  run scan .
  expect_stderr_contains "1 left out: no route code can reach them, see --no-prefilter"
  run scan . --format gcc --no-prefilter
  expect_status 1
  expect_stdout_contains "tools/release.py:"
  expect_stdout_contains "[WH102]"
}

scenario_prefilter_keeps_helpers_of_route_files() {
  mkdir -p app
  cat >app/views.py <<'PY'
from flask import Flask, request

from app.signing import same_mac

app = Flask(__name__)


@app.route("/webhook/github", methods=["POST"])
def github_webhook():
    if not same_mac(b"key", request.get_data(), request.headers.get("X-Hub-Signature-256", "")):
        return "", 401
    return {"ok": True}
PY
  write_unreached_comparison app/signing.py
  run scan app --format gcc
  cp "$stdout_file" "$work/filtered"
  run scan app --format gcc --no-prefilter
  cmp -s "$stdout_file" "$work/filtered" || fail "the helper's findings differ with the prefilter"
  expect_stdout_contains "app/signing.py:"
}

run_scenario "$@"
