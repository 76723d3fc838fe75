// What a scan adds around the rules: sibling modules read for context when files are named one
// by one (pre-commit passes only the changed files), the user's knowledge entries, and the
// last step over the findings (context files dropped, inline suppressions applied).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "cli/file_discovery.h"
#include "cli/scan.h"

namespace hg {

// Appends, as contextOnly files, the Python files next to each named Python file that the
// discovery did not already hold (and that `exclude` does not leave out): a handler's helpers
// usually live in its own package, and without them every helper-based verification would
// look missing.
void addSiblingContext(DiscoveryResult& found, const DiscoveryOptions& options);

// Loads ScanOptions::extraKnowledge into the result's knowledge; false (reported) on error.
bool loadExtraKnowledge(ScanResult& result, const ScanOptions& options);

// Drops findings and diagnostics in context files, then applies inline suppressions.
void finishFindings(ScanResult& result, const ScanOptions& options, const std::vector<DiscoveredFile>& files);

}  // namespace hg
