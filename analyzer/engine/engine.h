// The rule engine: runs the catalog over a linked Program and returns findings, sorted.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/finding.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "core/rule_meta.h"

namespace hg {

struct EngineConfig {
  std::set<std::string> select;  // empty = all rules
  std::set<std::string> ignore;
  std::map<std::string, Level> levelOverrides;
  bool allPostRoutes = false;
  uint64_t maxBodyBytes = 10ull * 1024 * 1024;  // WH302 threshold
  double maxTimestampWindowSeconds = 15 * 60;    // WH203 threshold
};

class RuleContext;  // engine/rule_context.h: the program plus shared, cached analyses

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(RuleContext& context, std::vector<Finding>& out) const = 0;
};

// Every rule of the catalog, in id order (rules/registry.cpp).
const std::vector<std::unique_ptr<Rule>>& allRules();
const Rule* findRule(const std::string& id);

std::vector<Finding> runRules(const Program& program, const Knowledge& knowledge,
                              const EngineConfig& config, Diagnostics& diags);

}  // namespace hg
