#include "lsp/diagnostics.h"

#include <algorithm>

#include "lsp/file_uri.h"
#include "lsp/params.h"
#include "lsp/rule_docs.h"

namespace hg::lsp {

namespace {

// LSP DiagnosticSeverity.
constexpr int kSeverityError = 1;
constexpr int kSeverityWarning = 2;
constexpr int kSeverityInformation = 3;

// An editor cannot show thousands of related locations usefully; the first ones say enough.
constexpr size_t kMaxRelatedLocations = 50;

int severityOf(Level level) {
  switch (level) {
    case Level::Error: return kSeverityError;
    case Level::Warning: return kSeverityWarning;
    case Level::Note: return kSeverityInformation;
  }
  return kSeverityWarning;
}

int severityOf(RunDiagnostic::Severity severity) {
  switch (severity) {
    case RunDiagnostic::Severity::Error: return kSeverityError;
    case RunDiagnostic::Severity::Warning: return kSeverityWarning;
    case RunDiagnostic::Severity::Note: return kSeverityInformation;
  }
  return kSeverityWarning;
}


Json findingDiagnostic(const ScanResult& result, const Finding& finding, PositionEncoding encoding) {
  const SourceSet& sources = result.program->sources;
  Json diagnostic = {
      {"range", toJson(rangeOf(sources.get(finding.location.file), finding.location, encoding))},
      {"severity", severityOf(finding.level)},
      {"code", finding.ruleId},
      {"source", "hookguard"},
      {"message", finding.help.empty() ? finding.message : finding.message + "\n" + finding.help},
  };
  if (const RuleMeta* rule = ruleNamedBy(finding.ruleId))
    diagnostic["codeDescription"] = {{"href", ruleDocumentationUri(*rule)}};
  Json related = Json::array();
  for (const RelatedLocation& location : finding.related) {
    if (!location.span.valid() || location.span.file >= sources.size()) continue;
    if (related.size() == kMaxRelatedLocations) break;
    const SourceFile& file = sources.get(location.span.file);
    related.push_back({{"location",
                        {{"uri", uriOfPath(file.absolutePath)}, {"range", toJson(rangeOf(file, location.span, encoding))}}},
                       {"message", location.message}});
  }
  if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
  return diagnostic;
}

}  // namespace

Range rangeOf(const SourceFile& source, const Span& span, PositionEncoding encoding) {
  if (!span.valid()) return {};
  const uint32_t endLine = span.endLine >= span.line ? span.endLine : span.line;
  const uint32_t endColumn = span.endLine >= span.line ? span.endColumn : span.column;
  Range range;
  range.start = {span.line - 1, characterOfColumn(source.line(span.line), span.column, encoding)};
  range.end = {endLine - 1, characterOfColumn(source.line(endLine), endColumn, encoding)};
  if (range.end.line == range.start.line && range.end.character < range.start.character) range.end = range.start;
  return range;
}

Json diagnosticsForFile(const ScanResult& result, const std::string& canonicalPath, PositionEncoding encoding) {
  Json out = Json::array();
  const SourceSet& sources = result.program->sources;
  FileId id = kNoFile;
  for (FileId i = 0; i < sources.size(); ++i) {
    if (sources.get(i).absolutePath == canonicalPath) {
      id = i;
      break;
    }
  }
  if (id == kNoFile) return out;
  const SourceFile& source = sources.get(id);

  for (const RunDiagnostic& d : result.diagnostics.all()) {
    if (d.line == 0 || d.path != source.displayPath) continue;
    const std::string_view text = source.line(d.line);
    const Range range{{d.line - 1, 0}, {d.line - 1, characterOfByte(text, text.size(), encoding)}};
    out.push_back({{"range", toJson(range)}, {"severity", severityOf(d.severity)}, {"source", "hookguard"},
                   {"message", d.message}});
  }
  for (const Finding& finding : result.findings) {
    if (finding.location.file != id || finding.suppressed()) continue;
    out.push_back(findingDiagnostic(result, finding, encoding));
  }
  return out;
}

}  // namespace hg::lsp
