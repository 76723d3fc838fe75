// The pieces of the SARIF log, one function per object kind (internal to the report layer).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/rule_meta.h"
#include "report/report.h"
#include "report/sarif_log.h"

namespace hg {

using SarifJson = nlohmann::ordered_json;

// tool.driver.rules[i] for one rule of the catalog.
SarifJson sarifRule(const RuleMeta& rule);

// Builds results; remembers each file's line hashes so a file is hashed once.
class SarifResultBuilder {
 public:
  SarifResultBuilder(const ReportInput& input, const std::vector<RuleMeta>& catalog, const SarifLimits& limits);

  // nullopt when the finding has no usable primary location (code scanning would reject it).
  std::optional<SarifJson> result(const Finding& finding);

 private:
  std::optional<SarifJson> location(const Span& span);
  SarifJson region(const Span& span) const;
  std::optional<SarifJson> fixObject(const Fix& fix);
  std::optional<std::string> lineHash(const Span& span);

  const ReportInput& input_;
  const SarifLimits& limits_;
  std::map<std::string, size_t> ruleIndex_;
  std::map<FileId, std::optional<std::vector<std::string>>> lineHashes_;
};

// invocations[0].toolExecutionNotifications[i] for a run diagnostic.
SarifJson sarifNotification(const RunDiagnostic& diagnostic, const std::string& repositoryRoot);
SarifJson sarifNotification(const std::string& level, const std::string& message);

}  // namespace hg
