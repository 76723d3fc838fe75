# SARIF validated by Microsoft's SARIF Multitool with GitHub code scanning's ingestion rules
# ("Gh") and the SARIF rules ("Sarif"): any error or warning it reports fails the scenario.
#
# The validator comes from the environment: HOOKGUARD_SARIF_MULTITOOL is the path of the
# Multitool (npm package @microsoft/sarif-multitool-linux: its Sarif.Multitool executable, the
# package directory, or the node_modules/.bin launcher). Without it a scenario is skipped on a
# developer machine and fails in CI (CI=true), where SARIF must be validated.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# require_multitool: sets multitool_exe, or skips (fails in CI) when there is none.
multitool_exe=
require_multitool() {
  local tool=${HOOKGUARD_SARIF_MULTITOOL:-}
  if [[ -z $tool ]]; then
    [[ ${CI:-} != true ]] || fail "HOOKGUARD_SARIF_MULTITOOL is not set: CI must validate SARIF (see tools/hookguard-dev)"
    skip "HOOKGUARD_SARIF_MULTITOOL is not set (path of the SARIF Multitool)"
  fi
  # The npm launcher (a node script) re-joins its arguments into a shell command line, which
  # would split "Gh;Sarif" at the ';': always run the native executable next to it.
  if [[ -d $tool ]]; then
    tool="$tool/Sarif.Multitool"
  elif [[ -f $tool && $(head -c 2 "$tool") == "#!" ]]; then
    tool="$(dirname "$(readlink -f "$tool")")/Sarif.Multitool"
  fi
  [[ -x $tool ]] || fail "HOOKGUARD_SARIF_MULTITOOL: $tool is not an executable SARIF Multitool"
  command -v node >/dev/null || fail "node is needed to read the Multitool's report"
  multitool_exe=$tool
}

# validate FILE: runs the Multitool on FILE; its exit status is 0 even when it finds errors,
# so its own SARIF report is read and every error or warning in it is printed.
validate() {
  local report="$work/validation.sarif"
  rm -f "$report"
  "$multitool_exe" validate --rule-kind "Gh;Sarif" --level "Error;Warning" --output "$report" "$1" \
    >"$work/validation.log" 2>&1 || fail "the Multitool failed: $(cat "$work/validation.log")"
  [[ -s $report ]] || fail "the Multitool wrote no report: $(cat "$work/validation.log")"
  node - "$report" "$1" <<'JS' || fail "$1 is not valid for GitHub code scanning (problems listed above)"
const fs = require("fs");
const [report, name] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(report, "utf8"));
let problems = 0;
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const result of run.results || []) {
    const level = result.level || "warning";  // SARIF's default level
    if (level !== "error" && level !== "warning") continue;
    const rule = (rules[result.ruleIndex] || {}).id || result.ruleId;
    const loc = result.locations && result.locations[0] && result.locations[0].physicalLocation;
    const line = loc && loc.region ? loc.region.startLine : "?";
    const args = (result.message && (result.message.arguments || [result.message.text])) || [];
    console.error(`${name}:${line}: ${level}: ${rule}: ${args.join(" | ")}`);
    problems++;
  }
  for (const inv of run.invocations || []) {
    for (const n of (inv.toolExecutionNotifications || []).concat(inv.toolConfigurationNotifications || [])) {
      if ((n.level || "warning") !== "error") continue;
      console.error(`${name}: the Multitool reports: ${n.message && n.message.text}`);
      problems++;
    }
  }
}
process.exit(problems === 0 ? 0 : 1);
JS
}

# result_count FILE: the number of results in FILE's run.
result_count() {
  node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].results.length)' "$1"
}

scenario_samples_are_valid_for_code_scanning() {
  require_multitool
  [[ -d $HOOKGUARD_SOURCE_DIR/samples ]] || fail "no samples directory in $HOOKGUARD_SOURCE_DIR"
  cp -R "$HOOKGUARD_SOURCE_DIR/samples" samples
  run scan samples --format sarif -o out.sarif
  [[ $status == 0 || $status == 1 ]] || fail "the scan of the samples exited with $status"
  [[ -s out.sarif ]] || fail "no out.sarif"
  [[ $(result_count out.sarif) -gt 0 ]] || fail "the samples gave no results"
  validate out.sarif
}

scenario_clean_tree_is_valid_for_code_scanning() {
  require_multitool
  write_plain_module app/util.py
  run scan app --format sarif -o out.sarif
  expect_status 0
  grep -qF '"results": []' out.sarif || fail "a clean scan must still carry \"results\": []"
  validate out.sarif
}

# A binary file and a syntax error become toolExecutionNotifications; a path with a space and
# non-ASCII characters is percent-encoded.
scenario_notifications_and_encoded_uris_are_valid_for_code_scanning() {
  require_multitool
  local dir
  dir="app/my dir/$(printf 'h\303\251')"
  write_unverified_webhook "$dir/hooks.py"
  printf '\000\001\002\377binary' >"$dir/blob.py"
  printf 'from flask import request\n\ndef broken(:\n    return request.data\n' >app/broken.py
  run scan app --format sarif -o out.sarif
  [[ -s out.sarif ]] || fail "no out.sarif"
  grep -qF '"uri": "app/my%20dir/h%C3%A9/blob.py"' out.sarif || fail "the path is not percent-encoded in out.sarif"
  validate out.sarif
}

# Results with fixes (result.fixes[]: a replacement, and an insertion whose deletedRegion is
# empty, the `import hmac` a compare_digest fix adds).
scenario_fixes_are_valid_for_code_scanning() {
  require_multitool
  mkdir -p app
  cp "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_timing_helper.py" app/
  sed '/^import hmac$/d' "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_gitlab_token.py" >app/gitlab_token.py
  run scan app --format sarif -o out.sarif
  [[ -s out.sarif ]] || fail "no out.sarif"
  grep -qF '"artifactChanges"' out.sarif || fail "out.sarif has no fixes"
  grep -qF '"text": "import hmac\n"' out.sarif || fail "out.sarif has no import insertion"
  validate out.sarif
}

run_scenario "$@"
