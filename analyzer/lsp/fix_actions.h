// The code action that applies a finding's fix (engine/fixes.h) in the editor: a quickfix
// with a WorkspaceEdit, preferred when the fix is safe.
#pragma once

#include <optional>
#include <string>

#include "cli/scan.h"
#include "lsp/json_rpc.h"
#include "lsp/positions.h"

namespace hg::lsp {

// For the client's `diagnostic` (one hookguard published for the file at `canonicalPath`,
// whose document is `uri`): the action applying the fix of the finding it shows. nullopt when
// no finding of the result matches it or the finding has no fix. The result must have
// analyzed the document's current text (the edits are byte offsets into it).
std::optional<Json> fixAction(const ScanResult& result, const std::string& canonicalPath, const std::string& uri,
                              const Json& diagnostic, PositionEncoding encoding);

}  // namespace hg::lsp
