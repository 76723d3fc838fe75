# Where reports and diagnostics go: -o writes atomically and never through a symbolic link,
# findings go to stdout, everything about the run to stderr.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario_output_file_replaces_atomically() {
  write_unverified_webhook app/hooks.py
  mkdir out
  echo "previous report" >out/report.sarif
  chmod 640 out/report.sarif
  run scan app --format sarif -o out/report.sarif
  expect_status 1
  [[ ! -s $stdout_file ]] || fail "stdout is not empty with -o"
  grep -qF '"2.1.0"' out/report.sarif || fail "out/report.sarif is not a SARIF 2.1.0 log"
  ! grep -qF "previous report" out/report.sarif || fail "old content left in the report"
  # No temporary file left behind, and the file keeps its permissions.
  [[ "$(ls -A out)" == "report.sarif" ]] || fail "unexpected files in out/: $(ls -A out)"
  [[ "$(stat -c %a out/report.sarif)" == 640 ]] || fail "mode changed to $(stat -c %a out/report.sarif)"
}

scenario_output_replaces_a_symlink_not_its_target() {
  write_unverified_webhook app/hooks.py
  echo "do not touch" >precious.txt
  ln -s precious.txt report.json
  run scan app --format json --output report.json
  expect_status 1
  [[ ! -L report.json ]] || fail "report.json is still a symbolic link"
  [[ -f report.json ]] || fail "report.json was not written"
  [[ "$(cat precious.txt)" == "do not touch" ]] || fail "the link's target was overwritten"
}

scenario_output_into_a_pipe_writes_through_it() {
  # `-o /dev/null` and `-o >(...)` name special files: they are written, never replaced.
  write_unverified_webhook app/hooks.py
  mkfifo report.pipe
  timeout 20 cat report.pipe >received.json &
  local reader=$!
  run scan app --format json -o report.pipe
  wait "$reader"
  expect_status 1
  [[ -p report.pipe ]] || fail "report.pipe is no longer a named pipe"
  grep -qF '"WH101"' received.json || fail "the report did not come through the pipe: $(cat received.json)"
}

scenario_output_into_missing_directory_exits_2() {
  write_unverified_webhook app/hooks.py
  run scan app --format sarif -o no/such/dir/report.sarif
  expect_status 2
  expect_stderr_contains "no/such/dir/report.sarif"
  [[ ! -e no ]] || fail "a directory was created"
}

scenario_output_onto_a_directory_exits_2() {
  write_plain_module app/util.py
  mkdir report.sarif
  run scan app --format sarif -o report.sarif
  expect_status 2
  expect_stderr_contains "report.sarif"
}

scenario_reports_are_deterministic() {
  write_unverified_webhook app/hooks.py
  write_unverified_webhook app/billing/stripe.py
  write_unverified_webhook app/github.py
  local format
  for format in sarif json gcc text; do
    run scan app --format "$format" -o "first.$format"
    run scan app --format "$format" -o "second.$format"
    cmp -s "first.$format" "second.$format" || fail "two $format reports of the same tree differ"
  done
}

scenario_diagnostics_go_to_stderr() {
  write_unverified_webhook app/hooks.py
  printf '\0' >app/blob.py
  run scan app --format gcc
  expect_status 1
  expect_stderr_contains "app/blob.py"
  expect_stdout_lacks "blob.py"
  expect_stdout_lacks "hookguard: "
  # The text format adds a summary on stderr, unless --quiet.
  run scan app --format text
  expect_stderr_line '^hookguard: scanned 1 file \(1 skipped\): .*finding'
  run scan app --format text --quiet
  expect_stderr_lacks "scanned"
}

scenario_color_policy() {
  write_unverified_webhook app/hooks.py
  printf '\0' >app/blob.py
  local esc=$'\033['
  run scan app --color always
  expect_stderr_contains "$esc"
  run scan app --color never
  expect_stderr_lacks "$esc"
  expect_stdout_lacks "$esc"
  # auto: not a terminal here, so no color.
  run scan app
  expect_stderr_lacks "$esc"
  expect_stdout_lacks "$esc"
  command -v script >/dev/null || skip "script(1) is needed to run on a terminal"
  # auto on a terminal colors, unless NO_COLOR is set.
  local transcript="$work/transcript"
  script -qec "'$HOOKGUARD' scan app --format gcc" /dev/null >"$transcript" </dev/null || true
  grep -qF "$esc" "$transcript" || { cat "$transcript" >&2; fail "no color on a terminal"; }
  NO_COLOR=1 script -qec "'$HOOKGUARD' scan app --format gcc" /dev/null >"$transcript" </dev/null || true
  ! grep -qF "$esc" "$transcript" || fail "NO_COLOR ignored"
}

# A module with many thousands of handlers: a scan long enough (a few seconds, several times
# the half second the progress line waits before it first draws) for the line to show in
# whichever stage the scan has reached by then.
write_long_module() {
  awk 'BEGIN {
    print "import requests"; print "from flask import Flask, request"; print "app = Flask(__name__)"
    for (i = 0; i < 16000; i++) {
      printf "@app.post(\"/hooks/%d\")\ndef hook_%d():\n    url = request.get_json()[\"u\"]\n", i, i
      print "    requests.get(url, timeout=5)"; print "    return \"\""
    }
  }' >"$1"
}

scenario_progress_line_only_on_a_terminal() {
  mkdir -p app
  write_long_module app/hooks.py
  run scan app --format gcc
  expect_stderr_lacks $'\r'
  expect_stderr_lacks "hookguard: rules"
  command -v script >/dev/null || skip "script(1) is needed to run on a terminal"
  local transcript="$work/transcript"
  script -qec "'$HOOKGUARD' scan app -o '$work/report'" /dev/null >"$transcript" </dev/null || true
  grep -qE $'\r\033\\[Khookguard: (reading|parsing|linking|indexing|rules) ' "$transcript" || { cat -v "$transcript" >&2; fail "no progress line on a terminal"; }
  # Erased before the summary, so the summary starts a clean line.
  grep -qF $'\r\033[Khookguard: scanned 1 file' "$transcript" || { cat -v "$transcript" >&2; fail "progress line not erased"; }
  script -qec "'$HOOKGUARD' scan app --quiet -o '$work/report'" /dev/null >"$transcript" </dev/null || true
  ! grep -qF "hookguard: rules" "$transcript" || fail "progress line despite --quiet"
}

run_scenario "$@"
