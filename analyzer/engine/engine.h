// The rule engine: runs the catalog over a linked Program and returns findings, sorted.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "core/rule_meta.h"
#include "core/progress.h"

namespace hg {

struct EngineConfig {
  std::set<std::string> select;  // empty = all rules
  std::set<std::string> ignore;
  std::map<std::string, Level> levelOverrides;
  bool allPostRoutes = false;
  // Routes the user declares to be webhooks: glob patterns over a route's path or its
  // handler's qualified name ("/api/inbound/*", "app.views.receive").
  std::vector<std::string> webhookRoutes;
  uint64_t maxBodyBytes = 10ull * 1024 * 1024;  // WH302 threshold
  double maxTimestampWindowSeconds = 15 * 60;    // WH203 threshold
  // Threads the rule phase may use (--jobs): above one, the taint analysis runs beside the
  // other rules and the rules that split by function run over parts of the program side by
  // side. Findings do not depend on it.
  unsigned jobs = 1;
};

class RuleContext;  // engine/rule_context.h: the program plus shared, cached analyses

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(RuleContext& context, std::vector<Finding>& out) const = 0;
  // Whether check() asks for context.taint(): the analysis is then started before the rules run.
  virtual bool usesTaint() const { return false; }
  // Whether every finding of check() comes from one function, or one handler with the code it
  // calls, judged on its own: the rule then runs over parts of the program side by side
  // (context.part, engine.cpp) and reports only on the functions and handlers of its part.
  // A rule that deduplicates across functions, or needs every webhook route at once, does not.
  virtual bool splitsByFunction() const { return false; }
};

// Every implemented rule of the catalog, in id order (rules/registry.cpp).
const std::vector<std::unique_ptr<Rule>>& allRules();
const Rule* findRule(const std::string& id);

// The metadata of the whole catalog (WH101..WH503), implemented or not, in id order
// (rules/catalog.cpp): what documentation and tooling can list before every check exists.
const std::vector<RuleMeta>& catalogMetadata();
const RuleMeta* catalogEntry(const std::string& id);

// A select/ignore entry names no rule of the catalog: a usage error the CLI reports (exit 2).
struct UnknownRuleError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Runs the selected rules (select minus ignore; an id is exact, "WH1" selects a group), applies
// levelOverrides, sorts with findingLess and keeps one finding per (rule, location). Throws
// UnknownRuleError for a select/ignore/levelOverrides entry that matches no catalog rule. A
// rule that throws is reported in `diags` and the others still run. `progress`, if given, is
// told of each rule as it starts.
std::vector<Finding> runRules(const Program& program, const Knowledge& knowledge,
                              const EngineConfig& config, Diagnostics& diags, ProgressSink* progress = nullptr);

}  // namespace hg
