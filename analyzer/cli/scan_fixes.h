// The --fix and --diff steps of `hookguard scan`, between the analysis and the report.
#pragma once

#include <ostream>

#include "cli/scan.h"

namespace hg {

struct FixCounts {
  size_t fixable = 0;  // unsuppressed findings whose fix is enabled
  size_t hidden = 0;   // ... whose fix is unsafe and --unsafe-fixes was not given
};
FixCounts countFixes(const std::vector<Finding>& findings, bool unsafeFixes);

// --diff: one unified diff per file that the enabled fixes change, paths as displayed.
// Returns the number of findings they fix.
size_t writeFixDiffs(std::ostream& out, const ScanResult& result, bool unsafeFixes);

struct AppliedFixes {
  size_t fixed = 0;          // findings whose fix was written
  size_t filesWritten = 0;
};
// --fix: writes each file's fixes; a file that cannot be written, or changed since it was
// read, is left alone with a warning on `err`.
AppliedFixes applyFixes(const ScanResult& result, bool unsafeFixes, std::ostream& err, bool color);

}  // namespace hg
