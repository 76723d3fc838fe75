// The public, stable description of a rule (see the catalog): what users write in
// suppressions and CI policies, and what SARIF's tool.driver.rules lists.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"

namespace hg {

struct RuleMeta {
  std::string id;         // "WH101"
  std::string name;       // "missing-signature-verification"
  Level level = Level::Error;
  std::string securitySeverity;  // "8.1": a numeric string, as GitHub reads it
  std::vector<std::string> cwes;  // {"CWE-345"}
  std::string shortDescription;   // one sentence, no final period
  std::string precision = "high"; // SARIF properties.precision: very-high|high|medium|low
  std::string docMarkdown;        // the rule's .md (embedded at build time)
};

}  // namespace hg
