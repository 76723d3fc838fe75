// What a rule sees: the program, the knowledge, the configuration, the run's diagnostics, and
// the analyses rules share. Each analysis is created on first use and cached, so it runs at most
// once per scan whatever the number of rules asking. Not thread-safe: rules run one at a time.
//
//   context.requestReads(fn)                  request reads in a function (request_uses.h)
//   context.calls().resolveCall(fn, call)     the scanned function a call reaches
//   context.values().flags(fnId, expr)        request / signature header / MAC facts of a function
//   context.valueRoles().roles(fnId, expr)    what a value is for the auth rules (value_roles.h)
//   context.summaries().summary(fn)           per-function verification summary
//   context.verificationCalls()               is this call/comparison a verification?
//   context.coverage().coverage(route)        decorators / before_request hooks / dispatch
//   context.guards().isVerifiedAt(fn, b, s)   a successful verification dominates this statement
//   context.webhooks().handlers()             the webhook handlers of the program
//   context.valueRoles().roles(fnId, expr)    MAC / signature header / secret by origin (value_roles.h)
//   context.taint().hits()                    request data reaching sinks (taint_analysis.h)
//   context.scopes().scope(route)             the code that runs for a route (route_scope.h)
//   context.replay().forRoute(route)          freshness checks and de-duplication (replay_protection.h)
//   context.bodyLimits().applications()       request size limits per application (body_limits.h)
#pragma once

#include <memory>
#include <vector>

#include "core/diagnostics.h"
#include "core/knowledge.h"
#include "core/program.h"
#include "engine/call_resolution.h"
#include "engine/constant_folding.h"
#include "engine/engine.h"
#include "engine/guards.h"
#include "engine/request_uses.h"
#include "engine/route_coverage.h"
#include "engine/value_facts.h"
#include "engine/value_roles.h"
#include "engine/verification_summaries.h"
#include "engine/webhooks.h"

namespace hg {

class BackgroundTaint;
class BodyLimitAnalysis;
class ReplayAnalysis;
class RouteScopes;
class TaintAnalysis;

class RuleContext {
 public:
  RuleContext(const Program& program, const Knowledge& knowledge, const EngineConfig& config, Diagnostics& diags);
  ~RuleContext();
  RuleContext(const RuleContext&) = delete;
  RuleContext& operator=(const RuleContext&) = delete;

  const Program& program;
  const Knowledge& knowledge;
  const EngineConfig& config;
  Diagnostics& diagnostics;

  const CallResolver& calls();
  RequestUseAnalysis& requestUses();
  const std::vector<RequestRead>& requestReads(FunctionId fn) { return requestUses().reads(fn); }
  ValueFacts& values();
  VerificationSummaries& summaries();
  VerificationCalls& verificationCalls() { return summaries().verificationCalls(); }
  RouteCoverageAnalysis& coverage();
  GuardAnalysis& guards();
  WebhookClassifier& webhooks();
  const ConstantFolder& constants();
  ValueRoles& valueRoles();
  TaintAnalysis& taint();
  // Starts the taint analysis on a thread of its own (background_taint.h); taint() waits for it.
  void startTaintInBackground();
  RouteScopes& scopes();
  ReplayAnalysis& replay();
  BodyLimitAnalysis& bodyLimits();

 private:
  std::unique_ptr<CallResolver> calls_;
  std::unique_ptr<RequestUseAnalysis> requests_;
  std::unique_ptr<ValueFacts> values_;
  std::unique_ptr<VerificationSummaries> summaries_;
  std::unique_ptr<RouteCoverageAnalysis> coverage_;
  std::unique_ptr<GuardAnalysis> guards_;
  std::unique_ptr<WebhookClassifier> webhooks_;
  std::unique_ptr<ConstantFolder> constants_;
  std::unique_ptr<ValueRoles> valueRoles_;
  std::unique_ptr<TaintAnalysis> taint_;
  std::unique_ptr<BackgroundTaint> backgroundTaint_;
  TaintAnalysis* taintInUse_ = nullptr;  // taint_ or the background analysis
  std::unique_ptr<RouteScopes> scopes_;
  std::unique_ptr<ReplayAnalysis> replay_;
  std::unique_ptr<BodyLimitAnalysis> bodyLimits_;
};

}  // namespace hg
