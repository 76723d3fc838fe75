# Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input errors (which
# win over findings).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario_clean_directory_exits_0() {
  write_plain_module src/util.py
  run scan src
  expect_status 0
  expect_stdout_lacks "WH1"
  expect_stderr_contains "no findings"
}

scenario_findings_exit_1() {
  write_unverified_webhook app/hooks.py
  run scan app --format gcc
  expect_status 1
  expect_stdout_contains "app/hooks.py:"
  expect_stdout_contains "[WH101]"
}

scenario_fail_on_never_exits_0() {
  write_unverified_webhook app/hooks.py
  run scan app --format gcc --fail-on never
  expect_status 0
  expect_stdout_contains "[WH101]"
}

scenario_fail_on_threshold_ignores_lower_levels() {
  write_unverified_webhook app/hooks.py
  # WH101 is an error: still a failure when the threshold is a warning...
  run scan app --fail-on warning
  expect_status 1
  # ...and without the error-level rules only warnings remain (no replay protection, no
  # body limit): they fail the run at --fail-on warning, not at the default.
  run scan app --ignore WH1,WH4,WH5
  expect_status 0
  run scan app --ignore WH1,WH4,WH5 --fail-on warning
  expect_status 1
}

scenario_missing_path_exits_2_even_with_findings() {
  write_unverified_webhook app/hooks.py
  run scan app does/not/exist.py --format gcc
  expect_status 2
  expect_stderr_line '^hookguard: does/not/exist\.py: error: .*no such file or directory'
  expect_stdout_contains "[WH101]"  # the paths that exist are still scanned and reported
}

scenario_bad_format_exits_2() {
  write_plain_module util.py
  run scan util.py --format xml
  expect_status 2
  expect_stderr_contains "--format"
  expect_stderr_contains "xml"
}

scenario_bad_fail_on_exits_2() {
  run scan --fail-on sometimes
  expect_status 2
  expect_stderr_contains "--fail-on"
}

scenario_unknown_rule_exits_2() {
  write_plain_module util.py
  run scan util.py --select WH101,WH999
  expect_status 2
  expect_stderr_contains "WH999"
  run scan util.py --ignore no-such-rule
  expect_status 2
  expect_stderr_contains "no-such-rule"
}

scenario_select_and_ignore_filter_rules() {
  write_unverified_webhook app/hooks.py
  run scan app --format gcc --select WH101 --fail-on never
  expect_status 0
  local ids
  ids="$(grep -oE '\[WH[0-9]+\]' "$stdout_file" | sort -u | tr '\n' ' ')"
  [[ $ids == "[WH101] " ]] || fail "--select WH101 reported: $ids"
  run scan app --format gcc --ignore missing-signature-verification --fail-on never
  expect_status 0
  expect_stdout_lacks "[WH101]"
}

scenario_no_command_exits_2() {
  run
  expect_status 2
  run frobnicate
  expect_status 2
  expect_stderr_contains "frobnicate"
  run scan --no-such-option
  expect_status 2
  expect_stderr_contains "--no-such-option"
}

scenario_version_and_help_exit_0() {
  run --version
  expect_status 0
  grep -qE '^hookguard [0-9]+\.[0-9]+\.[0-9]+' "$stdout_file" || fail "--version printed no version"
  run scan --help
  expect_status 0
  for option in --format --output --fail-on --select --ignore --all-post-routes --webhook-route --build-path \
    --color --quiet --max-file-bytes; do
    expect_stdout_contains "$option"
  done
}

scenario_current_directory_is_the_default() {
  write_unverified_webhook hooks.py
  run scan --format gcc
  expect_status 1
  expect_stdout_contains "hooks.py:"
  expect_stdout_lacks "./hooks.py"
}

run_scenario "$@"
