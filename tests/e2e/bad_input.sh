# Hostile or broken input: each problem is reported on stderr naming the file, and the other
# files are still scanned. Only a path named on the command line that cannot be scanned makes
# the run an input error (exit 2).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario_binary_file_is_skipped() {
  write_unverified_webhook src/hooks.py
  printf 'import os\n\0\1\2binary' >src/blob.py
  run scan src --format gcc
  expect_status 1
  expect_stderr_line '^hookguard: src/blob\.py(:[0-9]+)?: warning: binary file'
  expect_stdout_contains "src/hooks.py:"
  expect_stdout_lacks "blob.py"
}

scenario_invalid_utf8_is_replaced_and_analyzed() {
  write_unverified_webhook src/hooks.py
  # Line 3 holds a stray continuation byte and a truncated sequence.
  {
    printf 'from flask import Flask, request\n'
    printf 'app = Flask(__name__)\n'
    printf 'BANNER = "caf\xe9 \x80"\n'
    printf '@app.route("/webhook/latin1", methods=["POST"])\n'
    printf 'def latin1_webhook():\n'
    printf '    return request.get_json()\n'
  } >src/latin1.py
  run scan src --format gcc
  expect_status 1
  expect_stderr_line '^hookguard: src/latin1\.py:3: warning: .*UTF-8.*U\+FFFD'
  # Still analyzed: its own handler is reported.
  expect_stdout_contains "src/latin1.py:"
  expect_stdout_contains "src/hooks.py:"
}

scenario_syntax_error_is_a_warning() {
  write_unverified_webhook src/hooks.py
  printf 'from flask import request\n\ndef broken(:\n    return )\n' >src/broken.py
  run scan src --format gcc
  expect_status 1  # the findings of hooks.py, not 2: a syntax error is not an input error
  expect_stderr_line '^hookguard: src/broken\.py:3: warning: syntax error at line 3, analyzing what parsed'
  expect_stdout_contains "src/hooks.py:"
  # A module no route code can reach is not parsed, so its syntax is not checked...
  printf 'def other(:\n' >src/unrelated.py
  run scan src --format gcc
  expect_stderr_lacks "src/unrelated.py"
  # ...unless every file is analyzed.
  run scan src --format gcc --no-prefilter
  expect_stderr_line '^hookguard: src/unrelated\.py:1: warning: syntax error'
}

scenario_directory_named_like_a_python_file() {
  write_unverified_webhook "handlers.py/stripe.py"
  run scan . --format gcc
  expect_status 1
  expect_stdout_contains "handlers.py/stripe.py:"
  expect_stderr_lacks "error:"
  # Named directly it is still a directory.
  run scan handlers.py --format gcc
  expect_status 1
  expect_stdout_contains "handlers.py/stripe.py:"
}

scenario_symlink_loop_is_not_followed() {
  write_unverified_webhook src/hooks.py
  ln -s .. src/up
  ln -s . src/self
  ln -s ../src src/again
  run scan src --format gcc
  expect_status 1
  expect_stderr_line '^hookguard: src/(up|self|again): note: symbolic link loop'
  # The file is reported once, under its real path.
  local count
  count="$(grep -c '\[WH101\]' "$stdout_file" || true)"
  [[ $count == 1 ]] || fail "expected one WH101 finding, got $count"
}

scenario_symlinked_file_shows_its_real_path() {
  write_unverified_webhook real/hooks.py
  mkdir links
  ln -s ../real/hooks.py links/alias.py
  run scan links --format gcc
  expect_status 1
  expect_stdout_contains "real/hooks.py:"
  expect_stdout_lacks "alias.py"
}

scenario_broken_symlink_is_reported() {
  write_plain_module src/ok.py
  ln -s nowhere.py src/dangling.py
  run scan src
  expect_status 0
  expect_stderr_line '^hookguard: src/dangling\.py: warning: broken symbolic link'
}

scenario_oversized_file_is_skipped() {
  write_unverified_webhook src/hooks.py
  head -c 5000 /dev/zero | tr '\0' '#' >src/huge.py
  run scan src --format gcc --max-file-bytes 4096
  expect_status 1
  expect_stderr_line '^hookguard: src/huge\.py: warning: .*over the limit.*skipped'
  expect_stdout_contains "src/hooks.py:"
}

