// What a rule sees: the program, the knowledge, the configuration, the run's diagnostics, and
// the analyses rules share. Each analysis is created on first use and cached, so it runs at most
// once per scan whatever the number of rules asking. Not thread-safe: a context serves one thread;
// a split rule phase gives each thread a context of its own over a part of the program.
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
#include "engine/function_range.h"
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
class TaintCatalog;

class RuleContext {
 public:
  RuleContext(const Program& program, const Knowledge& knowledge, const EngineConfig& config, Diagnostics& diags);
  // A context over a part of the program that shares a finished call resolver (which is only
  // read) with the contexts of the other parts.
  RuleContext(const Program& program, const Knowledge& knowledge, const EngineConfig& config, Diagnostics& diags,
              const CallResolver& sharedCalls, FunctionRange part);
  ~RuleContext();
  RuleContext(const RuleContext&) = delete;
  RuleContext& operator=(const RuleContext&) = delete;

  const Program& program;
  const Knowledge& knowledge;
  const EngineConfig& config;
  Diagnostics& diagnostics;
  // What the rules that split by function look at (Rule::splitsByFunction); the whole program
  // unless the rule phase is split.
  const FunctionRange part;
  bool owns(FunctionId fn) const { return part.contains(fn); }

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
  // Takes a copy of another context's finished value roles instead of computing them again.
  void adoptValueRoles(const ValueRoles& computed);
  TaintAnalysis& taint();
  // The sources, sinks and sanitizers the taint analysis knows, without running it.
  const TaintCatalog& taintCatalog();
  // Starts the taint analysis on a thread of its own (background_taint.h); taint() waits for it.
  void startTaintInBackground();
  RouteScopes& scopes();
  ReplayAnalysis& replay();
  BodyLimitAnalysis& bodyLimits();

 private:
  std::unique_ptr<CallResolver> calls_;
  const CallResolver* sharedCalls_ = nullptr;
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
  std::unique_ptr<TaintCatalog> taintCatalog_;
  std::unique_ptr<RouteScopes> scopes_;
  std::unique_ptr<ReplayAnalysis> replay_;
  std::unique_ptr<BodyLimitAnalysis> bodyLimits_;
};

}  // namespace hg
