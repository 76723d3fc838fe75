#include <algorithm>
#include <map>

#include "report/findings_view.h"
#include "report/line_hash.h"
#include "report/sarif_parts.h"
#include "report/uri.h"

namespace hg {
namespace {

SarifJson artifactLocation(const ArtifactUri& uri) {
  SarifJson location = {{"uri", uri.uri}};
  if (uri.relativeToSourceRoot) location["uriBaseId"] = kSourceRootBaseId;
  return location;
}

}  // namespace

SarifResultBuilder::SarifResultBuilder(const ReportInput& input, const std::vector<RuleMeta>& catalog,
                                       const SarifLimits& limits)
    : input_(input), limits_(limits) {
  for (size_t i = 0; i < catalog.size(); ++i) ruleIndex_.emplace(catalog[i].id, i);
}

// Spans come from every front-end and rule; SARIF consumers reject inconsistent regions, so
// the region is made well-formed here: 1-based, end not before start, and never empty (an
// empty region would highlight nothing).
SarifJson SarifResultBuilder::region(const Span& span) const {
  uint32_t startLine = std::max<uint32_t>(span.line, 1);
  uint32_t startColumn = std::max<uint32_t>(span.column, 1);
  uint32_t endLine = std::max(span.endLine, startLine);
  uint32_t endColumn = std::max<uint32_t>(span.endColumn, 1);
  if (endLine == startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return SarifJson{{"startLine", startLine},
                   {"startColumn", startColumn},
                   {"endLine", endLine},
                   {"endColumn", endColumn}};
}

std::optional<SarifJson> SarifResultBuilder::location(const Span& span) {
  const SourceFile* file = span.valid() ? fileOf(input_.program.sources, span) : nullptr;
  if (!file) return std::nullopt;
  return SarifJson{{"physicalLocation",
                    {{"artifactLocation", artifactLocation(artifactUri(*file, input_.repositoryRoot))},
                     {"region", region(span)}}}};
}

std::optional<std::string> SarifResultBuilder::lineHash(const Span& span) {
  auto it = lineHashes_.find(span.file);
  if (it == lineHashes_.end()) {
    it = lineHashes_.emplace(span.file, lineHashes(input_.program.sources.get(span.file))).first;
  }
  const auto& hashes = it->second;
  if (!hashes || span.line >= hashes->size() || (*hashes)[span.line].empty()) return std::nullopt;
  return (*hashes)[span.line];
}

// result.fixes[i]: unlike a location's region, a replacement's deletedRegion may be empty (an
// insertion point), so it is written as the edit's exact range.
std::optional<SarifJson> SarifResultBuilder::fixObject(const Fix& fix) {
  SarifJson changes = SarifJson::array();
  std::map<FileId, size_t> changeOf;
  for (const TextEdit& e : fix.edits) {
    if (e.file >= input_.program.sources.size()) return std::nullopt;
    const SourceFile& file = input_.program.sources.get(e.file);
    Span span = file.span(e.startByte, e.endByte, e.file);
    SarifJson replacement = {{"deletedRegion",
                              {{"startLine", span.line},
                               {"startColumn", span.column},
                               {"endLine", span.endLine},
                               {"endColumn", span.endColumn}}}};
    if (!e.replacement.empty()) replacement["insertedContent"] = {{"text", e.replacement}};
    auto [it, added] = changeOf.emplace(e.file, changes.size());
    if (added) {
      changes.push_back({{"artifactLocation", artifactLocation(artifactUri(file, input_.repositoryRoot))},
                         {"replacements", SarifJson::array()}});
    }
    changes[it->second]["replacements"].push_back(std::move(replacement));
  }
  if (changes.empty()) return std::nullopt;
  return SarifJson{{"description", {{"text", fix.description}}}, {"artifactChanges", std::move(changes)}};
}

std::optional<SarifJson> SarifResultBuilder::result(const Finding& finding) {
  std::optional<SarifJson> primary = location(finding.location);
  if (!primary) return std::nullopt;

  SarifJson out = {{"ruleId", finding.ruleId}};
  if (auto it = ruleIndex_.find(finding.ruleId); it != ruleIndex_.end()) out["ruleIndex"] = it->second;
  out["level"] = levelName(finding.level);
  out["message"] = {{"text", finding.message}};
  out["locations"] = SarifJson::array({*primary});
  if (auto hash = lineHash(finding.location)) out["partialFingerprints"] = {{"primaryLocationLineHash", *hash}};

  SarifJson related = SarifJson::array();
  for (const RelatedLocation& r : finding.related) {
    if (related.size() >= limits_.maxRelatedLocations) break;
    std::optional<SarifJson> loc = location(r.span);
    if (!loc) continue;
    SarifJson entry = {{"id", related.size() + 1}};
    entry.update(*loc);
    entry["message"] = {{"text", r.message}};
    related.push_back(std::move(entry));
  }
  if (!related.empty()) out["relatedLocations"] = std::move(related);

  // A flow longer than code scanning displays keeps its source side and its sink.
  SarifJson steps = SarifJson::array();
  for (size_t i = 0; i < finding.flow.size(); ++i) {
    bool last = i + 1 == finding.flow.size();
    if (!last && steps.size() + 1 >= limits_.maxThreadFlowLocations) continue;
    std::optional<SarifJson> loc = location(finding.flow[i].span);
    if (!loc) continue;
    (*loc)["message"] = {{"text", finding.flow[i].message}};
    steps.push_back({{"location", std::move(*loc)}});
  }
  if (!steps.empty()) {
    out["codeFlows"] = SarifJson::array({{{"threadFlows", SarifJson::array({{{"locations", std::move(steps)}}})}}});
  }

  // Only safe fixes: a consumer that offers to apply them has no --unsafe-fixes to ask first.
  if (const Fix* f = finding.fix(); f && f->applicability == FixApplicability::Safe) {
    if (std::optional<SarifJson> entry = fixObject(*f)) out["fixes"] = SarifJson::array({std::move(*entry)});
  }

  if (finding.suppressed()) {
    SarifJson suppressions = SarifJson::array();
    for (const Suppression& s : finding.suppressions) {
      SarifJson entry = {{"kind", "inSource"}};
      if (std::optional<SarifJson> loc = location(s.comment)) entry["location"] = std::move(*loc);
      suppressions.push_back(std::move(entry));
    }
    out["suppressions"] = std::move(suppressions);
  }
  return out;
}

SarifJson sarifNotification(const std::string& level, const std::string& message) {
  return SarifJson{{"level", level}, {"message", {{"text", message}}}};
}

SarifJson sarifNotification(const RunDiagnostic& diagnostic, const std::string& repositoryRoot) {
  const char* level = "warning";
  switch (diagnostic.severity) {
    case RunDiagnostic::Severity::Note: level = "note"; break;
    case RunDiagnostic::Severity::Warning: level = "warning"; break;
    case RunDiagnostic::Severity::Error: level = "error"; break;
  }
  SarifJson out = sarifNotification(level, diagnostic.message);
  if (auto uri = artifactUriForUserPath(diagnostic.path, repositoryRoot)) {
    SarifJson physical = {{"artifactLocation", artifactLocation(*uri)}};
    if (diagnostic.line > 0) physical["region"] = {{"startLine", diagnostic.line}};
    out["locations"] = SarifJson::array({{{"physicalLocation", std::move(physical)}}});
  }
  return out;
}

}  // namespace hg