scenario_file_over_the_time_budget_is_skipped() {
  write_unverified_webhook src/hooks.py
  # ~6 MB of module: far more than a fifth of a second to parse, even on a fast machine.
  awk 'BEGIN { print "from flask import Flask"; for (i = 0; i < 200000; i++) print "values = [1, 2, 3, {\"k\": \"v\"}]" }' >src/generated.py
  run scan src --format sarif --max-file-seconds 0.2
  expect_status 1
  expect_stderr_line '^hookguard: src/generated\.py: warning: analysis took longer than the limit of 0\.2 s per file \(--max-file-seconds\), skipped'
  expect_stdout_contains '"ruleId": "WH101"'
  expect_stdout_contains '"executionSuccessful": false'
}

scenario_unreadable_file() {
  write_unverified_webhook src/hooks.py
  write_plain_module src/secret.py
  run_as_unprivileged_user
  chmod 000 src/secret.py
  # Found while walking: a warning, the rest is scanned.
  run scan src --format gcc
  expect_status 1
  expect_stderr_line '^hookguard: src/secret\.py: warning: cannot read file: permission denied'
  expect_stdout_contains "src/hooks.py:"
  # Named on the command line: an input error.
  run scan src/secret.py src/hooks.py --format gcc
  expect_status 2
  expect_stderr_line '^hookguard: src/secret\.py: error: cannot read file'
  expect_stdout_contains "src/hooks.py:"
}

scenario_unreadable_directory() {
  write_unverified_webhook src/hooks.py
  write_plain_module src/private/inner.py
  run_as_unprivileged_user
  chmod 000 src/private
  run scan src --format gcc
  expect_status 1
  expect_stderr_line '^hookguard: src/private: warning: cannot read directory'
  expect_stdout_contains "src/hooks.py:"
}

scenario_skipped_directories() {
  write_plain_module src/app.py
  # Below src/lib: a .git directory in src itself would make src the repository root.
  for dir in .git/hooks .hg node_modules/pkg __pycache__ venv .venv env; do
    write_unverified_webhook "src/lib/$dir/hooks.py"
  done
  mkdir -p src/lib/myvirtualenv
  touch src/lib/myvirtualenv/pyvenv.cfg
  write_unverified_webhook src/lib/myvirtualenv/lib/hooks.py
  # Build directories are scanned like any other.
  write_unverified_webhook src/build/hooks.py
  run scan src --format gcc
  expect_status 1
  expect_stdout_contains "src/build/hooks.py:"
  local reported
  reported="$(grep -oE '^[^:]+\.py' "$stdout_file" | sort -u | tr '\n' ' ')"
  [[ $reported == "src/build/hooks.py " ]] || fail "files reported: $reported"
}

scenario_empty_and_non_source_files() {
  : >src.py
  printf 'not python' >README.txt
  run scan src.py README.txt
  expect_status 0
  expect_stderr_line '^hookguard: README\.txt: warning: not a Python or C\+\+ source file'
}

scenario_fifo_named_on_command_line() {
  mkfifo pipe.py
  # Must not block reading it.
  run scan pipe.py
  expect_status 2
  expect_stderr_contains "pipe.py"
}

scenario_fifty_megabyte_module_is_skipped_with_a_note() {
  write_unverified_webhook src/hooks.py
  # 50 MB of valid Python: over the default 20 MiB limit, so skipped, named, and the rest scanned.
  (yes 'VALUE = "a fairly long constant string that fills the generated module"' || true) | head -c 52428800 >src/generated.py
  run scan src --format gcc
  expect_status 1
  expect_stderr_line '^hookguard: src/generated\.py: warning: .*over the limit.*skipped'
  expect_stdout_contains "src/hooks.py:"
}

scenario_nul_in_the_middle_of_a_module() {
  write_unverified_webhook src/hooks.py
  # Past the binary probe window a NUL is just a bad character: the file is analyzed.
  { head -c 10000 /dev/zero | tr '\0' '#'; printf '\nx = 1\0\ndef f():\n    return 1\n'; } >src/late_nul.py
  printf 'x = 1\0\n' >src/early_nul.py
  # --no-prefilter: late_nul.py imports no web framework, and only an analyzed file is parsed.
  run scan src --format gcc --no-prefilter
  expect_status 1
  expect_stdout_contains "src/hooks.py:"
  expect_stderr_line '^hookguard: src/early_nul\.py(:[0-9]+)?: warning: binary file'
  expect_stderr_line '^hookguard: src/late_nul\.py:2: warning: syntax error'
  ! grep -q 'late_nul\.py.*binary' "$stderr_file" || fail "a NUL past the probe window made the file binary"
}

run_scenario "$@"
