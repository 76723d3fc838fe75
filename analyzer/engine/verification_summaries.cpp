#include "engine/verification_summaries.h"

#include "engine/expr_walk.h"

namespace hg {

VerificationSummaries::VerificationSummaries(const Program& program, const Knowledge& knowledge,
                                             const CallResolver& calls, RequestUseAnalysis& requests,
                                             ValueRoles& roles)
    : program_(program),
      knowledge_(knowledge),
      calls_(calls),
      requests_(requests),
      verificationCalls_(program, knowledge, calls, roles,
                         [this](FunctionId fn) -> const VerificationSummary* { return &summary(fn); }) {}

const VerificationSummary& VerificationSummaries::summary(FunctionId fn) {
  static const VerificationSummary none;
  if (fn >= program_.functionCount()) return none;
  auto it = done_.find(fn);
  if (it != done_.end()) return it->second;
  // Deep helper chains are summarised recursively; past the bound (hostile input) a callee is
  // taken as doing nothing, like a cycle.
  if (inProgress_[fn] || activeDepth_ > 128) return none;
  inProgress_[fn] = true;
  ++activeDepth_;
  VerificationSummary s = compute(fn);
  --activeDepth_;
  inProgress_[fn] = false;
  return done_.emplace(fn, std::move(s)).first->second;
}

const GuardFlow& VerificationSummaries::plainFlow(FunctionId fn) {
  auto it = flows_.find(fn);
  if (it != flows_.end()) return *it->second;
  auto flow = std::make_unique<GuardFlow>(program_, knowledge_, fn, verificationCalls_, GuardFlowOptions{});
  return *flows_.emplace(fn, std::move(flow)).first->second;
}

VerificationSummary VerificationSummaries::compute(FunctionId fnId) {
  VerificationSummary s;
  const Function& fn = program_.function(fnId);
  for (const RequestRead& r : requests_.reads(fnId)) s.readsRequest = s.readsRequest || r.readsInput();

  // May-facts: any verification or request read, here or in what it calls.
  for (const Block& block : fn.blocks) {
    const std::vector<ExprId> roots = blockRoots(block);
    for (ExprId root : roots) {
      walkExpr(fn, root, [&](ExprId id) {
        const Expr& e = fn.expr(id);
        if (e.kind == ExprKind::Call) {
          CallVerdict v = verificationCalls_.classifyCall(fnId, id);
          if (v.attempt) {
            s.attemptsVerification = true;
            s.enforcesTolerance = s.enforcesTolerance || v.tolerance;
            if (knowledge_.matches("verifiers", v.verifier)) s.verificationSites.push_back(e.span);
          }
          FunctionId callee = calls_.resolveCall(fn, id);
          if (callee != kNoFunction && callee != fnId && summary(callee).readsRequest) s.readsRequest = true;
        } else if (e.kind == ExprKind::Compare && verificationCalls_.isVerifyingComparison(fnId, id)) {
          s.attemptsVerification = true;
          s.verificationSites.push_back(e.span);
        }
        return true;
      });
    }
  }

  // Must-facts, from the guard flow.
  const GuardFlow& flow = plainFlow(fnId);
  const GuardState& exit = flow.exitState();
  s.neverReturns = !exit.reached && !fn.blocks.empty() && fn.exit < fn.blocks.size();
  s.verifiesOrAborts = exit.reached && exit.verified;

  bool anyBackedReturn = false;
  bool allReturnsBacked = true;
  for (const GuardFlow::ReturnSite& site : flow.returnSites()) {
    const Stmt& stmt = fn.blocks[site.block].stmts[site.stmt];
    if (stmt.value == kNoExpr) continue;  // None: falsy
    const Expr& value = fn.expr(stmt.value);
    if (isFalsyLiteral(value)) continue;
    bool backed = site.before.verified || flow.condFacts(stmt.value, site.before).ifTrue;
    anyBackedReturn = anyBackedReturn || backed;
    allReturnsBacked = allReturnsBacked && backed;
  }
  s.returnsVerificationResult = anyBackedReturn && allReturnsBacked && !s.verifiesOrAborts;
  return s;
}

}  // namespace hg
