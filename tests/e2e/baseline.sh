# --baseline / --write-baseline: report only findings an earlier run's SARIF log does not hold;
# inline suppressions and --report-unused-ignores.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario_baseline_hides_known_findings_and_reports_new_ones() {
  write_unverified_webhook app/hooks.py
  run scan app --format gcc --write-baseline baseline.sarif
  expect_status 1
  [[ -s baseline.sarif ]] || fail "no baseline written"
  run scan app --format gcc --baseline baseline.sarif
  expect_status 0
  expect_stdout_lacks "[WH101]"
  expect_stderr_contains "in the baseline baseline.sarif not reported"
  # Lines added above the handler move it but keep its fingerprint...
  sed -i '1i # a comment\n' app/hooks.py
  run scan app --format gcc --baseline baseline.sarif
  expect_status 0
  # ...while a new handler is new.
  write_unverified_webhook app/more.py
  sed -i 's/stripe/paddle/g' app/more.py
  run scan app --format gcc --baseline baseline.sarif
  expect_status 1
  expect_stdout_contains "app/more.py:"
  expect_stdout_lacks "app/hooks.py:"
}

scenario_malformed_baseline_exits_2() {
  write_unverified_webhook app/hooks.py
  printf '{"runs": 3}' >bad.sarif
  run scan app --baseline bad.sarif
  expect_status 2
  expect_stderr_contains "bad.sarif: not a usable baseline"
  printf 'not json' >bad.sarif
  run scan app --baseline bad.sarif
  expect_status 2
  expect_stderr_contains "invalid JSON"
  run scan app --baseline missing.sarif
  expect_status 2
  expect_stderr_contains "missing.sarif: cannot read baseline"
}

scenario_suppressed_finding_stays_in_sarif_and_does_not_fail() {
  write_unverified_webhook app/hooks.py
  sed -i 's/^def stripe_webhook():$/def stripe_webhook():  # hookguard: ignore[WH101]/' app/hooks.py
  run scan app --select WH101
  expect_status 0
  expect_stderr_contains "1 suppressed"
  run scan app --select WH101 --format sarif
  expect_status 0
  expect_stdout_contains '"suppressions"'
  expect_stdout_contains '"kind": "inSource"'
  expect_stdout_contains '"automationDetails"'
}

scenario_unused_ignores_reported_on_request() {
  write_unverified_webhook app/hooks.py
  echo 'x = 1  # hookguard: ignore[WH102]' >>app/hooks.py
  run scan app --select WH1 --fail-on never
  expect_stderr_lacks "unused suppression"
  run scan app --ignore WH1,WH4,WH5 --report-unused-ignores
  expect_status 0  # WH102 did not run: its ignore is not unused
  run scan app --select WH1 --report-unused-ignores --fail-on never
  expect_status 0
  expect_stderr_line '^hookguard: app/hooks\.py:[0-9]+: warning: unused suppression of WH102'
  sed -i 's/^def stripe_webhook():$/def stripe_webhook():  # hookguard: ignore[WH101]/' app/hooks.py
  run scan app --select WH1 --report-unused-ignores --fail-on warning
  expect_status 1
}

scenario_sarif_category_sets_the_automation_id() {
  write_unverified_webhook app/hooks.py
  run scan app --format sarif --fail-on never
  expect_stdout_contains '"id": "hookguard/"'
  run scan app --format sarif --fail-on never --sarif-category payments
  expect_stdout_contains '"id": "payments/"'
}

run_scenario "$@"
