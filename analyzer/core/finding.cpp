#include "core/finding.h"

#include <tuple>

namespace hg {

const char* levelName(Level level) {
  switch (level) {
    case Level::Note: return "note";
    case Level::Warning: return "warning";
    case Level::Error: return "error";
  }
  return "error";
}

const char* applicabilityName(FixApplicability applicability) {
  return applicability == FixApplicability::Safe ? "safe" : "unsafe";
}

bool findingLess(const Finding& a, const Finding& b, const SourceSet& sources) {
  auto path = [&](const Finding& f) -> const std::string& {
    static const std::string none;
    return f.location.file < sources.size() ? sources.get(f.location.file).displayPath : none;
  };
  return std::tie(path(a), a.location.line, a.location.column, a.ruleId, a.message) <
         std::tie(path(b), b.location.line, b.location.column, b.ruleId, b.message);
}

}  // namespace hg
