# --format github: GitHub Actions workflow commands, one per unsuppressed finding.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario_error_annotation_with_position_and_title() {
  write_unverified_webhook app/hooks.py
  run scan app --format github --select WH101
  expect_status 1
  expect_stdout_contains "::error file=app/hooks.py,line=7,col=1,endLine=7,endColumn=21,"
  expect_stdout_contains ",title=WH101 missing-signature-verification::POST /webhook/stripe handler `stripe_webhook`"
  expect_stdout_contains "%0Ahelp: "
  [[ "$(wc -l <"$stdout_file")" == 1 ]] || fail "expected one line per finding"
}

scenario_levels_map_to_warning_and_notice() {
  write_unverified_webhook app/hooks.py
  run scan app --format github --fail-on never
  expect_status 0
  grep -q '^::warning file=' "$stdout_file" || fail "no warning annotation"
  grep -q '^::notice file=' "$stdout_file" || fail "no notice annotation"
  ! grep -v '^::\(error\|warning\|notice\) file=' "$stdout_file" || fail "a line is not a workflow command"
}

scenario_properties_are_escaped() {
  # ',' and ':' end a property: a path holding them must arrive encoded.
  write_unverified_webhook "app/a,b:c%d.py"
  run scan app --format github --select WH101
  expect_status 1
  expect_stdout_contains "::error file=app/a%2Cb%3Ac%25d.py,line="
}

scenario_suppressed_findings_are_not_annotated() {
  write_unverified_webhook app/hooks.py
  sed -i 's/^def stripe_webhook():$/def stripe_webhook():  # hookguard: ignore[WH101]/' app/hooks.py
  run scan app --format github --select WH101
  expect_status 0
  [[ ! -s "$stdout_file" ]] || fail "a suppressed finding was annotated"
}

run_scenario "$@"
