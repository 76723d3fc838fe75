-- Drives `hookguard lsp` with Neovim's built-in LSP client (run headless by lsp.sh): opens a
-- webhook handler, checks the diagnostics as Neovim shows them (columns converted from the
-- server's UTF-16 positions), edits the buffer and checks they follow the unsaved text, applies
-- the suppression code action (the finding then goes), hovers a rule id, checks a helper in
-- another module is seen, applies a finding's fix (WH102's hmac.compare_digest) as a code
-- action, closes the document and stops the server, which must exit with 0.
local hookguard = assert(os.getenv('HOOKGUARD'), 'HOOKGUARD is not set')
local root = assert(os.getenv('LSP_WORKSPACE'), 'LSP_WORKSPACE is not set')
local timeout = 30000

local published = {}  -- uri -> diagnostics of the last publishDiagnostics
local exit_code

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function expect(condition, message)
  if not condition then fail(message) end
end

local function wait_for(what, predicate)
  expect(vim.wait(timeout, predicate, 20), 'timed out waiting for ' .. what)
end

local function find_code(diagnostics, code)
  for _, d in ipairs(diagnostics or {}) do
    if d.code == code then return d end
  end
end

local function run()
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'hookguard',
    cmd = { hookguard, 'lsp' },
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        return default_publish(err, result, ctx, config)
      end,
    },
    on_exit = function(code) exit_code = code end,
  })
  expect(client_id, 'the client did not start')

  -- 1. Open: diagnostics arrive without any further request.
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/hooks.py'))
  local buffer = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buffer)
  vim.lsp.buf_attach_client(buffer, client_id)
  wait_for('WH101 on open', function() return find_code(vim.diagnostic.get(buffer), 'WH101') ~= nil end)
  local wh101 = find_code(vim.diagnostic.get(buffer), 'WH101')
  expect(wh101.lnum == 6 and wh101.col == 0, ('WH101 at %d:%d, expected 6:0'):format(wh101.lnum, wh101.col))
  expect(wh101.source == 'hookguard', 'source is ' .. tostring(wh101.source))
  expect(wh101.severity == vim.diagnostic.severity.ERROR, 'WH101 is not an error')
  local href = wh101.user_data.lsp.codeDescription and wh101.user_data.lsp.codeDescription.href or ''
  expect(href:find('WH101_', 1, true), 'codeDescription.href is ' .. href)
  -- The line holds 'é' and an emoji before Flask(...): Neovim turns the UTF-16 offset back
  -- into a byte column, which must land on the 'F'.
  local wh301 = find_code(vim.diagnostic.get(buffer), 'WH301')
  expect(wh301, 'no WH301')
  local line = vim.api.nvim_buf_get_lines(buffer, wh301.lnum, wh301.lnum + 1, true)[1]
  local flask = line:find('Flask(', 1, true) - 1
  expect(wh301.col == flask, ('WH301 at byte column %d, expected %d in %q'):format(wh301.col, flask, line))
  expect(wh301.severity == vim.diagnostic.severity.WARN, 'WH301 is not a warning')

  -- 2. Change the buffer (not the file): two lines above move the findings down.
  vim.api.nvim_buf_set_lines(buffer, 0, 0, true, { '# edited in the buffer', '# only' })
  wait_for('WH101 to move with the edit', function()
    local d = find_code(published[uri], 'WH101')
    return d ~= nil and d.range.start.line == 8
  end)

  -- 3. The quick fix appends the suppression comment to the reported line.
  local lsp_wh101 = find_code(published[uri], 'WH101')
  local client = vim.lsp.get_client_by_id(client_id)
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = lsp_wh101.range,
    context = { diagnostics = { lsp_wh101 } },
  }, timeout, buffer)
  expect(response and response.result and #response.result == 1, 'expected one code action: ' .. vim.inspect(response))
  local action = response.result[1]
  expect(action.title == 'Suppress WH101 on this line', 'code action title: ' .. tostring(action.title))
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  local def_line = vim.api.nvim_buf_get_lines(buffer, 8, 9, true)[1]
  expect(def_line == 'def stripe_webhook(): # hookguard: ignore[WH101]', 'after the code action: ' .. def_line)
  wait_for('WH101 to be suppressed by the inserted comment', function()
    return published[uri] ~= nil and find_code(published[uri], 'WH101') == nil and find_code(published[uri], 'WH301') ~= nil
  end)

  -- 4. Hover on the rule id in that comment shows the rule's documentation.
  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = 8, character = def_line:find('WH101', 1, true) },
  }, timeout, buffer)
  local contents = hover and hover.result and hover.result.contents
  expect(contents and contents.kind == 'markdown' and contents.value:find('WH101', 1, true),
         'hover: ' .. vim.inspect(hover))

  -- 5. A view whose signature check lives in another module of the workspace.
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/partner/views.py'))
  local views = vim.api.nvim_get_current_buf()
  local views_uri = vim.uri_from_bufnr(views)
  vim.lsp.buf_attach_client(views, client_id)
  wait_for('diagnostics of partner/views.py', function() return published[views_uri] ~= nil end)
  expect(find_code(published[views_uri], 'WH101') == nil, 'the helper in partner/signing.py was not seen')
  expect(find_code(published[views_uri], 'WH201') ~= nil, 'no WH201 in partner/views.py')

  -- 5b. The fix of a finding is a preferred quick fix; applied, the finding goes.
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/timing_helper.py'))
  local helper = vim.api.nvim_get_current_buf()
  local helper_uri = vim.uri_from_bufnr(helper)
  vim.lsp.buf_attach_client(helper, client_id)
  wait_for('WH102 in timing_helper.py', function() return find_code(published[helper_uri], 'WH102') ~= nil end)
  local wh102 = find_code(published[helper_uri], 'WH102')
  local fixes = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = helper_uri },
    range = wh102.range,
    context = { diagnostics = { wh102 } },
  }, timeout, helper)
  local fix = fixes and fixes.result and fixes.result[1]
  expect(fix and fix.title == 'Fix WH102: use hmac.compare_digest' and fix.isPreferred == true,
         'expected the WH102 fix first: ' .. vim.inspect(fixes))
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  local fixed_line = vim.api.nvim_buf_get_lines(helper, wh102.range.start.line, wh102.range.start.line + 1, true)[1]
  expect(fixed_line == '    note = "\u{e9}\u{1F600}"; return hmac.compare_digest(expected, signature)',
         'after the fix: ' .. fixed_line)
  wait_for('WH102 to go after the fix', function()
    local d = published[helper_uri]
    return d ~= nil and find_code(d, 'WH102') == nil and find_code(d, 'WH201') ~= nil
  end)

  -- 6. Closing a document clears its diagnostics.
  vim.lsp.buf_detach_client(buffer, client_id)
  wait_for('an empty publish after didClose', function() return published[uri] and #published[uri] == 0 end)

  -- 7. shutdown, then exit: status 0.
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return exit_code ~= nil end)
  expect(exit_code == 0, 'the server exited with ' .. tostring(exit_code))
end

local ok, err = pcall(run)
if not ok then fail(tostring(err)) end
io.stdout:write('neovim LSP client: all checks passed\n')
vim.cmd('qall!')
