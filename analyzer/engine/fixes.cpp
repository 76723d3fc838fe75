#include "engine/fixes.h"

#include <exception>
#include <map>
#include <string>

#include "engine/fix_generators.h"

namespace hg {

namespace {

using Generator = std::optional<Fix> (*)(const fixes::FixContext&, const Finding&);

const std::map<std::string, Generator>& generators() {
  static const std::map<std::string, Generator> byRule = {
      {"WH102", fixes::compareDigestFix}, {"WH104", fixes::rawBodyMacFix}, {"WH203", fixes::twoSidedWindowFix},
      {"WH301", fixes::bodyLimitFix},     {"WH403", fixes::requestTimeoutFix},
  };
  return byRule;
}

// A generator's edits must stay inside the file and not overlap: anything else is a bug in
// it, and the finding is better left without a fix than with a corrupting one.
bool wellFormed(const Fix& fix, const SourceSet& sources, FileId file) {
  size_t previousEnd = 0;
  for (const TextEdit& e : fix.edits) {
    if (e.file != file || e.startByte > e.endByte || e.endByte > sources.get(file).text.size()) return false;
    if (e.startByte < previousEnd) return false;
    previousEnd = e.endByte;
  }
  return !fix.edits.empty();
}

}  // namespace

void addFixes(const Program& program, const Knowledge& knowledge, const EngineConfig& config,
              std::vector<Finding>& findings) {
  const fixes::FixContext context{program, knowledge, config};
  for (Finding& f : findings) {
    if (f.suppressed() || !f.location.valid() || f.location.file >= program.sources.size()) continue;
    auto it = generators().find(f.ruleId);
    if (it == generators().end()) continue;
    // A generator that trips over an input it did not expect costs the finding its fix, not
    // the scan its report.
    try {
      std::optional<Fix> fix = it->second(context, f);
      if (fix && wellFormed(*fix, program.sources, f.location.file)) f.fixes.push_back(std::move(*fix));
    } catch (const std::exception&) {
    }
  }
}

}  // namespace hg
