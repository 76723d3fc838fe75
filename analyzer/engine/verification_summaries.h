// Memoized VerificationSummary per function. A function being summarised is marked in
// progress; a recursive or cyclic call then sees the empty summary ("no verification"), so
// every computation terminates.
#pragma once

#include <map>
#include <memory>

#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/guard_flow.h"
#include "engine/request_uses.h"
#include "engine/value_facts.h"
#include "engine/verification_calls.h"
#include "engine/verification_summary.h"

namespace hg {

class VerificationSummaries {
 public:
  VerificationSummaries(const Program& program, const Knowledge& knowledge, const CallResolver& calls,
                        RequestUseAnalysis& requests, ValueRoles& roles);

  const VerificationSummary& summary(FunctionId fn);
  // The verifier oracle, wired to these summaries for calls into the scanned tree.
  VerificationCalls& verificationCalls() { return verificationCalls_; }
  // The guard flow of `fn` with nothing verified on entry (memoized).
  const GuardFlow& plainFlow(FunctionId fn);

 private:
  VerificationSummary compute(FunctionId fn);
  const Program& program_;
  const Knowledge& knowledge_;
  const CallResolver& calls_;
  RequestUseAnalysis& requests_;
  VerificationCalls verificationCalls_;
  std::map<FunctionId, VerificationSummary> done_;
  std::map<FunctionId, bool> inProgress_;
  int activeDepth_ = 0;
  std::map<FunctionId, std::unique_ptr<GuardFlow>> flows_;
};

}  // namespace hg
