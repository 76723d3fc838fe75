#include "report/findings_view.h"

#include <algorithm>

namespace hg {

std::vector<const Finding*> sortedFindings(const ReportInput& input) {
  std::vector<const Finding*> out;
  out.reserve(input.findings.size());
  for (const Finding& f : input.findings) out.push_back(&f);
  const SourceSet& sources = input.program.sources;
  std::stable_sort(out.begin(), out.end(), [&](const Finding* a, const Finding* b) {
    return findingLess(*a, *b, sources);
  });
  return out;
}

const SourceFile* fileOf(const SourceSet& sources, const Span& span) {
  if (span.file == kNoFile || span.file >= sources.size()) return nullptr;
  return &sources.get(span.file);
}

std::string displayPathOf(const SourceSet& sources, const Span& span) {
  const SourceFile* file = fileOf(sources, span);
  return file ? file->displayPath : std::string("<unknown>");
}

std::string helpFor(const Finding& finding) {
  if (!finding.help.empty()) return finding.help;
  return "run `hookguard explain " + finding.ruleId + "`";
}

}  // namespace hg
