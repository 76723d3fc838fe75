// `--format json`: a stable array for scripts, documented in docs/json-output.md. Keys never
// change meaning; new keys may be added at the end of an object.
//
//   [
//     {
//       "rule": "WH401",              catalog id
//       "level": "error",             "error" | "warning" | "note" (after level overrides)
//       "message": "...",             lower case, no final period
//       "path": "app/hooks.py",       relative to the repository root, '/' separated
//       "line": 15, "column": 5,      1-based; columns count Unicode code points
//       "end_line": 15, "end_column": 27,   end_column is exclusive
//       "help": "...",                how to fix it (or the `hookguard explain` hint)
//       "suppressed": false,          true when an inline `hookguard: ignore` covers it
//       "related": [ {"path", "line", "column", "end_line", "end_column", "message"} ],
//       "flow": [ same shape, source first, sink last ],
//       "fix": null, or {"description", "applicability": "safe" | "unsafe",
//               "edits": [ {"path", "line", "column", "end_line", "end_column", "content"} ]}
//     }
//   ]
//
// Findings appear in path, line, column, rule order; suppressed ones are included.
#include <nlohmann/json.hpp>

#include "report/findings_view.h"
#include "report/report.h"

namespace hg {
namespace {

using Json = nlohmann::ordered_json;

Json spanFields(const SourceSet& sources, const Span& span, const std::string& message) {
  const SourceFile* file = fileOf(sources, span);
  return Json{{"path", file ? file->displayPath : std::string()},
              {"line", span.line},
              {"column", span.column},
              {"end_line", span.endLine},
              {"end_column", span.endColumn},
              {"message", message}};
}

// Each edit replaces [line:column, end_line:end_column) with content; an empty range inserts.
Json fixFields(const SourceSet& sources, const Finding& f) {
  const Fix* fix = f.fix();
  if (!fix) return nullptr;
  Json edits = Json::array();
  for (const TextEdit& e : fix->edits) {
    const SourceFile& file = sources.get(e.file);
    Span span = file.span(e.startByte, e.endByte, e.file);
    edits.push_back(Json{{"path", file.displayPath},
                         {"line", span.line},
                         {"column", span.column},
                         {"end_line", span.endLine},
                         {"end_column", span.endColumn},
                         {"content", e.replacement}});
  }
  return Json{{"description", fix->description},
              {"applicability", applicabilityName(fix->applicability)},
              {"edits", std::move(edits)}};
}

}  // namespace

void writeJson(std::ostream& out, const ReportInput& input) {
  const SourceSet& sources = input.program.sources;
  Json findings = Json::array();
  for (const Finding* f : sortedFindings(input)) {
    Json related = Json::array();
    for (const RelatedLocation& r : f->related) related.push_back(spanFields(sources, r.span, r.message));
    Json flow = Json::array();
    for (const FlowStep& s : f->flow) flow.push_back(spanFields(sources, s.span, s.message));
    const SourceFile* file = fileOf(sources, f->location);
    findings.push_back(Json{
        {"rule", f->ruleId},
        {"level", levelName(f->level)},
        {"message", f->message},
        {"path", file ? file->displayPath : std::string()},
        {"line", f->location.line},
        {"column", f->location.column},
        {"end_line", f->location.endLine},
        {"end_column", f->location.endColumn},
        {"help", helpFor(*f)},
        {"suppressed", f->suppressed()},
        {"related", std::move(related)},
        {"flow", std::move(flow)},
        {"fix", fixFields(sources, *f)},
    });
  }
  out << findings.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace hg
