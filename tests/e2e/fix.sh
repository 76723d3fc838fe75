# `hookguard scan --diff / --fix / --unsafe-fixes` on copies of the samples: the diff changes
# nothing, --fix removes the findings it repairs and leaves code that still parses, and a
# second --fix has nothing left to do.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A one-sided freshness window (WH203) next to the samples' WH102, WH104, WH301 and WH403.
write_one_sided_window() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'PY'
"""Slack-style receiver whose window only bounds old timestamps."""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024

SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()


@app.post("/slack/events")
def slack_events():
    timestamp = request.headers.get("X-Slack-Request-Timestamp", "0")
    if time.time() - int(timestamp) > 300:
        abort(401)
    base = b"v0:" + timestamp.encode() + b":" + request.get_data()
    expected = "v0=" + hmac.new(SIGNING_SECRET, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Slack-Signature", "")):
        abort(401)
    return "", 204
PY
}

copy_samples() {
  mkdir -p app
  cp "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_timing_helper.py" app/
  cp "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_json_dumps_mac.py" app/
  cp "$HOOKGUARD_SOURCE_DIR/samples/flask/shop_webhooks.py" app/
  cp -R "$HOOKGUARD_SOURCE_DIR/samples/flask/replay_factory" app/replay_factory
  write_one_sided_window app/slack_window.py
  # A module that does not import hmac yet: the fix adds the import after the docstring.
  sed '/^import hmac$/d' "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_gitlab_token.py" >app/gitlab_token.py
  # The expectation comments of the samples are not code: drop them so that the report shows
  # what the fix changed, not what a comment says.
  find app -name '*.py' -exec sed -i 's/  # expect: [A-Z0-9, ]*$//' {} +
}

# count_rule RULE: findings of RULE in the last JSON report.
count_rule() {
  grep -c "\"rule\": \"$1\"" "$stdout_file" || true
}

expect_python_compiles() {
  if command -v python3 >/dev/null 2>&1; then
    local f
    while IFS= read -r f; do
      python3 -m py_compile "$f" 2>"$work/pycompile" || fail "$f does not compile after --fix: $(cat "$work/pycompile")"
    done < <(find app -name '*.py')
  fi
}

scenario_diff_shows_the_safe_fixes_and_changes_nothing() {
  copy_samples
  local before
  before=$(cat app/*.py app/replay_factory/*.py | md5sum)
  run scan app --diff
  expect_status 1
  expect_stdout_contains "--- a/app/auth_timing_helper.py"
  expect_stdout_contains "+++ b/app/auth_timing_helper.py"
  expect_stdout_contains "+    return hmac.compare_digest(expected, signature)"
  expect_stdout_contains "-    return expected == signature"
  expect_stdout_contains "+    expected = hmac.new(PARTNER_SECRET, request.get_data(), hashlib.sha256).hexdigest()"
  expect_stdout_contains "+    if abs(time.time() - int(timestamp)) > 300:"
  expect_stdout_contains "+    if not hmac.compare_digest(token, GITLAB_TOKEN):"
  # Unsafe fixes stay out of the diff, and the summary says they exist.
  expect_stdout_lacks "MAX_CONTENT_LENGTH\"] = 1 * 1024 * 1024"
  expect_stdout_lacks "timeout=10"
  expect_stderr_contains "can be enabled with --unsafe-fixes"
  [[ $(cat app/*.py app/replay_factory/*.py | md5sum) == "$before" ]] || fail "--diff changed a file"
  # The diff applies to the tree as it is.
  if command -v patch >/dev/null 2>&1; then
    cp "$stdout_file" "$work/fixes.diff"
    patch -p1 --dry-run <"$work/fixes.diff" >/dev/null || fail "the diff does not apply with patch -p1"
  fi

  run scan app --diff --unsafe-fixes
  expect_status 1
  expect_stdout_contains "+    app.config[\"MAX_CONTENT_LENGTH\"] = 1 * 1024 * 1024"
  expect_stdout_contains "timeout=10)"
}

scenario_fix_removes_the_findings_and_is_idempotent() {
  copy_samples
  run scan app --format json --fail-on never
  expect_status 0
  for rule in WH102 WH104 WH203; do
    [[ $(count_rule "$rule") -ge 1 ]] || fail "$rule is not reported before --fix"
  done
  grep -qF '"applicability": "safe"' "$stdout_file" || fail "the JSON report has no fix"

  run scan app --fix --fail-on never
  expect_status 0
  expect_stderr_line "[0-9]+ fixed"
  run scan app --format json --fail-on never
  for rule in WH102 WH104 WH203; do
    [[ $(count_rule "$rule") == 0 ]] || fail "$rule is still reported after --fix"
  done
  # Unsafe fixes were not applied.
  [[ $(count_rule WH301) -ge 1 ]] || fail "WH301 was fixed without --unsafe-fixes"
  expect_stderr_lacks "syntax error"
  expect_python_compiles
  [[ $(sed -n 2p app/gitlab_token.py) == "import hmac" ]] || fail "import hmac was not added after the docstring: $(head -3 app/gitlab_token.py)"

  run scan app --fix --unsafe-fixes --fail-on never
  expect_status 0
  run scan app --format json --fail-on never
  for rule in WH301 WH403; do
    [[ $(count_rule "$rule") == 0 ]] || fail "$rule is still reported after --fix --unsafe-fixes"
  done
  expect_stderr_lacks "syntax error"
  expect_python_compiles

  # A second run finds nothing to change.
  local before
  before=$(find app -name '*.py' -exec md5sum {} + | sort)
  run scan app --fix --unsafe-fixes --fail-on never
  expect_status 0
  expect_stderr_lacks "fixed"
  [[ $(find app -name '*.py' -exec md5sum {} + | sort) == "$before" ]] || fail "a second --fix changed a file"
  run scan app --diff --unsafe-fixes
  expect_status 0
  [[ ! -s $stdout_file ]] || fail "--diff after --fix still shows changes"
}

scenario_text_report_marks_fixable_findings() {
  copy_samples
  run scan app --fail-on never
  expect_status 0
  expect_stdout_contains "error[WH102]: [*] "
  expect_stdout_contains "fix: use hmac.compare_digest (safe)"
  expect_stdout_contains "(unsafe: apply with --fix --unsafe-fixes)"
  expect_stderr_line "[0-9]+ fixable with --fix \\([0-9]+ hidden fix(es)? can be enabled with --unsafe-fixes\\)"
}

run_scenario "$@"
