// "Does a successful verification guard this statement?" for any function, with the verification
// a route handler inherits from its decorators and before_request hooks. Flows are computed
// once per function and shared by every rule.
#pragma once

#include <map>
#include <memory>

#include "core/program.h"
#include "engine/guard_flow.h"
#include "engine/route_coverage.h"
#include "engine/verification_summaries.h"

namespace hg {

class GuardAnalysis {
 public:
  GuardAnalysis(const Program& program, const Knowledge& knowledge, VerificationSummaries& summaries,
                RouteCoverageAnalysis& coverage);

  // True when every path from the function's entry to statement `stmt` of `block` passed a
  // successful verification (stmt == conditionIndex(block): the block's branch condition).
  // For a route handler, a verifying decorator or hook counts; a function serving several
  // routes counts as verified on entry only when all of them are covered.
  bool isVerifiedAt(FunctionId fn, BlockId block, size_t stmt);
  // The flow behind isVerifiedAt (entry state included).
  const GuardFlow& flow(FunctionId fn);
  // Whether the function is verified on entry by what wraps it (decorators, hooks).
  bool verifiedOnEntry(FunctionId fn);

 private:
  const Program& program_;
  const Knowledge& knowledge_;
  VerificationSummaries& summaries_;
  RouteCoverageAnalysis& coverage_;
  std::map<FunctionId, std::unique_ptr<GuardFlow>> flows_;
};

}  // namespace hg
