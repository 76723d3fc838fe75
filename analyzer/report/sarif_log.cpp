#include "report/sarif_log.h"

#include <algorithm>
#include <tuple>

#include "report/findings_view.h"
#include "report/sarif_parts.h"
#include "report/uri.h"

namespace hg {
namespace {

// Run diagnostics come from parallel front-ends: sort them so the log is the same every run.
std::vector<const RunDiagnostic*> sortedDiagnostics(const std::vector<RunDiagnostic>& diagnostics) {
  std::vector<const RunDiagnostic*> out;
  for (const RunDiagnostic& d : diagnostics) out.push_back(&d);
  std::stable_sort(out.begin(), out.end(), [](const RunDiagnostic* a, const RunDiagnostic* b) {
    return std::tie(a->path, a->line, a->severity, a->message) <
           std::tie(b->path, b->line, b->severity, b->message);
  });
  return out;
}

SarifJson driver(const ReportInput& input, const std::vector<RuleMeta>& catalog) {
  SarifJson rules = SarifJson::array();
  for (const RuleMeta& rule : catalog) rules.push_back(sarifRule(rule));
  return SarifJson{
      {"name", "hookguard"},
      {"version", HOOKGUARD_VERSION},
      {"semanticVersion", HOOKGUARD_VERSION},
      {"informationUri", input.informationUri.empty() ? std::string(kDefaultInformationUri) : input.informationUri},
      {"rules", std::move(rules)},
  };
}

std::string serialize(const SarifJson& log) {
  // Invalid UTF-8 in a message (text quoted from a hostile file) must not abort the report.
  return log.dump(2, ' ', false, SarifJson::error_handler_t::replace) + "\n";
}

class SarifAssembler {
 public:
  SarifAssembler(SarifJson skeleton, std::vector<SarifJson> results, size_t omittedWithoutLocation)
      : skeleton_(std::move(skeleton)), results_(std::move(results)), omitted_(omittedWithoutLocation) {}

  // The log with the first `kept` results; a note when any were left out.
  std::string render(size_t kept, const std::string& reason) const {
    SarifJson log = skeleton_;
    SarifJson& run = log["runs"][0];
    SarifJson& notifications = run["invocations"][0]["toolExecutionNotifications"];
    if (omitted_ > 0) {
      notifications.push_back(sarifNotification(
          "warning", std::to_string(omitted_) + " finding(s) without a source location were left out of the SARIF log"));
    }
    if (kept < results_.size()) {
      notifications.push_back(sarifNotification(
          "warning", "the SARIF log holds the first " + std::to_string(kept) + " of " +
                         std::to_string(results_.size()) + " results (in path, line, column order): " + reason));
    }
    SarifJson& results = run["results"];
    for (size_t i = 0; i < kept; ++i) results.push_back(results_[i]);
    return serialize(log);
  }

  size_t size() const { return results_.size(); }

  // What result i adds to a rendered log, nearly exactly: its text, indented as the log's
  // results are (8 spaces a line), and the separator.
  size_t cost(size_t i) const {
    const std::string text = serialize(results_[i]);
    return text.size() + 8 * static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 2;
  }

 private:
  SarifJson skeleton_;
  std::vector<SarifJson> results_;
  size_t omitted_;
};

}  // namespace

std::string renderSarif(const ReportInput& input, const std::vector<RuleMeta>& catalog, const SarifLimits& limits) {
  SarifResultBuilder builder(input, catalog, limits);
  std::vector<SarifJson> results;
  size_t omitted = 0;
  for (const Finding* finding : sortedFindings(input)) {
    if (std::optional<SarifJson> r = builder.result(*finding)) {
      results.push_back(std::move(*r));
    } else {
      ++omitted;
    }
  }

  bool anySkipped = false;
  SarifJson notifications = SarifJson::array();
  for (const RunDiagnostic* d : sortedDiagnostics(input.diagnostics)) {
    anySkipped = anySkipped || d->fileSkipped;
    notifications.push_back(sarifNotification(*d, input.repositoryRoot));
  }

  SarifJson run = {
      {"tool", {{"driver", driver(input, catalog)}}},
      {"invocations",
       SarifJson::array({{{"executionSuccessful", !anySkipped}, {"toolExecutionNotifications", notifications}}})},
  };
  if (!input.repositoryRoot.empty() && input.repositoryRoot.front() == '/') {
    run["originalUriBaseIds"] = {{kSourceRootBaseId, {{"uri", fileUri(input.repositoryRoot, true)}}}};
  }
  std::string category = input.sarifCategory.empty() ? std::string("hookguard") : input.sarifCategory;
  if (!category.ends_with("/")) category += "/";
  run["automationDetails"] = {{"id", category}};
  run["results"] = SarifJson::array();
  run["columnKind"] = "unicodeCodePoints";

  SarifJson skeleton = {
      {"$schema", kSarifSchemaUri},
      {"version", "2.1.0"},
      {"runs", SarifJson::array({std::move(run)})},
  };

  SarifAssembler assembler(std::move(skeleton), std::move(results), omitted);
  size_t kept = std::min(assembler.size(), limits.maxResults);
  std::string countReason =
      "GitHub code scanning accepts at most " + std::to_string(limits.maxResults) + " results per run";
  std::string text = assembler.render(kept, countReason);
  if (text.size() <= limits.maxBytes) return text;

  // Too large: the longest prefix of the sorted results that fits. The results' sizes give a
  // near-exact estimate; complete renderings around it make the answer exact. (Bisection
  // over renderings took a dozen of them, each as large as the limit.)
  std::string sizeReason = "GitHub code scanning rejects SARIF files larger than " +
                           std::to_string(limits.maxBytes) + " bytes";
  std::string best = assembler.render(0, sizeReason);
  size_t fits = 0;
  size_t estimated = best.size();
  while (fits < kept) {
    estimated += assembler.cost(fits);
    if (estimated > limits.maxBytes) break;
    ++fits;
  }
  if (fits > 0) {
    std::string candidate = assembler.render(fits, sizeReason);
    while (fits > 0 && candidate.size() > limits.maxBytes) candidate = assembler.render(--fits, sizeReason);
    best = std::move(candidate);
  }
  while (fits < kept) {
    std::string candidate = assembler.render(fits + 1, sizeReason);
    if (candidate.size() > limits.maxBytes) break;
    ++fits;
    best = std::move(candidate);
  }
  return best;
}

}  // namespace hg
