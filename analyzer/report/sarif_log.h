// The SARIF 2.1.0 log GitHub code scanning ingests, built from findings and a rule catalog.
// writeSarif (sarif.cpp) passes the engine's catalog; tests pass their own.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/rule_meta.h"
#include "report/report.h"

namespace hg {

// GitHub's upload limits (docs: "SARIF support for code scanning"). Beyond them the upload is
// rejected, so the log keeps a deterministic prefix of the sorted results and says so in a
// tool notification. The file limit applies to the text we write, which is stricter than
// GitHub's limit on the compressed upload.
struct SarifLimits {
  size_t maxResults = 25000;
  size_t maxBytes = 10 * 1000 * 1000;
  size_t maxThreadFlowLocations = 1000;  // GitHub shows no more per result
  size_t maxRelatedLocations = 1000;     // GitHub accepts no more per result
};

// informationUri when the caller has none, and the base of rule links: the build's
// HOOKGUARD_DOCS_URL (CMakeLists.txt), by default in a reserved domain.
#ifndef HOOKGUARD_DOCS_URL
#define HOOKGUARD_DOCS_URL "https://hookguard.invalid/"
#endif
inline constexpr const char* kDefaultInformationUri = HOOKGUARD_DOCS_URL;

inline constexpr const char* kSarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

std::string renderSarif(const ReportInput& input, const std::vector<RuleMeta>& catalog,
                        const SarifLimits& limits = {});

}  // namespace hg
