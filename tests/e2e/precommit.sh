# pre-commit: this repository's .pre-commit-hooks.yaml, used from a throw-away project the way
# a user would (a `repo:` entry pointing at a hook repository), with the built binary on PATH.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A Flask handler that verifies through a helper in another module of its package.
write_helper_package() {
  mkdir -p app
  : >app/__init__.py
  cat >app/security.py <<'PY'
import hashlib
import hmac
import os

from flask import abort, request


def verify_signature():
    secret = os.environ["WEBHOOK_SECRET"].encode()
    expected = hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        abort(401)
PY
}

write_verified_handler() {
  cat >"$1" <<'PY'
from flask import Flask, request

from app.security import verify_signature

app = Flask(__name__)


@app.route("/webhook/github", methods=["POST"])
def github_webhook():
    verify_signature()
    event = request.get_json()
    return {"received": event["id"]}
PY
}

setup_precommit_project() {
  command -v pre-commit >/dev/null 2>&1 || skip "pre-commit is not installed (Debian package pre-commit)"
  command -v git >/dev/null 2>&1 || skip "git is not installed"
  export PRE_COMMIT_HOME="$work/pre-commit-home"
  export GIT_AUTHOR_NAME=hookguard GIT_AUTHOR_EMAIL=hookguard@example.invalid
  export GIT_COMMITTER_NAME=hookguard GIT_COMMITTER_EMAIL=hookguard@example.invalid
  export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
  mkdir -p "$HOME" "$work/bin"
  ln -s "$HOOKGUARD" "$work/bin/hookguard"
  export PATH="$work/bin:$PATH"

  # The hook repository: what pre-commit clones for a `repo:` entry.
  local hooks="$work/hook-repo"
  mkdir -p "$hooks"
  cp "$HOOKGUARD_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
  git -C "$hooks" init -q
  git -C "$hooks" add .pre-commit-hooks.yaml
  git -C "$hooks" commit -q -m "hooks"
  local rev
  rev="$(git -C "$hooks" rev-parse HEAD)"

  project="$work/project"
  mkdir -p "$project"
  cd "$project"
  git init -q
  cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: hookguard
YAML
  git add .pre-commit-config.yaml
  git commit -q -m "pre-commit configuration"
  pre-commit install >/dev/null
}

# commit MESSAGE: runs `git commit` (and with it the hook), keeping status and all output
# (pre-commit shows the hook's output on stderr) in stdout_file.
commit() {
  status=0
  git commit -m "$1" >"$stdout_file" 2>&1 </dev/null || status=$?
}

scenario_unverified_handler_is_blocked_and_a_clean_commit_passes() {
  setup_precommit_project
  write_helper_package
  write_verified_handler app/github.py
  git add app
  commit "verified handler"
  expect_status 0

  write_unverified_webhook app/stripe.py
  git add app/stripe.py
  commit "unverified handler"
  [[ $status != 0 ]] || fail "the commit of an unverified handler was not blocked"
  expect_stdout_contains "error[WH101]"
  expect_stdout_contains "app/stripe.py"
  [[ "$(git log --oneline | wc -l)" == 2 ]] || fail "a blocked commit was recorded"
}

scenario_helper_in_an_unstaged_module_still_resolves() {
  setup_precommit_project
  write_helper_package
  git add app/__init__.py app/security.py
  commit "helpers"
  expect_status 0
  # Only the handler is passed to hookguard; its verification lives in app/security.py.
  write_verified_handler app/github.py
  git add app/github.py
  commit "handler using a committed helper"
  expect_status 0
  expect_stdout_lacks "WH101"
}

# The same without pre-commit: a named file's neighbours are read for context, never reported.
scenario_named_file_reads_its_sibling_modules_for_context() {
  write_helper_package
  write_verified_handler app/github.py
  write_unverified_webhook app/stripe.py
  run scan app/github.py --format gcc
  expect_status 0
  expect_stdout_lacks "[WH101]"
  expect_stdout_lacks "app/stripe.py"  # a sibling: analyzed, not reported
  run scan app/github.py
  # The named one; its neighbours are context, and so is stripe.py's route.
  expect_stderr_line '^hookguard: scanned 1 file \([0-9]+ more read for context\): 1 route, 1 handler;'

  # Without the helper's module next to it, the verification is not seen.
  mkdir -p elsewhere
  mv app/security.py elsewhere/
  run scan app/github.py --format gcc
  expect_status 1
  expect_stdout_contains "app/github.py:9:1: error:"
}

run_scenario "$@"
