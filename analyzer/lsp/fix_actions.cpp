#include "lsp/fix_actions.h"

#include "lsp/diagnostics.h"
#include "lsp/params.h"

namespace hg::lsp {

namespace {

bool sameRange(const Range& a, const Range& b) {
  return a.start.line == b.start.line && a.start.character == b.start.character && a.end.line == b.end.line &&
         a.end.character == b.end.character;
}

}  // namespace

std::optional<Json> fixAction(const ScanResult& result, const std::string& canonicalPath, const std::string& uri,
                              const Json& diagnostic, PositionEncoding encoding) {
  const Json* code = optionalMember(diagnostic, "code");
  const Json* rangeJson = optionalMember(diagnostic, "range");
  if (!code || !code->is_string() || !rangeJson) return std::nullopt;
  const Range range = parseRange(*rangeJson);
  const SourceSet& sources = result.program->sources;
  for (const Finding& f : result.findings) {
    if (f.suppressed() || !f.fix() || f.ruleId != *code || f.location.file >= sources.size()) continue;
    const SourceFile& file = sources.get(f.location.file);
    if (file.absolutePath != canonicalPath || !sameRange(rangeOf(file, f.location, encoding), range)) continue;
    const Fix& fix = *f.fix();
    Json edits = Json::array();
    for (const TextEdit& e : fix.edits) {
      if (e.file != f.location.file) return std::nullopt;  // the action edits this document only
      edits.push_back({{"range", toJson(rangeOf(file, file.span(e.startByte, e.endByte, e.file), encoding))},
                       {"newText", e.replacement}});
    }
    const bool safe = fix.applicability == FixApplicability::Safe;
    std::string title = "Fix " + f.ruleId + ": " + fix.description + (safe ? "" : " (unsafe)");
    return Json{{"title", std::move(title)},
                {"kind", "quickfix"},
                {"diagnostics", Json::array({diagnostic})},
                {"isPreferred", safe},
                {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
  }
  return std::nullopt;
}

}  // namespace hg::lsp
