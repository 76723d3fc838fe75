// The suppression pass: marks the findings an inline `hookguard: ignore` comment covers (on the
// reported line, or on the def/decorator lines of a function the finding lies in), and reports
// malformed comments, unknown rule names and, on request, comments that suppress nothing.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/program.h"

namespace hg {

struct SuppressionOptions {
  bool reportUnused = false;
  // Ids of the rules that ran: an ignore naming a rule that did not run is not "unused".
  std::set<std::string> rulesRun;
  // Files whose comments are checked (malformed, unknown, unused); empty function = every file.
  std::function<bool(FileId)> isReportedFile;
};

struct SuppressionSummary {
  size_t suppressed = 0;     // findings marked suppressed
  size_t unusedIgnores = 0;  // directives or list entries reported as unused
};

SuppressionSummary applySuppressions(const Program& program, std::vector<Finding>& findings,
                                     const SuppressionOptions& options, Diagnostics& diags);

}  // namespace hg
