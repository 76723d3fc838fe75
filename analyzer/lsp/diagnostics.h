// Findings and run diagnostics of one scan as the LSP diagnostics of one file.
#pragma once

#include <string>

#include "cli/scan.h"
#include "lsp/json_rpc.h"
#include "lsp/params.h"
#include "lsp/positions.h"

namespace hg::lsp {

// The diagnostics array for the file whose canonical path is `canonicalPath`: its unsuppressed
// findings (rule id as code, link to the rule's documentation, related locations) and the run
// diagnostics that name a line of it (syntax errors). Empty when the scan did not load it.
// A span of `source` as an LSP range.
Range rangeOf(const SourceFile& source, const Span& span, PositionEncoding encoding);

Json diagnosticsForFile(const ScanResult& result, const std::string& canonicalPath, PositionEncoding encoding);

}  // namespace hg::lsp
