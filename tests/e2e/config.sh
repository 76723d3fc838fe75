# The project configuration: pyproject.toml [tool.hookguard] and .hookguard.toml, found upward
# from the first path or named with --config; errors exit 2 naming file:line:column.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

scenario_pyproject_ignore_applies() {
  write_unverified_webhook app/hooks.py
  printf '[project]\nname = "demo"\n\n[tool.hookguard]\nignore = ["WH1"]\n' >pyproject.toml
  run scan app --format gcc
  expect_status 0
  expect_stdout_lacks "[WH101]"
}

scenario_hookguard_toml_found_from_a_subdirectory_and_cli_overrides() {
  write_unverified_webhook app/hooks.py
  printf 'fail-on = "never"\n[rules.WH101]\nlevel = "note"\n' >.hookguard.toml
  run scan app/hooks.py --format json
  expect_status 0
  expect_stdout_contains '"level": "note"'
  run scan app/hooks.py --format json --fail-on note
  expect_status 1
}

scenario_no_config_and_explicit_config() {
  write_unverified_webhook app/hooks.py
  printf 'ignore = ["WH1"]\n' >.hookguard.toml
  run scan app --format gcc --no-config
  expect_status 1
  expect_stdout_contains "[WH101]"
  mkdir -p conf
  printf 'select = ["WH101"]\n' >conf/strict.toml
  run scan app --format gcc --config conf/strict.toml
  expect_status 1
  expect_stdout_contains "[WH101]"
  expect_stdout_lacks "[WH201]"
}

scenario_exclude_globs() {
  write_unverified_webhook app/hooks.py
  write_unverified_webhook app/legacy/old.py
  printf 'exclude = ["legacy"]\n' >.hookguard.toml
  run scan . --format gcc
  expect_stdout_contains "app/hooks.py"
  expect_stdout_lacks "app/legacy/old.py"
  run scan . --format gcc --exclude "app/hooks.py"
  expect_stdout_contains "app/legacy/old.py"
  expect_stdout_lacks "app/hooks.py"
}

scenario_knowledge_extends_verifiers() {
  mkdir -p app
  cat >app/hooks.py <<'PY'
from flask import Flask, request
from vendor_sdk import check_request

app = Flask(__name__)


@app.route("/webhook/vendor", methods=["POST"])
def vendor_webhook():
    check_request(request)
    event = request.get_json()
    return {"received": event["id"]}
PY
  run scan app --format gcc --select WH101
  expect_status 1
  printf '[knowledge]\nverifiers = [{ name = "vendor_sdk.check_request", style = "raises" }]\n' >.hookguard.toml
  run scan app --format gcc --select WH101
  expect_status 0
  expect_stdout_lacks "[WH101]"
}

scenario_body_size_threshold_from_file_and_command_line() {
  mkdir -p app
  cat >app/hooks.py <<'PY'
from flask import Flask, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024


@app.route("/webhook/stripe", methods=["POST"])
def stripe_webhook():
    event = request.get_json()
    return {"received": event["id"]}
PY
  run scan app --format gcc --select WH302
  expect_stdout_contains "[WH302]"
  printf 'max-body-bytes = 60000000\n' >.hookguard.toml
  run scan app --format gcc --select WH302
  expect_stdout_lacks "[WH302]"
  run scan app --format gcc --select WH302 --max-body-bytes 1000000
  expect_stdout_contains "above the 1000000 bytes"
}

scenario_unknown_key_exits_2_with_position() {
  write_unverified_webhook app/hooks.py
  printf '[tool.hookguard]\nselect = ["WH1"]\nselcet = ["WH2"]\n' >pyproject.toml
  run scan app
  expect_status 2
  expect_stderr_contains "pyproject.toml:3:1: unknown key 'selcet' in [tool.hookguard]"
  expect_stdout_lacks "WH101"
}

scenario_wrong_type_exits_2_with_position() {
  printf 'max-body-bytes = "1MB"\n' >.hookguard.toml
  run scan .
  expect_status 2
  expect_stderr_contains ".hookguard.toml:1:18: 'max-body-bytes' must be a positive integer, not a string"
}

scenario_invalid_toml_and_missing_file_exit_2() {
  printf 'select = [\n' >.hookguard.toml
  run scan .
  expect_status 2
  expect_stderr_line '^hookguard: error: \.hookguard\.toml:[0-9]+:[0-9]+: invalid TOML'
  run scan . --config does-not-exist.toml
  expect_status 2
  expect_stderr_contains "does-not-exist.toml: cannot read configuration file"
  printf '[project]\nname = "x"\n' >pyproject.toml
  run scan . --no-config --config pyproject.toml
  expect_status 0  # --no-config wins: nothing is read
  rm .hookguard.toml
  run scan . --config pyproject.toml
  expect_status 2
  expect_stderr_contains "pyproject.toml: no [tool.hookguard] table"
}

scenario_every_scan_option_is_documented_in_the_readme() {
  run scan --help
  expect_status 0
  local option missing=()
  for option in $(grep -oE -- '--[a-z][a-z-]+' "$stdout_file" | sort -u); do
    [[ $option == --help ]] && continue
    grep -qE -- "(\`|, )$option( |\`)" "$HOOKGUARD_SOURCE_DIR/README.md" || missing+=("$option")
  done
  ((${#missing[@]} == 0)) || fail "README.md's option table lacks: ${missing[*]}"
}

run_scenario "$@"
