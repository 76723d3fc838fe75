# `hookguard lsp`: a real client (Neovim's built-in LSP client, headless) against the server,
# and raw protocol bytes the server must answer with JSON-RPC errors instead of dying.
#
# Neovim comes from Debian's neovim package (tools/hookguard-dev installs it). Without it the
# client scenario is skipped on a developer machine and fails in CI (CI=true).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# frame BODY: the body with its Content-Length header.
frame() {
  printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"
}

# lsp_session FILE: runs `hookguard lsp` with FILE as its input.
lsp_session() {
  status=0
  "$HOOKGUARD" lsp <"$1" >"$stdout_file" 2>"$stderr_file" || status=$?
}

scenario_neovim_client_sees_diagnostics_fixes_and_hovers() {
  if ! command -v nvim >/dev/null 2>&1; then
    [[ ${CI:-} != true ]] || fail "nvim is not installed: CI must run the LSP client test (see tools/hookguard-dev)"
    skip "nvim is not installed (Debian package neovim)"
  fi
  write_unverified_webhook hooks.py
  # Non-ASCII text before the finding on its line: two-byte 'é' and a four-byte emoji.
  sed -i 's/^app = Flask(__name__)$/\xc3\xa9 = "\xf0\x9f\x98\x80"; app = Flask(__name__)/' hooks.py
  grep -q '; app = Flask' hooks.py || fail "could not prepare hooks.py"
  cp -R "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_partner" partner
  # WH102 with a fix, after a two-byte 'é' and a four-byte emoji on its line.
  sed 's/  # expect: [A-Z0-9, ]*$//; s/^    return expected == signature$/    note = "\xc3\xa9\xf0\x9f\x98\x80"; return expected == signature/' \
    "$HOOKGUARD_SOURCE_DIR/samples/flask/auth_timing_helper.py" >timing_helper.py
  grep -q '; return expected == signature' timing_helper.py || fail "could not prepare timing_helper.py"
  status=0
  # Neovim's state (LSP log, shada) stays in the scratch directory; the Python provider is
  # off because probing for it when a .py file opens takes seconds.
  XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
    LSP_WORKSPACE="$repo" timeout 120 nvim --headless --clean -n \
    --cmd 'let g:loaded_python3_provider = 0' \
    -c "luafile $HOOKGUARD_SOURCE_DIR/tests/e2e/lsp_neovim_client.lua" \
    >"$stdout_file" 2>"$stderr_file" </dev/null || status=$?
  expect_status 0
  expect_stdout_contains "all checks passed"
}

scenario_malformed_input_gets_errors_and_exit_status() {
  {
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    frame '{"jsonrpc":"2.0","id":2,"method":'        # truncated JSON
    printf 'Content-Length: 99999999999\r\n\r\n'      # over the size cap (the input ends first)
  } >in.bin
  lsp_session in.bin
  expect_status 1  # the input ended without shutdown and exit
  expect_stdout_contains '"id":1,"jsonrpc":"2.0","result":{"capabilities"'
  expect_stdout_contains '"code":-32700'

  {
    frame '{"jsonrpc":"2.0","id":1,"method":"shutdown"}'
    printf 'Content-Type: text/plain\r\n\r\n'         # no Content-Length
    frame '[1,2]'
    frame "$(printf '{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"rootUri":"file:///%s"}}' "$(head -c 2000 /dev/zero | tr '\0' 'a')")"
    frame '{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{}}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
  } >in.bin
  lsp_session in.bin
  expect_status 1  # exit before initialize and shutdown
  expect_stdout_contains '"code":-32002'
  expect_stdout_contains '"code":-32600'

  {
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
    frame '{"jsonrpc":"2.0","id":3,"method":"never-read"}'
  } >in.bin
  lsp_session in.bin
  expect_status 0
  expect_stdout_contains '"id":2,"jsonrpc":"2.0","result":null'
  expect_stdout_lacks '"id":3'
}

run_scenario "$@"
