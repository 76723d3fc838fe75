// What every reporter needs from ReportInput: findings in the one deterministic order, where a
// span points, and the help line a finding shows.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/source.h"
#include "report/report.h"

namespace hg {

// All findings (suppressed ones too), ordered by findingLess; ties keep the input order.
std::vector<const Finding*> sortedFindings(const ReportInput& input);

// The file a span points into, or nullptr when the span is not inside the program's sources.
const SourceFile* fileOf(const SourceSet& sources, const Span& span);

// The span's file as users see it ("<unknown>" when the span points nowhere).
std::string displayPathOf(const SourceSet& sources, const Span& span);

// Finding::help, or a pointer to the rule's documentation when the rule gave none.
std::string helpFor(const Finding& finding);

}  // namespace hg
