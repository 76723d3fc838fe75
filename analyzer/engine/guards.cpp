#include "engine/guards.h"

namespace hg {

GuardAnalysis::GuardAnalysis(const Program& program, const Knowledge& knowledge, VerificationSummaries& summaries,
                             RouteCoverageAnalysis& coverage)
    : program_(program), knowledge_(knowledge), summaries_(summaries), coverage_(coverage) {}

bool GuardAnalysis::verifiedOnEntry(FunctionId fn) {
  bool anyRoute = false;
  for (size_t i = 0; i < program_.routes.size(); ++i) {
    if (program_.routes[i].handler != fn) continue;
    anyRoute = true;
    if (!coverage_.coverage(i).verified) return false;
  }
  return anyRoute;
}

const GuardFlow& GuardAnalysis::flow(FunctionId fn) {
  auto it = flows_.find(fn);
  if (it != flows_.end()) return *it->second;
  GuardFlowOptions options;
  options.entryVerified = verifiedOnEntry(fn);
  auto flow = std::make_unique<GuardFlow>(program_, knowledge_, fn, summaries_.verificationCalls(), options);
  return *flows_.emplace(fn, std::move(flow)).first->second;
}

bool GuardAnalysis::isVerifiedAt(FunctionId fn, BlockId block, size_t stmt) {
  if (fn >= program_.functionCount()) return false;
  return flow(fn).isVerifiedAt(block, stmt);
}

}  // namespace hg
